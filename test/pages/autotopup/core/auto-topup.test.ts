import * as vm from 'vm';
import {
  DEFAULT_RETRY_DELAY_MS,
  autoTopupDue,
  capUsage,
  changeRuleState,
  consecutiveFailures,
  createRule,
  dayNotice,
  describeTrigger,
  executionKey,
  newContractCode,
  newRuleId,
  nextMonthlyRun,
  pauseAfterFailures,
  periodOf,
  ruleStateLabel,
  settleExecution,
  startExecution,
  validateRuleDraft,
  type AutoTopupExecution,
  type AutoTopupRule,
  type DueDecision,
  type RuleDraftInput,
} from '../../../../miniprogram/pages/autotopup/core/auto-topup';
import type { Money } from '../../../../miniprogram/core/types';

/** Epoch ms of a China wall-clock time (UTC+8). */
const china = (y: number, mo: number, d: number, h = 10, mi = 0): number => Date.UTC(y, mo - 1, d, h - 8, mi);
const HOUR = 3_600_000;
const cny = (amount: number): Money => ({ amount, currency: 'CNY' });
const php = (amount: number): Money => ({ amount, currency: 'PHP' });

function draft(input: RuleDraftInput) {
  const result = validateRuleDraft(input);
  if (!result.ok) throw new Error(result.message);
  return result.value;
}

function monthlyRule(day: number, createdAt = china(2026, 1, 1, 0), cap: unknown = '200'): AutoTopupRule {
  return createRule(draft({ phone: '13800138000', carrier: 'cmcc', trigger: { kind: 'monthly', day }, topup: 'cmcc-recharge-50', monthlyCap: cap }), {
    id: 'AT20260101000000000001',
    contract: { code: 'PC20260101000000000001', id: 'wx-contract-1', signedAt: createdAt },
    now: createdAt,
  });
}

function balanceRule(createdAt = china(2026, 11, 1, 0), cap: unknown = '100'): AutoTopupRule {
  return createRule(draft({ phone: '13800138000', carrier: 'cmcc', trigger: { kind: 'low_balance', below: '10' }, topup: '50', monthlyCap: cap }), {
    id: 'AT20261101000000000002',
    contract: { code: 'PC20261101000000000002', signedAt: createdAt },
    now: createdAt,
  });
}

function mustBeDue(decision: DueDecision): Extract<DueDecision, { due: true }> {
  if (!decision.due) throw new Error(`not due: ${decision.reason} ${decision.message}`);
  return decision;
}

/** Runs a due execution to its outcome, as the service would. */
function run(rule: AutoTopupRule, history: AutoTopupExecution[], now: number, outcome: 'succeeded' | 'failed', reading?: { balance: Money; at: number }): AutoTopupExecution[] {
  const due = mustBeDue(autoTopupDue(rule, history, reading, now));
  const pending = startExecution(rule, due, now);
  const settled = settleExecution(pending, outcome, now + 60_000, outcome === 'failed' ? { failureReason: '零钱余额不足' } : { orderId: 'CR1' });
  if (!settled.ok) throw new Error(settled.message);
  return [...history, settled.value];
}

