import { openPage } from '../support/page-driver';
import { TestApp } from '../support/app';
import { ScriptedGateway, boundCard } from '../support/cards-fixtures';
import { makeOrder } from '../support/records-fixtures';

let app: TestApp;

beforeEach(() => {
  globalThis.__wxStorage.clearStorageSync();
  app = new TestApp({ override: { gateway: new ScriptedGateway() } });
});

const openMine = () => openPage('mine', {}, app.services);

function bindTwo() {
  app.services.cards.bind(boundCard('13800138000', { nickname: '我的主卡' }));
  app.services.cards.bind(boundCard('13900139000', { nickname: '妈妈的卡', carrier: 'ctcc' }));
}

describe('mine page', () => {
  test('lists the bound numbers masked, with their count and the default marked', async () => {
    bindTwo();
    const page = await openMine();
    expect(page.text()).toContain('我的号码（2）');
    expect(page.textOf('.number-0')).toContain('138****8000');
    expect(page.textOf('.number-0')).toContain('我的主卡 · 中国移动');
    expect(page.textOf('.number-0')).toContain('默认');
    expect(page.textOf('.number-1')).toContain('139****9000');
    expect(page.textOf('.number-1')).toContain('妈妈的卡 · 中国电信');
    expect(page.textOf('.number-1')).toContain('设为默认');
    expect(page.text()).not.toContain('13800138000');
    expect(page.vantShown('.number-1 .default-button', '.van-button')).toBe(true);
  });

  test('设为默认 moves the default, in storage and on screen', async () => {
    bindTwo();
    const page = await openMine();
    await page.tap('.number-1 .default-button');
    expect(app.services.cards.get('13900139000')?.isDefault).toBe(true);
    expect(app.services.cards.get('13800138000')?.isDefault).toBe(false);
    expect(page.textOf('.number-0')).toContain('设为默认');
    expect(page.textOf('.number-1')).not.toContain('设为默认');
    expect(page.textOf('.number-1')).toContain('默认');
    expect(app.device.lastToast()).toBe('已设为默认号码');
  });

  test('shows how many records there are', async () => {
    const base = Date.parse('2026-11-20T10:00:00+08:00');
    for (let i = 0; i < 3; i += 1) app.services.records.append(makeOrder({ at: base + i * 60_000, serial: i + 1 }));
    const page = await openMine();
    expect(page.textOf('.link-records')).toContain('充值记录');
    expect(page.textOf('.link-records')).toContain('3 笔');
    await page.tap('.link-records');
    expect(app.nav.last()).toMatchObject({ page: 'records' });
  });

  test.each([
    ['.link-bind', 'bind', {}],
    ['.link-help', 'help', {}],
    ['.link-plan', 'plan', {}],
  ])('%s opens %s', async (selector, target, query) => {
    const page = await openMine();
    expect(page.vantShown(selector, '.van-cell')).toBe(true);
    await page.tap(selector);
    expect(app.nav.last()).toMatchObject({ kind: 'open', page: target, query });
  });

  test('card settings open the default card; a number row opens that card', async () => {
    bindTwo();
    app.services.cards.setDefault('13900139000');
    const page = await openMine();
    await page.tap('.link-settings');
    expect(app.nav.last()).toMatchObject({ page: 'card', query: { phone: '13900139000' } });
    await page.tap('.number-0 .number__info');
    expect(app.nav.last()).toMatchObject({ page: 'card', query: { phone: '13800138000' } });
  });

  test('with nothing bound, settings lead to binding first', async () => {
    const page = await openMine();
    expect(page.text()).toContain('我的号码（0）');
    expect(page.text()).toContain('还没有绑定号码');
    await page.tap('.link-settings');
    expect(app.nav.last()).toMatchObject({ page: 'bind' });
  });

  test('coming back to the tab shows a card bound meanwhile', async () => {
    const page = await openMine();
    app.services.cards.bind(boundCard('13700137000'));
    await page.lifecycle('onShow');
    expect(page.text()).toContain('我的号码（1）');
    expect(page.text()).toContain('137****7000');
  });
});
