import { reminderView } from '../../../miniprogram/pages/card/reminder-view';
import { keepDeadline } from '../../../miniprogram/core/keep-deadline';
import type { BoundCard } from '../../../miniprogram/core/types';

const TODAY = '2026-11-25';

function card(patch: Partial<BoundCard> = {}): BoundCard {
  return {
    phone: '13800138000',
    region: 'CN',
    carrier: 'cmcc',
    cardType: 'phone',
    nickname: '',
    isDefault: true,
    boundAt: 0,
    verifiedBy: 'sms',
    remindDaysBefore: 3,
    lastKnown: { balance: { amount: 500, currency: 'CNY' }, dataLeftMb: null, expiry: '2026-12-01', suspended: false, at: Date.UTC(2026, 10, 25, 2) },
    ...patch,
  };
}

function view(c: BoundCard, today = TODAY) {
  const d = keepDeadline(c, { today });
  return reminderView(c, d.ok ? d.value : null, today);
}

describe('one reminder state per card', () => {
  test('no channel yet: says nothing will ring until one is set up', () => {
    const v = view(card());
    expect(v.note).toBe('还没有设置提醒方式：添加到手机日历或订阅微信提醒后，才会在 2026年11月28日 09:00 提醒你续费（2026年12月1日 到期）');
    expect(v).toMatchObject({ needsChannel: true, calendarLabel: '添加到手机日历', subscribeLabel: '订阅微信提醒', subscribed: false, calendarNote: '' });
  });

  test('calendar added for this very day: named as the channel', () => {
    const v = view(card({ calendar: { remindOn: '2026-11-28', actBy: '2026-12-01' } }));
    expect(v.note).toBe('将在 2026年11月28日 09:00 通过手机日历提醒你续费（2026年12月1日 到期）');
    expect(v.calendarNote).toBe('已添加到手机日历：2026年11月28日 09:00 会响铃提醒');
    expect(v.calendarLabel).toBe('已添加到手机日历');
  });

  test('calendar for another day (the choice changed, or the card was renewed): asks to update it, promises nothing', () => {
    const v = view(card({ remindDaysBefore: 7, calendar: { remindOn: '2026-11-28', actBy: '2026-12-01' } }));
    expect(v.needsChannel).toBe(true);
    expect(v.calendarNote).toBe('手机日历里的提醒在 2026年11月28日，现在应在 2026年11月25日，请点“更新手机日历”（原来那条请在日历中删除）');
    expect(v.calendarLabel).toBe('更新手机日历');
    const renewed = view(card({ calendar: { remindOn: '2026-11-28', actBy: '2026-12-01' }, lastKnown: { ...card().lastKnown!, expiry: '2027-06-01' } }));
    expect(renewed.calendarLabel).toBe('更新手机日历');
  });

  test('an event from before dates were kept: flagged as maybe wrong', () => {
    expect(view(card({ calendarAddedFor: '2026-12-01' })).calendarNote).toContain('以前为 2026年12月1日 到期添加过手机日历提醒');
  });

  test('a subscription for this date, not yet sent: named; after its day, or for an old date, it is offered again', () => {
    const sub = { actBy: '2026-12-01', remindOn: '2026-11-28', at: 1 };
    expect(view(card({ subscription: sub }))).toMatchObject({ subscribed: true, subscribeLabel: '已订阅微信提醒', subscriptionNote: '' });
    expect(view(card({ subscription: sub })).note).toContain('通过微信服务通知提醒你');
    const used = view(card({ subscription: { ...sub, actBy: '2026-11-27', remindOn: '2026-11-24' }, lastKnown: { ...card().lastKnown!, expiry: '2026-11-27' } }));
    expect(used).toMatchObject({ subscribed: false, subscribeLabel: '订阅微信提醒' });
    expect(used.subscriptionNote).toContain('已经在那时发过');
    const renewed = view(card({ subscription: sub, lastKnown: { ...card().lastKnown!, expiry: '2027-06-01' } }));
    expect(renewed.subscribed).toBe(false);
    expect(renewed.subscriptionNote).toContain('是为 2026年12月1日 准备的');
    expect(view(card({ subscribed: true })).subscriptionNote).toContain('不知道是为哪个日期订的');
  });

  test('both channels: both named', () => {
    const v = view(card({ calendar: { remindOn: '2026-11-28', actBy: '2026-12-01' }, subscription: { actBy: '2026-12-01', remindOn: '2026-11-28', at: 1 } }));
    expect(v.note).toContain('通过手机日历和微信服务通知提醒你');
  });

  test('reminders off: says so, and that a calendar event stays in the phone', () => {
    expect(view(card({ remindDaysBefore: null })).note).toBe('已关闭到期提醒');
    expect(view(card({ remindDaysBefore: null, calendar: { remindOn: '2026-11-28', actBy: '2026-12-01' } })).note).toContain('不会自动删除');
  });

  test('expired card: still reminded, before its number may be recycled', () => {
    const v = view(card({ lastKnown: { ...card().lastKnown!, expiry: '2026-11-22' } }));
    expect(v.plan).not.toBeNull();
    expect(v.note).toContain('2027年2月17日 09:00');
    expect(v.note).toContain('续费保号（2027年2月20日 之后号码可能被回收）');
  });

  test('a number that may be recycled, or no figures: no reminder, and why', () => {
    expect(view(card({ lastKnown: { ...card().lastKnown!, expiry: '2026-08-01' } })).note).toContain('拨打 10086 确认号码还在');
    expect(view(card({ lastKnown: undefined })).note).toContain('下拉刷新');
    expect(reminderView(card(), null, TODAY).plan).toBeNull();
  });
});
