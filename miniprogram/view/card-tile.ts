/**
 * What the card lists (首页, 我的, card settings) show for a bound card: names, the
 * masked number, days left and a status badge. Pure: today comes in; pages only bind
 * these fields to WXML.
 */
import type { BoundCard, ChinaDate } from '../core/types';
import { CARRIERS, carrierName, isCarrierId } from '../core/carriers';
import { expiryState, formatChinaDate, isChinaDate } from '../core/dates';
import { GRACE_DAYS } from '../core/catalog';
import { formatMoney, isMoney } from '../core/money';
import { maskPhone } from '../core/phone';
import { keepNumberWarning } from '../core/reminders';
import { CARD_TYPE_LABELS, EXPIRY_BADGES, SUSPENDED_BADGE, type BadgeKind } from './labels';

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
  /** Needs attention soon (banner): expiring, expired, recycle risk or suspended. */
  urgent: boolean;
  /** The keep-number warning, or ''. */
  warning: string;
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
    return { ...base, badge: '待查询', badgeKind: 'default', daysText: '到期日未知', expiryText: '', balanceText: '', urgent: false, warning: '' };
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
    urgent: suspended || state.status !== 'active',
    warning: keepNumberWarning(card, known.expiry, today)?.message ?? '',
  };
}

/** One line for the notice bar: which cards need renewing soon, most urgent first. Empty when none. */
export function expiryBanner(cards: BoundCard[], today: ChinaDate): string {
  const urgent = cards
    .map((card) => ({ card, tile: cardTile(card, today) }))
    .filter(({ tile }) => tile.urgent)
    .sort((a, b) => daysLeftOf(a.card, today) - daysLeftOf(b.card, today));
  if (!urgent.length) return '';
  const parts = urgent.map(({ card, tile }) => `${cardTitle(card)} ${tile.masked} ${tile.badge === SUSPENDED_BADGE.text ? SUSPENDED_BADGE.text : tile.daysText}`);
  return `请及时续费：${parts.join('；')}`;
}

function daysLeftOf(card: BoundCard, today: ChinaDate): number {
  const expiry = card.lastKnown?.expiry;
  return expiry && isChinaDate(expiry) ? expiryState(expiry, today).daysLeft : Number.MAX_SAFE_INTEGER;
}
