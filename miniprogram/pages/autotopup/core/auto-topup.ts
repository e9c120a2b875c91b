/**
 * 自动充值 rules: "balance below X → top up Y" or "every month on day D → top up Y", with
 * a monthly cap, kept with the 委托代扣 (papay) contract that lets them charge. Pure: time,
 * randomness, the card's last balance and the execution history come in as arguments.
 *
 * API
 *   validateRuleDraft(input)                         → Result<RuleDraft, RuleDraftError>
 *   createRule(draft, { id, contract, now })         → AutoTopupRule (active)
 *   newRuleId(now, random), newContractCode(now, random)
 *   changeRuleState(rule, 'pause' | 'resume' | 'cancel', at) → Result<AutoTopupRule, 'illegal_change'>
 *   autoTopupDue(rule, executions, reading, now)     → DueDecision
 *   startExecution(rule, due, now)                   → AutoTopupExecution (pending: write it before paying)
 *   settleExecution(execution, outcome, at, details) → Result<AutoTopupExecution, 'already_settled'>
 *   pauseAfterFailures(rule, executions, at)         → AutoTopupRule (paused when 3 failures in a row)
 *   capUsage(rule, executions, now), consecutiveFailures(rule, executions)
 *   isRule(value), isExecution(value)                (what a store may read back)
 *   periodOf(rule, now), executionKey(ruleId, period, attempt), nextMonthlyRun(rule, executions, now)
 *   describeTrigger(trigger, currency), dayNotice(day)
 *
 * Periods (China calendar, whatever the device's zone; see dates.ts):
 * - monthly: 'M2026-11'. Day D runs on day D of each month, or on the month's last day
 *   when the month is shorter (31 → 30 April, 29/30/31 → 28 February, 29 in a leap
 *   year). Once that day has come the period is due for the rest of the month (a phone
 *   off on the day tops up on the next launch), never back-filled into the next month. A
 *   day before the rule was turned on (or back on) is not due: switching a rule on never
 *   tops up for a day already past.
 * - low balance: 'D2026-11-25', one China day. Due when a balance reading below X is
 *   fresh (at most maxReadingAgeMs old) and was taken after the last top-up that landed:
 *   a stale reading from before a top-up can never trigger another. So one low balance
 *   triggers at most one top-up a day, and again the next day only if a new reading is
 *   still below X and the cap allows.
 *
 * Idempotency: an execution is keyed by rule, period and attempt (executionKey), and that
 * key is the order's idempotency key. The service writes the pending execution before
 * paying; a relaunch then finds it (pending → nothing is due; succeeded → the period is
 * done), so no period is ever topped up twice. A failed attempt (nothing charged, or
 * refunded) may be retried in the same period after retryDelayMs, as attempt 2, 3, ...
 *
 * Cap: the sum of Y (the face value, in the card's currency) of this rule's executions
 * started in the China calendar month, pending ones included and failed ones not, plus
 * the new Y, may not exceed the cap. For a yuan card the yuan charged is at most Y
 * (promotions only lower it); for a peso card the cap bounds the pesos loaded.
 *
 * Failures: three failed executions in a row since the rule was last turned on pause it
 * (pausedBy 'failures'); resuming starts the count afresh. Cancelling ends the contract
 * and is final.
 */
import { isCarrierId, CARRIERS } from '../../../core/carriers';
import { CUSTOM_RECHARGE_BOUNDS, customRecharge, productById } from '../../../core/catalog';
import { chinaToday, formatChinaDate, formatDateTime } from '../../../core/dates';
import { formatAmount, formatMoney, formatMoneyCompact, isMoney, money, parseMoneyInput } from '../../../core/money';
import { addMonthsToKey, dayOfMonthClamped, monthOf } from './months';
import { newOrderId } from '../../../core/order';
import type { CarrierId, ChinaDate, Currency, Money, Result } from '../../../core/types';

// ---------------------------------------------------------------------------------
// Types
// ---------------------------------------------------------------------------------

export type AutoTopupTrigger = { kind: 'low_balance'; below: Money } | { kind: 'monthly'; day: number };

export type AutoTopupState = 'active' | 'paused' | 'cancelled';
export type PausedBy = 'user' | 'failures';

