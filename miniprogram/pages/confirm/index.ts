/**
 * 确认订单: the number in full and large (请核对号码), the order as core prices it (in
 * yuan, as WeChat Pay charges), a warning and a second confirmation when the same number
 * and product were paid in the last 10 minutes, and a pay button that starts at most one
 * payment: the order (and its idempotency key) is made once per attempt, and a tap while
 * paying is ignored.
 *
 * The card is the one this renewal already holds for the number in the link (renewal
 * cache, keyed by number), reused while fresh; older, or on pull-down, it is asked again.
 * Opened at launch, the page first waits for the launch's reconciliation, so it never
 * offers to pay against figures an interrupted order is about to change.
 *
 * Cancelling on the sheet stays here (as WeChat Pay's own cancel does) and offers 重新支付,
 * a fresh order. Any other outcome opens the result alone (wx.reLaunch), so back cannot
 * lead into paying again. A page the user has left never navigates: the outcome of a
 * payment still running then arrives as a toast.
 *
 * The figures (figure-methods.ts) and the payment (pay-methods.ts) are modules of methods
 * the page spreads in; the page itself reads the link and moves between pages.
 */
import { services } from '../../services/container';
import { decodeQuery } from '../../services/wx/navigator';
import { figureMethods, type Status } from './figure-methods';
import { payMethods } from './pay-methods';
import { readConfirmQuery, type ConfirmView } from './summary';

Component({
  data: {
    status: 'loading' as Status,
    message: '',
    phone: '',
    view: null as ConfirmView | null,
    updatedAt: '',
    duplicate: '',
    paying: false,
    payError: '',
    /** After a cancelled payment: say so, and the button reads 重新支付. */
    notice: '',
    retry: false,
  },

  lifetimes: {
    ready() {
      this.attachSheet();
    },

    detached() {
      this.markLeft();
      this.releaseSheet();
    },
  },

  methods: {
    ...figureMethods,
    ...payMethods,

    onLoad(raw: Record<string, string | undefined>) {
      const read = readConfirmQuery(decodeQuery(raw));
      if (!read.ok) {
        this.setData({ status: 'invalid', message: read.message });
        return;
      }
      this.loadRequest(read.value);
    },

    onUnload() {
      this.markLeft();
    },

    async onPullDownRefresh() {
      if (!this.isPaying()) await this.load(true);
      services().device.stopPullDownRefresh();
    },

    onRetry() {
      void this.load();
    },

    onBack() {
      services().navigator.back();
    },

    /** The whole scam warning, with 110 and 12300 to call, is the help page's. */
    onScamHelp() {
      services().navigator.open('help');
    },
  },
});
