/**
 * Calendar days in China (UTC+8) and the card-expiry arithmetic built on them.
 *
 * Why no local time anywhere: the mini-program runs on phones set to any zone, but an
 * expiry date is a China (or Manila, also UTC+8) calendar day. China has kept UTC+8
 * without daylight saving since 1991, so the China day of an instant is the UTC day of
 * (instant + 8 h). dayjs without its utc plugin reads calendar fields in the device's
 * zone, so this file uses only its zone-free operations: construction from epoch ms,
 * `add` in hours, `diff` in hours and `toISOString()`. A day is handled as the instant
 * 00:00 UTC of that date, where adding 24 h is always exactly one calendar day.
 *
 * Parsers and formatters are total (a Result, or '—' for a stored value that is not a
 * date). The arithmetic takes dates already validated at the boundary (parseChinaDate /
 * isChinaDate) and throws a RangeError on anything else: that is a programmer error,
 * like mixing currencies in money.ts, never a user's typing.
 */
import dayjs from 'dayjs';
import type { ChinaDate, Result } from './types';

const CHINA_OFFSET_HOURS = 8;
const HOURS_PER_DAY = 24;

/** Cards and orders live well inside this range; it also keeps toISOString four-digit. */
const MIN_YEAR = 1900;
const MAX_YEAR = 9999;

/** Default days a number is kept after expiry before recycling; callers pass catalog's GRACE_DAYS[carrier]. */
export const DEFAULT_GRACE_DAYS = 90;
export const DEFAULT_SOON_DAYS = 7;
/** An expired number is flagged recycle_risk this many days before its grace period ends. */
export const RECYCLE_WARNING_DAYS = 30;

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** 00:00 UTC of the day, or null when the text is not a real calendar day in range. */
function midnightUtc(value: unknown): dayjs.Dayjs | null {
  if (typeof value !== 'string') return null;
  const match = DATE_PATTERN.exec(value);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12 || day < 1 || day > 31) return null;
  const instant = dayjs(Date.UTC(year, month - 1, day));
  // Date.UTC rolls 2026-02-30 over into March: the round trip catches it.
  return dayIsoText(instant) === value ? instant : null;
}

function dayIsoText(instant: dayjs.Dayjs): string {
  return instant.toISOString().slice(0, 10);
}

function requireDate(value: ChinaDate, name: string): dayjs.Dayjs {
  const instant = midnightUtc(value);
  if (!instant) throw new RangeError(`${name} must be a real YYYY-MM-DD day, got ${JSON.stringify(value)}`);
  return instant;
}

function requireWholeDays(n: number, name: string): number {
  if (!Number.isSafeInteger(n)) throw new RangeError(`${name} must be a whole number of days, got ${String(n)}`);
  return n;
}

/** The instant shifted to China wall-clock time, read as UTC; null for a value that is not a usable time. */
function chinaWallClock(nowMs: unknown): dayjs.Dayjs | null {
  if (typeof nowMs !== 'number' || !Number.isFinite(nowMs)) return null;
  const shifted = dayjs(nowMs).add(CHINA_OFFSET_HOURS, 'hour');
  if (!shifted.isValid()) return null;
  // Years past 9999 print as +010000-…: the four-digit check rejects them too.
  const year = Number(shifted.toISOString().slice(0, 4));
  return year >= MIN_YEAR && year <= MAX_YEAR ? shifted : null;
}

export function isChinaDate(s: unknown): s is ChinaDate {
  return midnightUtc(s) !== null;
}

/** The China calendar day of an instant, whatever the device's zone. */
export function chinaToday(nowMs: number): ChinaDate {
  const wallClock = chinaWallClock(nowMs);
  if (!wallClock) throw new RangeError(`chinaToday(): not a usable time: ${String(nowMs)}`);
  return dayIsoText(wallClock);
}

/** The China calendar month of an instant: '2026-11'; '' for a value that is not a usable time. */
export function chinaMonthOf(ms: number): string {
  // Records are summarised order by order, mostly many to a month: the last month's range answers those.
  if (typeof ms === 'number' && ms >= lastMonthRange.start && ms < lastMonthRange.end) return lastMonth;
  const wallClock = chinaWallClock(ms);
  if (!wallClock) return '';
  lastMonth = wallClock.toISOString().slice(0, 7);
  lastMonthRange = chinaMonthRange(lastMonth)!;
  return lastMonth;
}

