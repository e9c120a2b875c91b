import {
  LEGACY_V1_KEY,
  decodeIndexPage,
  decodeShard,
  encodeIndexPage,
  encodeShard,
  headProblem,
  orderProblem,
  upgradeV1,
  upgradeV1Record,
  yuanToFen,
  type LegacyV1Record,
  type RecordIndex,
} from '../../../miniprogram/services/records/schema';
import { summarize } from '../../../miniprogram/services/records/shard-index';
import { ShardedRecordStore } from '../../../miniprogram/services/records/store';
import { WxKeyValueStorage } from '../../../miniprogram/services/wx/storage';
import type { Order } from '../../../miniprogram/core/types';
import { FakeClock } from '../../support/fakes';
import { makeOrder } from '../../support/records-fixtures';
import { FaultyStorage, SimulatedCrash } from '../../support/records-storage';
import { readAll } from '../../support/record-store-contract';
import { MAX_ITEM_BYTES, MAX_TOTAL_BYTES } from '../../support/wx-storage-fake';

const fake = () => globalThis.__wxStorage;

beforeEach(() => {
  fake().clearStorageSync();
  fake().maxItemBytes = MAX_ITEM_BYTES;
  fake().maxTotalBytes = MAX_TOTAL_BYTES;
});

function variedOrders(): Order[] {
  const plain = makeOrder({ serial: 1, state: 'created' });
  const withEverything: Order = {
    ...makeOrder({ serial: 2, state: 'succeeded', discountFen: 500, region: 'PH', kind: 'data' }),
    reconciled: true,
    failureReason: '',
    bonusDataMb: 1024,
    promotions: ['11.11', '新客'],
  };
  const reconciledFalse: Order = { ...makeOrder({ serial: 3, state: 'pay_failed' }), reconciled: false };
  const negativeBalance: Order = {
    ...makeOrder({ serial: 4, state: 'succeeded' }),
    after: { balance: { amount: -350, currency: 'CNY' }, dataLeftMb: 2048, expiry: '2027-01-31' },
    history: [{ state: 'created', at: Date.parse('2026-11-25T10:00:00+08:00') - 5, note: '时钟回拨' }],
  };
  // A field a later build may add to Order, and one on the product: both must survive.
  const newer = { ...makeOrder({ serial: 5, state: 'refunded' }), refundId: 'RF-1', product: { ...makeOrder().product, description: '当月有效' } } as Order;
  return [plain, withEverything, reconciledFalse, negativeBalance, newer];
}

