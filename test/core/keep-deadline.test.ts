import { addDays } from '../../miniprogram/core/dates';
import { compareUrgency, keepDeadline, keepReminderDay, type KeepDeadline, type KeepDeadlineOptions } from '../../miniprogram/core/keep-deadline';
import type { BoundCard, Money } from '../../miniprogram/core/types';

const TODAY = '2026-11-25';
const SEEN = Date.UTC(2026, 10, 25, 2);
const cny = (amount: number): Money => ({ amount, currency: 'CNY' });
const php = (amount: number): Money => ({ amount, currency: 'PHP' });

function card(overrides: Partial<BoundCard> = {}, known: Partial<NonNullable<BoundCard['lastKnown']>> | null = {}): BoundCard {
  const carrier = overrides.carrier ?? 'cmcc';
  const base: BoundCard = {
    phone: carrier === 'smart' ? '09181234567' : '13800138000',
    region: carrier === 'smart' ? 'PH' : 'CN',
    carrier,
    cardType: 'phone',
    nickname: '',
    isDefault: false,
    boundAt: 0,
    verifiedBy: 'sms',
    remindDaysBefore: 3,
    ...overrides,
  };
  if (known === null) return base;
  const balance = carrier === 'smart' ? php(0) : cny(1000);
  return { ...base, lastKnown: { balance, dataLeftMb: null, expiry: '2026-12-01', suspended: false, at: SEEN, ...known } };
}

function deadline(c: unknown, options: Partial<KeepDeadlineOptions> = {}): KeepDeadline {
  const result = keepDeadline(c, { today: TODAY, ...options });
  if (!result.ok) throw new Error(result.message);
  return result.value;
}

describe('keepDeadline: one row per carrier kind', () => {
  test.each<[string, BoundCard, Partial<KeepDeadline>]>([
    ['mainland phone card, 6 days left', card({}, { expiry: '2026-12-01' }), { status: 'due_soon', reason: 'validity_end', actBy: '2026-12-01', daysLeft: 6, lastDayToSave: '2027-03-01', graceStart: '2026-12-02' }],
    ['mainland keep card, far off', card({ cardType: 'keep', carrier: 'cucc' }, { expiry: '2027-03-01' }), { status: 'in_service', reason: 'keep_plan_end', actBy: '2027-03-01', daysLeft: 96 }],
    ['mainland data card expires today', card({ cardType: 'data', carrier: 'cbn' }, { expiry: TODAY }), { status: 'due_soon', reason: 'validity_end', daysLeft: 0 }],
    ['mainland expired 3 days ago', card({ carrier: 'ctcc' }, { expiry: '2026-11-22' }), { status: 'lapsed', reason: 'grace_end', actBy: '2027-02-20', daysLeft: 87, inServiceUntil: '2026-11-22' }],
    ['mainland past its grace', card({}, { expiry: addDays(TODAY, -91) }), { status: 'maybe_lost', reason: 'maybe_recycled', daysLeft: -1 }],
    ['suspended in debt', card({}, { balance: cny(-1230), suspended: true, expiry: '2026-12-25' }), { status: 'suspended', actBy: TODAY, daysLeft: 0, debt: cny(1230), lastDayToSave: null }],
    ['suspended after expiry knows its last day', card({}, { balance: cny(0), suspended: true, expiry: '2026-11-20' }), { status: 'suspended', debt: cny(0), lastDayToSave: '2027-02-18' }],
    ['Smart with a balance', card({ carrier: 'smart' }, { balance: php(5000), expiry: '2026-12-10' }), { status: 'in_service', reason: 'zero_balance_window', actBy: '2027-04-09', validUntil: '2026-12-10', estimated: false }],
    ['Smart at zero, untracked', card({ carrier: 'smart' }, { balance: php(0), expiry: '2026-08-01' }), { status: 'due_soon', actBy: '2026-11-29', graceStart: '2026-08-02', estimated: true }],
    ['never looked up', card({}, null), { status: 'unknown', reason: 'no_figures', actBy: null, daysLeft: null, estimated: true, balance: null }],
  ])('%s', (_name, c, expected) => {
    expect(deadline(c)).toMatchObject(expected);
  });

  test.each([
    [119, 'due_soon', 1],
    [120, 'due_soon', 0],
    [121, 'maybe_lost', -1],
  ])('Smart 120-day window, tracked zero day: window day %p → %s', (day, status, daysLeft) => {
    const today = addDays('2026-09-10', day - 1);
    const d = deadline(card({ carrier: 'smart' }, { balance: php(0), expiry: '2026-12-31', at: Date.UTC(2026, 9, 1) }), {
      today,
      zeroBalanceSince: { '09181234567': '2026-09-10' },
    });
    expect(d).toMatchObject({ status, daysLeft, actBy: '2027-01-07', estimated: false, graceStart: '2026-09-10' });
  });

  test.each([[null], [{}], ['13800138000'], [{ phone: '', carrier: 'cmcc', cardType: 'phone' }], [{ phone: '1', carrier: 'x', cardType: 'phone' }]])('%p → bad_card', (c) => {
    expect(keepDeadline(c, { today: TODAY })).toMatchObject({ ok: false, error: 'bad_card' });
  });

  test.each([[''], ['2026-02-30'], [undefined], [20261125]])('today %p → bad_today, with a message', (today) => {
    const result = keepDeadline(card(), { today: today as string });
    expect(result).toMatchObject({ ok: false, error: 'bad_today' });
    if (!result.ok) expect(result.message).toContain('手机时间');
  });
});

describe('compareUrgency: what needs doing first', () => {
  test('expired or suspended, then by deadline, unknown last', () => {
    const cards = [
      card({ phone: '13800138000' }, { expiry: '2027-02-01' }),
      card({ phone: '18600186002', carrier: 'cucc' }, { expiry: '2026-11-27' }),
      card({ phone: '13300133003', carrier: 'ctcc' }, { expiry: '2026-11-22' }),
      card({ phone: '15900159000' }, { balance: cny(-500), suspended: true }),
      card({ phone: '19200192000', carrier: 'cbn' }, null),
      card({ phone: '09181234567', carrier: 'smart' }, { balance: php(0), expiry: '2026-08-01' }),
    ];
    const order = cards.map((c) => deadline(c)).sort(compareUrgency).map((d) => d.phone);
    expect(order).toEqual(['15900159000', '13300133003', '18600186002', '09181234567', '13800138000', '19200192000']);
  });
});

describe('keepReminderDay follows the deadline, also during the grace', () => {
  test.each([
    [card({}, { expiry: '2027-01-10' }), 3, '2027-01-07'],
    [card({}, { expiry: '2026-11-22' }), 7, '2027-02-13'], // lapsed: before the last day to save
    [card({}, { expiry: '2026-11-27' }), 7, TODAY], // already inside the 7 days: today
    [card({}, { expiry: '2027-01-10' }), null, null],
    [card({}, { expiry: addDays(TODAY, -100) }), 3, null],
  ])('%#', (c, n, day) => {
    expect(keepReminderDay(deadline(c), n, TODAY)).toBe(day);
  });
});
