/**
 * The offline carrier's card data: a stable profile for any valid number, an ICCID that
 * encodes the number (so a lookup by ICCID finds the same card without a table), and the
 * documented demo numbers that show each card status. Pure: "today" comes in.
 *
 * Why derived rather than random: a demo must work with whatever number a person types,
 * and the same number must show the same card on every lookup and every launch. Only
 * cards that changed (a top-up) are stored, by the gateway.
 */
import { addDays } from '../../core/dates';
import { luhnValid, type Iccid } from '../../core/iccid';
import { money } from '../../core/money';
import { parsePhone } from '../../core/phone';
import type { CardProfile, CardType, CarrierId, ChinaDate, Currency } from '../../core/types';
import { pick } from './hash';
import { locationOf } from './locations';

// ---------------------------------------------------------------------------------
// Derived profiles
// ---------------------------------------------------------------------------------

const CURRENCY: Record<CarrierId, Currency> = { cmcc: 'CNY', cucc: 'CNY', ctcc: 'CNY', cbn: 'CNY', smart: 'PHP' };

/** Plan names as the carriers' own apps show them (demo data). */
const PLAN_NAMES: Record<CarrierId, Record<CardType, string[]>> = {
  cmcc: {
    phone: ['动感地带 5G 套餐 29 元', '全球通 58 元套餐', '神州行 畅听卡'],
    data: ['移动花卡 流量版 19 元', '移动 5G 流量卡 39 元'],
    keep: ['移动 8 元保号套餐'],
    esim: ['移动 eSIM 一号双终端'],
  },
  cucc: {
    phone: ['联通 5G 畅爽冰激凌 59 元', '联通 沃派 19 元'],
    data: ['联通 大王卡 19 元', '联通 流量王 29 元'],
    keep: ['联通 5 元保号套餐'],
    esim: ['联通 eSIM 智能穿戴套餐'],
  },
  ctcc: {
    phone: ['天翼 5G 畅享 39 元', '电信 星卡 19 元'],
    data: ['电信 星卡 流量版 29 元', '电信 5G 流量卡 39 元'],
    keep: ['电信 5 元保号套餐'],
    esim: ['电信 eSIM 副卡'],
  },
  cbn: {
    phone: ['广电 192 新号卡 38 元'],
    data: ['广电 5G 流量卡 29 元'],
    keep: ['广电 8 元保号套餐'],
    esim: ['广电 eSIM 套餐'],
  },
  smart: {
    phone: ['Smart 预付卡', 'TNT 预付卡'],
    data: ['Smart Magic Data 流量卡', 'TNT Giga Surf 流量卡'],
    keep: ['Smart 预付卡（仅保号）'],
    esim: ['Smart 预付 eSIM'],
  },
};

/** Roughly half phone cards, a quarter data cards, then keep-number cards and eSIMs. */
function cardTypeOf(phone: string): CardType {
  const n = pick(phone, 'type', 20);
  if (n < 10) return 'phone';
  if (n < 15) return 'data';
  if (n < 18) return 'keep';
  return 'esim';
}

/** Balance in minor units: keep-number cards hold little, Smart loads are larger numbers. */
function balanceOf(phone: string, carrier: CarrierId, cardType: CardType): number {
  const maxMajor = carrier === 'smart' ? 300 : cardType === 'keep' ? 30 : cardType === 'data' ? 20 : 200;
  return pick(phone, 'balance', maxMajor * 100 + 1);
}

function dataLeftOf(phone: string, cardType: CardType): number | null {
  if (cardType === 'keep') return null;
  if (cardType === 'data') return 500 + pick(phone, 'data', 29_500);
  return pick(phone, 'data', 10_241);
}

/** Derived cards expire 5 to 90 days from today, so a demo never starts with a dead card. */
function expiryOf(phone: string, today: ChinaDate): ChinaDate {
  return addDays(today, 5 + pick(phone, 'expiry', 86));
}

/** The stable profile of a valid national number (null for a number that does not parse). */
export function deriveProfile(phone: string, today: ChinaDate): CardProfile | null {
  const parsed = parsePhone(phone);
  if (!parsed.ok) return null;
  const { national, region, carrier } = parsed.value;
  const demo = DEMO_PROFILES[national];
  if (demo) return demo(today);
  const cardType = cardTypeOf(national);
  const plans = PLAN_NAMES[carrier][cardType];
  return {
    phone: national,
    region,
    iccid: deriveIccid(national, carrier),
    carrier,
    cardType,
    planName: plans[pick(national, 'plan', plans.length)],
    balance: money(balanceOf(national, carrier, cardType), CURRENCY[carrier]),
    dataLeftMb: dataLeftOf(national, cardType),
    expiry: expiryOf(national, today),
    suspended: false,
    location: locationOf(national, region),
  };
}