describe('v2 shard encoding', () => {
  test('every order round-trips exactly, through JSON as storage would', () => {
    const orders = variedOrders();
    const stored = JSON.parse(JSON.stringify(encodeShard(orders)));
    const decoded = decodeShard(stored);
    expect(decoded).toMatchObject({ ok: true, orders, rejected: [], intact: true, home: null });
    if (decoded.ok) decoded.orders.forEach((o, i) => expect(o).toStrictEqual(orders[i]));
  });

  test('a product shared by many orders is stored once', () => {
    const orders = Array.from({ length: 50 }, (_, i) => makeOrder({ serial: i, at: 1_700_000_000_000 + i }));
    const stored = encodeShard(orders);
    expect(stored.p).toHaveLength(1);
    expect(stored.o).toHaveLength(50);
    // Compact: well under 300 bytes an order, which keeps 10,000 orders under 3 MB.
    expect(JSON.stringify(stored).length / 50).toBeLessThan(300);
  });

  test.each<[string, unknown]>([
    ['missing (unreadable)', undefined],
    ['a number', 42],
    ['a string', 'orders'],
    ['an array', [1, 2]],
    ['a newer version', { v: 3, p: [], o: [] }],
    ['an older version', { v: 1, p: [], o: [] }],
    ['products not a list', { v: 2, p: {}, o: [] }],
    ['orders not a list', { v: 2, p: [], o: 'x' }],
  ])('a shard frame that is %s is unreadable as a whole', (_label, raw) => {
    const decoded = decodeShard(raw);
    expect(decoded.ok).toBe(false);
    expect(!decoded.ok && decoded.reason).toMatch(/[\u4e00-\u9fa5]/);
  });

  test('inside a sound frame, each bad entry is rejected alone with its reason', () => {
    const orders = variedOrders();
    const stored = JSON.parse(JSON.stringify(encodeShard(orders)));
    stored.o[1][14] = 49.5; // payable as float yuan
    stored.o[2][10] = 99; // product position that does not exist
    stored.o[3] = null;
    stored.o.push(stored.o[0]); // the same order id twice
    const decoded = decodeShard(stored);
    if (!decoded.ok) throw new Error('frame should be sound');
    expect(decoded.orders.map((o) => o.id)).toEqual([orders[0].id, orders[4].id]);
    expect(decoded.rejected.map((r) => r.reason)).toEqual(['实付 不是整数金额', '订单的套餐信息丢失', '订单数据格式不对', '订单号重复']);
    expect(decoded.rejected[2].raw).toBeNull();
  });

  test.each<[string, (o: any) => void, string]>([
    ['a float amount', (o) => (o.payable = { amount: 49.5, currency: 'CNY' }), '实付 不是整数金额'],
    ['a negative price', (o) => (o.original = { amount: -1, currency: 'CNY' }), '原价 为负数'],
    ['mixed currencies', (o) => (o.discount = { amount: 0, currency: 'PHP' }), '原价、优惠与实付的币种不一致'],
    ['an unknown currency', (o) => (o.payable = { amount: 1, currency: 'USD' }), '实付 币种未知'],
    ['an unknown state', (o) => (o.state = 'done'), '订单状态未知'],
    ['an empty id', (o) => (o.id = ''), '订单号无效'],
    ['a time as text', (o) => (o.createdAt = '2026-11-25'), '下单时间无效'],
    ['a bad expiry', (o) => (o.newExpiry = '2026-13-01'), '到期日无效'],
    ['an unknown carrier', (o) => (o.carrier = 'globe'), '运营商未知'],
    ['history not a list', (o) => (o.history = {}), '订单历史无效'],
    ['a history event without time', (o) => (o.history = [{ state: 'created' }]), '订单历史中的时间无效'],
    ['reconciled as text', (o) => (o.reconciled = 'yes'), '核对标记无效'],
    ['no product', (o) => delete o.product, '缺少套餐信息'],
    ['after without expiry', (o) => (o.after = { balance: { amount: 1, currency: 'CNY' }, dataLeftMb: null, expiry: '' }), '充值后到期日无效'],
  ])('orderProblem names %s', (_label, spoil, reason) => {
    const order: any = makeOrder();
    expect(orderProblem(order)).toBeNull();
    spoil(order);
    expect(orderProblem(order)).toBe(reason);
  });

  test.each([[null], [undefined], [[]], ['order'], [7]])('orderProblem refuses %p', (value) => {
    expect(orderProblem(value)).toBe('不是订单数据');
  });
});