let lastMonth = '';
let lastMonthRange = { start: 0, end: 0 };

/** [start, end) of a China calendar month in epoch ms; null for a malformed month. */
export function chinaMonthRange(month: string): { start: number; end: number } | null {
  const match = typeof month === 'string' ? /^(\d{4})-(0[1-9]|1[0-2])$/.exec(month) : null;
  if (!match) return null;
  const year = Number(match[1]);
  const index = Number(match[2]) - 1;
  const offsetMs = CHINA_OFFSET_HOURS * 3600 * 1000;
  return { start: Date.UTC(year, index, 1) - offsetMs, end: Date.UTC(year, index + 1, 1) - offsetMs };
}

export type DateInputError = 'bad_format' | 'bad_date';

export const DATE_INPUT_ERROR_MESSAGES: Record<DateInputError, string> = {
  bad_format: '日期格式不对，请按 2026-11-25 的格式填写',
  bad_date: '没有这一天，请检查年、月、日',
};

const FULL_WIDTH_DIGIT = /[\uFF10-\uFF19]/g;
/** 2026-11-25, 2026/11/25, 2026.11.25, 2026-1-5, 20261125, 2026年11月25日. */
const LENIENT_DATE = /^(\d{4})(?:[-/.年](\d{1,2})[-/.月](\d{1,2})日?|(\d{2})(\d{2}))$/;

