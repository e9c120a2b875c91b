/**
 * The 保号计划 page's display data: the yearly total, the one-tap renewal for the card
 * due next, and one timeline row per card (the date to act by and why, the cheapest
 * way through the next 12 months). Pure: the timeline and today come in.
 */
import type { BoundCard } from '../../core/types';
import { carrierName } from '../../core/carriers';
import { daysBetween, formatChinaDate } from '../../core/dates';
import { formatRate, type ExchangeRate } from '../../core/exchange';
import { formatMoney } from '../../core/money';
import { maskPhone } from '../../core/phone';
import { locationText } from '../../view/location';
import { CARD_TYPE_LABELS, type BadgeKind } from '../../view/labels';
import { keepPlanHeadline, nextDue, type CardKeepPlan, type KeepStatus, type KeepTimeline } from './core/keep-plan';

export interface PlanRow {
  key: string;
  /** 2026年12月1日 (or 待查询) */
  dateText: string;
  /** 还有 6 天 / 今天 / 已过 3 天 */
  whenText: string;
  badge: string;
  badgeKind: BadgeKind;
  masked: string;
  /** 爸爸的保号卡 · 北京 · 中国移动 · 保号卡 */
  who: string;
  reason: string;
  /** The cheapest 12-month option, or why there is none. */
  option: string;
  /** The yearly cost in yuan (约 ¥4.92 for pesos), or ''. */
  cost: string;
  /** A purchase can be made now with the option (not for a number that may be recycled). */
  renewable: boolean;
  /** The option's product, for the renewal link; ''. */
  productId: string;
  /** The row's dot: urgent (red), soon (orange), later (grey). */
  tone: 'urgent' | 'soon' | 'later';
}

export interface NextRenewal {
  phone: string;
  productId: string;
  /** The button's words: 续费 138****8000 · 保号年包 12 个月 ¥88.00 */
  label: string;
  /** The line above it: why this card first. */
  headline: string;
}

export interface PlanView {
  /** 约 ¥129.92 / 年 */
  totalText: string;
  /** 3 张卡 · 到 2027年11月24日 的 12 个月 */
  scopeText: string;
  /** What the total leaves out or rests on; each a sentence. */
  notes: string[];
  next: NextRenewal | null;
  /** Shown instead of the button when nothing needs buying within the 12 months. */
  nothingDue: string;
  rows: PlanRow[];
}

const BADGES: Record<KeepStatus, { text: string; kind: BadgeKind; tone: PlanRow['tone'] }> = {
  suspended: { text: '已停机', kind: 'danger', tone: 'urgent' },
  lapsed: { text: '已过期', kind: 'danger', tone: 'urgent' },
  maybe_lost: { text: '可能已被回收', kind: 'danger', tone: 'urgent' },
  due_soon: { text: '快到期', kind: 'warning', tone: 'soon' },
  in_service: { text: '正常', kind: 'success', tone: 'later' },
  unknown: { text: '待查询', kind: 'default', tone: 'later' },
};

function whenText(plan: CardKeepPlan): string {
  if (plan.daysLeft === null) return '请先查询';
  if (plan.status === 'suspended') return '今天处理';
  if (plan.daysLeft === 0) return '就是今天';
  return plan.daysLeft > 0 ? `还有 ${plan.daysLeft} 天` : `已过 ${-plan.daysLeft} 天`;
}

function costOf(plan: CardKeepPlan): string {
  const option = plan.option;
  if (!option) return '';
  if (option.yearly.currency === 'CNY') return `${formatMoney(option.yearly)} / 年`;
  return option.yearlyYuan ? `约 ${formatMoney(option.yearlyYuan)} / 年` : `${formatMoney(option.yearly)} / 年`;
}

function rowOf(plan: CardKeepPlan, card: BoundCard | undefined): PlanRow {
  const badge = BADGES[plan.status];
  const place = card?.lastKnown ? locationText(card.lastKnown.location) : '';
  const who = [plan.nickname, place, carrierName(plan.carrier), CARD_TYPE_LABELS[plan.cardType]].filter(Boolean).join(' · ');
  return {
    key: plan.phone,
    dateText: plan.actBy ? formatChinaDate(plan.actBy) : '待查询',
    whenText: whenText(plan),
    badge: badge.text,
    badgeKind: badge.kind,
    masked: maskPhone(plan.phone),
    who,
    reason: plan.reasonText + (plan.estimated && plan.status !== 'unknown' ? '（日期是估算的）' : ''),
    option: plan.option ? plan.option.summary : plan.optionNote ?? '',
    cost: costOf(plan),
    renewable: plan.option !== null && plan.status !== 'maybe_lost' && plan.status !== 'unknown',
    productId: plan.option ? plan.option.product.id : '',
    tone: badge.tone,
  };
}

/** The renewal the big button makes: the card due next, with the first purchase of its option. */
function nextRenewal(timeline: KeepTimeline): NextRenewal | null {
  const due = nextDue(timeline);
  if (!due || !due.option || due.option.purchases.length === 0) return null;
  const first = due.option.purchases[0];
  return {
    phone: due.phone,
    productId: due.option.product.id,
    label: `续费 ${maskPhone(due.phone)} · ${due.option.product.title} ${formatMoney(first.payable)}`,
    headline: keepPlanHeadline(due),
  };
}

export function planView(timeline: KeepTimeline, cards: BoundCard[], rate: ExchangeRate | null, rateNote: string): PlanView {
  const byPhone = new Map(cards.map((card) => [card.phone, card]));
  const { total, entries } = timeline;
  const notes: string[] = [];
  const missing = total.missing.map((phone) => {
    const entry = entries.find((e) => e.phone === phone);
    if (entry?.status === 'maybe_lost') return `${maskPhone(phone)}（号码可能已被回收）`;
    if (entry?.option && entry.option.yearlyYuan === null) return `${maskPhone(phone)}（比索金额还没有汇率换算）`;
    return `${maskPhone(phone)}（没有可续期的商品）`;
  });
  if (missing.length) notes.push(`合计不含：${missing.join('、')}。`);
  if (entries.some((e) => e.status === 'unknown')) notes.push('有卡还没查到到期日，按今天就要续费估算，查询后会更准。');
  else if (total.estimated) notes.push('Smart 号码余额归零的日子没有记录到，按查到余额为 0 的那天估算，实际期限可能更早。');
  if (entries.some((e) => e.carrier === 'smart')) notes.push(rate ? `比索按 ${formatRate(rate)} 换算（${rateNote}），付款时以当时汇率为准。` : '暂时没有比索汇率，Smart 的费用只按比索显示。');
  if (timeline.skipped > 0) notes.push(`有 ${timeline.skipped} 张卡的资料不完整，没有算进来，请重新绑定。`);
  notes.push('价格按现在的商品和优惠计算，以付款时页面显示为准。');

  const next = nextRenewal(timeline);
  const horizon = formatChinaDate(timeline.horizonEnd);
  const scope = `${entries.length} 张卡 · ${formatChinaDate(timeline.today)} 到 ${horizon} 的 12 个月`;
  return {
    totalText: `${total.complete ? '' : '至少 '}${formatMoney(total.yearlyYuan)}`,
    scopeText: scope,
    notes,
    next,
    nothingDue: next || entries.length === 0 ? '' : daysBetween(timeline.today, timeline.horizonEnd) > 0 ? `到 ${horizon} 前没有要续费的卡。` : '',
    rows: entries.map((plan) => rowOf(plan, byPhone.get(plan.phone))),
  };
}
