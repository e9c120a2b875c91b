import { CARRIER_IDS } from '../../../../miniprogram/core/carriers';
import { GRACE_DAYS, NUMBER_LAPSE_RULES } from '../../../../miniprogram/core/catalog';
import { addDays, daysBetween } from '../../../../miniprogram/core/dates';
import { exchangeRate, type ExchangeRate } from '../../../../miniprogram/core/exchange';
import {
  keepHorizonEnd,
  keepPlanHeadline,
  keepReminderDay,
  keepTimeline,
  nextDue,
  planCard,
  type CardKeepPlan,
  type KeepPlanOptions,
} from '../../../../miniprogram/pages/plan/core/keep-plan';
import type { BoundCard, CardType, CarrierId, Money } from '../../../../miniprogram/core/types';

const TODAY = '2026-11-25';
/** 10:00 on TODAY, China time. */
const SEEN = Date.UTC(2026, 10, 25, 2);
const NO_PROMOS: KeepPlanOptions = { today: TODAY, promotions: [] };

function rate(fen: number, centavos: number): ExchangeRate {
  const made = exchangeRate(fen, centavos);
  if (!made.ok) throw new Error(made.message);
  return made.value;
}
const RATE = rate(1235, 10000); // ₱100 = ¥12.35

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
    remindDaysBefore: null,
    ...overrides,
  };
  if (known === null) return base;
  return {
    ...base,
    lastKnown: {
      balance: carrier === 'smart' ? php(0) : cny(1000),
      dataLeftMb: null,
      expiry: '2026-12-01',
      suspended: false,
      at: SEEN,
      ...known,
    },
  };
}

function plan(c: unknown, options: Partial<KeepPlanOptions> = {}): CardKeepPlan {
  const result = planCard(c, { ...NO_PROMOS, ...options });
  if (!result.ok) throw new Error(result.message);
  return result.value;
}

describe('keepHorizonEnd: the 12 months from today, inclusive', () => {
  test.each([
    ['2026-11-25', '2027-11-24'],
    ['2026-12-31', '2027-12-30'],
    ['2027-01-31', '2028-01-30'],
    ['2028-02-29', '2029-02-27'],
    ['2027-02-28', '2028-02-27'],
    ['2027-03-01', '2028-02-29'],
  ])('%s → %s', (today, end) => {
    expect(keepHorizonEnd(today)).toBe(end);
  });

  test.each([['2026-02-30'], [''], [null], ['9999-12-31'], ['1969-12-31']])('%p → null', (today) => {
    expect(keepHorizonEnd(today as string)).toBeNull();
  });
});