/** The 委托代扣 contract that lets the rule charge without a payment sheet. */
export interface PapayContract {
  /** Our contract number (papay contract_code), from newContractCode. */
  code: string;
  /** WeChat Pay's contract id once signed. */
  id?: string;
  signedAt: number;
  /** When the contract ended (the rule was cancelled). */
  endedAt?: number;
}

export interface AutoTopupRule {
  /** AT + yyyyMMddHHmmss + 6 digits. */
  id: string;
  phone: string;
  carrier: CarrierId;
  trigger: AutoTopupTrigger;
  /** Y: a recharge the carrier sells; amount is its face value. */
  topup: { productId: string; title: string; amount: Money };
  /** Face value topped up per China calendar month, at most; same currency as topup.amount. */
  monthlyCap: Money;
  contract: PapayContract;
  state: AutoTopupState;
  pausedBy?: PausedBy;
  createdAt: number;
  updatedAt: number;
  /** Creation or the last resume: the schedule and the failure count start here. */
  activeSince: number;
}

export type ExecutionOutcome = 'pending' | 'succeeded' | 'failed';

export interface AutoTopupExecution {
  ruleId: string;
  period: string;
  /** 1 for the first try in the period, 2 after one failure, ... */
  attempt: number;
  /** executionKey(ruleId, period, attempt): the order's idempotency key. */
  key: string;
  startedAt: number;
  /** Y's face value, for the cap. */
  amount: Money;
  outcome: ExecutionOutcome;
  settledAt?: number;
  orderId?: string;
  /** Chinese reason of a failure, shown to the user. */
  failureReason?: string;
}

/** The card's balance as last seen by a lookup. */
export interface BalanceReading {
  balance: Money;
  at: number;
}

export type NotDueReason =
  | 'bad_rule'
  | 'bad_time'
  | 'not_active'
  | 'pending'
  | 'too_many_failures'
  | 'not_yet'
  | 'no_reading'
  | 'stale_reading'
  | 'awaiting_reading'
  | 'balance_ok'
  | 'done_this_period'
  | 'retry_later'
  | 'cap_reached';

export type DueDecision =
  | { due: true; period: string; attempt: number; key: string; amount: Money; productId: string }
  | { due: false; reason: NotDueReason; message: string };

export interface DueOptions {
  /** A balance reading older than this never triggers a top-up (default one day). */
  maxReadingAgeMs?: number;
  /** A failed attempt is retried in the same period no sooner than this (default one hour). */
  retryDelayMs?: number;
}

// ---------------------------------------------------------------------------------
// Constants
// ---------------------------------------------------------------------------------

const HOUR_MS = 60 * 60 * 1000;
export const DEFAULT_MAX_READING_AGE_MS = 24 * HOUR_MS;
export const DEFAULT_RETRY_DELAY_MS = HOUR_MS;
/** Failures in a row that pause a rule. */
export const MAX_CONSECUTIVE_FAILURES = 3;
/** A reading stamped this far in the future (clock skew) still counts as fresh. */
const CLOCK_SKEW_MS = 5 * 60 * 1000;
/** The cap may be at most this many times the carrier's largest single recharge: guards against an extra zero. */
const CAP_LIMIT_FACTOR = 5;
const MINOR_PER_MAJOR = 100;

export const RULE_STATE_LABELS: Record<AutoTopupState, string> = {
  active: '已开启',
  paused: '已暂停',
  cancelled: '已取消',
};

// ---------------------------------------------------------------------------------
// Ids
// ---------------------------------------------------------------------------------

/** AT20261125103000123456: the layout of order numbers (order.ts), with its own prefix. */
export function newRuleId(nowMs: number, random: () => number): string {
  return `AT${newOrderId(nowMs, random).slice(2)}`;
}

/** PC20261125103000123456: our papay contract_code (at most 32 characters). */
export function newContractCode(nowMs: number, random: () => number): string {
  return `PC${newOrderId(nowMs, random).slice(2)}`;
}

// ---------------------------------------------------------------------------------
// Drafts
// ---------------------------------------------------------------------------------

export type RuleDraftError = 'bad_card' | 'bad_trigger' | 'bad_day' | 'bad_threshold' | 'bad_topup' | 'bad_cap' | 'cap_below_topup';

