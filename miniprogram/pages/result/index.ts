/**
 * 充值结果: reads the order from the record store and says plainly where it stands.
 * An unsettled order offers 刷新结果, which asks checkout to reconcile and reads again.
 * An order that charged nothing (cancelled, failed) offers 重新支付: the same number and
 * package through confirm again, as a fresh order with its own idempotency key. Opened
 * at launch, the page reads the order again once the launch's reconciliation is done.
 */
import { repeatQuery } from '../../core/order';
import { services } from '../../services/container';
import { privateState } from '../../lib/private-state';
import { decodeQuery } from '../../services/wx/navigator';
import { resultView, type ResultView } from './view';
import { careMode } from '../../services/care/page-behavior';

interface ResultState {
  orderId: string;
  shown: boolean;
  refreshing: boolean;
}

const stateOf = privateState<ResultState>(() => ({ orderId: '', shown: false, refreshing: false }));

Component({
  behaviors: [careMode],
  data: {
    found: true,
    view: null as ResultView | null,
    refreshing: false,
  },

  methods: {
    onLoad(raw: Record<string, string | undefined>) {
      stateOf(this).orderId = decodeQuery(raw).orderId ?? '';
      this.read();
      // A reconciliation running now (the launch's) may settle this very order.
      void services().checkout.settled().then(() => this.read());
    },

    onShow() {
      // Back from the voucher: the order may have settled meanwhile.
      const state = stateOf(this);
      if (state.shown) this.read();
      state.shown = true;
    },

    read() {
      const { orderId } = stateOf(this);
      const order = orderId ? services().records.get(orderId) : undefined;
      if (!order) {
        if (this.data.found || this.data.view) this.setData({ found: false, view: null });
        return;
      }
      const view = resultView(order);
      if (JSON.stringify(view) !== JSON.stringify(this.data.view)) this.setData({ found: true, view });
    },

    async onRefresh() {
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
        this.read();
      }
    },

    /** 重新支付: a new order for the same card and package (confirm makes it, with a new key). */
    onRetry() {
      const order = services().records.get(stateOf(this).orderId);
      if (order && (order.state === 'cancelled' || order.state === 'pay_failed')) services().navigator.open('confirm', repeatQuery(order));
    },

    /** 补缴欠费: the packages of this number, where the smallest recharge that restores the line is suggested. */
    onPayDebt() {
      const order = services().records.get(stateOf(this).orderId);
      if (order) services().navigator.open('packages', { phone: order.phone });
    },

    onVoucher() {
      const { orderId } = stateOf(this);
      if (orderId) services().navigator.open('voucher', { orderId });
    },

    onAnother() {
      services().navigator.open('lookup');
    },

    onHome() {
      services().navigator.open('home');
    },
  },
});
