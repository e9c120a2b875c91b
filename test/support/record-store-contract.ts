/**
 * The behaviour every RecordStore must have, written against the interface only, so the
 * same suite can run against another implementation (a cloud-backed one, a fake).
 * The harness gives a fresh store over wx storage with real limits, a way to relaunch
 * (a new instance over the same storage), and a storage adapter that can crash the app
 * between writes or fail one chosen write.
 */
import { isDeepStrictEqual } from 'util';
import type { Order } from '../../miniprogram/core/types';
import { chinaMonthOf } from '../../miniprogram/core/dates';
import { isCharged } from '../../miniprogram/core/order';
import type { RecordFilter, RecordStore } from '../../miniprogram/services/contracts';
import { makeOrder } from './records-fixtures';
import { FaultyStorage, SimulatedCrash } from './records-storage';
import type { WxStorageFake } from './wx-storage-fake';

export interface ContractHarness {
  /** The wx storage fake underneath (real 1 MB / 10 MB limits unless a test shrinks them). */
  fake: WxStorageFake;
  /** The adapter the store writes through. */
  faults: FaultyStorage;
  /** A new store instance over the same storage, opened: what a relaunch does. */
  launch(): RecordStore;
}

const T0 = Date.parse('2026-01-05T09:00:00+08:00');
const HOUR = 3600 * 1000;

/** Everything the store holds, newest first, walked through pages of `limit`. */
export function readAll(store: RecordStore, limit = 7, filter?: RecordFilter): Order[] {
  const out: Order[] = [];
  let before: string | null = null;
  for (let guard = 0; guard < 10_000; guard += 1) {
    const page = store.page({ before, limit, filter });
    out.push(...page.items);
    if (!page.nextCursor) return out;
    before = page.nextCursor;
  }
  throw new Error('paging did not end');
}

function ids(orders: Order[]): string[] {
  return orders.map((o) => o.id);
}

function expectedOrder(orders: Order[]): string[] {
  return ids([...orders].sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : -1)));
}

/** Sixty orders over four months, two numbers, all three kinds and many states. */
function seedOrders(): Order[] {
  const states: Order['state'][] = ['succeeded', 'paid', 'pay_failed', 'cancelled', 'unknown', 'succeeded', 'refunded', 'awaiting_payment', 'topup_failed', 'refunding'];
  const kinds: Order['product']['kind'][] = ['recharge', 'data', 'keep'];
  return Array.from({ length: 60 }, (_, i) =>
    makeOrder({
      at: T0 + Math.floor(i / 2) * 97 * HOUR, // pairs share a createdAt: id breaks the tie
      serial: 1000 + ((i * 37) % 60),
      state: states[i % states.length],
      kind: kinds[i % 3],
      phone: i % 4 === 0 ? '13912345678' : '13800138000',
      amountFen: 1000 * (1 + (i % 5)),
      region: i % 10 === 9 ? 'PH' : 'CN',
    }),
  );
}

