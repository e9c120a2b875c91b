/**
 * The carriers this mini-program renews cards for: names shown to the user, service
 * hotlines for the help text, and the brand colour used on the card tiles.
 */
import type { CarrierId, Currency, Region } from './types';

export interface CarrierInfo {
  id: CarrierId;
  /** Full Chinese name shown on the confirm page and the voucher. */
  name: string;
  /** Short name for tiles and chips. */
  shortName: string;
  region: Region;
  currency: Currency;
  /** Customer-service number dialled from the card itself. */
  hotline: string;
  /** A second number that works from any phone (Smart's landline hotline). */
  hotlineAlt?: string;
  /** Brand colour, #RRGGBB. */
  color: string;
}

export const CARRIERS: Record<CarrierId, CarrierInfo> = {
  cmcc: {
    id: 'cmcc',
    name: '中国移动',
    shortName: '移动',
    region: 'CN',
    currency: 'CNY',
    hotline: '10086',
    color: '#0085D0',
  },
  cucc: {
    id: 'cucc',
    name: '中国联通',
    shortName: '联通',
    region: 'CN',
    currency: 'CNY',
    hotline: '10010',
    color: '#E60012',
  },
  ctcc: {
    id: 'ctcc',
    name: '中国电信',
    shortName: '电信',
    region: 'CN',
    currency: 'CNY',
    hotline: '10000',
    color: '#005BAC',
  },
  cbn: {
    id: 'cbn',
    name: '中国广电',
    shortName: '广电',
    region: 'CN',
    currency: 'CNY',
    hotline: '10099',
    color: '#D7000F',
  },
  smart: {
    id: 'smart',
    name: 'Smart',
    shortName: 'Smart',
    region: 'PH',
    currency: 'PHP',
    hotline: '*888',
    hotlineAlt: '+63 2 8888 1111',
    color: '#00A650',
  },
};

/** Display order everywhere: mainland carriers first, then the Philippines. */
export const CARRIER_IDS: CarrierId[] = ['cmcc', 'cucc', 'ctcc', 'cbn', 'smart'];

export function isCarrierId(value: unknown): value is CarrierId {
  return typeof value === 'string' && (CARRIER_IDS as string[]).includes(value);
}

/** Chinese name of a carrier; a stray id read from old storage gets a neutral label instead of a crash. */
export function carrierName(id: CarrierId): string {
  return isCarrierId(id) ? CARRIERS[id].name : '未知运营商';
}

export function carriersOf(region: Region): CarrierInfo[] {
  return CARRIER_IDS.map((id) => CARRIERS[id]).filter((info) => info.region === region);
}
