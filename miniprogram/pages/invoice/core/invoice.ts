/**
 * 电子发票 rules: which orders may be invoiced, the draft (title, email, orders), its yuan
 * total, and an invoice's states. Pure: time and randomness come in as arguments.
 *
 * API
 *   invoiceableAmount(order)                      → Money | null    (the yuan charged)
 *   invoiceability(order, invoices)               → Result<Money, InvoiceabilityError>
 *   invoiceableOrders(orders, invoices)           → Order[]
 *   validateInvoiceDraft(input, orders, invoices) → Result<InvoiceDraft, InvoiceDraftError>
 *   newInvoiceId(now, random), createInvoice(draft, { id, now })
 *   transitionInvoice(invoice, to, at, patch?, note?) → Result<Invoice, InvoiceTransitionError>
 *   resendInvoice(invoice, email, at)             → Result<Invoice, ResendError>
 *   applyRefunds(invoices, orders, at)            → Invoice[]   (the invoices that changed)
 *   invoiceStateLabel(state), invoiceDetailLines(invoice)
 *
 * Which orders: only charged ones, i.e. 'succeeded' (a top-up that failed is refunded and
 * an unpaid one charged nothing); an order at most once: it may not be on another invoice
 * that is requested or issued (a failed request frees it; a voided invoice's order was
 * refunded, so it is no longer succeeded either).
 *
 * Amounts: only yuan is invoiceable, and the invoice shows the yuan actually charged:
 * `order.charged` (Money in CNY, what WeChat Pay took) when the order carries it, else the
 * payable when that is in yuan. A peso order without a yuan charge is not invoiceable.
 *
 * States: requested (申请中) → issued (已开具) | failed (开票失败); issued → voided (已作废)
 * when one of its orders is refunded after invoicing. An issued invoice needs its number.
 */
import { formatChinaDate, formatDateTime } from '../../../core/dates';
import { parseEmail, type EmailError } from './contact';
import { formatMoney, money } from '../../../core/money';
import { newOrderId } from '../../../core/order';
import { maskPhone } from '../../../core/phone';
import { parseTaxId } from './tax-id';
import type { Money, Order, Result } from '../../../core/types';
import { invoiceability, REFUNDED_STATES, type InvoiceableOrder } from './invoiceability';

// ---------------------------------------------------------------------------------
// Types
// ---------------------------------------------------------------------------------

export type InvoiceTitle = { kind: 'personal'; name: string } | { kind: 'company'; name: string; taxId: string };

export type InvoiceState = 'requested' | 'issued' | 'failed' | 'voided';

export interface InvoiceLine {
  orderId: string;
  /** The product title on the order: 话费充值 50 元. */
  title: string;
  phone: string;
  /** The yuan charged for the order. */
  amount: Money;
  /** When it was paid (epoch ms). */
  paidAt: number;
}

export interface InvoiceEvent {
  state: InvoiceState;
  at: number;
  note?: string;
}

export interface Invoice {
  /** Our request number: IV + yyyyMMddHHmmss + 6 digits. */
  id: string;
  state: InvoiceState;
  title: InvoiceTitle;
  /** The address given with the request. */
  email: string;
  lines: InvoiceLine[];
  total: Money;
  createdAt: number;
  updatedAt: number;
  history: InvoiceEvent[];
  /** 发票号码, once issued (8–20 digits; a 数电发票 has 20). */
  number?: string;
  issuedAt?: number;
  /** Chinese reason of a failure. */
  failureReason?: string;
  /** Chinese reason it was voided. */
  voidReason?: string;
  /** Every address it was sent to, oldest first (the request's address once issued, then each resend). */
  sentTo: string[];
}


// ---------------------------------------------------------------------------------
// Which orders: invoiceability.ts (the records tab and the voucher ask it through rules.ts)
// ---------------------------------------------------------------------------------

export { invoiceableAmount, invoiceability, type InvoiceabilityError, type InvoiceableOrder } from './invoiceability';

/** The orders that could be picked for a new invoice, in the order given. */
export function invoiceableOrders(orders: readonly InvoiceableOrder[], invoices: readonly unknown[]): InvoiceableOrder[] {
  return (Array.isArray(orders) ? orders : []).filter((order) => invoiceability(order, invoices).ok);
}

