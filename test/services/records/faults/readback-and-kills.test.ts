/** Issue-14 fault trials: readback and kills (the world and the invariants: test/support/records-faults.ts). */
import { isDeepStrictEqual } from 'util';
import { ShardedRecordStore } from '../../../../miniprogram/services/records/store';
import { LEGACY_V1_KEY, encodeShard, orderProblem } from '../../../../miniprogram/services/records/schema';
import type { Order } from '../../../../miniprogram/core/types';
import { SimulatedCrash } from '../../../support/records-storage';
import { T0, HOUR, STATES, rng, verdict, World, launchAndVerify, seeds, reportFaultTally } from '../../../support/records-faults';

reportFaultTally();

describe('8. what is written reads back field for field', () => {
  /** A random valid order over the whole schema: edge values, unknown fields, the empty newExpiry with an after. */
  function randomOrder(r: () => number, i: number): Order {
    const int = (n: number) => Math.floor(r() * n);
    const pick = <T,>(list: readonly T[]): T => list[int(list.length)];
    const text = (max: number) => Array.from({ length: int(max) }, () => pick(['a', '中', '"', '\\', '𠀀', ' ', '0', '\n', 'é'])).join('');
    const date = () => `20${10 + int(20)}-${String(1 + int(12)).padStart(2, '0')}-${String(1 + int(28)).padStart(2, '0')}`;
    const currency = pick(['CNY', 'PHP'] as const);
    const money = (neg = false) => ({ amount: (neg && r() < 0.3 ? -1 : 1) * int(100_000), currency });
    const createdAt = int(2 ** 41);
    const state = pick(STATES);
    const order: Order = {
      // Numbers rise as newOrderId makes them (the store finds an id by the shards' id ranges); some carry odd text.
      id: `CR${String(i).padStart(10, '0')}${r() < 0.8 ? String(int(1e10)).padStart(10, '0') : text(20)}`,
      idempotencyKey: r() < 0.9 ? `${int(1e9).toString(16)}-${i}` : '',
      createdAt,
      updatedAt: createdAt + int(1e7) - (r() < 0.1 ? 5e6 : 0),
      state,
      history: Array.from({ length: int(6) }, () => {
        const event: Order['history'][number] = { state: pick(STATES), at: createdAt + int(1e6) - 1000 };
        const note = r();
        if (note < 0.3) event.note = pick(['微信支付成功', '运营商已到账', '由旧版记录升级']);
        else if (note < 0.5) event.note = text(20);
        return event;
      }),
      phone: `1${String(int(1e10)).padStart(10, '0')}`,
      region: pick(['CN', 'PH'] as const),
      carrier: pick(['cmcc', 'cucc', 'ctcc', 'cbn', 'smart'] as const),
      cardType: pick(['data', 'phone', 'keep', 'esim'] as const),
      product: { id: `p-${int(5)}`, kind: pick(['recharge', 'data', 'keep'] as const), title: text(30), credit: money(), dataMb: int(20_000), validityDays: int(400) },
      original: money(),
      discount: money(),
      payable: money(),
      promotions: Array.from({ length: int(3) }, () => pick(['双11 充100减5', '新客立减', text(10)])),
      bonusDataMb: int(3000),
      oldExpiry: r() < 0.2 ? '' : date(),
      newExpiry: r() < 0.3 ? '' : date(),
    };
    if (r() < 0.5) order.transactionId = r() < 0.1 ? '' : `4200${int(1e12)}`;
    if (r() < 0.3) order.failureReason = text(30);
    if (r() < 0.4) order.reconciled = r() < 0.5;
    if (r() < 0.5) order.after = { balance: money(true), dataLeftMb: r() < 0.5 ? null : int(50_000), expiry: r() < 0.4 ? order.newExpiry || date() : date() };
    const extra = order as unknown as Record<string, unknown>;
    // Fields newer than the schema (issue 12's yuan charge, a rate record, anything) travel as they are.
    if (r() < 0.3) extra.charged = { amount: int(1e5), currency: 'CNY' };
    if (r() < 0.2) extra.fx = { rate: { num: int(100), den: 1000 }, quotedAt: createdAt };
    if (r() < 0.1) extra.note = text(10);
    if (r() < 0.1) (order.product as unknown as Record<string, unknown>).description = text(15);
    return order;
  }

  test('3,000 random orders, appended and read after a relaunch, equal what was written (as JSON carries it)', () => {
    const r = rng(53);
    const w = new World(53, 0);
    const store = new ShardedRecordStore(w.faults, w.clock);
    store.open();
    const written: Order[] = [];
    for (let i = 0; written.length < 3000; i += 1) {
      const order = randomOrder(r, i);
      if (orderProblem(order)) continue;
      const result = store.append(order);
      if (!result.ok) expect({ i, result }).toEqual({ i, result: { ok: true, value: undefined } });
      written.push(JSON.parse(JSON.stringify(order)));
    }
    const later = new ShardedRecordStore(w.faults, w.clock);
    later.open();
    const v = verdict('8 read-back field for field');
    const read = new Map(later.all().map((o) => [o.id, o]));
    for (const order of written) {
      v.trials += 1;
      const back = read.get(order.id);
      if (isDeepStrictEqual(back, order)) continue;
      v.altered += 1;
      expect(back).toStrictEqual(order);
    }
    // And one at a time, as the voucher page reads them.
    for (const order of written.slice(0, 200)) {
      const one = later.get(order.id);
      if (!isDeepStrictEqual(one, order)) expect(one).toStrictEqual(order);
    }
    expect(written.filter((o) => o.newExpiry === '' && o.after).length).toBeGreaterThan(100);
  });
});