describe('validateRuleDraft', () => {
  test.each<[RuleDraftInput, Partial<ReturnType<typeof draft>>]>([
    [{ phone: '13800138000', carrier: 'cmcc', trigger: { kind: 'monthly', day: 15 }, topup: 'cmcc-recharge-50', monthlyCap: '100' }, { trigger: { kind: 'monthly', day: 15 }, topup: { productId: 'cmcc-recharge-50', title: '话费充值 50 元', amount: cny(5000) }, monthlyCap: cny(10000), description: '每月 15 日充值 ¥50，每月最多 ¥100' }],
    [{ phone: '13800138000', carrier: 'cmcc', trigger: { kind: 'monthly', day: '31' }, topup: '50', monthlyCap: 50 }, { trigger: { kind: 'monthly', day: 31 }, notice: '小月（2、4、6、9、11 月）没有 31 日，在当月最后一天充值' }],
    [{ phone: '13800138000', carrier: 'cmcc', trigger: { kind: 'low_balance', below: '¥10' }, topup: '１５０', monthlyCap: cny(30000) }, { trigger: { kind: 'low_balance', below: cny(1000) }, topup: { productId: 'cmcc-recharge-custom-150', title: '话费充值 150 元', amount: cny(15000) }, description: '余额低于 ¥10.00 时充值 ¥150，每月最多 ¥300' }],
    [{ phone: '09181234567', carrier: 'smart', trigger: { kind: 'low_balance', below: php(2000) }, topup: php(10000), monthlyCap: '₱300' }, { topup: { productId: 'smart-recharge-100', title: '充值 ₱100', amount: php(10000) }, monthlyCap: php(30000) }],
  ])('%#: valid', (input, expected) => {
    expect(validateRuleDraft(input)).toMatchObject({ ok: true, value: expected });
  });

  test.each([
    [29, '平年 2 月没有 29 日，那个月在 2 月 28 日充值'],
    [30, '2 月没有 30 日，那个月在 2 月最后一天充值'],
    [31, '小月（2、4、6、9、11 月）没有 31 日，在当月最后一天充值'],
    [28, null],
    [1, null],
  ])('day %p notice → %p', (day, notice) => {
    expect(dayNotice(day)).toBe(notice);
    const made = validateRuleDraft({ phone: '13800138000', carrier: 'cmcc', trigger: { kind: 'monthly', day }, topup: '50', monthlyCap: '50' });
    expect(made.ok && made.value.notice).toBe(notice ?? undefined);
  });

  const base = { phone: '13800138000', carrier: 'cmcc', trigger: { kind: 'monthly', day: 5 }, topup: '50', monthlyCap: '100' };
  test.each<[string, RuleDraftInput, string, string]>([
    ['no card', { ...base, phone: undefined }, 'bad_card', '请先选择'],
    ['unknown carrier', { ...base, carrier: 'globe' }, 'bad_card', '请先选择'],
    ['a phone with letters', { ...base, phone: '138abc' }, 'bad_card', '请先选择'],
    ['no trigger', { ...base, trigger: undefined }, 'bad_trigger', '余额不足时，或每月固定日期'],
    ['unknown trigger', { ...base, trigger: { kind: 'weekly' } }, 'bad_trigger', '请选择'],
    ['day 0', { ...base, trigger: { kind: 'monthly', day: 0 } }, 'bad_day', '1–31'],
    ['day 32', { ...base, trigger: { kind: 'monthly', day: 32 } }, 'bad_day', '1–31'],
    ['day 1.5', { ...base, trigger: { kind: 'monthly', day: 1.5 } }, 'bad_day', '1–31'],
    ['day text', { ...base, trigger: { kind: 'monthly', day: 'last' } }, 'bad_day', '1–31'],
    ['day NaN', { ...base, trigger: { kind: 'monthly', day: NaN } }, 'bad_day', '1–31'],
    ['threshold empty', { ...base, trigger: { kind: 'low_balance', below: '' } }, 'bad_threshold', '余额低于：请输入金额'],
    ['threshold zero', { ...base, trigger: { kind: 'low_balance', below: '0' } }, 'bad_threshold', '大于 0'],
    ['threshold negative', { ...base, trigger: { kind: 'low_balance', below: '-5' } }, 'bad_threshold', '负数'],
    ['threshold too high', { ...base, trigger: { kind: 'low_balance', below: '501' } }, 'bad_threshold', '最多 500 元'],
    ['threshold in pesos on a yuan card', { ...base, trigger: { kind: 'low_balance', below: php(1000) } }, 'bad_threshold', '人民币'],
    ['threshold with a peso sign', { ...base, trigger: { kind: 'low_balance', below: '₱10' } }, 'bad_threshold', '人民币'],
    ['top-up below the minimum', { ...base, topup: '5' }, 'bad_topup', '充值金额：最低充值 10 元'],
    ['top-up with fen', { ...base, topup: '50.5' }, 'bad_topup', '整数'],
    ['another carrier’s recharge', { ...base, topup: 'smart-recharge-100' }, 'bad_topup', '从列表里选择'],
    ['a data pack is not a top-up', { ...base, topup: 'cmcc-data-5gb' }, 'bad_topup', '充值金额'],
    ['an unknown product id', { ...base, topup: 'cmcc-recharge-55' }, 'bad_topup', '从列表里选择'],
    ['top-up in the wrong currency', { ...base, topup: php(5000) }, 'bad_topup', '人民币'],
    ['no top-up', { ...base, topup: {} }, 'bad_topup', '充值金额'],
    ['cap missing', { ...base, monthlyCap: null }, 'bad_cap', '每月上限：请输入金额'],
    ['cap below the top-up', { ...base, monthlyCap: '49' }, 'cap_below_topup', '不能低于单次充值金额 ¥50'],
    ['cap with an extra zero', { ...base, monthlyCap: '25000' }, 'bad_cap', '最多 2500 元'],
    ['Smart cap too high', { ...base, phone: '09181234567', carrier: 'smart', topup: '100', monthlyCap: '5001' }, 'bad_cap', '最多 5000 比索'],
  ])('%s → %s', (_name, input, error, message) => {
    const result = validateRuleDraft(input);
    expect(result).toMatchObject({ ok: false, error });
    if (!result.ok) expect(result.message).toContain(message);
  });

  test.each([[null], [undefined], ['rule'], [42], [[]]])('%p → bad_card, no throw', (input) => {
    expect(validateRuleDraft(input as RuleDraftInput)).toMatchObject({ ok: false, error: 'bad_card' });
  });
});

