import { MINIPROGRAM_ROOT, type Driver, openPage } from '../support/page-driver';
import fs from 'fs';
import path from 'path';
import { TestApp } from '../support/app';
import { ScriptedGateway, boundCard, profile } from '../support/cards-fixtures';
import { FakePrivacyService } from '../../miniprogram/services/wx/privacy';
import type { MockAccountService } from '../../miniprogram/backends/offline/account';
import type { MockSmsService } from '../../miniprogram/backends/offline/sms';

let app: TestApp;
let privacy: FakePrivacyService;

beforeEach(() => {
  globalThis.__wxStorage.clearStorageSync();
  app = new TestApp({ now: '2026-11-25T10:00:00+08:00', override: { gateway: new ScriptedGateway() } });
  privacy = new FakePrivacyService({ agreed: true });
});

const account = () => app.services.account as MockAccountService;
const sms = () => app.services.sms as MockSmsService;
const openBind = (query: Record<string, string> = {}) => openPage('bind', query, { ...app.services, privacy });

/**
 * What WeChat sends when the user taps the phone-number button, as Vant's button re-emits
 * it. (Dispatched on the van-button host: the simulator makes every event bubble across
 * components, so sending it to the inner <button> would reach the page twice.)
 */
async function phoneButton(page: Driver, detail: Record<string, unknown>): Promise<void> {
  if (!page.vantShown('.grant >>> .wechat-button', '.van-button')) throw new Error('the WeChat button did not render');
  const before = page.data.message;
  page.find('.grant >>> .wechat-button').dispatchEvent('getphonenumber', { detail });
  // Every answer ends with the number granted or a message (a new one, or the same text again).
  await page.until(() => !page.data.exchanging && (page.data.granted || page.data.message !== before || before !== ''), 'the exchange');
  await page.until(() => !page.data.exchanging, 'the exchange to finish');
}

async function openManual(page: Driver): Promise<void> {
  if (!page.data.manualOpen) await page.tap('.manual-toggle');
}

async function sendCode(page: Driver, phone: string): Promise<void> {
  await page.type('.sms >>> .phone-field', phone);
  await page.tap('.sms >>> .send-button');
  await page.until(() => !page.data.sending, 'the SMS send');
}

async function bindTap(page: Driver): Promise<void> {
  await page.tap('.bind-button');
  await page.until(() => !page.data.binding, 'binding');
}

describe('WeChat phone-number button', () => {
  test('granted: the code is exchanged, the number shown masked, 绑定 stores it as wechat-verified', async () => {
    account().setGrantedPhone('13800138000');
    const page = await openBind();
    expect(page.vantShown('.grant >>> .wechat-button', '.van-button')).toBe(true);
    expect(page.text()).toContain('微信手机号一键绑定');
    await phoneButton(page, { code: account().issueCode(), errMsg: 'getPhoneNumber:ok' });
    expect(page.textOf('.grant >>> .granted')).toContain('138****8000');
    expect(page.text()).not.toContain('13800138000');
    expect(page.text()).toContain('中国移动');
    await page.tap('.type-keep');
    await page.type('.nickname-field', '我的保号卡');
    await bindTap(page);
    expect(app.services.cards.list()).toEqual([
      expect.objectContaining({ phone: '13800138000', carrier: 'cmcc', cardType: 'keep', nickname: '我的保号卡', verifiedBy: 'wechat', isDefault: true }),
    ]);
    expect(app.device.lastToast()).toBe('已绑定 138****8000');
    expect(app.nav.last()).toMatchObject({ kind: 'open', page: 'home' });
  });

  test('declined (no code, errMsg deny): says so and opens the manual path', async () => {
    const page = await openBind();
    expect(page.data.manualOpen).toBe(false);
    await phoneButton(page, { errMsg: 'getPhoneNumber:fail user deny' });
    expect(page.textOf('.message')).toContain('你没有允许使用微信绑定的手机号');
    expect(page.has('.sms >>> .phone-field')).toBe(true);
    expect(page.text()).toContain('获取验证码');
    expect(app.services.cards.list()).toEqual([]);
  });

  test('quota used up (errno 1400001 on the button): points to the SMS path', async () => {
    const page = await openBind();
    await phoneButton(page, { errMsg: 'getPhoneNumber:fail no permission', errno: 1400001 });
    expect(page.textOf('.message')).toContain('次数已用完');
    expect(page.has('.sms >>> .phone-field')).toBe(true);
  });

  test('quota answered by the exchange: same message, nothing bound', async () => {
    account().failNext('quota');
    const page = await openBind();
    await phoneButton(page, { code: account().issueCode() });
    expect(page.textOf('.message')).toContain('次数已用完');
    expect(page.data.granted).toBe(false);
  });

  test('a network failure asks to retry; the retry with a new code works', async () => {
    account().failNext('network');
    const page = await openBind();
    await phoneButton(page, { code: account().issueCode() });
    expect(page.textOf('.message')).toContain('网络不太好');
    await phoneButton(page, { code: account().issueCode() });
    expect(page.textOf('.grant >>> .granted')).toContain('138****8000');
  });

  test('the WeChat number already bound: says so and offers the manual path', async () => {
    app.services.cards.bind(boundCard('13800138000'));
    const page = await openBind();
    await phoneButton(page, { code: account().issueCode() });
    expect(page.textOf('.message')).toContain('已经绑定过了');
    expect(page.has('.sms >>> .phone-field')).toBe(true);
  });

  test('carrier corrected after 携号转网 is what gets stored', async () => {
    const page = await openBind();
    await phoneButton(page, { code: account().issueCode() });
    await page.tap('.carrier-cucc');
    await bindTap(page);
    expect(app.services.cards.get('13800138000')?.carrier).toBe('cucc');
  });
});