// ---------------------------------------------------------------------------------
// Drafts
// ---------------------------------------------------------------------------------

export type InvoiceDraftError = 'bad_title' | 'bad_name' | 'bad_tax_id' | 'bad_email' | 'no_orders' | 'too_many_orders' | 'order_not_found' | 'not_invoiceable';

export interface InvoiceDraftInput {
  /** { kind: 'personal', name? } or { kind: 'company', name, taxId }. */
  title?: unknown;
  email?: unknown;
  orderIds?: unknown;
}

export interface InvoiceDraft {
  title: InvoiceTitle;
  email: string;
  lines: InvoiceLine[];
  total: Money;
}

export const PERSONAL_TITLE = '个人';
export const MAX_ORDERS_PER_INVOICE = 100;
const MAX_NAME_LENGTH = 100;
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]/;

function draftError(error: InvoiceDraftError, message: string): Result<InvoiceDraft, InvoiceDraftError> {
  return { ok: false, error, message };
}

/** A title name: trimmed, inner runs of spaces made one, no control characters; null when unusable. */
function cleanName(raw: unknown): string | null {
  if (typeof raw !== 'string' || raw.length > MAX_NAME_LENGTH * 4) return null;
  const name = raw.replace(/[\s\u3000]+/g, ' ').trim();
  if (name === '' || CONTROL.test(name) || Array.from(name).length > MAX_NAME_LENGTH) return null;
  return name;
}

function readTitle(raw: unknown): Result<InvoiceTitle, InvoiceDraftError> {
  const title = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  if (title.kind === 'personal') {
    const blank = title.name === undefined || title.name === null || (typeof title.name === 'string' && title.name.trim() === '');
    const name = blank ? PERSONAL_TITLE : cleanName(title.name);
    if (name === null) return { ok: false, error: 'bad_name', message: `个人抬头请填写姓名（最多 ${MAX_NAME_LENGTH} 个字），或留空使用「个人」` };
    return { ok: true, value: { kind: 'personal', name } };
  }
  if (title.kind === 'company') {
    const name = cleanName(title.name);
    if (name === null || Array.from(name).length < 2) {
      return { ok: false, error: 'bad_name', message: `请填写单位全称（与营业执照一致，最多 ${MAX_NAME_LENGTH} 个字）` };
    }
    const taxId = parseTaxId(title.taxId);
    if (!taxId.ok) return { ok: false, error: 'bad_tax_id', message: taxId.message };
    return { ok: true, value: { kind: 'company', name, taxId: taxId.value } };
  }
  return { ok: false, error: 'bad_title', message: '请选择发票抬头类型：个人或单位' };
}

function paidAtOf(order: Order): number {
  const paid = Array.isArray(order.history) ? order.history.find((event) => event && event.state === 'paid') : undefined;
  return paid && Number.isFinite(paid.at) ? paid.at : order.createdAt;
}

/**
 * An invoice draft from the form and the picked order ids, checked in form order (title,
 * tax id, email, orders). Ids given twice count once.
 */
export function validateInvoiceDraft(
  input: InvoiceDraftInput | null | undefined,
  orders: readonly InvoiceableOrder[],
  invoices: readonly unknown[],
): Result<InvoiceDraft, InvoiceDraftError> {
  const draft = typeof input === 'object' && input !== null ? input : {};
  const title = readTitle(draft.title);
  if (!title.ok) return title;
  const email = parseEmail(draft.email);
  if (!email.ok) return draftError('bad_email', email.message);

  const ids = Array.isArray(draft.orderIds) ? [...new Set(draft.orderIds.filter((id): id is string => typeof id === 'string' && id !== ''))] : [];
  if (ids.length === 0) return draftError('no_orders', '请至少选择一笔要开票的订单');
  if (ids.length > MAX_ORDERS_PER_INVOICE) return draftError('too_many_orders', `一张发票最多 ${MAX_ORDERS_PER_INVOICE} 笔订单，请分开申请`);

  const byId = new Map<string, InvoiceableOrder>();
  for (const order of Array.isArray(orders) ? orders : []) if (order && typeof order.id === 'string') byId.set(order.id, order);
  const lines: InvoiceLine[] = [];
  let total = 0;
  for (const id of ids) {
    const order = byId.get(id);
    if (!order) return draftError('order_not_found', `找不到订单 ${id}，请刷新记录后重新选择`);
    const allowed = invoiceability(order, invoices);
    if (!allowed.ok) return draftError('not_invoiceable', allowed.message);
    lines.push({ orderId: id, title: typeof order.product?.title === 'string' ? order.product.title : '话费充值', phone: order.phone, amount: allowed.value, paidAt: paidAtOf(order) });
    total += allowed.value.amount;
  }
  if (!Number.isSafeInteger(total)) return draftError('too_many_orders', '金额过大，请分开申请');
  return { ok: true, value: { title: title.value, email: email.value, lines, total: money(total, 'CNY') } };
}