describe('9. the app killed at every step of a repair', () => {
  const damages = ['shard with a bad order', 'index page garbage', 'deleted shard', 'v1 merge', 'duplicate ids'] as const;
  test.each(damages)('%s: relaunched after a kill at each write, the end state is whole', async (damage) => {
    let kills = 0;
    for (const seed of seeds(4, 59 + damages.indexOf(damage))) {
      for (let k = 0; k < 60; k += 1) {
        const w = new World(seed, 24);
        const damagedTexts: string[] = [];
        const kept: unknown[] = [];
        if (damage === 'shard with a bad order') {
          const key = w.pick(w.shardKeys());
          const shard = JSON.parse(w.fake.rawText(key)!);
          damagedTexts.push(JSON.stringify(shard.o[0]));
          shard.o[0] = ['bad'];
          w.fake.plantRaw(key, JSON.stringify(shard));
          kept.push(shard);
        } else if (damage === 'index page garbage') {
          w.fake.plantRaw('rec.v2.index.0', '{"garbage":true}');
          kept.push({ garbage: true });
        } else if (damage === 'deleted shard') {
          const key = w.pick(w.shardKeys());
          damagedTexts.push(w.fake.rawText(key)!);
          w.fake.removeStorageSync(key);
        } else if (damage === 'v1 merge') {
          w.fake.setStorageSync(
            LEGACY_V1_KEY,
            Array.from({ length: 40 }, (_, i) => ({ id: `CRV1${i}`, phone: '13800138000', carrier: 'cmcc', productId: 'p', productName: 'n', faceValue: 10, price: 9.9, status: 'success', createTime: T0 - (i + 1) * HOUR })),
          );
        } else {
          const victims = w.orders.slice(0, 3);
          w.fake.setStorageSync('rec.v2.shard.40', encodeShard(victims, 40));
        }
        w.faults.crashAfter(k);
        let crashed = false;
        try {
          await launchAndVerify(w);
        } catch (e) {
          if (!(e instanceof SimulatedCrash)) throw e;
          crashed = true;
        }
        w.faults.disarm();
        const store = await launchAndVerify(w);
        const expected = damage === 'v1 merge' ? [...w.orders, ...Array.from({ length: 40 }, (_, i) => store.get(`CRV1${i}`)!)] : w.orders;
        if (damage === 'v1 merge') expect(expected.every(Boolean)).toBe(true);
        w.judge(`9 killed during repair: ${damage}`, store, damagedTexts, damage !== 'v1 merge', expected);
        if (kept.length) w.judgeKept(`9 killed during repair: ${damage}`, store, kept);
        if (!crashed) break;
        kills += 1;
      }
    }
    expect(kills).toBeGreaterThan(0);
  });
});