/** What the settings form hands over; every field may be anything. */
export interface RuleDraftInput {
  phone?: unknown;
  carrier?: unknown;
  /** { kind: 'low_balance', below } or { kind: 'monthly', day }. */
  trigger?: unknown;
  /** A recharge product id ('cmcc-recharge-50') or an amount typed ('50', 50) or a Money. */
  topup?: unknown;
  /** An amount typed or a Money, in the card's currency. */
  monthlyCap?: unknown;
}

export interface RuleDraft {
  phone: string;
  carrier: CarrierId;
  trigger: AutoTopupTrigger;
  topup: { productId: string; title: string; amount: Money };
  monthlyCap: Money;
  /** Chinese, for the summary line: 每月 31 日充值 50 元. */
  description: string;
  /** Chinese, what happens on short months (day 29–31); absent otherwise. */
  notice?: string;
}

function draftError(error: RuleDraftError, message: string): Result<RuleDraft, RuleDraftError> {
  return { ok: false, error, message };
}

function unitOf(currency: Currency): string {
  return currency === 'PHP' ? '比索' : '元';
}

/** An amount the form holds (text, number or Money) in the card's currency, or a Chinese reason. */
function readAmount(raw: unknown, currency: Currency, field: string): Result<Money, 'bad'> {
  if (isMoney(raw)) {
    if (raw.currency !== currency) return { ok: false, error: 'bad', message: `${field}请用${currency === 'PHP' ? '比索' : '人民币'}填写` };
    return { ok: true, value: raw };
  }
  const parsed = parseMoneyInput(raw, currency);
  return parsed.ok ? parsed : { ok: false, error: 'bad', message: `${field}：${parsed.message}` };
}

function readDay(raw: unknown): number | null {
  const value = typeof raw === 'string' && /^\s*\d{1,2}\s*$/.test(raw) ? Number(raw) : raw;
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 31 ? value : null;
}

/** What a day 29–31 does in short months, in Chinese; null for days every month has. */
export function dayNotice(day: number): string | null {
  if (day === 29) return '平年 2 月没有 29 日，那个月在 2 月 28 日充值';
  if (day === 30) return '2 月没有 30 日，那个月在 2 月最后一天充值';
  if (day === 31) return '小月（2、4、6、9、11 月）没有 31 日，在当月最后一天充值';
  return null;
}

/** 余额低于 ¥10.00 时 / 每月 31 日. */
export function describeTrigger(trigger: AutoTopupTrigger): string {
  if (trigger && trigger.kind === 'low_balance') return `余额低于 ${formatMoney(trigger.below)} 时`;
  if (trigger && trigger.kind === 'monthly') return `每月 ${trigger.day} 日`;
  return '—';
}

function describe(trigger: AutoTopupTrigger, topup: Money, cap: Money): string {
  return `${describeTrigger(trigger)}充值 ${formatMoneyCompact(topup)}，每月最多 ${formatMoneyCompact(cap)}`;
}

function readTopup(raw: unknown, carrier: CarrierId): Result<{ productId: string; title: string; amount: Money }, 'bad'> {
  const reject = (message: string): Result<never, 'bad'> => ({ ok: false, error: 'bad', message: `充值金额：${message}` });
  const currency = CARRIERS[carrier].currency;
  if (typeof raw === 'string' && raw.includes('-recharge-')) {
    const product = productById(raw);
    if (!product || product.kind !== 'recharge' || product.carrier !== carrier) return reject('没有这个充值面额，请从列表里选择');
    return { ok: true, value: { productId: product.id, title: product.title, amount: product.credit } };
  }
  let typed: unknown = raw;
  if (isMoney(raw)) {
    if (raw.currency !== currency) return reject(`请用${currency === 'PHP' ? '比索' : '人民币'}填写`);
    typed = formatAmount(raw);
  }
  const made = customRecharge(carrier, typed);
  if (!made.ok) return reject(made.message);
  return { ok: true, value: { productId: made.value.id, title: made.value.title, amount: made.value.credit } };
}

/**
 * A rule draft from the form, checked field by field in form order (card, trigger, top-up
 * amount, cap); the first problem is returned with a Chinese message that says what to fix.
 */
