/**
 * 充值's numbers from elsewhere (issue 15 items 1 and 3): the address book behind 通讯录
 * (after the privacy agreement; a contact with two numbers lets the user pick; a refusal
 * or a cancel leaves the page as it was, with a hint), and the quick picks (bound first,
 * each with carrier and 归属地, a recent one removed, all of them cleared after a confirm,
 * at most 10 kept). Rendered through simulate and driven by taps.
 */
import { openPage, type Driver } from '../support/page-driver';
import { TestApp } from '../support/app';
import { FakePrivacyService } from '../../miniprogram/services/wx/privacy';
import { boundCard } from '../support/cards-fixtures';

let app: TestApp;
let privacy: FakePrivacyService;

beforeEach(() => {
  globalThis.__wxStorage.clearStorageSync();
  app = new TestApp();
  privacy = new FakePrivacyService({ agreed: true });
});

async function open(): Promise<Driver> {
  return await openPage('lookup', {}, { ...app.services, privacy });
}

async function found(driver: Driver): Promise<void> {
  await driver.until(() => driver.has('#renew'), 'the card summary');
}

function quickRow(driver: Driver, index: number): string {
  return `${driver.textOf(`#quick >>> .quick-row-${index} .quick__number`)} ${driver.textOf(`#quick >>> .quick-row-${index} .quick__place`)}`;
}

function quickCount(driver: Driver): number {
  return driver.queryAll('#quick >>> .quick__row').length;
}

async function sheetItems(driver: Driver) {
  await driver.until(() => driver.queryAll('#contact-numbers >>> .van-action-sheet__item').length > 0, 'the numbers sheet');
  return driver.queryAll('#contact-numbers >>> .van-action-sheet__item');
}

/** What the user sees that a contact pick must not change: the field, the card, the quick list. */
function screen(driver: Driver) {
  return { input: driver.data.input, summary: driver.has('#summary') ? driver.textOf('#summary') : '', quick: quickCount(driver) };
}

