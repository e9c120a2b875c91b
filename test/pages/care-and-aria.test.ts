/**
 * Issue 17 items 3 and 4 on the rendered pages: 长辈模式 switched in 我的 and kept in
 * storage, followed by pages already open, larger root type through <page-meta>, one main
 * action in the renewal flow; and what a screen reader is told about the controls that
 * cannot name themselves (read from the rendered tree, test/support/aria.ts).
 */
import { openComponent, openPage, type Driver } from '../support/page-driver';
import { TestApp } from '../support/app';
import { ariaOf } from '../support/aria';
import { boundCard } from '../support/cards-fixtures';
import { money } from '../../miniprogram/core/money';
import { CARE_MODE_KEY } from '../../miniprogram/services/care/care-mode';
import type { PaymentSheetHost } from '../../miniprogram/services/contracts';

let app: TestApp;

beforeEach(() => {
  globalThis.__wxStorage.clearStorageSync();
  globalThis.__wxStorage.maxTotalBytes = 10 * 1024 * 1024;
  app = new TestApp();
});

/** What the page's <page-meta root-font-size="{{ fontRoot }}"> is given. */
function pageMeta(driver: Driver): Record<string, unknown> {
  return { 'root-font-size': driver.data.fontRoot };
}

function rootClass(driver: Driver, selector: string): string {
  return driver.find(selector).dom.getAttribute('class') ?? '';
}

async function openLoaded(page: 'packages' | 'confirm', query: Record<string, string>): Promise<Driver> {
  const driver = await openPage(page, query, app.services);
  await driver.until(() => driver.data.status !== 'loading', page);
  return driver;
}

describe('长辈模式', () => {
  test('the switch in 我的 turns it on and off, keeps it in storage, and the page follows at once', async () => {
    const mine = await openPage('mine', {}, app.services);
    expect(mine.textOf('.link-care')).toContain('长辈模式');
    expect(mine.has('.care-switch__track')).toBe(true);
    expect(mine.find('.care-switch__track').dom.getAttribute('class')).not.toContain('care-switch__track--on');
    expect(pageMeta(mine)['root-font-size']).toBe('system');
    expect(ariaOf(mine.find('.care-switch'))).toEqual({ role: 'switch', checked: 'false', label: '长辈模式' });

    await mine.tap('.link-care');
    expect(globalThis.__wxStorage.getStorageSync(CARE_MODE_KEY)).toBe(true);
    await mine.until(() => rootClass(mine, '.mine').includes('care'), 'the care class');
    expect(pageMeta(mine)['root-font-size']).toBe('25.6px');
    expect(ariaOf(mine.find('.care-switch')).checked).toBe('true');
    expect(mine.find('.care-switch__track').dom.getAttribute('class')).toContain('care-switch__track--on');

    await mine.tap('.link-care');
    expect(globalThis.__wxStorage.getStorageSync(CARE_MODE_KEY)).toBe(false);
    await mine.until(() => !rootClass(mine, '.mine').includes('care'), 'the standard look');
    expect(pageMeta(mine)['root-font-size']).toBe('system');
  });

  test('a tab already open follows a change made in 我的; a relaunch keeps the choice', async () => {
    const lookup = await openPage('lookup', {}, app.services);
    expect(rootClass(lookup, '.lookup')).not.toContain('care');
    const mine = await openPage('mine', {}, app.services);
    await mine.tap('.link-care');
    await lookup.until(() => rootClass(lookup, '.lookup').includes('care'), 'lookup in care mode');
    expect(pageMeta(lookup)['root-font-size']).toBe('25.6px');

    const relaunched = new TestApp();
    const home = await openPage('home', {}, relaunched.services);
    expect(rootClass(home, '.home')).toContain('care');
  });

  test('a failed write leaves the look as it was and says why', async () => {
    const mine = await openPage('mine', {}, app.services);
    globalThis.__wxStorage.maxTotalBytes = 0;
    await mine.tap('.link-care');
    expect(app.device.lastToast()).toContain('存储空间已满');
    expect(rootClass(mine, '.mine')).not.toContain('care');
    expect(app.services.care.enabled()).toBe(false);
  });

  test('renewal flow: one main action a screen, plainer words, no fine print', async () => {
    app.services.care.set(true);
    const packages = await openLoaded('packages', { phone: '13800138000' });
    await packages.tap('#tile-cmcc-recharge-50');
    expect(packages.textOf('#next')).toBe('去付款');
    // Hidden by the care rules (styles/care.wxss): the custom amount and the refresh hint.
    expect(packages.find('.packages__custom').dom.getAttribute('class')).toContain('care-hide');
    expect(packages.find('#updated').dom.getAttribute('class')).toContain('care-hide');

    const confirm = await openLoaded('confirm', { phone: '13800138000', productId: 'cmcc-recharge-50' });
    expect(confirm.find('#updated').dom.getAttribute('class')).toContain('care-hide');
    expect(confirm.textOf('#pay')).toContain('确认支付');
  });
});

