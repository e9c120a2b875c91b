/**
 * Seeded random walks against a plain Map as the model: appends, duplicate appends,
 * updates, removes, relaunches, damaged keys, full storage, failing writes and crashes
 * between writes. After every few steps the store must hold exactly the model: nothing
 * lost, nothing duplicated, newest first, every damaged key reported.
 */
import { isDeepStrictEqual } from 'util';
import { ShardedRecordStore } from '../../../miniprogram/services/records/store';
import { WxKeyValueStorage } from '../../../miniprogram/services/wx/storage';
import { decodeShard } from '../../../miniprogram/services/records/schema';
import type { Order } from '../../../miniprogram/core/types';
import type { RecordFilter, RecordStore } from '../../../miniprogram/services/contracts';
import { FakeClock } from '../../support/fakes';
import { makeOrder } from '../../support/records-fixtures';
import { FaultyStorage, SimulatedCrash } from '../../support/records-storage';
import { readAll } from '../../support/record-store-contract';
import { MAX_ITEM_BYTES, MAX_TOTAL_BYTES } from '../../support/wx-storage-fake';
import { PHONES, STATES, T0, rng } from '../../support/records-faults';

const SEEDS = 30;
const STEPS = 200;

/** How often each hard path was really taken, over all seeds (asserted at the end). */
const seen = { crashes: 0, refusedWrites: 0, quota: 0, corruptions: 0, keptInPlace: 0, reportedAtOpen: 0 };

type Mutation = { kind: 'append' | 'update' | 'remove'; id: string; next: Order | null };

class Walk {
  readonly random: () => number;
  readonly fake = globalThis.__wxStorage;
  readonly faults = new FaultyStorage(new WxKeyValueStorage());
  readonly clock = new FakeClock('2026-11-25T10:00:00+08:00');
  readonly model = new Map<string, Order>();
  /** Keys whose damage must show up in quarantined(). */
  readonly damaged = new Set<string>();
  readonly shardSize: number;
  store: RecordStore;
  serial = 0;
  log: string[] = [];

  constructor(readonly seed: number) {
    this.random = rng(seed);
    this.fake.clearStorageSync();
    this.fake.maxItemBytes = MAX_ITEM_BYTES;
    this.fake.maxTotalBytes = MAX_TOTAL_BYTES;
    this.shardSize = 3 + this.int(6);
    this.store = this.launch();
  }

  int(n: number): number {
    return Math.floor(this.random() * n);
  }

  pick<T>(list: readonly T[]): T {
    return list[this.int(list.length)];
  }

  launch(): RecordStore {
    const store = new ShardedRecordStore(this.faults, this.clock, { shardSize: this.shardSize });
    seen.reportedAtOpen += store.open().quarantined.length;
    return store;
  }

  newOrder(): Order {
    this.serial += 1;
    // Mostly in time order, sometimes far back (late imports), sometimes same instant.
    const at = this.random() < 0.15 ? T0 + this.int(50) * 3_600_000 : T0 + this.serial * 3_600_000 + this.int(3) * 1000;
    return makeOrder({
      at,
      serial: this.serial,
      state: this.pick(STATES),
      phone: this.pick(PHONES),
      kind: this.pick(['recharge', 'data', 'keep'] as const),
      amountFen: 1000 * (1 + this.int(20)),
      discountFen: this.pick([0, 0, 300]),
      region: this.random() < 0.2 ? 'PH' : 'CN',
    });
  }

  existing(): Order | undefined {
    const ids = [...this.model.keys()];
    return ids.length ? this.model.get(this.pick(ids)) : undefined;
  }

  randomMutation(): Mutation {
    const roll = this.random();
    const target = this.existing();
    if (roll < 0.65 || !target) {
      const order = this.newOrder();
      return { kind: 'append', id: order.id, next: order };
    }
    if (roll < 0.85) {
      const changed: Order = { ...target, state: this.pick(STATES), updatedAt: target.updatedAt + 1000 + this.int(5000), reconciled: this.random() < 0.3 };
      if (this.random() < 0.3) changed.failureReason = '充值失败，已原路退款'.repeat(1 + this.int(3));
      return { kind: 'update', id: target.id, next: changed };
    }
    return { kind: 'remove', id: target.id, next: null };
  }

