/**
 * The world of the issue-14 fault trials (test/services/records/faults/): each fault class
 * runs as seeded random trials against the sharded store over the wx storage fake, and every
 * trial is judged on the same invariants:
 * - lostOutside: an order lost that did not live in the damaged key;
 * - altered: an order that reads back different from what was written;
 * - doubled: an order shown twice;
 * - disagree: count() or a month total that does not match the rows;
 * - unreported: damage (or a loss) the store did not report, or reported with too few orders;
 * - copiesLost: a damaged value or set-aside copy that is no longer anywhere;
 * - refusedWithRoom: a write refused although storage had room for it.
 * The tally per class is printed after each file (the closing note quotes it) and must be all zero.
 */
import { isDeepStrictEqual } from 'util';
import { ShardedRecordStore } from '../../miniprogram/services/records/store';
import { WxKeyValueStorage } from '../../miniprogram/services/wx/storage';
import { chinaMonthOf } from '../../miniprogram/core/dates';
import { isCharged } from '../../miniprogram/core/order';
import type { Order, OrderState } from '../../miniprogram/core/types';
import { FakeClock } from './fakes';
import { makeOrder } from './records-fixtures';
import { FaultyStorage } from './records-storage';
import { readAll } from './record-store-contract';
import { MAX_ITEM_BYTES, MAX_TOTAL_BYTES, type WxStorageFake } from './wx-storage-fake';

export const T0 = Date.parse('2026-03-01T08:00:00+08:00');
export const HOUR = 3_600_000;
export const STATES: OrderState[] = ['created', 'awaiting_payment', 'paid', 'cancelled', 'pay_failed', 'unknown', 'succeeded', 'topup_failed', 'refunding', 'refunded'];
export const PHONES = ['13800138000', '13912345678', '18600001111', '09171234567'];

