import { productById } from '../../../miniprogram/core/catalog';
import { peso, yuan } from '../../../miniprogram/core/money';
import { createOrder } from '../../../miniprogram/core/order';
import { quote } from '../../../miniprogram/core/pricing';
import { walkTo } from '../../support/records-orders';
import type { Order, OrderState } from '../../../miniprogram/core/types';
import { voucherLines, voucherText, voucherView } from '../../../miniprogram/pages/voucher/voucher';

const T0 = Date.UTC(2026, 10, 25, 2, 30, 0); // 2026-11-25 10:30:00 China time


function baseOrder(overrides: Partial<Order> = {}): Order {
  const product = productById('cmcc-recharge-100');
  if (!product) throw new Error('catalog changed');
  const q = quote(product, { expiry: '2026-11-30' }, '2026-11-25');
  const order = createOrder({
    id: 'CR20261125103000123456',
    idempotencyKey: 'key-1',
    now: T0,
    card: { phone: '13800138000', region: 'CN', carrier: 'cmcc', cardType: 'phone', expiry: '2026-11-30' },
    quote: q,
  });
  return { ...order, ...overrides };
}

/** Walks an order through legal moves to the given state. */
function orderIn(state: OrderState, overrides: Partial<Order> = {}): Order {
  return { ...walkTo(baseOrder(), state, T0), ...overrides };
}

describe('the voucher (one builder for the page, the text and the picture)', () => {
  const succeeded = orderIn('succeeded', {
    location: { country: 'CN', province: '北京', city: '北京' },
    transactionId: '4200001234202611251234567890',
    after: { balance: yuan(120), dataLeftMb: null, expiry: '2027-11-30' },
  });

  test('every field, in order, with Chinese labels; the full number only on request', () => {
    const view = voucherView(succeeded);
    expect(view.id).toBe('CR20261125103000123456');
    expect(view.phoneMasked).toBe('138****8000');
    expect(view.phoneFull).toBe('138 0013 8000');
    expect(view.lines.map((l) => [l.label, l.value])).toEqual([
      ['下单时间', '2026-11-25 10:30:00'],
      ['下单方式', '手动'],
      ['支付时间', '2026-11-25 10:30:02'],
      ['归属地', '北京 · 中国移动'],
      ['套餐', '话费充值 100 元（话费充值）'],
      ['原价', '¥100.00'],
      ['优惠', '-¥5.00'],
      ['优惠活动', expect.any(String)],
      ['实付金额', '¥95.00'],
      ['支付结果', '支付成功'],
      ['微信支付单号', '4200001234202611251234567890'],
      ['充值状态', '充值成功'],
      ['原到期日', '2026年11月30日'],
      ['新到期日', '2027年11月30日'],
      ['充值后余额', '¥120.00'],
    ]);
  });

  test('the text form starts with the order number and the masked number', () => {
    expect(voucherText(succeeded).slice(0, 2)).toEqual([
      { key: 'id', label: '订单号', value: 'CR20261125103000123456' },
      { key: 'phone', label: '充值号码', value: '138****8000' },
    ]);
    expect(voucherText(succeeded).slice(2)).toEqual(voucherLines(succeeded));
  });

  const value = (order: Order, label: string): string | undefined => voucherLines(order).find((l) => l.label === label)?.value;

  test.each([
    ['no discount shows 无', { discount: yuan(0) }, '优惠', '无'],
    ['no payment yet shows a dash', { transactionId: undefined }, '微信支付单号', '—'],
    ['the gateway\u2019s new expiry wins over the quote', { after: { balance: yuan(1), dataLeftMb: 1, expiry: '2027-12-01' } }, '新到期日', '2027年12月1日'],
    ['a pending order marks the new expiry as expected', { state: 'paid' as const, after: undefined }, '新到期日', '2027年11月30日（预计，充值成功后生效）'],
    ['a Smart order in pesos', { carrier: 'smart' as const, phone: '09171234567', payable: peso(100) }, '实付金额', '₱100.00'],
    ['a corrupt carrier', { carrier: 'globe' as never }, '归属地', '北京 · 未知运营商'],
    ['a corrupt location', { location: { country: 'CN', province: 7 } as never }, '归属地', '归属地未知 · 中国移动'],
    ['an unplaced number', { location: null }, '归属地', '归属地未知 · 中国移动'],
    ['a corrupt state', { state: '__proto__' as never }, '充值状态', '未知状态'],
    ['a corrupt time', { createdAt: NaN }, '下单时间', '—'],
    ['a corrupt amount', { payable: { amount: 1.5, currency: 'CNY' } as never }, '实付金额', '—'],
    ['a corrupt old expiry', { oldExpiry: '2026-02-30' }, '原到期日', '—'],
    ['a missing product', { product: undefined as never }, '套餐', '—'],
  ])('%s', (_name, overrides, label, expected) => {
    expect(value({ ...succeeded, ...overrides } as Order, label)).toBe(expected);
  });

  test('the Smart number keeps its digits in full on request', () => {
    const smart = { ...succeeded, carrier: 'smart' as const, region: 'PH' as const, phone: '09171234567' };
    expect(voucherView(smart).phoneFull.replace(/\D/g, '')).toMatch(/9171234567$/);
    expect(voucherView(smart).phoneMasked).not.toContain('1234');
  });

  test('bonus data and a failure reason get their own lines', () => {
    const failed = orderIn('topup_failed', { bonusDataMb: 1024, failureReason: '运营商系统维护，稍后自动退款' });
    expect(voucherLines(failed).slice(-2).map((l) => [l.label, l.value])).toEqual([
      ['赠送流量', '1024MB'],
      ['失败原因', '运营商系统维护，稍后自动退款'],
    ]);
    expect(voucherLines(succeeded).map((l) => l.label)).not.toContain('赠送流量');
  });

  test('a damaged order never breaks the voucher', () => {
    const broken = { id: '', phone: '', history: null, promotions: null } as unknown as Order;
    expect(() => voucherView(broken)).not.toThrow();
    expect(voucherView(broken).id).toBe('—');
  });
});
