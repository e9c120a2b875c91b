/**
 * 充值's lookup: 查询 on what the field says, the card it answers kept together with that
 * query (query.ts), its recommended option, and 立即续费 with only the card's own number.
 * Ready to spread into the page's Component methods (`methods: { ...lookupMethods }`).
 */
import type { CardProfile, CarrierId } from '../../core/types';
import { parseCardQuery } from '../../core/card-query';
import { chinaToday } from '../../core/dates';
import { formatFullPhone } from '../../core/phone';
import type { CardQuery } from '../../services/contracts';
import { services } from '../../services/container';
import { LatestLookup, lookupCard, rateFor } from '../../services/cards/card-lookup';
import { privateState } from '../../lib/private-state';
import type { CarrierChip } from './picks';
import { cardForInput, queryOf, sameQuery, type ShownCard } from './query';
import { recommendedOption, type RecommendedOption } from './recommendation';

export type Status = 'idle' | 'loading' | 'found' | 'failed' | 'missing';

/** What this concern keeps outside `data`. */
export interface LookupState {
  /** The last query sent, for 重试 and pull-down refresh. */
  query: CardQuery | null;
  lookup: LatestLookup;
  /** The card on screen with the query it answered: one piece of state, never one without the other. */
  shown: ShownCard | null;
  /** An ICCID whose check digit failed, which the user asked to look up anyway by tapping 查询 again. */
  iccidConfirmed: string;
}

const stateOf = privateState<LookupState>(() => ({ query: null, lookup: new LatestLookup(), shown: null, iccidConfirmed: '' }));

interface Host {
  data: { input: string; iccidWarning: string; status: Status; failure: string; today: string; recommended: RecommendedOption | null };
  setData(data: Record<string, unknown>): void;
  /** quickMethods': the quick rows, read again (a looked-up number joins 最近查询). */
  refreshPicks(): void;
  /** The page's: the chip for the field, and the carrier the gateway answered with. */
  chipNow(): CarrierChip | null;
  carrierAnswered(carrier: CarrierId): string;
  forgetUnlessFor(value: string): Record<string, unknown>;
  runLookup(query: CardQuery, keepCard?: boolean): Promise<void>;
  repriceFor(shown: ShownCard): void;
}

/** The patch that takes the card off the screen, with everything said about it. */
const NO_CARD = { card: null, carrierNote: '', iccidNumber: '', recommended: null };

/** The suggested option for a card, priced at the rate the renewal holds (none yet: the face value). */
function recommendationFor(card: CardProfile): RecommendedOption | null {
  const { clock, renewalCache } = services();
  const now = clock.now();
  const rate = card.balance.currency === 'CNY' ? null : renewalCache.rate() ?? null;
  return recommendedOption(card, chinaToday(now), rate, now);
}

