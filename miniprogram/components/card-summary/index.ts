/**
 * One card at a glance: carrier, card type, masked number, balance, data left, expiry
 * and a status tag. Give it a CardProfile as `card`; `today` (YYYY-MM-DD) defaults to
 * the services clock's China day.
 */
import type { CardProfile } from '../../core/types';
import { chinaToday, isChinaDate } from '../../core/dates';
import { services } from '../../services/container';
import { cardSummaryView } from './view';

Component({
  properties: {
    card: { type: Object, value: null as unknown as Record<string, unknown> },
    today: { type: String, value: '' },
  },

  data: {
    view: null as ReturnType<typeof cardSummaryView>,
  },

  observers: {
    'card, today'(card: CardProfile | null, today: string) {
      const day = isChinaDate(today) ? today : chinaToday(services().clock.now());
      this.setData({ view: cardSummaryView(card, day) });
    },
  },
});
