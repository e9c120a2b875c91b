/**
 * 选择套餐: the carrier's recharges, data packs and keep-number plans for one card, with
 * the promotions that apply to the tab on screen, a recommendation, and what the selected
 * one costs (in yuan) and does to the card. Prices are core's quote(); a tap sends only
 * the selection to the view.
 *
 * The card is the one this renewal already fetched for the number in the link (the
 * renewal cache, keyed by number, so it is always that number's card), reused while it
 * is fresh and shown with 数据更新于 HH:mm; older, or on pull-down, it is asked again.
 *
 * The page loads and shows the card's shelf (which product starts selected: pick.ts);
 * what the user selects, and 下一步, are selection-methods.ts, spread into its methods.
 */
import type { CardProfile, Product } from '../../core/types';
import { productsFor } from '../../core/catalog';
import { chinaToday, formatChinaTime } from '../../core/dates';
import { recommend } from '../../core/pricing';
import type { CardQuery } from '../../services/contracts';
import { services } from '../../services/container';
import { LatestLookup, cardFor, lookupCard, rateFor, type LookupAnswer } from '../../services/cards/card-lookup';
import { decodeQuery } from '../../services/wx/navigator';
import { privateState } from '../../lib/private-state';
import { cardQueryOf } from './link';
import { pickOn } from './pick';
import { selectionMethods, type Offer } from './selection-methods';
import { customHint, productTabs, promotionLine, quotesFor, rateNote, selectionOf, type ProductTab, type Selection } from './tiles';

type Status = 'loading' | 'ready' | 'failed' | 'missing' | 'invalid';

interface PackagesState extends Offer {
  query: CardQuery | null;
  preselect: string;
  fetchedAt: number;
  products: Product[];
  lookup: LatestLookup;
}

const stateOf = privateState<PackagesState>(() => ({
  query: null,
  preselect: '',
  card: null,
  fetchedAt: 0,
  products: [],
  quotes: new Map(),
  rate: null,
  lookup: new LatestLookup(),
}));

Component({
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
    ...selectionMethods,

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

    /** The card on screen, its quotes and the rate they are shown at (selectionMethods read them). */
    offer(): Readonly<Offer> {
      return stateOf(this);
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
      const previous = this.selectedQuote()?.product ?? null;
      state.card = card;
      state.fetchedAt = fetchedAt;
      state.products = products;
      state.quotes = quotesFor(products, card, today);
      const recommended = recommend(card, products, today);
      const pick = pickOn({ card, products, quotes: state.quotes, today }, previous, state.preselect, recommended ? recommended.productId : null);
      this.keepPick(pick);
      const tabs = productTabs(products, state.quotes, recommended ? recommended.productId : null, state.rate, now);
      const activeTab = pick ? Math.max(0, tabs.findIndex((tab) => tab.kind === pick.product.kind)) : 0;
      this.setData({
        status: 'ready',
        card,
        today,
        updatedAt: `数据更新于 ${formatChinaTime(fetchedAt)}`,
        rateNote: rateNote(card, state.rate),
        promo: promotionLine(tabs[activeTab], products, today),
        tabs,
        activeTab,
        recommendReason: recommended ? recommended.reason : '',
        selectedId: pick ? pick.product.id : '',
        selection: pick ? selectionOf(pick, card, state.rate, now) : null,
        customHint: customHint(card),
      });
    },

    onTab(event: WechatMiniprogram.BaseEvent) {
      const index = Number(event.currentTarget.dataset.index);
      const state = stateOf(this);
      const tab = this.data.tabs[index];
      if (!tab || index === this.data.activeTab) return;
      const promo = promotionLine(tab, state.products, this.data.today);
      this.setData({ activeTab: index, ...(promo !== this.data.promo ? { promo } : {}) });
    },
  },
});
