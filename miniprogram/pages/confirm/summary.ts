/**
 * The confirm page's checks and display lines. The query names a number and a product;
 * both are re-validated here and the price is quoted again by core, never read from
 * the link.
 */
import type { CardProfile, Product, Quote } from '../../core/types';
import { CARRIERS } from '../../core/carriers';
import { productById, productsFor } from '../../core/catalog';
import { formatChinaDate } from '../../core/dates';
import { formatMoney } from '../../core/money';
import { parsePhone } from '../../core/phone';
import { CARD_TYPE_LABELS } from '../../view/labels';
import { formatDataMb } from '../../view/format';

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
  typeLabel: string;
  payable: string;
  lines: SummaryLine[];
}

export function confirmView(card: CardProfile, q: Quote): ConfirmView {
  const lines: SummaryLine[] = [
    { label: '套餐', value: q.product.title },
    { label: '原价', value: formatMoney(q.original) },
  ];
  if (q.discount.amount > 0) lines.push({ label: '优惠', value: `-${formatMoney(q.discount)}（${q.applied[0]?.title ?? '优惠'}）` });
  if (q.bonusDataMb > 0) lines.push({ label: '赠送流量', value: formatDataMb(q.bonusDataMb) });
  if (q.extraDays > 0) lines.push({ label: '加送有效期', value: `${q.extraDays} 天` });
  lines.push({ label: '当前到期日', value: formatChinaDate(q.oldExpiry) });
  lines.push({ label: '续费后到期日', value: formatChinaDate(q.newExpiry) });
  lines.push({ label: '实付金额', value: formatMoney(q.payable) });
  return {
    carrier: CARRIERS[card.carrier].name,
    typeLabel: CARD_TYPE_LABELS[card.cardType] ?? '',
    payable: formatMoney(q.payable),
    lines,
  };
}
