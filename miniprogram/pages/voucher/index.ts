/**
 * 凭证 (order detail): every field of one order, the order number to copy, the number
 * masked until tapped, 再次充值 with the same package once the outcome is settled (刷新结果
 * while money may still be moving), and delete after a confirmation.
 */
import { deleteRecordWithConsent } from '../../services/checkout/record-deletion';
import { services } from '../../services/container';
import { privateState } from '../../lib/private-state';
import { decodeQuery } from '../../services/wx/navigator';
import { voucherView, type VoucherView } from './voucher';
import { repeatQuery } from '../../core/order';
import { careMode } from '../../services/care/page-behavior';

const stateOf = privateState<{ orderId: string | null; refreshing: boolean }>(() => ({ orderId: null, refreshing: false }));

Component({
  behaviors: [careMode],
  data: {
    view: null as VoucherView | null,
    missing: '',
    revealed: false,
    refreshing: false,
  },

  methods: {
    onLoad(query: Record<string, string | undefined>): void {
      const orderId = decodeQuery(query).orderId ?? '';
      stateOf(this).orderId = orderId;
      this.show(orderId);
    },

    onShow(): void {
      // Back from 再次充值: the stored order may have changed (reconciliation).
      const orderId = stateOf(this).orderId;
      if (orderId !== null && this.data.view) this.show(orderId);
    },

    show(orderId: string): void {
      const order = orderId ? services().records.get(orderId) : undefined;
      if (!order) {
        this.setData({
          view: null,
          missing: orderId ? `找不到订单 ${orderId}。它可能已被删除，或不是在这台手机上下的单。` : '没有指定要查看的订单。',
        });
        return;
      }
      this.setData({ view: voucherView(order), missing: '' });
    },

    async onCopyId(): Promise<void> {
      const view = this.data.view;
      if (!view) return;
      const { device } = services();
      const copied = await device.copy(view.id);
      device.toast(copied ? '订单号已复制' : '复制失败，请长按订单号手动复制', copied ? 'success' : 'none');
    },

    onTogglePhone(): void {
      this.setData({ revealed: !this.data.revealed });
    },

    /** Only offered once no money can still be moving (voucherView canBuyAgain); checked again here. */
    onRenewAgain(): void {
      const order = services().records.get(stateOf(this).orderId ?? '');
      if (!order) {
        services().device.toast('这条记录已经不在了');
        return;
      }
      if (!voucherView(order).canBuyAgain) return;
      services().navigator.open('confirm', repeatQuery(order));
    },

    /** 刷新结果: settles open orders with WeChat Pay and the carrier, then shows this one again. */
    async onRefresh(): Promise<void> {
      const state = stateOf(this);
      if (state.refreshing) return;
      state.refreshing = true;
      this.setData({ refreshing: true });
      try {
        await services().checkout.reconcile();
      } catch {
        services().device.toast('暂时查不到结果，请稍后再试');
      } finally {
        state.refreshing = false;
        this.setData({ refreshing: false });
        if (state.orderId) this.show(state.orderId);
      }
    },

    async onDelete(): Promise<void> {
      const { records, device, navigator } = services();
      const order = records.get(stateOf(this).orderId ?? '');
      if (!order) return;
      if (!(await deleteRecordWithConsent(order, { records, device }))) return;
      navigator.back();
    },

    onBackToRecords(): void {
      services().navigator.open('records');
    },
  },
});
