/**
 * Money as integer minor units (fen, centavo). No float ever holds an amount: decimal
 * text is split into whole and fractional digits, and percentages are computed with
 * integer division. Programmer errors (a fractional amount, mixing currencies) throw;
 * user input never does (parseMoneyInput returns a typed reason).
 */
import type { Currency, Money, Result } from './types';

export const CURRENCY_SYMBOL: Record<Currency, string> = { CNY: '¥', PHP: '₱' };

/** Also the order sums are listed in. */
const CURRENCIES: readonly Currency[] = ['CNY', 'PHP'];

const MINOR_PER_MAJOR = 100;

/** The largest amount a user may enter: 10,000,000.00 in major units. */
export const MAX_INPUT_MINOR = 10_000_000 * MINOR_PER_MAJOR;

export function isMoney(value: unknown): value is Money {
  if (typeof value !== 'object' || value === null) return false;
  const { amount, currency } = value as { amount?: unknown; currency?: unknown };
  return Number.isSafeInteger(amount) && CURRENCIES.includes(currency as Currency);
}

export function money(amount: number, currency: Currency): Money {
  if (!Number.isSafeInteger(amount)) {
    throw new TypeError(`money(): amount must be a safe integer of minor units, got ${String(amount)}`);
  }
  if (!CURRENCIES.includes(currency)) throw new TypeError(`money(): unknown currency ${String(currency)}`);
  // -0 would print as "-¥0.00".
  return { amount: amount === 0 ? 0 : amount, currency };
}

/**
 * Major units (at most two decimals) to minor units through the number's decimal text,
 * so 9.9 gives exactly 990 and 0.29 gives 29 (0.29 * 100 is 28.999999999999996).
 */
function majorToMinor(major: number): number {
  const text = String(Math.abs(major));
  const match = /^(\d+)(?:\.(\d{1,2}))?$/.exec(text);
  if (!match) throw new TypeError(`major amount must have at most two decimals, got ${String(major)}`);
  const minor = Number(match[1]) * MINOR_PER_MAJOR + Number((match[2] ?? '').padEnd(2, '0'));
  return major < 0 ? -minor : minor;
}

/** yuan(10) is ¥10.00; yuan(9.9) is ¥9.90. */
export const yuan = (n: number): Money => money(majorToMinor(n), 'CNY');
export const fen = (n: number): Money => money(n, 'CNY');
export const peso = (n: number): Money => money(majorToMinor(n), 'PHP');
export const centavo = (n: number): Money => money(n, 'PHP');
export const zero = (currency: Currency): Money => money(0, currency);

function assertSameCurrency(a: Money, b: Money, operation: string): void {
  if (a.currency !== b.currency) {
    throw new TypeError(`${operation}(): cannot mix ${a.currency} and ${b.currency}`);
  }
}

export function add(a: Money, b: Money): Money {
  assertSameCurrency(a, b, 'add');
  return money(a.amount + b.amount, a.currency);
}

export function subtract(a: Money, b: Money): Money {
  assertSameCurrency(a, b, 'subtract');
  return money(a.amount - b.amount, a.currency);
}

export const isZero = (m: Money): boolean => m.amount === 0;

export function compareMoney(a: Money, b: Money): -1 | 0 | 1 {
  assertSameCurrency(a, b, 'compareMoney');
  return a.amount < b.amount ? -1 : a.amount > b.amount ? 1 : 0;
}

export const minMoney = (a: Money, b: Money): Money => (compareMoney(a, b) <= 0 ? a : b);
export const maxMoney = (a: Money, b: Money): Money => (compareMoney(a, b) >= 0 ? a : b);

const BASIS_POINTS_PER_WHOLE = 10_000;

/**
 * basisPoints / 10000 of m (1500 bp = 15 %). Rounding applies to the magnitude: 'down'
 * towards zero, 'up' away from zero, 'half_up' half a minor unit away from zero.
 * The amount is split into whole 10000s and a remainder so no product can leave the
 * safe-integer range before the final check.
 */
export function percentOf(m: Money, basisPoints: number, rounding: 'down' | 'up' | 'half_up'): Money {
  if (!Number.isSafeInteger(basisPoints) || basisPoints < 0) {
    throw new TypeError(`percentOf(): basisPoints must be a non-negative integer, got ${String(basisPoints)}`);
  }
  const magnitude = Math.abs(m.amount);
  const wholeUnits = Math.floor(magnitude / BASIS_POINTS_PER_WHOLE);
  const remainder = magnitude - wholeUnits * BASIS_POINTS_PER_WHOLE;
  const scaledRemainder = remainder * basisPoints;
  const fromRemainder = Math.floor(scaledRemainder / BASIS_POINTS_PER_WHOLE);
  const leftover = scaledRemainder - fromRemainder * BASIS_POINTS_PER_WHOLE;

  let result = wholeUnits * basisPoints + fromRemainder;
  if (rounding === 'up' && leftover > 0) result += 1;
  if (rounding === 'half_up' && leftover * 2 >= BASIS_POINTS_PER_WHOLE) result += 1;
  return money(m.amount < 0 ? -result : result, m.currency);
}

/** '10.00', '-5.00': the amount without a symbol (vouchers, CSV). */
export function formatAmount(m: Money): string {
  if (!isMoney(m)) return '—';
  const magnitude = Math.abs(m.amount);
  const whole = Math.floor(magnitude / MINOR_PER_MAJOR);
  const cents = String(magnitude % MINOR_PER_MAJOR).padStart(2, '0');
  return `${m.amount < 0 ? '-' : ''}${whole}.${cents}`;
}

