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
 */
import type { CardProfile, Order, Quote } from '../../core/types';
import { chargeFor, isRateUsable, type Charge, type RateQuote } from '../../core/charge';
import { chinaToday, formatChinaTime } from '../../core/dates';
import { createOrder, newIdempotencyKey, newOrderId } from '../../core/order';
import { formatFullPhone } from '../../core/phone';
import { quote } from '../../core/pricing';
import type { CheckoutResult, PaymentRequest, SheetChoice } from '../../services/contracts';
import { services } from '../../services/container';
import { LatestLookup, cardFor, rateFor } from '../../services/cards/card-lookup';
import { decodeQuery } from '../../services/wx/navigator';
import { privateState } from '../../lib/private-state';
import { DUPLICATE_WARNING, confirmView, productFitsCard, readConfirmQuery, type ConfirmRequest, type ConfirmView } from './summary';
import { careMode } from '../../services/care/page-behavior';

type Status = 'loading' | 'ready' | 'failed' | 'invalid';

export const CANCELLED_NOTE = '已取消支付，没有扣款。核对无误后可以重新支付';
const LEFT_NOTE = '，可在「记录」中查看';

interface ConfirmState {
  request: ConfirmRequest | null;
  card: CardProfile | null;
  quote: Quote | null;
  /** What WeChat Pay will charge for the quote: yuan, with the rate used for a peso price. */
  charge: Charge | null;
  /** Made at the first pay tap and kept: every later tap pays with the same idempotency key. */
  order: Order | null;
  /** Set before any await, so a second tap during payment (or its dialog) does nothing. */
  paying: boolean;
  /** Once the page has moved on to the result, nothing here runs again. */
  done: boolean;
  /** The user left the page: it must not move the app any more. */
  gone: boolean;
  lookup: LatestLookup;
  /** Detaches this page's pay sheet from the payment backend's sheet slot. */
  detachSheet: (() => void) | null;
}

const stateOf = privateState<ConfirmState>(() => ({
  request: null,
  card: null,
  quote: null,
  charge: null,
  order: null,
  paying: false,
  done: false,
  gone: false,
  lookup: new LatestLookup(),
  detachSheet: null,
}));

/** What the page's <payment-sheet> component offers: it shows the request and resolves with the choice. */
interface SheetComponent {
  present(request: PaymentRequest): Promise<SheetChoice>;
}

