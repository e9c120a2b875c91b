import { openPage, type Driver, settle } from '../support/page-driver';
import { TestApp } from '../support/app';
import { deriveIccid } from '../../miniprogram/backends/offline/card-data';
import type { MockCarrierGateway } from '../../miniprogram/backends/offline/gateway';
import type { CardProfile, Result } from '../../miniprogram/core/types';
import type { GatewayError } from '../../miniprogram/services/contracts';

// The fake clock starts at 2026-11-25 10:00 China time; demo 13800138000 expires in 45 days (2027-01-09).
let app: TestApp;

beforeEach(() => {
  globalThis.__wxStorage.clearStorageSync();
  app = new TestApp();
});

async function open(query: Record<string, string>): Promise<Driver> {
  const opened = await openPage('packages', query, app.services);
  await opened.until(() => opened.data.status !== 'loading', 'the card');
  return opened;
}

/** Names of the rendered tiles of one kind, in order. */
function tileTexts(driver: Driver, kind: 'recharge' | 'data' | 'keep' = 'recharge'): string[] {
  const names = kind === 'recharge' ? driver.queryAll('.tile__name') : driver.queryAll(`.pack__name--${kind}`);
  return names.map((el) => (el.dom.textContent ?? '').replace(/\s+/g, ' ').trim());
}

async function switchTab(driver: Driver, index: number): Promise<void> {
  driver.queryAll('.packages__tabs >>> .van-tab')[index].dispatchEvent('tap');
  await driver.until(() => (driver.queryAll('.packages__tabs >>> .van-tab__pane')[index]?.dom.className ?? '').includes('pane--active'), `tab ${index}`);
  await settle();
}

describe('packages page: states', () => {
  test('shows a Vant loading indicator while the card is looked up', async () => {
    let answer: (value: Result<CardProfile, GatewayError>) => void = () => undefined;
    jest.spyOn(app.services.gateway, 'lookup').mockImplementationOnce(() => new Promise((resolve) => (answer = resolve)));
    const driver = await openPage('packages', { phone: '13800138000' }, app.services);
    expect(driver.vantShown('.packages__loading van-loading, .packages__loading', '.van-loading')).toBe(true);
    expect(driver.text()).toContain('正在查询号码信息');
    expect(driver.has('#next')).toBe(false);
    answer({ ok: false, error: 'not_found', message: '没有查到这张卡，请核对号码或 ICCID' });
    await driver.until(() => driver.data.status === 'missing', 'the answer');
    expect(driver.text()).toContain('没有查到这张卡');
  });

  test.each([
    ['no number', {}],
    ['a malformed number', { phone: '12345' }],
    ['a Globe number', { phone: '09171234567' }],
    ['a malformed ICCID', { iccid: '8986abc' }],
  ])('%s in the link: a clear error, a way back, nothing looked up or stored', async (_name, query) => {
    const lookup = jest.spyOn(app.services.gateway, 'lookup');
    const driver = await openPage('packages', query as Record<string, string>, app.services);
    expect(driver.text()).toContain('链接中的号码无效');
    expect(driver.vantShown('#back', '.van-button')).toBe(true);
    expect(lookup).not.toHaveBeenCalled();
    await driver.tap('#back');
    expect(app.nav.last()?.kind).toBe('back');
    expect(globalThis.__wxStorage.getStorageInfoSync().keys).toEqual([]);
  });

  test('a network failure offers 重试, which loads the packages', async () => {
    (app.services.gateway as MockCarrierGateway).failNext('network');
    const driver = await open({ phone: '13800138000' });
    expect(driver.text()).toContain('网络连接失败');
    expect(driver.has('#next')).toBe(false);
    await driver.tap('#retry');
    await driver.until(() => driver.data.status === 'ready', 'the packages');
    expect(tileTexts(driver)).toContain('¥50');
  });
});