describe('充值: 通讯录', () => {
  test('a real Vant button beside the field', async () => {
    const driver = await open();
    expect(driver.vantShown('#contacts', '.van-button')).toBe(true);
    expect(driver.textOf('#contacts')).toBe('通讯录');
  });

  test('a contact with one number: it goes into the field, is looked up and shows its 归属地', async () => {
    app.device.pickContact('妈妈', '138 0013 8000');
    const driver = await open();
    await driver.tap('#contacts');
    await found(driver);
    expect(driver.data.input).toBe('13800138000');
    expect(driver.textOf('#contact-hint')).toBe('已填入「妈妈」的号码 138****8000');
    expect(driver.textOf('#summary')).toContain('北京 · 中国移动');
    expect(driver.textOf('.lookup__chip')).toBe('中国移动');
  });

  test('a contact with two numbers: a Vant sheet offers both, masked with their carriers; the chosen one is looked up', async () => {
    app.device.pickContact('爸爸', '173 0017 3005', '+86 186-0018-6002');
    const driver = await open();
    await driver.tap('#contacts');
    const items = await sheetItems(driver);
    expect(driver.textOf('#contact-numbers >>> .van-action-sheet__description')).toContain('「爸爸」有 2 个号码，要用哪一个？');
    expect(items.map((item) => item.dom.textContent?.replace(/\s+/g, ''))).toEqual(['173****3005中国电信', '186****6002中国联通']);
    expect(driver.text()).not.toContain('18600186002');
    items[1].dispatchEvent('tap');
    await found(driver);
    expect(driver.data.showContactSheet).toBe(false);
    expect(driver.data.input).toBe('18600186002');
    expect(driver.textOf('#summary')).toContain('广东 深圳 · 中国联通');
    expect(driver.textOf('#contact-hint')).toBe('已填入「爸爸」的号码 186****6002');
  });

  test('closing the sheet without a choice leaves the number and card that were there, and says so', async () => {
    const driver = await open();
    await driver.type('#query', '13800138000');
    await driver.tap('#submit');
    await found(driver);
    const before = screen(driver);
    app.device.pickContact('爸爸', '17300173005', '18600186002');
    await driver.tap('#contacts');
    await sheetItems(driver);
    await driver.tap('#contact-numbers >>> .van-action-sheet__cancel');
    await driver.until(() => !driver.data.showContactSheet, 'the sheet to close');
    expect(screen(driver)).toEqual(before);
    expect(driver.textOf('#contact-hint')).toBe('没有选择「爸爸」的号码，号码没有改动');
  });

  test.each([
    ['the permission is refused', { ok: false as const, error: 'denied' as const, message: '' }, '没有通讯录权限，号码没有改动'],
    ['the picker is cancelled', { ok: false as const, error: 'cancelled' as const, message: '' }, '没有选择联系人，号码没有改动'],
    ['the contact has only a landline', { ok: true as const, value: { name: '小区物业', numbers: ['010-12345678'] } }, '「小区物业」没有能在这里充值的手机号'],
  ])('%s: the page stays as it was, with a hint', async (_name, answer, hint) => {
    const driver = await open();
    await driver.type('#query', '18600186002');
    await driver.tap('#submit');
    await found(driver);
    const before = screen(driver);
    app.device.contactAnswers.push(answer);
    await driver.tap('#contacts');
    await driver.until(() => driver.has('#contact-hint'), 'the hint');
    expect(driver.textOf('#contact-hint')).toContain(hint);
    expect(driver.textOf('#contact-hint')).toContain('号码没有改动');
    expect(screen(driver)).toEqual(before);
    // The hint goes once the user types again.
    await driver.type('#query', '1860018600');
    expect(driver.has('#contact-hint')).toBe(false);
  });

  test('a Smart number from the address book says 菲律宾', async () => {
    app.device.pickContact('Maria（菲律宾）', '+63 918 123 4567');
    const driver = await open();
    await driver.tap('#contacts');
    await found(driver);
    expect(driver.data.input).toBe('09181234567');
    expect(driver.textOf('#summary')).toContain('菲律宾 · Smart');
  });

  test('two quick taps open the address book once', async () => {
    app.device.pickContact('妈妈', '13800138000');
    const driver = await open();
    const button = driver.tapTarget('#contacts');
    button.dispatchEvent('tap');
    button.dispatchEvent('tap');
    await found(driver);
    expect(app.device.contactPicks).toBe(1);
  });

  test('privacy not agreed yet: the popup comes first; 同意 opens the address book', async () => {
    privacy = new FakePrivacyService({ agreed: false });
    app.device.pickContact('妈妈', '13800138000');
    const driver = await open();
    await driver.tap('#contacts');
    await driver.untilText('《用户隐私保护指引》');
    expect(driver.vantShown('.privacy-popup', '.van-popup')).toBe(true);
    expect(driver.textOf('.privacy-popup')).toContain('从通讯录选择号码');
    expect(app.device.contactPicks).toBe(0);
    driver.find('.privacy-popup >>> .privacy__agree').dispatchEvent('agreeprivacyauthorization', { detail: {} });
    await found(driver);
    expect(privacy.answers).toEqual([{ event: 'agree', buttonId: 'privacy-agree' }]);
    expect(app.device.contactPicks).toBe(1);
    expect(driver.data.privacyShow).toBe(false);
  });

  test('privacy refused: no address book, the field as it was, and a hint to type instead', async () => {
    privacy = new FakePrivacyService({ agreed: false });
    const driver = await open();
    await driver.type('#query', '138');
    await driver.tap('#contacts');
    await driver.until(() => driver.data.privacyShow === true, 'the privacy popup');
    await driver.tap('.privacy-popup >>> .privacy__refuse');
    await driver.until(() => driver.has('#contact-hint'), 'the hint');
    expect(driver.textOf('#contact-hint')).toContain('没有同意《用户隐私保护指引》，不能打开通讯录');
    expect(app.device.contactPicks).toBe(0);
    expect(driver.data.input).toBe('138');
  });
});

