import { ALARM_OFFSET_SEC, planReminder, reminderTitle, remindLabel } from '../../../../miniprogram/pages/card/core/reminder-plan';
import { addDays } from '../../../../miniprogram/core/dates';
import { keepDeadline, type KeepDeadline } from '../../../../miniprogram/core/keep-deadline';
import type { BoundCard, Money } from '../../../../miniprogram/core/types';

const TODAY = '2026-11-25';
const SEEN = Date.UTC(2026, 10, 25, 2);
const cny = (amount: number): Money => ({ amount, currency: 'CNY' });

function card(patch: Partial<BoundCard> = {}, known: Partial<NonNullable<BoundCard['lastKnown']>> | null = {}): BoundCard {
  const smart = patch.carrier === 'smart';
  const base: BoundCard = {
    phone: smart ? '09181234567' : '13800138000',
    region: smart ? 'PH' : 'CN',
    carrier: 'cmcc',
    cardType: 'keep',
    nickname: '',
    isDefault: true,
    boundAt: 0,
    verifiedBy: 'sms',
    remindDaysBefore: 3,
    ...patch,
  };
  if (known === null) return base;
  return { ...base, lastKnown: { balance: smart ? { amount: 0, currency: 'PHP' } : cny(500), dataLeftMb: null, expiry: '2026-12-01', suspended: false, at: SEEN, ...known } };
}

function deadline(c: BoundCard): KeepDeadline {
  const found = keepDeadline(c, { today: TODAY });
  if (!found.ok) throw new Error(found.message);
  return found.value;
}

function plan(c: BoundCard, daysBefore?: 1 | 3 | 7 | null) {
  const result = daysBefore === undefined ? planReminder(c, deadline(c), TODAY) : planReminder(c, deadline(c), TODAY, daysBefore);
  if (!result.ok) throw new Error(result.message);
  return result.value;
}

describe('labels and titles', () => {
  test.each([
    [1, '到期前 1 天'],
    [7, '到期前 7 天'],
    [null, '不提醒'],
  ] as const)('label for %p is %s', (days, label) => {
    expect(remindLabel(days)).toBe(label);
  });

  test.each<[string, BoundCard, string]>([
    ['keep card', card(), '【保号提醒】138****8000 将于 2026年12月1日 到期'],
    ['data card with a nickname', card({ cardType: 'data', nickname: '爸爸的流量卡' }), '【续费提醒】爸爸的流量卡 138****8000 将于 2026年12月1日 到期'],
    ['expired: the last day to save the number', card({ cardType: 'phone' }, { expiry: '2026-11-22' }), '【保号提醒】138****8000 已停机，2027年2月20日 前续费才能保住号码'],
    ['suspended', card({}, { suspended: true, balance: cny(-1230) }), '【停机提醒】138****8000 已停机，请尽快充值恢复'],
    ['Smart at zero: the end of the 120 days', card({ carrier: 'smart' }, { expiry: '2026-08-01' }), '【保号提醒】0918***4567 最晚 2026年11月29日 前充值，否则停号'],
  ])('%s', (_name, c, title) => {
    expect(reminderTitle(c, deadline(c))).toBe(title);
  });
});

describe('planReminder follows the deadline', () => {
  test('the event starts at 09:00 China time N days before the date to act by', () => {
    const p = plan(card());
    expect(p).toMatchObject({ actBy: '2026-12-01', remindOn: '2026-11-28', movedToToday: false });
    expect(p.event.startTime).toBe(Date.parse('2026-11-28T09:00:00+08:00') / 1000);
    expect(p.event.allDay).toBe(false);
    expect(p.event.alarmOffsetSec).toBe(ALARM_OFFSET_SEC);
  });

  test('the description says what to do, with the hotline and the keep-number risk, never the full number', () => {
    const p = plan(card());
    expect(p.event.description).toContain('保号套餐');
    expect(p.event.description).toContain('10086');
    expect(p.event.description).toContain('核对号码');
    expect(p.event.description).not.toContain('13800138000');
  });

  test('an expired card is reminded during its grace, before the number may be recycled', () => {
    const p = plan(card({ cardType: 'phone' }, { expiry: '2026-11-22' }), 7);
    expect(p).toMatchObject({ actBy: '2027-02-20', remindOn: '2027-02-13' });
    expect(p.event.description).toContain('2027年2月20日 之后还不续费，号码可能被运营商回收');
  });

  test('Smart is reminded before its 120 days end', () => {
    const p = plan(card({ carrier: 'smart' }, { expiry: '2026-08-01' }), 1);
    expect(p.remindOn).toBe('2026-11-28');
    expect(p.event.description).toContain('120 天');
  });

  test('an explicit daysBefore overrides the card setting; a day already past moves to today', () => {
    expect(plan(card({ remindDaysBefore: 1 }, { expiry: '2026-12-10' }), 7).remindOn).toBe('2026-12-03');
    expect(plan(card({ remindDaysBefore: 7 }, { expiry: '2026-11-27' }))).toMatchObject({ remindOn: TODAY, movedToToday: true });
    expect(plan(card({ remindDaysBefore: 1 }, { expiry: TODAY }))).toMatchObject({ remindOn: TODAY, movedToToday: true });
    expect(plan(card({ remindDaysBefore: 1 }, { expiry: addDays(TODAY, 1) }))).toMatchObject({ remindOn: TODAY, movedToToday: false });
  });

  test.each<[string, BoundCard, string, string]>([
    ['reminders off', card({ remindDaysBefore: null }), 'off', '先选择提前几天'],
    ['never looked up', card({}, null), 'no_expiry', '下拉刷新'],
    ['past the grace', card({}, { expiry: addDays(TODAY, -100) }), 'maybe_lost', '拨打 10086 确认号码还在'],
  ])('%s → %s, with what to do', (_name, c, error, words) => {
    const result = planReminder(c, deadline(c), TODAY);
    expect(result).toMatchObject({ ok: false, error });
    expect(!result.ok && result.message).toContain(words);
  });

  test('no deadline at all is no_expiry, not a crash', () => {
    expect(planReminder(card(), null as unknown as KeepDeadline, TODAY)).toMatchObject({ ok: false, error: 'no_expiry' });
  });
});