describe('packages page: a mainland phone card', () => {
  test('card summary, Vant tabs and grid, prices, promotions and the recommendation', async () => {
    const driver = await open({ phone: '13800138000' });
    expect(driver.textOf('#summary')).toContain('138****8000');
    expect(driver.vantShown('.packages__tabs', '.van-tabs')).toBe(true);
    expect(driver.vantShown('#tile-cmcc-recharge-50', '.van-grid-item__content')).toBe(true);
    expect(driver.queryAll('.packages__tabs >>> .van-tab').map((t) => (t.dom.textContent ?? '').trim())).toEqual(['话费充值', '流量包', '保号套餐']);
    expect(tileTexts(driver)).toEqual(['¥10', '¥20', '¥30', '¥50', '¥100', '¥200']);
    const hundred = driver.textOf('#tile-cmcc-recharge-100');
    expect(hundred).toContain('售价 ¥95');
    expect(driver.textOf('#tile-cmcc-recharge-100 >>> .tile__original')).toBe('¥100');
    expect(driver.textOf('#tile-cmcc-recharge-30')).toBe('¥30售价 ¥30');
    expect(driver.textOf('#tile-cmcc-recharge-50')).toContain('推荐');
    expect(driver.textOf('#tile-cmcc-recharge-20')).not.toContain('推荐');
    expect(driver.text()).toContain('限时优惠：大额充值 95 折（100 元及以上）；充值满 100 元减 5 元；流量包加赠 1GB；保号年包立减 10 元');
    expect(driver.text()).not.toContain('国庆');
    expect(driver.textOf('.packages__recommend')).toBe('推荐最多人选择的充值金额：¥50');
    // The recommendation is preselected with its new expiry.
    expect(driver.textOf('.packages__selection-title')).toBe('已选：话费充值 50 元¥50');
    expect(driver.textOf('.packages__expiry')).toBe('到期日将延长至 2027年7月8日');
  });

  test('a tap selects a tile and shows its new expiry, sending only the selection', async () => {
    const driver = await open({ phone: '13800138000' });
    const { meter } = driver;
    meter.sinceLast();
    await driver.tap('#tile-cmcc-recharge-100');
    expect(driver.textOf('.packages__selection-title')).toBe('已选：话费充值 100 元¥95¥100');
    expect(driver.textOf('.packages__expiry')).toBe('到期日将延长至 2028年1月9日');
    expect(driver.textOf('.packages__perks')).toBe('大额充值 95 折（100 元及以上）');
    expect(driver.html()).toContain('tile--on');
    const sent = meter.sinceLast();
    expect(sent.length).toBe(1);
    expect(sent[0]).toBeLessThan(2 * 1024);
  });

  test('data packs on their tab: bonus data shown, selectable', async () => {
    const driver = await open({ phone: '13800138000' });
    await switchTab(driver, 1);
    expect(tileTexts(driver, 'data')).toEqual(['5GB 流量月包', '10GB 流量月包', '30GB 流量月包']);
    expect(driver.textOf('#tile-cmcc-data-10gb')).toContain('加赠 1GB');
    await driver.tap('#tile-cmcc-data-10gb');
    expect(driver.textOf('.packages__selection-title')).toContain('10GB 流量月包');
    expect(driver.textOf('.packages__expiry')).toBe('到期日将延长至 2027年2月8日');
    expect(driver.textOf('.packages__perks')).toBe('流量 10GB · 加赠 1GB · 流量包加赠 1GB');
    await driver.tap('#next');
    expect(app.nav.last()).toEqual({ kind: 'open', page: 'confirm', query: { phone: '13800138000', productId: 'cmcc-data-10gb' } });
  });

  test('keep-number plans with the year plan discount struck through', async () => {
    const driver = await open({ phone: '13800138000' });
    await switchTab(driver, 2);
    expect(tileTexts(driver, 'keep')).toEqual(['保号套餐 8 元/月', '保号年包 12 个月']);
    expect(driver.textOf('#tile-cmcc-keep-12m >>> .tile__original')).toBe('¥88');
    expect(driver.textOf('#tile-cmcc-keep-12m')).toContain('¥78');
  });

  test('下一步 goes to confirm with the number and the product, never a price', async () => {
    const driver = await open({ phone: '13800138000' });
    await driver.tap('#tile-cmcc-recharge-20');
    await driver.tap('#next');
    expect(app.nav.last()).toEqual({ kind: 'open', page: 'confirm', query: { phone: '13800138000', productId: 'cmcc-recharge-20' } });
  });

  test('a productId in the link is preselected on its tab', async () => {
    const driver = await open({ phone: '13800138000', productId: 'cmcc-data-30gb' });
    expect(driver.data.activeTab).toBe(1);
    expect(driver.textOf('.packages__selection-title')).toContain('30GB 流量月包');
  });

  test.each(['smart-recharge-100', 'cucc-recharge-50', 'nonsense'])('a productId %s not for this card is ignored', async (productId) => {
    const driver = await open({ phone: '13800138000', productId });
    expect(driver.textOf('.packages__selection-title')).toBe('已选：话费充值 50 元¥50');
  });

  test('an ICCID link looks the card up by ICCID', async () => {
    const driver = await open({ iccid: deriveIccid('13800138000', 'cmcc') });
    expect(driver.textOf('#summary')).toContain('138****8000');
    await driver.tap('#next');
    expect(app.nav.last()?.query.phone).toBe('13800138000');
  });
});

