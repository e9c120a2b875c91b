/**
 * 确认订单's figures: the card this renewal holds for the number in the link (reused while
 * fresh, asked again when older or on pull-down), the quote core prices for it, and the yuan
 * WeChat Pay will charge. Ready to spread into the page's Component methods
 * (`methods: { ...figureMethods }`); opened at launch, it first waits for the launch's
 * reconciliation, so it never shows figures an interrupted order is about to change.
 */
import type { CardProfile, Quote } from '../../core/types';
import { chargeFor, type Charge, type RateQuote } from '../../core/charge';
import { chinaToday, formatChinaTime } from '../../core/dates';
import { formatFullPhone } from '../../core/phone';
import { quote } from '../../core/pricing';
import { services } from '../../services/container';
import { LatestLookup, cardFor, rateFor } from '../../services/cards/card-lookup';
import { privateState } from '../../lib/private-state';
import { DUPLICATE_WARNING, confirmView, productFitsCard, type ConfirmRequest } from './summary';

export type Status = 'loading' | 'ready' | 'failed' | 'invalid';

/** What the page shows and pays for: the request from the link and, once loaded, its figures. */
export interface Figures {
  request: ConfirmRequest | null;
  card: CardProfile | null;
  quote: Quote | null;
  /** What WeChat Pay will charge for the quote: yuan, with the rate used for a peso price. */
  charge: Charge | null;
}

/** What this concern keeps outside `data`. */
export interface FigureState extends Figures {
  lookup: LatestLookup;
}

const stateOf = privateState<FigureState>(() => ({ request: null, card: null, quote: null, charge: null, lookup: new LatestLookup() }));

interface Host {
  data: { status: Status };
  setData(data: Record<string, unknown>): void;
  /** payMethods': a payment is under way (its figures stay as they are), and new figures make a new order. */
  isPaying(): boolean;
  forgetOrder(): void;
  load(refresh?: boolean, requote?: boolean): Promise<void>;
  chargeOf(q: Quote, refresh: boolean): Promise<{ ok: true; value: Charge } | { ok: false; message: string }>;
}

export const figureMethods = {
  /** The link's request, then its figures. */
  loadRequest(this: Host, request: ConfirmRequest) {
    stateOf(this).request = request;
    void this.load();
  },

  /** The figures on screen, as the pay button pays them. */
  figures(this: Host): Readonly<Figures> {
    return stateOf(this);
  },

  /** requote: the pay button asks for figures again itself (the paying guard is its own). */
  async load(this: Host, refresh = false, requote = false) {
    const state = stateOf(this);
    const request = state.request;
    if (!request) return;
    if (this.data.status !== 'loading' && !refresh) this.setData({ status: 'loading', message: '' });
    const { checkout, clock } = services();
    // An order the launch is settling may change this card: wait for it first.
    await checkout.settled();
    const answer = await state.lookup.run(() => cardFor(services(), request.phone, { refresh }));
    if (!answer || (this.isPaying() && !requote)) return;
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
    this.forgetOrder();
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
};
