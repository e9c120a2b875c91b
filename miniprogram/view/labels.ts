/**
 * The one table of the words and tag colours the user sees for each state and kind.
 * Filters, tags, vouchers, tiles and the export all read these; nothing else spells them.
 * The order-state words live in core (core/order.ts ORDER_STATE_LABELS) because the CSV
 * export and the state machine's messages need them too; they are re-exported here.
 */
import type { CardType, OrderState, ProductKind } from '../core/types';
import type { ExpiryStatus } from '../core/dates';

export { ORDER_STATE_LABELS, stateLabel } from '../core/order';

/** Vant tag types; '' is Vant's default (grey) look. */
export type TagType = 'success' | 'warning' | 'danger' | 'primary' | 'default' | '';

/** The tag colour of an order state: green done, orange open, red failed, blue money on the move. */
export const ORDER_STATE_TAGS: Record<OrderState, TagType> = {
  created: 'warning',
  awaiting_payment: 'warning',
  unknown: 'warning',
  paid: 'primary',
  refunding: 'primary',
  succeeded: 'success',
  pay_failed: 'danger',
  topup_failed: 'danger',
  refunded: 'danger',
  // Vant's grey: '' would be Vant's white text with no background, invisible on white (issue 12 item 2).
  cancelled: 'default',
};

export function stateTag(state: OrderState): TagType {
  return Object.prototype.hasOwnProperty.call(ORDER_STATE_TAGS, state) ? ORDER_STATE_TAGS[state] : 'default';
}

export const PRODUCT_KIND_LABELS: Record<ProductKind, string> = { recharge: '话费充值', data: '流量包', keep: '保号套餐' };
export const PRODUCT_KINDS: readonly ProductKind[] = ['recharge', 'data', 'keep'];

export const CARD_TYPE_LABELS: Record<CardType, string> = { data: '流量卡', phone: '手机卡', keep: '保号卡', esim: 'eSIM' };
/** The order card types are offered in (bind, card settings). */
export const CARD_TYPES: readonly CardType[] = ['phone', 'data', 'keep', 'esim'];

/** Badge tag types: success green, warning orange, danger red, default grey. */
export type BadgeKind = 'success' | 'warning' | 'danger' | 'default';

/** A card's expiry status as a badge. 停机 (suspended) outranks any of these. */
export const EXPIRY_BADGES: Record<ExpiryStatus, { text: string; kind: BadgeKind }> = {
  active: { text: '正常', kind: 'success' },
  expiring: { text: '即将到期', kind: 'warning' },
  expired: { text: '已过期', kind: 'danger' },
  recycle_risk: { text: '有回收风险', kind: 'danger' },
};

export const SUSPENDED_BADGE: { text: string; kind: BadgeKind } = { text: '已停机', kind: 'danger' };
