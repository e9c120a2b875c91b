/**
 * Storage figures of the record store against WeChat's limits (1 MB a key, 10 MB in all),
 * for the sharded store the app uses and the naive one-array baseline, from the same
 * orders in the same run:
 * - bytes stored and the largest key, once the store holds N orders;
 * - bytes read to show the newest page after a relaunch (a fresh store instance: open()
 *   plus the first page), and that as a share of the bytes stored;
 * - bytes written (and read) by one more append on a freshly opened store.
 * Byte counts come from WxStorageFake (key + JSON text in UTF-8), so they are exact and
 * repeat run to run. Timings are only ever compared as ratios.
 */
import { performance } from 'perf_hooks';
import type { Order } from '../../miniprogram/core/types';
import type { RecordStore } from '../../miniprogram/services/contracts';
import { ShardedRecordStore } from '../../miniprogram/services/records/store';
import { PAGE_SIZE } from '../../miniprogram/pages/records/view';
import { MAX_ITEM_BYTES } from '../../test/support/wx-storage-fake';
import { FakeClock } from '../../test/support/fakes';
import { makeOrders } from './orders';
import { NAIVE_KEY, NaiveRecordStore } from './naive-store';
import { bytesWritten, intoWxFake, storageOver, unlimitedFake } from './storage';
import type { WxStorageFake } from '../../test/support/wx-storage-fake';
import type { WxKeyValueStorage } from '../../miniprogram/services/wx/storage';

export interface StoreFigures {
  store: 'sharded' | 'naive';
  /** Orders the figures are for. */
  count: number;
  /** False when this many orders cannot be stored at all (a key over 1 MB, or over 10 MB in all). */
  fits: boolean;
  failure: string | null;
  /** Bytes stored (or, when it does not fit, bytes it would need). */
  storageBytes: number;
  keys: number;
  largestKey: { key: string; bytes: number };
  newestPage: { limit: number; openBytes: number; pageBytes: number; bytesRead: number; share: number; items: number };
  /** The append of order N + 1 on a freshly opened store. */
  append: AppendCost;
  /**
   * The next APPEND_WINDOW appends one after another: a shard fills up over them, so the
   * first append alone may catch the cheapest moment (a new, empty shard).
   */
  appendWindow: { appends: number; meanBytesWritten: number; maxBytesWritten: number; maxBytesRead: number } | null;
}

export interface AppendCost {
  bytesWritten: number;
  bytesRead: number;
  writes: number;
  ok: boolean;
}

/** One full shard's worth of appends (the store's default shard size). */
export const APPEND_WINDOW = 50;
const TIMED_RUNS = 15;

export interface StoreComparison {
  sharded: StoreFigures[];
  naive: StoreFigures[];
  /** The most orders the naive store's one key can hold, and its figures just below that. */
  naiveCapacity: number;
  naiveAtCapacity: StoreFigures | null;
  /**
   * naive / sharded bytes written by one append, per count: against the sharded store's
   * dearest append in the window (the conservative ratio) and its mean. For a count the
   * naive store cannot hold, its side is what the rewrite would need.
   */
  appendBytesRatio: Record<number, { worst: number; mean: number }>;
  /** naive / sharded wall time, never asserted: append, and relaunch + newest page. */
  timeRatios: { count: number; append: number; newestPage: number } | null;
  buildMs: number;
}

const clock = new FakeClock('2026-11-25T10:00:00+08:00');

/** Reads the newest page the way the records page does after a relaunch. */
function measureNewestPage(fake: WxStorageFake, open: () => { page(): Order[] }): StoreFigures['newestPage'] {
  fake.resetCounters();
  const store = open();
  const openBytes = fake.bytesRead();
  const items = store.page();
  const bytesRead = fake.bytesRead();
  const stored = fake.usedBytes();
  fake.resetCounters();
  return { limit: PAGE_SIZE, openBytes, pageBytes: bytesRead - openBytes, bytesRead, share: stored ? bytesRead / stored : 0, items: items.length };
}

function measureAppend(fake: WxStorageFake, append: () => boolean): AppendCost {
  fake.resetCounters();
  const ok = append();
  const figures = { bytesWritten: bytesWritten(fake), bytesRead: fake.bytesRead(), writes: fake.writes.length, ok };
  fake.resetCounters();
  return figures;
}

function openSharded(storage: WxKeyValueStorage): RecordStore {
  const store = new ShardedRecordStore(storage, clock);
  store.open();
  return store;
}

function shardedFigures(snapshot: WxStorageFake, count: number, orders: Order[]): StoreFigures {
  const { fake, rejected } = intoWxFake(snapshot);
  const storage = storageOver(fake);
  const stored = { storageBytes: fake.usedBytes(), keys: fake.getStorageInfoSync().keys.length, largestKey: fake.largestItem() };
  const newestPage = measureNewestPage(fake, () => {
    const store = openSharded(storage);
    return { page: () => store.page({ limit: PAGE_SIZE }).items };
  });
  const store = openSharded(storage);
  const costs: AppendCost[] = [];
  for (let i = 0; i < APPEND_WINDOW; i += 1) costs.push(measureAppend(fake, () => store.append(orders[count + i]).ok));
  const appendWindow = {
    appends: costs.length,
    meanBytesWritten: Math.round(costs.reduce((sum, c) => sum + c.bytesWritten, 0) / costs.length),
    maxBytesWritten: Math.max(...costs.map((c) => c.bytesWritten)),
    maxBytesRead: Math.max(...costs.map((c) => c.bytesRead)),
  };
  if (costs.some((c) => !c.ok)) throw new Error(`sharded store refused an append after ${count} orders`);
  return {
    store: 'sharded',
    count,
    fits: rejected.length === 0,
    failure: rejected.length ? rejected.map((r) => `${r.key}: ${r.reason}`).join('; ') : null,
    ...stored,
    newestPage,
    append: costs[0],
    appendWindow,
  };
}

