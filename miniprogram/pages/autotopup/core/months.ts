/**
 * Calendar months on China's calendar, beside the day arithmetic of dates.ts: the month
 * a day belongs to, the length of a month, "day D of a month" clamped to its last day,
 * and "the same day N months later". Auto top-up periods and the keep-number plan's
 * 12-month horizon are built on these.
 *
 * Like dates.ts, the arithmetic takes values already validated at the boundary
 * (isChinaDate / isMonthKey) and throws a RangeError on anything else: a programmer
 * error, never a user's typing. Callers that take outside input check first.
 */
import { isChinaDate } from '../../../core/dates';
import type { ChinaDate } from '../../../core/types';

/** A China calendar month, written YYYY-MM. */
export type MonthKey = string;

const MONTH_KEY_PATTERN = /^(\d{4})-(\d{2})$/;
const MIN_YEAR = 1900;
const MAX_YEAR = 9999;
const MONTHS_PER_YEAR = 12;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function isMonthKey(value: unknown): value is MonthKey {
  if (typeof value !== 'string') return false;
  const match = MONTH_KEY_PATTERN.exec(value);
  if (!match) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  return year >= MIN_YEAR && year <= MAX_YEAR && month >= 1 && month <= MONTHS_PER_YEAR;
}

function splitMonth(key: MonthKey, name: string): { year: number; month: number } {
  if (!isMonthKey(key)) throw new RangeError(`${name} must be a YYYY-MM month, got ${JSON.stringify(key)}`);
  return { year: Number(key.slice(0, 4)), month: Number(key.slice(5, 7)) };
}

function requireDay(d: ChinaDate, name: string): { year: number; month: number; day: number } {
  if (!isChinaDate(d)) throw new RangeError(`${name} must be a real YYYY-MM-DD day, got ${JSON.stringify(d)}`);
  return { year: Number(d.slice(0, 4)), month: Number(d.slice(5, 7)), day: Number(d.slice(8, 10)) };
}

function monthKeyFrom(year: number, month: number): MonthKey {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

/** 28–31: the number of days in that month (February 29 in leap years). */
export function daysInMonth(key: MonthKey): number {
  const { year, month } = splitMonth(key, 'daysInMonth() month');
  return month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1];
}

/** The month a day belongs to: 2026-11-25 → 2026-11. */
export function monthOf(d: ChinaDate): MonthKey {
  const { year, month } = requireDay(d, 'monthOf() date');
  return monthKeyFrom(year, month);
}

/** The month n months after (or before, for negative n) key. */
export function addMonthsToKey(key: MonthKey, n: number): MonthKey {
  const { year, month } = splitMonth(key, 'addMonthsToKey() month');
  if (!Number.isSafeInteger(n)) throw new RangeError(`addMonthsToKey(): n must be a whole number, got ${String(n)}`);
  const index = year * MONTHS_PER_YEAR + (month - 1) + n;
  const result = monthKeyFrom(Math.floor(index / MONTHS_PER_YEAR), (index % MONTHS_PER_YEAR) + 1);
  if (!isMonthKey(result)) throw new RangeError(`addMonthsToKey(): ${key} + ${n} months is out of range`);
  return result;
}

/**
 * Day `day` of the month, or the month's last day when the month is shorter: day 31 of
 * 2026-04 is 2026-04-30, day 29 of 2027-02 is 2027-02-28, of 2028-02 is 2028-02-29.
 */
export function dayOfMonthClamped(key: MonthKey, day: number): ChinaDate {
  const length = daysInMonth(key);
  if (!Number.isInteger(day) || day < 1 || day > 31) throw new RangeError(`dayOfMonthClamped(): day must be 1–31, got ${String(day)}`);
  return `${key}-${String(Math.min(day, length)).padStart(2, '0')}`;
}

/**
 * The same day n months later, clamped to the last day of a shorter month:
 * 2026-01-31 + 1 → 2026-02-28; 2028-02-29 + 12 → 2029-02-28; 2026-11-25 + 12 → 2027-11-25.
 */
export function addMonthsClamped(d: ChinaDate, n: number): ChinaDate {
  const { day } = requireDay(d, 'addMonthsClamped() date');
  return dayOfMonthClamped(addMonthsToKey(monthOf(d), n), day);
}
