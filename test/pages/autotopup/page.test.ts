/**
 * The 自动充值 pages, rendered with Vant: the card settings entry, the rule form, the
 * 委托代扣 signing page, and a live rule's pause / resume / cancel.
 */
import { openPage, type Driver } from '../../support/page-driver';
import { TestApp } from '../../support/app';
import { boundCard } from '../../support/cards-fixtures';
import { MONTHLY_25, ruleFor, ruleStore } from '../../support/auto-topup-fixtures';
import type { MockPapay } from '../../../miniprogram/backends/offline/papay';
import type { Order } from '../../../miniprogram/core/types';

const PHONE = '13800138000';
let app: TestApp;

beforeEach(() => {
  globalThis.__wxStorage.clearStorageSync();
  globalThis.__wxStorage.maxTotalBytes = 10 * 1024 * 1024;
  app = new TestApp({ now: '2026-11-20T10:00:00+08:00' });
  app.services.cards.bind(boundCard(PHONE, { nickname: '我的主卡', lastKnown: { balance: { amount: 850, currency: 'CNY' }, dataLeftMb: null, expiry: '2026-12-20', suspended: false, at: Date.parse('2026-11-20T09:00:00+08:00') } }));
});

const openRulePage = (phone = PHONE) => openPage('autotopup', { phone }, app.services);
const papay = () => app.services.papay as MockPapay;
const autoOrders = (): Order[] => app.services.records.all().filter((o) => o.autoTopup);

async function fillMonthly(page: Driver, day: string): Promise<void> {
  await page.tap('.kind-monthly');
  await page.type('.day-field', day);
}

describe('the entry on the card settings page', () => {
  test('自动充值 opens the rule page for this number', async () => {
    const card = await openPage('card', { phone: PHONE }, app.services);
    expect(card.vantShown('.autotopup-entry', '.van-cell')).toBe(true);
    await card.tap('.autotopup-entry');
    expect(app.nav.last()).toMatchObject({ kind: 'open', page: 'autotopup', query: { phone: PHONE } });
  });
});

describe('the rule form', () => {
  test('shows the card and a ready form: 余额低于 ¥10 充 ¥50, with its summary', async () => {
    const page = await openRulePage();
    expect(page.textOf('.head')).toContain('138****8000');
    expect(page.textOf('.head')).toContain('我的主卡');
    expect(page.text()).not.toContain('13800138000');
    expect(page.vantShown('.kind-group', '.van-radio-group')).toBe(true);
    expect(page.vantShown('.below-field', '.van-field__body')).toBe(true);
    expect(page.textOf('.summary')).toBe('余额低于 ¥10.00 时充值 ¥50，每月最多 ¥100');
  });

  test('每月固定日期 day 31 explains short months', async () => {
    const page = await openRulePage();
    await fillMonthly(page, '31');
    expect(page.textOf('.summary')).toBe('每月 31 日充值 ¥50，每月最多 ¥100');
    expect(page.textOf('.notice')).toContain('小月（2、4、6、9、11 月）没有 31 日，在当月最后一天充值');
  });

  test.each([
    ['a day that does not exist', async (p: Driver) => fillMonthly(p, '32'), '每月充值日请选择 1–31 日'],
    ['no threshold', async (p: Driver) => p.type('.below-field', ''), '余额低于'],
    ['a cap below one top-up', async (p: Driver) => p.type('.cap-field', '20'), '每月上限不能低于单次充值金额 ¥50'],
    ['a cap with an extra zero', async (p: Driver) => p.type('.cap-field', '25000'), '每月上限：最多 2500 元'],
  ])('refuses %s with a message and does not go on', async (_name, fill, message) => {
    const page = await openRulePage();
    await fill(page);
    await page.tap('.next-button');
    expect(page.textOf('.form-error')).toContain(message);
    expect(app.nav.moves).toEqual([]);
  });

  test('下一步 hands the checked rule to the signing page', async () => {
    const page = await openRulePage();
    await page.tap('.amount-cmcc-recharge-100');
    await page.type('.cap-field', '200');
    await page.tap('.next-button');
    expect(app.nav.last()).toEqual({ kind: 'open', page: 'autotopup/papay', query: { phone: PHONE, carrier: 'cmcc', kind: 'low_balance', below: '10', topup: 'cmcc-recharge-100', cap: '200' } });
  });

  test('a number that is not bound says so', async () => {
    const page = await openRulePage('13900139000');
    expect(page.vantShown('.missing', '.van-empty')).toBe(true);
    expect(page.text()).toContain('这个号码没有绑定');
  });
});