describe('privacy agreement', () => {
  test('shown first when not yet agreed; 同意 answers agree with the button id', async () => {
    privacy = new FakePrivacyService({ agreed: false });
    const page = await openBind();
    await page.untilText('《用户隐私保护指引》');
    expect(page.vantShown('.privacy-popup', '.van-popup')).toBe(true);
    expect(page.textOf('.privacy-popup >>> .privacy__agree')).toBe('同意');
    page.find('.privacy-popup >>> .privacy__agree').dispatchEvent('agreeprivacyauthorization', { detail: {} });
    await page.until(() => !page.data.privacyShow, 'the popup to close');
    expect(privacy.answers).toEqual([{ event: 'agree', buttonId: 'privacy-agree' }]);
    expect(privacy.agreed).toBe(true);
    expect(page.text()).not.toContain('没有同意');
  });

  test("the agree button is WeChat's own agreePrivacyAuthorization button, bound to the component", () => {
    const wxml = fs.readFileSync(path.join(MINIPROGRAM_ROOT, 'components/privacy-popup/index.wxml'), 'utf8');
    const agree = /<button[^>]*>同意<\/button>/.exec(wxml)?.[0] ?? '';
    expect(agree).toContain('open-type="agreePrivacyAuthorization"');
    expect(agree).toContain('bindagreeprivacyauthorization="onAgree"');
    expect(agree).toContain('id="{{ agreeButtonId }}"');
  });

  test('the guide link opens the privacy contract', async () => {
    privacy = new FakePrivacyService({ agreed: false });
    const page = await openBind();
    await page.untilText('《用户隐私保护指引》');
    page.find('.privacy-popup >>> .privacy__link').dispatchEvent('tap');
    await page.until(() => privacy.contractOpened === 1, 'the guide to open');
  });

  test('refused, then bound by hand with an SMS code', async () => {
    privacy = new FakePrivacyService({ agreed: false });
    const page = await openBind();
    await page.untilText('拒绝');
    await page.tap('.privacy-popup >>> .privacy__refuse');
    await page.until(() => !page.data.privacyShow, 'the popup to close');
    expect(privacy.answers).toEqual([{ event: 'disagree' }]);
    expect(page.textOf('.message')).toContain('没有同意《用户隐私保护指引》');
    expect(page.has('.sms >>> .phone-field')).toBe(true);

    await sendCode(page, '13900139000');
    await page.type('.sms >>> .code-field', sms().lastCode('13900139000') ?? '');
    await bindTap(page);
    expect(app.services.cards.get('13900139000')).toMatchObject({ verifiedBy: 'sms', carrier: 'cmcc' });
  });

  test('WeChat refusing the button for privacy is explained the same way', async () => {
    const page = await openBind();
    await phoneButton(page, { errMsg: 'getPhoneNumber:fail privacy permission is not authorized' });
    expect(page.textOf('.message')).toContain('没有同意《用户隐私保护指引》');
  });

  test('leaving the page with the popup open answers disagree (WeChat must not wait forever)', async () => {
    privacy = new FakePrivacyService({ agreed: false });
    const page = await openBind();
    await page.untilText('拒绝');
    page.unload();
    expect(privacy.answers).toEqual([{ event: 'disagree' }]);
  });
});