describe('one card per carrier kind (list prices, no promotions)', () => {
  test.each<[string, Partial<BoundCard>, Partial<NonNullable<BoundCard['lastKnown']>>, Partial<CardKeepPlan>, string, number, number]>([
    // Mainland phone card, expiry in 6 days: the 12-month keep plan (¥88) beats ¥100 and 12 × ¥8.
    ['mainland phone card', { carrier: 'cmcc', cardType: 'phone' }, { expiry: '2026-12-01' }, { status: 'due_soon', reason: 'validity_end', actBy: '2026-12-01', daysLeft: 6, lastDayToSave: '2027-03-01' }, 'cmcc-keep-12m', 8800, 1],
    // Mainland keep-number card: 12 × ¥5 = ¥60 loses to the ¥58 year plan...
    ['mainland keep card, a year to cover', { carrier: 'cucc', cardType: 'keep' }, { expiry: '2026-11-30' }, { status: 'due_soon', reason: 'keep_plan_end', actBy: '2026-11-30' }, 'cucc-keep-12m', 5800, 1],
    // ...but with half a year already covered, 6 × ¥5 wins.
    ['mainland keep card, half a year covered', { carrier: 'cucc', cardType: 'keep' }, { expiry: '2027-06-01' }, { status: 'in_service', reason: 'keep_plan_end', actBy: '2027-06-01', daysLeft: 188 }, 'cucc-keep-5', 3000, 6],
    // Data card (no keep plans offered): one ¥100 recharge for 365 days.
    ['mainland data card', { carrier: 'cbn', cardType: 'data', phone: '19200192000' }, { expiry: '2026-12-20' }, { status: 'in_service', reason: 'validity_end', actBy: '2026-12-20', daysLeft: 25 }, 'cbn-recharge-100', 10000, 1],
    // eSIM: 12 × ¥5 = ¥60 loses to the ¥58 year plan; from January, 11 × ¥5 = ¥55 wins.
    ['mainland eSIM', { carrier: 'ctcc', cardType: 'esim', phone: '18900189000' }, { expiry: '2026-12-10' }, { status: 'in_service', reason: 'validity_end', actBy: '2026-12-10' }, 'ctcc-keep-12m', 5800, 1],
    ['mainland eSIM covered to January', { carrier: 'ctcc', cardType: 'esim', phone: '18900189000' }, { expiry: '2027-01-10' }, { status: 'in_service', actBy: '2027-01-10' }, 'ctcc-keep-5', 5500, 11],
    // Smart with a positive balance valid to 2026-12-10: the window ends 120 days after; ₱10 (3 days) twice.
    ['Smart with balance', { carrier: 'smart', cardType: 'phone' }, { balance: php(5000), expiry: '2026-12-10' }, { status: 'in_service', reason: 'zero_balance_window', actBy: '2027-04-09', validUntil: '2026-12-10', inServiceUntil: '2027-04-09', lastDayToSave: '2027-04-09', estimated: false }, 'smart-keep-10', 2000, 2],
    ['Smart keep SIM at zero, load lapsed long ago', { carrier: 'smart', cardType: 'keep' }, { balance: php(0), expiry: '2026-08-01' }, { status: 'due_soon', reason: 'zero_balance_window', actBy: '2026-11-29', daysLeft: 4, estimated: true }, 'smart-keep-10', 3000, 3],
  ])('%s', (_name, overrides, known, expected, productId, yearly, purchases) => {
    const p = plan(card(overrides, known));
    expect(p).toMatchObject(expected);
    expect(p.option?.product.id).toBe(productId);
    expect(p.option?.yearly.amount).toBe(yearly);
    expect(p.option?.purchases).toHaveLength(purchases);
  });

  test('the mainland phone card buys once, on its expiry day when reminders are off', () => {
    const p = plan(card({ carrier: 'cmcc' }, { expiry: '2026-12-01' }));
    expect(p.option?.purchases).toEqual([{ on: '2026-12-01', payable: cny(8800), yuan: cny(8800), newExpiry: '2027-12-01' }]);
    expect(p.option?.coveredUntil).toBe('2027-12-01');
    expect(p.option?.summary).toBe('12 个月内买 1 次「保号年包 12 个月」，共 ¥88.00');
    expect(p.reasonText).toBe('有效期到 2026年12月1日，到期后停机，再过 90 天不续费号码可能被回收');
  });

  test('Smart: each ₱10 reload restarts the window, bought 3 days early with a 3-day reminder', () => {
    const p = plan(card({ carrier: 'smart', cardType: 'keep', remindDaysBefore: 3 }, { balance: php(0), expiry: '2026-08-01' }), { rate: RATE });
    // Window day 1 is 2026-08-02 (the load's balance lapses), day 120 is 2026-11-29.
    expect(p.inServiceUntil).toBe('2026-11-29');
    expect(p.option?.purchases.map((x) => [x.on, x.newExpiry])).toEqual([
      ['2026-11-26', '2026-11-28'],
      ['2027-03-25', '2027-03-27'],
      ['2027-07-22', '2027-07-24'],
      ['2027-11-18', '2027-11-20'],
    ]);
    // 4 × ₱10, each 123.5 fen rounded down to 123.
    expect(p.option?.yearlyYuan).toEqual(cny(492));
    expect(p.option?.summary).toBe('12 个月内买 4 次「保号最低充值 ₱10」，共 ₱40.00（约 ¥4.92）');
    expect(p.reasonText).toContain('120 天内须充值，最晚 2026年11月29日');
  });

  test('Smart with a balance names the balance and its validity', () => {
    const p = plan(card({ carrier: 'smart' }, { balance: php(5000), expiry: '2026-12-10' }));
    expect(p.reasonText).toBe('余额 ₱50.00 有效期到 2026年12月10日，之后 120 天内须充值，最晚 2027年4月9日，否则停号');
  });

  test('a card already covered past the horizon needs nothing this year, and names the product for later', () => {
    const p = plan(card({ carrier: 'cmcc' }, { expiry: '2028-01-01' }));
    expect(p.status).toBe('in_service');
    expect(p.option).toMatchObject({ purchases: [], yearly: cny(0), yearlyYuan: cny(0), coveredUntil: '2028-01-01' });
    expect(p.option?.product.id).toBe('cmcc-keep-8');
    expect(p.option?.summary).toBe('未来 12 个月无需续费；到时最省的是「保号套餐 8 元/月」');
  });

  test.each([
    ['2027-11-24', 0],
    ['2027-11-23', 1],
  ])('expiry %s against the horizon end 2027-11-24 → %p purchases', (expiry, purchases) => {
    const p = plan(card({ carrier: 'cmcc', cardType: 'keep' }, { expiry }));
    expect(p.option?.purchases).toHaveLength(purchases);
  });

  test('promotions of each purchase day apply (default catalog): the ctcc year plan is ¥10 off in Nov–Dec 2026', () => {
    const p = plan(card({ carrier: 'ctcc', cardType: 'keep' }, { expiry: '2026-11-30' }), { promotions: undefined });
    expect(p.option?.product.id).toBe('ctcc-keep-12m');
    expect(p.option?.yearly).toEqual(cny(4800));
  });
});