export function validateRuleDraft(input: RuleDraftInput | null | undefined): Result<RuleDraft, RuleDraftError> {
  const draft = typeof input === 'object' && input !== null ? input : {};
  const { phone, carrier } = draft;
  if (typeof phone !== 'string' || !/^\d{6,15}$/.test(phone) || !isCarrierId(carrier)) {
    return draftError('bad_card', '请先选择要自动充值的号码');
  }
  const currency = CARRIERS[carrier].currency;
  const { max } = CUSTOM_RECHARGE_BOUNDS[carrier];

  const triggerInput = typeof draft.trigger === 'object' && draft.trigger !== null ? (draft.trigger as Record<string, unknown>) : {};
  let trigger: AutoTopupTrigger;
  let notice: string | null = null;
  if (triggerInput.kind === 'monthly') {
    const day = readDay(triggerInput.day);
    if (day === null) return draftError('bad_day', '每月充值日请选择 1–31 日');
    trigger = { kind: 'monthly', day };
    notice = dayNotice(day);
  } else if (triggerInput.kind === 'low_balance') {
    const below = readAmount(triggerInput.below, currency, '余额低于');
    if (!below.ok) return draftError('bad_threshold', below.message);
    if (below.value.amount <= 0) return draftError('bad_threshold', '余额低于：请填写大于 0 的金额');
    if (below.value.amount > max * MINOR_PER_MAJOR) return draftError('bad_threshold', `余额低于：最多 ${max} ${unitOf(currency)}`);
    trigger = { kind: 'low_balance', below: below.value };
  } else {
    return draftError('bad_trigger', '请选择自动充值的方式：余额不足时，或每月固定日期');
  }

  const topup = readTopup(draft.topup, carrier);
  if (!topup.ok) return draftError('bad_topup', topup.message);

  const cap = readAmount(draft.monthlyCap, currency, '每月上限');
  if (!cap.ok) return draftError('bad_cap', cap.message);
  const capLimit = max * CAP_LIMIT_FACTOR * MINOR_PER_MAJOR;
  if (cap.value.amount > capLimit) return draftError('bad_cap', `每月上限：最多 ${capLimit / MINOR_PER_MAJOR} ${unitOf(currency)}`);
  if (cap.value.amount < topup.value.amount.amount) {
    return draftError('cap_below_topup', `每月上限不能低于单次充值金额 ${formatMoneyCompact(topup.value.amount)}，否则一次也充不了`);
  }

  const value: RuleDraft = { phone, carrier, trigger, topup: topup.value, monthlyCap: cap.value, description: describe(trigger, topup.value.amount, cap.value) };
  if (notice !== null) value.notice = notice;
  return { ok: true, value };
}

/** A new active rule from a validated draft, its id and the signed contract. */
export function createRule(draft: RuleDraft, ids: { id: string; contract: PapayContract; now: number }): AutoTopupRule {
  return {
    id: ids.id,
    phone: draft.phone,
    carrier: draft.carrier,
    trigger: draft.trigger,
    topup: draft.topup,
    monthlyCap: draft.monthlyCap,
    contract: ids.contract,
    state: 'active',
    createdAt: ids.now,
    updatedAt: ids.now,
    activeSince: ids.now,
  };
}

// ---------------------------------------------------------------------------------
// State changes
// ---------------------------------------------------------------------------------

export type RuleAction = 'pause' | 'resume' | 'cancel';

const ACTION_LABELS: Record<RuleAction, string> = { pause: '暂停', resume: '恢复', cancel: '取消' };

/** The state label, with why a rule is paused: 已暂停（连续 3 次失败）. */
export function ruleStateLabel(rule: Pick<AutoTopupRule, 'state' | 'pausedBy'>): string {
  if (!rule || !Object.prototype.hasOwnProperty.call(RULE_STATE_LABELS, rule.state)) return '未知状态';
  if (rule.state === 'paused' && rule.pausedBy === 'failures') return `已暂停（连续 ${MAX_CONSECUTIVE_FAILURES} 次失败）`;
  return RULE_STATE_LABELS[rule.state];
}

/**
 * active → paused (by the user) → active (resume); active | paused → cancelled (ends the
 * contract, final). Resuming restarts the schedule and the failure count from `at`.
 */
