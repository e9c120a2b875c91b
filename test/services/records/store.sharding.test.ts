/** What is particular to the sharded store beyond the contract: layout, crash order, old data, damage, 10,000 records. */
import { ShardedRecordStore } from '../../../miniprogram/services/records/store';
import { WxKeyValueStorage } from '../../../miniprogram/services/wx/storage';
import { decodeShard, encodeShard } from '../../../miniprogram/services/records/schema';
import type { Order } from '../../../miniprogram/core/types';
import { FakeClock } from '../../support/fakes';
import { makeOrder } from '../../support/records-fixtures';
import { FaultyStorage } from '../../support/records-storage';
import { readAll } from '../../support/record-store-contract';
import { MAX_ITEM_BYTES, MAX_TOTAL_BYTES, fakeKeyValueStorage } from '../../support/wx-storage-fake';

const fake = () => globalThis.__wxStorage;
const T0 = Date.parse('2026-01-05T09:00:00+08:00');
const HOUR = 3600 * 1000;

function freshFake(): void {
  fake().clearStorageSync();
  fake().maxItemBytes = MAX_ITEM_BYTES;
  fake().maxTotalBytes = MAX_TOTAL_BYTES;
  fake().resetCounters();
}


/* ------------------------------------------------ specific to the sharding */

function orders(n: number, start = 0): Order[] {
  return Array.from({ length: n }, (_, i) =>
    makeOrder({ at: T0 + (start + i) * HOUR, serial: start + i, state: (start + i) % 9 === 0 ? 'pay_failed' : 'succeeded', discountFen: (start + i) % 3 ? 0 : 500 }),
  );
}

function newStore(shardSize?: number): ShardedRecordStore {
  const store = new ShardedRecordStore(new WxKeyValueStorage(), new FakeClock('2026-11-25T10:00:00+08:00'), shardSize ? { shardSize } : {});
  store.open();
  return store;
}

function shardKeys(): string[] {
  return fake()
    .getStorageInfoSync()
    .keys.filter((k) => k.startsWith('rec.v2.shard.'))
    .sort((a, b) => Number(a.split('.').pop()) - Number(b.split('.').pop()));
}

