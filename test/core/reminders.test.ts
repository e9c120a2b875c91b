import {
  ALARM_OFFSET_SEC,
  keepNumberWarning,
  planReminder,
  reminderDate,
  reminderTitle,
  remindLabel,
} from '../../miniprogram/core/reminders';
import type { BoundCard } from '../../miniprogram/core/types';

const TODAY = '2026-11-25';

function card(patch: Partial<BoundCard> = {}): BoundCard {
  return {
    phone: '13800138000',
    region: 'CN',
    carrier: 'cmcc',
    cardType: 'keep',
    nickname: '',
    isDefault: true,
    boundAt: 0,
    verifiedBy: 'sms',
    remindDaysBefore: 3,
    ...patch,
  };
}

describe('reminder day and title', () => {
  test.each([
    ['2026-12-01', 1, '2026-11-30'],
    ['2026-12-01', 3, '2026-11-28'],
    ['2026-12-01', 7, '2026-11-24'],
    ['2027-01-02', 3, '2026-12-30'],
    ['2028-03-01', 1, '2028-02-29'],
  ] as const)('%s minus %i days is %s', (expiry, days, expected) => {
    expect(reminderDate(expiry, days)).toBe(expected);
  });

  test('a value that is not a date gives null instead of throwing', () => {
    expect(reminderDate('soon', 3)).toBeNull();
  });

  test('keep-number title is 【保号提醒】 with the masked number and the Chinese date', () => {
    expect(reminderTitle(card(), '2026-12-01')).toBe('【保号提醒】138****8000 将于 2026年12月1日 到期');
  });

  test('other cards get 【续费提醒】 and the nickname', () => {
    expect(reminderTitle(card({ cardType: 'data', nickname: '爸爸的流量卡' }), '2026-12-01')).toBe('【续费提醒】爸爸的流量卡 138****8000 将于 2026年12月1日 到期');
  });

  test.each([
    [1, '到期前 1 天'],
    [7, '到期前 7 天'],
    [null, '不提醒'],
  ] as const)('label for %p is %s', (days, label) => {
    expect(remindLabel(days)).toBe(label);
  });
});

describe('planReminder', () => {
  test('the event starts at 09:00 China time N days before expiry', () => {
    const plan = planReminder(card(), '2026-12-01', TODAY);
    if (!plan.ok) throw new Error(plan.message);
    expect(plan.value.remindOn).toBe('2026-11-28');
    expect(plan.value.movedToToday).toBe(false);
    expect(plan.value.event.startTime).toBe(Date.parse('2026-11-28T09:00:00+08:00') / 1000);
    expect(plan.value.event.allDay).toBe(false);
    expect(plan.value.event.alarmOffsetSec).toBe(ALARM_OFFSET_SEC);
    expect(plan.value.event.title).toContain('138****8000');
  });

  test('the description says what to do, including the hotline and the keep-number risk', () => {
    const plan = planReminder(card(), '2026-12-01', TODAY);
    if (!plan.ok) throw new Error(plan.message);
    expect(plan.value.event.description).toContain('保号套餐');
    expect(plan.value.event.description).toContain('10086');
    expect(plan.value.event.description).toContain('核对号码');
    expect(plan.value.event.description).not.toContain('13800138000');
  });

  test('an explicit daysBefore overrides the card setting', () => {
    const plan = planReminder(card({ remindDaysBefore: 1 }), '2026-12-10', TODAY, 7);
    expect(plan.ok && plan.value.remindOn).toBe('2026-12-03');
  });

  test('a reminder day already past moves to today', () => {
    const plan = planReminder(card({ remindDaysBefore: 7 }), '2026-11-27', TODAY);
    expect(plan.ok && plan.value).toMatchObject({ remindOn: TODAY, movedToToday: true });
  });

  test('expiring today still gets a reminder today', () => {
    const plan = planReminder(card({ remindDaysBefore: 1 }), TODAY, TODAY);
    expect(plan.ok && plan.value.remindOn).toBe(TODAY);
  });

  test.each([
    ['reminders off', card({ remindDaysBefore: null }), '2026-12-01', 'off'],
    ['no known expiry', card(), undefined, 'no_expiry'],
    ['a broken expiry', card(), '2026-13-40', 'no_expiry'],
    ['already expired', card(), '2026-11-24', 'expired'],
  ])('%s → %s', (_label, c, expiry, error) => {
    const plan = planReminder(c, expiry, TODAY);
    expect(plan).toMatchObject({ ok: false, error });
    expect(!plan.ok && plan.message.length).toBeGreaterThan(5);
  });
});

describe('keepNumberWarning', () => {
  test('only keep-number cards are warned', () => {
    expect(keepNumberWarning(card({ cardType: 'phone' }), '2026-11-26', TODAY)).toBeNull();
  });

  test('no warning while far from expiry', () => {
    expect(keepNumberWarning(card(), '2026-12-20', TODAY)).toBeNull();
  });

  test('due within 7 days: says the date and the days left', () => {
    const warning = keepNumberWarning(card(), '2026-12-01', TODAY);
    expect(warning?.level).toBe('due');
    expect(warning?.message).toContain('2026年12月1日');
    expect(warning?.message).toContain('还剩 6 天');
  });

  test('a reminder window longer than 7 days is not possible, but 7 is honoured at the edge', () => {
    expect(keepNumberWarning(card({ remindDaysBefore: 7 }), '2026-12-02', TODAY)?.level).toBe('due');
    expect(keepNumberWarning(card({ remindDaysBefore: 7 }), '2026-12-03', TODAY)).toBeNull();
  });

  test('due today says today', () => {
    expect(keepNumberWarning(card(), TODAY, TODAY)?.message).toContain('今天');
  });

  test('expired: overdue with the days until the number is recycled (mainland 90 days)', () => {
    const warning = keepNumberWarning(card(), '2026-11-15', TODAY);
    expect(warning?.level).toBe('overdue');
    expect(warning?.message).toContain('已过期 10 天');
    expect(warning?.message).toContain('再过 80 天');
  });

  test('close to recycling: recycle_risk', () => {
    const warning = keepNumberWarning(card(), '2026-09-01', TODAY);
    expect(warning?.level).toBe('recycle_risk');
    expect(warning?.message).toContain('还有 5 天就会被回收');
  });

  test('Smart keeps the number 120 days: 80 days expired is overdue there, recycle risk on the mainland', () => {
    const smart = card({ phone: '09181234567', region: 'PH', carrier: 'smart' });
    expect(keepNumberWarning(smart, '2026-09-06', TODAY)?.level).toBe('overdue');
    expect(keepNumberWarning(card(), '2026-09-06', TODAY)?.level).toBe('recycle_risk');
  });

  test('past the grace period: the number may be gone', () => {
    expect(keepNumberWarning(card(), '2026-01-01', TODAY)?.message).toContain('可能已被运营商回收');
  });

  test('unknown expiry gives no warning', () => {
    expect(keepNumberWarning(card(), undefined, TODAY)).toBeNull();
  });
});