export function changeRuleState(rule: AutoTopupRule, action: RuleAction, at: number): Result<AutoTopupRule, 'illegal_change'> {
  const state = rule?.state;
  const allowed = (action === 'pause' && state === 'active') || (action === 'resume' && state === 'paused') || (action === 'cancel' && (state === 'active' || state === 'paused'));
  if (!allowed || !Number.isFinite(at)) {
    const label = rule ? ruleStateLabel(rule) : '未知状态';
    return { ok: false, error: 'illegal_change', message: `自动充值当前「${label}」，不能${ACTION_LABELS[action] ?? '这样操作'}，请刷新后重试` };
  }
  const { pausedBy: _dropped, ...rest } = rule;
  if (action === 'pause') return { ok: true, value: { ...rest, state: 'paused', pausedBy: 'user', updatedAt: at } };
  if (action === 'resume') return { ok: true, value: { ...rest, state: 'active', updatedAt: at, activeSince: at } };
  return { ok: true, value: { ...rest, state: 'cancelled', updatedAt: at, contract: { ...rule.contract, endedAt: at } } };
}

// ---------------------------------------------------------------------------------
// Executions
// ---------------------------------------------------------------------------------

/** A time chinaToday can place (formatDateTime is its total twin: a dash for anything else). */
function isUsableTime(ms: unknown): ms is number {
  return typeof ms === 'number' && formatDateTime(ms) !== '—';
}

/** A rule as this code can run it: what the store accepts back from storage. */
export function isRule(value: unknown): value is AutoTopupRule {
  if (typeof value !== 'object' || value === null) return false;
  const rule = value as Partial<AutoTopupRule>;
  const trigger = rule.trigger as Partial<AutoTopupTrigger> | undefined;
  const triggerOk =
    typeof trigger === 'object' &&
    trigger !== null &&
    ((trigger.kind === 'monthly' && readDay((trigger as { day?: unknown }).day) !== null) ||
      (trigger.kind === 'low_balance' && isMoney((trigger as { below?: unknown }).below)));
  return (
    typeof rule.id === 'string' &&
    rule.id !== '' &&
    isCarrierId(rule.carrier) &&
    triggerOk &&
    typeof rule.topup === 'object' &&
    rule.topup !== null &&
    isMoney(rule.topup.amount) &&
    rule.topup.amount.amount > 0 &&
    typeof rule.topup.productId === 'string' &&
    isMoney(rule.monthlyCap) &&
    rule.monthlyCap.currency === rule.topup.amount.currency &&
    (trigger.kind !== 'low_balance' || (trigger.below as Money).currency === rule.topup.amount.currency) &&
    isUsableTime(rule.activeSince)
  );
}

export function isExecution(value: unknown): value is AutoTopupExecution {
  if (typeof value !== 'object' || value === null) return false;
  const e = value as Partial<AutoTopupExecution>;
  return (
    typeof e.ruleId === 'string' &&
    typeof e.period === 'string' &&
    Number.isSafeInteger(e.attempt) &&
    isUsableTime(e.startedAt) &&
    isMoney(e.amount) &&
    (e.outcome === 'pending' || e.outcome === 'succeeded' || e.outcome === 'failed')
  );
}

/** This rule's well-formed executions, oldest first. */
function executionsOf(ruleId: string, executions: readonly unknown[]): AutoTopupExecution[] {
  const list = Array.isArray(executions) ? executions : [];
  return list.filter((e): e is AutoTopupExecution => isExecution(e) && e.ruleId === ruleId).sort((a, b) => a.startedAt - b.startedAt);
}

/** The idempotency key of one attempt: auto:<rule id>:<period>:<attempt>. */
export function executionKey(ruleId: string, period: string, attempt: number): string {
  return `auto:${ruleId}:${period}:${attempt}`;
}

/** The period an execution started at nowMs belongs to; null for a rule or time that is not usable. */
export function periodOf(rule: AutoTopupRule, nowMs: number): string | null {
  if (!isRule(rule) || !isUsableTime(nowMs)) return null;
  const today = chinaToday(nowMs);
  return rule.trigger.kind === 'monthly' ? `M${monthOf(today)}` : `D${today}`;
}

/** Failed executions in a row, newest back, since the rule was last turned on. */
export function consecutiveFailures(rule: AutoTopupRule, executions: readonly unknown[]): number {
  if (!isRule(rule)) return 0;
  const settled = executionsOf(rule.id, executions).filter((e) => e.startedAt >= rule.activeSince && e.outcome !== 'pending');
  let count = 0;
  for (let i = settled.length - 1; i >= 0 && settled[i].outcome === 'failed'; i -= 1) count += 1;
  return count;
}

