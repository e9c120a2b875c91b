/**
 * The invoices, on local storage with the care the records get: one key per invoice
 * ('inv.v1.item.<id>') and a small index of ids ('inv.v1.index'), so adding one costs the
 * same at any count and damage to one invoice costs only that invoice.
 *
 * - Written item first, index second: a crash between leaves an item the index does not
 *   list, which the next read finds by its key and lists again. Nothing is lost.
 * - Everything read back is checked. An unreadable invoice is copied to an append-only
 *   quarantine list, then dropped from the listing; an unreadable index is copied aside
 *   and rebuilt from the item keys. While a copy cannot be made (storage full) nothing is
 *   removed or overwritten: the damaged value stays where it was, and writes wait.
 */
import { isMoney } from '../../../core/money';
import type { Result } from '../../../core/types';
import type { Clock, KeyValueStorage, QuarantinedEntry, StorageError } from '../../../services/contracts';
import { INVOICE_STATE_LABELS, type Invoice } from '../core/invoice';

export const INDEX_KEY = 'inv.v1.index';
export const ITEM_PREFIX = 'inv.v1.item.';
export const QUARANTINE_KEY = 'inv.quarantine';

export type InvoiceStoreError = StorageError | 'duplicate' | 'not_found' | 'damaged';

const MESSAGES: Record<InvoiceStoreError, string> = {
  quota: '手机上的小程序存储空间已满，发票申请没有保存，也没有提交。请在微信“设置 → 通用 → 存储空间”清理后重试',
  item_too_large: '发票数据太大，没有保存，请减少订单数后重试',
  failed: '发票保存失败，请稍后重试',
  duplicate: '这张发票已经申请过了',
  not_found: '找不到这张发票，可能不是在这台手机上申请的',
  damaged: '已保存的发票数据有损坏，且存储空间已满，暂时不能保存新的发票。请清理手机存储后重试',
};

function fail(error: InvoiceStoreError, message = MESSAGES[error]): Result<never, InvoiceStoreError> {
  return { ok: false, error, message };
}

const OK: Result<void, never> = { ok: true, value: undefined };

