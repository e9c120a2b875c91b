/**
 * The voucher (凭证) of one order as the voucher page shows it: every field, in Chinese,
 * with the number masked until the user asks to see it.
 */
import type { Order, OrderState } from '../core/types';
import { carrierName } from '../core/carriers';
import { PROMOTIONS, productById } from '../core/catalog';
import { formatChinaDate, formatDateTime } from '../core/dates';
import { formatMoney } from '../core/money';
import { formatPhone, maskPhone } from '../core/phone';
import { stateLabel } from '../core/order';
import type { Query } from '../services/contracts';
import { KIND_LABELS, type TagType } from '../pages/records/view';

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

function paymentOutcome(order: Order): string {
  const paidStates: OrderState[] = ['paid', 'succeeded', 'topup_failed', 'refunding', 'refunded'];
  if (paidStates.includes(order.state)) return '支付成功';
  if (order.state === 'pay_failed') return order.failureReason ? `支付失败（${order.failureReason}）` : '支付失败';
  if (order.state === 'cancelled') return '已取消，未扣款';
  if (order.state === 'unknown') return '结果待确认：正在向微信支付核对，核对前请勿重复支付';
  return '未完成支付';
}

function eventTime(order: Order, state: OrderState): string {
  const event = order.history.find((e) => e.state === state);
  return event ? formatDateTime(event.at) : DASH;
}

function newExpiryText(order: Order): string {
  const expiry = order.after?.expiry ?? order.newExpiry;
  if (!expiry) return '未记录';
  const text = formatChinaDate(expiry);
  return order.state === 'succeeded' || order.after ? text : `${text}（预计，充值成功后生效）`;
}

function promotionTitles(ids: string[]): string {
  return ids.map((id) => PROMOTIONS.find((p) => p.id === id)?.title ?? id).join('、');
}

const TAGS: Partial<Record<OrderState, TagType>> = {
  succeeded: 'success',
  pay_failed: 'danger',
  topup_failed: 'danger',
  refunded: 'danger',
  unknown: 'warning',
  awaiting_payment: 'warning',
  created: 'warning',
  paid: 'primary',
  refunding: 'primary',
};

export function voucherView(order: Order): VoucherView {
  const lines: VoucherLine[] = [
    { key: 'created', label: '下单时间', value: formatDateTime(order.createdAt) },
    { key: 'paidAt', label: '支付时间', value: eventTime(order, 'paid') },
    { key: 'carrier', label: '运营商', value: carrierName(order.carrier) },
    { key: 'product', label: '套餐', value: `${order.product.title}（${KIND_LABELS[order.product.kind] ?? ''}）` },
    { key: 'original', label: '原价', value: formatMoney(order.original) },
    { key: 'discount', label: '优惠', value: order.discount.amount ? `-${formatMoney(order.discount)}` : '无' },
  ];
  if (order.promotions.length) lines.push({ key: 'promotions', label: '优惠活动', value: promotionTitles(order.promotions) });
  lines.push(
    { key: 'payable', label: '实付金额', value: formatMoney(order.payable) },
    { key: 'outcome', label: '支付结果', value: paymentOutcome(order) },
    { key: 'transaction', label: '微信支付单号', value: order.transactionId || DASH },
    { key: 'state', label: '充值状态', value: stateLabel(order.state) },
    { key: 'oldExpiry', label: '原到期日', value: order.oldExpiry ? formatChinaDate(order.oldExpiry) : '未记录' },
    { key: 'newExpiry', label: '新到期日', value: newExpiryText(order) },
  );
  if (order.bonusDataMb > 0) lines.push({ key: 'bonus', label: '赠送流量', value: `${order.bonusDataMb}MB` });
  if (order.after) lines.push({ key: 'balance', label: '充值后余额', value: formatMoney(order.after.balance) });
  if (order.failureReason && order.state !== 'pay_failed') lines.push({ key: 'failure', label: '失败原因', value: order.failureReason });
  return {
    id: order.id,
    title: `${carrierName(order.carrier)} ${order.product.title}`,
    paid: formatMoney(order.payable),
    state: stateLabel(order.state),
    tag: TAGS[order.state] ?? '',
    phoneMasked: maskPhone(order.phone),
    phoneFull: formatPhone(order.phone),
    lines,
    reconciledNote: order.reconciled ? '这笔订单的结果是事后向微信支付和运营商核对确认的（当时没有收到实时结果），以上状态为核对后的结果。' : '',
  };
}

/** The confirm page's query to buy the same package for the same number again. */
export function renewAgainQuery(order: Order): Query {
  const query: Query = { phone: order.phone, productId: order.product.id };
  // A custom amount is not a catalog product the confirm page could look up by id alone.
  if (!productById(order.product.id) && order.product.kind === 'recharge') query.amount = String(order.product.credit.amount);
  return query;
}