describe('manual entry with an SMS code', () => {
  test('right code: bound with the segment carrier, chosen type and nickname', async () => {
    const page = await openBind();
    await openManual(page);
    await sendCode(page, '133 0013 3000');
    expect(page.textOf('.message')).toContain('验证码已发送到 133****3000');
    expect(page.text()).toContain('中国电信');
    await page.type('.sms >>> .code-field', sms().lastCode('13300133000') ?? '');
    await page.tap('.type-data');
    await page.type('.nickname-field', '爸爸的流量卡');
    await bindTap(page);
    expect(app.services.cards.get('13300133000')).toMatchObject({ carrier: 'ctcc', cardType: 'data', nickname: '爸爸的流量卡', verifiedBy: 'sms' });
    expect(app.nav.last()).toMatchObject({ page: 'home' });
  });

  test('the demo shows the mock code, marked as a demo', async () => {
    const page = await openBind();
    await openManual(page);
    await sendCode(page, '13900139000');
    expect(page.text()).toContain(`演示环境不发真短信，验证码是 ${sms().lastCode('13900139000')}`);
  });

  test('wrong code: says how many tries are left and binds nothing', async () => {
    const page = await openBind();
    await openManual(page);
    await sendCode(page, '13900139000');
    const wrong = sms().lastCode('13900139000') === '000000' ? '111111' : '000000';
    await page.type('.sms >>> .code-field', wrong);
    await bindTap(page);
    expect(page.textOf('.sms >>> .code-field')).toContain('验证码不对，还可以再试 4 次');
    expect(app.services.cards.list()).toEqual([]);
  });

  test('expired code: asks for a new one and clears the field', async () => {
    const page = await openBind();
    await openManual(page);
    await sendCode(page, '13900139000');
    await page.type('.sms >>> .code-field', sms().lastCode('13900139000') ?? '');
    app.clock.advance(5 * 60 * 1000);
    await bindTap(page);
    expect(page.textOf('.sms >>> .code-field')).toContain('验证码已过期');
    expect(page.data.code).toBe('');
    expect(app.services.cards.list()).toEqual([]);
  });

  test('five wrong tries: must request a new code', async () => {
    const page = await openBind();
    await openManual(page);
    await sendCode(page, '13900139000');
    const right = sms().lastCode('13900139000') ?? '';
    const wrong = right === '000000' ? '111111' : '000000';
    for (let i = 0; i < 5; i += 1) {
      await page.type('.sms >>> .code-field', wrong);
      await bindTap(page);
    }
    expect(page.textOf('.sms >>> .code-field')).toContain('错误次数太多');
    await page.type('.sms >>> .code-field', right);
    await bindTap(page);
    expect(page.textOf('.sms >>> .code-field')).toContain('请重新获取');
    expect(app.services.cards.list()).toEqual([]);
  });

  test('a bad number shows the core parser message and sends nothing', async () => {
    const page = await openBind();
    await openManual(page);
    await sendCode(page, '1380013800');
    expect(page.textOf('.sms >>> .phone-field')).toContain('少了 1 位');
    expect(sms().lastCode('1380013800')).toBeUndefined();
  });

  test('no code typed: says to get one first', async () => {
    const page = await openBind();
    await openManual(page);
    await page.type('.sms >>> .phone-field', '13900139000');
    await bindTap(page);
    expect(page.textOf('.sms >>> .code-field')).toContain('请输入短信验证码');
  });

  test('a number already bound is refused before any SMS', async () => {
    app.services.cards.bind(boundCard('13900139000'));
    const page = await openBind();
    await openManual(page);
    await sendCode(page, '13900139000');
    expect(page.textOf('.sms >>> .phone-field')).toContain('已经绑定过了');
    expect(sms().lastCode('13900139000')).toBeUndefined();
  });

  test('a nickname over 12 characters is refused before verifying', async () => {
    const page = await openBind();
    await openManual(page);
    await sendCode(page, '13900139000');
    await page.type('.sms >>> .code-field', sms().lastCode('13900139000') ?? '');
    await page.type('.nickname-field', '一二三四五六七八九十一二三');
    await bindTap(page);
    expect(page.textOf('.nickname-field')).toContain('最多 12 个字');
    await page.type('.nickname-field', '妈妈');
    await bindTap(page);
    expect(app.services.cards.get('13900139000')?.nickname).toBe('妈妈');
  });

  test('a query phone pre-fills the manual form', async () => {
    const page = await openBind({ phone: '09181234567' });
    expect(page.data.phone).toBe('09181234567');
    expect(page.text()).toContain('Smart');
    expect(page.text()).not.toContain('中国移动');
  });

  test('several numbers can be bound, one after another', async () => {
    for (const phone of ['13900139000', '13300133000', '09181234567']) {
      const page = await openBind();
      await openManual(page);
      await sendCode(page, phone);
      await page.type('.sms >>> .code-field', sms().lastCode(phone) ?? '');
      await bindTap(page);
      page.unload();
    }
    const list = app.services.cards.list();
    expect(list.map((c) => [c.phone, c.carrier, c.isDefault])).toEqual([
      ['13900139000', 'cmcc', true],
      ['13300133000', 'ctcc', false],
      ['09181234567', 'smart', false],
    ]);
  });
});

