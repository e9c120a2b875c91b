/**
 * The packages page's display data: one tab per product kind, one tile per product,
 * each priced by core's quote() on today's promotions, and the line shown for the
 * selected product. Pure: the card, the products, today and the rate come in.
 *
 * A price is shown as it is paid: in yuan. A Smart load shows its peso face value as the
 * tile's name and the yuan WeChat Pay will charge as its price; a yuan tile shows a
 * second price only when a promotion makes it differ from the face value.
 */
import type { CardProfile, ChinaDate, Money, Product, ProductKind, Promotion, Quote } from '../../core/types';
import { CUSTOM_RECHARGE_BOUNDS, PROMOTIONS, activePromotions } from '../../core/catalog';
import { chargeFor, priceWords, rateLine, type RateQuote } from '../../core/charge';
import { formatChinaDate } from '../../core/dates';
import { formatMoneyCompact, isMoney, money } from '../../core/money';
import { debtWarning, promotionApplies, quote } from '../../core/pricing';
import { formatDataMb } from '../../view/format';

export const KIND_TITLES: Record<ProductKind, string> = { recharge: '话费充值', data: '流量包', keep: '保号套餐' };

export interface Tile {
  id: string;
  /** Recharges: the face value (¥50, ₱100); packs: the title. */
  name: string;
  description: string;
  /** What is paid (in yuan), when it differs from the name; packs always. */
  price: string;
  /** The list price, struck through when a promotion lowers it; '' otherwise. */
  original: string;
  /** A short line for bonus data / extra days / a saving / the promotion, or ''. */
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
  /** What WeChat Pay will charge: yuan. */
  price: string;
  original: string;
  /** For a peso price: 面值 ₱150.00 · ₱1 ≈ ¥0.1235（10:05 报价）. */
  faceValue: string;
  /** 到期日将延长至 2026年12月25日, or what a data pack does instead. */
  expiryLine: string;
  perks: string;
  /** The line stays cut off after this purchase: say so, with what would restore it. */
  debtNote: string;
}

/** An amount as it is paid: in yuan at this rate; as it is when no usable rate converts it. */
function asPaid(amount: Money, rate: RateQuote | null, now: number): Money {
  const charge = chargeFor(amount, rate, now);
  return charge.ok ? charge.value.charged : amount;
}

/**
 * What a 12-month keep plan saves against the cheapest monthly plan bought 12 times, at
 * the price quoted (promotions included); null for any other product or no saving.
 */
export function yearlySaving(q: Quote, products: Product[]): Money | null {
  const product = q?.product;
  if (!product || product.kind !== 'keep' || product.validityDays < 360 || !isMoney(q.payable)) return null;
  let monthly: Product | undefined;
  for (const p of Array.isArray(products) ? products : []) {
    const fits = p && p.kind === 'keep' && p.carrier === product.carrier && p.validityDays > 0 && p.validityDays <= 31 && isMoney(p.price) && p.price.currency === q.payable.currency;
    if (fits && (!monthly || p.price.amount < monthly.price.amount)) monthly = p;
  }
  if (!monthly) return null;
  const saving = monthly.price.amount * 12 - q.payable.amount;
  return saving > 0 ? money(saving, q.payable.currency) : null;
}

function perkText(q: Quote, products: Product[]): string {
  const parts: string[] = [];
  if (q.bonusDataMb > 0) parts.push(`加赠 ${formatDataMb(q.bonusDataMb)}`);
  if (q.extraDays > 0) parts.push(`加送 ${q.extraDays} 天`);
  const saving = yearlySaving(q, products);
  if (saving) parts.push(`比按月省 ${formatMoneyCompact(saving)}`);
  if (parts.length === 0 && q.discount.amount > 0 && q.applied.length) parts.push(q.applied[0].title);
  return parts.join(' · ');
}

