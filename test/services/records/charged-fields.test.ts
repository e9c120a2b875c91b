/**
 * The yuan charged for a peso price (`charged`) and the rate used (`fx`), fields newer
 * than the v2 schema: they travel in the extras' `x`, are validated like every other
 * field, and the month totals count the yuan, not the pesos.
 */
import { decodeShard, encodeShard, orderProblem } from '../../../miniprogram/services/records/schema';
import { ShardedRecordStore } from '../../../miniprogram/services/records/store';
import { WxKeyValueStorage } from '../../../miniprogram/services/wx/storage';
import type { Order } from '../../../miniprogram/core/types';
import { FakeClock } from '../../support/fakes';
import { makeOrder } from '../../support/records-fixtures';

const AT = Date.parse('2026-11-25T10:00:00+08:00');
const RATE = { from: 'PHP' as const, to: 'CNY' as const, fen: 247, centavos: 2000 };

function smartOrder(serial: number, state: Order['state'] = 'succeeded'): Order {
  return {
    ...makeOrder({ serial, state, region: 'PH', amountFen: 15_000, at: AT + serial * 60_000 }),
    charged: { amount: 1852, currency: 'CNY' },
    fx: { rate: RATE, quotedAt: AT - 60_000 },
  };
}

beforeEach(() => globalThis.__wxStorage.clearStorageSync());

describe('charged and fx in the record store', () => {
  test('round-trip through a shard and JSON exactly', () => {
    const order = smartOrder(1);
    expect(orderProblem(order)).toBeNull();
    const decoded = decodeShard(JSON.parse(JSON.stringify(encodeShard([order]))));
    expect(decoded).toMatchObject({ ok: true, orders: [order], rejected: [], intact: true });
  });

  test.each([
    ['a charge in pesos', { charged: { amount: 15_000, currency: 'PHP' } }, '人民币实付金额无效'],
    ['a charge in fractions of a fen', { charged: { amount: 18.52, currency: 'CNY' } }, '人民币实付金额无效'],
    ['a negative charge', { charged: { amount: -1, currency: 'CNY' } }, '人民币实付金额无效'],
    ['a rate of zero', { fx: { rate: { ...RATE, fen: 0 }, quotedAt: AT } }, '汇率信息无效'],
    ['a rate without its time', { fx: { rate: RATE } }, '汇率信息无效'],
    ['a rate as a float', { fx: { rate: 0.1235, quotedAt: AT } }, '汇率信息无效'],
  ])('%s is refused with a reason', (_name, patch, reason) => {
    expect(orderProblem({ ...smartOrder(1), ...patch })).toBe(reason);
  });

  test('a stored order whose rate was damaged is set aside alone, the others stay readable', () => {
    const shard = JSON.parse(JSON.stringify(encodeShard([smartOrder(1), smartOrder(2)]))) as { o: unknown[][] };
    const extras = shard.o[0][19] as { x: { fx: { rate: { fen: number } } } };
    extras.x.fx.rate.fen = -5;
    const decoded = decodeShard(shard);
    expect(decoded.ok && decoded.orders.map((o) => o.id)).toEqual([smartOrder(2).id]);
    expect(decoded.ok && decoded.rejected[0].reason).toBe('汇率信息无效');
  });

  test('month totals count the yuan charged for a peso price, with and without a filter', () => {
    const store = new ShardedRecordStore(new WxKeyValueStorage(), new FakeClock(AT));
    store.open();
    for (const order of [smartOrder(1), smartOrder(2), smartOrder(3, 'cancelled'), makeOrder({ serial: 4, amountFen: 5000, at: AT + 4 * 60_000 })]) {
      expect(store.append(order)).toEqual({ ok: true, value: undefined });
    }
    expect(store.monthTotals('2026-11')).toEqual([{ amount: 5000 + 2 * 1852, currency: 'CNY' }]);
    expect(store.monthTotals('2026-11', { phone: '09171234567' })).toEqual([{ amount: 2 * 1852, currency: 'CNY' }]);
    const reopened = new ShardedRecordStore(new WxKeyValueStorage(), new FakeClock(AT));
    reopened.open();
    expect(reopened.get(smartOrder(1).id)).toEqual(smartOrder(1));
  });
});
