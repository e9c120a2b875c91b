/**
 * 自动充值 on a bound card's settings (issue 16 item 1): the row leads to the rule, and a
 * failed automatic top-up — told once as a toast — stays said on the row with its reason,
 * as does the pause after three failures. Over the real engine and the offline backend.
 */
import { openPage } from '../support/page-driver';
import { TestApp } from '../support/app';
import { boundCard } from '../support/cards-fixtures';
import { MONTHLY_25, ruleFor } from '../support/auto-topup-fixtures';
import type { MockWeChatPay } from '../../miniprogram/backends/offline/wechat-pay';

const PHONE = '13800138000';
let app: TestApp;

beforeEach(() => {
  globalThis.__wxStorage.clearStorageSync();
  globalThis.__wxStorage.maxTotalBytes = 10 * 1024 * 1024;
  app = new TestApp({ now: '2026-11-20T10:00:00+08:00' });
  app.services.cards.bind(boundCard(PHONE));
});

const openCard = () => openPage('card', { phone: PHONE }, app.services);
const label = async () => (await openCard()).textOf('.autotopup-entry');

test('no rule: the row says what 自动充值 does, and opens the rule page for this number', async () => {
  const page = await openCard();
  expect(page.textOf('.autotopup-entry')).toContain('余额不足或每月固定日期自动充值');
  await page.tap('.autotopup-entry');
  expect(app.nav.last()).toMatchObject({ kind: 'open', page: 'autotopup', query: { phone: PHONE } });
});

test('a rule that is on says so', async () => {
  await ruleFor(app, MONTHLY_25);
  expect(await label()).toContain('已开启');
});

test('a failed automatic top-up is told as a toast, and the row keeps saying why', async () => {
  await ruleFor(app, MONTHLY_25);
  (app.services.payment as MockWeChatPay).scenario = 'fail_insufficient';
  app.clock.set('2026-11-25T08:00:00+08:00');
  const report = await app.services.autoTopup.run({ kind: 'launch' });
  expect(report.results[0]).toMatchObject({ outcome: 'failed' });
  expect(app.device.lastToast()).toBe(report.results[0].message);
  const page = await openCard();
  expect(page.textOf('.autotopup-entry')).toContain('上次自动充值失败：');
  expect(page.textOf('.autotopup-entry')).toContain('余额不足');
  expect(page.html()).toContain('autotopup-entry__warn');
});

test('three failures in a row pause the rule, and the row says it was paused and why', async () => {
  await ruleFor(app, MONTHLY_25);
  (app.services.payment as MockWeChatPay).scenario = 'fail_insufficient';
  // A failed try may be retried an hour later; three in a row pause the rule.
  for (const at of ['08:00', '09:01', '10:02']) {
    app.clock.set(`2026-11-25T${at}:00+08:00`);
    await app.services.autoTopup.run({ kind: 'launch' });
  }
  expect(await label()).toContain('已暂停：连续 3 次自动充值失败（零钱余额不足），请检查后重新开启');
});
