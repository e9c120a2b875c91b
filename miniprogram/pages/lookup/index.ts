/**
 * 充值 (tab): type a number or an ICCID, see the carrier as you type, look the card up
 * and go on to renew it. Parsing is core's (parseCardQuery); the card comes from the
 * carrier gateway; the page only shows what they answer.
 *
 * The card on screen is always the card of what the field says now (query.ts): it is
 * kept together with the query it answered, and typing anything that reads as another
 * number or ICCID, or nothing valid, takes it off the screen with its 立即续费.
 * 立即续费 hands on only the card's own number (with the recommended option); packages and
 * confirm read that number's card from the renewal cache, where this lookup put it.
 *
 * A number can also come from the quick picks (bound first, then recent, each with its
 * 归属地; a recent one can be removed, all of them cleared) or from the address book
 * (通讯录, after the privacy agreement): either way it goes into the field and through the
 * same parsing as typing.
 */
import type { CardProfile, CarrierId } from '../../core/types';
import { parseCardQuery } from '../../core/card-query';
import { chinaToday } from '../../core/dates';
import { formatFullPhone } from '../../core/phone';
import type { CardQuery } from '../../services/contracts';
import { services } from '../../services/container';
import { eventValue } from '../../lib/events';
import { LatestLookup, lookupCard, rateFor } from '../../services/cards/card-lookup';
import { numberOfRow, pickAfterPrivacy, sheetOf, type ContactNumber } from '../../services/cards/contact-pick';
import { PrivacyPromptSession } from '../../services/wx/privacy';
import { privateState } from '../../lib/private-state';
import { quickRows, type QuickRow } from '../../view/quick-numbers';
import { carrierActions, carrierChip, carrierMismatchNote, guessedCarrier, type CarrierAction } from './picks';
import { cardForInput, queryOf, sameQuery, type ShownCard } from './query';
import { recommendedOption, type RecommendedOption } from './recommendation';
import { CLEAR_RECENT, contactFilled, contactSheetCancelled } from './words';
import { SCAM_LEAD, SCAM_TITLE } from '../../view/scam-words';
import { careMode } from '../../services/care/page-behavior';

type Status = 'idle' | 'loading' | 'found' | 'failed' | 'missing';

interface LookupState {
  /** The numbers behind the quick rows, in their order, with a bound card's carrier (携号转网 chosen at binding). */
  quick: { phone: string; carrier: CarrierId | null }[];
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
  /** The address book is open (a second tap must not open it twice). */
  picking: boolean;
  /** The contact whose numbers the sheet offers. */
  contact: { name: string; numbers: ContactNumber[] } | null;
  privacy: PrivacyPromptSession | null;
}

