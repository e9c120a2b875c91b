/**
 * An order's 归属地 (`Order.location`, what the lookup answered when it was placed): kept
 * once per number in each shard (`l`), on the order itself only when it differs from the
 * shard's; validated like every other field; orders and shards written before it read
 * exactly as they did.
 */
import { createOrder } from '../../../miniprogram/core/order';
import { quote } from '../../../miniprogram/core/pricing';
import { productsFor } from '../../../miniprogram/core/catalog';
import { decodeShard, encodeShard, orderProblem } from '../../../miniprogram/services/records/schema';
import { ShardedRecordStore } from '../../../miniprogram/services/records/store';
import { WxKeyValueStorage } from '../../../miniprogram/services/wx/storage';
import type { CardProfile, NumberLocation, Order } from '../../../miniprogram/core/types';
import { FakeClock } from '../../support/fakes';
import { makeOrder } from '../../support/records-fixtures';

const AT = Date.parse('2026-11-25T10:00:00+08:00');
const SHENZHEN: NumberLocation = { country: 'CN', province: '广东', city: '深圳' };
const BEIJING: NumberLocation = { country: 'CN', province: '北京', city: '北京' };

function placed(serial: number, location: NumberLocation | null | undefined, phone = '13800138000'): Order {
  const order = makeOrder({ serial, phone, at: AT + serial * 60_000 });
  return location === undefined ? order : { ...order, location };
}

beforeEach(() => globalThis.__wxStorage.clearStorageSync());

describe('createOrder keeps the place the lookup answered', () => {
  const card: CardProfile = {
    phone: '18600186002', region: 'CN', iccid: '', carrier: 'cucc', cardType: 'phone', planName: '', balance: { amount: 1000, currency: 'CNY' },
    dataLeftMb: null, expiry: '2026-12-01', suspended: false, location: SHENZHEN,
  };
  const q = quote(productsFor('cucc', 'phone')[0], { expiry: card.expiry }, '2026-11-25');
  const make = (c: CardProfile) => createOrder({ id: 'CR20261125100000000001', idempotencyKey: 'k', now: AT, card: c, quote: q });

  test.each([
    ['a placed number', SHENZHEN, SHENZHEN],
    ['a number the carrier could not place (null, shown 归属地未知)', null, null],
  ])('%s', (_name, location, expected) => {
    expect(make({ ...card, location }).location).toEqual(expected);
  });

  test('a gateway that does not answer the place leaves it off the order', () => {
    const { location: _dropped, ...withoutPlace } = card;
    expect('location' in make(withoutPlace as CardProfile)).toBe(false);
  });
});

describe('the location in the record store', () => {
  test('round-trips through a shard and JSON: placed, unplaced (null) and absent side by side', () => {
    const orders = [placed(1, SHENZHEN), placed(2, null, '16600166000'), placed(3, undefined, '13900139000'), placed(4, { country: 'PH', province: '', city: '' }, '09181234567')];
    for (const order of orders) expect(orderProblem(order)).toBeNull();
    const decoded = decodeShard(JSON.parse(JSON.stringify(encodeShard(orders))));
    expect(decoded).toMatchObject({ ok: true, orders, rejected: [], intact: true });
    expect(decoded.ok && 'location' in decoded.orders[2]).toBe(false);
  });

  test('a number\'s place is stored once per shard, however many of its orders the shard holds', () => {
    const many = Array.from({ length: 20 }, (_, i) => placed(i + 1, SHENZHEN));
    const text = JSON.stringify(encodeShard(many));
    expect(text.split('深圳').length - 1).toBe(1);
  });

  test('an order whose place differs from its number\'s other orders keeps its own', () => {
    const orders = [placed(1, SHENZHEN), placed(2, BEIJING)];
    const decoded = decodeShard(JSON.parse(JSON.stringify(encodeShard(orders))));
    expect(decoded.ok && decoded.orders.map((o) => o.location)).toEqual([SHENZHEN, BEIJING]);
  });

  test('a shard written before orders kept places reads as before, intact, with no location', () => {
    const old = JSON.parse(JSON.stringify(encodeShard([placed(1, undefined), placed(2, undefined)])));
    expect(old.l).toBeUndefined();
    const decoded = decodeShard(old);
    expect(decoded).toMatchObject({ ok: true, rejected: [], intact: true });
    expect(decoded.ok && decoded.orders.every((o) => !('location' in o))).toBe(true);
  });

  test.each([
    ['a country no carrier here is in', { country: 'US', province: '', city: '' }],
    ['a province that is not text', { country: 'CN', province: 44, city: '深圳' }],
    ['a bare string', '广东 深圳'],
  ])('%s is refused with a reason', (_name, location) => {
    expect(orderProblem({ ...placed(1, undefined), location } as unknown as Order)).toBe('归属地信息无效');
  });

  test('a changed place is noticed by the shard\'s checks and costs only the orders of that number', () => {
    const shard = JSON.parse(JSON.stringify(encodeShard([placed(1, SHENZHEN), placed(2, BEIJING, '13900139000')])));
    shard.l['13800138000'] = ['CN', '广东', '广州'];
    const decoded = decodeShard(shard);
    expect(decoded.ok && decoded.intact).toBe(false);
    expect(decoded.ok && decoded.orders.map((o) => o.phone)).toEqual(['13900139000']);
  });

  test('a damaged stored place sets aside its order alone', () => {
    const shard = JSON.parse(JSON.stringify(encodeShard([placed(1, SHENZHEN), placed(2, SHENZHEN, '13900139000')])));
    shard.l['13800138000'] = '广东';
    delete shard.c;
    delete shard.k;
    const decoded = decodeShard(shard);
    expect(decoded.ok && decoded.orders.map((o) => o.phone)).toEqual(['13900139000']);
    expect(decoded.ok && decoded.rejected[0].reason).toBe('归属地信息无效');
  });

  test('the store keeps it across a reopen', () => {
    const store = new ShardedRecordStore(new WxKeyValueStorage(), new FakeClock(AT));
    store.open();
    expect(store.append(placed(1, SHENZHEN))).toEqual({ ok: true, value: undefined });
    expect(store.append(placed(2, null, '16600166000'))).toEqual({ ok: true, value: undefined });
    const reopened = new ShardedRecordStore(new WxKeyValueStorage(), new FakeClock(AT));
    reopened.open();
    expect(reopened.get(placed(1, SHENZHEN).id)?.location).toEqual(SHENZHEN);
    expect(reopened.get(placed(2, null, '16600166000').id)?.location).toBeNull();
  });
});