describe('monthly rules: the day, short months, the China calendar', () => {
  test.each([
    // [day, month, the day it runs]
    [31, [2026, 4], [2026, 4, 30]],
    [30, [2026, 4], [2026, 4, 30]],
    [31, [2026, 3], [2026, 3, 31]],
    [29, [2027, 2], [2027, 2, 28]],
    [30, [2027, 2], [2027, 2, 28]],
    [31, [2027, 2], [2027, 2, 28]],
    [29, [2028, 2], [2028, 2, 29]],
    [30, [2028, 2], [2028, 2, 29]],
    [31, [2028, 2], [2028, 2, 29]],
    [28, [2028, 2], [2028, 2, 28]],
    [1, [2026, 11], [2026, 11, 1]],
    [31, [2026, 12], [2026, 12, 31]],
  ])('day %p in %j runs on %j: not the day before at 23:59, due from 00:00 China time', (day, [y, m], [ry, rm, rd]) => {
    const rule = monthlyRule(day);
    const period = `M${y}-${String(m).padStart(2, '0')}`;
    const before = autoTopupDue(rule, [], null, china(ry, rm, rd, 0) - 60_000);
    // The minute before is not this period (day 1: it is the previous month's, already due).
    expect(before.due ? before.period : before.reason).toBe(rd === 1 ? `M${ry}-${String(rm - 1).padStart(2, '0')}` : 'not_yet');
    const due = mustBeDue(autoTopupDue(rule, [], null, china(ry, rm, rd, 0)));
    expect(due).toEqual({ due: true, period, attempt: 1, key: `auto:${rule.id}:${period}:1`, amount: cny(5000), productId: 'cmcc-recharge-50' });
    // Still due later that month when the phone was off on the day...
    expect(autoTopupDue(rule, [], null, china(ry, rm, rd, 23, 59)).due).toBe(true);
  });

  test('a month that passed without a launch is not back-filled', () => {
    const rule = monthlyRule(28);
    // Nothing ran in November; on 2026-12-05 December's day 28 has not come yet.
    expect(autoTopupDue(rule, [], null, china(2026, 12, 5))).toMatchObject({ due: false, reason: 'not_yet', message: '本月 2026年12月28日 充值' });
  });

  test('turning a rule on after this month’s day waits for next month (day 31 → 30 April)', () => {
    const rule = monthlyRule(31, china(2026, 3, 31, 12));
    expect(autoTopupDue(rule, [], null, china(2026, 3, 31, 12))).toMatchObject({ due: true });
    const late = monthlyRule(10, china(2026, 3, 20));
    expect(autoTopupDue(late, [], null, china(2026, 3, 25))).toMatchObject({ due: false, reason: 'not_yet', message: '本月充值日已过，下次 2026年4月10日 充值' });
    expect(autoTopupDue(late, [], null, china(2026, 4, 10)).due).toBe(true);
  });

  test('China midnight decides, not UTC: 2026-04-30 00:30 China is still 04-29 in UTC', () => {
    const rule = monthlyRule(30);
    expect(autoTopupDue(rule, [], null, china(2026, 4, 30, 0, 30))).toMatchObject({ due: true, period: 'M2026-04' });
    // 2026-05-01 07:00 China is 2026-04-30 23:00 UTC: already May's period, May 30 not yet.
    expect(autoTopupDue(rule, [], null, china(2026, 5, 1, 7))).toMatchObject({ due: false, reason: 'not_yet' });
  });
});