/** mulberry32: small, fast, and the same sequence on every machine. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Verdict = { trials: number; lostOutside: number; altered: number; doubled: number; disagree: number; unreported: number; copiesLost: number; refusedWithRoom: number };
const tally: Record<string, Verdict> = {};

export function verdict(name: string): Verdict {
  tally[name] ??= { trials: 0, lostOutside: 0, altered: 0, doubled: 0, disagree: 0, unreported: 0, copiesLost: 0, refusedWithRoom: 0 };
  return tally[name];
}

export class World {
  readonly random: () => number;
  readonly fake: WxStorageFake = globalThis.__wxStorage;
  readonly faults = new FaultyStorage(new WxKeyValueStorage());
  readonly clock = new FakeClock('2026-11-25T10:00:00+08:00');
  readonly shardSize: number;
  orders: Order[] = [];

  constructor(readonly seed: number, count?: number) {
    this.random = rng(seed);
    this.fake.clearStorageSync();
    this.fake.maxItemBytes = MAX_ITEM_BYTES;
    this.fake.maxTotalBytes = MAX_TOTAL_BYTES;
    this.shardSize = 3 + this.int(6);
    const store = this.launch();
    const n = count ?? 20 + this.int(50);
    for (let i = 0; i < n; i += 1) {
      const order = this.newOrder(i);
      const result = store.append(order);
      // expect() only on a failure: thousands of trials build a world each, and every expect() costs a stack trace.
      if (!result.ok) expect({ seed, i, result }).toEqual({ seed, i, result: { ok: true, value: undefined } });
      this.orders.push(order);
    }
  }

  int(n: number): number {
    return Math.floor(this.random() * n);
  }

  pick<T>(list: readonly T[]): T {
    return list[this.int(list.length)];
  }

  newOrder(i: number): Order {
    return makeOrder({
      at: T0 + i * HOUR + this.int(3) * 1000,
      serial: 1000 + i,
      state: this.pick(STATES),
      phone: this.pick(PHONES),
      kind: this.pick(['recharge', 'data', 'keep'] as const),
      amountFen: 1000 * (1 + this.int(20)),
      discountFen: this.pick([0, 0, 300]),
      region: this.random() < 0.2 ? 'PH' : 'CN',
    });
  }

  launch(): ShardedRecordStore {
    const store = new ShardedRecordStore(this.faults, this.clock, { shardSize: this.shardSize });
    store.open();
    return store;
  }

  keys(prefix = 'rec.v2.'): string[] {
    return this.fake
      .entries()
      .map(([k]) => k)
      .filter((k) => k.startsWith(prefix));
  }

  shardKeys(): string[] {
    return this.keys('rec.v2.shard.');
  }

  /** Judges the store against what was written; `damaged`: the texts of the keys damaged. */
  judge(name: string, store: ShardedRecordStore, damaged: string[], mustReport: boolean, expected = this.orders): void {
    const v = verdict(name);
    v.trials += 1;
    const rows = readAll(store, 1 + this.int(20));
    const known = new Map(expected.map((o) => [o.id, o]));
    const flaws = { lostOutside: 0, altered: 0, doubled: 0, disagree: 0, unreported: 0 };
    flaws.altered = rows.filter((o) => !isDeepStrictEqual(o, known.get(o.id))).length;
    const readIds = new Set(rows.map((o) => o.id));
    flaws.doubled = rows.length - readIds.size;
    const missing = expected.filter((o) => !readIds.has(o.id));
    flaws.lostOutside = missing.filter((o) => !damaged.some((text) => text.includes(o.id))).length;
    if (store.count() !== rows.length) flaws.disagree += 1;
    // Each row's month once: at 10,000 rows, a month-by-month rescan is most of a trial's time.
    const rowsByMonth = new Map<string, Order[]>();
    for (const o of rows) {
      const month = chinaMonthOf(o.createdAt);
      const list = rowsByMonth.get(month);
      if (list) list.push(o);
      else rowsByMonth.set(month, [o]);
    }
    for (const month of new Set(expected.map((o) => chinaMonthOf(o.createdAt)))) {
      const sums = [0, 0];
      for (const o of rowsByMonth.get(month) ?? []) if (isCharged(o.state)) sums[o.payable.currency === 'CNY' ? 0 : 1] += o.payable.amount;
      const want = [
        { amount: sums[0], currency: 'CNY' },
        { amount: sums[1], currency: 'PHP' },
      ].filter((m) => m.amount);
      if (!isDeepStrictEqual(store.monthTotals(month), want)) flaws.disagree += 1;
    }
    const reported = store.quarantined();
    if (mustReport && !reported.length) flaws.unreported += 1;
    const told = reported.reduce((sum, e) => sum + (e.orders ?? 0), 0);
    if (missing.length && told < missing.length && reported.every((e) => e.orders !== undefined)) flaws.unreported += 1;
    for (const [key, count] of Object.entries(flaws)) (v as Record<string, number>)[key] += count;
    if (Object.values(flaws).some(Boolean)) {
      // Enough to see what went wrong without rerunning.
      const detail = { missing: missing.map((o) => o.id), rows: rows.length, count: store.count(), reported: reported.map((e) => [e.key, e.orders, e.reason]) };
      console.log(`${name}, seed ${this.seed}: ${JSON.stringify(flaws)} ${JSON.stringify(detail)}`);
      expect({ name, seed: this.seed, ...flaws }).toEqual({ name, seed: this.seed, lostOutside: 0, altered: 0, doubled: 0, disagree: 0, unreported: 0 });
    }
  }

  /** Every value in `kept` is still somewhere: set aside, or in place. */
  judgeKept(name: string, store: ShardedRecordStore, kept: unknown[]): void {
    const raws = store.quarantined().map((e) => e.raw);
    const lost = kept.filter((value) => !raws.some((r) => isDeepStrictEqual(r, value))).length;
    verdict(name).copiesLost += lost;
    if (lost) console.log(`${name}, seed ${this.seed}: kept ${JSON.stringify(kept)}, set aside ${JSON.stringify(store.quarantined().map((e) => [e.key, e.raw, e.reason]))}`);
    expect({ name, seed: this.seed, copiesLost: lost }).toEqual({ name, seed: this.seed, copiesLost: 0 });
  }

  /** One more order must go in: there is room for it. */
  judgeWrites(name: string, store: ShardedRecordStore): void {
    const order = makeOrder({ at: T0 + 5000 * HOUR, serial: 999_000 + this.int(999) });
    const result = store.append(order);
    if (!result.ok) verdict(name).refusedWithRoom += 1;
    expect({ name, seed: this.seed, result }).toEqual({ name, seed: this.seed, result: { ok: true, value: undefined } });
    this.orders.push(order);
  }
}

export async function launchAndVerify(w: World): Promise<ShardedRecordStore> {
  const store = w.launch();
  await store.verify();
  return store;
}

export const seeds = (n: number, base: number) => Array.from({ length: n }, (_, i) => base + i * 7919);

/** Prints each fault class's tally after the file's trials and fails unless every count is zero. */
export function reportFaultTally(): void {
  afterAll(() => {
    const rows = Object.entries(tally).map(([name, v]) => `${name.padEnd(44)} ${JSON.stringify(v)}`);
    console.log(`issue 14 fault classes, trials and results:\n${rows.join('\n')}`);
    for (const [name, v] of Object.entries(tally)) {
      expect({ name, ...v, trials: 0 }).toEqual({ name, trials: 0, lostOutside: 0, altered: 0, doubled: 0, disagree: 0, unreported: 0, copiesLost: 0, refusedWithRoom: 0 });
    }
  });
}