describe('Smart: the 120-day window after the balance reaches zero', () => {
  const validUntil = '2026-07-31'; // balance lapses on 08-01 = window day 1
  test.each([
    [119, 'due_soon', 1],
    [120, 'due_soon', 0],
    [121, 'maybe_lost', -1],
  ])('window day %p → %s, %p days left', (day, status, daysLeft) => {
    const today = addDays('2026-08-01', day - 1);
    const p = plan(card({ carrier: 'smart', cardType: 'keep' }, { balance: php(0), expiry: validUntil, at: Date.UTC(2026, 8, 1) }), { today });
    expect(p).toMatchObject({ status, daysLeft, actBy: '2026-11-28', lastDayToSave: '2026-11-28' });
    expect(daysBetween('2026-08-01', '2026-11-28') + 1).toBe(GRACE_DAYS.smart);
    if (status === 'maybe_lost') {
      expect(p.option).toBeNull();
      expect(p.optionNote).toContain('不建议付款');
      expect(p.reasonText).toContain('*888');
    } else {
      // Reminders off: bought on the window's last day.
      expect(p.option?.purchases[0].on).toBe('2026-11-28');
    }
  });

  test.each([
    [119, 'due_soon'],
    [120, 'due_soon'],
    [121, 'maybe_lost'],
  ])('a tracked zero day counts the same: day %p → %s', (day, status) => {
    const today = addDays('2026-09-10', day - 1);
    const p = plan(card({ carrier: 'smart' }, { balance: php(0), expiry: '2026-12-31', at: Date.UTC(2026, 9, 1) }), {
      today,
      zeroBalanceSince: { '09181234567': '2026-09-10' },
    });
    expect(p).toMatchObject({ status, actBy: addDays('2026-09-10', 119), estimated: false });
  });

  test('a balance spent to zero before its validity ends counts from the day it was seen at zero, and says so', () => {
    const p = plan(card({ carrier: 'smart' }, { balance: php(0), expiry: '2027-03-01', at: Date.UTC(2026, 10, 1, 4) }));
    expect(p).toMatchObject({ actBy: addDays('2026-11-01', 119), estimated: true, status: 'in_service' });
    expect(p.reasonText).toContain('按 2026年11月1日 查到余额为 0 计算，实际可能更早');
  });

  test('a tracked zero day earlier than the one seen wins; a later or broken one is ignored', () => {
    const known = { balance: php(0), expiry: '2027-03-01', at: Date.UTC(2026, 10, 1, 4) };
    expect(plan(card({ carrier: 'smart' }, known), { zeroBalanceSince: { '09181234567': '2026-10-01' } }).actBy).toBe(addDays('2026-10-01', 119));
    expect(plan(card({ carrier: 'smart' }, known), { zeroBalanceSince: { '09181234567': '2026-11-20' } }).actBy).toBe(addDays('2026-11-01', 119));
    expect(plan(card({ carrier: 'smart' }, known), { zeroBalanceSince: { '09181234567': 'yesterday' } })).toMatchObject({ actBy: addDays('2026-11-01', 119), estimated: true });
  });

  test('the rule is data: a mainland carrier never counts a zero balance, Smart never stops service at expiry', () => {
    expect(NUMBER_LAPSE_RULES.cmcc.graceStartsAt).toBe('validity_end');
    expect(NUMBER_LAPSE_RULES.smart).toEqual({ graceStartsAt: 'zero_balance', inServiceDuringGrace: true, balanceLapsesAtValidityEnd: true });
    const mainlandZero = plan(card({ carrier: 'cmcc' }, { balance: cny(0), expiry: '2026-12-20', at: Date.UTC(2026, 8, 1) }));
    expect(mainlandZero).toMatchObject({ actBy: '2026-12-20', estimated: false });
  });
});

