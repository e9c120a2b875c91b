/**
 * 首页 (tab): every bound card with its days left and a status badge, a banner for the
 * cards that need renewing, and a quick 续费 per card. Figures come from the last
 * lookup; each card is refreshed through the gateway on show and on pull-down, and
 * only that card's row is sent to the view when its answer arrives.
 */
import type { BoundCard } from '../../core/types';
import { chinaToday } from '../../core/dates';
import { services } from '../../services/container';
import { lastKnownOf, lookupCard } from '../../services/cards/card-lookup';
import { privateState } from '../../lib/private-state';
import { cardTile, expiryBanner, type CardTile } from '../../view/card-tile';

interface HomeState {
  cards: BoundCard[];
  /** Bumped on every reload, so an answer for an older list is dropped. */
  generation: number;
}

const stateOf = privateState<HomeState>(() => ({ cards: [], generation: 0 }));

function tileFor(card: BoundCard): CardTile & { key: string } {
  return { ...cardTile(card, chinaToday(services().clock.now())), key: card.phone };
}

Component({
  data: {
    loaded: false,
    cards: [] as (CardTile & { key: string })[],
    banner: '',
  },

  methods: {
    onShow() {
      void this.reload();
    },

    async onPullDownRefresh() {
      await this.reload();
      services().device.stopPullDownRefresh();
    },

    /** Shows the stored figures at once, then refreshes every card from the gateway. */
    async reload() {
      const state = stateOf(this);
      state.generation += 1;
      const generation = state.generation;
      state.cards = services().cards.list();
      this.setData({ loaded: true, cards: state.cards.map(tileFor), banner: this.bannerText() });
      await Promise.all(state.cards.map((card, index) => this.refreshCard(card, index, generation)));
      if (generation === state.generation) {
        const banner = this.bannerText();
        if (banner !== this.data.banner) this.setData({ banner });
      }
    },

    async refreshCard(card: BoundCard, index: number, generation: number) {
      const { cards, clock } = services();
      const found = await lookupCard(services(), { phone: card.phone });
      const state = stateOf(this);
      if (!found.ok || generation !== state.generation) return;
      const lastKnown = lastKnownOf(found.card, clock.now());
      // A failed save only costs the cached figures; the fresh ones are still shown.
      cards.update(card.phone, { lastKnown });
      const updated = { ...card, lastKnown };
      state.cards[index] = updated;
      this.setData({ [`cards[${index}]`]: tileFor(updated) });
    },

    bannerText(): string {
      return expiryBanner(stateOf(this).cards, chinaToday(services().clock.now()));
    },

    onOpenCard(event: WechatMiniprogram.BaseEvent) {
      const card = stateOf(this).cards[Number(event.currentTarget.dataset.index)];
      if (card) services().navigator.open('card', { phone: card.phone });
    },

    onRenew(event: WechatMiniprogram.BaseEvent) {
      const card = stateOf(this).cards[Number(event.currentTarget.dataset.index)];
      if (card) services().navigator.open('packages', { phone: card.phone });
    },

    onBind() {
      services().navigator.open('bind');
    },
  },
});
