/**
 * 选择套餐: the carrier's recharges, data packs and keep-number plans for one card, with
 * the promotions that apply to the tab on screen, a recommendation, and what the selected
 * one costs (in yuan) and does to the card. Prices are core's quote(); a tap sends only
 * the selection to the view.
 *
 * The card is the one this renewal already fetched for the number in the link (the
 * renewal cache, keyed by number, so it is always that number's card), reused while it
 * is fresh and shown with 数据更新于 HH:mm; older, or on pull-down, it is asked again.
 */
import type { CardProfile, Product, Quote } from '../../core/types';
import type { RateQuote } from '../../core/charge';
import { CUSTOM_RECHARGE_BOUNDS, customRecharge, productById, productsFor } from '../../core/catalog';
import { chinaToday, formatChinaTime } from '../../core/dates';
import { parseIccid } from '../../core/iccid';
import { parsePhone } from '../../core/phone';
import { quote, recommend } from '../../core/pricing';
import type { CardQuery } from '../../services/contracts';
import { services } from '../../services/container';
import { eventValue } from '../../lib/events';
import { LatestLookup, cardFor, lookupCard, rateFor, type LookupAnswer } from '../../services/cards/card-lookup';
import { decodeQuery } from '../../services/wx/navigator';
import { privateState } from '../../lib/private-state';
import { productTabs, promotionLine, quotesFor, selectionOf, type ProductTab, type Selection } from './tiles';
import { rateLine } from '../../core/charge';
import { careMode } from '../../services/care/page-behavior';

type Status = 'loading' | 'ready' | 'failed' | 'missing' | 'invalid';

interface PackagesState {
  query: CardQuery | null;
  preselect: string;
  card: CardProfile | null;
  fetchedAt: number;
  products: Product[];
  quotes: Map<string, Quote>;
  /** A custom recharge the user typed (not one of the tiles), once valid. */
  custom: Quote | null;
  selected: Quote | null;
  /** The selection came from 其他金额 (so clearing the field clears it too). */
  typed: boolean;
  /** The peso-to-yuan quote prices are shown at (Smart); null for yuan cards or while unknown. */
  rate: RateQuote | null;
  lookup: LatestLookup;
}

const stateOf = privateState<PackagesState>(() => ({
  query: null,
  preselect: '',
  card: null,
  fetchedAt: 0,
  products: [],
  quotes: new Map(),
  custom: null,
  selected: null,
  typed: false,
  rate: null,
  lookup: new LatestLookup(),
}));

/** The card a page link names, validated as if typed; null when the link is broken. */
function cardQueryOf(query: Record<string, string>): CardQuery | null {
  if (query.phone) {
    const phone = parsePhone(query.phone);
    return phone.ok ? { phone: phone.value.national } : null;
  }
  if (query.iccid) {
    const iccid = parseIccid(query.iccid);
    return iccid.ok ? { iccid: iccid.value.value } : null;
  }
  return null;
}

function customHint(card: CardProfile): string {
  const { min, max } = CUSTOM_RECHARGE_BOUNDS[card.carrier];
  return card.carrier === 'smart' ? `₱${min}–₱${max} 的整数` : `${min}–${max} 元的整数`;
}

