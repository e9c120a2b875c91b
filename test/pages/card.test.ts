import { openPage } from '../support/page-driver';
import { TestApp } from '../support/app';
import { ScriptedGateway, boundCard, profile } from '../support/cards-fixtures';
import { EXPIRY_TEMPLATE_ID } from '../../miniprogram/pages/card/device-reminders';
import type { BoundCard } from '../../miniprogram/core/types';

const PHONE = '13800138000';
const KNOWN: BoundCard['lastKnown'] = { balance: { amount: 500, currency: 'CNY' }, dataLeftMb: null, expiry: '2026-12-01', suspended: false, at: 1 };

let app: TestApp;
let gateway: ScriptedGateway;

beforeEach(() => {
  globalThis.__wxStorage.clearStorageSync();
  gateway = new ScriptedGateway({ [PHONE]: profile(PHONE, '2026-12-20') });
  app = new TestApp({ now: '2026-11-25T10:00:00+08:00', override: { gateway } });
  app.services.cards.bind(boundCard('13900139000'));
  app.services.cards.bind(boundCard(PHONE, { cardType: 'keep', nickname: '旧名字', lastKnown: KNOWN }));
});

const openCard = (phone = PHONE) => openPage('card', { phone }, app.services);
const stored = () => app.services.cards.get(PHONE);

describe('card page: summary', () => {
  test('shows the card masked, its type, days left, badge and the keep-number warning', async () => {
    const page = await openCard();
    const summary = page.textOf('.summary');
    expect(summary).toContain('中国移动');
    expect(summary).toContain('保号卡');
    expect(summary).toContain('旧名字');
    expect(summary).toContain('138****8000');
    expect(summary).toContain('剩余 6 天');
    expect(summary).toContain('即将到期');
    expect(summary).toContain('请在到期前续费');
    expect(page.text()).not.toContain('13800138000');
  });

  test('a card never looked up is looked up for its expiry', async () => {
    app.services.cards.update(PHONE, { lastKnown: undefined });
    const page = await openCard();
    await page.untilText('剩余 25 天');
    expect(gateway.lookups).toEqual([PHONE]);
    expect(stored()?.lastKnown?.expiry).toBe('2026-12-20');
  });

  test('an unknown number says so and offers the way back', async () => {
    const page = await openCard('13700137000');
    expect(page.text()).toContain('这个号码没有绑定');
    await page.tap('.back-button');
    expect(app.nav.last()).toMatchObject({ kind: 'back' });
  });

  test('续费 opens packages for this number', async () => {
    const page = await openCard();
    await page.tap('.renew-button');
    expect(app.nav.last()).toMatchObject({ page: 'packages', query: { phone: PHONE } });
  });
});

describe('card page: rename', () => {
  test('saves the trimmed nickname and shows it', async () => {
    const page = await openCard();
    expect(page.vantShown('.nickname-field', '.van-field__body')).toBe(true);
    await page.type('.nickname-field', '  爸爸的保号卡  ');
    await page.tap('.save-nickname');
    expect(stored()?.nickname).toBe('爸爸的保号卡');
    expect(page.textOf('.summary')).toContain('爸爸的保号卡');
    expect(app.device.lastToast()).toBe('备注已保存');
  });

  test('refuses a name that is too long, with a message', async () => {
    const page = await openCard();
    await page.type('.nickname-field', '一二三四五六七八九十一二三');
    await page.tap('.save-nickname');
    expect(page.textOf('.nickname-field')).toContain('最多 12 个字，现在有 13 个');
    expect(stored()?.nickname).toBe('旧名字');
    await page.type('.nickname-field', '妈');
    expect(page.text()).not.toContain('最多 12 个字');
  });

  test('an empty name removes the 备注名 (it is optional, as at binding)', async () => {
    const page = await openCard();
    await page.type('.nickname-field', '   ');
    await page.tap('.save-nickname');
    expect(stored()?.nickname).toBe('');
    expect(page.textOf('.summary__title')).toBe('移动保号卡');
    expect(app.device.lastToast()).toBe('已删除备注名');
  });
});