describe('expired, suspended and lost cards', () => {
  test.each([
    ['expired 3 days ago', '2026-11-22', 'lapsed', 'grace_end', '2027-02-20', 87],
    ['expired yesterday', '2026-11-24', 'lapsed', 'grace_end', '2027-02-22', 89],
    ['last day to save is today', addDays(TODAY, -90), 'lapsed', 'grace_end', TODAY, 0],
    ['one day past the grace', addDays(TODAY, -91), 'maybe_lost', 'maybe_recycled', addDays(TODAY, -1), -1],
    ['expires today: still in service', TODAY, 'due_soon', 'validity_end', TODAY, 0],
  ])('mainland %s', (_name, expiry, status, reason, actBy, daysLeft) => {
    const p = plan(card({ carrier: 'cmcc' }, { expiry }));
    expect(p).toMatchObject({ status, reason, actBy, daysLeft });
    if (status === 'lapsed') {
      expect(p.option?.purchases[0]).toMatchObject({ on: TODAY, newExpiry: addDays(TODAY, 364) });
      expect(p.reasonText).toContain('已停机');
    }
  });

  test('a suspended card in debt: act today, only recharges that clear the debt', () => {
    const p = plan(card({ carrier: 'cmcc' }, { balance: cny(-1500), suspended: true, expiry: '2027-01-20' }));
    expect(p).toMatchObject({ status: 'suspended', reason: 'suspended', actBy: TODAY, daysLeft: 0, lastDayToSave: null });
    expect(p.reasonText).toBe('号码已停机，欠费 ¥15.00，请今天充值恢复，以免号码被回收');
    expect(p.option?.product.id).toBe('cmcc-recharge-100');
    expect(p.option?.purchases[0].on).toBe(TODAY);
  });

  test.each([
    [-15000, 'cmcc-recharge-200'],
    [-19999, 'cmcc-recharge-200'],
    [-20000, null],
  ])('debt %p fen → %p', (balance, productId) => {
    const p = plan(card({ carrier: 'cmcc' }, { balance: cny(balance), suspended: true }));
    expect(p.option?.product.id ?? null).toBe(productId);
    if (productId === null) expect(p.optionNote).toContain('补足欠费');
  });

  test('suspended without debt: any product, and a suspended expired card knows its last day', () => {
    const p = plan(card({ carrier: 'cucc', cardType: 'keep' }, { balance: cny(0), suspended: true, expiry: '2026-11-20' }));
    expect(p).toMatchObject({ status: 'suspended', lastDayToSave: '2027-02-18' });
    expect(p.option?.product.id).toBe('cucc-keep-12m');
  });
});