/** '¥10.00', '₱50.00', '-¥5.00'. A malformed value shows a dash rather than breaking the page. */
export function formatMoney(m: Money): string {
  if (!isMoney(m)) return '—';
  const amount = formatAmount(m);
  return amount.startsWith('-') ? `-${CURRENCY_SYMBOL[m.currency]}${amount.slice(1)}` : `${CURRENCY_SYMBOL[m.currency]}${amount}`;
}

/** '¥10' for whole amounts (tiles), '¥10.50' otherwise. */
export function formatMoneyCompact(m: Money): string {
  const full = formatMoney(m);
  return full.endsWith('.00') ? full.slice(0, -3) : full;
}

// ---------------------------------------------------------------------------------
// User input
// ---------------------------------------------------------------------------------

export type MoneyInputError = 'empty' | 'bad_format' | 'too_many_decimals' | 'too_large';

export const MONEY_INPUT_ERROR_MESSAGES: Record<MoneyInputError, string> = {
  empty: '请输入金额',
  bad_format: '金额格式不对，请只输入数字，例如 50 或 50.5',
  too_many_decimals: '金额最多两位小数（精确到分），例如 50.50',
  too_large: '金额过大，最多 10,000,000.00',
};

const FULL_WIDTH_ASCII = /[\uFF01-\uFF5E]/g;
const INVISIBLE = /[\s\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF]/g;

/** Currency marks people put before or after an amount, per currency. */
const CURRENCY_MARKS: Record<Currency, { before: RegExp; after: RegExp; name: string }> = {
  CNY: { before: /^(?:[¥\uFFE5]|RMB|CNY)/i, after: /(?:元|块钱|块|圆|RMB|CNY)$/i, name: '人民币（¥）' },
  PHP: { before: /^(?:₱|PHP|P)/i, after: /(?:pesos?|PHP|比索)$/i, name: '比索（₱）' },
};

type MoneyInputResult = Result<Money, MoneyInputError>;

function reject(error: MoneyInputError, message: string = MONEY_INPUT_ERROR_MESSAGES[error]): MoneyInputResult {
  return { ok: false, error, message };
}

function inputText(raw: unknown): string | null {
  if (typeof raw === 'string') return raw;
  if (typeof raw === 'number' && Number.isFinite(raw)) return String(raw);
  return null;
}

/** Strips a currency mark of this currency; reports a mark of the other one. */
function stripCurrencyMarks(text: string, currency: Currency): string | { wrongCurrency: Currency } {
  const own = CURRENCY_MARKS[currency];
  const stripped = text.replace(own.before, '').replace(own.after, '');
  for (const other of CURRENCIES) {
    if (other === currency) continue;
    const marks = CURRENCY_MARKS[other];
    if (marks.before.test(stripped) || marks.after.test(stripped)) return { wrongCurrency: other };
  }
  return stripped;
}

/** Parses what a user typed as an amount: '50', '50.5', '¥50.50', '５０', '1,000', '₱ 20'. */
export function parseMoneyInput(raw: unknown, currency: Currency): MoneyInputResult {
  if (raw === null || raw === undefined) return reject('empty');
  const text = inputText(raw);
  if (text === null) return reject('bad_format');
  if (typeof raw === 'number' && Math.abs(raw) > MAX_INPUT_MINOR / MINOR_PER_MAJOR) return reject('too_large', tooLargeMessage(currency));

  const cleaned = text
    .replace(FULL_WIDTH_ASCII, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(INVISIBLE, '')
    // A Chinese keyboard types 。 for the decimal point.
    .replace(/\u3002/g, '.');
  const withoutMarks = stripCurrencyMarks(cleaned, currency);
  if (typeof withoutMarks !== 'string') {
    return reject('bad_format', `这里请填写${CURRENCY_MARKS[currency].name}金额，不要带${CURRENCY_MARKS[withoutMarks.wrongCurrency].name}符号`);
  }
  if (withoutMarks === '') return reject('empty');
  if (/^[-\u2212]/.test(withoutMarks)) return reject('bad_format', '金额不能为负数，请输入正数');

  let plain = withoutMarks;
  if (plain.includes(',')) {
    // Commas are accepted only as thousands separators (1,000 / 12,345.50).
    if (!/^\d{1,3}(?:,\d{3})+(?:\.\d*)?$/.test(plain)) return reject('bad_format');
    plain = plain.replace(/,/g, '');
  }
  const match = /^(\d*)(?:\.(\d*))?$/.exec(plain);
  if (!match || (match[1] === '' && (match[2] ?? '') === '')) return reject('bad_format');
  const wholeDigits = match[1].replace(/^0+(?=\d)/, '');
  const fraction = match[2] ?? '';
  if (fraction.length > 2) return reject('too_many_decimals');
  // More than 8 whole digits is over the cap whatever follows; checked before Number().
  if (wholeDigits.length > 8) return reject('too_large', tooLargeMessage(currency));

  const minor = Number(wholeDigits || '0') * MINOR_PER_MAJOR + Number(fraction.padEnd(2, '0'));
  if (!Number.isSafeInteger(minor) || minor > MAX_INPUT_MINOR) return reject('too_large', tooLargeMessage(currency));
  return { ok: true, value: money(minor, currency) };
}

function tooLargeMessage(currency: Currency): string {
  return `金额过大，最多 ${CURRENCY_SYMBOL[currency]}10,000,000.00`;
}

/** One total per currency present, CNY first then PHP. */
export function sumByCurrency(list: Money[]): Money[] {
  const totals = new Map<Currency, Money>();
  for (const item of Array.isArray(list) ? list : []) {
    const current = totals.get(item.currency);
    totals.set(item.currency, current ? add(current, item) : money(item.amount, item.currency));
  }
  return CURRENCIES.filter((c) => totals.has(c)).map((c) => totals.get(c) as Money);
}