describe('v2 index encoding', () => {
  const index = (): RecordIndex => ({
    next: 70,
    shards: [
      summarize(3, [makeOrder({ serial: 1 }), makeOrder({ serial: 2, state: 'paid', region: 'PH' })])!,
      summarize(65, [makeOrder({ serial: 3, kind: 'keep' })], { reason: '数据格式不对', at: 5, copied: false })!,
    ],
  });

  test('each page holds its own 64 shards and round-trips', () => {
    const page0 = JSON.parse(JSON.stringify(encodeIndexPage(index(), 0, 3)));
    const page1 = JSON.parse(JSON.stringify(encodeIndexPage(index(), 1)));
    expect(decodeIndexPage(page0, 0)).toEqual({ shards: [index().shards[0]], touched: 3 });
    expect(decodeIndexPage(page1, 1)).toEqual({ shards: [index().shards[1]], touched: null });
    expect(index().shards[0].months).toEqual([{ month: '2026-11', amounts: [5000, 5000] }]);
  });

  test.each<[string, unknown]>([
    ['unreadable', undefined],
    ['not an object', 'x'],
    ['another version', { v: 1, s: [] }],
    ['summaries not a list', { v: 2, s: {} }],
    ['a summary of another page', { v: 2, s: [[70, 1, 0, 0, 'a', 'a', [], 1, 1, []]] }],
    ['a summary with a negative count', { v: 2, s: [[1, -1, 0, 0, 'a', 'a', [], 1, 1, []]] }],
    ['a month total with a float', { v: 2, s: [[1, 1, 0, 0, 'a', 'a', [], 1, 1, [['2026-11', 1.5, 0]]]] }],
    ['the same shard twice', { v: 2, s: [[1, 1, 0, 0, 'a', 'a', [], 1, 1, []], [1, 1, 0, 0, 'a', 'a', [], 1, 1, []]] }],
    ['touched as text', { v: 2, s: [], t: '3' }],
    ['a summary counting no orders (it would hide its shard)', { v: 2, s: [[1, 0, 0, 0, '', '', [], 0, 0, []]] }],
    ['a summary whose id range is upside down', { v: 2, s: [[1, 2, 0, 5, 'b', 'a', [], 1, 1, []]] }],
  ])('an index page that is %s is refused', (_label, raw) => {
    expect(decodeIndexPage(raw, 0)).toHaveProperty('problem');
  });

  test.each<[string, (page: any) => void]>([
    ['a count', (page) => (page.s[0][1] = 0)],
    ['a month total', (page) => (page.s[0][9][0][1] += 100)],
    ['an id bound', (page) => (page.s[0][5] = 'CR99999999999999999999')],
    ['the touched shard', (page) => (page.t = 4)],
    ['a shard checksum', (page) => (page.k[0] = 'x')],
  ])('an index page whose %s was edited (still valid JSON) fails its checksum', (_label, edit) => {
    const withChecksums = index();
    withChecksums.shards[0].c = 'abc123';
    const page = JSON.parse(JSON.stringify(encodeIndexPage(withChecksums, 0, 3)));
    expect(decodeIndexPage(page, 0)).toEqual({ shards: [withChecksums.shards[0]], touched: 3 });
    edit(page);
    expect(decodeIndexPage(page, 0)).toEqual({ problem: '索引校验不符（内容被改动）' });
  });

  test('a page written before checksums still reads', () => {
    const page = JSON.parse(JSON.stringify(encodeIndexPage(index(), 0)));
    delete page.c;
    expect(decodeIndexPage(page, 0)).toEqual({ shards: [index().shards[0]], touched: null });
  });

  test.each<[unknown, boolean]>([
    [{ v: 2 }, true],
    // Builds before checksums kept migration state and held keys here: read, no longer used.
    [{ v: 2, m: 1, h: [['records', '空间不足', 9]] }, true],
    [{ v: 2, s: 'x', o: 7 }, false],
    [{ v: 3 }, false],
    [[], false],
    ['x'.repeat(100), false],
    [undefined, false],
  ])('head %j readable: %s', (raw, readable) => {
    expect(headProblem(raw) === null).toBe(readable);
  });
});

