/**
 * A renewal order's life: numbering, the state machine of types.ts, the double-payment
 * guard, and the CSV export of orders. Pure: time and randomness come in
 * as arguments.
 */
import { carrierName } from './carriers';
import { fnv1a } from './checksum';
import { productById } from './catalog';
import { chinaCompactTimestamp, formatDateTime } from './dates';
import { formatAmount, isMoney } from './money';
import { yuanCharged, type Charge } from './charge';
import { formatRate, isExchangeRate } from './exchange';
import type { CardProfile, Order, OrderState, Quote, Result } from './types';

// ---------------------------------------------------------------------------------
// Numbers and keys
// ---------------------------------------------------------------------------------

/** random() clamped into [0, 1): a broken source must not produce NaN or 7-digit serials. */
function unitRandom(random: () => number): number {
  const value = typeof random === 'function' ? random() : NaN;
  return typeof value === 'number' && value >= 0 && value < 1 ? value : 0;
}

function randomDigits(random: () => number, count: number): string {
  return String(Math.floor(unitRandom(random) * 10 ** count)).padStart(count, '0');
}

/** 'CR' + yyyyMMddHHmmss (China time) + 6 random digits: CR20261125103000123456. */
export function newOrderId(nowMs: number, random: () => number): string {
  const stamp = chinaCompactTimestamp(nowMs);
  if (stamp === null) throw new RangeError(`newOrderId(): not a usable time: ${String(nowMs)}`);
  return `CR${stamp}${randomDigits(random, 6)}`;
}

/**
 * The number an order takes when its own is already another order's (the same second and
 * the same six digits, or a clock set back): the six digits become ones derived from the
 * order's idempotency key and the attempt. The same order always gets the same sequence,
 * so a retry finds the order it stored; two orders with different keys get different ones.
 */
export function alternativeOrderId(id: string, idempotencyKey: string, attempt: number): string {
  const digits = String(fnv1a(`${idempotencyKey}#${attempt}`) % 1_000_000).padStart(6, '0');
  const text = String(id);
  return /^[A-Z]{2}\d{20}$/.test(text) ? `${text.slice(0, 16)}${digits}` : `${text.slice(0, 57)}-${digits}`;
}

