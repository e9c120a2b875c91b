/**
 * The option 充值 suggests once a card is looked up: what to buy, what it costs as
 * WeChat Pay charges it (yuan; a Smart load with its peso face value), and the expiry it
 * gives. Pure: the card, today, the rate and the time come in.
 *
 * Which option: core's recommend(), the same rule the packages page uses to preselect
 * and mark 推荐, so the suggestion here is the tile the user finds chosen on the next
 * page. Its rules answer what this card needs now rather than what sells: a suspended
 * line the smallest recharge that clears its debt, a keep-number card about to lapse its
 * cheapest keep plan, a data card running dry a data pack, otherwise the amount most
 * people top up (¥50, ₱100).
 */
import type { CardProfile, ChinaDate } from '../../core/types';
import { productsFor } from '../../core/catalog';
import { chargeFor, priceWords, type RateQuote } from '../../core/charge';
import { formatChinaDate, isChinaDate } from '../../core/dates';
import { quote, recommend } from '../../core/pricing';

export interface RecommendedOption {
  productId: string;
  title: string;
  /** What is paid, in yuan: ¥50.00, ¥12.35; a peso load's face value while no rate converts it. */
  price: string;
  /** A peso load: 面值 ₱100.00 · ₱1 ≈ ¥0.1235（10:05 报价）; '' for yuan. */
  detail: string;
  /** 续费后到期日 2027年7月8日, or what a data pack does instead. */
  expiry: string;
  reason: string;
}

export function recommendedOption(card: CardProfile | null | undefined, today: ChinaDate, rate: RateQuote | null, now: number): RecommendedOption | null {
  if (!card || !isChinaDate(card.expiry) || !isChinaDate(today)) return null;
  const products = productsFor(card.carrier, card.cardType);
  const pick = recommend(card, products, today);
  const product = pick ? products.find((p) => p.id === pick.productId) : undefined;
  if (!pick || !product) return null;
  const q = quote(product, card, today);
  const charge = chargeFor(q.payable, rate, now);
  const words = priceWords(q.payable, charge.ok ? charge.value : null);
  let expiry: string;
  if (product.kind === 'data') expiry = `号码到期日不变（${formatChinaDate(q.oldExpiry)}）`;
  else expiry = q.newExpiry === q.oldExpiry ? '到期日不变' : `续费后到期日 ${formatChinaDate(q.newExpiry)}`;
  return {
    productId: product.id,
    title: product.title,
    // Without a usable rate a peso price is shown as its face value, and says the yuan comes next.
    price: charge.ok || q.payable.currency === 'CNY' ? words.main : `面值 ${words.main}`,
    detail: words.detail,
    expiry,
    reason: pick.reason,
  };
}