export interface CapUsage {
  /** The China month counted: 2026-11. */
  month: string;
  used: Money;
  remaining: Money;
  cap: Money;
}

/** Face value this rule has topped up (or is topping up) in the China month of nowMs. */
export function capUsage(rule: AutoTopupRule, executions: readonly unknown[], nowMs: number): CapUsage | null {
  if (!isRule(rule) || !isUsableTime(nowMs)) return null;
  const month = monthOf(chinaToday(nowMs));
  const currency = rule.monthlyCap.currency;
  let used = 0;
  for (const e of executionsOf(rule.id, executions)) {
    if (e.outcome === 'failed' || e.amount.currency !== currency) continue;
    if (monthOf(chinaToday(e.startedAt)) === month) used += e.amount.amount;
  }
  return { month, used: money(used, currency), remaining: money(Math.max(0, rule.monthlyCap.amount - used), currency), cap: rule.monthlyCap };
}

function notDue(reason: NotDueReason, message: string): DueDecision {
  return { due: false, reason, message };
}

function positiveOr(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : fallback;
}

/** The reading that may trigger a low-balance rule, or why there is none. */
function checkReading(below: Money, reading: unknown, own: AutoTopupExecution[], nowMs: number, maxAge: number): DueDecision | null {
  const r = reading as Partial<BalanceReading> | null | undefined;
  if (typeof r !== 'object' || r === null || !isMoney(r.balance) || r.balance.currency !== below.currency || !isUsableTime(r.at)) {
    return notDue('no_reading', '还没有这张卡的余额，查询一次后才能按余额自动充值');
  }
  if (nowMs - r.at > maxAge || r.at - nowMs > CLOCK_SKEW_MS) return notDue('stale_reading', '余额数据不是最新的，查询一次后再判断是否需要充值');
  const lastLanded = [...own].reverse().find((e) => e.outcome === 'succeeded');
  if (lastLanded && r.at <= (isUsableTime(lastLanded.settledAt) ? lastLanded.settledAt : lastLanded.startedAt)) {
    return notDue('awaiting_reading', '上次自动充值之后还没有新的余额数据，查询后再判断');
  }
  if (r.balance.amount >= below.amount) return notDue('balance_ok', `余额 ${formatMoney(r.balance)}，不低于 ${formatMoney(below)}，暂不需要充值`);
  return null;
}

/**
 * Whether the rule should top up now, and under which period and attempt; or why not,
 * in Chinese. `reading` is the card's last known balance (only low-balance rules use it).
 */
export function autoTopupDue(
  rule: AutoTopupRule,
  executions: readonly unknown[],
  reading: BalanceReading | null | undefined,
  nowMs: number,
  options: DueOptions = {},
): DueDecision {
  if (!isRule(rule)) return notDue('bad_rule', '自动充值规则数据有误，请重新设置');
  if (!isUsableTime(nowMs)) return notDue('bad_time', '系统时间不对，请检查手机时间');
  if (rule.state !== 'active') return notDue('not_active', `自动充值${ruleStateLabel(rule)}`);
  const maxAge = positiveOr(options?.maxReadingAgeMs, DEFAULT_MAX_READING_AGE_MS);
  const retryDelay = positiveOr(options?.retryDelayMs, DEFAULT_RETRY_DELAY_MS);

  const own = executionsOf(rule.id, executions);
  if (own.some((e) => e.outcome === 'pending')) return notDue('pending', '上一笔自动充值还在处理中，完成后再继续');
  if (consecutiveFailures(rule, own) >= MAX_CONSECUTIVE_FAILURES) {
    return notDue('too_many_failures', `自动充值连续 ${MAX_CONSECUTIVE_FAILURES} 次失败，已暂停，请检查后重新开启`);
  }

  const today = chinaToday(nowMs);
  const trigger = rule.trigger;
  if (trigger.kind === 'monthly') {
    const scheduled = dayOfMonthClamped(monthOf(today), trigger.day);
    if (today < scheduled) return notDue('not_yet', `本月 ${formatChinaDate(scheduled)} 充值`);
    if (scheduled < chinaToday(rule.activeSince)) {
      const next = dayOfMonthClamped(addMonthsToKey(monthOf(today), 1), trigger.day);
      return notDue('not_yet', `本月充值日已过，下次 ${formatChinaDate(next)} 充值`);
    }
  } else {
    const blocked = checkReading(trigger.below, reading, own, nowMs, maxAge);
    if (blocked) return blocked;
  }

  const period = periodOf(rule, nowMs) as string;
  const attempts = own.filter((e) => e.period === period);
  if (attempts.some((e) => e.outcome === 'succeeded')) {
    return notDue('done_this_period', trigger.kind === 'monthly' ? '本月已自动充值' : '今天已自动充值过，明天再看余额');
  }
  // The newest settled execution of the rule, in any period: a failure just before midnight waits too.
  const last = own[own.length - 1];
  if (last && last.outcome === 'failed') {
    const failedAt = isUsableTime(last.settledAt) ? last.settledAt : last.startedAt;
    if (nowMs - failedAt < retryDelay) return notDue('retry_later', '上次自动充值失败，稍后会再试一次');
  }

  const usage = capUsage(rule, own, nowMs) as CapUsage;
  if (usage.used.amount + rule.topup.amount.amount > rule.monthlyCap.amount) {
    return notDue('cap_reached', `本月已自动充值 ${formatMoneyCompact(usage.used)}，再充会超过每月上限 ${formatMoneyCompact(rule.monthlyCap)}`);
  }

  const attempt = attempts.reduce((highest, e) => Math.max(highest, e.attempt), 0) + 1;
  return { due: true, period, attempt, key: executionKey(rule.id, period, attempt), amount: rule.topup.amount, productId: rule.topup.productId };
}

