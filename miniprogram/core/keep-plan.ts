/**
 * 保号计划: for each bound card, the date by which the user must act and why, and the
 * cheapest catalog option that keeps the number alive for the next 12 months, with its
 * yearly cost; over all cards, a timeline and the yearly total in yuan.
 *
 * API (all total: bad input gives a typed error or an 'unknown' entry, never a throw)
 *   planCard(card, options)            → Result<CardKeepPlan, 'bad_card' | 'bad_today'>
 *   keepTimeline(cards, options)       → Result<KeepTimeline, 'bad_today'>
 *   nextDue(timeline)                  → CardKeepPlan | null   (the card the one-tap renewal is for)
 *   keepReminderDay(plan, n, today)    → ChinaDate | null      (calendar and subscription day)
 *   keepHorizonEnd(today)              → ChinaDate | null      (the last day the 12 months cover)
 *
 * How a number lapses is catalog data (NUMBER_LAPSE_RULES, GRACE_DAYS), not a branch per
 * carrier here:
 * - 'validity_end' (mainland): service stops at expiry (停机); the number can still be
 *   saved for graceDays after it, then may be recycled (销号).
 * - 'zero_balance' (Smart): the load's balance is forfeited the day after its validity
 *   ends (or is spent earlier); from the first day at zero the account has graceDays to
 *   reload and still receives calls and SMS meanwhile. Day 1 of the window is the first
 *   day at zero, so the last day to reload is that day + graceDays − 1: a load valid
 *   through 2026-11-30 gives a last reload day of 2027-03-30 (2026-11-30 + 120).
 *
 * actBy is the date the user must act by to avoid the next loss:
 * - in service: the last day the number still receives calls and SMS (mainland: the
 *   expiry; Smart: the last day of the zero-balance window, when that is the loss);
 * - lapsed (mainland expired): the last day the number can still be saved;
 * - suspended (停机): today; past the grace: the day that passed (status 'maybe_lost').
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
import { CARRIERS, isCarrierId } from './carriers';
import { GRACE_DAYS, NUMBER_LAPSE_RULES, PROMOTIONS, productsFor } from './catalog';
import { DEFAULT_SOON_DAYS, addDays, chinaToday, daysBetween, formatChinaDate, isChinaDate } from './dates';
import { type ExchangeRate, toYuan } from './exchange';
import { formatMoney, isMoney, money } from './money';
import { addMonthsClamped } from './months';
import { maskPhone } from './phone';
import { quote } from './pricing';
import type { BoundCard, CardType, CarrierId, ChinaDate, Money, Product, Promotion, Result } from './types';

// ---------------------------------------------------------------------------------
// Types
// ---------------------------------------------------------------------------------

export type KeepStatus =
  /** In service, the deadline more than soonDays away. */
  | 'in_service'
  /** In service, the deadline within soonDays (today included). */
  | 'due_soon'
  /** Out of service (mainland expired) but the number can still be saved. */
  | 'lapsed'
  /** 停机: act today. */
  | 'suspended'
  /** Past the last day to save it: the number may already be recycled. */
  | 'maybe_lost'
  /** No usable figures yet: look the card up first. */
  | 'unknown';

export type KeepDeadlineReason =
  /** Mainland phone, data or eSIM card: the validity ends, then 停机. */
  | 'validity_end'
  /** Mainland keep-number card: the keep plan ends, then 停机. */
  | 'keep_plan_end'
  /** Smart: the last day of the reload window after the balance reaches zero. */
  | 'zero_balance_window'
  /** Lapsed: the last day before the number may be recycled. */
  | 'grace_end'
  | 'suspended'
  | 'maybe_recycled'
  | 'no_figures';

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