describe('card page: default and type', () => {
  test('设为默认 makes it the only default', async () => {
    const page = await openCard();
    expect(stored()?.isDefault).toBe(false);
    await page.tap('.default-button');
    expect(stored()?.isDefault).toBe(true);
    expect(app.services.cards.get('13900139000')?.isDefault).toBe(false);
    expect(page.textOf('.summary')).toContain('默认');
    expect(page.text()).not.toContain('设为默认');
  });

  test('changing the card type saves it and drops the keep-number warning', async () => {
    const page = await openCard();
    expect(page.vantShown('.type-group', '.van-radio-group')).toBe(true);
    await page.tap('.type-data');
    expect(stored()?.cardType).toBe('data');
    expect(page.textOf('.summary')).toContain('流量卡');
    expect(page.textOf('.summary')).not.toContain('请在到期前续费');
  });
});

describe('card page: reminders', () => {
  test('promises nothing until a channel is set up', async () => {
    const page = await openCard();
    expect(page.textOf('.reminder-note')).toBe('还没有设置提醒方式：添加到手机日历或订阅微信提醒后，才会在 2026年11月28日 09:00 提醒你续费（2026年12月1日 到期）');
    expect(page.textOf('.calendar-button')).toBe('添加到手机日历');
  });

  test.each([
    ['.remind-1', 1, '2026年11月30日 09:00'],
    ['.remind-7', 7, '2026年11月25日 09:00'],
  ])('choosing %s saves %p and moves the day', async (selector, days, when) => {
    const page = await openCard();
    await page.tap(selector);
    expect(stored()?.remindDaysBefore).toBe(days);
    expect(page.textOf('.reminder-note')).toContain(when);
  });

  test('不提醒 says so', async () => {
    const page = await openCard();
    await page.tap('.remind-off');
    expect(stored()?.remindDaysBefore).toBeNull();
    expect(page.textOf('.reminder-note')).toBe('已关闭到期提醒');
  });

  test('添加到手机日历: the event is added, remembered with its day, and named as the channel', async () => {
    const page = await openCard();
    await page.tap('.calendar-button');
    await page.untilText('已添加到手机日历：2026年11月28日 会提醒你');
    expect(app.device.calendar).toHaveLength(1);
    expect(app.device.calendar[0].title).toBe('【保号提醒】旧名字 138****8000 将于 2026年12月1日 到期');
    expect(app.device.calendar[0].startTime).toBe(Date.parse('2026-11-28T09:00:00+08:00') / 1000);
    expect(stored()?.calendar).toEqual({ remindOn: '2026-11-28', actBy: '2026-12-01' });
    expect(page.textOf('.reminder-note')).toBe('将在 2026年11月28日 09:00 通过手机日历提醒你续费（2026年12月1日 到期）');
    expect(page.textOf('.calendar-note')).toBe('已添加到手机日历：2026年11月28日 09:00 会响铃提醒');
  });

  test('changing the days after adding to the calendar offers to update the event, and the note never contradicts it', async () => {
    const page = await openCard();
    await page.tap('.calendar-button');
    await page.untilText('已添加到手机日历');
    app.device.confirmAnswers = [false];
    await page.tap('.remind-1');
    await page.until(() => app.device.confirms.length === 1, 'the question');
    expect(app.device.confirms[0].title).toBe('更新手机日历里的提醒？');
    expect(page.text()).not.toContain('已添加到手机日历：2026年11月28日 会提醒你');
    expect(page.textOf('.calendar-note')).toContain('手机日历里的提醒在 2026年11月28日，现在应在 2026年11月30日');
    expect(page.textOf('.reminder-note')).toContain('还没有设置提醒方式');
    expect(page.textOf('.calendar-button')).toBe('更新手机日历');

    await page.tap('.calendar-button');
    await page.untilText('原来那条请在日历中删除');
    expect(app.device.calendar.map((e) => e.startTime)).toEqual([Date.parse('2026-11-28T09:00:00+08:00') / 1000, Date.parse('2026-11-30T09:00:00+08:00') / 1000]);
    expect(page.textOf('.reminder-note')).toContain('将在 2026年11月30日 09:00 通过手机日历');
  });

  test('accepting the update adds the new event at once', async () => {
    const page = await openCard();
    await page.tap('.calendar-button');
    await page.untilText('已添加到手机日历');
    await page.tap('.remind-7');
    await page.until(() => app.device.calendar.length === 2, 'the second event');
    expect(stored()?.calendar).toEqual({ remindOn: '2026-11-25', actBy: '2026-12-01' });
  });

  test('an expired card is still reminded, before its number may be recycled', async () => {
    app.services.cards.update(PHONE, { lastKnown: { ...KNOWN!, expiry: '2026-11-22' } });
    const page = await openCard();
    expect(page.textOf('.reminder-note')).toContain('续费保号（2027年2月20日 之后号码可能被回收）');
    await page.tap('.calendar-button');
    await page.untilText('已添加到手机日历');
    expect(app.device.calendar[0].title).toBe('【保号提醒】旧名字 138****8000 已停机，2027年2月20日 前续费才能保住号码');
  });

  test('calendar permission denied: says how to allow it, nothing saved', async () => {
    app.device.calendarAnswer = { ok: false, error: 'denied', message: 'denied' };
    const page = await openCard();
    await page.tap('.calendar-button');
    await page.untilText('没有日历权限');
    expect(page.textOf('.message')).toContain('设置');
    expect(stored()?.calendar).toBeUndefined();
  });

  test('with reminders off, the calendar is not touched', async () => {
    app.services.cards.update(PHONE, { remindDaysBefore: null });
    const page = await openCard();
    await page.tap('.calendar-button');
    await page.untilText('先选择提前几天提醒');
    expect(app.device.calendar).toHaveLength(0);
  });

  test('订阅微信提醒 accepted: asks for the template and saves the date it is for', async () => {
    const page = await openCard();
    await page.tap('.subscribe-button');
    await page.untilText('已订阅');
    expect(app.device.subscribeRequests).toEqual([[EXPIRY_TEMPLATE_ID]]);
    expect(stored()?.subscription).toMatchObject({ actBy: '2026-12-01', remindOn: '2026-11-28' });
    expect(page.textOf('.subscribe-button')).toBe('已订阅微信提醒');
    expect(page.textOf('.reminder-note')).toContain('通过微信服务通知提醒你');
  });

  test('不提醒 after subscribing drops the subscription and says so; the button goes back', async () => {
    const page = await openCard();
    await page.tap('.subscribe-button');
    await page.untilText('已订阅');
    await page.tap('.remind-off');
    expect(stored()?.subscription).toBeUndefined();
    expect(page.textOf('.subscribe-button')).toBe('订阅微信提醒');
    expect(page.textOf('.message')).toContain('不会再发微信提醒');
    expect(page.text()).not.toContain('已订阅：');
  });

  test('after a renewal the subscription was for the old date: offered again', async () => {
    app.services.cards.update(PHONE, { subscription: { actBy: '2026-12-01', remindOn: '2026-11-28', at: 1 }, lastKnown: { ...KNOWN!, expiry: '2027-06-01' } });
    const page = await openCard();
    expect(page.textOf('.subscribe-button')).toBe('订阅微信提醒');
    expect(page.textOf('.subscription-note')).toContain('是为 2026年12月1日 准备的');
  });

  test('订阅 refused: explains, nothing saved', async () => {
    app.device.subscribeAccepts = false;
    const page = await openCard();
    await page.tap('.subscribe-button');
    await page.untilText('没有允许订阅消息');
    expect(stored()?.subscription).toBeUndefined();
  });
});

describe('card page: unbind', () => {
  test('confirmed: the card is gone and the page goes back', async () => {
    const page = await openCard();
    await page.tap('.unbind-button');
    await page.until(() => app.nav.moves.length > 0, 'navigation');
    expect(app.device.confirms[0].content).toContain('138****8000');
    expect(app.device.confirms[0].content).toContain('不会再发微信提醒');
    expect(stored()).toBeUndefined();
    expect(app.services.cards.list().map((c) => c.phone)).toEqual(['13900139000']);
    expect(app.nav.last()).toMatchObject({ kind: 'back' });
    expect(app.device.lastToast()).toBe('已解绑');
  });

  test('cancelled: the card stays', async () => {
    app.device.confirmAnswers = [false];
    const page = await openCard();
    await page.tap('.unbind-button');
    await page.until(() => app.device.confirms.length === 1, 'the confirm');
    expect(stored()).toBeDefined();
    expect(app.nav.moves).toEqual([]);
  });
});
