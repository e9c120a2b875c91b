/** What the voucher page computes beyond the voucher itself (view/voucher.ts). */
import type { Order } from '../../core/types';
import { productById } from '../../core/catalog';
import type { Query } from '../../services/contracts';

/** The confirm page's query to buy the same package for the same number again. */
export function renewAgainQuery(order: Order): Query {
  const query: Query = { phone: order.phone, productId: order.product.id };
  // A custom amount is not a catalog product the confirm page could look up by id alone.
  if (!productById(order.product.id) && order.product.kind === 'recharge') query.amount = String(order.product.credit.amount);
  return query;
}