export function itemKey(id: string): string {
  return `${ITEM_PREFIX}${id}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
const isText = (v: unknown, max = 200): v is string => typeof v === 'string' && v.length <= max;

function isLine(v: unknown): boolean {
  return isRecord(v) && isText(v.orderId, 64) && v.orderId !== '' && isText(v.title) && isText(v.phone, 32) && isMoney(v.amount) && isTime(v.paidAt);
}

function isTitle(v: unknown): boolean {
  if (!isRecord(v) || !isText(v.name) || v.name === '') return false;
  return v.kind === 'personal' || (v.kind === 'company' && isText(v.taxId, 18));
}

/** A stored invoice this code can show and move on; anything else goes to quarantine. */
export function isInvoice(v: unknown): v is Invoice {
  return (
    isRecord(v) &&
    isText(v.id, 64) &&
    v.id !== '' &&
    typeof v.state === 'string' &&
    Object.prototype.hasOwnProperty.call(INVOICE_STATE_LABELS, v.state) &&
    isTitle(v.title) &&
    isText(v.email, 254) &&
    Array.isArray(v.lines) &&
    v.lines.length > 0 &&
    v.lines.every(isLine) &&
    isMoney(v.total) &&
    isTime(v.createdAt) &&
    isTime(v.updatedAt) &&
    Array.isArray(v.history) &&
    Array.isArray(v.sentTo) &&
    v.sentTo.every((s) => isText(s, 254)) &&
    (v.number === undefined || isText(v.number, 20)) &&
    (v.issuedAt === undefined || isTime(v.issuedAt)) &&
    (v.failureReason === undefined || isText(v.failureReason, 500)) &&
    (v.voidReason === undefined || isText(v.voidReason, 500))
  );
}

export class InvoiceStore {
  constructor(
    private readonly storage: KeyValueStorage,
    private readonly clock: Clock,
  ) {}

  /** Every readable invoice, newest first. */
  list(): Invoice[] {
    const { ids } = this.index();
    const invoices: Invoice[] = [];
    for (const id of ids) {
      const invoice = this.read(id);
      if (invoice) invoices.push(invoice);
    }
    return invoices.sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : -1));
  }

  get(id: string): Invoice | undefined {
    return typeof id === 'string' && id !== '' ? this.read(id) : undefined;
  }

  add(invoice: Invoice): Result<void, InvoiceStoreError> {
    if (!isInvoice(invoice)) return fail('failed', '发票信息不完整，没有保存，请重新填写');
    const index = this.index();
    if (index.unsafe) return fail('damaged');
    if (index.ids.includes(invoice.id) || this.storage.get(itemKey(invoice.id)) !== undefined) return fail('duplicate');
    const item = this.storage.set(itemKey(invoice.id), invoice);
    if (!item.ok) return fail(item.error);
    // Should this write fail, the item is safe: the next read lists it again from its key.
    this.storage.set(INDEX_KEY, { version: 1, ids: [...index.ids, invoice.id] });
    return OK;
  }

  update(invoice: Invoice): Result<void, InvoiceStoreError> {
    if (!isInvoice(invoice)) return fail('failed', '发票信息不完整，没有保存，请重试');
    if (!this.read(invoice.id)) return fail('not_found');
    const written = this.storage.set(itemKey(invoice.id), invoice);
    return written.ok ? OK : fail(written.error);
  }

  /** Everything ever set aside, oldest first. */
  quarantined(): QuarantinedEntry[] {
    const raw = this.storage.get(QUARANTINE_KEY);
    return Array.isArray(raw) ? (raw as QuarantinedEntry[]) : [];
  }

  // ------------------------------------------------------------------ storage

  private read(id: string): Invoice | undefined {
    const raw = this.storage.get(itemKey(id));
    if (raw === undefined) return undefined;
    if (isInvoice(raw) && raw.id === id) return raw;
    if (this.setAside(itemKey(id), raw, '发票数据无法识别').ok) this.storage.remove(itemKey(id));
    return undefined;
  }

  /** The index's ids, plus any item key it misses (a crash between the two writes); rebuilt when unreadable. */
  private index(): { ids: string[]; unsafe: boolean } {
    const raw = this.storage.get(INDEX_KEY);
    const stored = isRecord(raw) && raw.version === 1 && Array.isArray(raw.ids) && raw.ids.every((id) => typeof id === 'string') ? (raw.ids as string[]) : null;
    let unsafe = false;
    if (raw !== undefined && stored === null) {
      const aside = this.setAside(INDEX_KEY, raw, '发票索引无法识别');
      unsafe = !aside.ok;
    }
    const ids = [...new Set(stored ?? [])];
    const listed = this.storage.keys();
    // A listing that failed is not an empty one: the index is not rewritten until one works.
    if (!listed.ok) unsafe = true;
    const missed = (listed.ok ? listed.value : [])
      .filter((key) => key.startsWith(ITEM_PREFIX))
      .map((key) => key.slice(ITEM_PREFIX.length))
      .filter((id) => !ids.includes(id));
    if ((missed.length || (raw !== undefined && stored === null)) && !unsafe) {
      ids.push(...missed);
      this.storage.set(INDEX_KEY, { version: 1, ids });
    } else {
      ids.push(...missed);
    }
    return { ids, unsafe };
  }

  private setAside(key: string, raw: unknown, reason: string): Result<void, InvoiceStoreError> {
    const existing = this.storage.get(QUARANTINE_KEY);
    const at = this.clock.now();
    const list: unknown[] = existing === undefined ? [] : Array.isArray(existing) ? existing : [{ key: QUARANTINE_KEY, raw: existing, reason: 'quarantine list unreadable', at }];
    const saved = this.storage.set(QUARANTINE_KEY, [...list, { key, raw, reason, at } satisfies QuarantinedEntry]);
    return saved.ok ? OK : fail(saved.error);
  }
}