/** 32 hex digits in UUID v4 layout, drawn 4 hex digits at a time from random. */
export function newIdempotencyKey(random: () => number): string {
  let hex = '';
  for (let i = 0; i < 8; i += 1) hex += Math.floor(unitRandom(random) * 0x10000).toString(16).padStart(4, '0');
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

// ---------------------------------------------------------------------------------
// State machine
// ---------------------------------------------------------------------------------

export const ALLOWED_TRANSITIONS: Readonly<Record<OrderState, readonly OrderState[]>> = {
  created: ['awaiting_payment'],
  awaiting_payment: ['paid', 'cancelled', 'pay_failed', 'unknown'],
  // The payment answer was lost: reconciliation settles it one way or the other.
  unknown: ['paid', 'cancelled', 'pay_failed'],
  paid: ['succeeded', 'topup_failed'],
  topup_failed: ['refunding'],
  refunding: ['refunded'],
  cancelled: [],
  pay_failed: [],
  succeeded: [],
  refunded: [],
};

export const ORDER_STATE_LABELS: Record<OrderState, string> = {
  created: '待支付',
  awaiting_payment: '待支付',
  paid: '已支付，充值中',
  cancelled: '已取消',
  pay_failed: '支付失败',
  unknown: '结果待确认',
  succeeded: '充值成功',
  topup_failed: '充值失败',
  refunding: '退款中',
  refunded: '已退款',
};

function isOrderState(value: unknown): value is OrderState {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(ALLOWED_TRANSITIONS, value);
}

/** The Chinese label; a state read from corrupt storage gets a neutral one instead of a crash. */
export function stateLabel(state: OrderState): string {
  return isOrderState(state) ? ORDER_STATE_LABELS[state] : '未知状态';
}

/** A state with no way out. An unrecognised state (corrupt storage) counts as final: nothing may move it. */
export function isTerminal(state: OrderState): boolean {
  return !isOrderState(state) || ALLOWED_TRANSITIONS[state].length === 0;
}

/** The outcome is still open: the app keeps checking (reconciliation, refund progress). */
export const UNSETTLED_STATES: readonly OrderState[] = ['awaiting_payment', 'unknown', 'paid', 'refunding', 'topup_failed'];
/** Money may have left the user's account (or is about to): such an order blocks a second payment. */
export const POSSIBLY_CHARGED_STATES: readonly OrderState[] = ['paid', 'succeeded', 'unknown', 'awaiting_payment', 'topup_failed', 'refunding'];
/** Money taken for good: month totals and the records' sums count only these. */
export const CHARGED_STATES: readonly OrderState[] = ['paid', 'succeeded'];

/** Money was taken at some point (it may since have gone back: 退款中 / 已退款). */
export const EVER_CHARGED_STATES: readonly OrderState[] = ['paid', 'succeeded', 'topup_failed', 'refunding', 'refunded'];
/** The order can no longer renew the card: its new expiry never happens. */
export const NOT_RENEWING_STATES: readonly OrderState[] = ['cancelled', 'pay_failed', 'topup_failed', 'refunding', 'refunded'];

export const wasCharged = (state: OrderState): boolean => EVER_CHARGED_STATES.includes(state);
/** True while the order may still (or did) extend the card; false once it cannot. */
export const renewsCard = (state: OrderState): boolean => isOrderState(state) && !NOT_RENEWING_STATES.includes(state);

export const isUnsettled = (state: OrderState): boolean => UNSETTLED_STATES.includes(state);
export const isPossiblyCharged = (state: OrderState): boolean => POSSIBLY_CHARGED_STATES.includes(state);
export const isCharged = (state: OrderState): boolean => CHARGED_STATES.includes(state);

export interface CreateOrderInput {
  id: string;
  idempotencyKey: string;
  now: number;
  card: CardProfile | Pick<CardProfile, 'phone' | 'region' | 'carrier' | 'cardType' | 'expiry' | 'location'>;
  quote: Quote;
  /** What WeChat Pay charges (core/charge.ts chargeFor); kept on the order when it converted a peso price. */
  charge?: Charge;
}

export function createOrder(input: CreateOrderInput): Order {
  const { id, idempotencyKey, now, card, quote, charge } = input;
  const { product } = quote;
  return {
    id,
    idempotencyKey,
    createdAt: now,
    updatedAt: now,
    state: 'created',
    history: [{ state: 'created', at: now }],
    phone: card.phone,
    region: card.region,
    carrier: card.carrier,
    cardType: card.cardType,
    product: {
      id: product.id,
      kind: product.kind,
      title: product.title,
      credit: product.credit,
      dataMb: product.dataMb,
      validityDays: product.validityDays,
    },
    original: quote.original,
    discount: quote.discount,
    payable: quote.payable,
    promotions: quote.applied.map((promotion) => promotion.id),
    bonusDataMb: quote.bonusDataMb,
    oldExpiry: quote.oldExpiry,
    newExpiry: quote.newExpiry,
    ...(charge && charge.fx ? { charged: charge.charged, fx: { rate: charge.fx.rate, quotedAt: charge.fx.quotedAt } } : {}),
    // The place the lookup answered, kept so the voucher and the records can say it later.
    ...(card.location !== undefined ? { location: card.location } : {}),
  };
}

export type TransitionError = 'illegal_transition';

/** Fields a transition may not overwrite: identity and the state machine's own bookkeeping. */
const PROTECTED_FIELDS = ['id', 'idempotencyKey', 'createdAt', 'updatedAt', 'state', 'history'] as const;

/**
 * The order moved to `to` at `at`, with patch applied (transactionId, failureReason,
 * after, ...) and one event appended to its history. The input is never changed; a move
 * the state machine does not allow returns 'illegal_transition'.
 */
export function transition(order: Order, to: OrderState, at: number, patch: Partial<Order> = {}, note?: string): Result<Order, TransitionError> {
  const from = order?.state;
  if (!isOrderState(from) || !isOrderState(to) || !ALLOWED_TRANSITIONS[from].includes(to)) {
    return {
      ok: false,
      error: 'illegal_transition',
      message: `订单当前为「${stateLabel(from)}」，不能变为「${stateLabel(to)}」，请刷新订单查看最新状态`,
    };
  }
  const safePatch: Partial<Order> = { ...(patch ?? {}) };
  for (const field of PROTECTED_FIELDS) delete safePatch[field];
  const event = note === undefined ? { state: to, at } : { state: to, at, note };
  return {
    ok: true,
    value: { ...order, ...safePatch, state: to, updatedAt: at, history: [...(Array.isArray(order.history) ? order.history : []), event] },
  };
}

/**
 * What identifies the purchase for buying it again (重新支付, 再次充值): the number and the
 * product, and for a recharge the catalog no longer knows by id, its amount in minor
 * units, so confirm can check it. Never a price: confirm quotes again.
 */
export function repeatQuery(order: Pick<Order, 'phone' | 'product'>): Record<string, string> {
  const query: Record<string, string> = { phone: String(order?.phone ?? ''), productId: String(order?.product?.id ?? '') };
  if (order?.product?.kind === 'recharge' && !productById(query.productId) && isMoney(order.product.credit)) query.amount = String(order.product.credit.amount);
  return query;
}

// ---------------------------------------------------------------------------------
// Double-payment guard
// ---------------------------------------------------------------------------------

export const DUPLICATE_WINDOW_MS = 10 * 60 * 1000;

/**
 * The newest order for the same number and product created within windowMs of now
 * (either side, in case the clock moved back) that may have taken money.
 */
export function findDuplicate(orders: Order[], phone: string, productId: string, nowMs: number, windowMs = DUPLICATE_WINDOW_MS): Order | undefined {
  if (!Array.isArray(orders) || typeof phone !== 'string' || phone === '' || !Number.isFinite(nowMs)) return undefined;
  let newest: Order | undefined;
  for (const order of orders) {
    if (!order || order.phone !== phone || order.product?.id !== productId || !isPossiblyCharged(order.state)) continue;
    if (!Number.isFinite(order.createdAt) || Math.abs(nowMs - order.createdAt) > windowMs) continue;
    if (newest === undefined || order.createdAt > newest.createdAt) newest = order;
  }
  return newest;
}

// ---------------------------------------------------------------------------------
// Export
// ---------------------------------------------------------------------------------

/**
 * CSV for a spreadsheet (RFC 4180: CRLF line ends, a field with a comma, quote or line
 * break is wrapped in quotes, inner quotes doubled), with a UTF-8 byte-order mark so
 * Excel reads the Chinese correctly.
 *
 * Two spreadsheet guards:
 * - Formula injection: a value starting with = + - @ (or a tab / carriage return, which
 *   some spreadsheets skip before a formula) gets a leading apostrophe, so it shows as
 *   text and never runs.
 * - Identifiers (order number, phone number, transaction id) that are all digits get a
 *   leading tab: spreadsheets then keep them as text, so 09171234567 keeps its 0 and a
 *   28-digit transaction id is not turned into 4.2E+27. The tab is added after the
 *   formula guard and only to digit-only values, so it cannot start a formula.
 * Amounts are written as 50.00 with a separate currency column (CNY / PHP); the discount
 * is written as a positive amount so no cell starts with a minus. 订单金额 is the price
 * in the product's currency; 人民币实付 is the yuan WeChat Pay took (blank when nothing
 * was charged), with the 汇率 used for a peso price. An order that did not renew the
 * card (cancelled, failed, refunded) has no 新到期日.
 */
export function ordersToCsv(orders: Order[]): string {
  const header = ['订单号', '下单时间', '充值号码', '运营商', '套餐', '币种', '原价', '优惠', '订单金额', '支付状态', '微信支付单号', '原到期日', '新到期日', '人民币实付', '汇率'];
  const rows = (Array.isArray(orders) ? orders : []).filter(Boolean).map((order) => [
    identifierCell(order.id),
    formatDateTime(order.createdAt),
    identifierCell(order.phone),
    carrierName(order.carrier),
    textCell(order.product?.title),
    isMoney(order.payable) ? order.payable.currency : '',
    amountCell(order.original),
    amountCell(order.discount),
    amountCell(order.payable),
    stateLabel(order.state),
    identifierCell(order.transactionId),
    order.oldExpiry ? textCell(order.oldExpiry) : '',
    renewsCard(order.state) ? textCell(order.after?.expiry ?? order.newExpiry) : '—',
    wasCharged(order.state) ? amountCell(yuanCharged(order)) : '',
    order.fx && isExchangeRate(order.fx.rate) ? textCell(formatRate(order.fx.rate)) : '',
  ]);
  return `\uFEFF${[header, ...rows].map((row) => row.map(quoteCsvField).join(',')).join('\r\n')}\r\n`;
}

const FORMULA_START = /^[=+\-@\t\r]/;

/** Any text value, with the formula guard. */
function textCell(value: unknown): string {
  if (value === undefined || value === null) return '';
  const text = String(value);
  return FORMULA_START.test(text) ? `'${text}` : text;
}

function identifierCell(value: unknown): string {
  const text = textCell(value);
  return /^\d+$/.test(text) ? `\t${text}` : text;
}

function amountCell(value: unknown): string {
  return isMoney(value) ? textCell(formatAmount(value)) : '';
}

function quoteCsvField(field: string): string {
  return /[",\r\n\t]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}
