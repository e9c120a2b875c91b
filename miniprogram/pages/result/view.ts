/**
 * What the result page says about an order, by its state. Honest about money: a paid
 * order the carrier has not credited yet is "processing", not success; an answer that
 * never came is "unknown — do not pay again"; an order that took nothing says so next to
 * its amount; a top-up that left the line in debt is not a plain success.
 */
import type { Order, OrderState } from '../../core/types';
import { carrierName } from '../../core/carriers';
import { rateLine, yuanCharged } from '../../core/charge';
import { formatChinaDate } from '../../core/dates';
import { formatMoney, formatMoneyCompact, isMoney, money } from '../../core/money';
import { isUnsettled } from '../../core/order';
import { maskPhone } from '../../core/phone';
import { debtAfter } from '../../core/pricing';
import { formatDataMb } from '../../view/format';

export type ResultKind = 'success' | 'processing' | 'cancelled' | 'failed' | 'refunded' | 'unknown' | 'owing';

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
  /** 订单号 and 微信支付单号: read out to customer service, so shown whole, never cut. */
  ids: ResultLine[];
  /** The outcome may still change: offer 刷新结果. */
  canRefresh: boolean;
  /** Nothing was charged: offer 重新支付 (a fresh order), with what to do differently. */
  canRetry: boolean;
  retryHint: string;
  /** The card is still cut off after this top-up: offer to pay the rest of the debt. */
  owing: boolean;
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
  owing: 'warning',
};

const REFUND_CLAUSE = /[，,。]?\s*款项(将|已)原路退回[。]?/g;

/** What to do about a failed payment: 零钱余额不足 — 换一种支付方式. */
function retryHintOf(order: Order): string {
  if (order.state === 'cancelled') return '你取消了支付，没有扣款。核对号码和套餐无误后，可以重新支付';
  const reason = order.failureReason || '支付没有成功';
  return /余额不足/.test(reason) ? `${reason} — 换一种支付方式（如银行卡）后重新支付` : `${reason} — 没有扣款，可以重新支付`;
}

function headline(order: Order): { title: string; subtitle: string; refundNote: string } {
  // The reason a carrier gives may promise the refund itself: the note below says it once.
  const reason = order.failureReason ? `原因：${order.failureReason.replace(REFUND_CLAUSE, '')}` : '';
  switch (order.state) {
    case 'succeeded': {
      const done = order.product?.kind === 'keep' ? '保号套餐已办理' : '已到账';
      return { title: '充值成功', subtitle: `${carrierName(order.carrier)} ${maskPhone(order.phone)} ${done}`, refundNote: '' };
    }
    case 'paid':
      return { title: '已支付，运营商处理中', subtitle: '款项已支付，运营商正在为号码充值，通常几分钟内到账，请勿重复支付', refundNote: '' };
    case 'cancelled':
      return { title: '已取消支付', subtitle: '你取消了支付，没有扣款', refundNote: '' };
    case 'pay_failed':
      return { title: '支付失败', subtitle: reason ? `${reason}，没有扣款` : '支付没有成功，没有扣款', refundNote: '' };
    case 'topup_failed':
    case 'refunding':
      return { title: '充值失败', subtitle: reason || '运营商没能为号码充值', refundNote: '款项将原路退回，一般 1–3 个工作日到账' };
    case 'refunded':
      return { title: '已退款', subtitle: reason || '运营商没能为号码充值', refundNote: '款项已原路退回' };
    default:
      return { title: '支付结果待确认 — 请勿重复支付', subtitle: '暂时没有收到支付结果，可能已经扣款。请点「刷新结果」查询，确认前不要再次付款', refundNote: '' };
  }
}

/** The amount line: what was really taken, or the order's amount marked as not (yet) taken. */
function amountLines(order: Order): ResultLine[] {
  const charged = yuanCharged(order);
  const shown = charged ?? (isMoney(order.payable) ? order.payable : null);
  const amount = shown ? formatMoney(shown) : '—';
  const lines: ResultLine[] = [];
  switch (order.state) {
    case 'cancelled':
    case 'pay_failed':
      lines.push({ label: '订单金额', value: `${amount}（未扣款）` });
      break;
    case 'created':
    case 'awaiting_payment':
    case 'unknown':
      lines.push({ label: '订单金额', value: `${amount}（扣款待确认）` });
      break;
    case 'refunded':
      lines.push({ label: '实付金额', value: `${amount}（已原路退回）` });
      break;
    case 'topup_failed':
    case 'refunding':
      lines.push({ label: '实付金额', value: `${amount}（退款中）` });
      break;
    default:
      lines.push({ label: '实付金额', value: amount });
  }
  if (charged && order.fx && isMoney(order.payable) && order.payable.currency !== 'CNY') {
    lines.push({ label: '面值', value: formatMoney(order.payable) });
    lines.push({ label: '汇率', value: rateLine(order.fx) });
  }
  return lines;
}

/** The rest of the debt after this top-up, or null when the line is restored (or owed nothing). */
function debtLeft(order: Order): { balance: string; minimum: string } | null {
  const balance = order.state === 'succeeded' ? order.after?.balance : undefined;
  if (!isMoney(balance)) return null;
  const left = debtAfter({ balance }, { credit: money(0, balance.currency) });
  return left ? { balance: formatMoney(left.balance), minimum: formatMoneyCompact(left.minimum) } : null;
}

export function resultView(order: Order): ResultView {
  const debt = debtLeft(order);
  const kind = debt ? 'owing' : KIND_OF[order.state] ?? 'unknown';
  const lines: ResultLine[] = [
    { label: '充值号码', value: maskPhone(order.phone) },
    { label: '套餐', value: order.product?.title ?? '—' },
    ...amountLines(order),
  ];
  if (order.state === 'succeeded' && order.after) {
    lines.push({ label: '当前余额', value: isMoney(order.after.balance) ? formatMoney(order.after.balance) : '—' });
    lines.push({ label: '剩余流量', value: formatDataMb(order.after.dataLeftMb) });
    lines.push({ label: order.product?.kind === 'data' ? '号码到期日' : '新到期日', value: formatChinaDate(order.after.expiry) });
  } else if ((order.state === 'succeeded' || order.state === 'paid') && order.product?.kind !== 'data') {
    lines.push({ label: '预计到期日', value: formatChinaDate(order.newExpiry) });
  }
  const ids: ResultLine[] = [{ label: '订单号', value: order.id }];
  if (order.transactionId) ids.push({ label: '微信支付单号', value: order.transactionId });
  const canRetry = order.state === 'cancelled' || order.state === 'pay_failed';
  const words = headline(order);
  const head = debt
    ? { title: '已到账，号码仍欠费停机', subtitle: `充值后余额 ${debt.balance}，至少再充 ${debt.minimum} 才能复机`, refundNote: '' }
    : words;
  return {
    kind,
    icon: ICONS[kind],
    ...head,
    lines,
    ids,
    canRefresh: isUnsettled(order.state),
    canRetry,
    retryHint: canRetry ? retryHintOf(order) : '',
    owing: debt !== null,
  };
}
