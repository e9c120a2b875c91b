/**
 * The auto top-up engine over the real offline backend (carrier, WeChat Pay, papay,
 * checkout, records) and the storage fake: each due rule becomes one real order, marked
 * 自动充值, and no relaunch ever pays twice for one period.
 */
import { TestApp } from '../../../support/app';
import { LOW_BALANCE, MONTHLY_25, ruleFor, ruleStore } from '../../../support/auto-topup-fixtures';
import type { MockWeChatPay } from '../../../../miniprogram/backends/offline/wechat-pay';
import type { MockCarrierGateway } from '../../../../miniprogram/backends/offline/gateway';
import type { MockPapay } from '../../../../miniprogram/backends/offline/papay';
import { executionKey, startExecution, type AutoTopupRule } from '../../../../miniprogram/pages/autotopup/core/auto-topup';
import { EXECUTIONS_KEY, RULES_KEY } from '../../../../miniprogram/pages/autotopup/engine/rule-store';
import type { Order } from '../../../../miniprogram/core/types';

let app: TestApp;

beforeEach(() => {
  globalThis.__wxStorage.clearStorageSync();
  globalThis.__wxStorage.maxTotalBytes = 10 * 1024 * 1024;
  app = new TestApp({ now: '2026-11-20T10:00:00+08:00' });
});

const pay = () => app.services.payment as MockWeChatPay;
const gateway = () => app.services.gateway as MockCarrierGateway;
const papay = () => app.services.papay as MockPapay;
const autoOrders = (): Order[] => app.services.records.all().filter((o) => o.autoTopup);
const launch = () => app.services.autoTopup.run({ kind: 'launch' });

/** A relaunch at that time; `before` sets the new services up (a scripted payment...) before launch runs. */
async function relaunchAt(at: string, before: () => void = () => undefined): Promise<void> {
  app.clock.set(at);
  app.restart();
  before();
  await launch();
}

describe('a monthly rule', () => {
  let rule: AutoTopupRule;

  beforeEach(async () => {
    rule = await ruleFor(app, MONTHLY_25);
  });

  test('is not due before its day', async () => {
    const report = await launch();
    expect(report.results).toEqual([]);
    expect(app.services.records.count()).toBe(0);
  });

  test('on its day tops up once, as a real order marked 自动充值, paid under the contract without a sheet', async () => {
    const presented: unknown[] = [];
    app.services.paymentSheet.attach({ present: async (request) => (presented.push(request), 'cancel') });
    app.clock.set('2026-11-25T08:00:00+08:00');
    const report = await launch();

    expect(report.results).toHaveLength(1);
    expect(report.results[0]).toMatchObject({ outcome: 'succeeded', phone: '13800138000' });
    const [order] = autoOrders();
    expect(order.state).toBe('succeeded');
    expect(order.product.id).toBe('cmcc-recharge-50');
    expect(order.idempotencyKey).toBe(executionKey(rule.id, 'M2026-11', 1));
    expect(order.autoTopup).toEqual({ ruleId: rule.id, period: 'M2026-11', contractId: rule.contract.id });
    expect(presented).toEqual([]);
    expect(pay().chargeCount()).toBe(1);
    expect(app.device.lastToast()).toBe('已为 138****8000 自动充值 ¥50，实付 ¥50.00');
    expect(ruleStore(app).historyOf(rule.id)).toMatchObject([{ outcome: 'succeeded', orderId: order.id, period: 'M2026-11' }]);
  });

  test('the marking survives a relaunch (stored by the record schema with the order)', async () => {
    app.clock.set('2026-11-25T08:00:00+08:00');
    await launch();
    const before = autoOrders()[0];
    app.restart();
    expect(app.services.records.get(before.id)?.autoTopup).toEqual(before.autoTopup);
  });

  test('relaunching the same month, or later that day, never pays again', async () => {
    await relaunchAt('2026-11-25T08:00:00+08:00');
    await relaunchAt('2026-11-25T09:00:00+08:00');
    await relaunchAt('2026-11-30T23:59:00+08:00');
    expect(autoOrders()).toHaveLength(1);
    expect(pay().chargeCount()).toBe(1);
    await relaunchAt('2026-12-25T07:00:00+08:00');
    expect(autoOrders().map((o) => o.autoTopup?.period)).toEqual(['M2026-12', 'M2026-11']);
  });

  test('two runs at once (launch and a lookup) pay once', async () => {
    app.clock.set('2026-11-25T08:00:00+08:00');
    await Promise.all([launch(), launch(), app.services.autoTopup.run({ kind: 'rules_changed' })]);
    expect(autoOrders()).toHaveLength(1);
    expect(pay().chargeCount()).toBe(1);
  });

  test('killed after the execution was written, before the order: the next launch carries on with the same number and key', async () => {
    app.clock.set('2026-11-25T08:00:00+08:00');
    const due = { due: true as const, period: 'M2026-11', attempt: 1, key: executionKey(rule.id, 'M2026-11', 1), amount: rule.topup.amount, productId: rule.topup.productId };
    const written = ruleStore(app).saveExecution({ ...startExecution(rule, due, app.clock.now()), orderId: 'CR20261125080000000001' });
    expect(written.ok).toBe(true);
    await relaunchAt('2026-11-25T08:05:00+08:00');
    await relaunchAt('2026-11-25T08:10:00+08:00');
    expect(autoOrders().map((o) => [o.id, o.state])).toEqual([['CR20261125080000000001', 'succeeded']]);
    expect(pay().chargeCount()).toBe(1);
  });

  test('charged but the answer was lost: the next launch settles it and does not pay again', async () => {
    pay().scenario = 'no_answer';
    app.clock.set('2026-11-25T08:00:00+08:00');
    const first = await launch();
    expect(first.results[0].outcome).toBe('processing');
    expect(autoOrders()[0].state).toBe('unknown');
    await relaunchAt('2026-11-25T09:00:00+08:00');
    expect(autoOrders().map((o) => o.state)).toEqual(['succeeded']);
    expect(pay().chargeCount()).toBe(1);
    expect(ruleStore(app).historyOf(rule.id)[0].outcome).toBe('succeeded');
    expect(app.device.lastToast()).toBe('已为 138****8000 自动充值 ¥50，实付 ¥50.00');
  });

  test('no execution can be written (storage full): nothing is paid, and the user is told', async () => {
    app.clock.set('2026-11-25T08:00:00+08:00');
    globalThis.__wxStorage.maxTotalBytes = globalThis.__wxStorage.usedBytes();
    const report = await launch();
    expect(report.results[0].outcome).toBe('failed');
    expect(app.device.lastToast()).toContain('138****8000 自动充值没有进行，没有扣款：手机上的小程序存储空间已满');
    expect(pay().chargeCount()).toBe(0);
    expect(app.services.records.count()).toBe(0);
  });
});