Component({
  behaviors: [careMode],
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
    /** The offline WeChat Pay shows this page's sheet; a real one raises WeChat's own. */
    ready() {
      const sheet = this.selectComponent('#sheet') as unknown as SheetComponent | null;
      if (sheet) stateOf(this).detachSheet = services().paymentSheet.attach({ present: (request) => sheet.present(request) });
    },

    detached() {
      const state = stateOf(this);
      state.gone = true;
      state.detachSheet?.();
      state.detachSheet = null;
    },
  },

  methods: {
    onLoad(raw: Record<string, string | undefined>) {
      const read = readConfirmQuery(decodeQuery(raw));
      if (!read.ok) {
        this.setData({ status: 'invalid', message: read.message });
        return;
      }
      stateOf(this).request = read.value;
      void this.load();
    },

    onUnload() {
      stateOf(this).gone = true;
    },

    async onPullDownRefresh() {
      if (!stateOf(this).paying) await this.load(true);
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

    /** requote: the pay button asks for figures again itself (the paying guard is its own). */
    async load(refresh = false, requote = false) {
      const state = stateOf(this);
      const request = state.request;
      if (!request) return;
      if (this.data.status !== 'loading' && !refresh) this.setData({ status: 'loading', message: '' });
      const { checkout, clock } = services();
      // An order the launch is settling may change this card: wait for it first.
      await checkout.settled();
      const answer = await state.lookup.run(() => cardFor(services(), request.phone, { refresh }));
      if (!answer || (state.paying && !requote)) return;
      if (!answer.ok) {
        this.setData({ status: answer.retryable ? 'failed' : 'invalid', message: answer.message });
        return;
      }
      const card = answer.card;
      if (card.phone !== request.phone || !productFitsCard(request.product, card)) {
        this.setData({ status: 'invalid', message: '这个套餐不适用于该号码的运营商或卡类型，请返回重新选择' });
        return;
      }
      const q = quote(request.product, card, chinaToday(clock.now()));
      const charge = await this.chargeOf(q, refresh);
      if (!charge.ok) {
        this.setData({ status: 'failed', message: charge.message });
        return;
      }
      state.card = card;
      state.quote = q;
      state.charge = charge.value;
      // New figures make a new order on the next tap.
      state.order = null;
      this.setData({
        status: 'ready',
        phone: formatFullPhone(card.phone),
        view: confirmView(card, q, charge.value, chinaToday(clock.now())),
        updatedAt: `数据更新于 ${formatChinaTime(answer.fetchedAt)}`,
        duplicate: checkout.recentDuplicate(card.phone, request.product.id) ? DUPLICATE_WARNING : '',
      });
    },

    /** The yuan charge for a quote: as it is for yuan, at a usable (or freshly asked) rate for pesos. */
    async chargeOf(q: Quote, refresh: boolean): Promise<{ ok: true; value: Charge } | { ok: false; message: string }> {
      const { clock } = services();
      let rate: RateQuote | null = null;
      if (q.payable.currency !== 'CNY') {
        const quoted = await rateFor(services(), { refresh });
        if (!quoted.ok) return { ok: false, message: `没有取到比索兑人民币的汇率，暂时不能支付：${quoted.message}` };
        rate = quoted.value;
      }
      const charge = chargeFor(q.payable, rate, clock.now());
      return charge.ok ? charge : { ok: false, message: charge.message };
    },

    /** The order for this attempt, made once: the number on it is the number on screen. */
    orderOf(state: ConfirmState): Order | null {
      if (state.order) return state.order;
      if (!state.card || !state.quote || !state.charge || !state.request || state.card.phone !== state.request.phone) return null;
      const { clock, random } = services();
      const now = clock.now();
      state.order = createOrder({ id: newOrderId(now, random), idempotencyKey: newIdempotencyKey(random), now, card: state.card, quote: state.quote, charge: state.charge });
      return state.order;
    },

    async onPay() {
      const state = stateOf(this);
      if (state.paying || state.done || this.data.status !== 'ready') return;
      state.paying = true;
      try {
        await this.pay();
      } finally {
        if (!state.done) {
          state.paying = false;
          if (!state.gone && this.data.paying) this.setData({ paying: false });
        }
      }
    },

    async pay() {
      const state = stateOf(this);
      const { checkout, device, records, clock } = services();
      if (this.data.payError) this.setData({ payError: '' });
      // A rate quoted too long ago is asked again and shown before anyone pays at it.
      if (state.charge?.fx && !isRateUsable(state.charge.fx, clock.now())) {
        await this.load(true, true);
        this.setData({ payError: '汇率已更新，请核对实付金额后再支付' });
        return;
      }
      const order = this.orderOf(state);
      // The payment path checks the number once more: the order's is the one confirmed on screen.
      if (!order || !state.request || order.phone !== state.request.phone) {
        this.setData({ payError: '订单信息与号码不一致，没有发起支付，请返回重新选择' });
        return;
      }
      if (checkout.recentDuplicate(order.phone, order.product.id)) {
        const again = await device.confirm({
          title: '可能重复充值',
          content: `${DUPLICATE_WARNING}。确定要再充值一次吗？`,
          confirmText: '仍要充值',
          cancelText: '不充了',
        });
        if (!again || state.gone) return;
      }
      this.setData({ paying: true });
      let outcome: CheckoutResult;
      try {
        outcome = await checkout.pay(order);
      } catch {
        // The order is written before any payment: without it, nothing was charged.
        if (records.get(order.id)) this.finish(order.id, '支付结果待确认，请勿重复支付');
        else if (!state.gone) this.setData({ payError: '支付没有发起，未扣款，请稍后重试' });
        return;
      }
      if (outcome.outcome === 'not_started') {
        if (!state.gone) this.setData({ payError: outcome.message });
        return;
      }
      if (outcome.outcome === 'cancelled') {
        // Like WeChat Pay's own cancel: back on this page, nothing charged; the next tap is a new order.
        state.order = null;
        if (state.gone) device.toast(`${outcome.message}${LEFT_NOTE}`);
        else this.setData({ notice: CANCELLED_NOTE, retry: true });
        return;
      }
      this.finish(outcome.order.id, outcome.message);
    },

    /** To the result, alone on the stack; from a page already left, only a toast. */
    finish(orderId: string, message: string) {
      const state = stateOf(this);
      if (state.gone) {
        services().device.toast(`${message}${LEFT_NOTE}`);
        return;
      }
      state.done = true;
      services().navigator.relaunch('result', { orderId });
    },
  },
});