describe('ShardedRecordStore layout', () => {
  beforeEach(freshFake);

  test('orders go into shards of at most 50, and an append writes one index page and one shard', () => {
    const store = newStore();
    for (const o of orders(120)) store.append(o);
    expect(shardKeys()).toEqual(['rec.v2.shard.0', 'rec.v2.shard.1', 'rec.v2.shard.2']);
    const sizes = shardKeys().map((k) => (JSON.parse(fake().rawText(k)!) as { o: unknown[] }).o.length);
    expect(sizes).toEqual([50, 50, 20]);
    fake().resetCounters();
    store.append(orders(1, 500)[0]);
    expect(fake().writes.map((w) => w.key)).toEqual(['rec.v2.index.0', 'rec.v2.shard.2']);
  });

  test('the newest page reads only the newest shard after the index', () => {
    const store = newStore();
    for (const o of orders(200)) store.append(o);
    fake().resetCounters();
    const relaunched = newStore();
    const page = relaunched.page({ limit: 20 });
    expect(page.items).toHaveLength(20);
    expect(fake().reads.map((r) => r.key)).toEqual(['rec.v2.index', 'rec.v2.index.0', 'rec.v2.shard.3']);
  });

  test('get/update/remove read only the shard that can hold the id', () => {
    const all = orders(200);
    const store = newStore();
    for (const o of all) store.append(o);
    const relaunched = newStore();
    fake().resetCounters();
    expect(relaunched.get(all[75].id)).toStrictEqual(all[75]);
    expect(fake().reads.map((r) => r.key)).toEqual(['rec.v2.shard.1']);
    fake().resetCounters();
    expect(relaunched.remove(all[10].id).ok).toBe(true);
    expect(fake().reads.map((r) => r.key)).toEqual(['rec.v2.shard.0']);
    expect(fake().writes.map((w) => w.key)).toEqual(['rec.v2.index.0', 'rec.v2.shard.0']);
  });

  test('a filter skips shards whose summary cannot match', () => {
    const store = newStore();
    const list = orders(150);
    list.forEach((o, i) => {
      store.append(o);
      if (i === 74) store.append(makeOrder({ at: T0 + 10 * HOUR + 1, serial: 990, phone: '13512345678', kind: 'data' }));
    });
    fake().resetCounters();
    const relaunched = newStore();
    const found = readAll(relaunched, 20, { phone: '13512345678' });
    expect(found.map((o) => o.phone)).toEqual(['13512345678']);
    // Shard 3 is read by open() (the last write's shard is always rechecked); 0 and 2 never.
    expect(fake().reads.map((r) => r.key).filter((k) => k.startsWith('rec.v2.shard.'))).toEqual(['rec.v2.shard.3', 'rec.v2.shard.1']);
  });

  test('month totals count only charged orders (paid, succeeded), from the index alone', () => {
    const store = newStore();
    const nov = Date.parse('2026-11-01T00:00:00+08:00');
    const list = [
      makeOrder({ at: nov - 1, serial: 1, state: 'succeeded', amountFen: 10000 }), // 2026-10-31 23:59:59.999 China time
      makeOrder({ at: nov, serial: 2, state: 'succeeded', amountFen: 5000, discountFen: 300 }),
      makeOrder({ at: nov + HOUR, serial: 3, state: 'paid', amountFen: 2000 }),
      makeOrder({ at: nov + 2 * HOUR, serial: 4, state: 'pay_failed', amountFen: 9900 }),
      makeOrder({ at: nov + 3 * HOUR, serial: 5, state: 'refunded', amountFen: 9900 }),
      makeOrder({ at: nov + 4 * HOUR, serial: 6, state: 'succeeded', amountFen: 30000, region: 'PH' }),
    ];
    for (const o of list) store.append(o);
    const relaunched = newStore();
    fake().resetCounters();
    expect(relaunched.monthTotals('2026-11')).toEqual([
      { amount: 4700 + 2000, currency: 'CNY' },
      { amount: 30000, currency: 'PHP' },
    ]);
    expect(relaunched.monthTotals('2026-10')).toEqual([{ amount: 10000, currency: 'CNY' }]);
    expect(relaunched.monthTotals('2026-09')).toEqual([]);
    expect(relaunched.monthTotals('not a month')).toEqual([]);
    expect(fake().reads).toEqual([]);
    expect(relaunched.monthTotals('2026-11', { kinds: ['recharge'], phone: '13800138000' })).toEqual([{ amount: 6700, currency: 'CNY' }]);
    expect(relaunched.phones()).toEqual(['09171234567', '13800138000']);
  });
});

describe('ShardedRecordStore crash safety (index page first, then the shard)', () => {
  beforeEach(freshFake);

  test('a crash after the index page and before the shard: the relaunch recomputes that shard and the order is simply absent', () => {
    const faults = new FaultyStorage(new WxKeyValueStorage());
    const clock = new FakeClock();
    const store = new ShardedRecordStore(faults, clock);
    store.open();
    const before = orders(60);
    for (const o of before) store.append(o);
    faults.crashAfter(1);
    expect(() => store.append(orders(1, 100)[0])).toThrow('simulated crash');
    expect(faults.written.slice(-1)).toEqual(['rec.v2.index.0']);
    // The page already counts 11 orders in shard 1; the shard still holds 10.
    expect(JSON.parse(fake().rawText('rec.v2.index.0')!).t).toBe(1);
    fake().resetCounters();
    const relaunched = new ShardedRecordStore(new WxKeyValueStorage(), clock);
    expect(relaunched.open()).toEqual({ migratedFrom: null, quarantined: [] });
    expect(relaunched.count()).toBe(60);
    expect(readAll(relaunched).map((o) => o.id)).toEqual([...before].reverse().map((o) => o.id));
  });

  test('a shard key the index does not list (an orphan) is adopted on open', () => {
    const store = newStore(10);
    const list = orders(25);
    for (const o of list) store.append(o);
    const stray = orders(3, 900);
    fake().setStorageSync('rec.v2.shard.7', encodeShard(stray));
    const relaunched = newStore(10);
    expect(relaunched.count()).toBe(28);
    expect(relaunched.get(stray[1].id)).toStrictEqual(stray[1]);
    // Numbers after the orphan are used for new shards, never the orphan's own.
    for (const o of orders(10, 2000)) relaunched.append(o);
    expect(shardKeys()).toContain('rec.v2.shard.8');
  });

  test('the index lost entirely is rebuilt from the shards', () => {
    const store = newStore(10);
    const list = orders(35);
    for (const o of list) store.append(o);
    for (const key of fake().getStorageInfoSync().keys.filter((k) => k.startsWith('rec.v2.index'))) fake().removeStorageSync(key);
    const relaunched = newStore(10);
    expect(readAll(relaunched).map((o) => o.id)).toEqual([...list].reverse().map((o) => o.id));
    expect(fake().rawText('rec.v2.index')).toBeDefined();
    fake().resetCounters();
    newStore(10).page({ limit: 4 });
    expect(fake().reads.filter((r) => r.key.startsWith('rec.v2.shard.')).length).toBe(1);
  });
});

