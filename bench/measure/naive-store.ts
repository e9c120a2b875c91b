/**
 * The baseline the sharded store is measured against: what a first version usually does,
 * one array of plain order objects under one key, read whole and rewritten whole on
 * every append. Only what the figures need: append, the newest page, and the size.
 */
import type { Order } from '../../miniprogram/core/types';
import type { KeyValueStorage, RecordStoreError } from '../../miniprogram/services/contracts';
import type { Result } from '../../miniprogram/core/types';

export const NAIVE_KEY = 'records';

export class NaiveRecordStore {
  constructor(private readonly storage: KeyValueStorage) {}

  private all(): Order[] {
    const value = this.storage.get(NAIVE_KEY);
    return Array.isArray(value) ? (value as Order[]) : [];
  }

  append(order: Order): Result<void, RecordStoreError> {
    const orders = this.all();
    orders.push(order);
    const written = this.storage.set(NAIVE_KEY, orders);
    return written.ok ? { ok: true, value: undefined } : { ok: false, error: written.error, message: written.message };
  }

  /** Newest first: the whole array must be read to show any of it. */
  newest(limit: number): Order[] {
    return this.all()
      .sort((a, b) => b.createdAt - a.createdAt)
      .slice(0, limit);
  }

  /** What one rewrite of n orders costs: key + JSON text, in UTF-8 bytes (as the fake counts). */
  static bytesFor(orders: readonly Order[]): number {
    return Buffer.byteLength(NAIVE_KEY) + Buffer.byteLength(JSON.stringify(orders));
  }

  /**
   * The most orders (a prefix of `orders`) one key can hold under `maxItemBytes`,
   * computed from each order's JSON length: '[' + items joined by ',' + ']'.
   */
  static capacity(orders: readonly Order[], maxItemBytes: number): number {
    let bytes = Buffer.byteLength(NAIVE_KEY) + 2;
    for (let i = 0; i < orders.length; i += 1) {
      bytes += Buffer.byteLength(JSON.stringify(orders[i])) + (i > 0 ? 1 : 0);
      if (bytes > maxItemBytes) return i;
    }
    return orders.length;
  }
}