describe('binding: what a new user ran into (issue 12 item 11, walk 16, 21)', () => {
  test('after five wrong codes 请重新获取 can be done at once: the button is back and the spent demo code gone', async () => {
    const page = await openBind();
    await openManual(page);
    await sendCode(page, '13900139000');
    const right = sms().lastCode('13900139000') ?? '';
    const wrong = right === '000000' ? '111111' : '000000';
    for (let i = 0; i < 5; i += 1) {
      await page.type('.sms >>> .code-field', wrong);
      await bindTap(page);
    }
    expect(page.textOf('.sms >>> .code-field')).toContain('请重新获取');
    expect(page.textOf('.sms >>> .send-button')).toBe('获取验证码');
    expect(page.text()).not.toContain('演示环境不发真短信');
    await page.tap('.sms >>> .send-button');
    await page.until(() => !page.data.sending, 'the new code');
    expect(page.textOf('.message')).toContain('验证码已发送到 139****9000');
    expect(page.text()).toContain(`验证码是 ${sms().lastCode('13900139000')}`);
  });

  test('an expired code takes its demo hint away', async () => {
    const page = await openBind();
    await openManual(page);
    await sendCode(page, '13900139000');
    await page.type('.sms >>> .code-field', sms().lastCode('13900139000') ?? '');
    app.clock.advance(5 * 60 * 1000);
    await bindTap(page);
    expect(page.text()).not.toContain('演示环境不发真短信');
    expect(page.textOf('.sms >>> .send-button')).toBe('获取验证码');
  });

  test('a keep-number card binds as 保号卡: the type comes from the carrier\u2019s answer', async () => {
    (app.services.gateway as ScriptedGateway).profiles['17300173005'] = profile('17300173005', '2026-11-30', { carrier: 'ctcc', cardType: 'keep' });
    const page = await openBind();
    await openManual(page);
    await page.type('.sms >>> .phone-field', '17300173005');
    await page.until(() => page.data.cardType === 'keep', 'the card type from the carrier');
    await sendCode(page, '17300173005');
    await page.type('.sms >>> .code-field', sms().lastCode('17300173005') ?? '');
    await bindTap(page);
    expect(app.services.cards.get('17300173005')).toMatchObject({ cardType: 'keep', carrier: 'ctcc' });
  });

  test('a type the user picked is not overridden by the carrier\u2019s answer', async () => {
    let answer: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (answer = resolve));
    const scripted = app.services.gateway as ScriptedGateway;
    scripted.profiles['17300173005'] = profile('17300173005', '2026-11-30', { carrier: 'ctcc', cardType: 'keep' });
    const lookup = scripted.lookup.bind(scripted);
    jest.spyOn(scripted, 'lookup').mockImplementation(async (query) => {
      await gate;
      return lookup(query);
    });
    const page = await openBind();
    await openManual(page);
    await page.type('.sms >>> .phone-field', '17300173005');
    await page.tap('.type-data');
    answer();
    await page.until(() => scripted.lookups.length === 1, 'the lookup');
    await page.lifecycle('tick');
    expect(page.data.cardType).toBe('data');
  });

  test('the WeChat button is not offered once the WeChat number is bound', async () => {
    app.services.cards.bind(boundCard('13800138000', { verifiedBy: 'wechat' }));
    const page = await openBind();
    expect(page.has('.grant >>> .wechat-button')).toBe(false);
    expect(page.textOf('#wechat-bound')).toBe('微信手机号 138****8000 已经绑定。要绑定其他号码，请在下方手动输入');
    expect(page.has('.sms >>> .phone-field')).toBe(true);
  });

  test('changing the number after 获取验证码 clears what the code said about the old one (walk 16)', async () => {
    const page = await openBind();
    await openManual(page);
    await sendCode(page, '18600186002');
    expect(page.textOf('.message')).toContain('186****6002');
    await page.type('.sms >>> .phone-field', '17300173005');
    expect(page.has('.message')).toBe(false);
    expect(page.text()).not.toContain('演示环境不发真短信');
    expect(page.textOf('.sms >>> .send-button')).toBe('获取验证码');
    await page.tap('.sms >>> .send-button');
    await page.until(() => !page.data.sending, 'the send');
    expect(page.textOf('.message')).toContain('173****3005');
  });

  test('a number granted by WeChat can be swapped for another: 改用其他号码 (walk 21)', async () => {
    account().setGrantedPhone('13800138000');
    const page = await openBind();
    await phoneButton(page, { code: account().issueCode(), errMsg: 'getPhoneNumber:ok' });
    expect(page.has('.sms >>> .phone-field')).toBe(false);
    await page.tap('#use-other');
    expect(page.has('.sms >>> .phone-field')).toBe(true);
    expect(page.data.granted).toBe(false);
  });
});