describe('failures', () => {
  test('a refused payment is recorded with its reason and told; the third in a row pauses the rule', async () => {
    const rule = await ruleFor(app, MONTHLY_25);
    const refuse = () => (pay().scenario = 'fail_insufficient');
    await relaunchAt('2026-11-25T08:00:00+08:00', refuse);
    expect(app.device.lastToast()).toBe('138****8000 自动充值失败：零钱余额不足');
    expect(autoOrders()[0]).toMatchObject({ state: 'pay_failed', failureReason: '零钱余额不足' });
    expect(ruleStore(app).historyOf(rule.id)[0]).toMatchObject({ outcome: 'failed', failureReason: '零钱余额不足' });

    // Retried no sooner than an hour later, as attempt 2 and 3 with keys of their own.
    await relaunchAt('2026-11-25T08:30:00+08:00', refuse);
    expect(autoOrders()).toHaveLength(1);
    await relaunchAt('2026-11-25T09:01:00+08:00', refuse);
    await relaunchAt('2026-11-25T10:02:00+08:00', refuse);
    expect(autoOrders().map((o) => o.idempotencyKey)).toEqual([3, 2, 1].map((n) => executionKey(rule.id, 'M2026-11', n)));
    expect(app.device.lastToast()).toContain('已连续 3 次失败，自动充值已暂停');
    expect(ruleStore(app).get(rule.id)).toMatchObject({ state: 'paused', pausedBy: 'failures' });

    await relaunchAt('2026-11-26T12:00:00+08:00');
    expect(autoOrders()).toHaveLength(3);
    expect(pay().chargeCount()).toBe(0);
  });

  test('a contract ended in WeChat refuses the deduction', async () => {
    const rule = await ruleFor(app, MONTHLY_25);
    await papay().terminate(rule.contract.id!, '用户在微信里关闭');
    await relaunchAt('2026-11-25T08:00:00+08:00');
    expect(app.device.lastToast()).toBe('138****8000 自动充值失败：委托代扣协议已解除，不能自动扣款');
    expect(pay().chargeCount()).toBe(0);
  });

  test('a carrier that refuses the top-up: refunded, recorded as failed', async () => {
    await ruleFor(app, MONTHLY_25);
    await relaunchAt('2026-11-25T08:00:00+08:00', () => gateway().failTopUpFor('next'));
    expect(autoOrders()[0].state).toBe('refunding');
    expect(app.device.lastToast()).toContain('138****8000 自动充值失败：运营商暂时无法为这个号码充值');
    expect(app.device.lastToast()).toContain('款项原路退回');
  });

  test('a lost connection to the carrier is no attempt: it waits for the next launch', async () => {
    await ruleFor(app, MONTHLY_25);
    app.clock.set('2026-11-25T08:00:00+08:00');
    app.restart();
    gateway().failNext('network');
    const report = await launch();
    expect(report.results).toEqual([]);
    expect(app.services.records.count()).toBe(0);
    await launch();
    expect(autoOrders().map((o) => o.state)).toEqual(['succeeded']);
  });

  test('the monthly cap stops a rule that would pass it', async () => {
    const rule = await ruleFor(app, { ...MONTHLY_25, topup: 'cmcc-recharge-100', monthlyCap: '100' });
    await relaunchAt('2026-11-25T08:00:00+08:00');
    expect(autoOrders()).toHaveLength(1);
    // A second period in the same month cannot exist for a monthly rule; the cap also holds across rules' periods.
    expect(ruleStore(app).historyOf(rule.id)).toHaveLength(1);
  });
});