describe('the signing page', () => {
  const query = { phone: PHONE, carrier: 'cmcc', kind: 'monthly', day: '25', topup: 'cmcc-recharge-50', cap: '100' };

  test('imitates WeChat Pay: who asks, the rule, the limits, the agreement', async () => {
    const page = await openPage('autotopup/papay', query, app.services);
    expect(page.vantShown('.contract', '.van-cell-group')).toBe(true);
    expect(page.text()).toContain('开通免密支付');
    expect(page.text()).toContain('卡续费（演示商户） 申请开通自动扣款服务');
    expect(page.textOf('.contract-service')).toContain('话费自动充值 · 138****8000');
    expect(page.textOf('.contract-rule')).toContain('每月 25 日充值 ¥50，每月最多 ¥100');
    expect(page.textOf('.contract-limits')).toContain('单次最多 ¥50，每月最多 ¥100');
    expect(page.has('.points')).toBe(false);
    await page.tap('.terms__link');
    expect(page.textOf('.points')).toContain('取消即解除本协议');
  });

  test('开通 signs the contract, keeps the rule with its contract number, and goes back', async () => {
    const page = await openPage('autotopup/papay', query, app.services);
    await page.tap('.sign-button');
    await page.until(() => app.nav.moves.length > 0, 'navigation back');
    expect(app.nav.last()).toMatchObject({ kind: 'back' });
    expect(app.device.lastToast()).toBe('已开通自动充值，每月 25 日自动充值');
    const rule = ruleStore(app).liveRuleFor(PHONE)!;
    expect(rule).toMatchObject({ state: 'active', trigger: { kind: 'monthly', day: 25 }, topup: { productId: 'cmcc-recharge-50' } });
    expect(rule.contract.code).toMatch(/^PC\d{20}$/);
    expect((await papay().query(rule.contract.id!)).ok).toBe(true);
  });

  test('a rule due today tops up when the rule page shows again, and shows it', async () => {
    app.clock.set('2026-11-25T10:00:00+08:00');
    const signing = await openPage('autotopup/papay', query, app.services);
    await signing.tap('.sign-button');
    await signing.until(() => app.nav.moves.length > 0, 'navigation back');
    expect(autoOrders()).toEqual([]);
    const page = await openRulePage();
    await page.until(() => page.queryAll('.history-row').length === 1, 'the history row');
    expect(autoOrders()[0].state).toBe('succeeded');
    expect(app.device.lastToast()).toBe('已为 138****8000 自动充值 ¥50，实付 ¥50.00');
    expect(page.text()).toContain('已充值');
    expect(page.textOf('.rule-cap')).toContain('本月已自动充值 ¥50');
  });

  test('WeChat Pay unreachable: says so, keeps no rule, and can be tried again', async () => {
    papay().failNext('network');
    const page = await openPage('autotopup/papay', query, app.services);
    await page.tap('.sign-button');
    await page.untilText('开通失败：网络连接失败');
    expect(ruleStore(app).rules()).toEqual([]);
    await page.tap('.sign-button');
    await page.until(() => app.nav.moves.length > 0, 'navigation back');
    expect(ruleStore(app).rules()).toHaveLength(1);
  });

  test('storage full after signing: the contract is undone and the user told', async () => {
    const page = await openPage('autotopup/papay', query, app.services);
    globalThis.__wxStorage.maxTotalBytes = globalThis.__wxStorage.usedBytes() + 700;
    await page.tap('.sign-button');
    await page.untilText('自动充值没有开通');
    expect(page.textOf('.error')).toContain('刚才的免密支付已撤销');
    expect(ruleStore(app).rules()).toEqual([]);
  });

  test('a tampered query is refused before anything is signed', async () => {
    const page = await openPage('autotopup/papay', { ...query, cap: '10' }, app.services);
    expect(page.vantShown('.invalid', '.van-empty')).toBe(true);
    expect(page.text()).toContain('自动充值设置有误：每月上限不能低于单次充值金额');
    expect(page.has('.sign-button')).toBe(false);
  });
});