describe('unknown figures and hostile input', () => {
  test.each<[string, BoundCard]>([
    ['never looked up', card({}, null)],
    ['balance in the wrong currency', card({}, { balance: php(100) })],
    ['expiry not a day', card({}, { expiry: '2026-02-30' })],
    ['expiry centuries away', card({}, { expiry: '3000-01-01' })],
    ['balance a float', card({}, { balance: { amount: 1.5, currency: 'CNY' } })],
    ['lastKnown a string', { ...card({}, null), lastKnown: 'x' as unknown as BoundCard['lastKnown'] }],
  ])('%s → unknown, priced as if due today, estimated', (_name, c) => {
    const p = plan(c);
    expect(p).toMatchObject({ status: 'unknown', reason: 'no_figures', actBy: null, daysLeft: null, estimated: true });
    expect(p.option?.purchases[0].on).toBe(TODAY);
    expect(p.reasonText).toContain('请先查询');
  });

  test.each([[null], [undefined], [{}], ['13800138000'], [{ phone: '13800138000', carrier: 'globe', cardType: 'phone' }], [{ phone: '13800138000', carrier: 'cmcc', cardType: 'iot' }], [{ phone: '', carrier: 'cmcc', cardType: 'phone' }], [{ phone: 138, carrier: 'cmcc', cardType: 'phone' }]])(
    'planCard(%p) → bad_card',
    (c) => {
      const result = planCard(c, NO_PROMOS);
      expect(result).toMatchObject({ ok: false, error: 'bad_card' });
      if (!result.ok) expect(result.message).toContain('重新绑定');
    },
  );

  test.each([['2026-02-30'], [''], [undefined], [20261125], ['9999-12-31']])('today %p → bad_today', (today) => {
    expect(planCard(card(), { today: today as string })).toMatchObject({ ok: false, error: 'bad_today' });
    expect(keepTimeline([card()], { today: today as string })).toMatchObject({ ok: false, error: 'bad_today' });
  });

  test('options that are not options do not throw', () => {
    expect(planCard(card(), undefined as unknown as KeepPlanOptions)).toMatchObject({ ok: false, error: 'bad_today' });
    const p = plan(card({ remindDaysBefore: 5 as 3, nickname: 42 as unknown as string }), { soonDays: -3, promotions: 'x' as unknown as [], rate: { fen: 'a' } as unknown as ExchangeRate });
    expect(p.nickname).toBe('');
    expect(p.status).toBe('due_soon'); // soonDays falls back to 7
    expect(p.option?.purchases[0].on).toBe('2026-12-01'); // an unknown reminder choice buys on the day
  });

  test('a seen time that is not a time falls back to today', () => {
    for (const at of [NaN, -1e20, 1e20, 'x']) {
      const p = plan(card({ carrier: 'smart' }, { balance: php(0), expiry: '2027-03-01', at: at as number }));
      expect(p.actBy).toBe(addDays(TODAY, 119));
    }
  });
});

describe('month ends and the leap day', () => {
  test.each([
    // A year plan bought on the last day still covers the whole horizon.
    ['2028-02-29', '2028-02-29', '2029-02-27', 1],
    ['2026-12-31', '2026-12-31', '2027-12-30', 1],
    ['2027-01-31', '2027-02-28', '2028-01-30', 1],
  ])('today %s, expiry %s: horizon ends %s', (today, expiry, horizonEnd, purchases) => {
    const p = plan(card({ carrier: 'cmcc', cardType: 'keep' }, { expiry, at: Date.UTC(2026, 0, 1) }), { today });
    expect(keepHorizonEnd(today)).toBe(horizonEnd);
    expect(p.option?.purchases).toHaveLength(purchases);
    expect(p.option && p.option.coveredUntil >= horizonEnd).toBe(true);
  });

  test('a Smart window across the leap day: day 1 on 2028-01-01, day 120 on 2028-04-29', () => {
    const p = plan(card({ carrier: 'smart' }, { balance: php(100), expiry: '2027-12-31', at: Date.UTC(2027, 11, 1) }), { today: '2028-04-29' });
    expect(p).toMatchObject({ actBy: '2028-04-29', daysLeft: 0, status: 'due_soon' });
  });
});

