/**
 * 演示环境: the offline backend's own page, in its subpackage. Inside WeChat there is no
 * preview side panel, so this is where a person learns that nothing here is real (no money
 * moves, no SMS is sent), which demo numbers show which situation, and how the pay sheet's
 * 模拟结果 row works. Tapping a number copies it, to paste on 充值.
 */
import { services } from '../../../services/container';
import { DEMO_NUMBERS } from '../card-data';

Component({
  data: {
    numbers: DEMO_NUMBERS.map((demo) => ({ phone: demo.phone, description: demo.description })),
  },

  methods: {
    async onCopy(event: WechatMiniprogram.BaseEvent) {
      const phone = String(event.currentTarget.dataset.phone ?? '');
      if (!phone) return;
      const { device } = services();
      const copied = await device.copy(phone);
      device.toast(copied ? `已复制 ${phone}，可到「充值」粘贴查询` : '复制失败，请手动输入号码', copied ? 'success' : 'none');
    },
  },
});
