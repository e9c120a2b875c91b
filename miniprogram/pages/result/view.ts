/**
 * What the result page says about an order, by its state. Honest about money: a paid
 * order the carrier has not credited yet is "processing", not success; an answer that
 * never came is "unknown — do not pay again".
 */
import type { Order, OrderState } from '../../core/types';
import { carrierName } from '../../core/carriers';
import { formatChinaDate } from '../../core/dates';
import { formatMoney, isMoney } from '../../core/money';
import { isUnsettled } from '../../core/order';
import { maskPhone } from '../../core/phone';
import { formatDataMb } from '../../view/format';

export type ResultKind = 'success' | 'processing' | 'cancelled' | 'failed' | 'refunded' | 'unknown';

export interface ResultLine {
  label: string;
  value: string;
}

export interface ResultView {
  kind: ResultKind;
  /** Vant icon name. */
  icon: string;
  title: string;
  subtitle: string;
  /** 款项将原路退回 and the like; '' when no money is on its way back. */
  refundNote: string;
  lines: ResultLine[];
  /** The outcome may still change: offer 刷新结果. */
  canRefresh: boolean;
}

const KIND_OF: Record<OrderState, ResultKind> = {
  created: 'unknown',
  awaiting_payment: 'unknown',
  unknown: 'unknown',
  paid: 'processing',
  succeeded: 'success',
  cancelled: 'cancelled',
  pay_failed: 'failed',
  topup_failed: 'failed',
  refunding: 'failed',
  refunded: 'refunded',
};

const ICONS: Record<ResultKind, string> = {
  success: 'checked',
  processing: 'clock',
  cancelled: 'info',
  failed: 'clear',
  refunded: 'passed',
  unknown: 'question',
};

function headline(order: Order): { title: string; subtitle: string; refundNote: string } {
  const reason = order.failureReason ? `原因：${order.failureReason}` : '';
  switch (order.state) {
    case 'succeeded':
      return { title: '充值成功', subtitle: `${carrierName(order.carrier)} ${maskPhone(order.phone)} 已到账`, refundNote: '' };
    case 'paid':
      return { title: '已支付，运营商处理中', subtitle: '款项已支付，运营商正在为号码充值，通常几分钟内到账，请勿重复支付', refundNote: '' };
    case 'cancelled':
      return { title: '已取消支付', subtitle: '你取消了支付，没有扣款', refundNote: '' };
    case 'pay_failed':
      return { title: '支付失败', subtitle: reason || '支付没有成功，没有扣款', refundNote: '' };
    case 'topup_failed':
    case 'refunding':
      return { title: '充值失败', subtitle: reason || '运营商没能为号码充值', refundNote: '款项将原路退回，一般 1–3 个工作日到账' };
    case 'refunded':
      return { title: '已退款', subtitle: reason || '运营商没能为号码充值', refundNote: '款项已原路退回' };
    default:
      return { title: '支付结果待确认 — 请勿重复支付', subtitle: '暂时没有收到支付结果，可能已经扣款。请点「刷新结果」查询，确认前不要再次付款', refundNote: '' };
  }
}

export function resultView(order: Order): ResultView {
  const kind = KIND_OF[order.state] ?? 'unknown';
  const lines: ResultLine[] = [
    { label: '充值号码', value: maskPhone(order.phone) },
    { label: '套餐', value: order.product?.title ?? '—' },
    { label: '实付金额', value: isMoney(order.payable) ? formatMoney(order.payable) : '—' },
    { label: '订单号', value: order.id },
  ];
  if (order.state === 'succeeded' && order.after) {
    lines.push({ label: '当前余额', value: isMoney(order.after.balance) ? formatMoney(order.after.balance) : '—' });
    lines.push({ label: '剩余流量', value: formatDataMb(order.after.dataLeftMb) });
    lines.push({ label: '新到期日', value: formatChinaDate(order.after.expiry) });
  } else if (order.state === 'succeeded' || order.state === 'paid') {
    lines.push({ label: '预计到期日', value: formatChinaDate(order.newExpiry) });
  }
  return { kind, icon: ICONS[kind], ...headline(order), lines, canRefresh: isUnsettled(order.state) };
}
