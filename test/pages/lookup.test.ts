import { openPage, type Driver } from '../support/page-driver';
import { TestApp } from '../support/app';
import { deriveIccid } from '../../miniprogram/backends/offline/card-data';
import type { MockCarrierGateway } from '../../miniprogram/backends/offline/gateway';
import type { CardProfile, Result } from '../../miniprogram/core/types';
import type { GatewayError } from '../../miniprogram/services/contracts';
import { money } from '../../miniprogram/core/money';

let app: TestApp;

beforeEach(() => {
  globalThis.__wxStorage.clearStorageSync();
  app = new TestApp();
});

function gateway(): MockCarrierGateway {
  return app.services.gateway as MockCarrierGateway;
}

async function open(): Promise<Driver> {
  return await openPage('lookup', {}, app.services);
}

async function search(driver: Driver, value: string): Promise<void> {
  await driver.type('#query', value);
  await driver.tap('#submit');
}

/** A quick row as read: the masked number (and 备注名), then where it belongs. */
function quickRow(driver: Driver, index: number): string {
  return `${driver.textOf(`#quick >>> .quick-row-${index} .quick__number`)} ${driver.textOf(`#quick >>> .quick-row-${index} .quick__place`)}`;
}

async function found(driver: Driver): Promise<void> {
  await driver.until(() => driver.has('#renew'), 'the card summary');
}

describe('lookup page: entry', () => {
  test('renders a real Vant field and button, and no result yet', async () => {
    const driver = await open();
    expect(driver.vantShown('#query', '.van-field__control')).toBe(true);
    expect(driver.vantShown('#submit', '.van-button')).toBe(true);
    expect(driver.vantShown('#query', '.van-nonexistent')).toBe(false);
    expect(driver.text()).toContain('查询');
    expect(driver.has('#summary')).toBe(false);
    expect(driver.text()).toContain('支持中国移动、联通、电信、广电号码');
    // The help page's scam lead, among the first tips (issue 15 item 6).
    expect(driver.textOf('#scam-tip')).toBe('谨防充值诈骗：价格远低于面值、承诺“几天内到账”的充值，和替陌生人充值，都是骗子常用的套路。');
  });

  test.each([
    ['138', '中国移动', true],
    ['186 0018', '中国联通', true],
    ['133', '中国电信', true],
    ['192', '中国广电', true],
    ['+86 139', '中国移动', true],
    ['0918', 'Smart', false],
    ['+63 918', 'Smart', false],
  ])('typing %s shows the carrier %s', async (typed, carrier, changeable) => {
    const driver = await open();
    await driver.type('#query', typed);
    expect(driver.textOf('.lookup__chip')).toContain(carrier);
    expect(driver.has('.lookup__change')).toBe(changeable);
  });

  test('no chip while the digits are not enough to tell', async () => {
    const driver = await open();
    await driver.type('#query', '1');
    expect(driver.has('.lookup__chip')).toBe(false);
  });

  test('a virtual-operator segment says so', async () => {
    const driver = await open();
    await driver.type('#query', '1705');
    expect(driver.textOf('.lookup__chip')).toContain('虚拟运营商');
  });

  test('不是这个运营商？ opens an action sheet of mainland carriers; the choice shows in the chip', async () => {
    const driver = await open();
    await driver.type('#query', '13800138000');
    await driver.tap('.lookup__change');
    expect(driver.data.showCarrierSheet).toBe(true);
    await driver.until(() => driver.queryAll('#carriers >>> .van-action-sheet__item').length > 0, 'the carrier list');
    const items = driver.queryAll('#carriers >>> .van-action-sheet__item');
    expect(items.map((item) => item.dom.textContent?.trim())).toEqual(['中国移动', '中国联通', '中国电信', '中国广电']);
    items[1].dispatchEvent('tap');
    await driver.until(() => driver.data.showCarrierSheet === false, 'the sheet to close');
    expect(driver.textOf('.lookup__chip')).toBe('中国联通（已携号转网）');
    // The carrier's own answer decides; the page says when it differs from the user's choice.
    await driver.tap('#submit');
    await found(driver);
    expect(driver.textOf('#carrier-note')).toBe('你选择的是中国联通，但运营商查询结果为中国移动，将按中国移动续费');
    // Chip, card and what is renewed name one carrier: the one that answered.
    expect(driver.textOf('.lookup__chip')).toBe('中国移动');
    expect(driver.textOf('#summary')).toContain('中国移动');
  });

  test('a carrier answer that differs from the segment (a ported number) shows in the chip, with no note when the user said nothing', async () => {
    const real = app.services.gateway.lookup.bind(app.services.gateway);
    jest.spyOn(app.services.gateway, 'lookup').mockImplementation(async (query) => {
      const answer = await real(query);
      return answer.ok ? { ok: true, value: { ...answer.value, carrier: 'cucc' } } : answer;
    });
    const driver = await open();
    await search(driver, '13800138000');
    await found(driver);
    expect(driver.textOf('.lookup__chip')).toBe('中国联通（已携号转网）');
    expect(driver.has('#carrier-note')).toBe(false);
    expect(driver.textOf('#summary')).toContain('中国联通');
  });

  test('choosing the segment carrier again clears the override; a new segment forgets it', async () => {
    const driver = await open();
    await driver.type('#query', '13800138000');
    await driver.fire('#carriers', 'select', { name: '中国电信', carrier: 'ctcc' });
    expect(driver.textOf('.lookup__chip')).toBe('中国电信（已携号转网）');
    await driver.fire('#carriers', 'select', { name: '中国移动', carrier: 'cmcc' });
    expect(driver.textOf('.lookup__chip')).toBe('中国移动');
    await driver.fire('#carriers', 'select', { name: '中国电信', carrier: 'ctcc' });
    await driver.type('#query', '18600186002');
    expect(driver.textOf('.lookup__chip')).toBe('中国联通');
  });
});

