/**
 * Where a bound card stands: the date by which the user must act on it, and why (as a
 * reason code: the words are the pages'). The one source of that date for the home
 * page's order and notice, the card page's reminders and the 保号计划, which adds the
 * cheapest 12-month option on top (pages/plan/core/keep-plan.ts). Kept free of prices and
 * words because it ships in the main package.
 *
 * API (all total: bad input gives a typed error, never a throw)
 *   keepDeadline(card, options)        → Result<KeepDeadline, 'bad_card' | 'bad_today'>
 *   compareUrgency(a, b)               → sort order: needing action now, then by actBy, unknown last
 *   keepReminderDay(plan, n, today)    → ChinaDate | null      (calendar and subscription day)
 *
 * How a number lapses is catalog data (NUMBER_LAPSE_RULES, GRACE_DAYS), not a branch per
 * carrier here:
 * - 'validity_end' (mainland): service stops at expiry (停机); the number can still be
 *   saved for graceDays after it, then may be recycled (销号).
 * - 'zero_balance' (Smart): the load's balance is forfeited the day after its validity
 *   ends (or is spent earlier); from the first day at zero the account has graceDays to
 *   reload and still receives calls and SMS meanwhile. Day 1 of the window is the first
 *   day at zero, so the last day to reload is that day + graceDays − 1: a load valid
 *   through 2026-11-30 gives a last reload day of 2027-03-30 (2026-11-30 + 120).
 *
 * actBy is the date the user must act by to avoid the next loss:
 * - in service: the last day the number still receives calls and SMS (mainland: the
 *   expiry; Smart: the last day of the zero-balance window, when that is the loss);
 * - lapsed (mainland expired): the last day the number can still be saved;
 * - suspended (停机): today; past the grace: the day that passed (status 'maybe_lost').
 */
import { CARRIERS, isCarrierId } from './carriers';
import { GRACE_DAYS, NUMBER_LAPSE_RULES } from './catalog';
import { DEFAULT_SOON_DAYS, addDays, chinaToday, daysBetween, isChinaDate } from './dates';
import { isMoney, money } from './money';
import type { BoundCard, CardType, CarrierId, ChinaDate, Money, Result } from './types';

export type KeepStatus =
  /** In service, the deadline more than soonDays away. */
  | 'in_service'
  /** In service, the deadline within soonDays (today included). */
  | 'due_soon'
  /** Out of service (mainland expired) but the number can still be saved. */
  | 'lapsed'
  /** 停机: act today. */
  | 'suspended'
  /** Past the last day to save it: the number may already be recycled. */
  | 'maybe_lost'
  /** No usable figures yet: look the card up first. */
  | 'unknown';

export type KeepDeadlineReason =
  /** Mainland phone, data or eSIM card: the validity ends, then 停机. */
  | 'validity_end'
  /** Mainland keep-number card: the keep plan ends, then 停机. */
  | 'keep_plan_end'
  /** Smart: the last day of the reload window after the balance reaches zero. */
  | 'zero_balance_window'
  /** Lapsed: the last day before the number may be recycled. */
  | 'grace_end'
  | 'suspended'
  | 'maybe_recycled'
  | 'no_figures';

export interface KeepDeadline {
  phone: string;
  carrier: CarrierId;
  cardType: CardType;
  nickname: string;
  status: KeepStatus;
  reason: KeepDeadlineReason;
  /** See the file comment; null only for 'unknown'. */
  actBy: ChinaDate | null;
  /** actBy − today (negative once past); null with actBy. */
  daysLeft: number | null;
  /** The card's (or Smart load's) last valid day as last seen. */
  validUntil: ChinaDate | null;
  /** The last day the number receives calls and SMS if nothing is bought. */
  inServiceUntil: ChinaDate | null;
  /** The last day the number can be saved; null when it cannot be known (suspended while still valid). */
  lastDayToSave: ChinaDate | null;
  /** Day 1 of the grace period (mainland: the day after expiry; Smart: the first day at zero); null while unknown. */
  graceStart: ChinaDate | null;
  /** The balance last seen; null while unknown. */
  balance: Money | null;
  /** A date rests on an assumption: the day a Smart balance reached zero was not tracked, or no figures. */
  estimated: boolean;
  /** A suspended card's debt (zero otherwise): only a credit above it lifts the 停机. */
  debt: Money;
  /**
   * Where a purchase starts from, for keep-plan.ts's option search: the expiry the first
   * purchase is quoted against, and the last day in service without a purchase
   * (yesterday when it must be bought today).
   */
  quoteFrom: { expiry: ChinaDate; coveredUntil: ChinaDate };
}

