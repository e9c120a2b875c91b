/**
 * 保号计划: for each bound card, the date by which the user must act and why, and the
 * cheapest catalog option that keeps the number alive for the next 12 months, with its
 * yearly cost; over all cards, a timeline and the yearly total in yuan.
 *
 * API (all total: bad input gives a typed error or an 'unknown' entry, never a throw)
 *   planCard(card, options)            → Result<CardKeepPlan, 'bad_card' | 'bad_today'>
 *   keepTimeline(cards, options)       → Result<KeepTimeline, 'bad_today'>
 *   nextDue(timeline)                  → CardKeepPlan | null   (the card the one-tap renewal is for)
 *   keepHorizonEnd(today)              → ChinaDate | null      (the last day the 12 months cover)
 *   keepReminderDay, keepPlanHeadline  (re-exported from keep-deadline.ts)
 *
 * Where each card stands (status, actBy and why, the lapse rules per carrier kind) is
 * core/keep-deadline.ts's; this file adds the words for it and what to buy.
 *
 * Pure rules like core/ (the same lint wall holds), kept in the 保号计划 page's folder
 * because only that page needs them: outside a subpackage's folder they would ship in
 * the main package, which has no room left.
 *
 * The 12-month option: each product the carrier sells this card type that extends
 * validity is bought again and again, each time on the card's reminder day before the
 * number would leave service (remindDaysBefore before it, or on the day itself when
 * reminders are off; today when it already has), until the number stays in service
 * through keepHorizonEnd(today). Every purchase is priced by pricing.ts quote() on its
 * own day with the promotions of that day. A purchase is taken as a reload: the new
 * validity starts the lapse clock afresh (mainland: the new expiry; Smart: the balance
 * lapses after the new validity, then the window). The cheapest total wins (ties: fewer
 * purchases, then the lower price, then catalog order). A suspended card in debt only
 * considers products whose credit clears the debt, since nothing else lifts a 停机.
 * "Cost" is the money paid (a recharge's credit stays on the card but is still paid).
 *
 * Yuan: peso payables are converted one purchase at a time with exchange.ts toYuan
 * (down to the fen, at least 1 fen), the way the checkout charges them. Without a rate,
 * a peso option has no yuan figure and the total is marked incomplete.
 */
import { CARRIERS } from '../../../core/carriers';
import { GRACE_DAYS, NUMBER_LAPSE_RULES, PROMOTIONS, productsFor } from '../../../core/catalog';
import { addDays, daysBetween, formatChinaDate } from '../../../core/dates';
import { type ExchangeRate, toYuan } from '../../../core/exchange';
import { type KeepDeadline, type KeepDeadlineOptions, type KeepPlanError, compareUrgency, isPlanDay, keepDeadline, rejectPlan } from '../../../core/keep-deadline';
import { formatMoney, isMoney, money } from '../../../core/money';
import { maskPhone } from '../../../core/phone';
import { quote } from '../../../core/pricing';
import type { BoundCard, ChinaDate, Money, Product, Promotion, Result } from '../../../core/types';

export { compareUrgency, keepDeadline, keepReminderDay } from '../../../core/keep-deadline';
export type { KeepDeadline, KeepDeadlineReason, KeepPlanError, KeepStatus } from '../../../core/keep-deadline';

// ---------------------------------------------------------------------------------
// Types
// ---------------------------------------------------------------------------------

export interface KeepPurchase {
  on: ChinaDate;
  payable: Money;
  /** The payable in yuan (peso payables converted); null without a rate. */
  yuan: Money | null;
  newExpiry: ChinaDate;
}

export interface KeepOption {
  product: Product;
  /** The purchases within the 12 months, in date order (empty when none is needed). */
  purchases: KeepPurchase[];
  /** Their sum in the product's currency. */
  yearly: Money;
  /** Their sum in yuan, each converted on its own; null for pesos without a rate. */
  yearlyYuan: Money | null;
  /** The number stays in service through this day after the purchases. */
  coveredUntil: ChinaDate;
  /** Chinese: 12 个月内买 3 次「保号最低充值 ₱10」，共 ₱30.00（约 ¥3.69）. */
  summary: string;
}