  run(m: Mutation): ReturnType<RecordStore['append']> {
    this.log.push(`${m.kind} ${m.id}`);
    const result = m.kind === 'append' ? this.store.append(m.next!) : m.kind === 'update' ? this.store.update(m.next!) : this.store.remove(m.id);
    this.log.push(result.ok ? 'ok' : result.error);
    return result;
  }

  applyToModel(m: Mutation): void {
    if (m.next) this.model.set(m.id, m.next);
    else this.model.delete(m.id);
  }

  /** A mutation with no fault armed must succeed. */
  plain(): void {
    const m = this.randomMutation();
    const result = this.run(m);
    expect({ step: m.kind, result }).toEqual({ step: m.kind, result: { ok: true, value: undefined } });
    this.applyToModel(m);
  }

  duplicateAppend(): void {
    const target = this.existing();
    if (!target) return this.plain();
    expect(this.store.append({ ...target, state: 'succeeded' })).toMatchObject({ ok: false, error: 'duplicate' });
  }

  missing(): void {
    const ghost = makeOrder({ serial: 999_999, at: T0 - 3_600_000 });
    expect(this.store.update(ghost)).toMatchObject({ ok: false, error: 'not_found' });
    expect(this.store.remove(ghost.id)).toMatchObject({ ok: false, error: 'not_found' });
  }

  /** A mutation that may fail (full storage, failed write): on failure the model stays. */
  fallible(): void {
    const m = this.randomMutation();
    const result = this.run(m);
    this.faults.disarm();
    if (result.ok) this.applyToModel(m);
    else {
      expect(['quota', 'failed', 'item_too_large']).toContain(result.error);
      seen.refusedWrites += 1;
      if (result.error === 'quota') seen.quota += 1;
    }
  }

  squeeze(): void {
    const headroom = this.pick([0, 200, 1500, 4000]);
    this.log.push(`squeeze ${headroom}`);
    this.fake.maxTotalBytes = this.fake.usedBytes() + headroom;
    const count = 1 + this.int(3);
    for (let i = 0; i < count; i += 1) this.fallible();
    if (this.random() < 0.3) this.relaunch();
    if (this.random() < 0.3) this.corrupt(); // damage while there may be no room to copy it aside
    this.fake.maxTotalBytes = MAX_TOTAL_BYTES;
  }

  failingWrite(): void {
    const k = 1 + this.int(3);
    this.faults.failWrite(k, this.pick(['failed', 'quota'] as const));
    const also = this.random() < 0.5 ? 2 + this.int(2) : 0;
    if (also) this.faults.failWrite(also);
    this.log.push(`fail writes ${k} ${also}`);
    this.fallible();
  }

  crash(): void {
    const m = this.randomMutation();
    const before = m.kind === 'append' ? undefined : this.model.get(m.id);
    const k = this.int(4);
    this.log.push(`crash after ${k}`);
    this.faults.crashAfter(k);
    let crashed = false;
    let result: ReturnType<RecordStore['append']> | undefined;
    try {
      result = this.run(m);
    } catch (e) {
      if (!(e instanceof SimulatedCrash)) throw e;
      crashed = true;
    }
    this.faults.disarm();
    if (!crashed) {
      expect(result).toEqual({ ok: true, value: undefined });
      this.applyToModel(m);
      return;
    }
    seen.crashes += 1;
    this.store = this.launch();
    // All or nothing: the relaunch sees the order as it was before or after, never a mix.
    const found = this.store.get(m.id);
    const afterState = m.next ?? undefined;
    const whole = isDeepStrictEqual(found, before) || isDeepStrictEqual(found, afterState);
    expect({ crashedDuring: m.kind, whole }).toEqual({ crashedDuring: m.kind, whole: true });
    if (isDeepStrictEqual(found, afterState)) this.applyToModel(m);
  }

  relaunch(): void {
    this.log.push('relaunch');
    this.store = this.launch();
  }

