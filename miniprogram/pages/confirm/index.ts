/**
 * 确认订单: the number in full and large (请核对号码), the order as core prices it, a
 * warning and a second confirmation when the same number and product were paid in the
 * last 10 minutes, and a pay button that starts at most one payment: the order (and its
 * idempotency key) is made once per visit, and a tap while paying is ignored.
 */
import type { CardProfile, Order, Quote } from '../../core/types';
import { chinaToday } from '../../core/dates';
import { createOrder, newIdempotencyKey, newOrderId } from '../../core/order';
import { formatFullPhone } from '../../core/phone';
import { quote } from '../../core/pricing';
import type { PaymentRequest, SheetChoice } from '../../services/contracts';
import { services } from '../../services/container';
import { LatestLookup } from '../../services/cards/card-lookup';
import { decodeQuery } from '../../services/wx/navigator';
import { privateState } from '../../lib/private-state';
import { DUPLICATE_WARNING, confirmView, productFitsCard, readConfirmQuery, type ConfirmRequest, type ConfirmView } from './summary';

type Status = 'loading' | 'ready' | 'failed' | 'invalid';

interface ConfirmState {
  request: ConfirmRequest | null;
  card: CardProfile | null;
  quote: Quote | null;
  /** Made at the first pay tap and kept: every later tap pays with the same idempotency key. */
  order: Order | null;
  /** Set before any await, so a second tap during payment does nothing. */
  paying: boolean;
  /** Once the page has moved on to the result, nothing here runs again. */
  done: boolean;
  lookup: LatestLookup;
  /** Detaches this page's pay sheet from the payment backend's sheet slot. */
  detachSheet: (() => void) | null;
}

const stateOf = privateState<ConfirmState>(() => ({
  request: null,
  card: null,
  quote: null,
  order: null,
  paying: false,
  done: false,
  lookup: new LatestLookup(),
  detachSheet: null,
}));

/** What the page's <payment-sheet> component offers: it shows the request and resolves with the choice. */
interface SheetComponent {
  present(request: PaymentRequest): Promise<SheetChoice>;
}

Component({
  data: {
    status: 'loading' as Status,
    message: '',
    phone: '',
    view: null as ConfirmView | null,
    duplicate: '',
    paying: false,
    payError: '',
  },

  lifetimes: {
    /** The offline WeChat Pay shows this page's sheet; a real one raises WeChat's own. */
    ready() {
      const sheet = this.selectComponent('#sheet') as unknown as SheetComponent | null;
      if (sheet) stateOf(this).detachSheet = services().paymentSheet.attach({ present: (request) => sheet.present(request) });
    },

    detached() {
      const state = stateOf(this);
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

    onRetry() {
      void this.load();
    },

    onBack() {
      services().navigator.back();
    },

    async load() {
      const state = stateOf(this);
      const request = state.request;
      if (!request) return;
      if (this.data.status !== 'loading') this.setData({ status: 'loading', message: '' });
      const { gateway, checkout, clock } = services();
      const answer = await state.lookup.run(gateway, { phone: request.phone });
      if (!answer) return;
      if (!answer.ok) {
        this.setData({ status: answer.retryable ? 'failed' : 'invalid', message: answer.message });
        return;
      }
      const card = answer.card;
      if (!productFitsCard(request.product, card)) {
        this.setData({ status: 'invalid', message: '这个套餐不适用于该号码的运营商或卡类型，请返回重新选择' });
        return;
      }
      const q = quote(request.product, card, chinaToday(clock.now()));
      state.card = card;
      state.quote = q;
      this.setData({
        status: 'ready',
        phone: formatFullPhone(card.phone),
        view: confirmView(card, q),
        duplicate: checkout.recentDuplicate(card.phone, request.product.id) ? DUPLICATE_WARNING : '',
      });
    },

    /** The order for this visit, made once. */
    orderOf(state: ConfirmState): Order | null {
      if (state.order) return state.order;
      if (!state.card || !state.quote) return null;
      const { clock, random } = services();
      const now = clock.now();
      state.order = createOrder({ id: newOrderId(now, random), idempotencyKey: newIdempotencyKey(random), now, card: state.card, quote: state.quote });
      return state.order;
    },

    async onPay() {
      const state = stateOf(this);
      if (state.paying || state.done) return;
      const order = this.orderOf(state);
      if (!order) return;
      state.paying = true;
      this.setData({ paying: true, payError: '' });
      try {
        await this.pay(order);
      } finally {
        if (!state.done) {
          state.paying = false;
          this.setData({ paying: false });
        }
      }
    },

    async pay(order: Order) {
      const state = stateOf(this);
      const { checkout, device, navigator, records } = services();
      if (checkout.recentDuplicate(order.phone, order.product.id)) {
        const again = await device.confirm({
          title: '可能重复充值',
          content: `${DUPLICATE_WARNING}。确定要再充值一次吗？`,
          confirmText: '仍要充值',
          cancelText: '不充了',
        });
        if (!again) return;
      }
      let outcome;
      try {
        outcome = await checkout.pay(order);
      } catch {
        // The order is written before any payment: without it, nothing was charged.
        if (records.get(order.id)) {
          state.done = true;
          navigator.replace('result', { orderId: order.id });
        } else {
          this.setData({ payError: '支付没有发起，未扣款，请稍后重试' });
        }
        return;
      }
      if (outcome.outcome === 'not_started') {
        this.setData({ payError: outcome.message });
        return;
      }
      state.done = true;
      navigator.replace('result', { orderId: outcome.order.id });
    },
  },
});