describe('relaunch: one top-up per rule and period', () => {
  test('due → pending written → relaunch finds it → settled → done for the month → next month due again', () => {
    const rule = monthlyRule(31);
    const now = china(2026, 4, 30, 9);
    const due = mustBeDue(autoTopupDue(rule, [], null, now));
    const pending = startExecution(rule, due, now);
    expect(pending).toEqual({ ruleId: rule.id, period: 'M2026-04', attempt: 1, key: due.key, startedAt: now, amount: cny(5000), outcome: 'pending' });
    // The app is killed here and relaunched twice.
    expect(autoTopupDue(rule, [pending], null, now + 1000)).toMatchObject({ due: false, reason: 'pending' });
    expect(autoTopupDue(rule, [pending], null, now + HOUR)).toMatchObject({ due: false, reason: 'pending' });
    const settled = settleExecution(pending, 'succeeded', now + 2000, { orderId: 'CR20260430090000000001' });
    expect(settled).toMatchObject({ ok: true, value: { outcome: 'succeeded', settledAt: now + 2000, orderId: 'CR20260430090000000001' } });
    if (!settled.ok) return;
    const history = [settled.value];
    expect(autoTopupDue(rule, history, null, now + 3000)).toMatchObject({ due: false, reason: 'done_this_period', message: '本月已自动充值' });
    expect(autoTopupDue(rule, history, null, china(2026, 4, 30, 23, 59))).toMatchObject({ due: false, reason: 'done_this_period' });
    expect(autoTopupDue(rule, history, null, china(2026, 5, 31, 0))).toMatchObject({ due: true, period: 'M2026-05', attempt: 1 });
  });

  test('the same period computed twice gives the same key', () => {
    const rule = monthlyRule(5);
    const a = mustBeDue(autoTopupDue(rule, [], null, china(2026, 6, 5, 8)));
    const b = mustBeDue(autoTopupDue(rule, [], null, china(2026, 6, 20, 22)));
    expect(a.key).toBe(b.key);
    expect(executionKey(rule.id, 'M2026-06', 1)).toBe(a.key);
  });

  test('settling twice is refused: the first answer stands', () => {
    const rule = monthlyRule(5);
    const pending = startExecution(rule, mustBeDue(autoTopupDue(rule, [], null, china(2026, 6, 5))), china(2026, 6, 5));
    const once = settleExecution(pending, 'failed', china(2026, 6, 5, 11), { failureReason: '零钱余额不足' });
    expect(once).toMatchObject({ ok: true, value: { outcome: 'failed', failureReason: '零钱余额不足' } });
    if (!once.ok) return;
    expect(settleExecution(once.value, 'succeeded', china(2026, 6, 5, 12))).toMatchObject({ ok: false, error: 'already_settled' });
    expect(settleExecution(pending, 'pending' as 'failed', 1)).toMatchObject({ ok: false, error: 'already_settled' });
    expect(settleExecution(null as unknown as AutoTopupExecution, 'failed', 1)).toMatchObject({ ok: false });
    expect(settleExecution(pending, 'failed', 1)).toMatchObject({ ok: true, value: { failureReason: '自动充值失败' } });
  });
});

