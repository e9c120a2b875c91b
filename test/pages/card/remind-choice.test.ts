import { reminderData, remindDays, remindName } from '../../../miniprogram/pages/card/remind-choice';
import type { ReminderView } from '../../../miniprogram/pages/card/reminder-view';

describe('the reminder radio', () => {
  test('each day choice has its radio name, and 不提醒 is off', () => {
    expect([remindName(1), remindName(3), remindName(7), remindName(null)]).toEqual(['1', '3', '7', 'off']);
  });

  test('a radio name reads back as the days it stands for', () => {
    expect([remindDays('1'), remindDays('3'), remindDays('7'), remindDays('off')]).toEqual([1, 3, 7, null]);
  });

  test('anything else the radio could send means 不提醒, never a made-up day', () => {
    expect(remindDays('5')).toBeNull();
    expect(remindDays(3)).toBeNull();
    expect(remindDays(undefined)).toBeNull();
    expect(remindDays('')).toBeNull();
  });
});

describe('the reminder part of the view data', () => {
  const view: ReminderView = {
    note: '12月1日 09:00 提醒',
    needsChannel: false,
    calendarNote: '',
    calendarLabel: '添加到手机日历',
    subscribed: true,
    subscribeLabel: '已订阅',
    subscriptionNote: '',
    plan: { remindOn: '2026-11-28', actBy: '2026-12-01' } as unknown as ReminderView['plan'],
    blocked: '先绑定',
  };

  test('sends the words shown, not the plan or the blocked message kept for taps', () => {
    const { reminders } = reminderData(view);
    expect(reminders).toEqual({ note: '12月1日 09:00 提醒', needsChannel: false, calendarNote: '', calendarLabel: '添加到手机日历', subscribed: true, subscribeLabel: '已订阅', subscriptionNote: '' });
    expect('plan' in reminders).toBe(false);
    expect('blocked' in reminders).toBe(false);
  });
});