/** IV20261125103000123456: the order number layout (order.ts) with its own prefix. */
export function newInvoiceId(nowMs: number, random: () => number): string {
  return `IV${newOrderId(nowMs, random).slice(2)}`;
}

export function createInvoice(draft: InvoiceDraft, ids: { id: string; now: number }): Invoice {
  return {
    id: ids.id,
    state: 'requested',
    title: draft.title,
    email: draft.email,
    lines: draft.lines,
    total: draft.total,
    createdAt: ids.now,
    updatedAt: ids.now,
    history: [{ state: 'requested', at: ids.now }],
    sentTo: [],
  };
}

// ---------------------------------------------------------------------------------
// States
// ---------------------------------------------------------------------------------

export const ALLOWED_INVOICE_TRANSITIONS: Readonly<Record<InvoiceState, readonly InvoiceState[]>> = {
  requested: ['issued', 'failed'],
  issued: ['voided'],
  failed: [],
  voided: [],
};

export const INVOICE_STATE_LABELS: Record<InvoiceState, string> = {
  requested: '申请中',
  issued: '已开具',
  failed: '开票失败',
  voided: '已作废',
};

function isInvoiceState(value: unknown): value is InvoiceState {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(ALLOWED_INVOICE_TRANSITIONS, value);
}

export function invoiceStateLabel(state: InvoiceState): string {
  return isInvoiceState(state) ? INVOICE_STATE_LABELS[state] : '未知状态';
}

export type InvoiceTransitionError = 'illegal_transition' | 'missing_number';

/** Fields fixed at request time, and the state machine's own. */
const PROTECTED_FIELDS = ['id', 'state', 'history', 'createdAt', 'updatedAt', 'title', 'lines', 'total', 'email'] as const;
const INVOICE_NUMBER = /^\d{8,20}$/;

/**
 * The invoice moved to `to` at `at`, with patch applied (number, failureReason,
 * voidReason, ...) and one event appended. Issuing needs an invoice number (in the patch
 * or already set); it records issuedAt and the first address sent to. The input is never
 * changed.
 */
export function transitionInvoice(invoice: Invoice, to: InvoiceState, at: number, patch: Partial<Invoice> = {}, note?: string): Result<Invoice, InvoiceTransitionError> {
  const from = invoice?.state;
  if (!isInvoiceState(from) || !isInvoiceState(to) || !ALLOWED_INVOICE_TRANSITIONS[from].includes(to)) {
    return { ok: false, error: 'illegal_transition', message: `发票当前为「${invoiceStateLabel(from)}」，不能变为「${invoiceStateLabel(to)}」，请刷新后查看` };
  }
  const safePatch: Partial<Invoice> = { ...(typeof patch === 'object' && patch !== null ? patch : {}) };
  for (const field of PROTECTED_FIELDS) delete safePatch[field];
  const next: Invoice = { ...invoice, ...safePatch };
  if (to === 'issued') {
    if (typeof next.number !== 'string' || !INVOICE_NUMBER.test(next.number)) {
      return { ok: false, error: 'missing_number', message: '开票结果缺少发票号码，请稍后刷新查看' };
    }
    if (!Number.isFinite(next.issuedAt)) next.issuedAt = at;
    if (!Array.isArray(next.sentTo) || next.sentTo.length === 0) next.sentTo = [invoice.email];
  }
  if (to === 'failed' && !next.failureReason) next.failureReason = '开票失败，请稍后重新申请';
  const event: InvoiceEvent = note === undefined ? { state: to, at } : { state: to, at, note };
  return { ok: true, value: { ...next, state: to, updatedAt: at, history: [...(Array.isArray(invoice.history) ? invoice.history : []), event] } };
}