/** The pending execution for a due decision: store it before paying. */
export function startExecution(rule: AutoTopupRule, due: Extract<DueDecision, { due: true }>, nowMs: number): AutoTopupExecution {
  return { ruleId: rule.id, period: due.period, attempt: due.attempt, key: due.key, startedAt: nowMs, amount: due.amount, outcome: 'pending' };
}

/** A pending execution settled; settling twice is refused (the first answer stands). */
export function settleExecution(
  execution: AutoTopupExecution,
  outcome: 'succeeded' | 'failed',
  at: number,
  details: { orderId?: string; failureReason?: string } = {},
): Result<AutoTopupExecution, 'already_settled'> {
  if (!execution || execution.outcome !== 'pending' || (outcome !== 'succeeded' && outcome !== 'failed')) {
    return { ok: false, error: 'already_settled', message: '这笔自动充值已经有结果了，请刷新查看' };
  }
  const settled: AutoTopupExecution = { ...execution, outcome, settledAt: at };
  if (typeof details?.orderId === 'string') settled.orderId = details.orderId;
  if (outcome === 'failed') settled.failureReason = typeof details?.failureReason === 'string' && details.failureReason !== '' ? details.failureReason : '自动充值失败';
  return { ok: true, value: settled };
}

/** The rule paused by failures once MAX_CONSECUTIVE_FAILURES in a row have failed; otherwise unchanged. */
export function pauseAfterFailures(rule: AutoTopupRule, executions: readonly unknown[], at: number): AutoTopupRule {
  if (!isRule(rule) || rule.state !== 'active') return rule;
  if (consecutiveFailures(rule, executions) < MAX_CONSECUTIVE_FAILURES) return rule;
  return { ...rule, state: 'paused', pausedBy: 'failures', updatedAt: at };
}

/**
 * The next day a monthly rule will run: this month's day if it is still to come (or has
 * come and the month is not done), else next month's. Null for other rules and states.
 */
export function nextMonthlyRun(rule: AutoTopupRule, executions: readonly unknown[], nowMs: number): ChinaDate | null {
  if (!isRule(rule) || rule.trigger.kind !== 'monthly' || rule.state !== 'active' || !isUsableTime(nowMs)) return null;
  const today = chinaToday(nowMs);
  const month = monthOf(today);
  const scheduled = dayOfMonthClamped(month, rule.trigger.day);
  const period = `M${month}`;
  const done = executionsOf(rule.id, executions).some((e) => e.period === period && e.outcome === 'succeeded');
  const thisMonthCounts = !done && scheduled >= chinaToday(rule.activeSince);
  if (thisMonthCounts) return scheduled < today ? today : scheduled;
  return dayOfMonthClamped(addMonthsToKey(month, 1), rule.trigger.day);
}