Component({
  behaviors: [careMode],
  data: {
    status: 'loading' as Status,
    message: '',
    card: null as CardProfile | null,
    today: '',
    updatedAt: '',
    /** Smart: the rate yuan prices are shown at, with its time. */
    rateNote: '',
    promo: '',
    tabs: [] as ProductTab[],
    activeTab: 0,
    recommendReason: '',
    selectedId: '',
    selection: null as Selection | null,
    customValue: '',
    customHint: '',
    customError: '',
  },

  methods: {
    onLoad(raw: Record<string, string | undefined>) {
      const query = decodeQuery(raw);
      const state = stateOf(this);
      state.query = cardQueryOf(query);
      state.preselect = query.productId ?? '';
      if (!state.query) {
        this.setData({ status: 'invalid', message: '链接中的号码无效，请返回重新输入手机号或 ICCID' });
        return;
      }
      void this.load();
    },

    /** Back from confirm: a renewal since may have changed the card; show what it answered. */
    onShow() {
      const state = stateOf(this);
      if (!state.card || this.data.status !== 'ready') return;
      const held = services().renewalCache.card(state.card.phone);
      if (held && held.fetchedAt > state.fetchedAt) this.show(held.card, held.fetchedAt);
    },

    async onPullDownRefresh() {
      await this.load(true);
      services().device.stopPullDownRefresh();
    },

    onRetry() {
      void this.load();
    },

    onBack() {
      services().navigator.back();
    },

    async load(refresh = false) {
      const state = stateOf(this);
      const query = state.query;
      if (!query) return;
      if (this.data.status !== 'loading' && !refresh) this.setData({ status: 'loading', message: '' });
      const answer: LookupAnswer | null = await state.lookup.run(() =>
        'phone' in query ? cardFor(services(), query.phone, { refresh }) : lookupCard(services(), query),
      );
      if (!answer) return;
      if (!answer.ok) {
        if (!refresh || !state.card) this.setData({ status: answer.retryable ? 'failed' : 'missing', message: answer.message });
        else services().device.toast(answer.message);
        return;
      }
      if (answer.card.balance.currency !== 'CNY') {
        const rate = await rateFor(services(), { refresh });
        state.rate = rate.ok ? rate.value : null;
      }
      this.show(answer.card, answer.fetchedAt);
    },

    /** Everything the page shows for a card, at once (first answer, refresh, back from a renewal). */
    show(card: CardProfile, fetchedAt: number) {
      const state = stateOf(this);
      const now = services().clock.now();
      const today = chinaToday(now);
      const products = productsFor(card.carrier, card.cardType);
      const previous = state.selected?.product ?? null;
      state.card = card;
      state.fetchedAt = fetchedAt;
      state.products = products;
      state.quotes = quotesFor(products, card, today);
      const recommended = recommend(card, products, today);
      const kept = previous ? this.quoteFor(previous, card, products, today) : null;
      const pick = kept ?? this.preselected(card, products, today) ?? (recommended ? state.quotes.get(recommended.productId) ?? null : null);
      state.selected = pick;
      state.custom = pick && !state.quotes.has(pick.product.id) ? pick : null;
      const tabs = productTabs(products, state.quotes, recommended ? recommended.productId : null, state.rate, now);
      const activeTab = pick ? Math.max(0, tabs.findIndex((tab) => tab.kind === pick.product.kind)) : 0;
      this.setData({
        status: 'ready',
        card,
        today,
        updatedAt: `数据更新于 ${formatChinaTime(fetchedAt)}`,
        rateNote: card.balance.currency === 'CNY' ? '' : state.rate ? `按 ${rateLine(state.rate)}折合人民币支付` : '暂时没有取到汇率，人民币金额将在下一步确认',
        promo: promotionLine(tabs[activeTab], products, today),
        tabs,
        activeTab,
        recommendReason: recommended ? recommended.reason : '',
        selectedId: pick ? pick.product.id : '',
        selection: pick ? selectionOf(pick, card, state.rate, now) : null,
        customHint: customHint(card),
      });
    },

    /** The same product quoted again for the card as it is now (a refresh keeps the user's choice). */
    quoteFor(product: Product, card: CardProfile, products: Product[], today: string): Quote | null {
      const listed = stateOf(this).quotes.get(product.id);
      if (listed) return listed;
      return product.carrier === card.carrier && products.some((p) => p.kind === product.kind) ? quote(product, card, today) : null;
    },

    /** The product a link asked for, if it is this carrier's. */
    preselected(card: CardProfile, products: Product[], today: string): Quote | null {
      const state = stateOf(this);
      if (!state.preselect) return null;
      const listed = state.quotes.get(state.preselect);
      if (listed) return listed;
      const product = productById(state.preselect);
      if (!product || product.carrier !== card.carrier || product.kind !== 'recharge' || !products.some((p) => p.kind === 'recharge')) return null;
      return quote(product, card, today);
    },

    onTab(event: WechatMiniprogram.BaseEvent) {
      const index = Number(event.currentTarget.dataset.index);
      const state = stateOf(this);
      const tab = this.data.tabs[index];
      if (!tab || index === this.data.activeTab) return;
      const promo = promotionLine(tab, state.products, this.data.today);
      this.setData({ activeTab: index, ...(promo !== this.data.promo ? { promo } : {}) });
    },

    onPick(event: WechatMiniprogram.BaseEvent) {
      const id = String(event.currentTarget.dataset.id ?? '');
      const state = stateOf(this);
      const q = state.quotes.get(id);
      if (!q) return;
      // A tile replaces whatever was typed in 其他金额.
      state.custom = null;
      state.typed = false;
      if (this.data.customValue !== '' || this.data.customError !== '') this.setData({ customValue: '', customError: '' });
      if (id !== this.data.selectedId) this.select(q);
    },

    select(q: Quote | null) {
      const state = stateOf(this);
      state.selected = q;
      const selection = q && state.card ? selectionOf(q, state.card, state.rate, services().clock.now()) : null;
      this.setData({ selectedId: q ? q.product.id : '', selection });
    },

    /** Any text in 其他金额 replaces the tile choice; text that is not a valid amount leaves nothing to pay. */
    onCustomInput(event: { detail: unknown }) {
      const state = stateOf(this);
      const card = state.card;
      if (!card) return;
      const raw = eventValue(event);
      const patch: Record<string, unknown> = {};
      if (raw !== this.data.customValue) patch.customValue = raw;
      const result = raw.trim() === '' ? null : customRecharge(card.carrier, raw);
      const error = result && !result.ok ? result.message : '';
      if (error !== this.data.customError) patch.customError = error;
      if (Object.keys(patch).length) this.setData(patch);
      if (!result || !result.ok) {
        // Cleared: a typed choice goes with the text. Invalid: nothing is left to pay.
        const drop = result !== null || state.typed;
        state.custom = null;
        state.typed = false;
        if (drop && state.selected) this.select(null);
        return;
      }
      const listed = state.quotes.get(result.value.id);
      const q = listed ?? quote(result.value, card, chinaToday(services().clock.now()));
      state.custom = listed ? null : q;
      state.typed = true;
      if (state.selected !== q) this.select(q);
    },

    onNext() {
      const state = stateOf(this);
      const { card, selected } = state;
      if (!card || !selected) {
        services().device.toast('请先选择充值金额或套餐');
        return;
      }
      const query: Record<string, string> = { phone: card.phone, productId: selected.product.id };
      if (selected === state.custom) query.amount = String(selected.product.credit.amount);
      services().navigator.open('confirm', query);
    },
  },
});
