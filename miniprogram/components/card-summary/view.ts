/**
 * What the card summary shows for a CardProfile: pure display strings, so the component
 * only binds them. Expiry status comes from core/dates; amounts from core/money.
 */
import type { CardProfile, ChinaDate } from '../../core/types';
import { CARRIERS, isCarrierId } from '../../core/carriers';
import { GRACE_DAYS } from '../../core/catalog';
import { expiryState, formatChinaDate, isChinaDate, type ExpiryStatus } from '../../core/dates';
import { formatMoney, isMoney } from '../../core/money';
import { maskPhone } from '../../core/phone';
import { CARD_TYPE_LABELS } from '../../view/card-tile';

/** Vant tag types. */
export type TagType = 'success' | 'warning' | 'danger' | 'default';

export interface CardSummaryView {
  carrier: string;
  carrierColor: string;
  typeLabel: string;
  masked: string;
  planName: string;
  balance: string;
  /** True when the balance is below zero (欠费), to colour it. */
  owing: boolean;
  dataLeft: string;
  expiry: string;
  /** 剩余 12 天 / 今天到期 / 已过期 3 天. */
  daysLabel: string;
  statusText: string;
  tagType: TagType;
}

const STATUS_TEXT: Record<ExpiryStatus, string> = { active: '正常', expiring: '即将到期', expired: '已过期', recycle_risk: '有回收风险' };
const STATUS_TAG: Record<ExpiryStatus, TagType> = { active: 'success', expiring: 'warning', expired: 'danger', recycle_risk: 'danger' };

const MB_PER_GB = 1024;

/** 512MB, 1.5GB, 20GB: one decimal at most, whole figures without one. */
export function formatDataMb(mb: number | null): string {
  if (mb === null || typeof mb !== 'number' || !Number.isFinite(mb)) return '不含流量';
  const whole = Math.max(0, Math.floor(mb));
  if (whole < MB_PER_GB) return `${whole}MB`;
  const tenths = Math.floor((whole * 10) / MB_PER_GB);
  return tenths % 10 === 0 ? `${tenths / 10}GB` : `${Math.floor(tenths / 10)}.${tenths % 10}GB`;
}

export function cardSummaryView(card: CardProfile | null | undefined, today: ChinaDate): CardSummaryView | null {
  if (!card || typeof card !== 'object' || !isCarrierId(card.carrier)) return null;
  const carrier = CARRIERS[card.carrier];
  const validExpiry = isChinaDate(card.expiry) && isChinaDate(today);
  const state = validExpiry ? expiryState(card.expiry, today, { graceDays: GRACE_DAYS[card.carrier] }) : null;
  const suspended = card.suspended === true;
  return {
    carrier: carrier.name,
    carrierColor: carrier.color,
    typeLabel: CARD_TYPE_LABELS[card.cardType] ?? '',
    masked: maskPhone(card.phone),
    planName: typeof card.planName === 'string' ? card.planName : '',
    balance: isMoney(card.balance) ? formatMoney(card.balance) : '—',
    owing: isMoney(card.balance) && card.balance.amount < 0,
    dataLeft: formatDataMb(card.dataLeftMb),
    expiry: validExpiry ? formatChinaDate(card.expiry) : '未知',
    daysLabel: state ? state.label : '',
    statusText: suspended ? '已停机' : state ? STATUS_TEXT[state.status] : '状态未知',
    tagType: suspended ? 'danger' : state ? STATUS_TAG[state.status] : 'default',
  };
}