describe('ShardedRecordStore over data written before checksums', () => {
  beforeEach(freshFake);

  test('reads it as it is, reports nothing, and verify() seals every shard and page once', async () => {
    const store = newStore(10);
    const list = orders(45);
    for (const o of list) store.append(o);
    // What a build before checksums wrote: no n, k, c in shards, no k, c in pages.
    for (const [key, text] of fake().entries()) {
      const value = JSON.parse(text);
      if (key.startsWith('rec.v2.shard.') || key.startsWith('rec.v2.index.')) {
        for (const field of ['n', 'k', 'c']) delete value[field];
        fake().plantRaw(key, JSON.stringify(value));
      }
    }
    const relaunched = newStore(10);
    expect(relaunched.open()).toEqual({ migratedFrom: null, quarantined: [] });
    expect(readAll(relaunched).map((o) => o.id)).toEqual([...list].reverse().map((o) => o.id));
    fake().resetCounters();
    const checked = await relaunched.verify();
    expect(checked.quarantined).toEqual([]);
    const written = fake().writes.map((w) => w.key);
    expect(written.filter((k) => k.startsWith('rec.v2.shard.')).sort()).toEqual(['rec.v2.shard.0', 'rec.v2.shard.1', 'rec.v2.shard.2', 'rec.v2.shard.3', 'rec.v2.shard.4']);
    expect(written.filter((k) => k.startsWith('rec.v2.index.'))).toEqual(['rec.v2.index.0']);
    for (const [key, text] of fake().entries()) if (key.startsWith('rec.v2.')) expect({ key, sealed: key === 'rec.v2.index' || 'c' in JSON.parse(text) }).toEqual({ key, sealed: true });
    // Sealed now: a changed order is caught from here on.
    const shard = fake().rawText('rec.v2.shard.2')!;
    fake().plantRaw('rec.v2.shard.2', shard.replace(list[25].id, list[25].id.replace(/.$/, '9')));
    const later = newStore(10);
    await later.verify();
    expect(later.count()).toBe(44);
    expect(later.quarantined()[0]).toMatchObject({ key: 'rec.v2.shard.2', orders: 1 });
  });
});

