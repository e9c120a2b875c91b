/**
 * The record store's arithmetic, kept apart from storage: order of records, page cursors,
 * filters, and the per-shard summaries that let a query skip shards it does not need.
 */
import type { Order, OrderState, ProductKind } from '../../core/types';
import { chinaMonthOf } from '../../core/dates';
import type { RecordFilter } from '../contracts';
import { isCharged } from '../../core/order';
import { totalledAmount } from '../../core/charge';
import { CURRENCIES, ORDER_STATES, PRODUCT_KINDS, type MonthTotal, type ShardMeta } from './schema';

/** Newest first: by createdAt, then by id, both descending. */
export function newestFirst(a: Pick<Order, 'createdAt' | 'id'>, b: Pick<Order, 'createdAt' | 'id'>): number {
  if (a.createdAt !== b.createdAt) return b.createdAt - a.createdAt;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

export interface SortKey {
  createdAt: number;
  id: string;
}

export function cursorOf(order: Pick<Order, 'createdAt' | 'id'>): string {
  return `${order.createdAt}|${order.id}`;
}

/** A cursor back to its sort key; null for anything that is not one (start from the top). */
export function parseCursor(cursor: string | null | undefined): SortKey | null {
  if (typeof cursor !== 'string') return null;
  const bar = cursor.indexOf('|');
  if (bar <= 0) return null;
  const createdAt = Number(cursor.slice(0, bar));
  if (!Number.isSafeInteger(createdAt)) return null;
  return { createdAt, id: cursor.slice(bar + 1) };
}

/** True when the order comes after the cursor in newest-first order. */
export function isAfterCursor(order: Pick<Order, 'createdAt' | 'id'>, cursor: SortKey | null): boolean {
  return cursor === null || newestFirst(cursor, order) < 0;
}

/* ---------------------------------------------------------------- filters */

export interface NormalizedFilter {
  phone: string | null;
  states: OrderState[] | null;
  kinds: ProductKind[] | null;
  /** Upper-case, separators removed; null when there is nothing to search for. */
  text: string | null;
}

/** An empty list or blank text means "no restriction", as a cleared filter chip would. */
export function normalizeFilter(filter: RecordFilter | undefined): NormalizedFilter {
  const text = typeof filter?.text === 'string' ? filter.text.replace(/[\s-]+/g, '').toUpperCase() : '';
  return {
    phone: typeof filter?.phone === 'string' && filter.phone !== '' ? filter.phone : null,
    states: Array.isArray(filter?.states) && filter.states.length ? [...filter.states] : null,
    kinds: Array.isArray(filter?.kinds) && filter.kinds.length ? [...filter.kinds] : null,
    text: text === '' ? null : text,
  };
}

export function isUnfiltered(f: NormalizedFilter): boolean {
  return f.phone === null && f.states === null && f.kinds === null && f.text === null;
}

export function orderMatches(order: Order, f: NormalizedFilter): boolean {
  if (f.phone !== null && order.phone !== f.phone) return false;
  if (f.states !== null && !f.states.includes(order.state)) return false;
  if (f.kinds !== null && !f.kinds.includes(order.product.kind)) return false;
  if (f.text !== null && !order.id.toUpperCase().includes(f.text) && !order.phone.includes(f.text)) return false;
  return true;
}

function bitsOf<T>(values: readonly T[], table: readonly T[]): number {
  return values.reduce((bits, v) => bits | (1 << table.indexOf(v)), 0);
}

/** False only when no order of the shard can match: the shard need not be read. */
export function shardMayMatch(meta: ShardMeta, f: NormalizedFilter): boolean {
  if (f.phone !== null && !meta.phones.includes(f.phone)) return false;
  if (f.states !== null && (meta.states & bitsOf(f.states, ORDER_STATES)) === 0) return false;
  if (f.kinds !== null && (meta.kinds & bitsOf(f.kinds, PRODUCT_KINDS)) === 0) return false;
  return true;
}

/* -------------------------------------------------------------- summaries */

/** The index entry for a shard holding these orders (null when there are none). */
export function summarize(n: number, orders: readonly Order[], frozen?: ShardMeta['frozen']): ShardMeta | null {
  if (!orders.length && !frozen) return null;
  const lastUse = new Map<string, number>();
  const months = new Map<string, number[]>();
  let states = 0;
  let kinds = 0;
  let oldest = Number.MAX_SAFE_INTEGER;
  let newest = 0;
  let idMin = '';
  let idMax = '';
  orders.forEach((order, i) => {
    lastUse.set(order.phone, Math.max(lastUse.get(order.phone) ?? 0, order.createdAt));
    states |= 1 << ORDER_STATES.indexOf(order.state);
    kinds |= 1 << PRODUCT_KINDS.indexOf(order.product.kind);
    oldest = Math.min(oldest, order.createdAt);
    newest = Math.max(newest, order.createdAt);
    if (i === 0 || order.id < idMin) idMin = order.id;
    if (i === 0 || order.id > idMax) idMax = order.id;
    const month = chinaMonthOf(order.createdAt);
    if (!months.has(month)) months.set(month, CURRENCIES.map(() => 0));
    if (isCharged(order.state)) {
      // A peso price is totalled as the yuan WeChat Pay took for it.
      const amount = totalledAmount(order);
      months.get(month)![CURRENCIES.indexOf(amount.currency)] += amount.amount;
    }
  });
  const monthTotals: MonthTotal[] = [...months.entries()].map(([month, amounts]) => ({ month, amounts }));
  const meta: ShardMeta = {
    n,
    count: orders.length,
    oldest: orders.length ? oldest : 0,
    newest,
    idMin,
    idMax,
    // Most recently used number first, so a number picker can list them in that order.
    phones: [...lastUse.entries()].sort((a, b) => b[1] - a[1]).map(([phone]) => phone),
    states,
    kinds,
    months: monthTotals,
  };
  if (frozen) meta.frozen = frozen;
  return meta;
}

/** True when an order with this id could be in the shard. */
export function mayHoldId(meta: ShardMeta, id: string): boolean {
  return meta.count > 0 && id >= meta.idMin && id <= meta.idMax;
}