describe('resend countdown', () => {
  test('counts down from 60 s by the clock, then allows a resend', async () => {
    const page = await openBind();
    await openManual(page);
    await sendCode(page, '13900139000');
    // The SMS mock's latency moved the fake clock by 0.3 s, so 59.7 s are left.
    expect(page.textOf('.sms >>> .send-button')).toBe('60 秒后重新获取');
    app.clock.advance(15_000);
    await page.lifecycle('tick');
    expect(page.textOf('.sms >>> .send-button')).toBe('45 秒后重新获取');
    app.clock.advance(45_000);
    await page.lifecycle('tick');
    expect(page.textOf('.sms >>> .send-button')).toBe('获取验证码');
    const first = sms().lastCode('13900139000');
    await page.tap('.sms >>> .send-button');
    await page.until(() => !page.data.sending);
    expect(page.textOf('.sms >>> .send-button')).toBe('60 秒后重新获取');
    expect(sms().lastCode('13900139000')).toBeDefined();
    expect(first).toBeDefined();
  });

  test('tapping during the countdown sends nothing', async () => {
    const page = await openBind();
    await openManual(page);
    await sendCode(page, '13900139000');
    const code = sms().lastCode('13900139000');
    app.clock.advance(10_000);
    await page.tap('.sms >>> .send-button');
    expect(sms().lastCode('13900139000')).toBe(code);
    expect(sms().secondsUntilResend('13900139000')).toBe(50);
  });

  test('a code sent before the page was opened again (a relaunch): the countdown goes on and the code still works (walk 17)', async () => {
    await sms().send('13900139000');
    app.clock.advance(10_000);
    const page = await openBind();
    await openManual(page);
    await sendCode(page, '13900139000');
    expect(page.textOf('.message')).toBe('刚才已向 139****9000 发过验证码，5 分钟内有效，请直接填写短信里的验证码');
    expect(page.textOf('.sms >>> .send-button')).toBe('50 秒后重新获取');
    await page.type('.sms >>> .code-field', sms().lastCode('13900139000') ?? '');
    await bindTap(page);
    expect(app.services.cards.get('13900139000')).toBeDefined();
  });

  test('the timer is cleared when the page unloads', async () => {
    const cleared = jest.spyOn(global, 'clearInterval');
    const page = await openBind();
    await openManual(page);
    await sendCode(page, '13900139000');
    const before = cleared.mock.calls.length;
    page.unload();
    expect(cleared.mock.calls.length).toBe(before + 1);
    cleared.mockRestore();
  });
});