describe('充值: my numbers and recent ones (issue 15 item 3)', () => {
  function seed(): void {
    app.services.cards.bind(boundCard('15900159000', { nickname: '爸爸', isDefault: true }));
    app.services.cards.pushRecent('13300133003', { carrier: 'ctcc', location: { country: 'CN', province: '上海', city: '上海' } });
    app.services.cards.pushRecent('18600186002', { carrier: 'cucc', location: { country: 'CN', province: '广东', city: '深圳' } });
  }

  test('bound first with its 备注名, then the recent ones newest first, each with carrier and 归属地', async () => {
    seed();
    const driver = await open();
    expect(quickRow(driver, 0)).toMatch(/^159\*\*\*\*9000 爸爸 .+ · 中国移动$/);
    expect(quickRow(driver, 1)).toBe('186****6002 广东 深圳 · 中国联通');
    expect(quickRow(driver, 2)).toBe('133****3003 上海 · 中国电信');
    expect(driver.has('#quick >>> .quick-row-0 .quick__remove')).toBe(false);
  });

  test('× removes one recent number, from the list and from storage; the bound one stays', async () => {
    seed();
    const driver = await open();
    await driver.tap('#quick >>> .quick-row-1 .quick__remove');
    expect(quickCount(driver)).toBe(2);
    expect(quickRow(driver, 1)).toBe('133****3003 上海 · 中国电信');
    expect(app.services.cards.recent()).toEqual(['13300133003']);
    expect(app.services.cards.list()).toHaveLength(1);
  });

  test('清空 asks first: 取消 keeps the list, 清空 empties the recent ones and leaves the bound number', async () => {
    seed();
    const driver = await open();
    app.device.confirmAnswers.push(false);
    await driver.tap('#quick >>> .quick__clear');
    await driver.until(() => app.device.confirms.length === 1, 'the confirm dialog');
    expect(app.device.confirms[0].title).toBe('清空最近查询');
    expect(quickCount(driver)).toBe(3);
    app.device.confirmAnswers.push(true);
    await driver.tap('#quick >>> .quick__clear');
    await driver.until(() => quickCount(driver) === 1, 'the recent numbers to go');
    expect(app.services.cards.recent()).toEqual([]);
    expect(quickRow(driver, 0)).toContain('爸爸');
    expect(driver.text()).not.toContain('清空最近查询');
  });

  test('a number removed while its card is on screen keeps the card; looking it up again brings it back first', async () => {
    const driver = await open();
    await driver.type('#query', '18600186002');
    await driver.tap('#submit');
    await found(driver);
    await driver.tap('#quick >>> .quick-row-0 .quick__remove');
    expect(quickCount(driver)).toBe(0);
    expect(driver.has('#summary')).toBe(true);
    await driver.tap('#submit');
    await driver.until(() => quickCount(driver) === 1, 'the number back in the list');
    expect(quickRow(driver, 0)).toBe('186****6002 广东 深圳 · 中国联通');
  });

  test('at most 10 recent numbers are kept, the oldest dropped', async () => {
    for (let i = 0; i < 12; i++) app.services.cards.pushRecent(`1380013${String(8000 + i)}`);
    const driver = await open();
    expect(quickCount(driver)).toBe(10);
    expect(quickRow(driver, 0)).toMatch(/^138\*\*\*\*8011 /);
    expect(driver.text()).not.toContain('138****8001');
  });
});

describe('充值: the privacy popup belongs to the page on screen', () => {
  test('hidden behind another page, 充值 does not take WeChat\u2019s privacy question (it would wait unseen)', async () => {
    privacy = new FakePrivacyService({ agreed: false });
    const driver = await open();
    await driver.lifecycle('onHide');
    const asked = privacy.trigger('saveImageToPhotosAlbum');
    const answer = await Promise.race([asked, new Promise((done) => setTimeout(() => done('waiting'), 200))]);
    expect(answer).toEqual({ event: 'disagree' });
    expect(driver.data.privacyShow).toBe(false);
    // Back on screen, 通讯录 asks again through this page's popup.
    await driver.lifecycle('onShow');
    await driver.tap('#contacts');
    await driver.untilText('《用户隐私保护指引》');
    expect(driver.data.privacyShow).toBe(true);
  });
});