export function tileOf(product: Product, q: Quote, recommended: boolean, products: Product[], rate: RateQuote | null, now: number): Tile {
  const name = product.kind === 'recharge' ? formatMoneyCompact(product.credit) : product.title;
  const price = formatMoneyCompact(asPaid(q.payable, rate, now));
  const discounted = q.discount.amount > 0;
  return {
    id: product.id,
    name,
    description: product.description,
    price: product.kind === 'recharge' && price === name && !discounted ? '' : price,
    original: discounted ? formatMoneyCompact(asPaid(q.original, rate, now)) : '',
    perk: perkText(q, products),
    recommended,
  };
}

/** Tabs in the order the catalog lists kinds for this card type; empty kinds are left out. */
export function productTabs(products: Product[], quotes: Map<string, Quote>, recommendedId: string | null, rate: RateQuote | null = null, now = 0): ProductTab[] {
  const tabs: ProductTab[] = [];
  for (const product of products) {
    const q = quotes.get(product.id);
    if (!q) continue;
    let tab = tabs.find((t) => t.kind === product.kind);
    if (!tab) {
      tab = { kind: product.kind, title: KIND_TITLES[product.kind], tiles: [] };
      tabs.push(tab);
    }
    tab.tiles.push(tileOf(product, q, product.id === recommendedId, products, rate, now));
  }
  return tabs;
}

export function quotesFor(products: Product[], card: CardProfile, today: ChinaDate): Map<string, Quote> {
  const quotes = new Map<string, Quote>();
  for (const product of products) quotes.set(product.id, quote(product, card, today));
  return quotes;
}

function expiryLine(q: Quote): string {
  if (q.product.kind === 'data') {
    const days = q.product.dataDays ? `流量 ${q.product.dataDays} 天有效，` : '';
    return `${days}号码到期日不变（${formatChinaDate(q.oldExpiry)}）`;
  }
  return q.newExpiry === q.oldExpiry ? '到期日不变' : `到期日将延长至 ${formatChinaDate(q.newExpiry)}`;
}

export function selectionOf(q: Quote, card: CardProfile, rate: RateQuote | null = null, now = 0): Selection {
  const extras: string[] = [];
  if (q.product.dataMb > 0) extras.push(`流量 ${formatDataMb(q.product.dataMb)}`);
  if (q.bonusDataMb > 0) extras.push(`加赠 ${formatDataMb(q.bonusDataMb)}`);
  if (q.extraDays > 0) extras.push(`加送有效期 ${q.extraDays} 天`);
  for (const promo of q.applied) if (!extras.includes(promo.title)) extras.push(promo.title);
  const charge = chargeFor(q.payable, rate, now);
  const words = priceWords(q.payable, charge.ok ? charge.value : null);
  return {
    title: q.product.title,
    price: words.main,
    original: q.discount.amount > 0 && q.payable.currency === 'CNY' ? formatMoneyCompact(q.original) : '',
    faceValue: words.detail,
    expiryLine: expiryLine(q),
    perks: extras.join(' · '),
    debtNote: debtWarning(card, q.product),
  };
}

/**
 * Today's promotions that apply to something on this tab, one line for the notice bar
 * ('' when none): a promotion for another kind of product is not shown here.
 */
export function promotionLine(tab: ProductTab | undefined, products: Product[], today: ChinaDate, all: Promotion[] = PROMOTIONS): string {
  if (!tab) return '';
  const shown = products.filter((p) => p.kind === tab.kind);
  const titles = activePromotions(today, all)
    .filter((promo) => shown.some((product) => promotionApplies(promo, product, today)))
    .map((promo) => promo.title);
  return titles.length ? `限时优惠：${titles.join('；')}` : '';
}

/** The placeholder of 其他金额: the whole amounts this carrier accepts. */
export function customHint(card: CardProfile): string {
  const { min, max } = CUSTOM_RECHARGE_BOUNDS[card.carrier];
  return card.carrier === 'smart' ? `₱${min}–₱${max} 的整数` : `${min}–${max} 元的整数`;
}

/** For a peso card: the rate its yuan prices are shown at, or that none is known yet; '' for a yuan card. */
export function rateNote(card: CardProfile, rate: RateQuote | null): string {
  if (card.balance.currency === 'CNY') return '';
  return rate ? `按 ${rateLine(rate)}折合人民币支付` : '暂时没有取到汇率，人民币金额将在下一步确认';
}
