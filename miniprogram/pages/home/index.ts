/**
 * 首页 (tab): every bound card, in the order of what needs doing (expired or suspended
 * first, then by days left), with a notice bar for the most urgent one that opens its
 * renewal, a quick 续费 per card and the way to the 保号计划. Figures come from the last
 * lookup; each card is refreshed through the gateway on show and on pull-down, and only
 * that card's row is sent when its answer arrives (the order is settled once all are in).
 */
import type { BoundCard } from '../../core/types';
import { chinaToday } from '../../core/dates';
import { services } from '../../services/container';
import { lastKnownOf, lookupCard } from '../../services/cards/card-lookup';
import { privateState } from '../../lib/private-state';
import { byUrgency, cardTile, urgentNotice, type CardTile, type UrgentNotice } from '../../view/card-tile';
import { careMode } from '../../services/care/page-behavior';

interface HomeState {
  cards: BoundCard[];
  notice: UrgentNotice | null;
  /** Bumped on every reload, so an answer for an older list is dropped. */
  generation: number;
}

const stateOf = privateState<HomeState>(() => ({ cards: [], notice: null, generation: 0 }));

function today(): string {
  return chinaToday(services().clock.now());
}

/**
 * The key is the tile's position, not its number: a new order updates tiles in place
 * instead of moving them (cheaper, and the simulator behind the preview and the tests
 * renders moved keyed items out of order).
 */
function tileFor(card: BoundCard, index: number): CardTile & { key: string } {
  return { ...cardTile(card, today()), key: `s${index}` };
}

Component({
  behaviors: [careMode],
  data: {
    loaded: false,
    cards: [] as (CardTile & { key: string })[],
    notice: '',
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
      state.cards = byUrgency(services().cards.list(), today());
      state.notice = urgentNotice(state.cards, today());
      this.setData({ loaded: true, cards: state.cards.map(tileFor), notice: state.notice?.text ?? '' });
      await Promise.all(state.cards.map((card, index) => this.refreshCard(card, index, generation)));
      if (generation === state.generation) this.settleOrder();
    },

    async refreshCard(card: BoundCard, index: number, generation: number) {
      const { cards, clock } = services();
      const found = await lookupCard(services(), { phone: card.phone });
      const state = stateOf(this);
      if (!found.ok || generation !== state.generation) return;
      // A failed save only costs the cached figures; the fresh ones are still shown.
      cards.update(card.phone, { lastKnown: lastKnownOf(found.card, clock.now()) });
      const updated = cards.get(card.phone) ?? { ...card, lastKnown: lastKnownOf(found.card, clock.now()) };
      state.cards[index] = updated;
      this.setData({ [`cards[${index}]`]: tileFor(updated, index) });
    },

    /** Fresh figures may change what needs doing first: re-sent only when the order or the notice moved. */
    settleOrder() {
      const state = stateOf(this);
      const ordered = byUrgency(state.cards, today());
      const patch: Record<string, unknown> = {};
      if (ordered.some((card, i) => card.phone !== state.cards[i].phone)) {
        state.cards = ordered;
        patch.cards = ordered.map(tileFor);
      }
      state.notice = urgentNotice(state.cards, today());
      const notice = state.notice?.text ?? '';
      if (notice !== this.data.notice) patch.notice = notice;
      if (Object.keys(patch).length) this.setData(patch);
    },

    onNotice() {
      const notice = stateOf(this).notice;
      if (notice) services().navigator.open('packages', { phone: notice.phone });
    },

    onOpenCard(event: WechatMiniprogram.BaseEvent) {
      const card = stateOf(this).cards[Number(event.currentTarget.dataset.index)];
      if (card) services().navigator.open('card', { phone: card.phone });
    },

    onRenew(event: WechatMiniprogram.BaseEvent) {
      const card = stateOf(this).cards[Number(event.currentTarget.dataset.index)];
      if (card) services().navigator.open('packages', { phone: card.phone });
    },

    onPlan() {
      services().navigator.open('plan');
    },

    onBind() {
      services().navigator.open('bind');
    },
  },
});