export interface CardKeepPlan {
  phone: string;
  carrier: CarrierId;
  cardType: CardType;
  nickname: string;
  status: KeepStatus;
  reason: KeepDeadlineReason;
  /** Chinese, one line: why actBy is the date. */
  reasonText: string;
  /** See the file comment; null only for 'unknown'. */
  actBy: ChinaDate | null;
  /** actBy − today (negative once past); null with actBy. */
  daysLeft: number | null;
  /** The card's (or Smart load's) last valid day as last seen. */
  validUntil: ChinaDate | null;
  /** The last day the number receives calls and SMS if nothing is bought. */
  inServiceUntil: ChinaDate | null;
  /** The last day the number can be saved; null when it cannot be known (suspended while still valid). */
  lastDayToSave: ChinaDate | null;
  /** A date rests on an assumption: the day a Smart balance reached zero was not tracked, or no figures. */
  estimated: boolean;
  option: KeepOption | null;
  /** Chinese, when option is null: why there is none. */
  optionNote?: string;
}

export interface KeepPlanOptions {
  today: ChinaDate;
  /** PHP → CNY for the yuan figures (see exchange.ts). */
  rate?: ExchangeRate | null;
  /** Defaults to the catalog's promotions. */
  promotions?: Promotion[];
  /** due_soon from this many days before actBy (default DEFAULT_SOON_DAYS). */
  soonDays?: number;
  /**
   * Per national number, the first China day a Smart balance was seen at zero, when the
   * app tracks it. Without it a zero balance counts from the day it was last seen.
   */
  zeroBalanceSince?: Readonly<Record<string, ChinaDate>>;
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

export type KeepPlanError = 'bad_card' | 'bad_today';

const ERROR_MESSAGES: Record<KeepPlanError, string> = {
  bad_card: '这张卡的资料不完整，请重新绑定后再查看保号计划',
  bad_today: '系统日期不对，请检查手机时间后重试',
};

// ---------------------------------------------------------------------------------
// Guards
// ---------------------------------------------------------------------------------

const HORIZON_MONTHS = 12;
/** Figures further than this from today are corrupt data, not a card; also keeps all arithmetic in range. */
const PLAUSIBLE_DAYS = 36_600;
const FIRST_PLAN_DAY = '1970-01-01';
const LAST_PLAN_DAY = '9000-12-31';
/** lastKnown.at outside these is corrupt: the seen day then falls back to today. */
const FIRST_SEEN_MS = Date.UTC(1970, 0, 1);
const LAST_SEEN_MS = Date.UTC(9000, 11, 31);
/** A product that needs more purchases than this in a year is not an option (and bounds the loop). */
const MAX_PURCHASES = 400;
const REMIND_CHOICES = [1, 3, 7];
const CARD_TYPES: CardType[] = ['data', 'phone', 'keep', 'esim'];

function isPlanDay(value: unknown): value is ChinaDate {
  return isChinaDate(value) && value >= FIRST_PLAN_DAY && value <= LAST_PLAN_DAY;
}

function isPlausibleFigure(value: unknown, today: ChinaDate): value is ChinaDate {
  return isChinaDate(value) && Math.abs(daysBetween(today, value)) <= PLAUSIBLE_DAYS;
}

const laterOf = (a: ChinaDate, b: ChinaDate): ChinaDate => (a >= b ? a : b);
const earlierOf = (a: ChinaDate, b: ChinaDate): ChinaDate => (a <= b ? a : b);

/** The last day the 12 months from today cover: 2026-11-25 → 2027-11-24. Null for a day that is not usable. */
export function keepHorizonEnd(today: ChinaDate): ChinaDate | null {
  if (!isPlanDay(today)) return null;
  return addDays(addMonthsClamped(today, HORIZON_MONTHS), -1);
}

function wholeOr(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 && value <= 366 ? value : fallback;
}

function leadDays(value: unknown): number {
  return typeof value === 'number' && REMIND_CHOICES.includes(value) ? value : 0;
}

// ---------------------------------------------------------------------------------
// Where a card stands
// ---------------------------------------------------------------------------------

interface Standing {
  status: KeepStatus;
  reason: KeepDeadlineReason;
  reasonText: string;
  actBy: ChinaDate | null;
  validUntil: ChinaDate | null;
  inServiceUntil: ChinaDate | null;
  lastDayToSave: ChinaDate | null;
  estimated: boolean;
  /** The expiry the first purchase is quoted against. */
  expiryForQuote: ChinaDate;
  /** The number is in service through this day without a purchase (yesterday when it must be bought today). */
  coveredUntil: ChinaDate;
  /** A suspended card's debt in minor units: only products crediting more can lift it. */
  debt: number;
}

interface Figures {
  balance: Money;
  expiry: ChinaDate;
  suspended: boolean;
  seenOn: ChinaDate;
}

function usableFigures(card: BoundCard, today: ChinaDate): Figures | null {
  const known = card.lastKnown as Partial<NonNullable<BoundCard['lastKnown']>> | undefined | null;
  if (typeof known !== 'object' || known === null) return null;
  if (!isMoney(known.balance) || known.balance.currency !== CARRIERS[card.carrier].currency) return null;
  if (!isPlausibleFigure(known.expiry, today)) return null;
  const at = known.at;
  let seenOn = today;
  if (typeof at === 'number' && at >= FIRST_SEEN_MS && at <= LAST_SEEN_MS) {
    const day = chinaToday(at);
    if (isPlausibleFigure(day, today)) seenOn = earlierOf(day, today);
  }
  return { balance: known.balance, expiry: known.expiry, suspended: known.suspended === true, seenOn };
}

function standingOf(card: BoundCard, options: KeepPlanOptions, soonDays: number): Standing {
  const { today } = options;
  const rule = NUMBER_LAPSE_RULES[card.carrier];
  const graceDays = GRACE_DAYS[card.carrier];
  const hotline = CARRIERS[card.carrier].hotline;
  const yesterday = addDays(today, -1);
  const figures = usableFigures(card, today);

  if (!figures) {
    return {
      status: 'unknown',
      reason: 'no_figures',
      reasonText: '还没有这张卡的到期日，请先查询一次；下面的费用按今天需要续费估算',
      actBy: null,
      validUntil: null,
      inServiceUntil: null,
      lastDayToSave: null,
      estimated: true,
      expiryForQuote: yesterday,
      coveredUntil: yesterday,
      debt: 0,
    };
  }

  const { balance, expiry, suspended, seenOn } = figures;
  const afterValidity = addDays(expiry, 1);
  let estimated = false;
  let graceStart: ChinaDate;
  if (rule.graceStartsAt === 'validity_end' || balance.amount > 0) {
    graceStart = afterValidity;
  } else {
    const tracked = options.zeroBalanceSince?.[card.phone];
    const zeroSeen = isPlausibleFigure(tracked, today) ? earlierOf(tracked, seenOn) : seenOn;
    // Untracked, the balance may have reached zero before the day it was seen at zero (or lapsed).
    estimated = !isPlausibleFigure(tracked, today);
    graceStart = rule.balanceLapsesAtValidityEnd ? earlierOf(zeroSeen, afterValidity) : zeroSeen;
  }
  const lastDayToSave = addDays(graceStart, graceDays - 1);
  const inServiceUntil = rule.inServiceDuringGrace ? lastDayToSave : expiry;
  const base = { validUntil: expiry, inServiceUntil, estimated, expiryForQuote: expiry };

  if (daysBetween(today, lastDayToSave) < 0) {
    return {
      ...base,
      status: 'maybe_lost',
      reason: 'maybe_recycled',
      reasonText: `已超过 ${graceDays} 天保留期（最后一天是 ${formatChinaDate(lastDayToSave)}），号码可能已被回收，请先拨打 ${hotline} 确认号码还在，再决定是否续费`,
      actBy: lastDayToSave,
      lastDayToSave,
      coveredUntil: yesterday,
      debt: 0,
    };
  }

  if (suspended) {
    const debt = balance.amount < 0 ? -balance.amount : 0;
    const owed = debt > 0 ? `，欠费 ${formatMoney(money(debt, balance.currency))}` : '';
    return {
      ...base,
      status: 'suspended',
      reason: 'suspended',
      reasonText: `号码已停机${owed}，请今天充值恢复，以免号码被回收`,
      actBy: today,
      // A line suspended while still valid was stopped for another reason (debt): its recycling date is unknown.
      lastDayToSave: daysBetween(today, expiry) < 0 ? lastDayToSave : null,
      coveredUntil: yesterday,
      debt,
    };
  }

  if (daysBetween(today, inServiceUntil) < 0) {
    return {
      ...base,
      status: 'lapsed',
      reason: 'grace_end',
      reasonText: `已过期 ${daysBetween(expiry, today)} 天（已停机），最晚 ${formatChinaDate(lastDayToSave)} 前续费，否则号码可能被回收`,
      actBy: lastDayToSave,
      lastDayToSave,
      coveredUntil: yesterday,
      debt: 0,
    };
  }

  const daysLeft = daysBetween(today, inServiceUntil);
  const status: KeepStatus = daysLeft <= soonDays ? 'due_soon' : 'in_service';
  const common = { ...base, status, actBy: inServiceUntil, lastDayToSave, coveredUntil: inServiceUntil, debt: 0 };
  if (rule.inServiceDuringGrace) {
    let lapse: string;
    if (balance.amount > 0) lapse = `余额 ${formatMoney(balance)} 有效期到 ${formatChinaDate(expiry)}，之后`;
    else if (!estimated) lapse = `余额 ${formatChinaDate(graceStart)} 起为 0，`;
    else if (graceStart === afterValidity) lapse = `余额已于 ${formatChinaDate(graceStart)} 失效（如果更早用完，期限也更早），`;
    else lapse = `余额已用完（按 ${formatChinaDate(graceStart)} 查到余额为 0 计算，实际可能更早），`;
    return {
      ...common,
      reason: 'zero_balance_window',
      reasonText: `${lapse}${graceDays} 天内须充值，最晚 ${formatChinaDate(lastDayToSave)}，否则停号`,
    };
  }
  const keep = card.cardType === 'keep';
  return {
    ...common,
    reason: keep ? 'keep_plan_end' : 'validity_end',
    reasonText: `${keep ? '保号套餐' : '有效期'}到 ${formatChinaDate(expiry)}，到期后停机，再过 ${graceDays} 天不续费号码可能被回收`,
  };
}

// ---------------------------------------------------------------------------------
// The 12-month option
// ---------------------------------------------------------------------------------

interface Simulated {
  purchases: KeepPurchase[];
  total: number;
  coveredUntil: ChinaDate;
}

function simulate(product: Product, standing: Standing, card: BoundCard, options: KeepPlanOptions, horizonEnd: ChinaDate): Simulated | null {
  const { today } = options;
  const rule = NUMBER_LAPSE_RULES[card.carrier];
  const serviceAfterExpiry = rule.inServiceDuringGrace ? GRACE_DAYS[card.carrier] : 0;
  const lead = leadDays(card.remindDaysBefore);
  const promotions = Array.isArray(options.promotions) ? options.promotions : PROMOTIONS;

  let expiry = standing.expiryForQuote;
  let covered = standing.coveredUntil;
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

function cheapestOption(card: BoundCard, standing: Standing, options: KeepPlanOptions, horizonEnd: ChinaDate): KeepOption | null {
  const currency = CARRIERS[card.carrier].currency;
  const candidates = productsFor(card.carrier, card.cardType).filter(
    (p) =>
      isMoney(p.price) &&
      p.price.currency === currency &&
      p.price.amount > 0 &&
      Number.isSafeInteger(p.validityDays) &&
      p.validityDays > 0 &&
      (standing.debt === 0 || (isMoney(p.credit) && p.credit.currency === currency && p.credit.amount > standing.debt)),
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
// Public functions
// ---------------------------------------------------------------------------------

function isCardLike(value: unknown): value is BoundCard {
  if (typeof value !== 'object' || value === null) return false;
  const card = value as Partial<BoundCard>;
  return typeof card.phone === 'string' && card.phone !== '' && isCarrierId(card.carrier) && CARD_TYPES.includes(card.cardType as CardType);
}

function reject<T>(error: KeepPlanError): Result<T, KeepPlanError> {
  return { ok: false, error, message: ERROR_MESSAGES[error] };
}

/** One card's plan. */
export function planCard(card: unknown, options: KeepPlanOptions): Result<CardKeepPlan, KeepPlanError> {
  const today = options?.today;
  if (!isPlanDay(today)) return reject('bad_today');
  if (!isCardLike(card)) return reject('bad_card');
  const horizonEnd = keepHorizonEnd(today) as ChinaDate;
  const soonDays = wholeOr(options.soonDays, DEFAULT_SOON_DAYS);
  const standing = standingOf(card, options, soonDays);

  const option = standing.status === 'maybe_lost' ? null : cheapestOption(card, standing, options, horizonEnd);
  let optionNote: string | undefined;
  if (standing.status === 'maybe_lost') optionNote = '号码可能已被回收，确认号码还在之前不建议付款';
  else if (option === null) optionNote = standing.debt > 0 ? '没有到账金额足以补足欠费的充值，请联系运营商客服' : '目前没有能为这张卡续期的商品';

  const plan: CardKeepPlan = {
    phone: card.phone,
    carrier: card.carrier,
    cardType: card.cardType,
    nickname: typeof card.nickname === 'string' ? card.nickname : '',
    status: standing.status,
    reason: standing.reason,
    reasonText: standing.reasonText,
    actBy: standing.actBy,
    daysLeft: standing.actBy === null ? null : daysBetween(today, standing.actBy),
    validUntil: standing.validUntil,
    inServiceUntil: standing.inServiceUntil,
    lastDayToSave: standing.lastDayToSave,
    estimated: standing.estimated,
    option,
  };
  if (optionNote !== undefined) plan.optionNote = optionNote;
  return { ok: true, value: plan };
}

const GROUP: Record<KeepStatus, number> = { suspended: 0, lapsed: 0, maybe_lost: 0, due_soon: 1, in_service: 1, unknown: 2 };

function compareEntries(a: CardKeepPlan, b: CardKeepPlan): number {
  if (GROUP[a.status] !== GROUP[b.status]) return GROUP[a.status] - GROUP[b.status];
  const byDate = (a.actBy ?? '').localeCompare(b.actBy ?? '');
  if (byDate !== 0) return byDate;
  return a.phone < b.phone ? -1 : a.phone > b.phone ? 1 : 0;
}

/** Every card's plan, most urgent first, and the yearly total in yuan. A card listed twice counts once. */
export function keepTimeline(cards: readonly unknown[], options: KeepPlanOptions): Result<KeepTimeline, KeepPlanError> {
  const today = options?.today;
  if (!isPlanDay(today)) return reject('bad_today');
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
  entries.sort(compareEntries);

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

/**
 * The day to remind on: remindDaysBefore before actBy, or today when that day has
 * passed (the plan is already late). Null without a reminder choice (1, 3 or 7), without
 * actBy, or for a number that may be recycled.
 */
export function keepReminderDay(plan: CardKeepPlan | null | undefined, remindDaysBefore: unknown, today: ChinaDate): ChinaDate | null {
  if (!plan || !isPlanDay(plan.actBy) || !isPlanDay(today) || plan.status === 'maybe_lost') return null;
  if (typeof remindDaysBefore !== 'number' || !REMIND_CHOICES.includes(remindDaysBefore)) return null;
  return laterOf(today, addDays(plan.actBy, -remindDaysBefore));
}

/** 138****8000 · 2026年12月1日前: a line for the notice bar and the calendar event title. */
export function keepPlanHeadline(plan: CardKeepPlan): string {
  if (!plan) return '';
  const who = plan.nickname ? `${plan.nickname} ${maskPhone(plan.phone)}` : maskPhone(plan.phone);
  if (plan.actBy === null) return `${who} · 请先查询`;
  if (plan.status === 'maybe_lost') return `${who} · 号码可能已被回收`;
  if (plan.status === 'suspended') return `${who} · 已停机，请今天处理`;
  return `${who} · ${formatChinaDate(plan.actBy)}前续费`;
}