const stateOf = privateState<LookupState>(() => ({
  quick: [],
  query: null,
  lookup: new LatestLookup(),
  override: null,
  guessed: null,
  shown: null,
  iccidConfirmed: '',
  picking: false,
  contact: null,
  privacy: null,
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
    quick: [] as QuickRow[],
    /** What became of a tap on 通讯录 (a refusal, a cancel, the number filled in); '' once the field changes. */
    contactHint: '',
    showContactSheet: false,
    contactSheet: { description: '', actions: [] as { name: string; subname: string }[] },
    privacyShow: false,
    /** The option suggested for the card on screen, with its price and the expiry it gives. */
    recommended: null as RecommendedOption | null,
    /** A first visit's tips warn of the scams met when choosing where to top up (help has the rest). */
    scamTitle: SCAM_TITLE,
    scamLead: SCAM_LEAD,
    status: 'idle' as Status,
    card: null as ShownCard['card'] | null,
    today: '',
    failure: '',
    carrierNote: '',
    /** For a card found by ICCID: its number in full, for the user to recognise. */
    iccidNumber: '',
  },

  lifetimes: {
    detached() {
      this.stopPrivacy();
    },
  },

  methods: {
    /**
     * WeChat asks before it opens the address book; the answer comes from this page's popup,
     * but only while the page shows: a tab page stays alive behind others, and a question
     * it took there would wait unseen (the voucher's album, say).
     */
    listenForPrivacy() {
      const state = stateOf(this);
      if (!state.privacy) state.privacy = new PrivacyPromptSession(services().privacy, () => this.setData({ privacyShow: true }));
    },

    stopPrivacy() {
      const state = stateOf(this);
      state.privacy?.close();
      state.privacy = null;
      if (this.data.privacyShow) this.setData({ privacyShow: false });
    },

    onHide() {
      this.stopPrivacy();
    },

    onShow() {
      this.listenForPrivacy();
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
      const bound = cards.list();
      const recent = cards.recentNumbers();
      stateOf(this).quick = [
        ...bound.map((card) => ({ phone: card.phone, carrier: card.carrier })),
        ...recent.filter((entry) => !bound.some((card) => card.phone === entry.phone)).map((entry) => ({ phone: entry.phone, carrier: null })),
      ];
      const quick = quickRows(bound, recent);
      if (JSON.stringify(quick) !== JSON.stringify(this.data.quick)) this.setData({ quick });
    },

    /** Back on this tab after a renewal: the card on screen takes what the renewal answered. */
    showLatest() {
      const state = stateOf(this);
      if (!state.shown) return;
      const held = services().renewalCache.card(state.shown.card.phone);
      if (!held || held.fetchedAt <= state.shown.fetchedAt) return;
      state.shown = { ...state.shown, card: held.card, fetchedAt: held.fetchedAt };
      // The suggestion follows the card: after a renewal its expiry and price are the new card's.
      this.setData({ card: held.card, today: chinaToday(services().clock.now()), recommended: this.recommendationFor(held.card) });
    },

    /** The suggested option for a card, priced at the rate the renewal holds (none yet: the face value). */
    recommendationFor(card: CardProfile): RecommendedOption | null {
      const { clock, renewalCache } = services();
      const now = clock.now();
      const rate = card.balance.currency === 'CNY' ? null : renewalCache.rate() ?? null;
      return recommendedOption(card, chinaToday(now), rate, now);
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
      if (this.data.contactHint) patch.contactHint = '';
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
        patch.recommended = null;
      }
      if (state.query && !sameQuery(queryOf(value), state.query)) {
        state.query = null;
        state.lookup.drop();
        if (this.data.status !== 'idle') patch.status = 'idle';
        if (this.data.failure) patch.failure = '';
      }
      return patch;
    },

    onPickQuick(event: WechatMiniprogram.CustomEvent<{ index: number }>) {
      const picked = stateOf(this).quick[Number(event.detail?.index)];
      if (!picked) return;
      this.fill(picked.phone, picked.carrier);
      void this.onSubmit();
    },

    onRemoveQuick(event: WechatMiniprogram.CustomEvent<{ index: number }>) {
      const picked = stateOf(this).quick[Number(event.detail?.index)];
      if (!picked || this.data.quick[Number(event.detail?.index)]?.bound !== false) return;
      const removed = services().cards.removeRecent(picked.phone);
      if (!removed.ok) services().device.toast(removed.message);
      this.refreshPicks();
    },

    async onClearQuick() {
      const { cards, device } = services();
      if (!(await device.confirm(CLEAR_RECENT))) return;
      const cleared = cards.clearRecent();
      if (!cleared.ok) device.toast(cleared.message);
      this.refreshPicks();
    },

    /**
     * 通讯录 (after the privacy agreement): one number goes into the field and is looked up;
     * several are offered in a sheet; a refusal or a cancel leaves the page as it was, and says so.
     */
    async onContacts() {
      const state = stateOf(this);
      if (state.picking) return;
      state.picking = true;
      try {
        const pick = await pickAfterPrivacy(services());
        if (!pick.ok) {
          this.setData({ contactHint: pick.message });
          return;
        }
        if (pick.numbers.length === 1) {
          this.useContactNumber(pick.name, pick.numbers[0]);
          return;
        }
        state.contact = { name: pick.name, numbers: pick.numbers };
        this.setData({ showContactSheet: true, contactSheet: sheetOf(pick), ...(this.data.contactHint ? { contactHint: '' } : {}) });
      } finally {
        state.picking = false;
      }
    },

    onSelectContactNumber(event: { detail: { name?: string } | undefined }) {
      const state = stateOf(this);
      const contact = state.contact;
      const number = contact ? numberOfRow(contact.numbers, this.data.contactSheet.actions, event.detail?.name) : undefined;
      state.contact = null;
      this.setData({ showContactSheet: false });
      if (contact && number) this.useContactNumber(contact.name, number);
    },

    /** The sheet closed without a choice: the field keeps what it had. */
    onCloseContactSheet() {
      const state = stateOf(this);
      if (!this.data.showContactSheet) return;
      const name = state.contact?.name ?? '';
      state.contact = null;
      this.setData({ showContactSheet: false, contactHint: contactSheetCancelled(name) });
    },

    useContactNumber(name: string, number: ContactNumber) {
      this.fill(number.national, null);
      this.setData({ contactHint: contactFilled(name, number.masked) });
      void this.onSubmit();
    },

    onPrivacyAgree(event: WechatMiniprogram.CustomEvent<{ buttonId: string }>) {
      stateOf(this).privacy?.agree(event.detail.buttonId);
      this.setData({ privacyShow: false });
    },

    onPrivacyDisagree() {
      stateOf(this).privacy?.disagree();
      this.setData({ privacyShow: false });
    },

    onOpenPrivacyContract() {
      services().privacy.openContract();
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
        this.setData({ status: 'loading', failure: '', card: null, carrierNote: '', iccidNumber: '', recommended: null });
      } else {
        this.setData({ status: 'loading', failure: '' });
      }
      const { cards, clock } = services();
      const answer = await state.lookup.run(() => lookupCard(services(), query));
      if (!answer) return;
      if (!answer.ok) {
        state.shown = null;
        this.setData({ status: answer.retryable ? 'failed' : 'missing', failure: answer.message, card: null, carrierNote: '', iccidNumber: '', recommended: null });
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
        recommended: this.recommendationFor(card),
        ...(today !== this.data.today ? { today } : {}),
      });
    },

    /** The rate arrived: the suggestion for the same card on screen shows its yuan price. */
    repriceFor(shown: ShownCard) {
      const state = stateOf(this);
      if (state.shown?.card.phone !== shown.card.phone) return;
      const recommended = this.recommendationFor(state.shown.card);
      if (JSON.stringify(recommended) !== JSON.stringify(this.data.recommended)) this.setData({ recommended });
    },

    /** 立即续费 and the suggestion both open packages with the suggested option chosen. */
    onRenew() {
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
  },
});
