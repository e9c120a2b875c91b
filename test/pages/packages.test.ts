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
  driver.queryAll('.packages__kind')[index].dispatchEvent('tap');
  await driver.until(() => driver.data.activeTab === index, `tab ${index}`);
  await settle();
}

function tabTitles(driver: Driver): string[] {
  return driver.queryAll('.packages__kind').map((t) => (t.dom.textContent ?? '').trim());
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
  test('card summary with its time, tabs, tiles, the tab\u2019s promotions and the recommendation', async () => {
    const driver = await open({ phone: '13800138000' });
    expect(driver.textOf('#summary')).toContain('138****8000');
    expect(driver.textOf('#updated')).toBe('数据更新于 10:00 · 下拉可刷新');
    expect(tabTitles(driver)).toEqual(['话费充值', '流量包', '保号套餐']);
    expect(tileTexts(driver)).toEqual(['¥10', '¥20', '¥30', '¥50', '¥100', '¥200']);
    // A second price only where it differs (issue 12 item 15).
    expect(driver.textOf('#tile-cmcc-recharge-100 >>> .tile__price')).toBe('¥95¥100');
    expect(driver.textOf('#tile-cmcc-recharge-100 >>> .tile__original')).toBe('¥100');
    expect(driver.textOf('#tile-cmcc-recharge-30')).toBe('¥30');
    expect(driver.has('#tile-cmcc-recharge-30 >>> .tile__price')).toBe(false);
    expect(driver.textOf('#tile-cmcc-recharge-50')).toContain('推荐');
    expect(driver.textOf('#tile-cmcc-recharge-20')).not.toContain('推荐');
    // Only what applies to this tab (issue 12 item 12).
    expect(driver.textOf('#promo')).toBe('限时优惠：大额充值 95 折（100 元及以上）；充值满 100 元减 5 元');
    expect(driver.text()).not.toContain('国庆');
    expect(driver.text()).not.toContain('保号年包立减');
    expect(driver.textOf('.packages__recommend')).toBe('推荐最多人选择的充值金额：¥50');
    // The recommendation is preselected with its new expiry.
    expect(driver.textOf('.packages__selection-title')).toBe('已选：话费充值 50 元¥50.00');
    expect(driver.textOf('.packages__expiry')).toBe('到期日将延长至 2027年7月8日');
    expect(driver.has('#face-value')).toBe(false);
  });

  test('each tab says only its own promotions', async () => {
    const driver = await open({ phone: '13800138000' });
    await switchTab(driver, 1);
    expect(driver.textOf('#promo')).toBe('限时优惠：流量包加赠 1GB');
    await switchTab(driver, 2);
    expect(driver.textOf('#promo')).toBe('限时优惠：保号年包立减 10 元');
    await switchTab(driver, 0);
    expect(driver.textOf('#promo')).not.toContain('保号');
  });

  test('a tap selects a tile and shows its new expiry, sending only the selection', async () => {
    const driver = await open({ phone: '13800138000' });
    const { meter } = driver;
    meter.sinceLast();
    await driver.tap('#tile-cmcc-recharge-100');
    expect(driver.textOf('.packages__selection-title')).toBe('已选：话费充值 100 元¥95.00¥100');
    expect(driver.textOf('.packages__expiry')).toBe('到期日将延长至 2028年1月9日');
    expect(driver.textOf('.packages__perks')).toBe('大额充值 95 折（100 元及以上）');
    expect(driver.html()).toContain('tile--on');
    const sent = meter.sinceLast();
    expect(sent.length).toBe(1);
    expect(sent[0]).toBeLessThan(2 * 1024);
  });

  test('data packs on their tab: bonus data shown; the card\u2019s expiry stays as it is (walk 13)', async () => {
    const driver = await open({ phone: '13800138000' });
    await switchTab(driver, 1);
    expect(tileTexts(driver, 'data')).toEqual(['5GB 流量月包', '10GB 流量月包', '30GB 流量月包']);
    expect(driver.textOf('#tile-cmcc-data-10gb')).toContain('加赠 1GB');
    await driver.tap('#tile-cmcc-data-10gb');
    expect(driver.textOf('.packages__selection-title')).toContain('10GB 流量月包');
    expect(driver.textOf('.packages__expiry')).toBe('流量 30 天有效，号码到期日不变（2027年1月9日）');
    expect(driver.textOf('.packages__perks')).toBe('流量 10GB · 加赠 1GB · 流量包加赠 1GB');
    await driver.tap('#next');
    expect(app.nav.last()).toEqual({ kind: 'open', page: 'confirm', query: { phone: '13800138000', productId: 'cmcc-data-10gb' } });
  });

  test('keep-number plans: the year plan discount struck through, and its saving computed from the price paid', async () => {
    const driver = await open({ phone: '13800138000' });
    await switchTab(driver, 2);
    expect(tileTexts(driver, 'keep')).toEqual(['保号套餐 8 元/月', '保号年包 12 个月']);
    expect(driver.textOf('#tile-cmcc-keep-12m >>> .tile__original')).toBe('¥88');
    expect(driver.textOf('#tile-cmcc-keep-12m')).toContain('¥78');
    // 12 × ¥8 = ¥96 against ¥78.
    expect(driver.textOf('#tile-cmcc-keep-12m')).toContain('比按月省 ¥18');
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
    expect(driver.textOf('.packages__selection-title')).toBe('已选：话费充值 50 元¥50.00');
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
    expect(driver.textOf('.packages__selection-title')).toBe('已选：话费充值 66 元¥66.00');
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

  test('any text in 其他金额 replaces the tile choice: an invalid amount leaves nothing to pay (issue 12 item 4)', async () => {
    const driver = await open({ phone: '13800138000' });
    await driver.tap('#tile-cmcc-recharge-50');
    expect(driver.data.selectedId).toBe('cmcc-recharge-50');
    await driver.type('#custom', '501');
    expect(driver.textOf('#custom >>> .van-field__error-message')).toContain('单笔最多充值 500 元');
    expect(driver.data.selectedId).toBe('');
    expect(driver.text()).not.toContain('已选');
    expect(driver.html()).toContain('van-button--disabled');
    await driver.type('#custom', '');
    expect(driver.has('#custom >>> .van-field__error-message')).toBe(false);
    expect(driver.data.selectedId).toBe('');
  });

  test('a tile tapped after typing replaces the typed amount and clears the field', async () => {
    const driver = await open({ phone: '13800138000' });
    await driver.type('#custom', '66');
    await driver.tap('#tile-cmcc-recharge-20');
    expect(driver.data.selectedId).toBe('cmcc-recharge-20');
    expect(driver.data.customValue).toBe('');
    await driver.tap('#next');
    expect(app.nav.last()?.query).toEqual({ phone: '13800138000', productId: 'cmcc-recharge-20' });
  });
});

describe('packages page: other cards', () => {
  test('a Smart number: peso face values priced in yuan at the gateway\u2019s rate, extra validity days, peso bounds (issue 12 item 8)', async () => {
    const driver = await open({ phone: '09181234567' });
    expect(tileTexts(driver)).toEqual(['₱20', '₱50', '₱100', '₱300', '₱500', '₱1000']);
    // ₱100 at ₱1 ≈ ¥0.1235 is ¥12.35; ₱300 is ¥37.05.
    expect(driver.textOf('#tile-smart-recharge-100 >>> .tile__price')).toBe('¥12.35');
    expect(driver.textOf('#tile-smart-recharge-300')).toContain('¥37.05');
    expect(driver.textOf('#tile-smart-recharge-300')).toContain('加送 7 天');
    expect(driver.textOf('#tile-smart-recharge-100')).toContain('推荐');
    expect(driver.textOf('#rate')).toBe('按 ₱1 ≈ ¥0.1235（10:00 报价）折合人民币支付');
    expect(driver.textOf('.packages__selection-title')).toBe('已选：充值 ₱100¥12.35');
    expect(driver.textOf('#face-value')).toBe('面值 ₱100.00 · ₱1 ≈ ¥0.1235（10:00 报价）');
    expect(driver.textOf('.packages__expiry')).toBe('到期日将延长至 2027年1月6日');
    await driver.tap('#tile-smart-recharge-300');
    expect(driver.textOf('.packages__expiry')).toBe('到期日将延长至 2027年2月27日');
    await driver.type('#custom', '1001');
    expect(driver.textOf('#custom >>> .van-field__error-message')).toContain('₱1000');
  });

  test('a Smart amount typed above ₱300 gets the extra days too: paying more never buys less (walk 5)', async () => {
    const driver = await open({ phone: '09181234567' });
    expect(driver.textOf('#promo')).toBe('限时优惠：充值 ₱300 及以上加送 7 天有效期');
    await driver.tap('#tile-smart-recharge-500');
    const fiveHundred = driver.textOf('.packages__expiry');
    await driver.type('#custom', '999');
    const typed = driver.textOf('.packages__expiry');
    expect(typed).toBe(fiveHundred);
    expect(driver.textOf('.packages__perks')).toContain('加送有效期 7 天');
  });

  test('a suspended card: the smallest recharge that clears the debt is suggested, and a smaller one says the line stays cut off (walk 1)', async () => {
    const driver = await open({ phone: '15900159000' });
    expect(driver.data.selectedId).toBe('cmcc-recharge-20');
    expect(driver.textOf('.packages__recommend')).toContain('至少充 ¥13 才能复机');
    expect(driver.has('#debt')).toBe(false);
    await driver.tap('#tile-cmcc-recharge-10');
    expect(driver.textOf('#debt')).toBe('充值后余额仍为 -¥2.30，号码仍停机，至少充 ¥13 才能复机');
  });

  test('the card this renewal already fetched is reused while fresh: no second lookup', async () => {
    const found = await app.services.gateway.lookup({ phone: '13800138000' });
    if (!found.ok) throw new Error(found.message);
    app.services.renewalCache.putCard(found.value, app.clock.now());
    app.clock.advance(4 * 60_000);
    const lookup = jest.spyOn(app.services.gateway, 'lookup');
    const driver = await open({ phone: '13800138000' });
    expect(lookup).not.toHaveBeenCalled();
    expect(driver.textOf('#updated')).toContain('数据更新于 10:00');
    await driver.lifecycle('onPullDownRefresh');
    expect(lookup).toHaveBeenCalledTimes(1);
    expect(driver.textOf('#updated')).toContain('数据更新于 10:04');
    expect(app.device.pullDownStops).toBe(1);
  });

  test('a card fetched more than 5 minutes ago is asked again', async () => {
    const found = await app.services.gateway.lookup({ phone: '13800138000' });
    if (!found.ok) throw new Error(found.message);
    app.services.renewalCache.putCard(found.value, app.clock.now());
    app.clock.advance(5 * 60_000 + 1);
    const lookup = jest.spyOn(app.services.gateway, 'lookup');
    await open({ phone: '13800138000' });
    expect(lookup).toHaveBeenCalledTimes(1);
  });

  test('never another number\u2019s card: the cache answers by the number in the link', async () => {
    const other = await app.services.gateway.lookup({ phone: '18600186002' });
    if (!other.ok) throw new Error(other.message);
    app.services.renewalCache.putCard(other.value, app.clock.now());
    const driver = await open({ phone: '13800138000' });
    expect(driver.textOf('#summary')).toContain('138****8000');
    expect(driver.textOf('#summary')).not.toContain('186');
  });

  test('a keep-number card expiring soon: 保号套餐 first, its cheapest plan recommended', async () => {
    const driver = await open({ phone: '17300173005' });
    expect(tabTitles(driver)).toEqual(['保号套餐', '话费充值']);
    expect(driver.data.selectedId).toBe('ctcc-keep-5');
    expect(driver.textOf('.packages__recommend')).toContain('保号卡');
  });

  test('a data card low on data: 流量包 first, a pack recommended', async () => {
    const driver = await open({ phone: '19200192000' });
    expect(driver.data.activeTab).toBe(0);
    expect(tabTitles(driver)[0]).toBe('流量包');
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