export function recordStoreContract(name: string, makeHarness: () => ContractHarness): void {
  describe(`RecordStore contract: ${name}`, () => {
    let h: ContractHarness;
    let store: RecordStore;
    let seeded: Order[];

    function seed(): void {
      seeded = seedOrders();
      for (const order of seeded) expect(store.append(order)).toEqual({ ok: true, value: undefined });
    }

    beforeEach(() => {
      h = makeHarness();
      store = h.launch();
      seeded = [];
    });

    describe('empty', () => {
      test('holds nothing and says so', () => {
        expect(store.count()).toBe(0);
        expect(store.page({ limit: 20 })).toEqual({ items: [], nextCursor: null });
        expect(store.get('CR20260105090000000001')).toBeUndefined();
        expect(store.pending()).toEqual([]);
        expect(store.quarantined()).toEqual([]);
        expect(store.open()).toEqual({ migratedFrom: null, quarantined: [] });
      });
    });

    describe('append, get, page', () => {
      test('an appended order reads back equal, also after a relaunch', () => {
        const order = makeOrder({ state: 'succeeded', discountFen: 500 });
        expect(store.append(order)).toEqual({ ok: true, value: undefined });
        expect(store.get(order.id)).toStrictEqual(order);
        expect(h.launch().get(order.id)).toStrictEqual(order);
        expect(h.launch().count()).toBe(1);
      });

      test('an order id is stored once: a second append is a duplicate and changes nothing', () => {
        const order = makeOrder({ state: 'paid' });
        store.append(order);
        const again = store.append({ ...order, state: 'succeeded' });
        expect(again).toMatchObject({ ok: false, error: 'duplicate' });
        expect(!again.ok && again.message).toMatch(/[\u4e00-\u9fa5]/);
        expect(store.get(order.id)?.state).toBe('paid');
        expect(store.count()).toBe(1);
      });

      test('an order that is not a valid order is refused with a message, nothing stored', () => {
        const broken = { ...makeOrder(), payable: { amount: 49.5, currency: 'CNY' } } as unknown as Order;
        const result = store.append(broken);
        expect(result).toMatchObject({ ok: false, error: 'failed' });
        expect(!result.ok && result.message).toContain('实付');
        expect(store.count()).toBe(0);
      });

      test.each([1, 7, 20, 59, 60, 61])('pages of %i walk every order once, newest first by createdAt then id', (limit) => {
        seed();
        const walked = readAll(store, limit);
        expect(ids(walked)).toEqual(expectedOrder(seeded));
        expect(new Set(ids(walked)).size).toBe(60);
      });

      test('the first page has the newest orders and a cursor; the last page has none', () => {
        seed();
        const first = store.page({ limit: 20 });
        expect(ids(first.items)).toEqual(expectedOrder(seeded).slice(0, 20));
        expect(first.nextCursor).not.toBeNull();
        const rest = store.page({ before: first.nextCursor, limit: 100 });
        expect(rest.items).toHaveLength(40);
        expect(rest.nextCursor).toBeNull();
      });

      test.each([['garbage'], [''], ['|'], ['12x|CR']])('a cursor that is not one (%p) starts from the top', (cursor) => {
        seed();
        expect(ids(store.page({ before: cursor, limit: 3 }).items)).toEqual(expectedOrder(seeded).slice(0, 3));
      });

      test('count and order survive a relaunch', () => {
        seed();
        const again = h.launch();
        expect(again.count()).toBe(60);
        expect(ids(readAll(again, 13))).toEqual(expectedOrder(seeded));
      });
    });

    describe('filters', () => {
      beforeEach(seed);

      test.each<[string, RecordFilter, (o: Order) => boolean]>([
        ['by number', { phone: '13912345678' }, (o) => o.phone === '13912345678'],
        ['by states', { states: ['succeeded', 'paid'] }, (o) => o.state === 'succeeded' || o.state === 'paid'],
        ['by kinds', { kinds: ['data'] }, (o) => o.product.kind === 'data'],
        ['by kind and state', { kinds: ['keep'], states: ['succeeded'] }, (o) => o.product.kind === 'keep' && o.state === 'succeeded'],
        ['by number and kind', { phone: '13800138000', kinds: ['recharge'] }, (o) => o.phone === '13800138000' && o.product.kind === 'recharge'],
        ['by part of a number', { text: '1234' }, (o) => o.phone.includes('1234')],
        ['by a spaced number', { text: '139 1234 5678' }, (o) => o.phone === '13912345678'],
        ['empty lists mean no restriction', { states: [], kinds: [], text: '  ' }, () => true],
        ['a number never seen', { phone: '13000000000' }, () => false],
      ])('%s', (_label, filter, predicate) => {
        const expected = expectedOrder(seeded.filter(predicate));
        expect(ids(readAll(store, 4, filter))).toEqual(expected);
      });

      test('search by order number, in any case', () => {
        const target = seeded[17];
        const found = readAll(store, 20, { text: target.id.slice(-8).toLowerCase() });
        expect(ids(found)).toContain(target.id);
        expect(found.every((o) => o.id.includes(target.id.slice(-8)))).toBe(true);
        expect(ids(readAll(store, 20, { text: target.id.toLowerCase() }))).toEqual([target.id]);
      });
    });

    describe('the queries the records page uses: all, phones, monthTotals', () => {
      /** What month totals must be, worked out from the orders themselves. */
      function expectedTotals(orders: Order[], month: string): { amount: number; currency: string }[] {
        const sums = new Map<string, number>();
        for (const o of orders) {
          if (chinaMonthOf(o.createdAt) !== month || !isCharged(o.state)) continue;
          sums.set(o.payable.currency, (sums.get(o.payable.currency) ?? 0) + o.payable.amount);
        }
        return ['CNY', 'PHP'].filter((c) => sums.get(c)).map((currency) => ({ amount: sums.get(currency) as number, currency }));
      }

      test('all() is every matching order newest first, the same as walking the pages', () => {
        seed();
        expect(ids(store.all())).toEqual(expectedOrder(seeded));
        const filter: RecordFilter = { phone: '13800138000', kinds: ['data'] };
        expect(ids(store.all(filter))).toEqual(ids(readAll(store, 5, filter)));
        expect(store.all({ phone: '10000000000' })).toEqual([]);
      });

      test('phones() lists each number in the records once, the most recently used first', () => {
        seed();
        const newestFirst = [...new Set([...seeded].sort((a, b) => b.createdAt - a.createdAt).map((o) => o.phone))];
        expect(store.phones()).toEqual(newestFirst);
        expect(h.launch().phones()).toEqual(newestFirst);
      });

      test('monthTotals() sums what was charged (paid, succeeded) per month and currency, filtered or not', () => {
        seed();
        const months = [...new Set(seeded.map((o) => chinaMonthOf(o.createdAt)))];
        expect(months.length).toBeGreaterThan(2);
        for (const month of months) {
          expect(store.monthTotals(month)).toEqual(expectedTotals(seeded, month));
          const mine = seeded.filter((o) => o.phone === '13800138000' && o.product.kind === 'recharge');
          expect(store.monthTotals(month, { phone: '13800138000', kinds: ['recharge'] })).toEqual(expectedTotals(mine, month));
        }
        expect(store.monthTotals('1999-01')).toEqual([]);
        expect(store.monthTotals('not a month')).toEqual([]);
      });
    });

    describe('update, remove, pending, recentSimilar', () => {
      beforeEach(seed);

      test('update replaces the stored order, also after a relaunch', () => {
        const target = seeded[30];
        const changed: Order = { ...target, state: 'succeeded', updatedAt: target.updatedAt + 5000, reconciled: true, transactionId: '4200009999' };
        expect(store.update(changed)).toEqual({ ok: true, value: undefined });
        expect(store.get(target.id)).toStrictEqual(changed);
        expect(h.launch().get(target.id)).toStrictEqual(changed);
        expect(store.count()).toBe(60);
      });

      test('update and remove of an unknown id are not_found', () => {
        expect(store.update(makeOrder({ serial: 999999 }))).toMatchObject({ ok: false, error: 'not_found' });
        expect(store.remove('CR00000000000000000000')).toMatchObject({ ok: false, error: 'not_found' });
        expect(store.remove('')).toMatchObject({ ok: false, error: 'not_found' });
      });

      test('remove takes exactly that order away, also after a relaunch', () => {
        const gone = [seeded[0], seeded[31], seeded[59]];
        for (const o of gone) expect(store.remove(o.id)).toEqual({ ok: true, value: undefined });
        const rest = seeded.filter((o) => !gone.includes(o));
        expect(ids(readAll(store))).toEqual(expectedOrder(rest));
        expect(ids(readAll(h.launch()))).toEqual(expectedOrder(rest));
        expect(store.count()).toBe(57);
        expect(store.remove(seeded[31].id)).toMatchObject({ ok: false, error: 'not_found' });
      });

      test('removing every order leaves an empty store that still takes new orders', () => {
        for (const o of seeded) expect(store.remove(o.id).ok).toBe(true);
        expect(store.count()).toBe(0);
        expect(readAll(h.launch())).toEqual([]);
        const fresh = makeOrder({ serial: 777 });
        expect(store.append(fresh).ok).toBe(true);
        expect(ids(readAll(h.launch()))).toEqual([fresh.id]);
      });

      test('pending() lists exactly the unsettled orders, newest first', () => {
        const unsettled = ['awaiting_payment', 'unknown', 'paid', 'refunding', 'topup_failed'];
        expect(ids(store.pending())).toEqual(expectedOrder(seeded.filter((o) => unsettled.includes(o.state))));
        expect(store.pending().length).toBeGreaterThan(10);
      });

      test('recentSimilar() finds possibly charged orders of that number and product since a time', () => {
        const base = T0 + 200 * 24 * HOUR;
        const mk = (minutes: number, state: Order['state'], serial: number, productFen = 5000, phone = '13700000000') =>
          makeOrder({ at: base + minutes * 60_000, state, serial, amountFen: productFen, phone });
        const hits = [mk(1, 'paid', 1), mk(2, 'unknown', 2), mk(3, 'succeeded', 3), mk(4, 'awaiting_payment', 4)];
        const misses = [mk(-30, 'succeeded', 5), mk(5, 'cancelled', 6), mk(6, 'pay_failed', 7), mk(7, 'succeeded', 8, 2000), mk(8, 'succeeded', 9, 5000, '13700000001')];
        for (const o of [...hits, ...misses]) store.append(o);
        const found = store.recentSimilar('13700000000', hits[0].product.id, base);
        expect(ids(found).sort()).toEqual(ids(hits).sort());
      });
    });

    describe('storage full and failing writes', () => {
      beforeEach(seed);

      test('a full storage refuses the new order with a clear message; nothing stored is lost', () => {
        h.fake.maxTotalBytes = h.fake.usedBytes() + 10;
        const result = store.append(makeOrder({ serial: 4242, at: T0 + 9999 * HOUR }));
        expect(result).toMatchObject({ ok: false, error: 'quota' });
        expect(!result.ok && result.message).toContain('存储空间已满');
        expect(ids(readAll(store))).toEqual(expectedOrder(seeded));
        expect(ids(readAll(h.launch()))).toEqual(expectedOrder(seeded));
        h.fake.maxTotalBytes = 10 * 1024 * 1024;
        expect(store.append(makeOrder({ serial: 4242, at: T0 + 9999 * HOUR })).ok).toBe(true);
      });

      test('a full storage refuses an update; the stored order stays as it was', () => {
        const target = seeded[58];
        h.fake.maxTotalBytes = h.fake.usedBytes();
        const bigger: Order = { ...target, failureReason: '很长的原因'.repeat(40), state: 'topup_failed' };
        expect(store.update(bigger)).toMatchObject({ ok: false, error: 'quota' });
        expect(store.get(target.id)).toStrictEqual(target);
        expect(h.launch().get(target.id)).toStrictEqual(target);
      });

      test.each([1, 2, 3])('write number %i of an append failing loses nothing and stores nothing', (k) => {
        const extra = makeOrder({ serial: 5151, at: T0 + 9999 * HOUR });
        h.faults.failWrite(k);
        const result = store.append(extra);
        if (!result.ok) {
          expect(result.error).toBe('failed');
          expect(ids(readAll(store))).toEqual(expectedOrder(seeded));
          expect(ids(readAll(h.launch()))).toEqual(expectedOrder(seeded));
        } else {
          // The failing write was not one this append needed (it made fewer writes).
          expect(ids(readAll(h.launch()))).toEqual(expectedOrder([...seeded, extra]));
        }
      });

      test('two failing writes in a row (the write and its undo) still lose nothing', () => {
        const target = seeded[10];
        h.faults.failWrite(2);
        h.faults.failWrite(3);
        const result = store.update({ ...target, state: 'succeeded' });
        expect(result.ok).toBe(false);
        expect(store.get(target.id)).toStrictEqual(target);
        const relaunched = h.launch();
        expect(relaunched.get(target.id)).toStrictEqual(target);
        expect(ids(readAll(relaunched))).toEqual(expectedOrder(seeded));
      });
    });

    describe('a crash between writes', () => {
      type Op = { name: string; run: (s: RecordStore) => unknown; after: (before: Order[]) => Order[] };
      const extra = makeOrder({ serial: 6161, at: T0 + 9999 * HOUR, state: 'created' });
      const ops: Op[] = [
        { name: 'append', run: (s) => s.append(extra), after: (b) => [...b, extra] },
        {
          name: 'update',
          run: (s) => s.update({ ...seedOrders()[40], state: 'succeeded', reconciled: true }),
          after: (b) => b.map((o) => (o.id === seedOrders()[40].id ? { ...o, state: 'succeeded', reconciled: true } : o)),
        },
        { name: 'remove', run: (s) => s.remove(seedOrders()[59].id), after: (b) => b.filter((o) => o.id !== seedOrders()[59].id) },
      ];

      for (const op of ops) {
        test(`${op.name}: whatever write the app dies at, a relaunch sees the change whole or not at all`, () => {
          let sawBefore = false;
          let sawAfter = false;
          for (let k = 0; k < 6; k += 1) {
            h = makeHarness();
            store = h.launch();
            seed();
            h.faults.crashAfter(k);
            let crashed = false;
            try {
              op.run(store);
            } catch (e) {
              if (!(e instanceof SimulatedCrash)) throw e;
              crashed = true;
            }
            h.faults.disarm();
            const relaunched = h.launch();
            const seen = readAll(relaunched, 9);
            const before = [...seeded].sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : -1));
            const after = op.after(seeded).sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : -1));
            const isBefore = isDeepStrictEqual(seen, before);
            const isAfter = isDeepStrictEqual(seen, after);
            expect({ k, crashed, whole: isBefore || isAfter }).toEqual({ k, crashed, whole: true });
            if (!crashed) expect(isAfter).toBe(true);
            sawBefore ||= isBefore;
            sawAfter ||= isAfter;
            // The relaunched store is fully usable.
            expect(relaunched.append(makeOrder({ serial: 7171, at: T0 + 10_000 * HOUR })).ok).toBe(true);
            expect(relaunched.count()).toBe(seen.length + 1);
          }
          expect(sawBefore && sawAfter).toBe(true);
        });
      }
    });

    describe('damaged storage', () => {
      test('bad bytes in any one key: the relaunch does not throw, says what was set aside, and keeps the rest', () => {
        seed();
        const keys = h.fake.getStorageInfoSync().keys.filter((k) => !k.includes('quarantine'));
        expect(keys.length).toBeGreaterThan(1);
        for (const key of keys) {
          h = makeHarness();
          store = h.launch();
          seed();
          const rawText = h.fake.rawText(key) ?? '';
          h.fake.plantRaw(key, '{"oops": [1, 2');
          const relaunched = h.launch();
          const report = relaunched.open();
          const seen = readAll(relaunched, 11);
          // Only orders whose data lived in the damaged key may be missing.
          const missing = seeded.filter((o) => !seen.some((s) => s.id === o.id));
          for (const o of missing) expect(rawText).toContain(o.id);
          for (const o of seen) expect(o).toStrictEqual(seeded.find((s) => s.id === o.id));
          const named = [...report.quarantined, ...relaunched.quarantined()].map((e) => e.key);
          if (missing.length) expect(named).toContain(key);
          expect(relaunched.quarantined().length).toBeGreaterThan(0);
          expect(relaunched.append(makeOrder({ serial: 8181, at: T0 + 10_000 * HOUR })).ok).toBe(true);
        }
      });
    });

    describe('faults from the storage underneath (issue 14)', () => {
      const byId = (): Map<string, Order> => new Map(seeded.map((o) => [o.id, o]));

      /** The store is sound: nothing altered or doubled, only orders of `damaged` keys missing, counts and totals agree with the rows. */
      function expectSound(s: RecordStore, damagedTexts: string[] = []): Order[] {
        const rows = readAll(s, 9);
        const known = byId();
        for (const o of rows) expect(o).toStrictEqual(known.get(o.id));
        expect(new Set(ids(rows)).size).toBe(rows.length);
        for (const o of seeded) if (!rows.some((r) => r.id === o.id)) expect({ missing: o.id, fromDamagedKey: damagedTexts.some((t) => t.includes(o.id)) }).toEqual({ missing: o.id, fromDamagedKey: true });
        expect(s.count()).toBe(rows.length);
        for (const month of [...new Set(seeded.map((o) => chinaMonthOf(o.createdAt)))]) {
          const sums = new Map<string, number>();
          for (const o of rows) if (chinaMonthOf(o.createdAt) === month && isCharged(o.state)) sums.set(o.payable.currency, (sums.get(o.payable.currency) ?? 0) + o.payable.amount);
          expect(s.monthTotals(month)).toEqual(['CNY', 'PHP'].filter((c) => sums.get(c)).map((currency) => ({ amount: sums.get(currency), currency })));
        }
        return rows;
      }

      function storedKeys(): string[] {
        return h.fake.entries().map(([key]) => key);
      }

      test('a listing that fails at launch is never read as empty: writes wait, nothing is lost, and resume once it works', () => {
        seed();
        const before = h.fake.entries();
        h.faults.failListing();
        const blind = h.launch();
        expect(blind.open().notice).toMatch(/[\u4e00-\u9fa5]/);
        const refused = blind.append(makeOrder({ serial: 9191, at: T0 + 9999 * HOUR }));
        expect(refused).toMatchObject({ ok: false, error: 'unavailable' });
        expect(!refused.ok && refused.message).toMatch(/[\u4e00-\u9fa5]/);
        expect(blind.update({ ...seeded[3], state: 'refunded' })).toMatchObject({ ok: false, error: 'unavailable' });
        expect(blind.remove(seeded[4].id)).toMatchObject({ ok: false, error: 'unavailable' });
        expect(h.fake.entries()).toEqual(before);
        h.faults.disarm();
        // The same instance notices the listing works again and takes the write.
        expect(blind.append(makeOrder({ serial: 9191, at: T0 + 9999 * HOUR })).ok).toBe(true);
        seeded.push(makeOrder({ serial: 9191, at: T0 + 9999 * HOUR }));
        expectSound(h.launch());
        expect(h.launch().quarantined()).toEqual([]);
      });

      test.each([1, 2])('a listing that fails %i time(s) at launch is retried', (times) => {
        seed();
        h.faults.failListing(times);
        const s = h.launch();
        expect(s.append(makeOrder({ serial: 9292, at: T0 + 9999 * HOUR })).ok).toBe(true);
        seeded.push(makeOrder({ serial: 9292, at: T0 + 9999 * HOUR }));
        expectSound(h.launch());
      });

      test('reads that fail at launch lose nothing: the orders are back on the next launch', async () => {
        seed();
        h.faults.failReads(Infinity);
        const s = h.launch();
        s.page({ limit: 20 });
        await s.verify();
        h.faults.disarm();
        const later = h.launch();
        await later.verify();
        expectSound(later);
      });

      test('near-1 MB of garbage in any one key: reported, kept, and writes still go through while there is room', async () => {
        seed();
        const keys = storedKeys();
        for (const key of keys) {
          h = makeHarness();
          store = h.launch();
          seed();
          const original = h.fake.rawText(key) ?? '';
          // Just under WeChat's 1 MB a key (key and JSON text in UTF-8): no copy of it with its reason fits in one key.
          const garbage = JSON.stringify(`${'\u00e9garbage'.repeat(9000)}${'x'.repeat(1024 * 1024 - 100 - Buffer.byteLength(key) - 81_000 - 2)}`);
          h.fake.plantRaw(key, garbage);
          const s = h.launch();
          await s.verify();
          expectSound(s, [original]);
          expect(s.quarantined().some((e) => JSON.stringify(e.raw) === garbage)).toBe(true);
          expect(s.append(makeOrder({ serial: 9393, at: T0 + 9999 * HOUR }))).toEqual({ ok: true, value: undefined });
          const again = h.launch();
          expect(again.get(makeOrder({ serial: 9393, at: T0 + 9999 * HOUR }).id)).toBeDefined();
          expect(again.quarantined().some((e) => JSON.stringify(e.raw) === garbage)).toBe(true);
          // With room for the copy, the damage was set aside and the key repaired, not left in place.
          expect({ key, stillGarbage: h.fake.rawText(key) === garbage }).toEqual({ key, stillGarbage: false });
        }
      });

      test('any one key deleted: the loss is reported with how many orders, everything else intact', async () => {
        seed();
        for (const key of storedKeys()) {
          h = makeHarness();
          store = h.launch();
          seed();
          const original = h.fake.rawText(key) ?? '';
          h.fake.removeStorageSync(key);
          const s = h.launch();
          await s.verify();
          const rows = expectSound(s, [original]);
          const missing = seeded.length - rows.length;
          if (missing) {
            const reported = [...s.open().quarantined, ...s.quarantined()];
            expect(reported.some((e) => (e.orders ?? 0) >= missing)).toBe(true);
            expect(h.launch().quarantined().some((e) => (e.orders ?? 0) >= missing)).toBe(true);
          }
        }
      });

      test('a key overwritten with another key\'s value: no order doubled, totals agree, the damage reported', async () => {
        seed();
        const keys = storedKeys();
        for (const [i, key] of keys.entries()) {
          const other = keys[(i + 1) % keys.length];
          h = makeHarness();
          store = h.launch();
          seed();
          const original = h.fake.rawText(key) ?? '';
          h.fake.plantRaw(key, h.fake.rawText(other)!);
          const s = h.launch();
          await s.verify();
          const rows = expectSound(s, [original]);
          if (rows.length < seeded.length) expect(s.quarantined().length).toBeGreaterThan(0);
        }
      });

      test('valid-JSON edits (a digit changed in any key) never read back altered; what is lost is reported', async () => {
        seed();
        const keys = storedKeys();
        let edits = 0;
        for (const key of keys) {
          const text = h.fake.rawText(key) ?? '';
          const digits = [...text.matchAll(/\d/g)].map((m) => m.index as number);
          for (const at of [digits[0], digits[Math.floor(digits.length / 2)], digits[digits.length - 1]]) {
            if (at === undefined) continue;
            h = makeHarness();
            store = h.launch();
            seed();
            const original = h.fake.rawText(key)!;
            const edited = `${original.slice(0, at)}${(Number(original[at]) + 3) % 10}${original.slice(at + 1)}`;
            h.fake.plantRaw(key, edited);
            const s = h.launch();
            await s.verify();
            expectSound(s, [original]);
            // A changed digit is damage wherever it is: it is reported, even when no order was lost.
            expect({ key, at, reported: s.quarantined().length > 0 }).toEqual({ key, at, reported: true });
            edits += 1;
          }
        }
        expect(edits).toBeGreaterThan(3);
      });

      test('a second set-aside never overwrites the first, also when the listing fails at that launch', async () => {
        seed();
        const keys = storedKeys();
        const [first, second] = [keys[0], keys[keys.length - 1]];
        const texts = [h.fake.rawText(first) ?? '', h.fake.rawText(second) ?? ''];
        h.fake.plantRaw(first, '{"first":1}');
        await h.launch().verify();
        h.fake.plantRaw(second, '{"second":2}');
        h.faults.failListing(2);
        const s = h.launch();
        await s.verify();
        h.faults.disarm();
        const later = h.launch();
        await later.verify();
        const kept = later.quarantined().map((e) => e.raw);
        expect(kept).toContainEqual({ first: 1 });
        expect(kept).toContainEqual({ second: 2 });
        expectSound(later, texts);
      });

      test('the app killed at any write while the store repairs damage: every copy kept, nothing else lost', async () => {
        seed();
        const keys = storedKeys();
        for (const key of keys) {
          let finished = false;
          for (let k = 0; k < 40 && !finished; k += 1) {
            h = makeHarness();
            store = h.launch();
            seed();
            const original = h.fake.rawText(key) ?? '';
            // Valid JSON of the wrong shape: the repair copies it aside, then rewrites.
            h.fake.plantRaw(key, '{"oops":[1,2],"v":2}');
            h.faults.crashAfter(k);
            try {
              const s = h.launch();
              await s.verify();
              finished = true;
            } catch (e) {
              if (!(e instanceof SimulatedCrash)) throw e;
            }
            h.faults.disarm();
            const after = h.launch();
            await after.verify();
            expectSound(after, [original]);
            // The damaged value is kept: copied aside, or still where it was.
            expect(after.quarantined().some((e) => isDeepStrictEqual(e.raw, { oops: [1, 2], v: 2 }))).toBe(true);
            expect(after.append(makeOrder({ serial: 9494, at: T0 + 9999 * HOUR })).ok).toBe(true);
          }
          expect(finished).toBe(true);
        }
      });
    });
  });
}
