/**
 * The voucher (凭证) of one order: the one builder behind the voucher page, the text a
 * user copies for customer service and the saved picture. Every field in Chinese, in a
 * fixed order. Total: an order read from damaged storage gets '—' or a neutral word in
 * the broken field, never a crash.
 */
import type { Order, OrderState } from '../../core/types';
import { carrierName } from '../../core/carriers';
import { PROMOTIONS } from '../../core/catalog';
import { formatChinaDate, formatDateTime, isChinaDate } from '../../core/dates';
import { formatMoney, isMoney } from '../../core/money';
import { formatFullPhone, maskPhone } from '../../core/phone';
import { PRODUCT_KIND_LABELS, stateLabel, stateTag, type TagType } from '../../view/labels';

export interface VoucherLine {
  key: string;
  label: string;
  value: string;
}

export interface VoucherView {
  id: string;
  title: string;
  paid: string;
  state: string;
  tag: TagType;
  phoneMasked: string;
  phoneFull: string;
  lines: VoucherLine[];
  /** Shown when the outcome was settled afterwards by reconciliation. */
  reconciledNote: string;
}

const DASH = '—';

const PAID_STATES: readonly OrderState[] = ['paid', 'succeeded', 'topup_failed', 'refunding', 'refunded'];

function paymentOutcome(order: Order): string {
  if (PAID_STATES.includes(order.state)) return '支付成功';
  if (order.state === 'pay_failed') return order.failureReason ? `支付失败（${order.failureReason}）` : '支付失败';
  if (order.state === 'cancelled') return '已取消，未扣款';
  if (order.state === 'unknown') return '结果待确认：正在向微信支付核对，核对前请勿重复支付';
  return '未完成支付';
}

function eventTime(order: Order, state: OrderState): string {
  const event = Array.isArray(order.history) ? order.history.find((e) => e && e.state === state) : undefined;
  return event ? formatDateTime(event.at) : DASH;
}

function dateText(date: string | undefined): string {
  return date && isChinaDate(date) ? formatChinaDate(date) : DASH;
}

function newExpiryText(order: Order): string {
  const expiry = order.after?.expiry ?? order.newExpiry;
  if (!expiry) return '未记录';
  const text = dateText(expiry);
  return order.state === 'succeeded' || order.after || text === DASH ? text : `${text}（预计，充值成功后生效）`;
}

function promotionTitles(ids: string[]): string {
  return ids.map((id) => PROMOTIONS.find((p) => p.id === id)?.title ?? id).join('、');
}

function productText(order: Order): string {
  const title = order.product?.title || DASH;
  const kind = order.product ? PRODUCT_KIND_LABELS[order.product.kind] : undefined;
  return kind ? `${title}（${kind}）` : title;
}

function discountText(order: Order): string {
  return isMoney(order.discount) && order.discount.amount > 0 ? `-${formatMoney(order.discount)}` : '无';
}

/** The order's fields after its number and phone, one line each. */
export function voucherLines(order: Order): VoucherLine[] {
  const lines: VoucherLine[] = [
    { key: 'created', label: '下单时间', value: formatDateTime(order.createdAt) },
    { key: 'paidAt', label: '支付时间', value: eventTime(order, 'paid') },
    { key: 'carrier', label: '运营商', value: carrierName(order.carrier) },
    { key: 'product', label: '套餐', value: productText(order) },
    { key: 'original', label: '原价', value: formatMoney(order.original) },
    { key: 'discount', label: '优惠', value: discountText(order) },
  ];
  if (Array.isArray(order.promotions) && order.promotions.length) lines.push({ key: 'promotions', label: '优惠活动', value: promotionTitles(order.promotions) });
  lines.push(
    { key: 'payable', label: '实付金额', value: formatMoney(order.payable) },
    { key: 'outcome', label: '支付结果', value: paymentOutcome(order) },
    { key: 'transaction', label: '微信支付单号', value: order.transactionId || DASH },
    { key: 'state', label: '充值状态', value: stateLabel(order.state) },
    { key: 'oldExpiry', label: '原到期日', value: order.oldExpiry ? dateText(order.oldExpiry) : '未记录' },
    { key: 'newExpiry', label: '新到期日', value: newExpiryText(order) },
  );
  if (order.bonusDataMb > 0) lines.push({ key: 'bonus', label: '赠送流量', value: `${order.bonusDataMb}MB` });
  if (order.after && isMoney(order.after.balance)) lines.push({ key: 'balance', label: '充值后余额', value: formatMoney(order.after.balance) });
  if (order.failureReason && order.state !== 'pay_failed') lines.push({ key: 'failure', label: '失败原因', value: order.failureReason });
  return lines;
}

/**
 * The voucher as text for a picture or customer service: order number and the masked
 * number first, then every field. The full number stays on the phone (the page can
 * reveal it); a picture may be forwarded.
 */
export function voucherText(order: Order): VoucherLine[] {
  return [
    { key: 'id', label: '订单号', value: order.id || DASH },
    { key: 'phone', label: '充值号码', value: order.phone ? maskPhone(order.phone) : DASH },
    ...voucherLines(order),
  ];
}

export function voucherView(order: Order): VoucherView {
  return {
    id: order.id || DASH,
    title: `${carrierName(order.carrier)} ${order.product?.title ?? ''}`.trim(),
    paid: formatMoney(order.payable),
    state: stateLabel(order.state),
    tag: stateTag(order.state),
    phoneMasked: order.phone ? maskPhone(order.phone) : DASH,
    phoneFull: order.phone ? formatFullPhone(order.phone) : DASH,
    lines: voucherLines(order),
    reconciledNote: order.reconciled ? '这笔订单的结果是事后向微信支付和运营商核对确认的（当时没有收到实时结果），以上状态为核对后的结果。' : '',
  };
}
