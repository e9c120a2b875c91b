/**
 * 保号计划: one timeline over every bound card — the date to act by and why, the
 * cheapest catalog option that keeps each number for the next 12 months and its yearly
 * cost, the total per year in yuan — and one tap that renews the card due next with
 * that option (the packages page for that number, with the product chosen).
 * The rules are keep-plan.ts's; cards never looked up are looked up once on show, and
 * pull-down looks every card up again.
 */
import type { BoundCard } from '../../core/types';
import { chinaToday } from '../../core/dates';
import { services } from '../../services/container';
import { lastKnownOf, lookupCard } from '../../services/cards/card-lookup';
import { privateState } from '../../lib/private-state';
import { keepTimeline } from './core/keep-plan';
import { planRate, type PlanRate } from './rate';
import { planView, type NextRenewal, type PlanRow } from './view';
import { careMode } from '../../services/care/page-behavior';

interface PlanState {
  next: NextRenewal | null;
  rows: PlanRow[];
  rate: PlanRate | null;
  generation: number;
}

const stateOf = privateState<PlanState>(() => ({ next: null, rows: [], rate: null, generation: 0 }));

function zeroDays(cards: BoundCard[]): Record<string, string> {
  const days: Record<string, string> = {};
  for (const card of cards) if (card.zeroBalanceSince) days[card.phone] = card.zeroBalanceSince;
  return days;
}

Component({
  behaviors: [careMode],
  data: {
    loaded: false,
    empty: false,
    failure: '',
    refreshNote: '',
    view: null as ReturnType<typeof planView> | null,
  },

  methods: {
    async onShow() {
      const state = stateOf(this);
      state.rate = await planRate(services());
      this.render();
      const unknown = services().cards.list().filter((card) => !card.lastKnown);
      if (unknown.length) await this.refresh(unknown);
    },

    async onPullDownRefresh() {
      await this.refresh(services().cards.list());
      services().device.stopPullDownRefresh();
    },

    /** Looks cards up; one render once every answer is in. */
    async refresh(cards: BoundCard[]) {
      const state = stateOf(this);
      state.generation += 1;
      const generation = state.generation;
      const { clock } = services();
      const answers = await Promise.all(cards.map((card) => lookupCard(services(), { phone: card.phone })));
      if (generation !== state.generation) return;
      let failed = 0;
      let why = '';
      answers.forEach((answer, i) => {
        if (answer.ok) services().cards.update(cards[i].phone, { lastKnown: lastKnownOf(answer.card, clock.now()) });
        else {
          failed += 1;
          why = answer.message;
        }
      });
      this.render(failed ? `有 ${failed} 张卡没有查到最新情况（${why}），下面按上次查到的计算` : '');
    },

    render(refreshNote?: string) {
      const state = stateOf(this);
      const note = refreshNote ?? this.data.refreshNote;
      const { cards, clock } = services();
      const list = cards.list();
      if (!list.length) {
        this.setData({ loaded: true, empty: true, view: null, failure: '', refreshNote: '' });
        return;
      }
      const rate = state.rate?.rate ?? null;
      const timeline = keepTimeline(list, { today: chinaToday(clock.now()), rate, zeroBalanceSince: zeroDays(list) });
      if (!timeline.ok) {
        this.setData({ loaded: true, empty: false, view: null, failure: timeline.message, refreshNote: '' });
        return;
      }
      const view = planView(timeline.value, list, rate, state.rate?.source ?? '');
      state.next = view.next;
      state.rows = view.rows;
      this.setData({ loaded: true, empty: false, failure: '', refreshNote: note, view });
    },

    /** The one-tap renewal: the packages page for the card due next, its option chosen. */
    onRenewNext() {
      const next = stateOf(this).next;
      if (next) services().navigator.open('packages', { phone: next.phone, productId: next.productId });
    },

    onRenewRow(event: WechatMiniprogram.BaseEvent) {
      const row = stateOf(this).rows[Number(event.currentTarget.dataset.index)];
      if (row && row.renewable) services().navigator.open('packages', { phone: row.key, productId: row.productId });
    },

    /** A card's reminders (which follow these dates) are set on its own page. */
    onOpenCard(event: WechatMiniprogram.BaseEvent) {
      const row = stateOf(this).rows[Number(event.currentTarget.dataset.index)];
      if (row) services().navigator.open('card', { phone: row.key });
    },

    onBind() {
      services().navigator.open('bind');
    },
  },
});
