import { openPage, type Driver } from '../support/page-driver';
import { TestApp } from '../support/app';
import type { MockCarrierGateway } from '../../miniprogram/backends/offline/gateway';
import type { MockWeChatPay, PaymentScenario } from '../../miniprogram/backends/offline/wechat-pay';
import { productById } from '../../miniprogram/core/catalog';
import { chinaToday } from '../../miniprogram/core/dates';
import { createOrder, newIdempotencyKey, newOrderId } from '../../miniprogram/core/order';
import { quote } from '../../miniprogram/core/pricing';
import type { CardProfile, Order, OrderState } from '../../miniprogram/core/types';

let app: TestApp;

beforeEach(() => {
  globalThis.__wxStorage.clearStorageSync();
  app = new TestApp();
});

function gateway(): MockCarrierGateway {
  return app.services.gateway as MockCarrierGateway;
}

interface Setup {
  phone?: string;
  productId?: string;
  scenario?: PaymentScenario;
  /** What goes wrong at the carrier after payment. */
  carrier?: 'ok' | 'refuse' | 'unreachable';
}

/** An order paid through the real checkout (no sheet on screen: the mock answers by scenario). */
async function checkedOut(setup: Setup = {}): Promise<Order> {
  const phone = setup.phone ?? '13800138000';
  const found = await app.services.gateway.lookup({ phone });
  const card = (found as { ok: true; value: CardProfile }).value;
  const now = app.clock.now();
  const order = createOrder({
    id: newOrderId(now, app.services.random),
    idempotencyKey: newIdempotencyKey(app.services.random),
    now,
    card,
    quote: quote(productById(setup.productId ?? 'cmcc-recharge-50')!, card, chinaToday(now)),
  });
  (app.services.payment as MockWeChatPay).scenario = setup.scenario ?? 'pay';
  if (setup.carrier === 'refuse') gateway().failTopUpFor('next');
  if (setup.carrier === 'unreachable') gateway().failNext('network');
  return (await app.services.checkout.pay(order)).order;
}

async function open(orderId: string): Promise<Driver> {
  return await openPage('result', { orderId }, app.services);
}

function expectState(order: Order, state: OrderState): void {
  expect(app.services.records.get(order.id)?.state).toBe(state);
}