describe('lookup page: invalid input', () => {
  test.each([
    ['', '请输入手机号码'],
    ['12345', '位'],
    ['abc', ''],
    ['2380013800', ''],
    ['138001380001', ''],
    ['09171234567', 'Globe'],
    ['8986001234567890', 'ICCID'],
  ])('%p shows a Chinese message under the field and changes nothing', async (typed, fragment) => {
    const lookup = jest.spyOn(app.services.gateway, 'lookup');
    const driver = await open();
    await search(driver, typed);
    const message = driver.textOf('#query >>> .van-field__error-message');
    expect(message).toMatch(/[\u4e00-\u9fa5]/);
    expect(message).toContain(fragment);
    expect(lookup).not.toHaveBeenCalled();
    expect(app.services.cards.recent()).toEqual([]);
    expect(driver.has('#summary')).toBe(false);
    expect(driver.has('.lookup__error')).toBe(false);
    expect(globalThis.__wxStorage.getStorageInfoSync().keys).toEqual([]);
  });

  test('typing again clears the message', async () => {
    const driver = await open();
    await search(driver, '123');
    expect(driver.has('#query >>> .van-field__error-message')).toBe(true);
    await driver.type('#query', '1380');
    expect(driver.has('#query >>> .van-field__error-message')).toBe(false);
  });
});