describe('a live rule', () => {
  test('shows its state, rule, cap use, next day and contract', async () => {
    await ruleFor(app, MONTHLY_25);
    const page = await openRulePage();
    expect(page.has('.form')).toBe(false);
    expect(page.textOf('.rule-state')).toContain('已开启');
    expect(page.textOf('.rule-trigger')).toContain('每月 25 日');
    expect(page.textOf('.rule-topup')).toContain('话费充值 50 元（¥50）');
    expect(page.textOf('.rule-cap')).toContain('本月已自动充值 ¥0，还可充 ¥100');
    expect(page.textOf('.rule-next')).toBe('下次充值2026年11月25日');
    expect(page.textOf('.rule-contract')).toMatch(/PC\d{20}/);
    expect(page.text()).toContain('还没有自动充值过');
  });

  test('after a top-up and a failure the history shows both, the failure with its reason', async () => {
    await ruleFor(app, MONTHLY_25);
    app.clock.set('2026-11-25T08:00:00+08:00');
    await app.services.autoTopup.run({ kind: 'launch' });
    app.clock.set('2026-12-25T08:00:00+08:00');
    app.restart();
    (app.services.payment as any).scenario = 'fail_insufficient';
    await app.services.autoTopup.run({ kind: 'launch' });
    const page = await openRulePage();
    const rows = page.queryAll('.history-row');
    expect(rows).toHaveLength(2);
    expect(page.text()).toContain('失败：零钱余额不足');
    expect(page.text()).toContain('已充值');
    expect(page.textOf('.last-failure')).toBe('最近一次自动充值失败：零钱余额不足');
  });

  test('暂停 then 恢复', async () => {
    const rule = await ruleFor(app, MONTHLY_25);
    const page = await openRulePage();
    await page.tap('.pause-button');
    expect(ruleStore(app).get(rule.id)?.state).toBe('paused');
    expect(page.textOf('.rule-state')).toContain('已暂停');
    expect(page.textOf('.rule-next')).toContain('已暂停，不会自动充值');
    await page.tap('.resume-button');
    expect(ruleStore(app).get(rule.id)?.state).toBe('active');
    expect(app.device.lastToast()).toBe('已恢复自动充值');
  });

  test('取消 asks first, then ends the contract; the form comes back', async () => {
    const rule = await ruleFor(app, MONTHLY_25);
    const page = await openRulePage();
    app.device.confirmAnswers = [false];
    await page.tap('.cancel-button');
    expect(app.device.confirms[0].content).toContain('解除微信支付委托代扣协议');
    expect(ruleStore(app).get(rule.id)?.state).toBe('active');

    await page.tap('.cancel-button');
    await page.untilText('已取消自动充值，委托代扣协议已解除');
    expect(ruleStore(app).get(rule.id)?.state).toBe('cancelled');
    expect((await papay().query(rule.contract.id!)).ok && (await papay().query(rule.contract.id!) as any).value.state).toBe('ended');
    expect(page.has('.next-button')).toBe(true);
  });

  test('WeChat Pay unreachable on cancel: paused first, so nothing more is charged, and told to retry', async () => {
    const rule = await ruleFor(app, MONTHLY_25);
    const page = await openRulePage();
    papay().failNext('network');
    await page.tap('.cancel-button');
    await page.untilText('取消没有完成');
    expect(page.text()).toContain('自动充值已先暂停，不会再扣款');
    expect(ruleStore(app).get(rule.id)?.state).toBe('paused');
    expect(page.has('.resume-button')).toBe(true);
  });

  test('a rule paused by three failures says why', async () => {
    const rule = await ruleFor(app, MONTHLY_25);
    ruleStore(app).update({ ...rule, state: 'paused', pausedBy: 'failures' });
    const page = await openRulePage();
    expect(page.textOf('.rule-state')).toContain('已暂停（连续 3 次失败）');
  });
});
