/**
 * 帮助与客服: the scam warning first (with 110 and 12300 to call), hotlines with a call
 * button, store visits, safety tips. Static text from content.ts and scam.ts; the page
 * only dials.
 */
import { services } from '../../services/container';
import { HELP_SECTIONS, HOTLINES } from './content';
import { SCAM_WARNING } from './scam';
import { careMode } from '../../services/care/page-behavior';

Component({
  behaviors: [careMode],
  data: {
    scam: SCAM_WARNING,
    hotlines: HOTLINES,
    sections: HELP_SECTIONS,
  },

  methods: {
    onLoad() {},

    async onCall(event: WechatMiniprogram.BaseEvent) {
      const dial = String(event.currentTarget.dataset.dial ?? '');
      if (!dial) return;
      const placed = await services().device.call(dial);
      if (!placed) services().device.toast('没有拨出，请手动拨打 ' + dial);
    },
  },
});