describe('low-balance rules', () => {
  const rule = balanceRule();
  const at = china(2026, 11, 25, 10);
  const low = { balance: cny(500), at };

  test.each<[string, unknown, number, string]>([
    ['no reading', null, at, 'no_reading'],
    ['a reading in pesos', { balance: php(500), at }, at, 'no_reading'],
    ['a reading without a time', { balance: cny(500) }, at, 'no_reading'],
    ['a reading 25 hours old', low, at + 25 * HOUR, 'stale_reading'],
    ['a reading from the future', { balance: cny(500), at: at + HOUR }, at, 'stale_reading'],
    ['balance exactly at the threshold', { balance: cny(1000), at }, at, 'balance_ok'],
    ['balance above', { balance: cny(5000), at }, at, 'balance_ok'],
  ])('%s → %s', (_name, reading, now, reason) => {
    expect(autoTopupDue(rule, [], reading as never, now)).toMatchObject({ due: false, reason });
  });

  test('below the threshold and fresh → due for the China day', () => {
    expect(autoTopupDue(rule, [], low, at + 13 * HOUR + 59 * 60_000)).toMatchObject({ due: true, period: 'D2026-11-25', attempt: 1 });
    // The period is the China day of now: the same reading at 00:00 the next day belongs to the next day.
    expect(autoTopupDue(rule, [], low, at + 14 * HOUR)).toMatchObject({ due: true, period: 'D2026-11-26' });
    expect(autoTopupDue(rule, [], { balance: cny(-300), at }, at)).toMatchObject({ due: true });
    expect(periodOf(rule, china(2026, 11, 26, 0))).toBe('D2026-11-26');
  });

  test('after a top-up lands, the old low reading never triggers again; a new low reading waits for the next day', () => {
    const history = run(rule, [], at, 'succeeded', low);
    expect(autoTopupDue(rule, history, low, at + HOUR)).toMatchObject({ due: false, reason: 'awaiting_reading' });
    // A new lookup the same day still shows a low balance (the top-up was small): once a day at most.
    const later = { balance: cny(800), at: at + 2 * HOUR };
    expect(autoTopupDue(rule, history, later, at + 2 * HOUR)).toMatchObject({ due: false, reason: 'done_this_period', message: '今天已自动充值过，明天再看余额' });
    const nextDay = { balance: cny(800), at: china(2026, 11, 26, 9) };
    expect(autoTopupDue(rule, history, nextDay, china(2026, 11, 26, 9))).toMatchObject({ due: true, period: 'D2026-11-26' });
  });
});

describe('the monthly cap', () => {
  test('¥50 top-ups under a ¥100 cap: two a month, pending ones count, failed ones do not, a new month starts afresh', () => {
    const rule = balanceRule(china(2026, 11, 1, 0), '100');
    const reading = (d: number) => ({ balance: cny(100), at: china(2026, 11, d, 9) });
    let history = run(rule, [], china(2026, 11, 3, 9), 'succeeded', reading(3));
    history = run(rule, history, china(2026, 11, 4, 9), 'failed', reading(4));
    history = run(rule, history, china(2026, 11, 5, 9), 'succeeded', reading(5));
    expect(capUsage(rule, history, china(2026, 11, 30, 23, 59))).toEqual({ month: '2026-11', used: cny(10000), remaining: cny(0), cap: cny(10000) });
    expect(autoTopupDue(rule, history, reading(6), china(2026, 11, 6, 9))).toMatchObject({ due: false, reason: 'cap_reached', message: '本月已自动充值 ¥100，再充会超过每月上限 ¥100' });
    // December 1st, 00:00 China time: a new month.
    const december = { balance: cny(100), at: china(2026, 12, 1, 0) };
    expect(autoTopupDue(rule, history, december, china(2026, 12, 1, 0))).toMatchObject({ due: true });
    expect(capUsage(rule, history, china(2026, 12, 1, 0))?.used).toEqual(cny(0));
  });

  test('a pending execution counts towards the cap', () => {
    const rule = monthlyRule(1, china(2026, 1, 1, 0), '50');
    const pending = startExecution(rule, mustBeDue(autoTopupDue(rule, [], null, china(2026, 2, 1))), china(2026, 2, 1));
    expect(capUsage(rule, [pending], china(2026, 2, 2))?.used).toEqual(cny(5000));
  });

  test('the cap month is China’s: an execution at 2026-11-30 23:30 China counts in November', () => {
    const rule = balanceRule();
    const history = run(rule, [], china(2026, 11, 30, 23, 30), 'succeeded', { balance: cny(1), at: china(2026, 11, 30, 23, 30) });
    expect(capUsage(rule, history, china(2026, 11, 30, 23, 59))?.used).toEqual(cny(5000));
    expect(capUsage(rule, history, china(2026, 12, 1, 0))?.used).toEqual(cny(0));
  });
});

