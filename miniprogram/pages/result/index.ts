/**
 * 充值结果: reads the order from the record store and says plainly where it stands.
 * An unsettled order offers 刷新结果, which asks checkout to reconcile and reads again.
 */
import { services } from '../../services/container';
import { privateState } from '../../lib/private-state';
import { decodeQuery } from '../../services/wx/navigator';
import { resultView, type ResultView } from './view';

interface ResultState {
  orderId: string;
  shown: boolean;
  refreshing: boolean;
}

const stateOf = privateState<ResultState>(() => ({ orderId: '', shown: false, refreshing: false }));

Component({
  data: {
    found: true,
    view: null as ResultView | null,
    refreshing: false,
  },

  methods: {
    onLoad(raw: Record<string, string | undefined>) {
      stateOf(this).orderId = decodeQuery(raw).orderId ?? '';
      this.read();
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