describe('lookup page: looking up', () => {
  test('a valid number shows the card summary, remembers the number and offers 立即续费', async () => {
    const driver = await open();
    await search(driver, '138 0013 8000');
    await found(driver);
    const summary = driver.textOf('#summary');
    expect(summary).toContain('北京 · 中国移动');
    expect(summary).toContain('138****8000');
    expect(summary).toContain('¥86.50');
    expect(summary).toContain('12GB');
    expect(driver.vantShown('#renew', '.van-button')).toBe(true);
    expect(app.services.cards.recent()).toEqual(['13800138000']);
    await driver.tap('#renew');
    expect(app.nav.last()).toEqual({ kind: 'open', page: 'packages', query: { phone: '13800138000', productId: 'cmcc-recharge-50' } });
  });

  test('a Smart number in international form', async () => {
    const driver = await open();
    await search(driver, '+63 918 123 4567');
    await found(driver);
    expect(driver.textOf('#summary')).toContain('0918***4567');
    expect(driver.textOf('#summary')).toContain('₱35.00');
    expect(driver.textOf('#summary')).toContain('菲律宾 · Smart');
    await driver.tap('#renew');
    expect(app.nav.last()?.query).toEqual({ phone: '09181234567', productId: 'smart-recharge-100' });
  });

  test('an ICCID finds the card it belongs to', async () => {
    const driver = await open();
    await search(driver, deriveIccid('13800138000', 'cmcc'));
    await found(driver);
    expect(driver.textOf('#summary')).toContain('138****8000');
    await driver.tap('#renew');
    expect(app.nav.last()?.query).toEqual({ phone: '13800138000', productId: 'cmcc-recharge-50' });
  });

  test('the button shows loading while the carrier answers', async () => {
    let answer: (value: Result<CardProfile, GatewayError>) => void = () => undefined;
    jest.spyOn(app.services.gateway, 'lookup').mockImplementationOnce(() => new Promise((resolve) => (answer = resolve)));
    const driver = await open();
    await search(driver, '13800138000');
    expect(driver.data.status).toBe('loading');
    expect(driver.textOf('#submit')).toContain('查询中');
    expect(driver.html()).toContain('van-button--loading');
    const profile = (await gateway().lookup({ phone: '13800138000' })) as { ok: true; value: CardProfile };
    answer({ ok: true, value: { ...profile.value, balance: money(100, 'CNY') } });
    await found(driver);
    expect(driver.textOf('#submit')).toBe('查询');
    expect(driver.textOf('#summary')).toContain('¥1.00');
  });

  test.each(['network', 'timeout'] as const)('a %s failure shows an error block; 重试 finds the card', async (kind) => {
    gateway().failNext(kind);
    const driver = await open();
    await search(driver, '13800138000');
    await driver.until(() => driver.has('.lookup__error'), 'the error block');
    expect(driver.textOf('.lookup__error-text')).toContain(kind === 'network' ? '网络连接失败' : '超时');
    expect(driver.vantShown('#retry', '.van-button')).toBe(true);
    expect(driver.has('#summary')).toBe(false);
    expect(app.services.cards.recent()).toEqual([]);
    await driver.tap('#retry');
    await found(driver);
    expect(driver.has('.lookup__error')).toBe(false);
  });

  test.each([
    ['not_found', '没有查到这张卡，请核对号码或 ICCID'],
    ['unsupported', '暂只支持中国大陆号码和菲律宾 Smart / TNT 号码'],
  ] as const)('%s is a clear message without 重试', async (error, message) => {
    jest.spyOn(app.services.gateway, 'lookup').mockResolvedValueOnce({ ok: false, error, message });
    const driver = await open();
    await search(driver, '13800138000');
    await driver.until(() => driver.has('.lookup__missing'), 'the message');
    expect(driver.textOf('.lookup__missing')).toBe(message);
    expect(driver.has('#retry')).toBe(false);
    expect(app.services.cards.recent()).toEqual([]);
  });

  test('a fresh search hides the previous card until the new answer', async () => {
    const driver = await open();
    await search(driver, '13800138000');
    await found(driver);
    gateway().failNext('network');
    await search(driver, '18600186002');
    await driver.until(() => driver.has('.lookup__error'), 'the error');
    expect(driver.has('#summary')).toBe(false);
    expect(driver.has('#renew')).toBe(false);
  });
});

