/**
 * What the 自动充值 page shows, computed from the rule, its executions and the form: pure,
 * so the page only binds these fields. Dates and amounts in the words WeChat users read.
 */
import { productsFor } from '../../core/catalog';
import { CARRIERS } from '../../core/carriers';
import { formatChinaDate, formatDateTime } from '../../core/dates';
import { formatMoney, formatMoneyCompact } from '../../core/money';
import type { CarrierId } from '../../core/types';
import type { Query } from '../../services/contracts';
import {
  capUsage,
  dayNotice,
  describeTrigger,
  nextMonthlyRun,
  ruleStateLabel,
  validateRuleDraft,
  type AutoTopupExecution,
  type AutoTopupRule,
  type RuleDraft,
  type RuleDraftInput,
} from './core/auto-topup';

export type TriggerKind = 'low_balance' | 'monthly';

/** What the form holds, as typed. */
export interface RuleForm {
  kind: TriggerKind;
  below: string;
  day: string;
  productId: string;
  cap: string;
}

export interface AmountChoice {
  id: string;
  label: string;
}

/** The recharge amounts a rule may top up with: the carrier's catalog tiles. */
export function amountChoices(carrier: CarrierId): AmountChoice[] {
  return productsFor(carrier)
    .filter((p) => p.kind === 'recharge')
    .map((p) => ({ id: p.id, label: formatMoneyCompact(p.credit) }));
}

/** A form a person can submit at once: below ¥10 top up ¥50 (₱50 / ₱300 for Smart), at most twice a month. */
export function defaultForm(carrier: CarrierId, todayDay: number): RuleForm {
  const peso = CARRIERS[carrier]?.currency === 'PHP';
  const recharges = productsFor(carrier).filter((p) => p.kind === 'recharge');
  const wanted = peso ? 30000 : 5000;
  const product = recharges.find((p) => p.credit.amount >= wanted) ?? recharges[recharges.length - 1];
  return { kind: 'low_balance', below: peso ? '50' : '10', day: String(todayDay), productId: product?.id ?? '', cap: product ? String((product.credit.amount * 2) / 100) : '' };
}

export function draftInput(phone: string, carrier: CarrierId, form: RuleForm): RuleDraftInput {
  const trigger = form.kind === 'monthly' ? { kind: 'monthly', day: form.day } : { kind: 'low_balance', below: form.below };
  return { phone, carrier, trigger, topup: form.productId, monthlyCap: form.cap };
}

/** The checked draft's summary and notice, or the first thing to fix. */
export function formSummary(phone: string, carrier: CarrierId, form: RuleForm): { ok: boolean; summary: string; notice: string; error: string } {
  const draft = validateRuleDraft(draftInput(phone, carrier, form));
  if (!draft.ok) return { ok: false, summary: '', notice: '', error: draft.message };
  return { ok: true, summary: draft.value.description, notice: draft.value.notice ?? '', error: '' };
}

export function currencyUnit(carrier: CarrierId): string {
  return CARRIERS[carrier]?.currency === 'PHP' ? '比索' : '元';
}

/** The day field's own notice while it is being typed (29–31 in short months). */
export function dayHint(day: string): string {
  const n = Number(day);
  return Number.isInteger(n) ? dayNotice(n) ?? '' : '';
}

// ------------------------------------------------------------- signing page

/** The draft travels to the signing page as query text and is checked again there. */
export function signingQuery(draft: RuleDraft): Query {
  const query: Query = { phone: draft.phone, carrier: draft.carrier, kind: draft.trigger.kind, topup: draft.topup.productId, cap: String(draft.monthlyCap.amount / 100) };
  if (draft.trigger.kind === 'monthly') query.day = String(draft.trigger.day);
  else query.below = String(draft.trigger.below.amount / 100);
  return query;
}

export function draftFromQuery(query: Query): ReturnType<typeof validateRuleDraft> {
  const trigger = query.kind === 'monthly' ? { kind: 'monthly', day: query.day } : query.kind === 'low_balance' ? { kind: 'low_balance', below: query.below } : undefined;
  return validateRuleDraft({ phone: query.phone, carrier: query.carrier, trigger, topup: query.topup, monthlyCap: query.cap });
}

// ---------------------------------------------------------------- live rule

export interface HistoryRow {
  key: string;
  when: string;
  amount: string;
  result: string;
  failed: boolean;
}

export interface RuleView {
  id: string;
  active: boolean;
  paused: boolean;
  state: string;
  /** Vant tag type. */
  tag: 'success' | 'warning' | 'danger';
  trigger: string;
  topup: string;
  cap: string;
  usage: string;
  next: string;
  contract: string;
  signedAt: string;
  /** The newest execution's failure, shown above the history. */
  lastFailure: string;
  history: HistoryRow[];
}

const MAX_HISTORY_ROWS = 10;

function resultText(e: AutoTopupExecution): string {
  if (e.outcome === 'succeeded') return '已充值';
  if (e.outcome === 'pending') return '处理中';
  return `失败：${e.failureReason ?? '自动充值失败'}`;
}

export function ruleView(rule: AutoTopupRule, executions: AutoTopupExecution[], nowMs: number): RuleView {
  const own = executions.filter((e) => e.ruleId === rule.id).sort((a, b) => b.startedAt - a.startedAt);
  const usage = capUsage(rule, own, nowMs);
  const next = rule.trigger.kind === 'monthly' ? nextMonthlyRun(rule, own, nowMs) : null;
  const newest = own[0];
  return {
    id: rule.id,
    active: rule.state === 'active',
    paused: rule.state === 'paused',
    state: ruleStateLabel(rule),
    tag: rule.state === 'active' ? 'success' : rule.pausedBy === 'failures' ? 'danger' : 'warning',
    trigger: describeTrigger(rule.trigger),
    topup: `${rule.topup.title}（${formatMoneyCompact(rule.topup.amount)}）`,
    cap: formatMoneyCompact(rule.monthlyCap),
    usage: usage ? `本月已自动充值 ${formatMoneyCompact(usage.used)}，还可充 ${formatMoneyCompact(usage.remaining)}` : '',
    next: rule.state !== 'active' ? '已暂停，不会自动充值' : next ? formatChinaDate(next) : '余额低于设定值时（查询余额时检查）',
    contract: rule.contract.code,
    signedAt: formatDateTime(rule.contract.signedAt),
    lastFailure: newest && newest.outcome === 'failed' ? `最近一次自动充值失败：${newest.failureReason ?? '自动充值失败'}` : '',
    history: own.slice(0, MAX_HISTORY_ROWS).map((e) => ({
      key: e.key,
      when: formatDateTime(e.startedAt),
      amount: formatMoney(e.amount),
      result: resultText(e),
      failed: e.outcome === 'failed',
    })),
  };
}