describe('three failures in a row pause the rule', () => {
  const rule = balanceRule();
  const reading = (t: number) => ({ balance: cny(100), at: t });
  const t0 = china(2026, 11, 10, 9);

  test('retry after the delay as attempt 2 and 3, then too_many_failures and paused by failures', () => {
    let history = run(rule, [], t0, 'failed', reading(t0));
    expect(consecutiveFailures(rule, history)).toBe(1);
    // Settled at t0 + 1 min: retry not before an hour after that.
    expect(autoTopupDue(rule, history, reading(t0), t0 + DEFAULT_RETRY_DELAY_MS)).toMatchObject({ due: false, reason: 'retry_later' });
    const retry = t0 + 60_000 + DEFAULT_RETRY_DELAY_MS;
    expect(autoTopupDue(rule, history, reading(t0), retry)).toMatchObject({ due: true, attempt: 2, key: `auto:${rule.id}:D2026-11-10:2` });
    history = run(rule, history, retry, 'failed', reading(t0));
    expect(pauseAfterFailures(rule, history, retry)).toBe(rule);
    const third = retry + 2 * HOUR;
    history = run(rule, history, third, 'failed', reading(t0));
    expect(consecutiveFailures(rule, history)).toBe(3);
    expect(autoTopupDue(rule, history, reading(third), third + 3 * HOUR)).toMatchObject({ due: false, reason: 'too_many_failures' });

    const paused = pauseAfterFailures(rule, history, third + 60_000);
    expect(paused).toMatchObject({ state: 'paused', pausedBy: 'failures', updatedAt: third + 60_000 });
    expect(ruleStateLabel(paused)).toBe('已暂停（连续 3 次失败）');
    expect(autoTopupDue(paused, history, reading(third), third + 3 * HOUR)).toMatchObject({ due: false, reason: 'not_active', message: '自动充值已暂停（连续 3 次失败）' });

    // Resuming starts the count afresh.
    const resumedAt = third + 4 * HOUR;
    const resumed = changeRuleState(paused, 'resume', resumedAt);
    expect(resumed).toMatchObject({ ok: true, value: { state: 'active', activeSince: resumedAt } });
    if (!resumed.ok) return;
    expect(resumed.value.pausedBy).toBeUndefined();
    expect(consecutiveFailures(resumed.value, history)).toBe(0);
    expect(autoTopupDue(resumed.value, history, reading(resumedAt), resumedAt)).toMatchObject({ due: true, attempt: 4 });
  });

  test('a failure just before China midnight still waits before the next day’s attempt', () => {
    const late = china(2026, 11, 10, 23, 30);
    const history = run(rule, [], late, 'failed', reading(late));
    expect(autoTopupDue(rule, history, reading(late), china(2026, 11, 11, 0, 5))).toMatchObject({ due: false, reason: 'retry_later' });
    expect(autoTopupDue(rule, history, reading(late), late + 60_000 + DEFAULT_RETRY_DELAY_MS)).toMatchObject({ due: true, period: 'D2026-11-11', attempt: 1 });
  });

  test('a success in between resets the count', () => {
    let history = run(rule, [], t0, 'failed', reading(t0));
    history = run(rule, history, t0 + 2 * HOUR, 'failed', reading(t0));
    history = run(rule, history, t0 + 4 * HOUR, 'succeeded', reading(t0));
    expect(consecutiveFailures(rule, history)).toBe(0);
    const t1 = china(2026, 11, 11, 9);
    history = run(rule, history, t1, 'failed', reading(t1));
    expect(consecutiveFailures(rule, history)).toBe(1);
  });

  test('a monthly rule retries within its month', () => {
    const monthly = monthlyRule(15);
    const t = china(2026, 6, 15, 8);
    let history = run(monthly, [], t, 'failed');
    history = run(monthly, history, t + 2 * HOUR, 'failed');
    expect(history.map((e) => e.key)).toEqual([`auto:${monthly.id}:M2026-06:1`, `auto:${monthly.id}:M2026-06:2`]);
    history = run(monthly, history, t + 4 * HOUR, 'failed');
    expect(pauseAfterFailures(monthly, history, t + 5 * HOUR).state).toBe('paused');
  });
});

