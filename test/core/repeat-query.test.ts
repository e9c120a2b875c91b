import type { Order } from '../../miniprogram/core/types';
import { readConfirmQuery } from '../../miniprogram/pages/confirm/summary';
import { repeatQuery as renewAgainQuery } from '../../miniprogram/core/order';
import { realOrder } from '../support/records-orders';

const AT = '2026-11-25T10:30:00+08:00';
const withProduct = (order: Order, product: Partial<Order['product']>): Order => ({ ...order, product: { ...order.product, ...product } });

describe('repeatQuery: buy the same again (voucher 再次充值, result 重新支付)', () => {
  test('a catalog recharge: the number and the product id, which confirm accepts', () => {
    const query = renewAgainQuery(realOrder({ at: AT }));
    expect(query).toEqual({ phone: '13800138000', productId: 'cmcc-recharge-10' });
    expect(readConfirmQuery(query)).toMatchObject({ ok: true, value: { phone: '13800138000', product: { id: 'cmcc-recharge-10' } } });
  });

  test('a data pack and a keep plan', () => {
    expect(renewAgainQuery(realOrder({ at: AT, kind: 'data', pick: 1 }))).toEqual({ phone: '13800138000', productId: 'cmcc-data-10gb' });
    expect(renewAgainQuery(realOrder({ at: AT, kind: 'keep', pick: 1 }))).toEqual({ phone: '13800138000', productId: 'cmcc-keep-12m' });
  });

  test('a Smart load keeps the Philippine number', () => {
    expect(renewAgainQuery(realOrder({ at: AT, carrier: 'smart', phone: '09181234567' }))).toEqual({ phone: '09181234567', productId: 'smart-recharge-20' });
  });

  test('a custom amount (¥37) is found again by its id alone, and confirm accepts it', () => {
    const order = withProduct(realOrder({ at: AT }), { id: 'cmcc-recharge-custom-37', title: '话费充值 37 元', credit: { amount: 3700, currency: 'CNY' } });
    const query = renewAgainQuery(order);
    expect(query).toEqual({ phone: '13800138000', productId: 'cmcc-recharge-custom-37' });
    expect(readConfirmQuery(query)).toMatchObject({ ok: true, value: { product: { id: 'cmcc-recharge-custom-37', credit: { amount: 3700 } } } });
  });

  test('a recharge the catalog no longer sells carries its amount in minor units, so confirm can check it', () => {
    const order = withProduct(realOrder({ at: AT }), { id: 'cmcc-recharge-15', credit: { amount: 1500, currency: 'CNY' } });
    expect(renewAgainQuery(order)).toEqual({ phone: '13800138000', productId: 'cmcc-recharge-15', amount: '1500' });
  });

  test('a retired pack carries no amount (a pack is not bought by amount)', () => {
    const order = withProduct(realOrder({ at: AT, kind: 'data' }), { id: 'cmcc-data-1gb' });
    expect(renewAgainQuery(order)).toEqual({ phone: '13800138000', productId: 'cmcc-data-1gb' });
  });

  test('the query is plain text only: every value a string', () => {
    const query = renewAgainQuery(withProduct(realOrder({ at: AT }), { id: 'gone', credit: { amount: 0, currency: 'CNY' } }));
    expect(Object.values(query).every((v) => typeof v === 'string')).toBe(true);
  });
});
