/**
 * What the card lists (首页, 我的, card settings) show for a bound card: names, the
 * masked number, days left, a status badge, its 归属地, the data left on a data card and
 * what a suspended card owes; and the home page's order and notice, which follow the
 * keep-number deadline (core/keep-deadline.ts). Pure: today comes in; pages only bind
 * these fields to WXML.
 */
import type { BoundCard, ChinaDate } from '../core/types';
import { CARRIERS, carrierName, isCarrierId } from '../core/carriers';
import { RECYCLE_WARNING_DAYS, daysBetween, expiryState, formatChinaDate, isChinaDate } from '../core/dates';
import { GRACE_DAYS } from '../core/catalog';
import { compareUrgency, keepDeadline, type KeepDeadline } from '../core/keep-deadline';
import { formatMoney, isMoney, money } from '../core/money';
import { maskPhone } from '../core/phone';
import { formatDataMb } from './format';
import { CARD_TYPE_LABELS, EXPIRY_BADGES, SUSPENDED_BADGE, type BadgeKind } from './labels';
import { locationText } from './location';

export type { BadgeKind };

export interface CardTile {
  masked: string;
  carrier: string;
  carrierColor: string;
  typeLabel: string;
  /** The nickname, or carrier + type (移动手机卡) when none was given. */
  title: string;
  isDefault: boolean;
  badge: string;
  badgeKind: BadgeKind;
  /** 剩余 12 天 / 已过期 3 天 / 到期日未知. */
  daysText: string;
  /** 到期 2026年12月1日, or '' while unknown. */
  expiryText: string;
  balanceText: string;
  /** 归属地 (北京, 菲律宾, 归属地未知); '' before the first lookup. */
  location: string;
  /** 剩余流量 300MB on a data card; ''. */
  dataText: string;
  /** Why a suspended card is cut off and what lifts it; ''. */
  suspendedText: string;
  /** Needs attention soon: expiring, expired, recycle risk or suspended. */
  urgent: boolean;
  /** The keep-number warning, or ''. */
  warning: string;
  /** A keep-number card with reminders on but no way set up to deliver them: say so (tap opens its settings). */
  reminderHint: string;
}

/** 移动手机卡, Smart 手机卡, 联通 eSIM: a space where Latin letters meet Chinese, as Chinese typesetting does. */
export function cardKindName(carrier: BoundCard['carrier'], cardType: BoundCard['cardType']): string {
  const short = isCarrierId(carrier) ? CARRIERS[carrier].shortName : '';
  const type = CARD_TYPE_LABELS[cardType] ?? '';
  const latinMeets = /[A-Za-z]$/.test(short) || /^[A-Za-z]/.test(type);
  return short && type && latinMeets ? `${short} ${type}` : `${short}${type}`;
}

export function cardTitle(card: BoundCard): string {
  return card.nickname || cardKindName(card.carrier, card.cardType);
}

export function cardTile(card: BoundCard, today: ChinaDate): CardTile {
  const base = {
    masked: maskPhone(card.phone),
    carrier: carrierName(card.carrier),
    carrierColor: isCarrierId(card.carrier) ? CARRIERS[card.carrier].color : '#969799',
    typeLabel: CARD_TYPE_LABELS[card.cardType] ?? '',
    title: cardTitle(card),
    isDefault: card.isDefault,
  };
  const known = card.lastKnown;
  if (!known || !isChinaDate(known.expiry) || !isChinaDate(today)) {
    return { ...base, badge: '待查询', badgeKind: 'default', daysText: '到期日未知', expiryText: '', balanceText: '', location: '', dataText: '', suspendedText: '', urgent: false, warning: '', reminderHint: reminderHintOf(card) };
  }
  const graceDays = isCarrierId(card.carrier) ? GRACE_DAYS[card.carrier] : undefined;
  const soonDays = Math.max(7, card.remindDaysBefore ?? 0);
  const state = expiryState(known.expiry, today, { soonDays, graceDays });
  const suspended = known.suspended === true;
  const badge = suspended ? SUSPENDED_BADGE : EXPIRY_BADGES[state.status];
  return {
    ...base,
    badge: badge.text,
    badgeKind: badge.kind,
    daysText: state.label,
    expiryText: `到期 ${formatChinaDate(known.expiry)}`,
    balanceText: isMoney(known.balance) ? `余额 ${formatMoney(known.balance)}` : '',
    location: locationText(known.location),
    dataText: card.cardType === 'data' && typeof known.dataLeftMb === 'number' ? `剩余流量 ${formatDataMb(known.dataLeftMb)}` : '',
    suspendedText: suspended ? suspendedLine(card) : '',
    urgent: suspended || state.status !== 'active',
    warning: card.cardType === 'keep' ? keepWarning(deadlineOf(card, today)) : '',
    reminderHint: reminderHintOf(card),
  };
}

function reminderHintOf(card: BoundCard): string {
  const channel = card.calendar || card.calendarAddedFor || card.subscription || card.subscribed;
  return card.cardType === 'keep' && card.remindDaysBefore !== null && !channel ? '还没有设置到期提醒：点这里添加到手机日历或订阅微信提醒' : '';
}

function deadlineOf(card: BoundCard, today: ChinaDate): KeepDeadline | null {
  const found = keepDeadline(card, { today, zeroBalanceSince: card.zeroBalanceSince ? { [card.phone]: card.zeroBalanceSince } : undefined });
  return found.ok ? found.value : null;
}