export interface CardKeepPlan extends KeepDeadline {
  /** Chinese, one line: why actBy is the date. */
  reasonText: string;
  option: KeepOption | null;
  /** Chinese, when option is null: why there is none. */
  optionNote?: string;
}

export interface KeepPlanOptions extends KeepDeadlineOptions {
  /** PHP → CNY for the yuan figures (see exchange.ts). */
  rate?: ExchangeRate | null;
  /** Defaults to the catalog's promotions. */
  promotions?: Promotion[];
}

export interface KeepTimeline {
  today: ChinaDate;
  /** The last day the 12 months cover. */
  horizonEnd: ChinaDate;
  /** Needing action now first (suspended, lapsed, maybe lost), then by actBy, unknown last. */
  entries: CardKeepPlan[];
  total: {
    /** Sum of every entry's yearlyYuan that is known. */
    yearlyYuan: Money;
    /** False when some entry has no option (maybe lost, nothing to buy) or no yuan figure; `missing` lists their numbers. */
    complete: boolean;
    missing: string[];
    /** Some entry's figures rest on an assumption (see CardKeepPlan.estimated). */
    estimated: boolean;
  };
  /** Inputs that were not usable cards (left out). */
  skipped: number;
}

// ---------------------------------------------------------------------------------
// Guards
// ---------------------------------------------------------------------------------

/** A product that needs more purchases than this in a year is not an option (and bounds the loop). */
const MAX_PURCHASES = 400;
const REMIND_CHOICES = [1, 3, 7];

const laterOf = (a: ChinaDate, b: ChinaDate): ChinaDate => (a >= b ? a : b);

/**
 * The last day the 12 months from today cover: 2026-11-25 → 2027-11-24. Null for a day
 * that is not usable. The same day next year, clamped (a leap day → 28 February), is
 * months.ts's addMonthsClamped(today, 12): written out here so the main package does
 * not carry months.ts for this page alone.
 */
export function keepHorizonEnd(today: ChinaDate): ChinaDate | null {
  if (!isPlanDay(today)) return null;
  // The year after a leap day is never a leap year.
  const monthDay = today.endsWith('-02-29') ? '-02-28' : today.slice(4);
  return addDays(`${Number(today.slice(0, 4)) + 1}${monthDay}`, -1);
}

function leadDays(value: unknown): number {
  return typeof value === 'number' && REMIND_CHOICES.includes(value) ? value : 0;
}

// ---------------------------------------------------------------------------------
// The 12-month option
// ---------------------------------------------------------------------------------

interface Simulated {
  purchases: KeepPurchase[];
  total: number;
  coveredUntil: ChinaDate;
}

function simulate(product: Product, standing: KeepDeadline, card: BoundCard, options: KeepPlanOptions, horizonEnd: ChinaDate): Simulated | null {
  const { today } = options;
  const rule = NUMBER_LAPSE_RULES[card.carrier];
  const serviceAfterExpiry = rule.inServiceDuringGrace ? GRACE_DAYS[card.carrier] : 0;
  const lead = leadDays(card.remindDaysBefore);
  const promotions = Array.isArray(options.promotions) ? options.promotions : PROMOTIONS;

  let expiry = standing.quoteFrom.expiry;
  let covered = standing.quoteFrom.coveredUntil;
  const purchases: KeepPurchase[] = [];
  let total = 0;
  while (covered < horizonEnd) {
    if (purchases.length >= MAX_PURCHASES) return null;
    const on = laterOf(today, addDays(covered, -lead));
    const q = quote(product, { expiry }, on, promotions);
    const nextCovered = addDays(q.newExpiry, serviceAfterExpiry);
    if (nextCovered <= covered) return null;
    const yuan = toYuan(q.payable, options.rate);
    purchases.push({ on, payable: q.payable, yuan: yuan.ok ? yuan.value : null, newExpiry: q.newExpiry });
    total += q.payable.amount;
    expiry = q.newExpiry;
    covered = nextCovered;
  }
  return { purchases, total, coveredUntil: covered };
}

