/**
 * The lookup page's carrier chip and carrier choices, as display data (the quick picks
 * are view/quick-numbers.ts's).
 */
import type { CarrierId } from '../../core/types';
import { CARRIERS, carrierName, carriersOf } from '../../core/carriers';
import { guessCarrier } from '../../core/phone';

export interface CarrierAction {
  name: string;
  carrier: CarrierId;
}

/** The carrier the typed digits point to, or null while the prefix is still open. */
export function guessedCarrier(input: string): CarrierId | null {
  return guessCarrier(input)?.carrier ?? null;
}

export interface CarrierChip {
  name: string;
  /** Mainland numbers may have moved carrier (携号转网): the user can say so. */
  changeable: boolean;
  virtual: boolean;
}

export function carrierChip(input: string, override: CarrierId | null): CarrierChip | null {
  const guess = guessCarrier(input);
  if (!guess) return null;
  const region = CARRIERS[guess.carrier].region;
  const shown = override ?? guess.carrier;
  return {
    name: `${carrierName(shown)}${guess.virtual && !override ? '（虚拟运营商号段）' : ''}${override && override !== guess.carrier ? '（已携号转网）' : ''}`,
    changeable: region === 'CN',
    virtual: guess.virtual,
  };
}

export function carrierActions(): CarrierAction[] {
  return carriersOf('CN').map((info) => ({ name: info.name, carrier: info.id }));
}

/** Shown when the carrier's answer disagrees with what the user said the carrier is. */
export function carrierMismatchNote(chosen: CarrierId | null, answered: CarrierId): string {
  if (!chosen || chosen === answered) return '';
  return `你选择的是${carrierName(chosen)}，但运营商查询结果为${carrierName(answered)}，将按${carrierName(answered)}续费`;
}