describe('lookup page: the card shown is the card of the number in the field (issue 12 item 1)', () => {
  test('typing another number without 查询 takes the card and 立即续费 away; nothing renews the old card', async () => {
    const driver = await open();
    await search(driver, '13800138000');
    await found(driver);
    await driver.type('#query', '18600186002');
    expect(driver.has('#summary')).toBe(false);
    expect(driver.has('#renew')).toBe(false);
    driver.instance.onRenew();
    expect(app.nav.moves).toEqual([]);
    await driver.tap('#submit');
    await found(driver);
    expect(driver.textOf('#summary')).toContain('186****6002');
    await driver.tap('#renew');
    expect(app.nav.last()?.query).toEqual({ phone: '18600186002', productId: 'cucc-recharge-50' });
  });

  test('an invalid entry after a lookup leaves the error and no card under it', async () => {
    const driver = await open();
    await search(driver, '13800138000');
    await found(driver);
    await search(driver, '1380013800');
    expect(driver.textOf('#query >>> .van-field__error-message')).toContain('位');
    expect(driver.has('#summary')).toBe(false);
    expect(driver.has('#renew')).toBe(false);
  });

  test('deleting a digit is already another number', async () => {
    const driver = await open();
    await search(driver, '13800138000');
    await found(driver);
    await driver.type('#query', '1380013800');
    expect(driver.has('#renew')).toBe(false);
  });

  test('the same number written another way keeps its card', async () => {
    const driver = await open();
    await search(driver, '13800138000');
    await found(driver);
    await driver.type('#query', '+86 138 0013 8000');
    expect(driver.has('#renew')).toBe(true);
    await driver.tap('#renew');
    expect(app.nav.last()?.query).toEqual({ phone: '13800138000', productId: 'cmcc-recharge-50' });
  });

  test('an answer for a number no longer in the field is dropped', async () => {
    let answer: (value: Result<CardProfile, GatewayError>) => void = () => undefined;
    const first = (await gateway().lookup({ phone: '13800138000' })) as { ok: true; value: CardProfile };
    jest.spyOn(app.services.gateway, 'lookup').mockImplementationOnce(() => new Promise((resolve) => (answer = resolve)));
    const driver = await open();
    await search(driver, '13800138000');
    await driver.type('#query', '18600186002');
    answer(first);
    await driver.until(() => driver.data.status === 'idle', 'the page to stay idle');
    expect(driver.has('#summary')).toBe(false);
    expect(driver.textOf('#submit')).toBe('查询');
  });

  test('立即续费 puts the card, with the time it was fetched, where packages will read it', async () => {
    const driver = await open();
    await search(driver, '13800138000');
    await found(driver);
    const held = app.services.renewalCache.card('13800138000');
    expect(held?.card.phone).toBe('13800138000');
    expect(held?.fetchedAt).toBe(app.clock.now());
    expect(app.services.renewalCache.card('18600186002')).toBeUndefined();
  });
});

describe('lookup page: after a renewal (issue 12 item 9)', () => {
  test('the number looked up shows in 最近查询 at once, and back on the tab the card shows the renewed figures', async () => {
    const driver = await open();
    await search(driver, '18600186002');
    await found(driver);
    await search(driver, '13800138000');
    await found(driver);
    expect(quickRow(driver, 0)).toBe('138****8000 北京 · 中国移动');
    expect(quickRow(driver, 1)).toBe('186****6002 广东 深圳 · 中国联通');
    const before = driver.textOf('#summary');
    app.clock.advance(60_000);
    app.services.renewalCache.credited('13800138000', { orderId: 'CR1', balance: money(13650, 'CNY'), dataLeftMb: 12288, expiry: '2027-07-08' }, app.clock.now());
    await driver.lifecycle('onShow');
    const after = driver.textOf('#summary');
    expect(after).not.toBe(before);
    expect(after).toContain('¥136.50');
    expect(after).toContain('2027年7月8日');
  });
});

describe('lookup page: an ICCID whose check digit fails (walk 6)', () => {
  function misread(): string {
    const iccid = deriveIccid('18912349552', 'ctcc');
    const last = Number(iccid.slice(-1));
    return `${iccid.slice(0, -1)}${(last + 1) % 10}`;
  }

  test('asks to check the card first, looks up on a second 查询, shows the full number, and keeps it out of 最近查询 until renewed', async () => {
    const lookup = jest.spyOn(app.services.gateway, 'lookup');
    const driver = await open();
    await search(driver, misread());
    expect(driver.textOf('.lookup__warning')).toContain('核对无误后再点一次「查询」');
    expect(lookup).not.toHaveBeenCalled();
    await driver.tap('#submit');
    await found(driver);
    expect(lookup).toHaveBeenCalledTimes(1);
    expect(driver.textOf('#iccid-number')).toMatch(/^这张卡的号码是 \d{3} \d{4} \d{4}，是你的卡吗？$/);
    expect(app.services.cards.recent()).toEqual([]);
    await driver.tap('#renew');
    expect(app.services.cards.recent()).toHaveLength(1);
  });
});

