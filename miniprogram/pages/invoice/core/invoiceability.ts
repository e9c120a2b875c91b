/**
 * Which orders may go on an electronic invoice, and which invoice an order is on: the
 * rules the invoice pages use, and the voucher and the records tab ask through
 * rules.ts (fetched with this subpackage when first needed, so they add nothing to the
 * main package).
 *
 * Only charged orders, i.e. 'succeeded' (a top-up that failed is refunded and an unpaid
 * one charged nothing); an order at most once: it may not be on another invoice that is
 * requested or issued (a failed request frees it; a voided invoice's order was refunded).
 * Only yuan is invoiceable: `order.charged` when the order carries it (a peso price),
 * else the payable when that is in yuan.
 *
 * Invoices come in as `unknown[]`: whatever storage held, read defensively.
 */
import { isMoney } from '../../../core/money';
import type { Money, Order, OrderState, Result } from '../../../core/types';

/** An order as stored, possibly carrying the yuan WeChat Pay charged (orders of peso products). */
export type InvoiceableOrder = Order & { charged?: Money };

export type InvoiceabilityError = 'not_charged' | 'refunded' | 'already_invoiced' | 'no_yuan_amount' | 'bad_order';

/** The invoice states, as the invoice store keeps them. */
export type HeldInvoiceState = 'requested' | 'issued' | 'failed' | 'voided';

export const REFUNDED_STATES: readonly OrderState[] = ['refunding', 'refunded'];
const UNFINISHED_STATES: readonly OrderState[] = ['created', 'awaiting_payment', 'unknown', 'paid'];
/** Invoices that hold their orders: an order on one of these cannot be invoiced again. */
export const HOLDING_STATES: readonly HeldInvoiceState[] = ['requested', 'issued'];
const ALL_STATES: readonly HeldInvoiceState[] = ['requested', 'issued', 'failed', 'voided'];

export interface InvoiceShape {
  id: string;
  state: HeldInvoiceState;
  createdAt?: number;
  lines: { orderId: string }[];
}

export function isInvoiceShape(value: unknown): value is InvoiceShape {
  const v = value as InvoiceShape | null;
  return typeof v === 'object' && v !== null && typeof v.id === 'string' && ALL_STATES.includes(v.state) && Array.isArray(v.lines);
}

export const namesOrder = (invoice: InvoiceShape, orderId: string): boolean => invoice.lines.some((line) => !!line && line.orderId === orderId);

/** The yuan actually charged for an order, or null when there is none to invoice. */
export function invoiceableAmount(order: InvoiceableOrder | null | undefined): Money | null {
  if (!order || typeof order !== 'object') return null;
  if (order.charged !== undefined) return isMoney(order.charged) && order.charged.currency === 'CNY' && order.charged.amount > 0 ? order.charged : null;
  return isMoney(order.payable) && order.payable.currency === 'CNY' && order.payable.amount > 0 ? order.payable : null;
}

function holdingInvoice(orderId: string, invoices: readonly unknown[]): InvoiceShape | undefined {
  return (Array.isArray(invoices) ? invoices : []).find((inv): inv is InvoiceShape => isInvoiceShape(inv) && HOLDING_STATES.includes(inv.state) && namesOrder(inv, orderId));
}

/** Whether the order may go on a new invoice, with its yuan amount; or why not, in Chinese. */
export function invoiceability(order: InvoiceableOrder, invoices: readonly unknown[]): Result<Money, InvoiceabilityError> {
  if (!order || typeof order !== 'object' || typeof order.id !== 'string' || order.id === '') {
    return { ok: false, error: 'bad_order', message: '订单数据有误，不能开票' };
  }
  const name = `订单 ${order.id}`;
  if (REFUNDED_STATES.includes(order.state)) return { ok: false, error: 'refunded', message: `${name}已退款，不能开票` };
  if (order.state !== 'succeeded') {
    const why = UNFINISHED_STATES.includes(order.state) ? '还没有完成，完成后再开票' : '没有扣款，不能开票';
    return { ok: false, error: 'not_charged', message: `${name}${why}` };
  }
  const held = holdingInvoice(order.id, invoices);
  if (held) {
    const where = held.state === 'issued' ? '已开过发票' : '的发票正在申请中';
    return { ok: false, error: 'already_invoiced', message: `${name}${where}，一笔订单只能开一次发票` };
  }
  const amount = invoiceableAmount(order);
  if (amount === null) return { ok: false, error: 'no_yuan_amount', message: `${name}没有人民币支付金额，暂不能开票` };
  return { ok: true, value: amount };
}

/** The invoice an order is on, as the order's pages show it. */
export interface OrderInvoice {
  id: string;
  /** As shown: an issued invoice whose order was refunded since reads 已作废 before the invoice page records it. */
  state: HeldInvoiceState;
}

/**
 * The invoice that speaks for an order: the one holding it (申请中 / 已开具) when there is
 * one, else the newest that named it (开票失败, 已作废); null when it was never on one.
 */
export function invoiceOfOrder(order: Pick<Order, 'id' | 'state'>, invoices: readonly unknown[]): OrderInvoice | null {
  if (!order || typeof order.id !== 'string' || order.id === '') return null;
  const naming = (Array.isArray(invoices) ? invoices : []).filter((inv): inv is InvoiceShape => isInvoiceShape(inv) && namesOrder(inv, order.id));
  if (!naming.length) return null;
  const held = naming.find((inv) => HOLDING_STATES.includes(inv.state));
  const newest = naming.reduce((a, b) => ((b.createdAt ?? 0) > (a.createdAt ?? 0) ? b : a));
  const chosen = held ?? newest;
  // The invoice page voids it when it next opens (applyRefunds); the order's own pages say so already.
  const refunded = REFUNDED_STATES.includes(order.state);
  const state: HeldInvoiceState = refunded && chosen.state === 'issued' ? 'voided' : refunded && chosen.state === 'requested' ? 'failed' : chosen.state;
  return { id: chosen.id, state };
}
