/**
 * The price of one product for one card on one day, and the product to suggest first.
 *
 * Rounding rule: every amount is an integer of minor units (fen, centavo). A percent
 * discount is basisPoints / 10000 of the list price, computed with integer arithmetic
 * and rounded DOWN to a whole minor unit (15 % of ¥0.99 is 14 fen, not 14.85), so the
 * discount charged is exactly the discount shown and never more than the promotion
 * promises. At most one price promotion applies: the one with the largest discount for
 * the customer (on a tie, the one listed first). Bonus data and extra days stack with it
 * and with each other. The payable amount never goes below 1 minor unit: a payment of
 * zero would skip WeChat Pay and with it the record of the purchase.
 */
import { PROMOTIONS, isPromotionActive } from './catalog';
import { DEFAULT_SOON_DAYS, expiryState, isChinaDate, newExpiryAfter } from './dates';
import { formatMoney, formatMoneyCompact, isMoney, money, percentOf } from './money';
import type { CardProfile, ChinaDate, Money, Product, Promotion, Quote } from './types';

const MAX_BASIS_POINTS = 10_000;

/** Whether a promotion covers this product on this day (carrier, kind, product list, window). */
export function promotionApplies(promotion: Promotion, product: Product, today: ChinaDate): boolean {
  if (!isPromotionActive(promotion, today)) return false;
  const carriers = promotion.carriers;
  if (carriers !== 'all' && !(Array.isArray(carriers) && carriers.includes(product.carrier))) return false;
  if (!Array.isArray(promotion.kinds) || !promotion.kinds.includes(product.kind)) return false;
  if (promotion.productIds !== undefined && !(Array.isArray(promotion.productIds) && promotion.productIds.includes(product.id))) return false;
  if (promotion.minCredit !== undefined) {
    const min = promotion.minCredit;
    if (!isMoney(min) || !isMoney(product.credit) || product.credit.currency !== min.currency || product.credit.amount < min.amount) return false;
  }
  return true;
}

/** The discount a price promotion gives on this price (zero when it does not fit), before the 1-unit floor. */
function discountOf(promotion: Promotion, price: Money): number {
  const effect = promotion.effect;
  if (effect.type === 'percent_off') {
    const bp = effect.basisPoints;
    if (!Number.isSafeInteger(bp) || bp <= 0) return 0;
    return percentOf(price, Math.min(bp, MAX_BASIS_POINTS), 'down').amount;
  }
  if (effect.type === 'amount_off') {
    if (!isMoney(effect.amount) || effect.amount.currency !== price.currency || effect.amount.amount <= 0) return 0;
    const minPrice = effect.minPrice;
    if (minPrice !== undefined && (!isMoney(minPrice) || minPrice.currency !== price.currency || price.amount < minPrice.amount)) return 0;
    return effect.amount.amount;
  }
  return 0;
}

/** A positive whole number from promotion data, else 0 (a malformed bonus gives nothing). */
function positiveWhole(value: unknown): number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0 ? value : 0;
}

/**
 * The quote for buying product today for a card. card.expiry and today must be real
 * days (validated where they enter: the gateway answer, the clock); anything else is a
 * programmer error and throws a RangeError from dates.ts. Promotion data that does not
 * fit (wrong currency, malformed numbers, bad windows) is skipped, never fatal.
 */
export function quote(product: Product, card: { expiry: ChinaDate }, today: ChinaDate, promotions: Promotion[] = PROMOTIONS): Quote {
  const price = product.price;
  const candidates = Array.isArray(promotions) ? promotions.filter((p) => p && p.effect && promotionApplies(p, product, today)) : [];

  let best: { promotion: Promotion; amount: number } | null = null;
  for (const promotion of candidates) {
    const amount = discountOf(promotion, price);
    if (amount > 0 && (best === null || amount > best.amount)) best = { promotion, amount };
  }
  const discountAmount = best === null ? 0 : Math.max(0, Math.min(best.amount, price.amount - 1));

  let bonusDataMb = 0;
  let extraDays = 0;
  // On a 1-minor-unit price the floor leaves nothing to discount: the promotion is then not applied.
  const applied: { id: string; title: string }[] = best !== null && discountAmount > 0 ? [{ id: best.promotion.id, title: best.promotion.title }] : [];
  for (const promotion of candidates) {
    const effect = promotion.effect;
    const gain = effect.type === 'bonus_data' ? positiveWhole(effect.dataMb) : effect.type === 'extra_days' ? positiveWhole(effect.days) : 0;
    if (gain === 0) continue;
    if (effect.type === 'bonus_data') bonusDataMb += gain;
    else extraDays += gain;
    applied.push({ id: promotion.id, title: promotion.title });
  }

  const discount = money(discountAmount, price.currency);
  return {
    product,
    original: price,
    discount,
    payable: money(price.amount - discountAmount, price.currency),
    bonusDataMb,
    extraDays,
    applied,
    oldExpiry: card.expiry,
    newExpiry: newExpiryAfter(card.expiry, today, product.validityDays + extraDays),
  };
}

// ---------------------------------------------------------------------------------
// Recommendation
// ---------------------------------------------------------------------------------

/** Below this much data left a data card is offered a pack first. */
export const LOW_DATA_MB = 1024;

/** The recharge most people choose, per currency (in minor units): ¥50 and ₱100. */
const USUAL_RECHARGE: Record<Money['currency'], number> = { CNY: 5_000, PHP: 10_000 };

function cheapest(products: Product[]): Product | undefined {
  return products.reduce<Product | undefined>((best, p) => (best === undefined || p.price.amount < best.price.amount ? p : best), undefined);
}

