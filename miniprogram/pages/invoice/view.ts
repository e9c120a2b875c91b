/**
 * What the invoice pages show: the orders that can be picked, the preview of what will be
 * invoiced, an invoice's fields and the list of invoices. Pure; the rules are core's
 * (core/invoice.ts), the words are the ones an invoice carries.
 */
import { formatDateTime } from '../../core/dates';
import { formatMoney, money } from '../../core/money';
import { maskPhone } from '../../core/phone';
import type { Order } from '../../core/types';
import {
  invoiceDetailLines,
  invoiceOrderLine,
  invoiceStateLabel,
  invoiceability,
  type Invoice,
  type InvoiceState,
  type InvoiceableOrder,
} from './core/invoice';

/** What an invoice for a top-up is for (the tax category of telecom services). */
export const INVOICE_CONTENT = '*电信服务*话费';

export interface OrderRow {
  id: string;
  title: string;
  when: string;
  amount: string;
  picked: boolean;
}

export function orderRow(order: InvoiceableOrder, amount: string, picked: boolean): OrderRow {
  return { id: order.id, title: `${maskPhone(order.phone)} · ${order.product?.title ?? '话费充值'}`, when: formatDateTime(order.createdAt), amount, picked };
}

/** The orders of a page of records that can go on a new invoice, as rows. */
export function pickableRows(orders: readonly Order[], invoices: readonly Invoice[], picked: ReadonlySet<string>): OrderRow[] {
  const rows: OrderRow[] = [];
  for (const order of orders) {
    const allowed = invoiceability(order, invoices);
    if (allowed.ok) rows.push(orderRow(order, formatMoney(allowed.value), picked.has(order.id)));
  }
  return rows;
}

export interface Preview {
  count: number;
  total: string;
  lines: string[];
}

/** What will be invoiced for the picked orders (only those that may be). */
export function preview(orders: readonly InvoiceableOrder[], invoices: readonly Invoice[]): Preview {
  let total = 0;
  const lines: string[] = [];
  for (const order of orders) {
    const allowed = invoiceability(order, invoices);
    if (!allowed.ok) continue;
    total += allowed.value.amount;
    lines.push(invoiceOrderLine({ orderId: order.id, title: order.product?.title ?? '话费充值', phone: order.phone, amount: allowed.value, paidAt: order.createdAt }));
  }
  return { count: lines.length, total: formatMoney(money(total, 'CNY')), lines };
}

const STATE_TAGS: Record<InvoiceState, 'warning' | 'success' | 'danger' | 'default'> = { requested: 'warning', issued: 'success', failed: 'danger', voided: 'default' };

export interface InvoiceRow {
  id: string;
  state: string;
  tag: string;
  title: string;
  total: string;
  when: string;
}

export function invoiceRow(invoice: Invoice): InvoiceRow {
  return {
    id: invoice.id,
    state: invoiceStateLabel(invoice.state),
    tag: STATE_TAGS[invoice.state] ?? 'default',
    title: `${invoice.title?.name ?? '—'} · ${invoice.lines.length} 笔订单`,
    total: formatMoney(invoice.total),
    when: formatDateTime(invoice.createdAt),
  };
}

export interface InvoiceView {
  id: string;
  state: InvoiceState;
  stateLabel: string;
  tag: string;
  total: string;
  title: string;
  fields: { key: string; label: string; value: string }[];
  orders: { id: string; text: string }[];
  sentTo: string;
  /** The orders, for 重新申请 after a failure. */
  orderIds: string;
}

const FIELD_KEYS: Record<string, string> = {
  发票状态: 'state',
  申请编号: 'apply',
  发票号码: 'number',
  开票日期: 'date',
  抬头类型: 'kind',
  发票抬头: 'name',
  税号: 'tax',
  接收邮箱: 'email',
  开票金额: 'amount',
  订单数: 'count',
  申请时间: 'requested',
  失败原因: 'failure',
  作废原因: 'void',
};

export function invoiceView(invoice: Invoice): InvoiceView {
  return {
    id: invoice.id,
    state: invoice.state,
    stateLabel: invoiceStateLabel(invoice.state),
    tag: STATE_TAGS[invoice.state] ?? 'default',
    total: formatMoney(invoice.total),
    title: invoice.title?.name ?? '—',
    fields: invoiceDetailLines(invoice).map((line) => ({ key: FIELD_KEYS[line.label] ?? line.label, ...line })),
    orders: invoice.lines.map((line) => ({ id: line.orderId, text: invoiceOrderLine(line) })),
    sentTo: invoice.state === 'issued' && invoice.sentTo.length ? `已发送到：${invoice.sentTo.join('、')}` : '',
    orderIds: invoice.lines.map((line) => line.orderId).join(','),
  };
}

/** Order ids as they travel in a query: comma separated, empty parts dropped. */
export function parseOrderIds(raw: string | undefined): string[] {
  return typeof raw === 'string' ? [...new Set(raw.split(',').map((id) => id.trim()).filter(Boolean))] : [];
}
