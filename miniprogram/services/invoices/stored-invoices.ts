/**
 * The invoices as stored, read for pages outside the invoice subpackage (the records tab,
 * the voucher), which only need to know which orders an invoice names and its state.
 * The keys are the invoice store's (pages/invoice/store/invoice-store.ts imports them
 * from here); only that store writes or repairs them, so this reader never writes: an
 * entry it cannot read is simply not counted, and the store sets it aside when it next
 * opens.
 */
import type { KeyValueStorage } from '../contracts';

export const INVOICE_INDEX_KEY = 'inv.v1.index';
export const INVOICE_ITEM_PREFIX = 'inv.v1.item.';

/** Every invoice the index lists, plus any item key it misses, raw (core/invoiceability.ts reads them defensively). */
export function storedInvoices(storage: KeyValueStorage): unknown[] {
  const index = storage.get(INVOICE_INDEX_KEY) as { ids?: unknown } | undefined;
  const ids = new Set<string>(index && Array.isArray(index.ids) ? index.ids.filter((id): id is string => typeof id === 'string') : []);
  const keys = storage.keys();
  if (keys.ok) for (const key of keys.value) if (key.startsWith(INVOICE_ITEM_PREFIX)) ids.add(key.slice(INVOICE_ITEM_PREFIX.length));
  const found: unknown[] = [];
  for (const id of ids) {
    const raw = storage.get(`${INVOICE_ITEM_PREFIX}${id}`);
    if (raw !== undefined) found.push(raw);
  }
  return found;
}