function optionSummary(product: Product, purchases: KeepPurchase[], yearly: Money, yearlyYuan: Money | null): string {
  if (purchases.length === 0) return `未来 12 个月无需续费；到时最省的是「${product.title}」`;
  const yuanNote = yearly.currency !== 'CNY' && yearlyYuan !== null ? `（约 ${formatMoney(yearlyYuan)}）` : '';
  const times = purchases.length === 1 ? '买 1 次' : `买 ${purchases.length} 次`;
  return `12 个月内${times}「${product.title}」，共 ${formatMoney(yearly)}${yuanNote}`;
}

function cheapestOption(card: BoundCard, standing: KeepDeadline, options: KeepPlanOptions, horizonEnd: ChinaDate): KeepOption | null {
  const currency = CARRIERS[card.carrier].currency;
  const candidates = productsFor(card.carrier, card.cardType).filter(
    (p) =>
      isMoney(p.price) &&
      p.price.currency === currency &&
      p.price.amount > 0 &&
      Number.isSafeInteger(p.validityDays) &&
      p.validityDays > 0 &&
      (standing.debt.amount === 0 || (isMoney(p.credit) && p.credit.currency === currency && p.credit.amount > standing.debt.amount)),
  );

  let best: { product: Product; run: Simulated } | null = null;
  for (const product of candidates) {
    const run = simulate(product, standing, card, options, horizonEnd);
    if (run === null) continue;
    const better =
      best === null ||
      run.total < best.run.total ||
      (run.total === best.run.total &&
        (run.purchases.length < best.run.purchases.length ||
          (run.purchases.length === best.run.purchases.length && product.price.amount < best.product.price.amount)));
    if (better) best = { product, run };
  }
  if (best === null) return null;

  const { product, run } = best;
  const yearly = money(run.total, currency);
  const yuanParts = run.purchases.map((p) => p.yuan);
  const yearlyYuan = yuanParts.every((p): p is Money => p !== null)
    ? money(
        yuanParts.reduce((sum, p) => sum + p.amount, 0),
        'CNY',
      )
    : null;
  return {
    product,
    purchases: run.purchases,
    yearly,
    yearlyYuan,
    coveredUntil: run.coveredUntil,
    summary: optionSummary(product, run.purchases, yearly, yearlyYuan),
  };
}

// ---------------------------------------------------------------------------------
// Words
// ---------------------------------------------------------------------------------

/** Chinese, one line: why actBy is the date. */
export function reasonText(d: KeepDeadline, today: ChinaDate): string {
  const graceDays = GRACE_DAYS[d.carrier];
  const { validUntil, lastDayToSave, graceStart, balance } = d;
  if (d.status === 'unknown' || validUntil === null) return '还没有这张卡的到期日，请先查询一次；下面的费用按今天需要续费估算';
  const lastDay = lastDayToSave === null ? '' : formatChinaDate(lastDayToSave);
  switch (d.status) {
    case 'maybe_lost':
      return `已超过 ${graceDays} 天保留期（最后一天是 ${lastDay}），号码可能已被回收，请先拨打 ${CARRIERS[d.carrier].hotline} 确认号码还在，再决定是否续费`;
    case 'suspended':
      return `号码已停机${d.debt.amount > 0 ? `，欠费 ${formatMoney(d.debt)}` : ''}，请今天充值恢复，以免号码被回收`;
    case 'lapsed':
      return `已过期 ${daysBetween(validUntil, today)} 天（已停机），最晚 ${lastDay} 前续费，否则号码可能被回收`;
    default:
      break;
  }
  if (d.reason === 'zero_balance_window' && graceStart !== null && balance !== null) {
    let lapse: string;
    if (balance.amount > 0) lapse = `余额 ${formatMoney(balance)} 有效期到 ${formatChinaDate(validUntil)}，之后 `;
    else if (!d.estimated) lapse = `余额 ${formatChinaDate(graceStart)} 起为 0，`;
    else if (graceStart === addDays(validUntil, 1)) lapse = `余额已于 ${formatChinaDate(graceStart)} 失效（如果更早用完，期限也更早），`;
    else lapse = `余额已用完（按 ${formatChinaDate(graceStart)} 查到余额为 0 计算，实际可能更早），`;
    return `${lapse}${graceDays} 天内须充值，最晚 ${lastDay}，否则停号`;
  }
  return `${d.reason === 'keep_plan_end' ? '保号套餐' : '有效期'}到 ${formatChinaDate(validUntil)}，到期后停机，再过 ${graceDays} 天不续费号码可能被回收`;
}