describe('ShardedRecordStore damage', () => {
  beforeEach(freshFake);

  test('a damaged index page is copied aside and rebuilt: no order is lost', () => {
    const store = newStore(10);
    const list = orders(35);
    for (const o of list) store.append(o);
    fake().plantRaw('rec.v2.index.0', '{"v":2,"s":[["not","a","summary"]]}');
    const relaunched = newStore(10);
    const report = relaunched.open();
    expect(report.quarantined).toHaveLength(1);
    expect(report.quarantined[0]).toMatchObject({ key: 'rec.v2.index.0', raw: { v: 2, s: [['not', 'a', 'summary']] } });
    expect(report.quarantined[0].reason).toContain('索引');
    const copies = fake().entries().filter(([key]) => key.startsWith('rec.quarantine.'));
    expect(copies).toHaveLength(1);
    expect(JSON.parse(copies[0][1])).toMatchObject({ key: 'rec.v2.index.0', raw: { v: 2, s: [['not', 'a', 'summary']] } });
    expect(readAll(relaunched).map((o) => o.id)).toEqual([...list].reverse().map((o) => o.id));
    // Reported once: the next launch finds a sound index and nothing new to set aside.
    expect(newStore(10).open().quarantined).toEqual([]);
    expect(newStore(10).quarantined().map((e) => e.key)).toEqual(['rec.v2.index.0']);
  });

  test('one bad entry in a shard: that entry is copied aside, the other orders of the shard stay', () => {
    const store = newStore(10);
    const list = orders(30);
    for (const o of list) store.append(o);
    const shard = JSON.parse(fake().rawText('rec.v2.shard.1')!);
    const badEntry = shard.o[4];
    shard.o[4] = ['half', 'an', 'order'];
    fake().plantRaw('rec.v2.shard.1', JSON.stringify(shard));
    const relaunched = newStore(10);
    const seen = readAll(relaunched);
    expect(seen).toHaveLength(29);
    expect(seen.map((o) => o.id)).not.toContain(list[14].id);
    const entries = relaunched.quarantined();
    expect(entries).toHaveLength(1);
    expect(entries[0].key).toBe('rec.v2.shard.1');
    expect(entries[0].reason).toContain('1 笔订单数据损坏');
    expect(entries[0].orders).toBe(1);
    expect((entries[0].raw as { o: unknown[] }).o[4]).toEqual(['half', 'an', 'order']);
    expect((entries[0].raw as { o: unknown[] }).o[3]).toEqual(shard.o[3]);
    expect(badEntry[0]).toBe(list[14].id);
    // The shard was written back without the bad entry, so it is not reported again.
    expect((decodeShard(JSON.parse(fake().rawText('rec.v2.shard.1')!)) as { rejected: unknown[] }).rejected).toEqual([]);
    expect(newStore(10).open().quarantined).toEqual([]);
  });

  test('a shard of the wrong shape is moved aside whole; the raw value is kept, never deleted', () => {
    const store = newStore(10);
    const list = orders(30);
    for (const o of list) store.append(o);
    fake().plantRaw('rec.v2.shard.0', '[1,2,3]');
    const relaunched = newStore(10);
    expect(readAll(relaunched).map((o) => o.id)).toEqual([...list.slice(10)].reverse().map((o) => o.id));
    const entry = relaunched.quarantined().find((e) => e.key === 'rec.v2.shard.0');
    expect(entry).toMatchObject({ raw: [1, 2, 3], reason: '数据格式不对' });
    expect(relaunched.count()).toBe(20);
  });

  test('no room to copy a damaged shard aside: it stays in place, frozen, good orders still readable', () => {
    const store = newStore(10);
    const list = orders(30);
    for (const o of list) store.append(o);
    const shard = JSON.parse(fake().rawText('rec.v2.shard.1')!);
    shard.o[0] = 'garbage';
    const damagedText = JSON.stringify(shard);
    fake().plantRaw('rec.v2.shard.1', damagedText);
    fake().maxTotalBytes = fake().usedBytes() + 100;
    const relaunched = newStore(10);
    expect(readAll(relaunched)).toHaveLength(29);
    expect(fake().rawText('rec.v2.shard.1')).toBe(damagedText);
    const entry = relaunched.quarantined().find((e) => e.key === 'rec.v2.shard.1')!;
    expect(entry.reason).toContain('原样保留');
    // A change inside the frozen shard would overwrite the damaged bytes: refused while full.
    const inFrozen = list[15];
    const refused = relaunched.update({ ...inFrozen, state: 'refunded' });
    expect(refused).toMatchObject({ ok: false, error: 'quota' });
    expect(fake().rawText('rec.v2.shard.1')).toBe(damagedText);
    // New orders go to a new shard, not the frozen one.
    fake().maxTotalBytes = fake().usedBytes() + 10_000;
    expect(relaunched.append(orders(1, 700)[0]).ok).toBe(true);
    expect(fake().rawText('rec.v2.shard.1')).toBe(damagedText);
    // With room again, the next launch copies it aside and writes the good orders back.
    fake().maxTotalBytes = MAX_TOTAL_BYTES;
    const later = newStore(10);
    expect(later.quarantined().filter((e) => e.key === 'rec.v2.shard.1')).toHaveLength(1);
    expect(later.quarantined()[0].reason).not.toContain('原样保留');
    expect(later.update({ ...inFrozen, state: 'refunded' }).ok).toBe(true);
    expect(later.count()).toBe(30);
  });

  test('a damaged index with no room to copy it: kept in place, never written over; reads and writes go on', () => {
    const store = newStore(10);
    const list = orders(25);
    for (const o of list) store.append(o);
    const junk = `nonsense ${'x'.repeat(6000)}`;
    fake().plantRaw('rec.v2.index', JSON.stringify(junk));
    fake().plantRaw('rec.v2.index.0', `{"v":2,"s":[[0,"${'y'.repeat(6000)}"]]}`);
    fake().maxTotalBytes = fake().usedBytes() + 4000;
    const relaunched = newStore(10);
    expect(relaunched.open().quarantined.map((e) => e.key).sort()).toEqual(['rec.v2.index', 'rec.v2.index.0']);
    expect(readAll(relaunched)).toHaveLength(25);
    // Room for an order but not for the copies: the order is taken, the damage left alone.
    expect(relaunched.append(orders(1, 800)[0])).toEqual({ ok: true, value: undefined });
    expect(fake().rawText('rec.v2.index')).toBe(JSON.stringify(junk));
    expect(fake().rawText('rec.v2.index.0')).toBe(`{"v":2,"s":[[0,"${'y'.repeat(6000)}"]]}`);
    expect(relaunched.quarantined().every((e) => e.orders === 0 || e.orders === undefined)).toBe(true);
    const meanwhile = newStore(10);
    expect(meanwhile.count()).toBe(26);
    fake().maxTotalBytes = MAX_TOTAL_BYTES;
    const later = newStore(10);
    expect(later.count()).toBe(26);
    expect(later.quarantined().map((e) => e.raw)).toEqual(expect.arrayContaining([junk, { v: 2, s: [[0, 'y'.repeat(6000)]] }]));
    expect(fake().rawText('rec.v2.index')).toBe('{"v":2}');
    expect(newStore(10).open().quarantined).toEqual([]);
  });
});