export interface KeepDeadlineOptions {
  today: ChinaDate;
  /** due_soon from this many days before actBy (default DEFAULT_SOON_DAYS). */
  soonDays?: number;
  /**
   * Per national number, the first China day a Smart balance was seen at zero, when the
   * app tracks it. Without it a zero balance counts from the day it was last seen.
   */
  zeroBalanceSince?: Readonly<Record<string, ChinaDate>>;
}

export type KeepPlanError = 'bad_card' | 'bad_today';

const ERROR_MESSAGES: Record<KeepPlanError, string> = {
  bad_card: '这张卡的资料不完整，请重新绑定后再查看保号计划',
  bad_today: '系统日期不对，请检查手机时间后重试',
};

// ---------------------------------------------------------------------------------
// Guards
// ---------------------------------------------------------------------------------

/** Figures further than this from today are corrupt data, not a card; also keeps all arithmetic in range. */
const PLAUSIBLE_DAYS = 36_600;
const FIRST_PLAN_DAY = '1970-01-01';
const LAST_PLAN_DAY = '9000-12-31';
/** lastKnown.at outside these is corrupt: the seen day then falls back to today. */
const FIRST_SEEN_MS = Date.UTC(1970, 0, 1);
const LAST_SEEN_MS = Date.UTC(9000, 11, 31);
const REMIND_CHOICES = [1, 3, 7];
const CARD_TYPES: CardType[] = ['data', 'phone', 'keep', 'esim'];

/** A day the plan can work with (far enough from the ends of the calendar for its arithmetic). */
export function isPlanDay(value: unknown): value is ChinaDate {
  return isChinaDate(value) && value >= FIRST_PLAN_DAY && value <= LAST_PLAN_DAY;
}

function isPlausibleFigure(value: unknown, today: ChinaDate): value is ChinaDate {
  return isChinaDate(value) && Math.abs(daysBetween(today, value)) <= PLAUSIBLE_DAYS;
}

const laterOf = (a: ChinaDate, b: ChinaDate): ChinaDate => (a >= b ? a : b);
const earlierOf = (a: ChinaDate, b: ChinaDate): ChinaDate => (a <= b ? a : b);

function wholeOr(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 && value <= 366 ? value : fallback;
}

function isCardLike(value: unknown): value is BoundCard {
  if (typeof value !== 'object' || value === null) return false;
  const card = value as Partial<BoundCard>;
  return typeof card.phone === 'string' && card.phone !== '' && isCarrierId(card.carrier) && CARD_TYPES.includes(card.cardType as CardType);
}

export function rejectPlan<T>(error: KeepPlanError): Result<T, KeepPlanError> {
  return { ok: false, error, message: ERROR_MESSAGES[error] };
}

// ---------------------------------------------------------------------------------
// Where a card stands
// ---------------------------------------------------------------------------------

type Standing = Omit<KeepDeadline, 'phone' | 'carrier' | 'cardType' | 'nickname' | 'daysLeft'>;

interface Figures {
  balance: Money;
  expiry: ChinaDate;
  suspended: boolean;
  seenOn: ChinaDate;
}

function usableFigures(card: BoundCard, today: ChinaDate): Figures | null {
  const known = card.lastKnown as Partial<NonNullable<BoundCard['lastKnown']>> | undefined | null;
  if (typeof known !== 'object' || known === null) return null;
  if (!isMoney(known.balance) || known.balance.currency !== CARRIERS[card.carrier].currency) return null;
  if (!isPlausibleFigure(known.expiry, today)) return null;
  const at = known.at;
  let seenOn = today;
  if (typeof at === 'number' && at >= FIRST_SEEN_MS && at <= LAST_SEEN_MS) {
    const day = chinaToday(at);
    if (isPlausibleFigure(day, today)) seenOn = earlierOf(day, today);
  }
  return { balance: known.balance, expiry: known.expiry, suspended: known.suspended === true, seenOn };
}