function naiveFigures(orders: Order[], count: number): StoreFigures {
  const held = orders.slice(0, count);
  const needs = NaiveRecordStore.bytesFor(held);
  if (needs > MAX_ITEM_BYTES) {
    return {
      store: 'naive',
      count,
      fits: false,
      failure: `one key would need ${needs} bytes, over WeChat's 1 MB (${MAX_ITEM_BYTES}) per key: setStorageSync fails with "exceed storage item max length"`,
      storageBytes: needs,
      keys: 1,
      largestKey: { key: NAIVE_KEY, bytes: needs },
      newestPage: { limit: PAGE_SIZE, openBytes: 0, pageBytes: needs, bytesRead: needs, share: 1, items: PAGE_SIZE },
      append: { bytesWritten: NaiveRecordStore.bytesFor(orders.slice(0, count + 1)), bytesRead: needs, writes: 1, ok: false },
      appendWindow: null,
    };
  }
  const source = unlimitedFake();
  storageOver(source).set(NAIVE_KEY, held);
  const { fake } = intoWxFake(source);
  const storage = storageOver(fake);
  const stored = { storageBytes: fake.usedBytes(), keys: 1, largestKey: fake.largestItem() };
  const newestPage = measureNewestPage(fake, () => {
    const store = new NaiveRecordStore(storage);
    return { page: () => store.newest(PAGE_SIZE) };
  });
  const append = measureAppend(fake, () => new NaiveRecordStore(storage).append(orders[count]).ok);
  return { store: 'naive', count, fits: true, failure: null, ...stored, newestPage, append, appendWindow: null };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Median wall time of `runs` calls of fn(i). */
function timeEach(runs: number, fn: (i: number) => void): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    fn(i);
    times.push(performance.now() - started);
  }
  return median(times);
}

/** Append and relaunch-to-newest-page times, naive over sharded, both on plain JSON storage. */
function timeRatios(snapshot: WxStorageFake, orders: Order[], count: number): StoreComparison['timeRatios'] {
  const runs = TIMED_RUNS;
  const sharedStorage = storageOver(snapshot.clone());
  const sharded = new ShardedRecordStore(sharedStorage, clock);
  sharded.open();
  const shardedAppend = timeEach(runs, (i) => sharded.append(orders[count + i]));
  const naiveStorage = storageOver(unlimitedFake());
  naiveStorage.set(NAIVE_KEY, orders.slice(0, count));
  const naive = new NaiveRecordStore(naiveStorage);
  const naiveAppend = timeEach(runs, (i) => naive.append(orders[count + i]));
  const shardedPage = timeEach(runs, () => {
    const store = new ShardedRecordStore(sharedStorage, clock);
    store.page({ limit: PAGE_SIZE });
  });
  const naivePage = timeEach(runs, () => new NaiveRecordStore(naiveStorage).newest(PAGE_SIZE));
  return { count, append: naiveAppend / shardedAppend, newestPage: naivePage / shardedPage };
}

export interface CompareOptions {
  counts: number[];
  /** Also time append and newest page at the first count (bench only; tests skip it). */
  withTimings?: boolean;
}

/** Builds the sharded store up to the largest count through its own append(), snapshotting at each count. */
export function compareStores(options: CompareOptions): StoreComparison {
  const counts = [...options.counts].sort((a, b) => a - b);
  const max = counts[counts.length - 1];
  const started = performance.now();
  const orders = makeOrders(max + APPEND_WINDOW + TIMED_RUNS);
  const building = unlimitedFake();
  const builder = new ShardedRecordStore(storageOver(building), clock);
  builder.open();
  const snapshots = new Map<number, WxStorageFake>();
  for (let i = 0; i < max; i += 1) {
    const result = builder.append(orders[i]);
    if (!result.ok) throw new Error(`sharded store refused order ${i + 1}: ${result.error} ${result.message}`);
    if (counts.includes(i + 1)) snapshots.set(i + 1, building.clone());
  }
  const buildMs = performance.now() - started;

  const sharded = counts.map((count) => shardedFigures(snapshots.get(count) as WxStorageFake, count, orders));
  const naive = counts.map((count) => naiveFigures(orders, count));
  const naiveCapacity = NaiveRecordStore.capacity(orders, MAX_ITEM_BYTES);
  const naiveAtCapacity = naiveCapacity > 0 && naiveCapacity <= orders.length ? naiveFigures(orders, naiveCapacity - 1) : null;
  const appendBytesRatio: StoreComparison['appendBytesRatio'] = {};
  counts.forEach((count, i) => {
    const window = sharded[i].appendWindow;
    const worst = window ? window.maxBytesWritten : sharded[i].append.bytesWritten;
    const mean = window ? window.meanBytesWritten : sharded[i].append.bytesWritten;
    appendBytesRatio[count] = { worst: naive[i].append.bytesWritten / Math.max(1, worst), mean: naive[i].append.bytesWritten / Math.max(1, mean) };
  });
  const first = counts[0];
  return {
    sharded,
    naive,
    naiveCapacity,
    naiveAtCapacity,
    appendBytesRatio,
    timeRatios: options.withTimings ? timeRatios(snapshots.get(first) as WxStorageFake, orders, first) : null,
    buildMs,
  };
}
