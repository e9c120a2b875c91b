/**
 * One card at a glance: 归属地 and carrier, card type, masked number, balance, data left, expiry
 * and a status tag. Properties: `card` (a CardProfile) and `today` (YYYY-MM-DD, China
 * calendar), both from the page; the component reads nothing else.
 */
import type { CardProfile } from '../../core/types';
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
      this.setData({ view: cardSummaryView(card, today) });
    },
  },
});
