/**
 * What WeChat Pay charges for a price: yuan, always. A mainland product is priced in yuan
 * and charged as priced. A Smart load is priced in pesos (its face value) and charged in
 * yuan at a rate the carrier gateway quoted, converted by core/exchange.ts (rounded down
 * to a whole fen). The order keeps both: `payable` stays the peso price, `charged` is the
 * yuan taken and `fx` the rate used with the time it was quoted.
 *
 * A quote is only charged at while it is recent (RATE_VALID_MS): a rate read an hour ago
 * on a page left open is quoted again, never charged at silently.
 */
import { formatChinaTime } from './dates';
import { isExchangeRate, formatRate, toYuan, type ExchangeRate } from './exchange';
import { formatMoney, isMoney } from './money';
import type { Money, Order, Result } from './types';

/** A rate as the carrier gateway quoted it: pesos to yuan, and when (epoch ms). */
export interface RateQuote {
  readonly rate: ExchangeRate;
  readonly quotedAt: number;
}

/** What is charged for one payable amount: yuan, and the quote used when it was converted. */
export interface Charge {
  /** Always CNY. */
  charged: Money;
  /** The quote used; null when the price already was in yuan. */
  fx: RateQuote | null;
}

export type ChargeError = 'no_rate' | 'stale_rate' | 'bad_amount';

/** A quote older than this (or from the future beyond a small clock skew) is quoted again before paying. */
export const RATE_VALID_MS = 10 * 60 * 1000;
const CLOCK_SKEW_MS = 60 * 1000;

export const CHARGE_MESSAGES: Record<ChargeError, string> = {
  no_rate: '还没有取到比索兑人民币的汇率，暂时算不出要付多少人民币，请稍后重试',
  stale_rate: '汇率报价已过期，请刷新后按最新汇率支付',
  bad_amount: '金额数据有误，无法换算成人民币，请返回重新选择',
};

export function isRateQuote(value: unknown): value is RateQuote {
  if (typeof value !== 'object' || value === null) return false;
  const { rate, quotedAt } = value as Record<string, unknown>;
  return isExchangeRate(rate) && typeof quotedAt === 'number' && Number.isSafeInteger(quotedAt) && quotedAt > 0;
}

/** Whether a quote may still be charged at, at `now`. */
export function isRateUsable(quote: RateQuote | null | undefined, now: number): quote is RateQuote {
  if (!isRateQuote(quote) || !Number.isFinite(now)) return false;
  return quote.quotedAt <= now + CLOCK_SKEW_MS && now - quote.quotedAt <= RATE_VALID_MS;
}

/** The yuan charge for a payable amount: CNY as it is, PHP at a usable quote. */
export function chargeFor(payable: Money, quote: RateQuote | null | undefined, now: number): Result<Charge, ChargeError> {
  if (!isMoney(payable) || payable.amount <= 0) return { ok: false, error: 'bad_amount', message: CHARGE_MESSAGES.bad_amount };
  if (payable.currency === 'CNY') return { ok: true, value: { charged: payable, fx: null } };
  if (!isRateQuote(quote)) return { ok: false, error: 'no_rate', message: CHARGE_MESSAGES.no_rate };
  if (!isRateUsable(quote, now)) return { ok: false, error: 'stale_rate', message: CHARGE_MESSAGES.stale_rate };
  const yuan = toYuan(payable, quote.rate);
  if (!yuan.ok) return { ok: false, error: 'bad_amount', message: CHARGE_MESSAGES.bad_amount };
  return { ok: true, value: { charged: yuan.value, fx: { rate: quote.rate, quotedAt: quote.quotedAt } } };
}

/**
 * The yuan an order charges (or charged): `charged` when the order carries one, else the
 * payable when that is in yuan; null for a peso order without a yuan charge (written
 * before orders kept one), which nothing may pay.
 */
export function yuanCharged(order: Pick<Order, 'payable' | 'charged'> | null | undefined): Money | null {
  if (!order || typeof order !== 'object') return null;
  if (order.charged !== undefined) return isMoney(order.charged) && order.charged.currency === 'CNY' ? order.charged : null;
  return isMoney(order.payable) && order.payable.currency === 'CNY' ? order.payable : null;
}

/** The amount a total of charges counts for an order: the yuan charged, else the payable as it is. */
export function totalledAmount(order: Pick<Order, 'payable' | 'charged'>): Money {
  return yuanCharged(order) ?? order.payable;
}

/** '₱1 ≈ ¥0.1235（10:05 报价）'. */
export function rateLine(quote: RateQuote | null | undefined): string {
  if (!isRateQuote(quote)) return '';
  return `${formatRate(quote.rate)}（${formatChinaTime(quote.quotedAt)} 报价）`;
}

/**
 * How a price reads where it is paid: '¥18.52' for a yuan price; for a peso price,
 * the yuan first and the face value with the rate after it, so nobody pays pesos by
 * mistake: { main: '¥18.52', detail: '面值 ₱150.00 · ₱1 ≈ ¥0.1235（10:05 报价）' }.
 */
export function priceWords(payable: Money, charge: Charge | null): { main: string; detail: string } {
  if (!isMoney(payable)) return { main: '—', detail: '' };
  if (payable.currency === 'CNY' || !charge) return { main: formatMoney(payable), detail: payable.currency === 'CNY' ? '' : '人民币金额待汇率确认' };
  return { main: formatMoney(charge.charged), detail: `面值 ${formatMoney(payable)} · ${rateLine(charge.fx)}` };
}
