/**
 * The lookup page's quick picks and carrier chip, as display data. The numbers stay in
 * the page's private state; the view only gets masked text.
 */
import type { BoundCard, CarrierId } from '../../core/types';
import { CARRIERS, carrierName, carriersOf } from '../../core/carriers';
import { guessCarrier, maskPhone } from '../../core/phone';
import { cardTitle } from '../../view/card-tile';

export interface BoundPick {
  /** Position in the list, as a stable wx:key (two numbers may mask alike). */
  key: string;
  masked: string;
  label: string;
}

export interface RecentPick {
  key: string;
  masked: string;
}

export interface CarrierAction {
  name: string;
  carrier: CarrierId;
}

export function boundPicks(cards: BoundCard[]): BoundPick[] {
  return cards.map((card, index) => ({
    key: `b${index}`,
    masked: maskPhone(card.phone),
    label: cardTitle(card),
  }));
}

/** Recent numbers not already among the bound ones (those have their own row). */
export function recentNumbers(recent: string[], bound: BoundCard[]): string[] {
  const boundPhones = new Set(bound.map((card) => card.phone));
  return recent.filter((phone) => typeof phone === 'string' && !boundPhones.has(phone));
}

export function recentPicks(phones: string[]): RecentPick[] {
  return phones.map((phone, index) => ({ key: `r${index}`, masked: maskPhone(phone) }));
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