describe('packages page: custom amount', () => {
  test('a valid amount is selected and travels as amount in minor units', async () => {
    const driver = await open({ phone: '13800138000' });
    expect(driver.data.customHint).toBe('10–500 元的整数');
    await driver.type('#custom', '66');
    expect(driver.textOf('.packages__selection-title')).toBe('已选：话费充值 66 元¥66');
    expect(driver.textOf('.packages__expiry')).toBe('到期日将延长至 2027年7月8日');
    expect(driver.html()).not.toContain('tile--on');
    await driver.tap('#next');
    expect(app.nav.last()?.query).toEqual({ phone: '13800138000', productId: 'cmcc-recharge-custom-66', amount: '6600' });
  });

  test('an amount equal to a tile selects that tile (and its promotion)', async () => {
    const driver = await open({ phone: '13800138000' });
    await driver.type('#custom', '100');
    expect(driver.data.selectedId).toBe('cmcc-recharge-100');
    expect(driver.textOf('.packages__selection-title')).toContain('¥95');
    await driver.tap('#next');
    expect(app.nav.last()?.query).toEqual({ phone: '13800138000', productId: 'cmcc-recharge-100' });
  });

  test.each([
    ['5', '最低充值 10 元'],
    ['501', '单笔最多充值 500 元'],
    ['50.5', '只能充值整数金额'],
    ['abc', '金额格式不对'],
  ])('%p shows an error under the field and clears a custom selection', async (typed, message) => {
    const driver = await open({ phone: '13800138000' });
    await driver.type('#custom', '66');
    await driver.type('#custom', typed);
    expect(driver.textOf('#custom >>> .van-field__error-message')).toContain(message);
    expect(driver.data.selectedId).toBe('');
    expect(driver.textOf('.packages__selection')).toContain('请选择充值金额或套餐');
    expect(driver.html()).toContain('van-button--disabled');
    driver.instance.onNext();
    expect(app.device.lastToast()).toBe('请先选择充值金额或套餐');
    expect(app.nav.moves).toEqual([]);
  });

  test('an invalid amount leaves a tile selection alone; clearing the field clears the error', async () => {
    const driver = await open({ phone: '13800138000' });
    await driver.type('#custom', '3');
    expect(driver.data.selectedId).toBe('cmcc-recharge-50');
    await driver.type('#custom', '');
    expect(driver.has('#custom >>> .van-field__error-message')).toBe(false);
  });
});

describe('packages page: other cards', () => {
  test('a Smart number: peso loads, extra validity days, peso bounds', async () => {
    const driver = await open({ phone: '09181234567' });
    expect(tileTexts(driver)).toEqual(['₱20', '₱50', '₱100', '₱300', '₱500', '₱1000']);
    expect(driver.textOf('#tile-smart-recharge-300')).toContain('加送 7 天');
    expect(driver.textOf('#tile-smart-recharge-100')).toContain('推荐');
    expect(driver.textOf('.packages__selection-title')).toBe('已选：充值 ₱100₱100');
    expect(driver.textOf('.packages__expiry')).toBe('到期日将延长至 2027年1月6日');
    await driver.tap('#tile-smart-recharge-300');
    expect(driver.textOf('.packages__expiry')).toBe('到期日将延长至 2027年2月27日');
    await driver.type('#custom', '1001');
    expect(driver.textOf('#custom >>> .van-field__error-message')).toContain('₱1000');
  });

  test('a keep-number card expiring soon: 保号套餐 first, its cheapest plan recommended', async () => {
    const driver = await open({ phone: '17300173005' });
    expect(driver.queryAll('.packages__tabs >>> .van-tab').map((t) => (t.dom.textContent ?? '').trim())).toEqual(['保号套餐', '话费充值']);
    expect(driver.data.selectedId).toBe('ctcc-keep-5');
    expect(driver.textOf('.packages__recommend')).toContain('保号卡');
  });

  test('a data card low on data: 流量包 first, a pack recommended', async () => {
    const driver = await open({ phone: '19200192000' });
    expect(driver.data.activeTab).toBe(0);
    expect(driver.queryAll('.packages__tabs >>> .van-tab').map((t) => (t.dom.textContent ?? '').trim())[0]).toBe('流量包');
    expect(driver.data.selectedId).toBe('cbn-data-5gb');
    expect(driver.textOf('.packages__recommend')).toContain('剩余流量不足 1GB');
  });
});

describe('packages page: setData budget', () => {
  test('the first render stays under 8 KB', async () => {
    const { meter } = await open({ phone: '13800138000' });
    expect(meter.sizes.reduce((a, b) => a + b, 0)).toBeLessThan(8 * 1024);
  });
});