// ---------------------------------------------------------------------------------
// ICCIDs that encode the number
// ---------------------------------------------------------------------------------

/** Issuer prefixes per carrier (core/iccid.ts reads them back as the carrier hint). */
const ISSUERS: Record<CarrierId, string[]> = {
  cmcc: ['898600', '898602'],
  cucc: ['898601', '898606', '898609'],
  ctcc: ['898603', '898611'],
  cbn: ['898615'],
  smart: ['896303'],
};

/** A fixed digit shuffle so the number is not readable in the ICCID at a glance. */
const SHIFT = [7, 3, 9, 1, 4, 8, 2, 6, 5, 0];

function scramble(digits: string): string {
  const shifted = [...digits].map((d, i) => String((Number(d) + SHIFT[i]) % 10));
  return shifted.reverse().join('');
}

function unscramble(text: string): string {
  return [...text]
    .reverse()
    .map((d, i) => String((Number(d) + 10 - SHIFT[i]) % 10))
    .join('');
}

/** The digit that makes body + digit pass the Luhn check. */
export function luhnDigit(body: string): string {
  for (let d = 0; d <= 9; d += 1) if (luhnValid(`${body}${d}`)) return String(d);
  return '0';
}

/**
 * 20 digits: issuer (6) + scrambled number + a tag derived from the number (so a random
 * ICCID is recognised as not one of ours) + a Luhn check digit.
 * Mainland: 10 digits after the leading 1, tag of 3. Smart: 9 digits after 09, tag of 4.
 */
export function deriveIccid(phone: string, carrier: CarrierId): string {
  const issuers = ISSUERS[carrier];
  const issuer = issuers[pick(phone, 'issuer', issuers.length)];
  const mainland = carrier !== 'smart';
  const digits = mainland ? phone.slice(1) : phone.slice(2);
  const tagLength = mainland ? 3 : 4;
  const tag = String(pick(phone, 'iccid-tag', 10 ** tagLength)).padStart(tagLength, '0');
  const body = `${issuer}${scramble(digits)}${tag}`;
  return `${body}${luhnDigit(body)}`;
}

/**
 * The number an ICCID of ours encodes, or null when the ICCID is not one we derived.
 * Only the first 19 characters count: a user may have misread the check digit, and
 * parseIccid accepts that with a warning.
 */
export function phoneFromIccid(iccid: string): string | null {
  const head = iccid.slice(0, 19);
  if (head.length !== 19 || !/^\d+$/.test(head)) return null;
  const phone = head.startsWith('8986') ? `1${unscramble(head.slice(6, 16))}` : head.startsWith('896303') ? `09${unscramble(head.slice(6, 15))}` : null;
  if (phone === null) return null;
  const parsed = parsePhone(phone);
  if (!parsed.ok) return null;
  return deriveIccid(parsed.value.national, parsed.value.carrier).slice(0, 19) === head ? parsed.value.national : null;
}

/** Segments used to invent a number for an ICCID we have never seen (all valid in core/phone.ts). */
const INVENTED_SEGMENTS: Record<CarrierId, string[]> = {
  cmcc: ['138', '139', '150', '187'],
  cucc: ['130', '156', '186'],
  ctcc: ['133', '153', '189'],
  cbn: ['192'],
  smart: ['0918', '0919', '0920', '0998'],
};

const MAINLAND_CARRIERS: CarrierId[] = ['cmcc', 'cucc', 'ctcc'];

/**
 * A number for an ICCID none of our cards has: always the same for the same ICCID, on
 * the carrier the ICCID's issuer names (a random mainland carrier when unnamed). Null
 * for a Philippine card that is not Smart's.
 */
export function inventPhoneFor(iccid: Iccid): string | null {
  const value = iccid.value;
  let carrier = iccid.carrierHint;
  if (carrier === null) {
    if (!value.startsWith('8986')) return null;
    carrier = MAINLAND_CARRIERS[pick(value, 'carrier', MAINLAND_CARRIERS.length)];
  }
  const segments = INVENTED_SEGMENTS[carrier];
  const segment = segments[pick(value, 'segment', segments.length)];
  const restLength = 11 - segment.length;
  const phone = `${segment}${String(pick(value, 'rest', 10 ** restLength)).padStart(restLength, '0')}`;
  const parsed = parsePhone(phone);
  return parsed.ok ? parsed.value.national : null;
}