describe('every carrier and card type: the option really covers the year', () => {
  const types: CardType[] = ['phone', 'data', 'keep', 'esim'];
  const cases = CARRIER_IDS.flatMap((carrier) => types.flatMap((cardType) => ['2026-11-25', '2026-12-31', '2027-05-01', '2026-09-01'].map((expiry) => [carrier, cardType, expiry] as const)));
  test.each(cases)('%s %s expiring %s', (carrier: CarrierId, cardType: CardType, expiry: string) => {
    const p = plan(card({ carrier, cardType, remindDaysBefore: 7 }, { expiry, balance: carrier === 'smart' ? php(100) : cny(100) }), { rate: RATE, promotions: undefined });
    const horizon = keepHorizonEnd(TODAY) as string;
    if (p.status === 'maybe_lost') return;
    const option = p.option;
    expect(option).not.toBeNull();
    if (!option) return;
    expect(option.coveredUntil >= horizon).toBe(true);
    const days = option.purchases.map((x) => x.on);
    expect([...days].sort()).toEqual(days);
    for (const d of days) expect(d >= TODAY && d <= horizon).toBe(true);
    expect(option.yearly.amount).toBe(option.purchases.reduce((s, x) => s + x.payable.amount, 0));
    expect(option.yearlyYuan?.amount).toBe(option.purchases.reduce((s, x) => s + (x.yuan?.amount ?? NaN), 0));
  });
});

describe('keepTimeline and nextDue', () => {
  const cards = [
    card({ phone: '13800138000', carrier: 'cmcc' }, { expiry: '2027-02-01' }),
    card({ phone: '18600186002', carrier: 'cucc', cardType: 'keep' }, { expiry: '2026-11-27' }),
    card({ phone: '13300133003', carrier: 'ctcc' }, { expiry: '2026-11-22' }),
    card({ phone: '15900159000', carrier: 'cmcc' }, { balance: cny(-500), suspended: true }),
    card({ phone: '19200192000', carrier: 'cbn', cardType: 'data' }, null),
    card({ phone: '09181234567', carrier: 'smart', cardType: 'keep' }, { balance: php(0), expiry: '2026-08-01' }),
    card({ phone: '13900139000', carrier: 'cmcc' }, { expiry: addDays(TODAY, -120) }),
  ];

  test('needing action now first, then by act-by date, unknown last', () => {
    const t = keepTimeline(cards, { ...NO_PROMOS, rate: RATE });
    expect(t.ok).toBe(true);
    if (!t.ok) return;
    expect(t.value.entries.map((e) => [e.phone, e.status, e.actBy])).toEqual([
      ['13900139000', 'maybe_lost', addDays(TODAY, -30)],
      ['15900159000', 'suspended', TODAY],
      ['13300133003', 'lapsed', '2027-02-20'],
      ['18600186002', 'due_soon', '2026-11-27'],
      ['09181234567', 'due_soon', '2026-11-29'],
      ['13800138000', 'in_service', '2027-02-01'],
      ['19200192000', 'unknown', null],
    ]);
    expect(t.value.horizonEnd).toBe('2027-11-24');
    expect(nextDue(t.value)?.phone).toBe('15900159000');
  });

  test('the yearly total in yuan adds each card once; a lost number and a peso option without a rate are reported missing', () => {
    const withRate = keepTimeline(cards, { ...NO_PROMOS, rate: RATE });
    const withoutRate = keepTimeline(cards, NO_PROMOS);
    if (!withRate.ok || !withoutRate.ok) throw new Error('timeline');
    const yuanOf = (phone: string) => withRate.value.entries.find((e) => e.phone === phone)?.option?.yearlyYuan?.amount ?? 0;
    const sum = ['15900159000', '13300133003', '18600186002', '09181234567', '13800138000', '19200192000'].reduce((s, p) => s + yuanOf(p), 0);
    expect(withRate.value.total).toEqual({ yearlyYuan: cny(sum), complete: false, missing: ['13900139000'], estimated: true });
    expect(withoutRate.value.total.missing).toEqual(['13900139000', '09181234567']);
    expect(withoutRate.value.total.yearlyYuan.amount).toBe(sum - yuanOf('09181234567'));
  });

  test('junk is skipped and counted, a number listed twice counts once', () => {
    const t = keepTimeline([null, 'x', cards[0], { ...cards[0] }, 42, cards[1]], NO_PROMOS);
    expect(t.ok && t.value.entries.map((e) => e.phone)).toEqual(['18600186002', '13800138000']);
    expect(t.ok && t.value.skipped).toBe(4);
    expect(keepTimeline('cards' as unknown as [], NO_PROMOS)).toMatchObject({ ok: true, value: { entries: [], skipped: 0, total: { yearlyYuan: cny(0), complete: true } } });
  });

  test('nextDue never offers a number that may be recycled or a card never looked up', () => {
    const t = keepTimeline([cards[6], cards[4]], NO_PROMOS);
    expect(t.ok && nextDue(t.value)).toBeNull();
    expect(nextDue(null)).toBeNull();
    // Even a hand-built entry for a maybe-lost number with an option is never offered.
    const live = plan(cards[0]);
    expect(nextDue({ entries: [{ ...live, status: 'maybe_lost' }, { ...live, status: 'unknown' }] } as never)).toBeNull();
    expect(nextDue({ entries: 'x' } as never)).toBeNull();
  });
});