/**
 * Keep-number cards exist only to keep the number, so missing the renewal loses the
 * number itself: they are warned from 7 days before their deadline, and more urgently
 * once expired (30 days before the number may be recycled, the words say so).
 */
function keepWarning(d: KeepDeadline | null): string {
  if (!d || d.validUntil === null || d.actBy === null) return '';
  const date = formatChinaDate(d.validUntil);
  const left = d.daysLeft ?? 0;
  if (d.status === 'due_soon' && d.reason !== 'zero_balance_window') {
    return left === 0 ? `保号套餐今天（${date}）到期，请今天续费，以免停机后号码被回收` : `保号套餐 ${date} 到期，还剩 ${left} 天，请在到期前续费，以免号码被回收`;
  }
  if (d.status === 'due_soon') return `余额归零后的保留期还剩 ${left} 天，请在 ${formatChinaDate(d.actBy)} 前充值，以免停号`;
  if (d.status === 'lapsed') {
    return left <= RECYCLE_WARNING_DAYS
      ? `号码还有 ${left} 天就会被回收，请立即续费保号套餐，或到营业厅办理`
      : `保号套餐已过期 ${daysBetween(d.validUntil, d.actBy) - left} 天，号码已停机；再过 ${left} 天不续费，号码将被回收，请尽快续费`;
  }
  if (d.status === 'maybe_lost') return '号码可能已被运营商回收，请尽快拨打客服电话或到营业厅确认';
  return '';
}

/**
 * 已欠费 ¥12.30 停机，充值 ¥13 以上可恢复: the line comes back when the balance is at zero
 * or more, so the smallest whole amount that clears the debt is named.
 */
function suspendedLine(card: BoundCard): string {
  const balance = card.lastKnown?.balance;
  const hotline = isCarrierId(card.carrier) ? CARRIERS[card.carrier].hotline : '';
  if (!isMoney(balance) || balance.amount >= 0) return `已停机，请充值，或拨打 ${hotline} 问清停机原因`;
  const owed = money(-balance.amount, balance.currency);
  const clears = money(Math.ceil(owed.amount / 100) * 100, balance.currency);
  return `已欠费 ${formatMoney(owed)} 停机，充值 ${formatMoney(clears).replace(/\.00$/, '')} 以上可恢复`;
}

function deadlinesOf(cards: BoundCard[], today: ChinaDate): { card: BoundCard; deadline: KeepDeadline | null }[] {
  return cards.map((card) => ({ card, deadline: deadlineOf(card, today) }));
}

const rankOf = (deadline: KeepDeadline | null): number => (deadline === null ? 2 : deadline.status === 'unknown' ? 1 : 0);

/**
 * The cards in the order of what needs doing: expired or suspended first, then by days
 * left; cards never looked up keep their bound order, last.
 */
export function byUrgency(cards: BoundCard[], today: ChinaDate): BoundCard[] {
  if (!isChinaDate(today)) return cards.slice();
  return deadlinesOf(cards, today)
    .map((entry, index) => ({ ...entry, index }))
    .sort((a, b) => rankOf(a.deadline) - rankOf(b.deadline) || (rankOf(a.deadline) === 0 ? compareUrgency(a.deadline as KeepDeadline, b.deadline as KeepDeadline) : 0) || a.index - b.index)
    .map((entry) => entry.card);
}

export interface UrgentNotice {
  phone: string;
  /** 138****8000 还有 2 天到期 · 去续费 */
  text: string;
}

function noticeText(deadline: KeepDeadline, who: string): string {
  const days = deadline.daysLeft ?? 0;
  if (deadline.status === 'suspended') {
    return deadline.debt.amount > 0 ? `${who} 已停机，欠费 ${formatMoney(deadline.debt)} · 去充值` : `${who} 已停机 · 去续费`;
  }
  if (deadline.status === 'lapsed' && deadline.lastDayToSave) {
    return `${who} 已过期，${formatChinaDate(deadline.lastDayToSave)}前续费才能保住号码 · 去续费`;
  }
  if (deadline.reason === 'zero_balance_window') return `${who} ${days === 0 ? '今天' : `${days} 天内`}须充值，否则停号 · 去充值`;
  return `${who} ${days === 0 ? '今天到期' : `还有 ${days} 天到期`} · 去续费`;
}

/**
 * The notice bar's one line: the most urgent card that can be renewed now (suspended,
 * lapsed but still savable, or due within 7 days). A number that may be recycled is
 * left to its tile (paying before checking could pay for someone else's number).
 */
export function urgentNotice(cards: BoundCard[], today: ChinaDate): UrgentNotice | null {
  if (!isChinaDate(today)) return null;
  const due = deadlinesOf(cards, today)
    .filter((entry): entry is { card: BoundCard; deadline: KeepDeadline } => entry.deadline !== null && ['suspended', 'lapsed', 'due_soon'].includes(entry.deadline.status))
    .sort((a, b) => compareUrgency(a.deadline, b.deadline))[0];
  if (!due) return null;
  const who = due.card.nickname ? `${due.card.nickname} ${maskPhone(due.card.phone)}` : maskPhone(due.card.phone);
  return { phone: due.card.phone, text: noticeText(due.deadline, who) };
}