describe('result page', () => {
  test('success: 充值成功 with the refreshed balance, data and new expiry, and Vant buttons', async () => {
    const order = await checkedOut();
    expectState(order, 'succeeded');
    const driver = await open(order.id);
    expect(driver.textOf('.result__title')).toBe('充值成功');
    expect(driver.textOf('.result__subtitle')).toBe('中国移动 138****8000 已到账');
    const lines = driver.textOf('#lines');
    expect(lines).toContain('当前余额¥136.50');
    expect(lines).toContain('剩余流量12GB');
    expect(lines).toContain('新到期日2027年7月8日');
    expect(lines).toContain(`订单号${order.id}`);
    expect(lines).toContain('实付金额¥50.00');
    expect(driver.text()).not.toContain('13800138000');
    expect(driver.vantShown('#voucher', '.van-button')).toBe(true);
    expect(driver.vantShown('.result__head', '.van-icon')).toBe(true);
    expect(driver.has('#refresh')).toBe(false);
  });

  test('a Smart success shows pesos', async () => {
    const order = await checkedOut({ phone: '09181234567', productId: 'smart-recharge-100' });
    const driver = await open(order.id);
    expect(driver.textOf('.result__title')).toBe('充值成功');
    expect(driver.textOf('#lines')).toContain('当前余额₱135.00');
    expect(driver.textOf('#lines')).toContain('0918***4567');
  });

  test('paid but not credited yet: says processing, not success; 刷新结果 settles it', async () => {
    const order = await checkedOut({ carrier: 'unreachable' });
    expectState(order, 'paid');
    const driver = await open(order.id);
    expect(driver.textOf('.result__title')).toBe('已支付，运营商处理中');
    expect(driver.text()).not.toContain('充值成功');
    expect(driver.textOf('#lines')).toContain('预计到期日2027年7月8日');
    await driver.tap('#refresh');
    await driver.untilText('充值成功');
    expectState(order, 'succeeded');
    expect(driver.has('#refresh')).toBe(false);
  });

  test('cancelled: no charge, no refresh', async () => {
    const order = await checkedOut({ scenario: 'cancel' });
    const driver = await open(order.id);
    expect(driver.textOf('.result__title')).toBe('已取消支付');
    expect(driver.textOf('.result__subtitle')).toContain('没有扣款');
    expect(driver.has('#refresh')).toBe(false);
  });

  test('payment failed: the reason', async () => {
    const order = await checkedOut({ scenario: 'fail_insufficient' });
    const driver = await open(order.id);
    expect(driver.textOf('.result__title')).toBe('支付失败');
    expect(driver.textOf('.result__subtitle')).toBe('原因：零钱余额不足');
    expect(driver.has('.result__refund')).toBe(false);
  });

  test('the carrier refused: 充值失败, the reason and 款项将原路退回; refreshing completes the refund', async () => {
    const order = await checkedOut({ carrier: 'refuse' });
    expectState(order, 'refunding');
    const driver = await open(order.id);
    expect(driver.textOf('.result__title')).toBe('充值失败');
    expect(driver.textOf('.result__subtitle')).toContain('原因：');
    expect(driver.textOf('.result__refund')).toContain('款项将原路退回');
    await driver.tap('#refresh');
    await driver.untilText('已退款');
    expect(driver.textOf('.result__refund')).toBe('款项已原路退回');
    expectState(order, 'refunded');
  });

  test('no answer from WeChat Pay: 支付结果待确认 — 请勿重复支付; 刷新结果 reconciles and re-reads', async () => {
    const order = await checkedOut({ scenario: 'no_answer' });
    expectState(order, 'unknown');
    const driver = await open(order.id);
    expect(driver.textOf('.result__title')).toBe('支付结果待确认 — 请勿重复支付');
    expect(driver.textOf('.result__subtitle')).toContain('确认前不要再次付款');
    expect(driver.vantShown('#refresh', '.van-button')).toBe(true);
    const reconcile = jest.spyOn(app.services.checkout, 'reconcile');
    await driver.tap('#refresh');
    await driver.untilText('充值成功');
    expect(reconcile).toHaveBeenCalledTimes(1);
    expectState(order, 'succeeded');
  });

  test('an answer that still cannot be had keeps the honest wording', async () => {
    const order = await checkedOut({ scenario: 'no_answer' });
    const driver = await open(order.id);
    (app.services.payment as MockWeChatPay).failNextQuery('network');
    await driver.tap('#refresh');
    await driver.until(() => driver.data.refreshing === false, 'the refresh');
    expect(driver.textOf('.result__title')).toBe('支付结果待确认 — 请勿重复支付');
    expectState(order, 'unknown');
  });

  test('the buttons: voucher, another card, home', async () => {
    const order = await checkedOut();
    const driver = await open(order.id);
    await driver.tap('#voucher');
    expect(app.nav.last()).toEqual({ kind: 'open', page: 'voucher', query: { orderId: order.id } });
    await driver.tap('#another');
    expect(app.nav.last()).toEqual({ kind: 'open', page: 'lookup', query: {} });
    await driver.tap('#home');
    expect(app.nav.last()).toEqual({ kind: 'open', page: 'home', query: {} });
  });

  test.each([['CR20261125100000999999'], [''], ['<script>']])('an unknown order %p: a clear message and a way home', async (orderId) => {
    const driver = await open(orderId);
    expect(driver.textOf('.result__title')).toBe('没有找到这笔订单');
    expect(driver.has('#voucher')).toBe(false);
    await driver.tap('#home');
    expect(app.nav.last()?.page).toBe('home');
  });

  test('back on screen (from the voucher), the order is read again', async () => {
    const order = await checkedOut({ carrier: 'unreachable' });
    const driver = await open(order.id);
    expect(driver.textOf('.result__title')).toBe('已支付，运营商处理中');
    await app.services.checkout.reconcile();
    await driver.lifecycle('onShow');
    expect(driver.textOf('.result__title')).toBe('充值成功');
  });

  test('first render under 8 KB', async () => {
    const order = await checkedOut();
    const { meter } = await openPage('result', { orderId: order.id }, app.services);
    expect(meter.sizes.reduce((a, b) => a + b, 0)).toBeLessThan(8 * 1024);
  });
});