describe('keepReminderDay', () => {
  const smart = plan(card({ carrier: 'smart', cardType: 'keep' }, { balance: php(0), expiry: '2026-08-01' })); // actBy 2026-11-29
  const mainland = plan(card({ carrier: 'cmcc' }, { expiry: '2027-01-10' }));
  test.each([
    [mainland, 7, '2027-01-03'],
    [mainland, 3, '2027-01-07'],
    [mainland, 1, '2027-01-09'],
    [smart, 3, '2026-11-26'],
    [smart, 7, TODAY], // 2026-11-22 has passed: today
    [mainland, null, null],
    [mainland, 5, null],
    [mainland, '3', null],
  ])('%#: %p days before → %p', (p, n, day) => {
    expect(keepReminderDay(p, n, TODAY)).toBe(day);
  });

  test('nothing to remind of: unknown, maybe lost, no plan, bad today', () => {
    expect(keepReminderDay(plan(card({}, null)), 3, TODAY)).toBeNull();
    expect(keepReminderDay(plan(card({}, { expiry: addDays(TODAY, -100) })), 3, TODAY)).toBeNull();
    expect(keepReminderDay(null, 3, TODAY)).toBeNull();
    expect(keepReminderDay(mainland, 3, '2026-13-01')).toBeNull();
  });
});

describe('keepPlanHeadline', () => {
  test.each([
    [plan(card({ nickname: '老号' }, { expiry: '2027-01-10' })), '老号 138****8000 · 2027年1月10日前续费'],
    [plan(card({}, { suspended: true })), '138****8000 · 已停机，请今天处理'],
    [plan(card({}, null)), '138****8000 · 请先查询'],
    [plan(card({}, { expiry: addDays(TODAY, -100) })), '138****8000 · 号码可能已被回收'],
    [plan(card({ carrier: 'smart' }, { balance: php(0), expiry: '2026-08-01' })), '0918***4567 · 2026年11月29日前续费'],
  ])('%#: %s', (p, text) => {
    expect(keepPlanHeadline(p)).toBe(text);
  });
});