describe('v1 → v2 upgrade', () => {
  const v1 = (over: Partial<LegacyV1Record> & Record<string, unknown> = {}): LegacyV1Record =>
    ({
      id: 'CR20250301101500123456',
      phone: '13800138000',
      carrier: 'cmcc',
      productId: 'cmcc-50',
      productName: '充值 50 元',
      type: 'recharge',
      faceValue: 50,
      price: 49.5,
      status: 'success',
      createTime: Date.parse('2025-03-01T10:15:00+08:00'),
      payTime: Date.parse('2025-03-01T10:15:20+08:00'),
      transactionId: '4200001234202503011234567890',
      expireBefore: '2025-03-10',
      expireAfter: '2025-04-09',
      ...over,
    }) as LegacyV1Record;

  test.each<[unknown, number | null]>([
    [50, 5000],
    [49.5, 4950],
    [19.99, 1999],
    [0.1 + 0.2, 30],
    [0.07, 7],
    [0, 0],
    ['49.50', 4950],
    [' 8 ', 800],
    [1.005, null],
    [-1, null],
    [NaN, null],
    [Infinity, null],
    ['1e3', null],
    ['五十', null],
    [null, null],
    [undefined, null],
  ])('yuanToFen(%p) = %p', (raw, fen) => {
    expect(yuanToFen(raw)).toBe(fen);
  });

  test('a full v1 record becomes the same v2 order, amounts in fen', () => {
    const upgraded = upgradeV1Record(v1());
    expect(upgraded).toEqual({
      order: {
        id: 'CR20250301101500123456',
        idempotencyKey: 'v1-CR20250301101500123456',
        createdAt: Date.parse('2025-03-01T10:15:00+08:00'),
        updatedAt: Date.parse('2025-03-01T10:15:20+08:00'),
        state: 'succeeded',
        history: [
          { state: 'created', at: Date.parse('2025-03-01T10:15:00+08:00'), note: '由旧版记录升级' },
          { state: 'paid', at: Date.parse('2025-03-01T10:15:20+08:00') },
          { state: 'succeeded', at: Date.parse('2025-03-01T10:15:20+08:00') },
        ],
        phone: '13800138000',
        region: 'CN',
        carrier: 'cmcc',
        cardType: 'phone',
        product: { id: 'cmcc-50', kind: 'recharge', title: '充值 50 元', credit: { amount: 5000, currency: 'CNY' }, dataMb: 0, validityDays: 0 },
        original: { amount: 5000, currency: 'CNY' },
        discount: { amount: 50, currency: 'CNY' },
        payable: { amount: 4950, currency: 'CNY' },
        promotions: [],
        bonusDataMb: 0,
        oldExpiry: '2025-03-10',
        newExpiry: '2025-04-09',
        transactionId: '4200001234202503011234567890',
      },
    });
  });

  test.each<[LegacyV1Record['status'], Order['state']]>([
    ['success', 'succeeded'],
    ['paying', 'awaiting_payment'],
    ['pending', 'unknown'],
    ['failed', 'pay_failed'],
    ['cancelled', 'cancelled'],
    ['refunded', 'refunded'],
  ])('v1 status %s becomes %s', (status, state) => {
    const upgraded = upgradeV1Record(v1({ status }));
    expect('order' in upgraded && upgraded.order.state).toBe(state);
  });

  test('flow packs become data, missing expiry stays blank, a price over face value means no discount', () => {
    const upgraded = upgradeV1Record(v1({ type: 'flow', faceValue: 30, price: 30.5, expireBefore: undefined, expireAfter: '' }));
    if (!('order' in upgraded)) throw new Error(upgraded.problem);
    expect(upgraded.order.product).toMatchObject({ kind: 'data', credit: { amount: 0, currency: 'CNY' } });
    expect(upgraded.order.original.amount).toBe(3050);
    expect(upgraded.order.discount.amount).toBe(0);
    expect([upgraded.order.oldExpiry, upgraded.order.newExpiry]).toEqual(['', '']);
  });

  test.each<[string, Record<string, unknown>, string]>([
    ['an unknown status', { status: 'done' }, '旧版记录状态未知（done）'],
    ['three decimals', { price: 49.999 }, '旧版记录金额无效'],
    ['a Philippine carrier', { carrier: 'smart' }, '旧版记录运营商未知'],
    ['no id', { id: undefined }, '旧版记录订单号无效'],
    ['no time', { createTime: '昨天' }, '旧版记录时间无效'],
    ['a bad date', { expireAfter: '2025/04/09' }, '旧版记录到期日无效'],
    ['an unknown type', { type: 'sms' }, '旧版记录套餐类型未知'],
  ])('a v1 record with %s is not carried over', (_label, over, problem) => {
    expect(upgradeV1Record(v1(over))).toEqual({ problem });
  });

  test('the whole array: kept oldest first, duplicates and broken entries set apart', () => {
    const list = [v1({ id: 'CR2', createTime: 2000 }), v1({ id: 'CR1', createTime: 1000 }), v1({ id: 'CR2', createTime: 3000 }), 'junk'];
    const upgraded = upgradeV1(list);
    if (!upgraded.ok) throw new Error(upgraded.reason);
    expect(upgraded.orders.map((o) => o.id)).toEqual(['CR1', 'CR2']);
    expect(upgraded.rejected.map((r) => r.reason)).toEqual(['旧版记录订单号重复', '旧版记录格式不对']);
    expect(upgradeV1({ records: [] })).toEqual({ ok: false, reason: '旧版记录不是列表，无法升级' });
  });

  /** 120 v1 records as an early build wrote them, two of them broken. */
  function plantV1(): LegacyV1Record[] {
    const base = Date.parse('2025-01-01T09:00:00+08:00');
    const list = Array.from({ length: 120 }, (_, i) =>
      v1({
        id: `CR2025${String(i).padStart(16, '0')}`,
        createTime: base + i * 86_400_000,
        payTime: base + i * 86_400_000 + 20_000,
        faceValue: [10, 20, 30, 50, 100][i % 5],
        price: [9.9, 19.8, 29.7, 49.5, 99.0][i % 5],
        status: i % 10 === 0 ? 'failed' : 'success',
      }),
    );
    list[7] = { ...list[7], price: 'abc' as unknown as number };
    list[8] = { ...list[8], status: 'weird' as LegacyV1Record['status'] };
    fake().setStorageSync(LEGACY_V1_KEY, list);
    return list;
  }

  test('the store upgrades a v1 array on open: sharded, integer fen, broken entries kept aside', () => {
    const list = plantV1();
    const store = new ShardedRecordStore(new WxKeyValueStorage(), new FakeClock());
    const report = store.open();
    expect(report.migratedFrom).toBe(1);
    expect(report.quarantined).toHaveLength(1);
    expect(report.quarantined[0].reason).toBe('旧版记录中2 笔订单数据损坏（旧版记录金额无效；旧版记录状态未知（weird）），未能并入');
    expect(report.quarantined[0].orders).toBe(2);
    expect(report.quarantined[0].raw).toEqual([list[7], list[8]]);
    expect(store.count()).toBe(118);
    const all = readAll(store, 20);
    expect(all[0].id).toBe(list[119].id);
    expect(all[all.length - 1].id).toBe(list[0].id);
    expect(all.find((o) => o.id === list[3].id)!.payable).toEqual({ amount: 4950, currency: 'CNY' });
    expect(all.find((o) => o.id === list[1].id)!.payable).toEqual({ amount: 1980, currency: 'CNY' });
    expect(all.every((o) => Number.isInteger(o.payable.amount))).toBe(true);
    // The v1 key is gone (its content lives on in v2 and in the quarantine copy) ...
    const keys = fake().getStorageInfoSync().keys;
    expect(keys).not.toContain(LEGACY_V1_KEY);
    expect(keys.filter((k) => k.startsWith('rec.quarantine.'))).toHaveLength(1);
    expect(keys.filter((k) => k.startsWith('rec.v2.shard.'))).toHaveLength(3);
    // ... and a second launch neither migrates again nor reports again.
    const again = new ShardedRecordStore(new WxKeyValueStorage(), new FakeClock());
    expect(again.open()).toEqual({ migratedFrom: null, quarantined: [] });
    expect(again.count()).toBe(118);
    expect(again.quarantined().map((e) => e.key)).toEqual([LEGACY_V1_KEY]);
  });

  test('a crash at any write of the upgrade: the next launch finishes it, nothing lost or doubled', () => {
    for (let k = 0; k < 8; k += 1) {
      fake().clearStorageSync();
      plantV1();
      const faults = new FaultyStorage(new WxKeyValueStorage());
      faults.crashAfter(k);
      try {
        new ShardedRecordStore(faults, new FakeClock()).open();
      } catch (e) {
        if (!(e instanceof SimulatedCrash)) throw e;
      }
      const store = new ShardedRecordStore(new WxKeyValueStorage(), new FakeClock());
      store.open();
      const ids = readAll(store, 50).map((o) => o.id);
      expect({ k, count: ids.length, unique: new Set(ids).size }).toEqual({ k, count: 118, unique: 118 });
      expect(fake().getStorageInfoSync().keys).not.toContain(LEGACY_V1_KEY);
    }
  });

  test('no room for the upgrade: v1 stays untouched, new records are still taken, the rest is merged once there is room', () => {
    const list = plantV1();
    const v1Text = fake().rawText(LEGACY_V1_KEY);
    fake().maxTotalBytes = fake().usedBytes() + 5000;
    const store = new ShardedRecordStore(new WxKeyValueStorage(), new FakeClock());
    expect(store.open().migratedFrom).toBeNull();
    expect(fake().rawText(LEGACY_V1_KEY)).toBe(v1Text);
    expect(store.count()).toBe(0);
    expect(store.quarantined().map((e) => e.reason)).toContainEqual(expect.stringContaining('旧版记录暂未全部并入'));
    // Storage has room for one more order: it is taken, v1 or not.
    const fresh = makeOrder({ at: Date.parse('2026-11-25T10:00:00+08:00') });
    expect(store.append(fresh)).toEqual({ ok: true, value: undefined });
    expect(fake().rawText(LEGACY_V1_KEY)).toBe(v1Text);
    fake().maxTotalBytes = MAX_TOTAL_BYTES;
    const later = new ShardedRecordStore(new WxKeyValueStorage(), new FakeClock());
    expect(later.open().migratedFrom).toBe(1);
    expect(later.count()).toBe(list.length - 2 + 1);
    expect(fake().rawText(LEGACY_V1_KEY)).toBeUndefined();
  });

  test('a v1 value that is not a list is set aside whole, never deleted', () => {
    fake().setStorageSync(LEGACY_V1_KEY, { broken: true });
    const store = new ShardedRecordStore(new WxKeyValueStorage(), new FakeClock());
    const report = store.open();
    expect(report.migratedFrom).toBeNull();
    expect(report.quarantined).toEqual([{ key: LEGACY_V1_KEY, raw: { broken: true }, reason: '旧版记录不是列表，无法升级', at: expect.any(Number), orders: 0 }]);
    expect(store.quarantined().map((e) => e.raw)).toEqual([{ broken: true }]);
    expect(store.append(makeOrder()).ok).toBe(true);
  });
});

