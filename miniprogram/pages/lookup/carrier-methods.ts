/**
 * 充值's carrier chip and its 携号转网 sheet: the carrier the typed segment points to, the
 * one the user says the number is with now, and, once the gateway answered, the carrier
 * that answered. Ready to spread into the page's Component methods (`methods: { ...carrierMethods }`).
 */
import type { CarrierId } from '../../core/types';
import { privateState } from '../../lib/private-state';
import { carrierActions, carrierChip, carrierMismatchNote, guessedCarrier, type CarrierAction, type CarrierChip } from './picks';

/** What this concern keeps outside `data`. */
export interface CarrierState {
  /** The carrier the user says the number is with now (携号转网), or null. */
  override: CarrierId | null;
  /** The carrier the field's segment points to. */
  guessed: CarrierId | null;
}

const stateOf = privateState<CarrierState>(() => ({ override: null, guessed: null }));

interface Host {
  data: { input: string };
  setData(data: Record<string, unknown>): void;
  chipNow(): CarrierChip | null;
}

export const carrierMethods = {
  /**
   * The chip for a new field value: a different segment means a different number, so an
   * earlier carrier choice is forgotten; `override` (a bound card's carrier) is taken as chosen.
   */
  chipFollowing(this: Host, value: string, override: CarrierId | null): CarrierChip | null {
    const state = stateOf(this);
    const guessed = guessedCarrier(value);
    if (guessed !== state.guessed) state.override = null;
    if (override) state.override = override;
    state.guessed = guessed;
    return carrierChip(value, state.override);
  },

  /** The chip for what the field says, with the carrier chosen or answered. */
  chipNow(this: Host): CarrierChip | null {
    return carrierChip(this.data.input, stateOf(this).override);
  },

  /**
   * The gateway answered with `carrier`: from now on the chip names it, so chip, card, confirm
   * and order agree. Returns the note saying so when the user had chosen another.
   */
  carrierAnswered(this: Host, carrier: CarrierId): string {
    const state = stateOf(this);
    const note = carrierMismatchNote(state.override, carrier);
    state.override = carrier === state.guessed ? null : carrier;
    return note;
  },

  onOpenCarrierSheet(this: Host) {
    this.setData({ showCarrierSheet: true, carrierActions: carrierActions() });
  },

  onCloseCarrierSheet(this: Host) {
    this.setData({ showCarrierSheet: false });
  },

  onSelectCarrier(this: Host, event: { detail: Partial<CarrierAction> | undefined }) {
    const chosen = event.detail?.carrier;
    if (!chosen) return;
    const state = stateOf(this);
    state.override = chosen === state.guessed ? null : chosen;
    this.setData({ showCarrierSheet: false, carrier: this.chipNow() });
  },
};
