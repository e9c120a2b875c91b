/**
 * Pesos to yuan without floats. WeChat Pay charges yuan, so a Smart load priced in pesos
 * is charged (and totalled across cards) in yuan at a rate the caller supplies.
 *
 * A rate is a ratio of two integers, `centavos` centavos cost `fen` fen (₱100 = ¥12.35 is
 * { fen: 1235, centavos: 10000 }), kept reduced. Conversion is exact integer arithmetic:
 * fen = centavos × rate.fen / rate.centavos, then
 *
 *   Rounding: DOWN to a whole fen (towards zero), so the yuan shown is never more than
 *   the exact value; a positive amount is at least 1 fen (as pricing.ts never asks a
 *   payment of zero, which would skip WeChat Pay and its record).
 *
 * Convert each charge on its own and add the results: that is what the user is charged,
 * one payment at a time, so a yearly total built this way is what they would really pay
 * when the checkout converts with the same function and rate.
 */
import { money } from './money';
import type { Money, Result } from './types';

export interface ExchangeRate {
  readonly from: 'PHP';
  readonly to: 'CNY';
  /** `centavos` centavos are worth `fen` fen; both positive integers, reduced. */
  readonly fen: number;
  readonly centavos: number;
}

export type ExchangeRateError = 'bad_rate';
export type ConversionError = 'no_rate' | 'bad_amount';

/** Each side of a rate at most this: keeps every product in conversion far inside the safe-integer range. */
export const MAX_RATE_TERM = 1_000_000;
/** Decimals a typed rate may carry (¥0.123456 per peso). */
const MAX_RATE_DECIMALS = 6;

const BAD_RATE_MESSAGE = '汇率不对，请填写 1 比索折合多少人民币，例如 0.1235';

function greatestCommonDivisor(a: number, b: number): number {
  let [x, y] = [a, b];
  while (y !== 0) [x, y] = [y, x % y];
  return x;
}

function badRate(): Result<ExchangeRate, ExchangeRateError> {
  return { ok: false, error: 'bad_rate', message: BAD_RATE_MESSAGE };
}

/** A rate from `centavos` centavos = `fen` fen. Both must be positive whole numbers. */
export function exchangeRate(fen: unknown, centavos: unknown): Result<ExchangeRate, ExchangeRateError> {
  if (typeof fen !== 'number' || typeof centavos !== 'number') return badRate();
  if (!Number.isSafeInteger(fen) || !Number.isSafeInteger(centavos) || fen <= 0 || centavos <= 0) return badRate();
  const divisor = greatestCommonDivisor(fen, centavos);
  const reduced = { fen: fen / divisor, centavos: centavos / divisor };
  if (reduced.fen > MAX_RATE_TERM || reduced.centavos > MAX_RATE_TERM) return badRate();
  return { ok: true, value: { from: 'PHP', to: 'CNY', ...reduced } };
}

/** Whether a value is a usable rate (storage may hand back anything). */
export function isExchangeRate(value: unknown): value is ExchangeRate {
  if (typeof value !== 'object' || value === null) return false;
  const { from, to, fen, centavos } = value as Record<string, unknown>;
  if (from !== 'PHP' || to !== 'CNY') return false;
  const rebuilt = exchangeRate(fen, centavos);
  return rebuilt.ok && rebuilt.value.fen === fen && rebuilt.value.centavos === centavos;
}

const FULL_WIDTH_ASCII = /[\uFF01-\uFF5E]/g;

/** A typed rate in yuan per peso: '0.1235', '０.１２', '¥0.12'. */
export function parseYuanPerPeso(raw: unknown): Result<ExchangeRate, ExchangeRateError> {
  if (typeof raw !== 'string' || raw.length > 40) return badRate();
  const text = raw
    .replace(FULL_WIDTH_ASCII, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/\s+/g, '')
    .replace(/\u3002/g, '.')
    .replace(/^[¥\uFFE5]/, '')
    .replace(/元$/, '');
  const match = /^(\d{1,6})(?:\.(\d{1,6}))?$/.exec(text);
  if (!match) return badRate();
  const decimals = (match[2] ?? '').slice(0, MAX_RATE_DECIMALS);
  return exchangeRate(Number(`${match[1]}${decimals}`), 10 ** decimals.length);
}

/**
 * The yuan value of an amount: CNY passes through, PHP converts at the rate (rounding
 * down, at least 1 fen for a positive amount; a negative amount, a refund, mirrors it).
 */
export function toYuan(amount: Money, rate: ExchangeRate | null | undefined): Result<Money, ConversionError> {
  if (typeof amount !== 'object' || amount === null || !Number.isSafeInteger(amount.amount)) {
    return { ok: false, error: 'bad_amount', message: '金额数据有误，无法换算成人民币' };
  }
  if (amount.currency === 'CNY') return { ok: true, value: money(amount.amount, 'CNY') };
  if (amount.currency !== 'PHP') return { ok: false, error: 'bad_amount', message: '金额数据有误，无法换算成人民币' };
  if (!isExchangeRate(rate)) return { ok: false, error: 'no_rate', message: '还没有比索兑人民币的汇率，暂时算不出人民币金额' };

  const magnitude = Math.abs(amount.amount);
  // Split so no intermediate product leaves the safe-integer range.
  const whole = Math.floor(magnitude / rate.centavos);
  const remainder = magnitude - whole * rate.centavos;
  let fen = whole * rate.fen + Math.floor((remainder * rate.fen) / rate.centavos);
  if (fen === 0 && magnitude > 0) fen = 1;
  if (!Number.isSafeInteger(fen)) return { ok: false, error: 'bad_amount', message: '金额过大，无法换算成人民币' };
  return { ok: true, value: money(amount.amount < 0 ? -fen : fen, 'CNY') };
}

/** '₱1 ≈ ¥0.1235' for the plan's footnote: the yuan value of one peso to four decimals, truncated. */
export function formatRate(rate: ExchangeRate): string {
  if (!isExchangeRate(rate)) return '—';
  const tenThousandths = Math.floor((rate.fen * 10_000) / rate.centavos);
  const whole = Math.floor(tenThousandths / 10_000);
  const fraction = String(tenThousandths % 10_000).padStart(4, '0');
  return `₱1 ≈ ¥${whole}.${fraction}`;
}