/** What a person typed or a gateway sent, as a ChinaDate. */
export function parseChinaDate(raw: unknown): Result<ChinaDate, DateInputError> {
  if (typeof raw !== 'string') return rejectDate('bad_format');
  const text = raw
    .replace(FULL_WIDTH_DIGIT, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/\s+/g, '');
  const match = LENIENT_DATE.exec(text);
  if (!match) return rejectDate('bad_format');
  const month = match[2] ?? match[4];
  const day = match[3] ?? match[5];
  const candidate = `${match[1]}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  return isChinaDate(candidate) ? { ok: true, value: candidate } : rejectDate('bad_date');
}

function rejectDate(error: DateInputError): Result<ChinaDate, DateInputError> {
  return { ok: false, error, message: DATE_INPUT_ERROR_MESSAGES[error] };
}

export function addDays(d: ChinaDate, n: number): ChinaDate {
  const start = requireDate(d, 'addDays() date');
  const shifted = start.add(requireWholeDays(n, 'addDays() n') * HOURS_PER_DAY, 'hour');
  const result = shifted.isValid() ? dayIsoText(shifted) : '';
  if (!isChinaDate(result)) throw new RangeError(`addDays(): ${d} + ${n} days is out of range`);
  return result;
}

/** to − from in whole days: daysBetween('2026-11-25', '2026-11-26') is 1. */
export function daysBetween(from: ChinaDate, to: ChinaDate): number {
  return requireDate(to, 'daysBetween() to').diff(requireDate(from, 'daysBetween() from'), 'hour') / HOURS_PER_DAY;
}

/** 2026年11月25日 (no leading zeros, as Chinese dates are written). A non-date shows a dash. */
export function formatChinaDate(d: ChinaDate): string {
  if (!isChinaDate(d)) return '—';
  const [year, month, day] = d.split('-').map(Number);
  return `${year}年${month}月${day}日`;
}

/** 2026-11-25 10:30:00 in China time. A stored value that is not a time shows a dash. */
export function formatDateTime(ms: number): string {
  const wallClock = chinaWallClock(ms);
  if (!wallClock) return '—';
  const iso = wallClock.toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
}

/** 10:05, the China wall-clock time of an instant (数据更新于 10:05). A non-time shows a dash. */
export function formatChinaTime(ms: number): string {
  const wallClock = chinaWallClock(ms);
  return wallClock ? wallClock.toISOString().slice(11, 16) : '—';
}

/** yyyyMMddHHmmss in China time (order numbers); null for a value that is not a time. */
export function chinaCompactTimestamp(ms: number): string | null {
  const wallClock = chinaWallClock(ms);
  if (!wallClock) return null;
  return wallClock.toISOString().slice(0, 19).replace(/\D/g, '');
}

/** The instant of hour:00 China time on that day, in epoch seconds (calendar reminders). */
export function chinaDateToEpochSec(d: ChinaDate, hour = 9): number {
  if (!Number.isInteger(hour) || hour < 0 || hour > 23) throw new RangeError(`chinaDateToEpochSec(): hour must be 0–23, got ${String(hour)}`);
  return requireDate(d, 'chinaDateToEpochSec() date').add(hour - CHINA_OFFSET_HOURS, 'hour').valueOf() / 1000;
}

// ---------------------------------------------------------------------------------
// Expiry
// ---------------------------------------------------------------------------------

export type ExpiryStatus = 'active' | 'expiring' | 'expired' | 'recycle_risk';

export interface ExpiryState {
  status: ExpiryStatus;
  /** expiry − today: 0 on the last valid day, negative once expired. */
  daysLeft: number;
  /** Days until the number is recycled (negative once past); null while the card is valid. */
  daysUntilRecycle: number | null;
  /** Chinese, for chips and tiles: 剩余 12 天 / 今天到期 / 明天到期 / 已过期 3 天 / 即将被回收. */
  label: string;
}

function nonNegativeWholeOr(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : fallback;
}

/**
 * Where a card stands today. The expiry day itself is still valid (daysLeft 0). After
 * expiry the carrier keeps the number for graceDays (Smart: 120 days after the balance
 * reaches zero; mainland figures vary: see catalog's GRACE_DAYS), and the number is
 * recycle_risk from RECYCLE_WARNING_DAYS before that end onwards.
 */
export function expiryState(
  expiry: ChinaDate,
  today: ChinaDate,
  opts: { soonDays?: number; graceDays?: number } = {},
): ExpiryState {
  const soonDays = nonNegativeWholeOr(opts.soonDays, DEFAULT_SOON_DAYS);
  const graceDays = nonNegativeWholeOr(opts.graceDays, DEFAULT_GRACE_DAYS);
  const daysLeft = daysBetween(today, expiry);

  if (daysLeft >= 0) {
    const label = daysLeft === 0 ? '今天到期' : daysLeft === 1 ? '明天到期' : `剩余 ${daysLeft} 天`;
    return { status: daysLeft <= soonDays ? 'expiring' : 'active', daysLeft, daysUntilRecycle: null, label };
  }

  const daysExpired = -daysLeft;
  const daysUntilRecycle = graceDays - daysExpired;
  if (daysUntilRecycle < 0) return { status: 'recycle_risk', daysLeft, daysUntilRecycle, label: '可能已被回收' };
  if (daysUntilRecycle <= RECYCLE_WARNING_DAYS) return { status: 'recycle_risk', daysLeft, daysUntilRecycle, label: '即将被回收' };
  return { status: 'expired', daysLeft, daysUntilRecycle, label: `已过期 ${daysExpired} 天` };
}

/**
 * The expiry after adding validityDays, expiry being the last valid day (inclusive).
 *
 * Convention: the N new days follow on without a gap or an overlap.
 * - Still valid (expiry ≥ today): they start the day after the current expiry,
 *   so the new expiry is currentExpiry + N (2026-11-30 + 30 → 2026-12-30).
 * - Expired (expiry < today): lost days are not refunded; the N days start today,
 *   today being day 1, so the new expiry is today + N − 1 (today 2026-11-25, 30 days →
 *   2026-12-24).
 * Both are max(currentExpiry, yesterday) + N: a card that expired yesterday gets the
 * same answer either way. validityDays 0 (or negative, a data error) changes nothing.
 */
export function newExpiryAfter(currentExpiry: ChinaDate, today: ChinaDate, validityDays: number): ChinaDate {
  requireDate(currentExpiry, 'newExpiryAfter() currentExpiry');
  const yesterday = addDays(today, -1);
  const days = requireWholeDays(validityDays, 'newExpiryAfter() validityDays');
  if (days <= 0) return currentExpiry;
  const base = daysBetween(yesterday, currentExpiry) >= 0 ? currentExpiry : yesterday;
  return addDays(base, days);
}
