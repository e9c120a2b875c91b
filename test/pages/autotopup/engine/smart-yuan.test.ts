/**
 * An automatic top-up of a Smart number is charged as any Smart payment is: in yuan at
 * the gateway's rate, the peso face value kept beside it (WeChat Pay charges yuan only).
 */
import { TestApp } from '../../../support/app';
import { ruleFor } from '../../../support/auto-topup-fixtures';
import type { MockCarrierGateway } from '../../../../miniprogram/backends/offline/gateway';

let app: TestApp;

beforeEach(() => {
  globalThis.__wxStorage.clearStorageSync();
  app = new TestApp({ now: '2026-11-20T10:00:00+08:00' });
});

test('a monthly Smart rule pays the yuan of its peso load, once', async () => {
  await ruleFor(app, { phone: '09181234567', carrier: 'smart', trigger: { kind: 'monthly', day: 25 }, topup: 'smart-recharge-100', monthlyCap: '200' });
  app.clock.set('2026-11-25T08:00:00+08:00');
  const report = await app.services.autoTopup.run({ kind: 'launch' });
  expect(report.results[0]).toMatchObject({ outcome: 'succeeded', phone: '09181234567' });
  const [order] = app.services.records.all();
  expect(order.payable).toEqual({ amount: 10000, currency: 'PHP' });
  expect(order.charged).toEqual({ amount: 1235, currency: 'CNY' });
  expect(app.device.lastToast()).toBe('已为 0918***4567 自动充值 ₱100，实付 ¥12.35');
});

test('no rate to be had: nothing is paid, and the execution waits for the next run', async () => {
  await ruleFor(app, { phone: '09181234567', carrier: 'smart', trigger: { kind: 'monthly', day: 25 }, topup: 'smart-recharge-100', monthlyCap: '200' });
  app.clock.set('2026-11-25T08:00:00+08:00');
  jest.spyOn(app.services.gateway as MockCarrierGateway, 'exchangeRate').mockResolvedValueOnce({ ok: false, error: 'network', message: '网络连接失败' });
  const report = await app.services.autoTopup.run({ kind: 'launch' });
  expect(report.results).toEqual([]);
  expect(app.services.records.count()).toBe(0);
  const again = await app.services.autoTopup.run({ kind: 'launch' });
  expect(again.results[0]).toMatchObject({ outcome: 'succeeded' });
});
