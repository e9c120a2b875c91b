/**
 * What the card summary shows for a CardProfile: pure display strings, so the component
 * only binds them. Expiry status comes from core/dates; amounts from core/money.
 */
import type { CardProfile, ChinaDate } from '../../core/types';
import { CARRIERS, isCarrierId } from '../../core/carriers';
import { GRACE_DAYS } from '../../core/catalog';
import { expiryState, formatChinaDate, isChinaDate } from '../../core/dates';
import { formatMoney, isMoney } from '../../core/money';
import { maskPhone } from '../../core/phone';
import { CARD_TYPE_LABELS, EXPIRY_BADGES, SUSPENDED_BADGE, type BadgeKind } from '../../view/labels';
import { formatDataMb } from '../../view/format';
import { locationLine } from '../../view/location';

/** Vant tag types. */
export type TagType = BadgeKind;

export interface CardSummaryView {
  carrier: string;
  /** 归属地 with the carrier: 广东 深圳 · 中国移动, 菲律宾 · Smart, 归属地未知 · 中国联通. */
  place: string;
  carrierColor: string;
  typeLabel: string;
  masked: string;
  planName: string;
  balance: string;
  /** True when the balance is below zero (欠费), to colour it. */
  owing: boolean;
  /** 剩余流量, or 流量 for a plan without data (its value then says 不含流量). */
  dataLabel: string;
  dataLeft: string;
  expiry: string;
  /** 剩余 12 天 / 今天到期 / 已过期 3 天. */
  daysLabel: string;
  statusText: string;
  tagType: TagType;
}

export function cardSummaryView(card: CardProfile | null | undefined, today: ChinaDate): CardSummaryView | null {
  if (!card || typeof card !== 'object' || !isCarrierId(card.carrier)) return null;
  const carrier = CARRIERS[card.carrier];
  const validExpiry = isChinaDate(card.expiry) && isChinaDate(today);
  const state = validExpiry ? expiryState(card.expiry, today, { graceDays: GRACE_DAYS[card.carrier] }) : null;
  const suspended = card.suspended === true;
  return {
    carrier: carrier.name,
    place: locationLine(card.location, card.carrier),
    carrierColor: carrier.color,
    typeLabel: CARD_TYPE_LABELS[card.cardType] ?? '',
    masked: maskPhone(card.phone),
    planName: typeof card.planName === 'string' ? card.planName : '',
    balance: isMoney(card.balance) ? formatMoney(card.balance) : '—',
    owing: isMoney(card.balance) && card.balance.amount < 0,
    dataLabel: typeof card.dataLeftMb === 'number' ? '剩余流量' : '流量',
    dataLeft: formatDataMb(card.dataLeftMb),
    expiry: validExpiry ? formatChinaDate(card.expiry) : '未知',
    daysLabel: state ? state.label : '',
    statusText: suspended ? SUSPENDED_BADGE.text : state ? EXPIRY_BADGES[state.status].text : '状态未知',
    tagType: suspended ? SUSPENDED_BADGE.kind : state ? EXPIRY_BADGES[state.status].kind : 'default',
  };
}