function standingOf(card: BoundCard, options: KeepDeadlineOptions, soonDays: number): Standing {
  const { today } = options;
  const rule = NUMBER_LAPSE_RULES[card.carrier];
  const graceDays = GRACE_DAYS[card.carrier];
  const currency = CARRIERS[card.carrier].currency;
  const yesterday = addDays(today, -1);
  const noDebt = money(0, currency);
  const figures = usableFigures(card, today);

  if (!figures) {
    return {
      status: 'unknown',
      reason: 'no_figures',
      actBy: null,
      validUntil: null,
      inServiceUntil: null,
      lastDayToSave: null,
      graceStart: null,
      balance: null,
      estimated: true,
      debt: noDebt,
      quoteFrom: { expiry: yesterday, coveredUntil: yesterday },
    };
  }

  const { balance, expiry, suspended, seenOn } = figures;
  const afterValidity = addDays(expiry, 1);
  let estimated = false;
  let graceStart: ChinaDate;
  if (rule.graceStartsAt === 'validity_end' || balance.amount > 0) {
    graceStart = afterValidity;
  } else {
    const tracked = options.zeroBalanceSince?.[card.phone];
    const zeroSeen = isPlausibleFigure(tracked, today) ? earlierOf(tracked, seenOn) : seenOn;
    // Untracked, the balance may have reached zero before the day it was seen at zero (or lapsed).
    estimated = !isPlausibleFigure(tracked, today);
    graceStart = rule.balanceLapsesAtValidityEnd ? earlierOf(zeroSeen, afterValidity) : zeroSeen;
  }
  const lastDayToSave = addDays(graceStart, graceDays - 1);
  const inServiceUntil = rule.inServiceDuringGrace ? lastDayToSave : expiry;
  const base = { validUntil: expiry, inServiceUntil, graceStart, balance, estimated, debt: noDebt };
  const buyToday = { expiry, coveredUntil: yesterday };

  if (daysBetween(today, lastDayToSave) < 0) {
    return {
      ...base,
      status: 'maybe_lost',
      reason: 'maybe_recycled',
      actBy: lastDayToSave,
      lastDayToSave,
      quoteFrom: buyToday,
    };
  }

  if (suspended) {
    const debt = money(balance.amount < 0 ? -balance.amount : 0, currency);
    return {
      ...base,
      status: 'suspended',
      reason: 'suspended',
      actBy: today,
      // A line suspended while still valid was stopped for another reason (debt): its recycling date is unknown.
      lastDayToSave: daysBetween(today, expiry) < 0 ? lastDayToSave : null,
      debt,
      quoteFrom: buyToday,
    };
  }

  if (daysBetween(today, inServiceUntil) < 0) {
    return {
      ...base,
      status: 'lapsed',
      reason: 'grace_end',
      actBy: lastDayToSave,
      lastDayToSave,
      quoteFrom: buyToday,
    };
  }

  const daysLeft = daysBetween(today, inServiceUntil);
  let reason: KeepDeadlineReason = 'validity_end';
  if (rule.inServiceDuringGrace) reason = 'zero_balance_window';
  else if (card.cardType === 'keep') reason = 'keep_plan_end';
  return {
    ...base,
    status: daysLeft <= soonDays ? 'due_soon' : 'in_service',
    reason,
    actBy: inServiceUntil,
    lastDayToSave,
    quoteFrom: { expiry, coveredUntil: inServiceUntil },
  };
}

// ---------------------------------------------------------------------------------
// Public functions
// ---------------------------------------------------------------------------------

/** One card's deadline. */
export function keepDeadline(card: unknown, options: KeepDeadlineOptions): Result<KeepDeadline, KeepPlanError> {
  const today = options?.today;
  if (!isPlanDay(today)) return rejectPlan('bad_today');
  if (!isCardLike(card)) return rejectPlan('bad_card');
  const standing = standingOf(card, options, wholeOr(options.soonDays, DEFAULT_SOON_DAYS));
  return {
    ok: true,
    value: {
      phone: card.phone,
      carrier: card.carrier,
      cardType: card.cardType,
      nickname: typeof card.nickname === 'string' ? card.nickname : '',
      ...standing,
      daysLeft: standing.actBy === null ? null : daysBetween(today, standing.actBy),
    },
  };
}

const GROUP: Record<KeepStatus, number> = { suspended: 0, lapsed: 0, maybe_lost: 0, due_soon: 1, in_service: 1, unknown: 2 };

/** Needing action now first (suspended, lapsed, maybe lost), then by actBy, unknown last; ties by number. */
export function compareUrgency(a: KeepDeadline, b: KeepDeadline): number {
  if (GROUP[a.status] !== GROUP[b.status]) return GROUP[a.status] - GROUP[b.status];
  const byDate = (a.actBy ?? '').localeCompare(b.actBy ?? '');
  if (byDate !== 0) return byDate;
  return a.phone < b.phone ? -1 : a.phone > b.phone ? 1 : 0;
}

/**
 * The day to remind on: remindDaysBefore before actBy, or today when that day has
 * passed (the plan is already late). Null without a reminder choice (1, 3 or 7), without
 * actBy, or for a number that may be recycled.
 */
export function keepReminderDay(plan: KeepDeadline | null | undefined, remindDaysBefore: unknown, today: ChinaDate): ChinaDate | null {
  if (!plan || !isPlanDay(plan.actBy) || !isPlanDay(today) || plan.status === 'maybe_lost') return null;
  if (typeof remindDaysBefore !== 'number' || !REMIND_CHOICES.includes(remindDaysBefore)) return null;
  return laterOf(today, addDays(plan.actBy, -remindDaysBefore));
}