/** 138****8000 · 2026年12月1日前续费: one line naming the card and what to do by when. */
export function keepPlanHeadline(plan: KeepDeadline): string {
  if (!plan) return '';
  const who = plan.nickname ? `${plan.nickname} ${maskPhone(plan.phone)}` : maskPhone(plan.phone);
  if (plan.actBy === null) return `${who} · 请先查询`;
  if (plan.status === 'maybe_lost') return `${who} · 号码可能已被回收`;
  if (plan.status === 'suspended') return `${who} · 已停机，请今天处理`;
  return `${who} · ${formatChinaDate(plan.actBy)}前续费`;
}

// ---------------------------------------------------------------------------------
// Public functions
// ---------------------------------------------------------------------------------

/** One card's plan: its deadline and the cheapest way through the next 12 months. */
export function planCard(card: unknown, options: KeepPlanOptions): Result<CardKeepPlan, KeepPlanError> {
  const deadline = keepDeadline(card, options);
  if (!deadline.ok) return deadline;
  const standing = deadline.value;
  const horizonEnd = keepHorizonEnd(options.today) as ChinaDate;

  const option = standing.status === 'maybe_lost' ? null : cheapestOption(card as BoundCard, standing, options, horizonEnd);
  const plan: CardKeepPlan = { ...standing, reasonText: reasonText(standing, options.today), option };
  if (standing.status === 'maybe_lost') plan.optionNote = '号码可能已被回收，确认号码还在之前不建议付款';
  else if (option === null) plan.optionNote = standing.debt.amount > 0 ? '没有到账金额足以补足欠费的充值，请联系运营商客服' : '目前没有能为这张卡续期的商品';
  return { ok: true, value: plan };
}

/** Every card's plan, most urgent first, and the yearly total in yuan. A card listed twice counts once. */
export function keepTimeline(cards: readonly unknown[], options: KeepPlanOptions): Result<KeepTimeline, KeepPlanError> {
  const today = options?.today;
  if (!isPlanDay(today)) return rejectPlan('bad_today');
  const list = Array.isArray(cards) ? cards : [];
  const seen = new Set<string>();
  const entries: CardKeepPlan[] = [];
  let skipped = 0;
  for (const card of list) {
    const planned = planCard(card, options);
    if (!planned.ok || seen.has(planned.value.phone)) {
      skipped += 1;
      continue;
    }
    seen.add(planned.value.phone);
    entries.push(planned.value);
  }
  entries.sort(compareUrgency);

  let yearly = 0;
  const missing: string[] = [];
  for (const entry of entries) {
    const yuan = entry.option?.yearlyYuan ?? null;
    if (yuan === null) missing.push(entry.phone);
    else yearly += yuan.amount;
  }
  return {
    ok: true,
    value: {
      today,
      horizonEnd: keepHorizonEnd(today) as ChinaDate,
      entries,
      total: { yearlyYuan: money(yearly, 'CNY'), complete: missing.length === 0, missing, estimated: entries.some((e) => e.estimated) },
      skipped,
    },
  };
}

/**
 * The card the one-tap renewal is for: the first entry of the timeline that can be
 * renewed now with its option. A number that may be recycled is never offered (paying
 * for it could pay for someone else's number), nor a card whose figures are unknown.
 */
export function nextDue(timeline: KeepTimeline | null | undefined): CardKeepPlan | null {
  const entries = timeline && Array.isArray(timeline.entries) ? timeline.entries : [];
  return entries.find((entry) => entry && entry.status !== 'maybe_lost' && entry.status !== 'unknown' && entry.option !== null) ?? null;
}