// ---------------------------------------------------------------------------------
// Demo numbers
// ---------------------------------------------------------------------------------

export interface DemoNumber {
  phone: string;
  /** What the number shows, in Chinese, for the help page and the demo notes. */
  description: string;
}

/** Numbers that always show the same situation, relative to today's China date. */
export const DEMO_NUMBERS: readonly DemoNumber[] = [
  { phone: '13800138000', description: '中国移动 手机卡，正常使用：余额 ¥86.50，流量 12GB，45 天后到期' },
  { phone: '18600186002', description: '中国联通 手机卡，2 天后到期：余额 ¥3.20' },
  { phone: '13300133003', description: '中国电信 手机卡，已过期 3 天：余额 ¥0.00' },
  { phone: '15900159000', description: '中国移动 手机卡，已停机（欠费 ¥12.30），30 天后到期' },
  { phone: '17300173005', description: '中国电信 保号卡，5 天后到期：余额 ¥1.50，无流量套餐' },
  { phone: '19200192000', description: '中国广电 流量卡，流量仅剩 300MB，20 天后到期' },
  { phone: '16600166000', description: '中国联通 eSIM，正常使用：余额 ¥45.00，60 天后到期' },
  { phone: '09181234567', description: 'Smart 预付卡（菲律宾）：余额 ₱35.00，流量 1.5GB，12 天后到期' },
];

interface DemoSpec {
  carrier: CarrierId;
  cardType: CardType;
  planName: string;
  balanceMinor: number;
  dataLeftMb: number | null;
  /** Expiry relative to today (negative: already expired). */
  expiresInDays: number;
  suspended?: boolean;
}

const DEMO_SPECS: Record<string, DemoSpec> = {
  '13800138000': { carrier: 'cmcc', cardType: 'phone', planName: '动感地带 5G 套餐 29 元', balanceMinor: 8_650, dataLeftMb: 12 * 1024, expiresInDays: 45 },
  '18600186002': { carrier: 'cucc', cardType: 'phone', planName: '联通 沃派 19 元', balanceMinor: 320, dataLeftMb: 2_048, expiresInDays: 2 },
  '13300133003': { carrier: 'ctcc', cardType: 'phone', planName: '电信 星卡 19 元', balanceMinor: 0, dataLeftMb: 0, expiresInDays: -3 },
  '15900159000': { carrier: 'cmcc', cardType: 'phone', planName: '神州行 畅听卡', balanceMinor: -1_230, dataLeftMb: 0, expiresInDays: 30, suspended: true },
  '17300173005': { carrier: 'ctcc', cardType: 'keep', planName: '电信 5 元保号套餐', balanceMinor: 150, dataLeftMb: null, expiresInDays: 5 },
  '19200192000': { carrier: 'cbn', cardType: 'data', planName: '广电 5G 流量卡 29 元', balanceMinor: 1_000, dataLeftMb: 300, expiresInDays: 20 },
  '16600166000': { carrier: 'cucc', cardType: 'esim', planName: '联通 eSIM 智能穿戴套餐', balanceMinor: 4_500, dataLeftMb: 6_144, expiresInDays: 60 },
  '09181234567': { carrier: 'smart', cardType: 'phone', planName: 'Smart 预付卡', balanceMinor: 3_500, dataLeftMb: 1_536, expiresInDays: 12 },
};

function demoProfile(phone: string, spec: DemoSpec): (today: ChinaDate) => CardProfile {
  return (today) => ({
    phone,
    region: spec.carrier === 'smart' ? 'PH' : 'CN',
    iccid: deriveIccid(phone, spec.carrier),
    carrier: spec.carrier,
    cardType: spec.cardType,
    planName: spec.planName,
    balance: money(spec.balanceMinor, CURRENCY[spec.carrier]),
    dataLeftMb: spec.dataLeftMb,
    expiry: addDays(today, spec.expiresInDays),
    suspended: spec.suspended === true,
    location: locationOf(phone, spec.carrier === 'smart' ? 'PH' : 'CN'),
  });
}

const DEMO_PROFILES: Record<string, (today: ChinaDate) => CardProfile> = Object.fromEntries(
  Object.entries(DEMO_SPECS).map(([phone, spec]) => [phone, demoProfile(phone, spec)]),
);