  /** Damages one key between launches, as a bad flash write or a half-saved file would. */
  corrupt(): void {
    const keys = this.fake.getStorageInfoSync().keys.filter((k) => k.startsWith('rec.v2.'));
    if (!keys.length) return;
    const key = this.pick(keys);
    const text = this.fake.rawText(key)!;
    const isShard = key.startsWith('rec.v2.shard.');
    const decoded = isShard ? decodeShard(safeParse(text)) : null;
    const lost: string[] = [];
    const variant = this.int(3);
    if (variant === 2 && isShard && decoded?.ok) {
      const shard = JSON.parse(text) as { o: unknown[] };
      if (!shard.o.length) return;
      const at = this.int(shard.o.length);
      const victim = shard.o[at] as unknown[];
      shard.o[at] = ['bad', 'entry'];
      this.fake.plantRaw(key, JSON.stringify(shard));
      if (Array.isArray(victim) && typeof victim[0] === 'string' && decoded.orders.some((o) => o.id === victim[0])) lost.push(victim[0]);
    } else {
      // Neither is a valid head, index page or shard.
      this.fake.plantRaw(key, variant === 0 ? '{"v":2,"o":[["CR' : '{"v":2,"s":"x","o":7,"h":5}');
      if (decoded?.ok) lost.push(...decoded.orders.map((o) => o.id));
    }
    for (const id of lost) this.model.delete(id);
    this.damaged.add(key);
    seen.corruptions += 1;
    this.log.push(`corrupt ${key} v${variant} lost ${lost.length}`);
    this.relaunch();
  }

  check(): void {
    const limit = 1 + this.int(25);
    const all = readAll(this.store, limit);
    const ids = all.map((o) => o.id);
    expect(new Set(ids).size).toBe(ids.length);
    const expected = [...this.model.values()].sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : -1));
    expect(ids).toEqual(expected.map((o) => o.id));
    expect(all).toEqual(expected);
    expect(this.store.count()).toBe(this.model.size);
    const entries = this.store.quarantined();
    seen.keptInPlace += entries.filter((e) => e.reason.includes('原样保留')).length;
    const named = new Set(entries.map((e) => e.key));
    for (const key of this.damaged) expect({ key, reported: named.has(key) }).toEqual({ key, reported: true });
    const target = this.existing();
    if (target) expect(this.store.get(target.id)).toEqual(target);
    if (this.random() < 0.3) {
      const filter: RecordFilter = this.pick([
        { phone: this.pick(PHONES) },
        { states: [this.pick(STATES), this.pick(STATES)] },
        { kinds: [this.pick(['recharge', 'data', 'keep'] as const)] },
        { text: this.pick(PHONES).slice(3, 8) },
      ]);
      const filtered = readAll(this.store, limit, filter).map((o) => o.id);
      const want = expected
        .filter((o) => (!filter.phone || o.phone === filter.phone) && (!filter.states || filter.states.includes(o.state)) && (!filter.kinds || filter.kinds.includes(o.product.kind)) && (!filter.text || o.phone.includes(filter.text) || o.id.includes(filter.text)))
        .map((o) => o.id);
      expect(filtered).toEqual(want);
    }
  }

  step(): void {
    const roll = this.random();
    if (roll < 0.5) this.plain();
    else if (roll < 0.54) this.duplicateAppend();
    else if (roll < 0.56) this.missing();
    else if (roll < 0.64) this.relaunch();
    else if (roll < 0.68) this.corrupt();
    else if (roll < 0.79) this.squeeze();
    else if (roll < 0.89) this.failingWrite();
    else this.crash();
  }
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

describe('record store random walks', () => {
  const seeds = Array.from({ length: SEEDS }, (_, i) => 1000 + i * 7919);

  test.each(seeds)('seed %i: %#', (seed) => {
    const walk = new Walk(seed);
    let stats = { maxCount: 0 };
    for (let step = 0; step < STEPS; step += 1) {
      try {
        walk.step();
        if (step % 4 === 3 || step === STEPS - 1) walk.check();
      } catch (e) {
        throw new Error(`seed ${seed}, step ${step}, shard size ${walk.shardSize}: ${(e as Error).message}\nrecent: ${walk.log.slice(-16).join(' | ')}`);
      }
      stats = { maxCount: Math.max(stats.maxCount, walk.model.size) };
    }
    walk.relaunch();
    walk.check();
    expect(stats.maxCount).toBeGreaterThan(12);
  });

  afterAll(() => {
    console.log(`random walks took these paths: ${JSON.stringify(seen)}`);
    for (const [path, times] of Object.entries(seen)) expect({ path, taken: times > 5 }).toEqual({ path, taken: true });
  });
});