describe('ShardedRecordStore at 10,000 records', () => {
  beforeEach(freshFake);

  test('fits the budgets: ≤ 3 MB in all, largest key far below 1 MB, newest page reads ≤ 2 %', () => {
    // Built over a fake of its own, then planted into the app's storage byte for byte,
    // which measures what a relaunch reads.
    const { storage: memory, fake: built } = fakeKeyValueStorage();
    const builder = new ShardedRecordStore(memory, new FakeClock());
    builder.open();
    const all = orders(10_000);
    expect(all.filter((o) => !builder.append(o).ok).map((o) => o.id)).toEqual([]);
    for (const [key, text] of built.entries()) fake().plantRaw(key, text);

    const used = fake().usedBytes();
    const largest = fake().largestItem();
    fake().resetCounters();
    const store = newStore();
    const page = store.page({ limit: 20 });
    const read = fake().bytesRead();
    const report = { records: store.count(), usedBytes: used, largestKey: largest, newestPageBytesRead: read, readShare: +(read / used).toFixed(4) };
    console.log(`records at 10,000: ${JSON.stringify(report)}`);

    expect(page.items.map((o) => o.id)).toEqual(all.slice(-20).reverse().map((o) => o.id));
    expect(store.count()).toBe(10_000);
    expect(used).toBeLessThanOrEqual(3 * 1024 * 1024);
    expect(largest.bytes).toBeLessThanOrEqual(32 * 1024);
    expect(read).toBeLessThanOrEqual(0.02 * used);

    // Appending costs the same at 10,000 as at 10: one index page and the newest shard,
    // both bounded; what varies is only how full the newest shard is (here 10 orders each).
    for (const o of orders(10, 20_000)) store.append(o);
    fake().resetCounters();
    expect(store.append(orders(1, 30_000)[0]).ok).toBe(true);
    const bigWrites = fake().writes.map((w) => w.bytes);
    freshFake();
    const small = newStore();
    for (const o of orders(10)) small.append(o);
    fake().resetCounters();
    small.append(orders(1, 30_000)[0]);
    const smallWrites = fake().writes.map((w) => w.bytes);
    expect(Math.abs(bigWrites[1] - smallWrites[1])).toBeLessThan(200);
    console.log(`append bytes written: at 10 records ${JSON.stringify(smallWrites)}, at 10,000 ${JSON.stringify(bigWrites)}`);
    expect(bigWrites).toHaveLength(2);
    expect(smallWrites).toHaveLength(2);
    expect(Math.max(...bigWrites)).toBeLessThanOrEqual(32 * 1024);
  });
});
