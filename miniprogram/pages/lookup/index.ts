/**
 * 充值 (tab): type a number or an ICCID, see the carrier as you type, look the card up
 * and go on to renew it. Parsing is core's (parseCardQuery); the card comes from the
 * carrier gateway; the page only shows what they answer.
 */
import type { BoundCard, CardProfile, CarrierId } from '../../core/types';
import { parseCardQuery } from '../../core/card-query';
import { chinaToday } from '../../core/dates';
import type { CardQuery } from '../../services/contracts';
import { services } from '../../services/container';
import { eventValue } from '../../lib/events';
import { LatestLookup } from '../../services/cards/card-lookup';
import { privateState } from '../../lib/private-state';
import { boundPicks, carrierActions, carrierChip, carrierMismatchNote, guessedCarrier, recentNumbers, recentPicks, type BoundPick, type CarrierAction, type RecentPick } from './picks';

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
  card: CardProfile | null;
}

const stateOf = privateState<LookupState>(() => ({
  bound: [],
  recent: [],
  query: null,
  lookup: new LatestLookup(),
  override: null,
  guessed: null,
  card: null,
}));

Component({
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
    card: null as CardProfile | null,
    today: '',
    failure: '',
    carrierNote: '',
  },

  methods: {
    onShow() {
      this.refreshPicks();
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
      if (Object.keys(patch).length) this.setData(patch);
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

    /** Validates the field; invalid input only shows the field's message. */
    async onSubmit() {
      const parsed = parseCardQuery(this.data.input);
      if (!parsed.ok) {
        this.setData({ fieldError: parsed.message });
        return;
      }
      const query: CardQuery = parsed.value.kind === 'phone' ? { phone: parsed.value.phone.national } : { iccid: parsed.value.iccid.value };
      const warning = parsed.value.kind === 'iccid' ? parsed.value.iccid.warning ?? '' : '';
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
      if (!keepCard && state.card) {
        state.card = null;
        this.setData({ status: 'loading', failure: '', card: null, carrierNote: '' });
      } else {
        this.setData({ status: 'loading', failure: '' });
      }
      const { gateway, cards, clock } = services();
      const answer = await state.lookup.run(gateway, query);
      if (!answer) return;
      if (answer.ok) {
        const card = answer.card;
        state.card = card;
        cards.pushRecent(card.phone);
        const today = chinaToday(clock.now());
        this.setData({ status: 'found', card, carrierNote: carrierMismatchNote(state.override, card.carrier), ...(today !== this.data.today ? { today } : {}) });
        return;
      }
      this.setData({ status: answer.retryable ? 'failed' : 'missing', failure: answer.message });
    },

    onRenew() {
      const card = stateOf(this).card;
      if (!card) return;
      services().navigator.open('packages', { phone: card.phone });
    },
  },
});
