/**
 * 充值 (tab): type a number or an ICCID, see the carrier as you type, look the card up
 * and go on to renew it. Parsing is core's (parseCardQuery); the card comes from the
 * carrier gateway; the page only shows what they answer.
 *
 * The card on screen is always the card of what the field says now (query.ts): it is
 * kept together with the query it answered, and typing anything that reads as another
 * number or ICCID, or nothing valid, takes it off the screen with its 立即续费.
 * 立即续费 hands on only the card's own number; packages and confirm read that number's
 * card from the renewal cache, where this lookup put it.
 */
import type { BoundCard, CarrierId } from '../../core/types';
import { parseCardQuery } from '../../core/card-query';
import { chinaToday } from '../../core/dates';
import { formatFullPhone } from '../../core/phone';
import type { CardQuery } from '../../services/contracts';
import { services } from '../../services/container';
import { eventValue } from '../../lib/events';
import { LatestLookup, lookupCard, rateFor } from '../../services/cards/card-lookup';
import { privateState } from '../../lib/private-state';
import { boundPicks, carrierActions, carrierChip, carrierMismatchNote, guessedCarrier, recentNumbers, recentPicks, type BoundPick, type CarrierAction, type RecentPick } from './picks';
import { cardForInput, queryOf, sameQuery, type ShownCard } from './query';
import { careMode } from '../../services/care/page-behavior';

type Status = 'idle' | 'loading' | 'found' | 'failed' | 'missing';

interface LookupState {
  bound: BoundCard[];
  recent: string[];
  /** The last query sent, for 重试 and pull-down refresh. */
  query: CardQuery | null;
  lookup: LatestLookup;
  /** The carrier the user says the number is with now (携号转网), or null. */
  override: CarrierId | null;
  guessed: CarrierId | null;
  /** The card on screen with the query it answered: one piece of state, never one without the other. */
  shown: ShownCard | null;
  /** An ICCID whose check digit failed, which the user asked to look up anyway by tapping 查询 again. */
  iccidConfirmed: string;
}

const stateOf = privateState<LookupState>(() => ({
  bound: [],
  recent: [],
  query: null,
  lookup: new LatestLookup(),
  override: null,
  guessed: null,
  shown: null,
  iccidConfirmed: '',
}));

