/**
 * Which product is selected when the packages page shows a card (first answer, refresh,
 * back from a renewal): the user's earlier choice if it still applies to the card as it
 * is now, else the one the link asked for, else the recommendation. Pure.
 */
import type { CardProfile, ChinaDate, Product, Quote } from '../../core/types';
import { productById } from '../../core/catalog';
import { quote } from '../../core/pricing';

export interface Shelf {
  card: CardProfile;
  /** This card's products and their quotes for today, by product id. */
  products: Product[];
  quotes: Map<string, Quote>;
  today: ChinaDate;
}

/** The same product quoted again for the card as it is now (a refresh keeps the user's choice). */
export function keptQuote(product: Product, shelf: Shelf): Quote | null {
  const listed = shelf.quotes.get(product.id);
  if (listed) return listed;
  return product.carrier === shelf.card.carrier && shelf.products.some((p) => p.kind === product.kind) ? quote(product, shelf.card, shelf.today) : null;
}

/** The product a link asked for, if it is this carrier's: a listed one, or a custom recharge amount. */
export function preselectedQuote(productId: string, shelf: Shelf): Quote | null {
  if (!productId) return null;
  const listed = shelf.quotes.get(productId);
  if (listed) return listed;
  const product = productById(productId);
  if (!product || product.carrier !== shelf.card.carrier || product.kind !== 'recharge' || !shelf.products.some((p) => p.kind === 'recharge')) return null;
  return quote(product, shelf.card, shelf.today);
}

/** The selection for a card shown: earlier choice, then the link's, then the recommended product; null for none. */
export function pickOn(shelf: Shelf, previous: Product | null, preselect: string, recommendedId: string | null): Quote | null {
  const kept = previous ? keptQuote(previous, shelf) : null;
  return kept ?? preselectedQuote(preselect, shelf) ?? (recommendedId ? shelf.quotes.get(recommendedId) ?? null : null);
}
