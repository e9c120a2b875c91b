/**
 * 选择套餐: looks the card up again (a number passed between pages is never trusted),
 * then offers the carrier's recharges, data packs and keep-number plans with today's
 * promotions, a recommendation, and the new expiry for the selected one. Prices are
 * core's quote(); a tap sends only the selection to the view.
 */
import type { CardProfile, Product, Quote } from '../../core/types';
import { CUSTOM_RECHARGE_BOUNDS, customRecharge, productById, productsFor } from '../../core/catalog';
import { chinaToday } from '../../core/dates';
import { parseIccid } from '../../core/iccid';
import { parsePhone } from '../../core/phone';
import { quote, recommend } from '../../core/pricing';
import type { CardQuery } from '../../services/contracts';
import { services } from '../../services/container';
import { eventValue } from '../../lib/events';
import { LatestLookup } from '../../services/cards/card-lookup';
import { decodeQuery } from '../../services/wx/navigator';
import { privateState } from '../../lib/private-state';
import { productTabs, promotionLine, quotesFor, selectionOf, type ProductTab, type Selection } from './tiles';

type Status = 'loading' | 'ready' | 'failed' | 'missing' | 'invalid';

interface PackagesState {
  query: CardQuery | null;
  preselect: string;
  card: CardProfile | null;
  quotes: Map<string, Quote>;
  /** A custom recharge the user typed (not one of the tiles), once valid. */
  custom: Quote | null;
  selected: Quote | null;
  lookup: LatestLookup;
}

const stateOf = privateState<PackagesState>(() => ({
  query: null,
  preselect: '',
  card: null,
  quotes: new Map(),
  custom: null,
  selected: null,
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
  data: {
    status: 'loading' as Status,
    message: '',
    card: null as CardProfile | null,
    today: '',
    promo: '',
    tabs: [] as ProductTab[],
    activeTab: 0,
    recommendReason: '',
    selectedId: '',
    selection: null as Selection | null,
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

    onRetry() {
      void this.load();
    },

    onBack() {
      services().navigator.back();
    },

    async load() {
      const state = stateOf(this);
      if (!state.query) return;
      if (this.data.status !== 'loading') this.setData({ status: 'loading', message: '' });
      const answer = await state.lookup.run(services().gateway, state.query);
      if (!answer) return;
      if (!answer.ok) {
        this.setData({ status: answer.retryable ? 'failed' : 'missing', message: answer.message });
        return;
      }
      this.show(answer.card);
    },

    /** First render of the products: everything the page shows, once. */
    show(card: CardProfile) {
      const state = stateOf(this);
      const today = chinaToday(services().clock.now());
      const products = productsFor(card.carrier, card.cardType);
      state.card = card;
      state.quotes = quotesFor(products, card, today);
      const recommended = recommend(card, products, today);
      const preselected = this.preselected(card, products, today);
      const pick = preselected ?? (recommended ? state.quotes.get(recommended.productId) ?? null : null);
      state.selected = pick;
      if (pick && !state.quotes.has(pick.product.id)) state.custom = pick;
      const tabs = productTabs(products, state.quotes, recommended ? recommended.productId : null);
      const activeTab = pick ? Math.max(0, tabs.findIndex((tab) => tab.kind === pick.product.kind)) : 0;
      this.setData({
        status: 'ready',
        card,
        today,
        promo: promotionLine(card, today),
        tabs,
        activeTab,
        recommendReason: recommended ? recommended.reason : '',
        selectedId: pick ? pick.product.id : '',
        selection: pick ? selectionOf(pick) : null,
        customHint: customHint(card),
      });
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

    onPick(event: WechatMiniprogram.BaseEvent) {
      const id = String(event.currentTarget.dataset.id ?? '');
      const q = stateOf(this).quotes.get(id);
      if (!q || id === this.data.selectedId) return;
      this.select(q);
    },

    select(q: Quote | null) {
      stateOf(this).selected = q;
      this.setData({ selectedId: q ? q.product.id : '', selection: q ? selectionOf(q) : null });
    },

    onCustomInput(event: { detail: unknown }) {
      const state = stateOf(this);
      const card = state.card;
      if (!card) return;
      const raw = eventValue(event);
      const customSelected = state.selected !== null && state.selected === state.custom;
      if (raw.trim() === '') {
        state.custom = null;
        if (this.data.customError) this.setData({ customError: '' });
        if (customSelected) this.select(null);
        return;
      }
      const result = customRecharge(card.carrier, raw);
      if (!result.ok) {
        state.custom = null;
        if (result.message !== this.data.customError) this.setData({ customError: result.message });
        if (customSelected) this.select(null);
        return;
      }
      if (this.data.customError) this.setData({ customError: '' });
      const listed = state.quotes.get(result.value.id);
      const q = listed ?? quote(result.value, card, chinaToday(services().clock.now()));
      state.custom = listed ? null : q;
      this.select(q);
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
