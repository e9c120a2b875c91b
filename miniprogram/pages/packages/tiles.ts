/**
 * The packages page's display data: one tab per product kind, one tile per product,
 * each priced by core's quote() on today's promotions, and the line shown for the
 * selected product. Pure: the card, the products and today come in.
 */
import type { CardProfile, ChinaDate, Product, ProductKind, Promotion, Quote } from '../../core/types';
import { PROMOTIONS, activePromotions } from '../../core/catalog';
import { formatChinaDate } from '../../core/dates';
import { formatMoneyCompact } from '../../core/money';
import { quote } from '../../core/pricing';
import { formatDataMb } from '../../view/format';

export const KIND_TITLES: Record<ProductKind, string> = { recharge: '话费充值', data: '流量包', keep: '保号套餐' };

export interface Tile {
  id: string;
  /** Recharges: the face value (¥50); packs: the title. */
  name: string;
  description: string;
  /** What is paid, after the promotion. */
  price: string;
  /** The list price, struck through when a promotion lowers it; '' otherwise. */
  original: string;
  /** A short line for bonus data / extra days / the promotion, or ''. */
  perk: string;
  recommended: boolean;
}

export interface ProductTab {
  kind: ProductKind;
  title: string;
  tiles: Tile[];
}

export interface Selection {
  title: string;
  price: string;
  original: string;
  /** 到期日将延长至 2026年12月25日. */
  expiryLine: string;
  perks: string;
}

function perkText(q: Quote): string {
  const parts: string[] = [];
  if (q.bonusDataMb > 0) parts.push(`加赠 ${formatDataMb(q.bonusDataMb)}`);
  if (q.extraDays > 0) parts.push(`加送 ${q.extraDays} 天`);
  if (parts.length === 0 && q.discount.amount > 0 && q.applied.length) parts.push(q.applied[0].title);
  return parts.join(' · ');
}

export function tileOf(product: Product, q: Quote, recommended: boolean): Tile {
  return {
    id: product.id,
    name: product.kind === 'recharge' ? formatMoneyCompact(product.credit) : product.title,
    description: product.description,
    price: formatMoneyCompact(q.payable),
    original: q.discount.amount > 0 ? formatMoneyCompact(q.original) : '',
    perk: perkText(q),
    recommended,
  };
}

/** Tabs in the order the catalog lists kinds for this card type; empty kinds are left out. */
export function productTabs(products: Product[], quotes: Map<string, Quote>, recommendedId: string | null): ProductTab[] {
  const tabs: ProductTab[] = [];
  for (const product of products) {
    const q = quotes.get(product.id);
    if (!q) continue;
    let tab = tabs.find((t) => t.kind === product.kind);
    if (!tab) {
      tab = { kind: product.kind, title: KIND_TITLES[product.kind], tiles: [] };
      tabs.push(tab);
    }
    tab.tiles.push(tileOf(product, q, product.id === recommendedId));
  }
  return tabs;
}

export function quotesFor(products: Product[], card: CardProfile, today: ChinaDate): Map<string, Quote> {
  const quotes = new Map<string, Quote>();
  for (const product of products) quotes.set(product.id, quote(product, card, today));
  return quotes;
}

export function selectionOf(q: Quote): Selection {
  const extras: string[] = [];
  if (q.product.dataMb > 0) extras.push(`流量 ${formatDataMb(q.product.dataMb)}`);
  if (q.bonusDataMb > 0) extras.push(`加赠 ${formatDataMb(q.bonusDataMb)}`);
  if (q.extraDays > 0) extras.push(`加送有效期 ${q.extraDays} 天`);
  for (const promo of q.applied) if (!extras.includes(promo.title)) extras.push(promo.title);
  return {
    title: q.product.title,
    price: formatMoneyCompact(q.payable),
    original: q.discount.amount > 0 ? formatMoneyCompact(q.original) : '',
    expiryLine: q.newExpiry === q.oldExpiry ? '到期日不变' : `到期日将延长至 ${formatChinaDate(q.newExpiry)}`,
    perks: extras.join(' · '),
  };
}

/** Today's promotions for this carrier, one line for the notice bar ('' when none). */
export function promotionLine(card: CardProfile, today: ChinaDate, all: Promotion[] = PROMOTIONS): string {
  const titles = activePromotions(today, all)
    .filter((p) => p.carriers === 'all' || p.carriers.includes(card.carrier))
    .map((p) => p.title);
  return titles.length ? `限时优惠：${titles.join('；')}` : '';
}