describe('changeRuleState', () => {
  const rule = monthlyRule(5);
  const paused = { ...rule, state: 'paused' as const, pausedBy: 'user' as const };
  const cancelled = { ...rule, state: 'cancelled' as const };
  test.each([
    [rule, 'pause', { state: 'paused', pausedBy: 'user' }],
    [rule, 'cancel', { state: 'cancelled', contract: { code: rule.contract.code, endedAt: 99 } }],
    [paused, 'resume', { state: 'active', activeSince: 99 }],
    [paused, 'cancel', { state: 'cancelled' }],
  ] as const)('%#: %s', (from, action, expected) => {
    expect(changeRuleState(from, action, 99)).toMatchObject({ ok: true, value: { ...expected, updatedAt: 99 } });
  });

  test.each([
    [rule, 'resume'],
    [paused, 'pause'],
    [cancelled, 'resume'],
    [cancelled, 'pause'],
    [cancelled, 'cancel'],
    [rule, 'delete'],
    [null, 'pause'],
  ] as const)('%#: %p %s is refused', (from, action) => {
    const result = changeRuleState(from as AutoTopupRule, action as 'pause', 99);
    expect(result).toMatchObject({ ok: false, error: 'illegal_change' });
    if (!result.ok) expect(result.message).toContain('请刷新后重试');
  });

  test('a cancelled rule is never due; a paused one neither', () => {
    expect(autoTopupDue(cancelled, [], null, china(2026, 6, 5))).toMatchObject({ due: false, reason: 'not_active', message: '自动充值已取消' });
    expect(autoTopupDue(paused, [], null, china(2026, 6, 5))).toMatchObject({ due: false, reason: 'not_active', message: '自动充值已暂停' });
  });
});

describe('ids, descriptions, next run', () => {
  test('rule ids and contract codes follow the order number layout', () => {
    const now = Date.UTC(2026, 10, 25, 2, 30);
    expect(newRuleId(now, () => 0.123456)).toBe('AT20261125103000123456');
    expect(newContractCode(now, () => 0.5)).toBe('PC20261125103000500000');
    expect(newContractCode(now, () => NaN)).toMatch(/^PC\d{20}$/);
  });

  test.each([
    [{ kind: 'low_balance', below: cny(1000) }, '余额低于 ¥10.00 时'],
    [{ kind: 'monthly', day: 31 }, '每月 31 日'],
    [null, '—'],
  ])('describeTrigger(%j) → %s', (trigger, text) => {
    expect(describeTrigger(trigger as never)).toBe(text);
  });

  test.each([
    [31, china(2026, 4, 2), [], '2026-04-30'],
    [31, china(2026, 4, 30, 12), [], '2026-04-30'],
    [5, china(2026, 4, 10), [], '2026-04-10'], // due now, not yet run: today
    [31, china(2027, 1, 31, 12), ['M2027-01'], '2027-02-28'],
    [29, china(2028, 1, 29, 12), ['M2028-01'], '2028-02-29'],
  ])('day %p at %p after %j → %s', (day, now, donePeriods, expected) => {
    const rule = monthlyRule(day);
    const history = donePeriods.map((period) => ({ ruleId: rule.id, period, attempt: 1, key: 'k', startedAt: now - HOUR, amount: cny(5000), outcome: 'succeeded' as const }));
    expect(nextMonthlyRun(rule, history, now)).toBe(expected);
  });

  test('nextMonthlyRun is null for balance rules and rules that are not active', () => {
    expect(nextMonthlyRun(balanceRule(), [], china(2026, 11, 5))).toBeNull();
    expect(nextMonthlyRun({ ...monthlyRule(5), state: 'paused' }, [], china(2026, 11, 5))).toBeNull();
  });
});