function byCredit(products: Product[]): Product[] {
  return [...products].sort((a, b) => a.credit.amount - b.credit.amount);
}

/**
 * The product to preselect, and why, in Chinese. First rule that finds a product wins:
 * 1. a suspended line needs money: the smallest recharge covering the debt plus a usual top-up;
 * 2. a keep-number card expiring within 7 days (or expired) needs its cheapest keep plan;
 * 3. a data card with less than 1GB left needs a data pack (the cheapest);
 * 4. an expired card needs a recharge, as in 1;
 * 5. otherwise the usual amount (¥50 / ₱100).
 * Products of other carriers are ignored; null when nothing fits.
 */
export function recommend(card: CardProfile, products: Product[], today: ChinaDate): { productId: string; reason: string } | null {
  if (!card || !Array.isArray(products) || !isChinaDate(today)) return null;
  const own = products.filter((p) => p && p.carrier === card.carrier && isMoney(p.price));
  if (own.length === 0) return null;
  const recharges = byCredit(own.filter((p) => p.kind === 'recharge'));
  const state = isChinaDate(card.expiry) ? expiryState(card.expiry, today, { soonDays: DEFAULT_SOON_DAYS }) : null;
  const expired = state !== null && state.daysLeft < 0;

  const debt = isMoney(card.balance) && card.balance.amount < 0 ? -card.balance.amount : 0;

  if (card.suspended) {
    const pick = rechargeCovering(recharges, debt);
    if (pick) return { productId: pick.id, reason: revivalReason('号码已停机', debt, pick) };
  }

  if (card.cardType === 'keep' && state !== null && (state.status === 'expiring' || expired)) {
    const plan = cheapest(own.filter((p) => p.kind === 'keep'));
    if (plan) {
      const when = expired ? `已过期 ${-state.daysLeft} 天` : state.daysLeft === 0 ? '今天到期' : `还有 ${state.daysLeft} 天到期`;
      return { productId: plan.id, reason: `保号卡${when}，续最便宜的「${plan.title}」即可保住号码` };
    }
  }

  if (card.cardType === 'data' && typeof card.dataLeftMb === 'number' && card.dataLeftMb < LOW_DATA_MB) {
    const pack = cheapest(own.filter((p) => p.kind === 'data'));
    if (pack) return { productId: pack.id, reason: `剩余流量不足 1GB（还剩 ${Math.max(0, Math.floor(card.dataLeftMb))}MB），建议加购「${pack.title}」` };
  }

  if (expired) {
    const pick = rechargeCovering(recharges, debt);
    if (pick) return { productId: pick.id, reason: revivalReason(`号码已过期 ${-state.daysLeft} 天`, debt, pick) };
  }

  const currency = own[0].price.currency;
  const usual = recharges.find((p) => p.credit.amount === USUAL_RECHARGE[currency]) ?? recharges[0];
  if (usual) return { productId: usual.id, reason: `最多人选择的充值金额：${formatMoneyCompact(usual.price)}` };
  const first = own[0];
  return { productId: first.id, reason: `推荐「${first.title}」` };
}

/**
 * With a debt: the smallest recharge that brings the balance above zero (what 复机 needs);
 * without one: the smallest covering a usual top-up. The largest when none does.
 */
function rechargeCovering(recharges: Product[], debt: number): Product | undefined {
  if (recharges.length === 0) return undefined;
  const need = debt > 0 ? debt + 1 : USUAL_RECHARGE[recharges[0].credit.currency];
  return recharges.find((p) => p.credit.amount >= need) ?? recharges[recharges.length - 1];
}

function revivalReason(situation: string, debt: number, pick: Product): string {
  if (debt > 0) {
    const minimum = money(minimumRevival(debt), pick.credit.currency);
    return `${situation}，欠费 ${formatMoney(money(debt, pick.credit.currency))}，至少充 ${formatMoneyCompact(minimum)} 才能复机，充 ${formatMoneyCompact(pick.price)} 可补足欠费`;
  }
  return `${situation}，充值 ${formatMoneyCompact(pick.price)} 即可恢复使用`;
}

/** The smallest whole amount (in minor units) that leaves a positive balance after this debt. */
function minimumRevival(debt: number): number {
  return (Math.floor(debt / 100) + 1) * 100;
}

/**
 * A card in debt stays cut off unless the purchase clears the debt: the balance the
 * purchase leaves and the smallest whole recharge that would restore the line; null when
 * the card owes nothing or the purchase clears it.
 */
export function debtAfter(card: Pick<CardProfile, 'balance'>, product: Pick<Product, 'credit'>): { balance: Money; minimum: Money } | null {
  if (!card || !isMoney(card.balance) || card.balance.amount >= 0) return null;
  const credit = product && isMoney(product.credit) && product.credit.currency === card.balance.currency ? product.credit.amount : 0;
  const after = card.balance.amount + credit;
  if (after > 0) return null;
  return { balance: money(after, card.balance.currency), minimum: money(minimumRevival(-card.balance.amount), card.balance.currency) };
}

/** 充值后余额仍为 -¥2.30，号码仍停机，至少充 ¥13 才能复机. */
export function debtWarning(card: Pick<CardProfile, 'balance' | 'suspended'>, product: Pick<Product, 'credit'>): string {
  const left = debtAfter(card, product);
  if (!left) return '';
  const line = card.suspended ? '号码仍停机' : '号码仍欠费';
  return `充值后余额仍为 ${formatMoney(left.balance)}，${line}，至少充 ${formatMoneyCompact(left.minimum)} 才能复机`;
}
