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
 *
 * The page keeps the field and its carrier chip (携号转网 chosen in a sheet); each other
 * concern is a module of methods it spreads in: the lookup and its card (lookup-methods.ts),
 * the quick picks (quick-methods.ts), and the address book with its privacy popup
 * (contact-methods.ts).
 */
import type { CarrierId } from '../../core/types';
import { services } from '../../services/container';
import { eventValue } from '../../lib/events';
import { privateState } from '../../lib/private-state';
import { carrierActions, carrierChip, carrierMismatchNote, guessedCarrier, type CarrierAction, type CarrierChip } from './picks';
import type { ShownCard } from './query';
import type { RecommendedOption } from './recommendation';
import type { QuickRow } from '../../view/quick-numbers';
import { SCAM_LEAD, SCAM_TITLE } from '../../view/scam-words';
import { contactMethods, type ContactSheet } from './contact-methods';
import { lookupMethods, type Status } from './lookup-methods';
import { quickMethods } from './quick-methods';

/** What the field's carrier chip keeps outside `data`. */
interface FieldState {
  /** The carrier the user says the number is with now (携号转网), or null. */
  override: CarrierId | null;
  /** The carrier the field's segment points to. */
  guessed: CarrierId | null;
}

const stateOf = privateState<FieldState>(() => ({ override: null, guessed: null }));

Component({
  data: {
    input: '',
    fieldError: '',
    carrier: null as CarrierChip | null,
    iccidWarning: '',
    showCarrierSheet: false,
    carrierActions: [] as CarrierAction[],
    quick: [] as QuickRow[],
    /** What became of a tap on 通讯录 (a refusal, a cancel, the number filled in); '' once the field changes. */
    contactHint: '',
    showContactSheet: false,
    contactSheet: { description: '', actions: [] } as ContactSheet,
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
    ...contactMethods,
    ...quickMethods,
    ...lookupMethods,

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

    /** The chip for what the field says, with the carrier chosen or answered. */
    chipNow(): CarrierChip | null {
      return carrierChip(this.data.input, stateOf(this).override);
    },

    /**
     * The gateway answered with `carrier`: from now on the chip names it, so chip, card, confirm
     * and order agree. Returns the note saying so when the user had chosen another.
     */
    carrierAnswered(carrier: CarrierId): string {
      const state = stateOf(this);
      const note = carrierMismatchNote(state.override, carrier);
      state.override = carrier === state.guessed ? null : carrier;
      return note;
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
      this.setData({ showCarrierSheet: false, carrier: this.chipNow() });
    },
  },
});
