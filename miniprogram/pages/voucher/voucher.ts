/**
 * The voucher (凭证) of one order: the one builder behind the voucher page, the text a
 * user copies for customer service and the saved picture. Every field in Chinese, in a
 * fixed order. Total: an order read from damaged storage gets '—' or a neutral word in
 * the broken field, never a crash.
 */
import type { Order, OrderState } from '../../core/types';
import { carrierName } from '../../core/carriers';
import { PROMOTIONS } from '../../core/catalog';
import { rateLine, yuanCharged } from '../../core/charge';
import { formatChinaDate, formatDateTime, isChinaDate } from '../../core/dates';
import { formatMoney, isMoney } from '../../core/money';
import { isUnsettled, renewsCard, wasCharged } from '../../core/order';
import { formatFullPhone, maskPhone } from '../../core/phone';
import { PRODUCT_KIND_LABELS, stateLabel, stateTag, type TagType } from '../../view/labels';
import { locationText } from '../../view/location';

export interface VoucherLine {
  key: string;
  label: string;
  value: string;
}

export interface VoucherView {
  id: string;
  title: string;
  /** The amount in the head: the yuan taken, or the order's amount when nothing was. */
  paid: string;
  /** Under the amount when it was not (or not yet, or no longer) taken: 未扣款, 已原路退回. */
  paidNote: string;
  state: string;
  tag: TagType;
  phoneMasked: string;
  phoneFull: string;
  lines: VoucherLine[];
  /** Shown when the outcome was settled afterwards by reconciliation. */
  reconciledNote: string;
  /**
   * 再次充值 / 重新支付 only once no money can still be moving: while an order may be paid,
   * credited or refunded, the voucher offers 刷新结果 instead (walk 2).
   */
  canBuyAgain: boolean;
  buyAgainText: string;
  canRefresh: boolean;
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

function eventOf(order: Order, state: OrderState) {
  return Array.isArray(order.history) ? order.history.find((e) => e && e.state === state) : undefined;
}

/**
 * 支付时间 is when WeChat Pay answered; a payment settled afterwards only has the time of
 * the check, so it is labelled that (walk 10): never a later day shown as the payment's.
 */
function paidLine(order: Order): VoucherLine {
  const event = eventOf(order, 'paid');
  const checked = !!event && typeof event.note === 'string' && event.note.startsWith('核对');
  return { key: 'paidAt', label: checked ? '核对扣款时间' : '支付时间', value: event ? formatDateTime(event.at) : DASH };
}

/** The amount lines: what was taken (yuan), or the order's amount marked as not taken. */
function amountLines(order: Order): VoucherLine[] {
  const charged = yuanCharged(order);
  const amount = formatMoney(charged ?? order.payable);
  const lines: VoucherLine[] = [];
  if (wasCharged(order.state)) lines.push({ key: 'payable', label: '实付金额', value: amount });
  else lines.push({ key: 'payable', label: '订单金额', value: `${amount}（${order.state === 'unknown' || order.state === 'awaiting_payment' ? '扣款待确认' : '未扣款'}）` });
  if (charged && order.fx && isMoney(order.payable) && order.payable.currency !== 'CNY') {
    lines.push({ key: 'faceValue', label: '面值', value: formatMoney(order.payable) });
    lines.push({ key: 'rate', label: '汇率', value: rateLine(order.fx) });
  }
  return lines;
}

function dateText(date: string | undefined): string {
  return date && isChinaDate(date) ? formatChinaDate(date) : DASH;
}

function newExpiryText(order: Order): string {
  // An order that can no longer renew the card changed nothing (walk 11).
  if (!renewsCard(order.state)) return `${DASH}（未续费，到期日不变）`;
  if (order.product?.kind === 'data' && !order.after) return '不变（流量包不延长号码有效期）';
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
    { key: 'via', label: '下单方式', value: order.autoTopup ? '自动充值（微信支付委托代扣）' : '手动' },
    paidLine(order),
    // 广东 深圳 · 中国移动: the place the lookup answered when the order was placed.
    { key: 'carrier', label: '归属地', value: `${locationText(order.location)} · ${carrierName(order.carrier)}` },
    { key: 'product', label: '套餐', value: productText(order) },
    { key: 'original', label: '原价', value: formatMoney(order.original) },
    { key: 'discount', label: '优惠', value: discountText(order) },
  ];
  if (Array.isArray(order.promotions) && order.promotions.length) lines.push({ key: 'promotions', label: '优惠活动', value: promotionTitles(order.promotions) });
  lines.push(
    ...amountLines(order),
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

function paidNote(order: Order): string {
  if (order.state === 'refunded') return '已原路退回';
  if (order.state === 'refunding' || order.state === 'topup_failed') return '退款中';
  if (wasCharged(order.state)) return '';
  return order.state === 'unknown' || order.state === 'awaiting_payment' ? '扣款待确认' : '未扣款';
}

export function voucherView(order: Order): VoucherView {
  const settled = !isUnsettled(order.state);
  return {
    id: order.id || DASH,
    title: `${carrierName(order.carrier)} ${order.product?.title ?? ''}`.trim(),
    paid: formatMoney(yuanCharged(order) ?? order.payable),
    paidNote: paidNote(order),
    canBuyAgain: settled,
    buyAgainText: order.state === 'cancelled' || order.state === 'pay_failed' ? '重新支付' : '再次充值',
    canRefresh: !settled,
    state: stateLabel(order.state),
    tag: stateTag(order.state),
    phoneMasked: order.phone ? maskPhone(order.phone) : DASH,
    phoneFull: order.phone ? formatFullPhone(order.phone) : DASH,
    lines: voucherLines(order),
    reconciledNote: order.reconciled ? '这笔订单的结果是事后向微信支付和运营商核对确认的（当时没有收到实时结果），以上状态为核对后的结果。' : '',
  };
}
