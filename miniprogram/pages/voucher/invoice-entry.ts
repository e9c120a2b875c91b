/**
 * The voucher's 电子发票 row: 申请发票 for a charged order not yet on an invoice, and the
 * state of the invoice it is on (申请中 / 已开具 / 开票失败 / 已作废), which opens that
 * invoice. Pure: the invoices come in as stored.
 */
import { HOLDING_STATES, invoiceability, isInvoiceShape, namesOrder, REFUNDED_STATES, type HeldInvoiceState, type InvoiceShape } from '../../core/invoiceability';
import type { Order } from '../../core/types';
import type { TagType } from '../../view/labels';

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

export interface VoucherInvoice {
  /** 申请发票 is offered. */
  canApply: boolean;
  applyText: string;
  /** The invoice it is on ('' for none), its state and tag colour. */
  invoiceId: string;
  state: string;
  tag: TagType;
  /** One line under the row: what the state means for the user. */
  note: string;
}

const STATES: Record<HeldInvoiceState, { label: string; tag: TagType; note: string }> = {
  requested: { label: '申请中', tag: 'primary', note: '开票平台处理中，开具后发送到你填写的邮箱' },
  issued: { label: '已开具', tag: 'success', note: '点此查看发票号码，或发送到其他邮箱' },
  failed: { label: '开票失败', tag: 'danger', note: '点此查看原因；可以重新申请' },
  voided: { label: '已作废', tag: 'default', note: '订单已退款，这张发票已作废' },
};

export function voucherInvoice(order: Order, invoices: readonly unknown[]): VoucherInvoice {
  const held = invoiceOfOrder(order, invoices);
  const canApply = invoiceability(order, invoices).ok;
  const shown = held ? STATES[held.state] : null;
  return {
    canApply,
    applyText: held ? '重新申请发票' : '申请发票',
    invoiceId: held?.id ?? '',
    state: shown?.label ?? '',
    tag: shown?.tag ?? 'default',
    note: shown?.note ?? '',
  };
}
