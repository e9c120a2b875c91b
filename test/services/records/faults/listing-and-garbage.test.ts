/** Issue-14 fault trials: listing and garbage (the world and the invariants: test/support/records-faults.ts). */
import { LEGACY_V1_KEY, type LegacyV1Record } from '../../../../miniprogram/services/records/schema';
import { makeOrder } from '../../../support/records-fixtures';
import { SimulatedCrash } from '../../../support/records-storage';
import { readAll } from '../../../support/record-store-contract';
import { MAX_TOTAL_BYTES } from '../../../support/wx-storage-fake';
import { T0, HOUR, verdict, World, launchAndVerify, seeds, reportFaultTally } from '../../../support/records-faults';

reportFaultTally();

describe('1. a listing or info call that fails', () => {
  test('at launch (keys() failing, or getStorageInfoSync throwing under the adapter): never read as empty', async () => {
    for (const seed of seeds(120, 11)) {
      const w = new World(seed);
      const before = w.fake.entries();
      const failures = 1 + w.int(6);
      if (w.random() < 0.5) w.faults.failListing(failures);
      else w.fake.failNextInfo(failures);
      const store = w.launch();
      const order = makeOrder({ at: T0 + 4000 * HOUR, serial: 888_000 + w.int(999) });
      const result = store.append(order);
      if (failures >= 3) {
        // Three tries at open, three more before the write: read-only until a listing works.
        if (failures >= 6) {
          expect(result).toMatchObject({ ok: false, error: 'unavailable' });
          expect(w.fake.entries()).toEqual(before);
          expect(store.open().readOnly).toMatch(/[\u4e00-\u9fa5]/);
        }
      }
      if (result.ok) w.orders.push(order);
      w.faults.disarm();
      w.fake.healFaults();
      const later = await launchAndVerify(w);
      w.judge('1 listing/info fails at launch', later, [], false);
      w.judgeWrites('1 listing/info fails at launch', later);
    }
  });

  test('reads that fail at launch (getStorageSync throwing): nothing lost once they work again', async () => {
    for (const seed of seeds(80, 13)) {
      const w = new World(seed);
      w.fake.failNextReads(1 + w.int(12));
      const store = w.launch();
      store.page({ limit: 20 });
      await store.verify();
      w.fake.healFaults();
      // Shards unreadable at the first launch are back, untouched.
      const later = await launchAndVerify(w);
      w.judge('1 reads fail at launch', later, [], false);
    }
  });
});

describe('2. near-1 MB of garbage in each kind of key', () => {
  const kinds = ['head', 'index page', 'shard', 'v1', 'set-aside copy'] as const;
  test.each(kinds)('%s: reported, kept, writes go on while there is room', async (kind) => {
    for (const seed of seeds(12, 17 + kinds.indexOf(kind))) {
      const w = new World(seed, 30);
      if (kind === 'set-aside copy') {
        // An earlier copy to be damaged.
        w.fake.plantRaw(w.pick(w.shardKeys()), '{"earlier":true}');
        await launchAndVerify(w);
        w.orders = w.orders.filter((o) => w.launch().get(o.id));
      }
      const key =
        kind === 'head' ? 'rec.v2.index' : kind === 'index page' ? 'rec.v2.index.0' : kind === 'shard' ? w.pick(w.shardKeys()) : kind === 'v1' ? LEGACY_V1_KEY : w.keys('rec.quarantine.')[0];
      const original = w.fake.rawText(key) ?? '';
      // Just under WeChat's 1 MB a key (key and JSON text in UTF-8): no copy of it with its reason fits in one key.
      const garbage = `${'垃圾'.repeat(50_000)}${'#'.repeat(1024 * 1024 - 100 - Buffer.byteLength(key) - 300_000 - 2)}`;
      w.fake.plantRaw(key, JSON.stringify(garbage));
      const roomy = w.random() < 0.6;
      if (!roomy) w.fake.maxTotalBytes = w.fake.usedBytes() + 20_000;
      const store = await launchAndVerify(w);
      w.judge(`2 garbage: ${kind}`, store, [original], kind !== 'set-aside copy');
      w.judgeKept(`2 garbage: ${kind}`, store, [garbage]);
      w.judgeWrites(`2 garbage: ${kind}`, store);
      w.fake.maxTotalBytes = MAX_TOTAL_BYTES;
      const later = await launchAndVerify(w);
      w.judge(`2 garbage: ${kind}`, later, [original], false);
      w.judgeKept(`2 garbage: ${kind}`, later, [garbage]);
      // With room, the key no longer holds the garbage (set aside, key repaired or removed) — a copy's own damage stays.
      if (kind !== 'set-aside copy') expect(w.fake.rawText(key) === JSON.stringify(garbage)).toBe(false);
    }
  });
});

