import { openPage, type Driver } from '../support/page-driver';
import { TestApp } from '../support/app';
import { DEMO_PESO_RATE, type MockCarrierGateway } from '../../miniprogram/backends/offline/gateway';
import { chargeFor } from '../../miniprogram/core/charge';
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
  const priced = quote(productById(setup.productId ?? 'cmcc-recharge-50')!, card, chinaToday(now));
  const charge = chargeFor(priced.payable, { rate: DEMO_PESO_RATE, quotedAt: now }, now);
  const order = createOrder({
    id: newOrderId(now, app.services.random),
    idempotencyKey: newIdempotencyKey(app.services.random),
    now,
    card,
    quote: priced,
    ...(charge.ok ? { charge: charge.value } : {}),
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
    expect(lines).toContain('实付金额¥50.00');
    // Ids in a block of their own, whole (issue 12 item 7).
    expect(driver.textOf("#ids")).toBe(`订单号${order.id}微信支付单号${order.transactionId}`);
    expect(driver.text()).not.toContain('13800138000');
    expect(driver.vantShown('#voucher', '.van-button')).toBe(true);
    expect(driver.vantShown('.result__head', '.van-icon')).toBe(true);
    expect(driver.has('#refresh')).toBe(false);
  });

  test('a Smart success: paid in yuan with the face value and rate, the balance in pesos', async () => {
    const order = await checkedOut({ phone: '09181234567', productId: 'smart-recharge-100' });
    const driver = await open(order.id);
    expect(driver.textOf('.result__title')).toBe('充值成功');
    const lines = driver.textOf('#lines');
    expect(lines).toContain('实付金额¥12.35');
    expect(lines).toContain('面值₱100.00');
    expect(lines).toContain('汇率₱1 ≈ ¥0.1235（10:00 报价）');
    expect(lines).toContain('当前余额₱135.00');
    expect(lines).toContain('0918***4567');
  });

  test('a keep-number plan is 已办理, not 已到账 (walk 22)', async () => {
    const order = await checkedOut({ phone: '17300173005', productId: 'ctcc-keep-5' });
    const driver = await open(order.id);
    expect(driver.textOf('.result__subtitle')).toBe('中国电信 173****3005 保号套餐已办理');
  });

  test('a top-up that leaves the line in debt is not a plain success; 补缴欠费 leads to the packages (walk 1)', async () => {
    const order = await checkedOut({ phone: '15900159000', productId: 'cmcc-recharge-10' });
    expectState(order, 'succeeded');
    const driver = await open(order.id);
    expect(driver.textOf('.result__title')).toBe('已到账，号码仍欠费停机');
    expect(driver.textOf('.result__subtitle')).toBe('充值后余额 -¥2.30，至少再充 ¥3 才能复机');
    expect(driver.html()).toContain('result__head--owing');
    await driver.tap('#pay-debt');
    expect(app.nav.last()).toEqual({ kind: 'open', page: 'packages', query: { phone: '15900159000' } });
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

  test('cancelled: no charge, the amount says so, 重新支付 buys the same package again (issue 12 items 3 and 6)', async () => {
    const order = await checkedOut({ scenario: 'cancel' });
    const driver = await open(order.id);
    expect(driver.textOf('.result__title')).toBe('已取消支付');
    expect(driver.textOf('.result__subtitle')).toContain('没有扣款');
    expect(driver.textOf('#lines')).toContain('订单金额¥50.00（未扣款）');
    expect(driver.textOf('#lines')).not.toContain('实付金额');
    expect(driver.has('#refresh')).toBe(false);
    expect(driver.textOf('#retry')).toBe('重新支付');
    await driver.tap('#retry');
    expect(app.nav.last()).toEqual({ kind: 'open', page: 'confirm', query: { phone: '13800138000', productId: 'cmcc-recharge-50' } });
  });

  test('payment failed: the reason, what to do about it, and 重新支付 (issue 12 item 6)', async () => {
    const order = await checkedOut({ scenario: 'fail_insufficient' });
    const driver = await open(order.id);
    expect(driver.textOf('.result__title')).toBe('支付失败');
    expect(driver.textOf('.result__subtitle')).toBe('原因：零钱余额不足，没有扣款');
    expect(driver.textOf('#retry-hint')).toBe('零钱余额不足 — 换一种支付方式（如银行卡）后重新支付');
    expect(driver.textOf('#lines')).toContain('订单金额¥50.00（未扣款）');
    expect(driver.has('.result__refund')).toBe(false);
    await driver.tap('#retry');
    expect(app.nav.last()?.page).toBe('confirm');
  });

  test('a paid order offers no 重新支付', async () => {
    const order = await checkedOut({ carrier: 'unreachable' });
    const driver = await open(order.id);
    expect(driver.has('#retry')).toBe(false);
    driver.instance.onRetry();
    expect(app.nav.moves).toEqual([]);
  });

  test('the carrier refused: 充值失败, the reason and 款项将原路退回; refreshing completes the refund', async () => {
    const order = await checkedOut({ carrier: 'refuse' });
    expectState(order, 'refunding');
    const driver = await open(order.id);
    expect(driver.textOf('.result__title')).toBe('充值失败');
    expect(driver.textOf('.result__subtitle')).toContain('原因：');
    expect(driver.textOf('.result__refund')).toContain('款项将原路退回');
    // Said once (walk 22): the carrier's reason carried the same clause.
    expect(driver.textOf('.result__head').split('款项将原路退回').length).toBe(2);
    expect(driver.textOf('#lines')).toContain('实付金额¥50.00（退款中）');
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

  test('opened while the launch reconciliation runs, the page reads the order again once it is done (walk 4)', async () => {
    const order = await checkedOut({ carrier: 'unreachable' });
    app.restart();
    const reconciling = app.services.checkout.reconcile();
    const driver = await open(order.id);
    await reconciling;
    await driver.untilText('充值成功');
    expectState(order, 'succeeded');
  });

  test('first render under 8 KB', async () => {
    const order = await checkedOut();
    const { meter } = await openPage('result', { orderId: order.id }, app.services);
    expect(meter.sizes.reduce((a, b) => a + b, 0)).toBeLessThan(8 * 1024);
  });
});