describe('screen reader labels', () => {
  test('packages: each amount chip and package tile says what it is, its price and whether it is chosen', async () => {
    const packages = await openLoaded('packages', { phone: '13800138000' });
    // The recommended amount comes chosen.
    expect(ariaOf(packages.find('#tile-cmcc-recharge-50'))).toEqual({ role: 'radio', checked: 'true', label: '充值 ¥50，推荐' });
    await packages.tap('#tile-cmcc-recharge-100');
    expect(ariaOf(packages.find('#tile-cmcc-recharge-100'))).toEqual({ role: 'radio', checked: 'true', label: '充值 ¥100，实付 ¥95' });
    expect(ariaOf(packages.find('#tile-cmcc-recharge-50')).checked).toBe('false');
    for (const tile of packages.queryAll('.tile')) expect(ariaOf(tile).label).toMatch(/¥\d+/);
  });

  test('confirm: the top block reads the number and the amount first', async () => {
    const confirm = await openLoaded('confirm', { phone: '13800138000', productId: 'cmcc-recharge-50' });
    expect(ariaOf(confirm.find('.confirm__number')).label).toBe('充值号码 138 0013 8000，支付 ¥50.00，请核对号码');
  });

  test('the pay sheet: ✕ is named, both buttons and the simulated outcomes too', async () => {
    const sheet = await openComponent('../pages/confirm/payment-sheet', {}, app.services);
    void (sheet.instance as PaymentSheetHost).present({
      orderId: 'CR20261125100000123456',
      idempotencyKey: 'key-1',
      amount: money(4750, 'CNY'),
      payee: '卡续费',
      description: '中国移动 话费充值 50 元 · 138****8000',
    });
    await sheet.until(() => sheet.has('.payment-sheet__pay >>> .van-button'), 'the sheet');
    expect(ariaOf(sheet.find('.payment-sheet__close'))).toEqual({ role: 'button', label: '关闭，取消支付' });
    expect(ariaOf(sheet.find('.payment-sheet__pay')).label).toBe('确认支付 ¥47.50');
    expect(ariaOf(sheet.find('.payment-sheet__cancel')).label).toBe('取消支付');
    expect(sheet.queryAll('.payment-sheet__option').map((o) => ariaOf(o))).toEqual([
      { role: 'radio', checked: 'true', label: '模拟结果：正常支付' },
      { role: 'radio', checked: 'false', label: '模拟结果：余额不足' },
      { role: 'radio', checked: 'false', label: '模拟结果：无响应' },
    ]);
  });

  test('home: a card tile names its number and state, its 续费 says which number', async () => {
    app.services.cards.bind(boundCard('13800138000', { nickname: '我的主卡' }));
    const home = await openPage('home', {}, app.services);
    await home.until(() => home.has('.card-0'), 'the card tile');
    const tile = ariaOf(home.find('.card-0 .card__body'));
    expect(tile.role).toBe('button');
    expect(tile.label).toMatch(/^中国移动 138\*\*\*\*8000，.+，.+，打开号码设置$/);
    expect(ariaOf(home.find('.card-0 .renew-button')).label).toBe('给 138****8000 续费');
  });

  test('lookup: the quick numbers name the number they look up; 清空 and 删除 say what they clear', async () => {
    app.services.cards.bind(boundCard('13800138000', { nickname: '我的主卡' }));
    app.services.cards.pushRecent('18600186002');
    const lookup = await openPage('lookup', {}, app.services);
    await lookup.until(() => lookup.has('#quick >>> .quick-row-1'), 'my numbers and the recent one');
    expect(ariaOf(lookup.find('#quick >>> .quick-row-0 .quick__main'))).toEqual({ role: 'button', label: '用 138****8000 我的主卡 查询' });
    expect(ariaOf(lookup.find('#quick >>> .quick__clear'))).toEqual({ role: 'button', label: '清空最近查询的号码' });
    expect(ariaOf(lookup.find('#quick >>> .quick-row-1 .quick__remove'))).toEqual({ role: 'button', label: '删除这个号码' });
  });
});