describe('hostile input', () => {
  test.each([[null], [undefined], [{}], [{ ...monthlyRule(5), trigger: { kind: 'monthly', day: 40 } }], [{ ...monthlyRule(5), activeSince: NaN }], [{ ...monthlyRule(5), topup: { productId: 'x', amount: cny(0) } }], [{ ...balanceRule(), trigger: { kind: 'low_balance', below: php(100) } }], [{ ...monthlyRule(5), monthlyCap: php(100) }]])(
    'rule %# → bad_rule',
    (rule) => {
      expect(autoTopupDue(rule as AutoTopupRule, [], null, china(2026, 6, 5))).toMatchObject({ due: false, reason: 'bad_rule' });
      expect(periodOf(rule as AutoTopupRule, china(2026, 6, 5))).toBeNull();
      expect(capUsage(rule as AutoTopupRule, [], china(2026, 6, 5))).toBeNull();
    },
  );

  test.each([[NaN], [Infinity], [1e20], ['now']])('now %p → bad_time', (now) => {
    expect(autoTopupDue(monthlyRule(5), [], null, now as number)).toMatchObject({ due: false, reason: 'bad_time' });
  });

  test('junk in the history is ignored, other rules’ executions too', () => {
    const rule = monthlyRule(5);
    const other = { ruleId: 'AT-other', period: 'M2026-06', attempt: 1, key: 'k', startedAt: china(2026, 6, 5), amount: cny(5000), outcome: 'pending' };
    const junk = [null, 42, 'x', { ruleId: rule.id }, { ...other, ruleId: rule.id, outcome: 'maybe' }, other];
    expect(autoTopupDue(rule, junk as never, null, china(2026, 6, 5))).toMatchObject({ due: true, attempt: 1 });
    expect(autoTopupDue(rule, 'history' as never, null, china(2026, 6, 5))).toMatchObject({ due: true });
  });

  test('bad options fall back to the defaults', () => {
    const rule = balanceRule();
    const at = china(2026, 11, 25, 10);
    expect(autoTopupDue(rule, [], { balance: cny(1), at }, at + 25 * HOUR, { maxReadingAgeMs: -1, retryDelayMs: NaN })).toMatchObject({ reason: 'stale_reading' });
  });
});

/** The device's zone must not matter (see dates.test.ts for the trick). */
describe.each([
  ['America/New_York', 300],
  ['Pacific/Kiritimati', -840],
  ['UTC', 0],
])('in time zone %s', (zone, januaryOffsetMinutes) => {
  const realProcess = vm.runInThisContext('process') as NodeJS.Process;
  const originalZone = realProcess.env.TZ;
  beforeAll(() => {
    realProcess.env.TZ = zone;
    process.env.TZ = zone;
  });
  afterAll(() => {
    for (const env of [realProcess.env, process.env]) {
      if (originalZone === undefined) delete env.TZ;
      else env.TZ = originalZone;
    }
  });

  test('the zone is really in force', () => {
    expect(new Date(Date.UTC(2026, 0, 15)).getTimezoneOffset()).toBe(januaryOffsetMinutes);
  });

  test('day 31 in February 2028 and the month boundary fall on China days', () => {
    const rule = monthlyRule(31);
    expect(autoTopupDue(rule, [], null, china(2028, 2, 28, 23, 59))).toMatchObject({ due: false, reason: 'not_yet' });
    expect(autoTopupDue(rule, [], null, china(2028, 2, 29, 0))).toMatchObject({ due: true, period: 'M2028-02' });
    expect(autoTopupDue(rule, [], null, china(2028, 3, 1, 0))).toMatchObject({ due: false, reason: 'not_yet' });
    expect(periodOf(balanceRule(), china(2026, 11, 1, 0))).toBe('D2026-11-01');
    expect(periodOf(balanceRule(), china(2026, 11, 1, 0) - 1)).toBe('D2026-10-31');
  });
});