describe('从通讯录选择号码 (issue 15 item 1)', () => {
  test('a contact with one number: the number goes in as if typed, the name is offered as 备注名, and binds with an SMS code', async () => {
    app.device.pickContact('妈妈', '138 0013 8000');
    const page = await openBind();
    await openManual(page);
    await page.tap('.sms >>> .contacts');
    await page.until(() => page.data.phone === '13800138000', 'the number');
    expect(page.textOf('.message')).toBe('已填入通讯录里的号码 138****8000，备注名填了「妈妈」，可以修改。请获取验证码完成绑定');
    expect(page.data.nickname).toBe('妈妈');
    expect(page.data.carrier).toBe('cmcc');
    await page.tap('.sms >>> .send-button');
    await page.until(() => !page.data.sending, 'the SMS send');
    await page.type('.sms >>> .code-field', sms().lastCode('13800138000') ?? '');
    await bindTap(page);
    expect(app.services.cards.get('13800138000')).toMatchObject({ nickname: '妈妈', verifiedBy: 'sms' });
  });

  test('two numbers: a sheet lets the user pick; the chosen one is the number to verify', async () => {
    app.device.pickContact('爸爸', '173 0017 3005', '+86 186-0018-6002');
    const page = await openBind();
    await openManual(page);
    await page.tap('.sms >>> .contacts');
    await page.until(() => page.queryAll('#contact-numbers >>> .van-action-sheet__item').length === 2, 'the numbers sheet');
    page.queryAll('#contact-numbers >>> .van-action-sheet__item')[0].dispatchEvent('tap');
    await page.until(() => page.data.phone === '17300173005', 'the chosen number');
    expect(page.data.showContactSheet).toBe(false);
    expect(page.data.nickname).toBe('爸爸');
    expect(page.data.carrier).toBe('ctcc');
  });

  test('a 备注名 the user typed is kept; a contact name offered before is replaced by the next contact', async () => {
    const page = await openBind();
    await openManual(page);
    app.device.pickContact('妈妈', '13800138000');
    await page.tap('.sms >>> .contacts');
    await page.until(() => page.data.nickname === '妈妈', 'the first offer');
    app.device.pickContact('爸爸', '18600186002');
    await page.tap('.sms >>> .contacts');
    await page.until(() => page.data.phone === '18600186002', 'the second number');
    expect(page.data.nickname).toBe('爸爸');
    await page.type('.nickname-field', '老爸的卡');
    app.device.pickContact('妈妈', '13800138000');
    await page.tap('.sms >>> .contacts');
    await page.until(() => page.data.phone === '13800138000', 'the third number');
    expect(page.data.nickname).toBe('老爸的卡');
    expect(page.textOf('.message')).not.toContain('备注名');
  });

  test.each([
    ['refused', { ok: false as const, error: 'denied' as const, message: '' }, '没有通讯录权限，号码没有改动'],
    ['cancelled', { ok: false as const, error: 'cancelled' as const, message: '' }, '没有选择联系人，号码没有改动'],
  ])('%s: the number and 备注名 stay as they were, with a hint', async (_name, answer, hint) => {
    const page = await openBind();
    await openManual(page);
    await page.type('.sms >>> .phone-field', '13900139000');
    await page.type('.nickname-field', '工作号');
    app.device.contactAnswers.push(answer);
    await page.tap('.sms >>> .contacts');
    await page.untilText(hint);
    expect(page.data.phone).toBe('13900139000');
    expect(page.data.nickname).toBe('工作号');
  });

  test('the sheet closed without a choice: nothing changes', async () => {
    const page = await openBind();
    await openManual(page);
    await page.type('.sms >>> .phone-field', '13900139000');
    app.device.pickContact('爸爸', '17300173005', '18600186002');
    await page.tap('.sms >>> .contacts');
    await page.until(() => page.queryAll('#contact-numbers >>> .van-action-sheet__item').length === 2, 'the numbers sheet');
    await page.tap('#contact-numbers >>> .van-action-sheet__cancel');
    await page.untilText('没有选择号码，号码没有改动');
    expect(page.data.phone).toBe('13900139000');
    expect(page.data.nickname).toBe('');
  });

  test('privacy refused at the tap: no address book, and the manual path stays', async () => {
    privacy = new FakePrivacyService({ agreed: false });
    const page = await openBind();
    await page.untilText('拒绝');
    await page.tap('.privacy-popup >>> .privacy__refuse');
    await page.until(() => !page.data.privacyShow, 'the popup to close');
    await page.tap('.sms >>> .contacts');
    await page.until(() => page.data.privacyShow === true, 'the popup again');
    await page.tap('.privacy-popup >>> .privacy__refuse');
    await page.untilText('不能打开通讯录');
    expect(app.device.contactPicks).toBe(0);
    expect(page.has('.sms >>> .phone-field')).toBe(true);
  });
});
