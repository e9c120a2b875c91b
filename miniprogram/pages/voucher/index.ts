/**
 * 凭证 (order detail): every field of one order (下单方式 and 归属地 among them), the order
 * number to copy, the number masked until tapped, 再次充值 with the same package once the
 * outcome is settled (刷新结果 while money may still be moving), 保存凭证图片 (picture/),
 * 申请发票 or the state of the order's invoice, and delete after a confirmation.
 */
import { deleteRecordWithConsent } from '../../services/checkout/record-deletion';
import { services } from '../../services/container';
import { privateState } from '../../lib/private-state';
import { decodeQuery } from '../../services/wx/navigator';
import { voucherView, type VoucherView } from './voucher';
import { repeatQuery } from '../../core/order';
import type { Order } from '../../core/types';
import { voucherInvoice, type VoucherInvoice } from './invoice-entry';
import { NO_PICTURE, voucherPictureMethods } from './picture/page-methods';
import { careMode } from '../../services/care/page-behavior';

/** leaving: a page was opened from here and this one not shown again yet (a second tap opens nothing more). */
const stateOf = privateState<{ orderId: string | null; refreshing: boolean; leaving: boolean }>(() => ({ orderId: null, refreshing: false, leaving: false }));

Component({
  behaviors: [careMode],
  data: {
    view: null as VoucherView | null,
    missing: '',
    revealed: false,
    refreshing: false,
    invoice: null as VoucherInvoice | null,
    picture: { ...NO_PICTURE },
  },

  methods: {
    ...voucherPictureMethods,

    /** The order the picture is drawn from: the stored one, read again (it may have settled). */
    pictureOrder(): Order | undefined {
      const id = stateOf(this).orderId;
      return id ? services().records.get(id) : undefined;
    },

    onLoad(query: Record<string, string | undefined>): void {
      const orderId = decodeQuery(query).orderId ?? '';
      stateOf(this).orderId = orderId;
      this.show(orderId);
    },

    onShow(): void {
      stateOf(this).leaving = false;
      // Back from 再次充值 or the invoice: the stored order (reconciliation) or its invoice may have changed.
      const orderId = stateOf(this).orderId;
      if (orderId !== null && this.data.view) this.show(orderId);
    },

    show(orderId: string): void {
      const order = orderId ? services().records.get(orderId) : undefined;
      if (!order) {
        this.setData({
          view: null,
          invoice: null,
          missing: orderId ? `找不到订单 ${orderId}。它可能已被删除，或不是在这台手机上下的单。` : '没有指定要查看的订单。',
        });
        return;
      }
      this.setData({ view: voucherView(order), missing: '' });
      void this.showInvoice(order);
    },

    /** The 电子发票 row, once the invoice rules have arrived with their subpackage; none when they cannot come. */
    async showInvoice(order: Order): Promise<void> {
      try {
        const { storage, clock, loadInvoiceRules } = services();
        const rules = await loadInvoiceRules();
        if (stateOf(this).orderId !== order.id) return;
        this.setData({ invoice: voucherInvoice(order, rules, rules.listInvoices(storage, clock)) });
      } catch {
        this.setData({ invoice: null });
      }
    },

    /** 申请发票: the invoice page with this order picked (it checks the order again). */
    onApplyInvoice(): void {
      const order = this.pictureOrder();
      // canApply was worked out when the voucher showed; the invoice page checks the order again.
      if (!order || stateOf(this).leaving || !this.data.invoice?.canApply) return;
      stateOf(this).leaving = true;
      services().navigator.open('invoice', { orderIds: order.id });
    },

    onOpenInvoice(): void {
      const id = this.data.invoice?.invoiceId;
      if (!id || stateOf(this).leaving) return;
      stateOf(this).leaving = true;
      services().navigator.open('invoice/detail', { id });
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