describe('lookup page: quick picks, handoff and refresh', () => {
  test('bound and recent numbers show masked; a tap looks the number up', async () => {
    app.services.cards.bind({
      phone: '18600186002',
      region: 'CN',
      carrier: 'cucc',
      cardType: 'phone',
      nickname: '妈妈',
      isDefault: true,
      boundAt: app.clock.now(),
      verifiedBy: 'sms',
      remindDaysBefore: 3,
    });
    app.services.cards.pushRecent('13300133003');
    app.services.cards.pushRecent('18600186002');
    const driver = await open();
    expect(quickRow(driver, 0)).toBe('186****6002 妈妈 归属地未知 · 中国联通');
    expect(quickRow(driver, 1)).toBe('133****3003 归属地未知 · 中国电信');
    expect(driver.has('#quick >>> .quick-row-2')).toBe(false);
    expect(driver.text()).not.toContain('13300133003');
    await driver.tap('#quick >>> .quick-row-1 .quick__main');
    await found(driver);
    expect(driver.textOf('#summary')).toContain('中国电信');
    expect(driver.textOf('#summary')).toContain('已过期');
    // The lookup taught the list where the number belongs.
    expect(quickRow(driver, 1)).toMatch(/^133\*\*\*\*3003 .+ · 中国电信$/);
    expect(quickRow(driver, 1)).not.toContain('归属地未知');
    await driver.tap('#quick >>> .quick-row-0 .quick__main');
    await driver.until(() => (driver.textOf('#summary') || '').includes('中国联通'), 'the bound card');
  });

  test('a number handed over by another page is filled in and looked up', async () => {
    app.nav.open('lookup', { phone: '15900159000' });
    const driver = await open();
    await found(driver);
    expect(driver.data.input).toBe('15900159000');
    expect(driver.textOf('#summary')).toContain('已停机');
    expect(app.nav.takeHandoff('lookup')).toBeUndefined();
  });

  test('pull-down refresh asks the carrier again and stops the spinner', async () => {
    const driver = await open();
    await search(driver, '13800138000');
    await found(driver);
    const lookup = jest.spyOn(app.services.gateway, 'lookup');
    await driver.lifecycle('onPullDownRefresh');
    expect(lookup).toHaveBeenCalledWith({ phone: '13800138000' });
    expect(app.device.pullDownStops).toBe(1);
    expect(driver.has('#summary')).toBe(true);
  });

  test('pull-down refresh with nothing looked up only stops the spinner', async () => {
    const lookup = jest.spyOn(app.services.gateway, 'lookup');
    const driver = await open();
    await driver.lifecycle('onPullDownRefresh');
    expect(lookup).not.toHaveBeenCalled();
    expect(app.device.pullDownStops).toBe(1);
  });
});

describe('lookup page: setData budget', () => {
  test('first render under 8 KB, each keystroke and tap under 2 KB', async () => {
    app.services.cards.pushRecent('13300133003');
    const driver = await openPage('lookup', {}, app.services);
    const { meter } = driver;
    const first = meter.sinceLast();
    expect(first.reduce((a, b) => a + b, 0)).toBeLessThan(8 * 1024);
    for (const prefix of ['1', '13', '138', '1380', '13800138000']) {
      await driver.type('#query', prefix);
      for (const size of meter.sinceLast()) expect(size).toBeLessThan(2 * 1024);
    }
    await driver.tap('#submit');
    await found(driver);
    for (const size of meter.sinceLast()) expect(size).toBeLessThan(2 * 1024);
  });
});