describe('compact shard form', () => {
  const base = makeOrder({ state: 'succeeded' });
  const cases: [string, Order][] = [
    ['known notes become codes', { ...base, history: base.history.map((e) => ({ ...e, note: '运营商已到账' })) }],
    ['unknown notes stay text', { ...base, history: base.history.map((e) => ({ ...e, note: '客服手工补单' })) }],
    ['shared promotion titles', { ...base, promotions: ['充值满 100 元减 5 元', '流量包加赠 1GB'] }],
    ['new expiry equal to the carrier answer', { ...base, after: { ...base.after!, expiry: base.newExpiry } }],
    ['new expiry different from the carrier answer', { ...base, after: { ...base.after!, expiry: '2030-01-01' } }],
    ['no carrier answer yet', { ...makeOrder({ state: 'unknown' }) }],
  ];

  test.each(cases)('round-trips exactly: %s', (_name, order) => {
    const second = { ...order, id: `${order.id}9`, idempotencyKey: `${order.idempotencyKey}-2` };
    const decoded = decodeShard(JSON.parse(JSON.stringify(encodeShard([order, second]))));
    expect(decoded.ok && decoded.orders).toEqual([order, second]);
  });

  test('known notes are stored as numbers, unknown ones as text', () => {
    const order = { ...base, history: [{ state: 'created' as const, at: base.createdAt, note: '已提交，等待微信支付' }, { state: 'awaiting_payment' as const, at: base.createdAt, note: '客服手工补单' }] };
    const events = encodeShard([order]).o[0][5];
    expect(events.map((e) => e[2])).toEqual([0, '客服手工补单']);
  });

  test('shards written before the compact form (text notes, text promotions, explicit expiry) still read', () => {
    const order = { ...base, promotions: ['充值满 100 元减 5 元'], history: [{ state: 'created' as const, at: base.createdAt, note: '微信支付成功' }] };
    const shard = encodeShard([order]) as any;
    shard.o[0][5] = [[0, 0, '微信支付成功']];
    shard.o[0][15] = ['充值满 100 元减 5 元'];
    shard.o[0][18] = order.newExpiry;
    delete shard.q;
    // Nor had they checksums.
    delete shard.c;
    delete shard.k;
    const decoded = decodeShard(JSON.parse(JSON.stringify(shard)));
    expect(decoded.ok && decoded.orders).toEqual([order]);
  });

  test('a note code outside the table makes only that order unreadable', () => {
    const shard = encodeShard([base, { ...base, id: `${base.id}9` }]) as any;
    shard.o[1][5] = [[0, 0, 999]];
    const decoded = decodeShard(shard);
    expect(decoded.ok && decoded.orders.map((o) => o.id)).toEqual([base.id]);
    expect(decoded.ok && decoded.rejected).toHaveLength(1);
  });
});
