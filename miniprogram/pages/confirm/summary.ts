/**
 * The confirm page's checks and display lines. The query names a number and a product;
 * both are re-validated here and the price is quoted again by core, never read from
 * the link. What is paid is shown as WeChat Pay charges it: yuan, with a peso price's
 * face value and rate beside it.
 */
import type { CardProfile, Product, Quote } from '../../core/types';
import type { Charge } from '../../core/charge';
import { CARRIERS } from '../../core/carriers';
import { GRACE_DAYS, productById, productsFor } from '../../core/catalog';
import { expiryState, formatChinaDate, isChinaDate } from '../../core/dates';
import { formatMoney } from '../../core/money';
import { parsePhone } from '../../core/phone';
import { debtWarning } from '../../core/pricing';
import { rateLine } from '../../core/charge';
import { CARD_TYPE_LABELS } from '../../view/labels';
import { formatDataMb } from '../../view/format';
import { locationLine } from '../../view/location';
import { scamBrief } from '../../view/scam-words';

export const DUPLICATE_WARNING = '该号码 10 分钟内已充值过相同套餐，请确认不是重复充值';

export interface ConfirmRequest {
  phone: string;
  product: Product;
}

/** The number and product a link asks to pay for, or the Chinese reason it cannot be used. */
export function readConfirmQuery(query: Record<string, string>): { ok: true; value: ConfirmRequest } | { ok: false; message: string } {
  const phone = parsePhone(query.phone ?? '');
  if (!phone.ok) return { ok: false, message: '链接中的手机号无效，请返回重新输入号码' };
  const product = productById(query.productId ?? '');
  if (!product) return { ok: false, message: '没有找到要购买的套餐，请返回重新选择' };
  if (query.amount !== undefined && query.amount !== '' && String(product.credit.amount) !== query.amount) {
    return { ok: false, message: '充值金额与套餐不一致，请返回重新选择金额' };
  }
  return { ok: true, value: { phone: phone.value.national, product } };
}

/** Whether the product is sold for this card (its carrier, and a kind its card type is offered). */
export function productFitsCard(product: Product, card: CardProfile): boolean {
  if (product.carrier !== card.carrier) return false;
  const offered = productsFor(card.carrier, card.cardType);
  return offered.some((p) => p.id === product.id) || (product.kind === 'recharge' && offered.some((p) => p.kind === 'recharge'));
}

export interface SummaryLine {
  label: string;
  value: string;
}

export interface ConfirmView {
  carrier: string;
  /** 归属地 with the carrier, under the number to check: 广东 深圳 · 中国移动. */
  place: string;
  typeLabel: string;
  /** What the pay button charges: yuan. */
  payable: string;
  lines: SummaryLine[];
  /** The line stays cut off after this purchase, or ''. */
  debtNote: string;
  /** The 慢充 / stranger top-up warning, short: the last thing read before paying. */
  scam: { title: string; lead: string; act: string };
}

/** 2026年11月22日（已过期 3 天）: the current expiry says when it has passed already. */
function currentExpiry(card: CardProfile, q: Quote, today: string): string {
  const date = formatChinaDate(q.oldExpiry);
  if (!isChinaDate(q.oldExpiry) || !isChinaDate(today)) return date;
  const state = expiryState(q.oldExpiry, today, { graceDays: GRACE_DAYS[card.carrier] });
  return state.daysLeft < 0 ? `${date}（已过期 ${-state.daysLeft} 天）` : date;
}

export function confirmView(card: CardProfile, q: Quote, charge: Charge | null, today = ''): ConfirmView {
  const lines: SummaryLine[] = [{ label: '套餐', value: q.product.title }];
  // A second price only when something lowers it.
  if (q.discount.amount > 0) {
    lines.push({ label: '原价', value: formatMoney(q.original) });
    lines.push({ label: '优惠', value: `-${formatMoney(q.discount)}（${q.applied[0]?.title ?? '优惠'}）` });
  }
  if (q.bonusDataMb > 0) lines.push({ label: '赠送流量', value: formatDataMb(q.bonusDataMb) });
  if (q.extraDays > 0) lines.push({ label: '加送有效期', value: `${q.extraDays} 天` });
  lines.push({ label: '当前到期日', value: currentExpiry(card, q, today) });
  if (q.product.kind === 'data') {
    if (q.product.dataDays) lines.push({ label: '流量有效期', value: `${q.product.dataDays} 天` });
    lines.push({ label: '号码到期日', value: '不变（流量包不延长号码有效期）' });
  } else {
    lines.push({ label: '续费后到期日', value: formatChinaDate(q.newExpiry) });
  }
  const fx = charge?.fx ?? null;
  if (fx) {
    lines.push({ label: '面值', value: formatMoney(q.payable) });
    lines.push({ label: '汇率', value: rateLine(fx) });
  }
  const paid = charge ? formatMoney(charge.charged) : formatMoney(q.payable);
  lines.push({ label: '实付金额', value: paid });
  return {
    carrier: CARRIERS[card.carrier].name,
    place: locationLine(card.location, card.carrier),
    typeLabel: CARD_TYPE_LABELS[card.cardType] ?? '',
    payable: paid,
    lines,
    debtNote: debtWarning(card, q.product),
    scam: scamBrief(card.carrier),
  };
}