describe('3. the v1 array rewritten after the upgrade (an older build run again)', () => {
  function v1Record(i: number, over: Partial<LegacyV1Record> = {}): LegacyV1Record {
    const at = Date.parse('2025-01-01T09:00:00+08:00') + i * 86_400_000;
    return {
      id: `CR2025${String(i).padStart(16, '0')}`,
      phone: '13800138000',
      carrier: 'cmcc',
      productId: 'cmcc-50',
      productName: '充值 50 元',
      type: 'recharge',
      faceValue: 50,
      price: 49.5,
      status: 'success',
      createTime: at,
      payTime: at + 20_000,
      ...over,
    };
  }

  test('merged by id, never deleted unread; what differs is set aside; a kill at any write loses nothing', async () => {
    for (const seed of seeds(60, 19)) {
      const w = new World(seed, 10);
      const original = Array.from({ length: 20 + w.int(180) }, (_, i) => v1Record(i));
      w.fake.setStorageSync(LEGACY_V1_KEY, original);
      await launchAndVerify(w);
      expect(w.fake.rawText(LEGACY_V1_KEY)).toBeUndefined();
      // The older build writes 'records' again: some of the old records, some new, one it changed.
      const again = original.filter(() => w.random() < 0.6);
      const added = Array.from({ length: 1 + w.int(30) }, (_, i) => v1Record(1000 + i, { price: 9.9, faceValue: 10 }));
      const changed = w.random() < 0.5 && again.length ? [{ ...again[0], status: 'refunded' as const }] : [];
      const rewritten = [...again.slice(changed.length), ...changed, ...added];
      w.fake.setStorageSync(LEGACY_V1_KEY, rewritten);
      if (w.random() < 0.5) {
        w.faults.crashAfter(w.int(8));
        try {
          await launchAndVerify(w);
        } catch (e) {
          if (!(e instanceof SimulatedCrash)) throw e;
        }
        w.faults.disarm();
      }
      const store = await launchAndVerify(w);
      const expectedIds = [...original, ...added].map((r) => r.id);
      const rows = readAll(store, 50);
      const verdictName = '3 v1 rewritten after upgrade';
      const v = verdict(verdictName);
      v.trials += 1;
      const lost = expectedIds.filter((id) => !rows.some((o) => o.id === id)).length;
      v.lostOutside += lost;
      v.doubled += rows.length - new Set(rows.map((o) => o.id)).size;
      if (store.count() !== rows.length) v.disagree += 1;
      expect({ seed, lost, doubled: rows.length - new Set(rows.map((o) => o.id)).size }).toEqual({ seed, lost: 0, doubled: 0 });
      expect(w.fake.rawText(LEGACY_V1_KEY)).toBeUndefined();
      if (changed.length) w.judgeKept(verdictName, store, [[changed[0]]]);
      // The v2 orders written in between are all still there, untouched.
      for (const o of w.orders) expect(store.get(o.id)).toStrictEqual(o);
    }
  });
});

describe('5. set-aside copies while listings fail', () => {
  test('no copy ever overwrites another, whatever the listing does', async () => {
    for (const seed of seeds(60, 31)) {
      const w = new World(seed);
      const planted: unknown[] = [];
      // Only sound shards are damaged: damage left in place for want of a copy is not overwritten by the test itself.
      const sound = () => w.shardKeys().filter((k) => !w.fake.rawText(k)!.startsWith('{"damaged"'));
      for (let round = 0; round < 3 && sound().length; round += 1) {
        const key = w.pick(sound());
        const text = w.fake.rawText(key)!;
        const value = { damaged: round, seed };
        w.fake.plantRaw(key, JSON.stringify(value));
        planted.push(value);
        w.orders = w.orders.filter((o) => !text.includes(o.id));
        w.faults.failListing(w.int(3));
        // Reads of set-aside keys fail now and then too (the copy then waits).
        if (w.random() < 0.3) w.faults.failReads(2, (k) => k.startsWith('rec.quarantine.'));
        await launchAndVerify(w);
        w.faults.disarm();
      }
      const store = await launchAndVerify(w);
      w.judge('5 copies while listings fail', store, [], true);
      w.judgeKept('5 copies while listings fail', store, planted);
    }
  });
});
