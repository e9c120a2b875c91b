/**
 * Applying for an invoice and following it, each step in the order that loses nothing:
 * the invoice is kept on the phone (申请中) before the platform is asked, the platform's
 * answer moves it on (已开具 with its number, or 开票失败 with the reason), an application
 * the platform never received is sent again under the same number, and a refund of one of
 * its orders voids it (core's applyRefunds).
 */
import type { Result } from '../../../core/types';
import type { Clock, InvoiceApplication, InvoicingService, KeyValueStorage, RecordStore } from '../../../services/contracts';
import {
  applyRefunds,
  createInvoice,
  newInvoiceId,
  resendInvoice,
  transitionInvoice,
  validateInvoiceDraft,
  type Invoice,
  type InvoiceDraftInput,
  type InvoiceableOrder,
} from '../core/invoice';
import { InvoiceStore } from './invoice-store';

export interface InvoicingDeps {
  storage: KeyValueStorage;
  records: RecordStore;
  invoicing: InvoicingService;
  clock: Clock;
  random: () => number;
}

export function invoiceStore(deps: Pick<InvoicingDeps, 'storage' | 'clock'>): InvoiceStore {
  return new InvoiceStore(deps.storage, deps.clock);
}

/** The orders an input names, as stored (missing ones are left out: the draft check names them). */
export function ordersNamed(records: RecordStore, ids: readonly string[]): InvoiceableOrder[] {
  const found: InvoiceableOrder[] = [];
  for (const id of ids) {
    const order = records.get(id);
    if (order) found.push(order);
  }
  return found;
}

function applicationOf(invoice: Invoice): InvoiceApplication {
  const title = invoice.title;
  return {
    applyId: invoice.id,
    buyer: title.kind === 'company' ? { kind: 'company', name: title.name, taxId: title.taxId } : { kind: 'personal', name: title.name },
    email: invoice.email,
    total: invoice.total,
    items: invoice.lines.map((line) => ({ orderId: line.orderId, title: line.title, amount: line.amount })),
  };
}

export type ApplyError = 'invalid' | 'unsaved';

/** Checks the form, keeps the invoice, then applies. A platform that cannot be reached is asked again later. */
export async function applyForInvoice(deps: InvoicingDeps, input: InvoiceDraftInput): Promise<Result<Invoice, ApplyError> & { field?: string }> {
  const store = invoiceStore(deps);
  const ids = Array.isArray(input.orderIds) ? input.orderIds.filter((id): id is string => typeof id === 'string') : [];
  const draft = validateInvoiceDraft(input, ordersNamed(deps.records, ids), store.list());
  if (!draft.ok) return { ok: false, error: 'invalid', message: draft.message, field: draft.error };
  const now = deps.clock.now();
  const invoice = createInvoice(draft.value, { id: newInvoiceId(now, deps.random), now });
  const saved = store.add(invoice);
  if (!saved.ok) return { ok: false, error: 'unsaved', message: saved.message };
  return { ok: true, value: await submit(deps, invoice) };
}

/** Hands the application to the platform; a refusal fails the invoice with the reason. */
async function submit(deps: InvoicingDeps, invoice: Invoice): Promise<Invoice> {
  let answer;
  try {
    answer = await deps.invoicing.request(applicationOf(invoice));
  } catch {
    return invoice;
  }
  if (answer.ok || answer.error !== 'rejected') return invoice;
  return move(deps, invoice, transitionInvoice(invoice, 'failed', deps.clock.now(), { failureReason: answer.message }));
}

function move(deps: InvoicingDeps, invoice: Invoice, moved: ReturnType<typeof transitionInvoice>): Invoice {
  if (!moved.ok) return invoice;
  invoiceStore(deps).update(moved.value);
  return moved.value;
}

export interface Followed {
  invoice: Invoice;
  /** Why the platform could not be asked this time, or ''. */
  problem: string;
}

/** Asks the platform about an invoice still 申请中, and applies refunds to it and its orders. */
export async function followInvoice(deps: InvoicingDeps, invoice: Invoice): Promise<Followed> {
  const refunded = voidRefunded(deps, [invoice]);
  let current = refunded[0] ?? invoice;
  if (current.state !== 'requested') return { invoice: current, problem: '' };
  let answer;
  try {
    answer = await deps.invoicing.status(current.id);
  } catch {
    return { invoice: current, problem: '暂时连不上开票平台，稍后会再查询' };
  }
  if (!answer.ok) {
    if (answer.error === 'not_found') current = await submit(deps, current);
    return { invoice: current, problem: answer.error === 'not_found' ? '' : `暂时查不到开票结果：${answer.message}` };
  }
  const status = answer.value;
  const now = deps.clock.now();
  if (status.state === 'issued') current = move(deps, current, transitionInvoice(current, 'issued', now, { number: status.number, issuedAt: status.issuedAt }));
  else if (status.state === 'failed') current = move(deps, current, transitionInvoice(current, 'failed', now, { failureReason: status.reason }));
  return { invoice: current, problem: '' };
}

/** Invoices whose orders have been refunded since: voided (issued) or failed (requested), stored. */
export function voidRefunded(deps: Pick<InvoicingDeps, 'storage' | 'clock' | 'records'>, invoices: readonly Invoice[]): Invoice[] {
  const live = invoices.filter((inv) => inv.state === 'issued' || inv.state === 'requested');
  if (!live.length) return [];
  const orders = ordersNamed(deps.records, [...new Set(live.flatMap((inv) => inv.lines.map((line) => line.orderId)))]);
  const changed = applyRefunds(live, orders, deps.clock.now());
  const store = invoiceStore(deps);
  for (const invoice of changed) store.update(invoice);
  return changed;
}

/** Sends an issued invoice again, to this address, and remembers where it went. */
export async function resend(deps: InvoicingDeps, invoice: Invoice, email: unknown): Promise<Result<Invoice, 'invalid' | 'failed'>> {
  const checked = resendInvoice(invoice, email, deps.clock.now());
  if (!checked.ok) return { ok: false, error: 'invalid', message: checked.message };
  const address = checked.value.sentTo[checked.value.sentTo.length - 1];
  let sent;
  try {
    sent = await deps.invoicing.resend(invoice.id, address);
  } catch {
    sent = { ok: false as const, message: '网络连接失败，请稍后重试' };
  }
  if (!sent.ok) return { ok: false, error: 'failed', message: `发送失败：${sent.message}` };
  invoiceStore(deps).update(checked.value);
  return { ok: true, value: checked.value };
}
