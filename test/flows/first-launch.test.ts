/**
 * A first launch end to end, over the real services and the offline mocks: the privacy
 * agreement, binding the user's own number through WeChat and a parent's keep-number
 * card by SMS, the cards on 首页, a renewal through packages → confirm → WeChat Pay →
 * result, the record, and a relaunch that still shows the same cards and record.
 */
import { type Driver, openPage } from '../support/page-driver';
import { TestApp } from '../support/app';
import { FakePrivacyService } from '../../miniprogram/services/wx/privacy';
import type { MockAccountService } from '../../miniprogram/backends/offline/account';
import type { MockSmsService } from '../../miniprogram/backends/offline/sms';
import { formatChinaDate } from '../../miniprogram/core/dates';

const NOW = '2026-11-25T10:00:00+08:00';

test('first launch → privacy → bind → my cards → renew → record → restart keeps it all', async () => {
  globalThis.__wxStorage.clearStorageSync();
  const app = new TestApp({ now: NOW });
  const privacy = new FakePrivacyService({ agreed: false });
  const open = (page: 'home' | 'bind' | 'mine' | 'records', query: Record<string, string> = {}): Promise<Driver> =>
    openPage(page, query, { ...app.services, privacy });

  // 1. First launch: 首页 has nothing yet and offers binding.
  let home = await open('home');
  expect(home.text()).toContain('还没有绑定号码');
  await home.tap('.bind-button');
  expect(app.nav.last()).toMatchObject({ page: 'bind' });

  // 2. The bind page asks for the privacy agreement first; the user agrees.
  let bind = await open('bind');
  await bind.untilText('《用户隐私保护指引》');
  bind.find('.privacy-popup >>> .privacy__agree').dispatchEvent('agreeprivacyauthorization', { detail: {} });
  await bind.until(() => !bind.data.privacyShow, 'the privacy popup to close');
  expect(privacy.agreed).toBe(true);

  // 3. WeChat grants the user's own number (a one-time code the account service exchanges).
  const account = app.services.account as MockAccountService;
  account.setGrantedPhone('13800138000');
  bind.find('.grant >>> .wechat-button').dispatchEvent('getphonenumber', { detail: { code: account.issueCode(), errMsg: 'getPhoneNumber:ok' } });
  await bind.until(() => bind.data.granted === true, 'the number to be granted');
  expect(bind.textOf('.grant >>> .granted')).toContain('138****8000');
  await bind.tap('.bind-button');
  await bind.until(() => app.nav.last()?.page === 'home', 'the way back home');
  bind.unload();

  // 4. A second number, Dad's keep-number card, bound by hand with an SMS code.
  bind = await open('bind');
  // The WeChat number is bound now: no one-tap button, the manual entry is open at once.
  expect(bind.has('.grant >>> .wechat-button')).toBe(false);
  expect(bind.has('.manual-toggle')).toBe(false);
  await bind.type('.sms >>> .phone-field', '17300173005');
  await bind.tap('.sms >>> .send-button');
  await bind.until(() => !bind.data.sending && bind.data.countdown > 0, 'the SMS');
  const code = (app.services.sms as MockSmsService).lastCode('17300173005') ?? '';
  expect(bind.text()).toContain(`验证码是 ${code}`);
  await bind.type('.sms >>> .code-field', code);
  await bind.tap('.type-keep');
  await bind.type('.nickname-field', '爸爸的保号卡');
  await bind.tap('.bind-button');
  await bind.until(() => app.nav.last()?.page === 'home' && app.services.cards.list().length === 2, 'the second card');
  bind.unload();

  // 5. 首页 shows both cards from the carrier's figures, Dad's card first (it is due first), and warns about it.
  home = await open('home');
  await home.until(() => !home.text().includes('待查询'), 'both cards refreshed');
  await home.until(() => home.textOf('.card-0').includes('爸爸的保号卡'), 'the urgent card first');
  expect(home.textOf('.card-0')).toContain('中国电信');
  expect(home.textOf('.card-0')).toContain('剩余 5 天');
  expect(home.textOf('.card-1')).toContain('138****8000');
  expect(home.textOf('.card-1')).toContain('剩余 45 天');
  expect(home.textOf('.card-1')).toContain('默认');
  await home.untilText('还有 5 天到期');
  expect(home.textOf('.notice')).toBe('爸爸的保号卡 173****3005 还有 5 天到期 · 去续费');

  // 6. Quick renew from the default card: packages → confirm → pay → result.
  await home.tap('.card-1 .renew-button');
  expect(app.nav.last()).toMatchObject({ page: 'packages', query: { phone: '13800138000' } });
  const packages = await app.follow('packages');
  await packages.until(() => packages.data.status === 'ready', 'the packages');
  await packages.tap('#tile-cmcc-recharge-50');
  await packages.until(() => packages.data.selectedId === 'cmcc-recharge-50', 'the 50 yuan tile');
  await packages.tap('#next');
  expect(app.nav.last()).toMatchObject({ page: 'confirm', query: { phone: '13800138000', productId: 'cmcc-recharge-50' } });

  const confirm = await app.follow('confirm');
  await confirm.until(() => confirm.data.status === 'ready', 'the confirm page');
  expect(confirm.text()).toContain('138 0013 8000');
  await confirm.tap('#pay');
  await confirm.until(() => confirm.has('#sheet >>> .payment-sheet__pay'), 'the WeChat Pay sheet', 1000);
  await confirm.tap('#sheet >>> .payment-sheet__pay');
  await confirm.until(() => app.nav.last()?.page === 'result', 'the result page', 1000);
  expect(app.nav.last()?.kind).toBe('relaunch');
  const orderId = app.nav.last()?.query.orderId ?? '';
  expect(orderId).toMatch(/^CR\d{20}$/);

  const result = await app.follow('result');
  await result.untilText('充值成功');
  expect(result.text()).toContain('中国移动 138****8000 已到账');
  expect(result.text()).toContain(orderId);

  // 7. The record is there, and 我的 counts it; 首页 shows the new expiry.
  const order = app.services.records.get(orderId);
  expect(order).toMatchObject({ phone: '13800138000', state: 'succeeded' });
  const mine = await open('mine');
  expect(mine.textOf('.link-records')).toContain('1 笔');
  expect(mine.text()).toContain('我的号码（2）');
  home = await open('home');
  await home.untilText(`到期 ${formatChinaDate(order?.after?.expiry ?? '')}`);

  // 8. Relaunch over the same storage: same cards, same record.
  app.restart();
  home = await open('home');
  expect(home.textOf('.card-0')).toContain('爸爸的保号卡');
  expect(home.textOf('.card-1')).toContain('138****8000');
  expect(home.textOf('.card-1')).toContain(`到期 ${formatChinaDate(order?.after?.expiry ?? '')}`);
  expect(app.services.cards.list().map((c) => [c.phone, c.verifiedBy, c.isDefault])).toEqual([
    ['13800138000', 'wechat', true],
    ['17300173005', 'sms', false],
  ]);
  const records = await open('records');
  await records.untilText('138****8000');
  expect(records.text()).toContain('充值 50 元');
  expect(app.services.records.get(orderId)?.id).toBe(orderId);
});