Component({
  behaviors: [careMode],
  data: {
    input: '',
    fieldError: '',
    carrier: null as ReturnType<typeof carrierChip>,
    iccidWarning: '',
    showCarrierSheet: false,
    carrierActions: [] as CarrierAction[],
    bound: [] as BoundPick[],
    recent: [] as RecentPick[],
    status: 'idle' as Status,
    card: null as ShownCard['card'] | null,
    today: '',
    failure: '',
    carrierNote: '',
    /** For a card found by ICCID: its number in full, for the user to recognise. */
    iccidNumber: '',
  },

  methods: {
    onShow() {
      this.refreshPicks();
      this.showLatest();
      const handoff = services().navigator.takeHandoff('lookup');
      if (handoff && typeof handoff.phone === 'string' && handoff.phone) {
        this.fill(handoff.phone, null);
        void this.onSubmit();
      }
    },

    async onPullDownRefresh() {
      const state = stateOf(this);
      if (state.query) await this.runLookup(state.query, true);
      services().device.stopPullDownRefresh();
    },

    refreshPicks() {
      const { cards } = services();
      const state = stateOf(this);
      state.bound = cards.list();
      state.recent = recentNumbers(cards.recent(), state.bound);
      const bound = boundPicks(state.bound);
      const recent = recentPicks(state.recent);
      if (JSON.stringify(bound) !== JSON.stringify(this.data.bound) || JSON.stringify(recent) !== JSON.stringify(this.data.recent)) {
        this.setData({ bound, recent });
      }
    },

    /** Back on this tab after a renewal: the card on screen takes what the renewal answered. */
    showLatest() {
      const state = stateOf(this);
      if (!state.shown) return;
      const held = services().renewalCache.card(state.shown.card.phone);
      if (!held || held.fetchedAt <= state.shown.fetchedAt) return;
      state.shown = { ...state.shown, card: held.card, fetchedAt: held.fetchedAt };
      this.setData({ card: held.card, today: chinaToday(services().clock.now()) });
    },

    onInput(event: { detail: unknown }) {
      const value = eventValue(event);
      this.fill(value, null, false);
    },

    /** Puts a number in the field and updates the chip; only changed fields go to the view. */
    fill(value: string, override: CarrierId | null, echo = true) {
      const state = stateOf(this);
      const guessed = guessedCarrier(value);
      // A different segment means a different number: forget an earlier carrier choice.
      if (guessed !== state.guessed) state.override = null;
      if (override) state.override = override;
      state.guessed = guessed;
      const carrier = carrierChip(value, state.override);
      const patch: Record<string, unknown> = {};
      if (echo || value !== this.data.input) patch.input = value;
      if (this.data.fieldError) patch.fieldError = '';
      if (this.data.iccidWarning) patch.iccidWarning = '';
      if (JSON.stringify(carrier) !== JSON.stringify(this.data.carrier)) patch.carrier = carrier;
      Object.assign(patch, this.forgetUnlessFor(value));
      if (Object.keys(patch).length) this.setData(patch);
    },

    /**
     * The patch that takes the card (and a lookup's failure) off the screen when the field
     * no longer names what they were about. A lookup still running for another query is dropped.
     */
    forgetUnlessFor(value: string): Record<string, unknown> {
      const state = stateOf(this);
      const patch: Record<string, unknown> = {};
      if (state.shown && !cardForInput(value, state.shown)) {
        state.shown = null;
        patch.card = null;
        patch.carrierNote = '';
        patch.iccidNumber = '';
      }
      if (state.query && !sameQuery(queryOf(value), state.query)) {
        state.query = null;
        state.lookup.drop();
        if (this.data.status !== 'idle') patch.status = 'idle';
        if (this.data.failure) patch.failure = '';
      }
      return patch;
    },

    onPickBound(event: WechatMiniprogram.BaseEvent) {
      const card = stateOf(this).bound[Number(event.currentTarget.dataset.index)];
      if (!card) return;
      this.fill(card.phone, card.carrier);
      void this.onSubmit();
    },

    onPickRecent(event: WechatMiniprogram.BaseEvent) {
      const phone = stateOf(this).recent[Number(event.currentTarget.dataset.index)];
      if (!phone) return;
      this.fill(phone, null);
      void this.onSubmit();
    },

    onOpenCarrierSheet() {
      this.setData({ showCarrierSheet: true, carrierActions: carrierActions() });
    },

    onCloseCarrierSheet() {
      this.setData({ showCarrierSheet: false });
    },

    onSelectCarrier(event: { detail: Partial<CarrierAction> | undefined }) {
      const chosen = event.detail?.carrier;
      if (!chosen) return;
      const state = stateOf(this);
      state.override = chosen === state.guessed ? null : chosen;
      this.setData({ showCarrierSheet: false, carrier: carrierChip(this.data.input, state.override) });
    },

    /** Validates the field; invalid input only shows the field's message, and no card. */
    async onSubmit() {
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

    onRetry() {
      const state = stateOf(this);
      if (state.query) void this.runLookup(state.query);
    },

    /** keepCard: a refresh of the card on screen keeps showing it until the answer comes. */
    async runLookup(query: CardQuery, keepCard = false) {
      const state = stateOf(this);
      state.query = query;
      if (!keepCard && state.shown) {
        state.shown = null;
        this.setData({ status: 'loading', failure: '', card: null, carrierNote: '', iccidNumber: '' });
      } else {
        this.setData({ status: 'loading', failure: '' });
      }
      const { cards, clock } = services();
      const answer = await state.lookup.run(() => lookupCard(services(), query));
      if (!answer) return;
      if (!answer.ok) {
        state.shown = null;
        this.setData({ status: answer.retryable ? 'failed' : 'missing', failure: answer.message, card: null, carrierNote: '', iccidNumber: '' });
        return;
      }
      const card = answer.card;
      state.shown = { query, card, fetchedAt: answer.fetchedAt };
      // A peso card is priced in yuan on the next page: fetch the rate now, while the user reads the card.
      if (card.balance.currency !== 'CNY') void rateFor(services());
      const byIccid = 'iccid' in query;
      // A number reached by ICCID goes to 最近查询 only once the user renews it.
      if (!byIccid) {
        cards.pushRecent(card.phone);
        this.refreshPicks();
      }
      const note = carrierMismatchNote(state.override, card.carrier);
      // From now on the chip names the carrier that answered: chip, card, confirm and order agree.
      state.override = card.carrier === state.guessed ? null : card.carrier;
      const today = chinaToday(clock.now());
      this.setData({
        status: 'found',
        card,
        carrierNote: note,
        carrier: byIccid ? null : carrierChip(this.data.input, state.override),
        iccidNumber: byIccid ? formatFullPhone(card.phone) : '',
        ...(today !== this.data.today ? { today } : {}),
      });
    },

    onRenew() {
      const state = stateOf(this);
      // By construction the shown card is the field's; checked once more at the moment it matters.
      const shown = cardForInput(this.data.input, state.shown);
      if (!shown) return;
      const { cards, navigator } = services();
      if ('iccid' in shown.query) {
        cards.pushRecent(shown.card.phone);
        this.refreshPicks();
      }
      navigator.open('packages', { phone: shown.card.phone });
    },
  },
});