describe('a low-balance rule', () => {
  test('a lookup that sees the balance under the threshold tops up once; later lookups that day do not', async () => {
    const rule = await ruleFor(app, LOW_BALANCE);
    const first = await app.services.gateway.lookup({ phone: '18600186002' });
    expect(first.ok && first.value.balance.amount).toBe(320);
    await app.services.autoTopup.run({ kind: 'rules_changed' });
    const orders = autoOrders();
    expect(orders).toHaveLength(1);
    expect(orders[0]).toMatchObject({ state: 'succeeded', phone: '18600186002', autoTopup: { period: 'D2026-11-20' } });

    const after = await app.services.gateway.lookup({ phone: '18600186002' });
    expect(after.ok && after.value.balance.amount).toBe(5320);
    await app.services.autoTopup.run({ kind: 'rules_changed' });
    expect(autoOrders()).toHaveLength(1);
    expect(ruleStore(app).historyOf(rule.id)).toHaveLength(1);
  });

  test('at launch with no fresh balance it looks the card up itself', async () => {
    await ruleFor(app, LOW_BALANCE);
    await relaunchAt('2026-11-21T09:00:00+08:00');
    expect(autoOrders()).toHaveLength(1);
  });

  test("another number's lookup does not run it", async () => {
    await ruleFor(app, LOW_BALANCE);
    const report = await app.services.autoTopup.run({ kind: 'balance', card: (await app.services.gateway.lookup({ phone: '13800138000' }) as any).value });
    expect(report.results).toEqual([]);
  });
});

describe('paused and cancelled rules', () => {
  test('a paused rule does not run', async () => {
    const rule = await ruleFor(app, MONTHLY_25);
    const store = ruleStore(app);
    store.update({ ...rule, state: 'paused', pausedBy: 'user' });
    await relaunchAt('2026-11-25T08:00:00+08:00');
    expect(app.services.records.count()).toBe(0);
  });

  test('with no rules at all, launch reads one key and loads no engine', async () => {
    const load = jest.fn();
    app.restart({ loadAutoTopupEngine: load });
    const report = await launch();
    expect(report.results).toEqual([]);
    expect(load).not.toHaveBeenCalled();
  });

  test('damaged rules are set aside, never overwritten, and the engine carries on', async () => {
    globalThis.__wxStorage.plantRaw(RULES_KEY, '{"version":1,"rules":[{"id":"broken"}]}');
    globalThis.__wxStorage.plantRaw(EXECUTIONS_KEY, '"not a list"');
    await launch();
    const store = ruleStore(app);
    expect(store.rules()).toEqual([]);
    expect(store.executions()).toEqual([]);
    expect(store.quarantined().map((q) => q.reason)).toEqual(['unreadable rules', 'executions unreadable']);
  });
});