export type ResendError = 'not_issued' | EmailError;

/** An issued invoice sent again, to the same or another address (recorded in sentTo). */
export function resendInvoice(invoice: Invoice, email: unknown, at: number): Result<Invoice, ResendError> {
  if (!invoice || invoice.state !== 'issued') {
    return { ok: false, error: 'not_issued', message: invoice?.state === 'voided' ? '发票已作废，不能再发送' : '发票开具后才能发送到邮箱' };
  }
  const address = parseEmail(email);
  if (!address.ok) return address;
  const sentTo = Array.isArray(invoice.sentTo) ? invoice.sentTo : [];
  return { ok: true, value: { ...invoice, sentTo: [...sentTo, address.value], updatedAt: at } };
}

/**
 * The invoices a refund changes: an issued invoice with a refunded (or refunding) order
 * is voided; a requested one fails (it must not be issued for money given back). Others
 * are left out of the answer.
 */
export function applyRefunds(invoices: readonly Invoice[], orders: readonly Order[], at: number): Invoice[] {
  const orderList: readonly Order[] = Array.isArray(orders) ? orders : [];
  const invoiceList: readonly Invoice[] = Array.isArray(invoices) ? invoices : [];
  const refunded = new Set<string>();
  for (const order of orderList) if (order && REFUNDED_STATES.includes(order.state)) refunded.add(order.id);
  const changed: Invoice[] = [];
  for (const invoice of invoiceList) {
    if (!invoice || !Array.isArray(invoice.lines)) continue;
    const hit = invoice.lines.find((line) => line && refunded.has(line.orderId));
    if (!hit) continue;
    const reason = `订单 ${hit.orderId} 已退款`;
    const moved =
      invoice.state === 'issued'
        ? transitionInvoice(invoice, 'voided', at, { voidReason: `${reason}，发票已作废` })
        : invoice.state === 'requested'
          ? transitionInvoice(invoice, 'failed', at, { failureReason: `${reason}，本次开票已取消，可为其余订单重新申请` })
          : null;
    if (moved && moved.ok) changed.push(moved.value);
  }
  return changed;
}

// ---------------------------------------------------------------------------------
// The invoice page
// ---------------------------------------------------------------------------------

/** The invoice page's fields, one labelled line each, in a fixed order. */
export function invoiceDetailLines(invoice: Invoice): { label: string; value: string }[] {
  if (!invoice) return [];
  const title = invoice.title;
  const lines: { label: string; value: string }[] = [
    { label: '发票状态', value: invoiceStateLabel(invoice.state) },
    { label: '申请编号', value: invoice.id || '—' },
    { label: '发票号码', value: invoice.number || '—' },
    // formatDateTime is total (a dash for a value that is not a time); its first ten characters are the China day.
    { label: '开票日期', value: formatChinaDate(formatDateTime(invoice.issuedAt as number).slice(0, 10)) },
    { label: '抬头类型', value: title?.kind === 'company' ? '单位' : '个人' },
    { label: '发票抬头', value: title?.name || '—' },
  ];
  if (title?.kind === 'company') lines.push({ label: '税号', value: title.taxId || '—' });
  lines.push(
    { label: '接收邮箱', value: invoice.email || '—' },
    { label: '开票金额', value: formatMoney(invoice.total) },
    { label: '订单数', value: `${Array.isArray(invoice.lines) ? invoice.lines.length : 0} 笔` },
    { label: '申请时间', value: formatDateTime(invoice.createdAt) },
  );
  if (invoice.failureReason && invoice.state === 'failed') lines.push({ label: '失败原因', value: invoice.failureReason });
  if (invoice.voidReason && invoice.state === 'voided') lines.push({ label: '作废原因', value: invoice.voidReason });
  return lines;
}

/** One line per order for the invoice page and the preview: 138****8000 · 话费充值 50 元 · ¥50.00. */
export function invoiceOrderLine(line: InvoiceLine): string {
  if (!line) return '';
  return `${maskPhone(line.phone)} · ${line.title} · ${formatMoney(line.amount)}`;
}