export const lookupMethods = {
  async onPullDownRefresh(this: Host) {
    const state = stateOf(this);
    if (state.query) await this.runLookup(state.query, true);
    services().device.stopPullDownRefresh();
  },

  /** Back on this tab after a renewal: the card on screen takes what the renewal answered. */
  showLatest(this: Host) {
    const state = stateOf(this);
    if (!state.shown) return;
    const held = services().renewalCache.card(state.shown.card.phone);
    if (!held || held.fetchedAt <= state.shown.fetchedAt) return;
    state.shown = { ...state.shown, card: held.card, fetchedAt: held.fetchedAt };
    // The suggestion follows the card: after a renewal its expiry and price are the new card's.
    this.setData({ card: held.card, today: chinaToday(services().clock.now()), recommended: recommendationFor(held.card) });
  },

  /**
   * The patch that takes the card (and a lookup's failure) off the screen when the field
   * no longer names what they were about. A lookup still running for another query is dropped.
   */
  forgetUnlessFor(this: Host, value: string): Record<string, unknown> {
    const state = stateOf(this);
    const patch: Record<string, unknown> = {};
    if (state.shown && !cardForInput(value, state.shown)) {
      state.shown = null;
      Object.assign(patch, NO_CARD);
    }
    if (state.query && !sameQuery(queryOf(value), state.query)) {
      state.query = null;
      state.lookup.drop();
      if (this.data.status !== 'idle') patch.status = 'idle';
      if (this.data.failure) patch.failure = '';
    }
    return patch;
  },

  /** Validates the field; invalid input only shows the field's message, and no card. */
  async onSubmit(this: Host) {
    const state = stateOf(this);
    const parsed = parseCardQuery(this.data.input);
    if (!parsed.ok) {
      this.setData({ fieldError: parsed.message, ...this.forgetUnlessFor(this.data.input) });
      return;
    }
    const query: CardQuery = parsed.value.kind === 'phone' ? { phone: parsed.value.phone.national } : { iccid: parsed.value.iccid.value };
    const warning = parsed.value.kind === 'iccid' ? parsed.value.iccid.warning ?? '' : '';
    // A failed check digit usually means a misread digit, which would find someone else's card: ask first.
    if (warning && 'iccid' in query && state.iccidConfirmed !== query.iccid) {
      state.iccidConfirmed = query.iccid;
      this.setData({ iccidWarning: `${warning}。核对无误后再点一次「查询」`, ...this.forgetUnlessFor('') });
      return;
    }
    if (warning !== this.data.iccidWarning) this.setData({ iccidWarning: warning });
    await this.runLookup(query);
  },

  onRetry(this: Host) {
    const state = stateOf(this);
    if (state.query) void this.runLookup(state.query);
  },

  /** keepCard: a refresh of the card on screen keeps showing it until the answer comes. */
  async runLookup(this: Host, query: CardQuery, keepCard = false) {
    const state = stateOf(this);
    state.query = query;
    if (!keepCard && state.shown) {
      state.shown = null;
      this.setData({ status: 'loading', failure: '', ...NO_CARD });
    } else {
      this.setData({ status: 'loading', failure: '' });
    }
    const { cards, clock } = services();
    const answer = await state.lookup.run(() => lookupCard(services(), query));
    if (!answer) return;
    if (!answer.ok) {
      state.shown = null;
      this.setData({ status: answer.retryable ? 'failed' : 'missing', failure: answer.message, ...NO_CARD });
      return;
    }
    const card = answer.card;
    const shown: ShownCard = { query, card, fetchedAt: answer.fetchedAt };
    state.shown = shown;
    // A peso card is priced in yuan: fetch the rate now, while the user reads the card; the suggestion then shows its yuan.
    if (card.balance.currency !== 'CNY') void rateFor(services()).then(() => this.repriceFor(shown));
    const byIccid = 'iccid' in query;
    // A number reached by ICCID goes to 最近查询 only once the user renews it.
    if (!byIccid) {
      cards.pushRecent(card.phone, { carrier: card.carrier, location: card.location });
      this.refreshPicks();
    }
    const note = this.carrierAnswered(card.carrier);
    const today = chinaToday(clock.now());
    this.setData({
      status: 'found',
      card,
      carrierNote: note,
      carrier: byIccid ? null : this.chipNow(),
      iccidNumber: byIccid ? formatFullPhone(card.phone) : '',
      recommended: recommendationFor(card),
      ...(today !== this.data.today ? { today } : {}),
    });
  },

  /** The rate arrived: the suggestion for the same card on screen shows its yuan price. */
  repriceFor(this: Host, shown: ShownCard) {
    const state = stateOf(this);
    if (state.shown?.card.phone !== shown.card.phone) return;
    const recommended = recommendationFor(state.shown.card);
    if (JSON.stringify(recommended) !== JSON.stringify(this.data.recommended)) this.setData({ recommended });
  },

  /** 立即续费 and the suggestion both open packages with the suggested option chosen. */
  onRenew(this: Host) {
    const state = stateOf(this);
    // By construction the shown card is the field's; checked once more at the moment it matters.
    const shown = cardForInput(this.data.input, state.shown);
    if (!shown) return;
    const { cards, navigator } = services();
    if ('iccid' in shown.query) {
      cards.pushRecent(shown.card.phone, { carrier: shown.card.carrier, location: shown.card.location });
      this.refreshPicks();
    }
    const recommended = this.data.recommended;
    navigator.open('packages', recommended ? { phone: shown.card.phone, productId: recommended.productId } : { phone: shown.card.phone });
  },
};
