/**
 * Real orders for the records and voucher page tests, made the way the app makes them:
 * a catalog product, core's quote, createOrder, then transitions through the states.
 */
import type { CarrierId, NumberLocation, Order, OrderState, ProductKind, Region } from '../../miniprogram/core/types';
import { productsFor } from '../../miniprogram/core/catalog';
import { chinaToday } from '../../miniprogram/core/dates';
import { createOrder, newIdempotencyKey, newOrderId, transition } from '../../miniprogram/core/order';
import { quote } from '../../miniprogram/core/pricing';

/** The legal moves from created to each state, in order. */
export const STATE_PATHS: Record<OrderState, OrderState[]> = {
  created: [],
  awaiting_payment: ['awaiting_payment'],
  paid: ['awaiting_payment', 'paid'],
  cancelled: ['awaiting_payment', 'cancelled'],
  pay_failed: ['awaiting_payment', 'pay_failed'],
  unknown: ['awaiting_payment', 'unknown'],
  succeeded: ['awaiting_payment', 'paid', 'succeeded'],
  topup_failed: ['awaiting_payment', 'paid', 'topup_failed'],
  refunding: ['awaiting_payment', 'paid', 'topup_failed', 'refunding'],
  refunded: ['awaiting_payment', 'paid', 'topup_failed', 'refunding', 'refunded'],
};

/** The order walked through legal moves to `state`, one second apart from `t0`. */
export function walkTo(order: Order, state: OrderState, t0: number): Order {
  let walked = order;
  STATE_PATHS[state].forEach((next, i) => {
    const moved = transition(walked, next, t0 + (i + 1) * 1000);
    if (!moved.ok) throw new Error(moved.message);
    walked = moved.value;
  });
  return walked;
}

export interface RealOrderSpec {
  at: number | string;
  state?: OrderState;
  phone?: string;
  carrier?: CarrierId;
  kind?: ProductKind;
  /** Which product of that kind (0 = the first in the catalog). */
  pick?: number;
  /** Feeds the order number's 6 random digits. */
  serial?: number;
  reconciled?: boolean;
  /** The 归属地 the lookup answered (absent: an order placed before orders kept it). */
  location?: NumberLocation | null;
}

export function realOrder(spec: RealOrderSpec): Order {
  const at = typeof spec.at === 'number' ? spec.at : Date.parse(spec.at);
  const carrier = spec.carrier ?? 'cmcc';
  const region: Region = carrier === 'smart' ? 'PH' : 'CN';
  const phone = spec.phone ?? (region === 'CN' ? '13800138000' : '09171234567');
  const products = productsFor(carrier).filter((p) => p.kind === (spec.kind ?? 'recharge'));
  const product = products[(spec.pick ?? 0) % products.length];
  const card = { phone, region, carrier, cardType: 'phone' as const, expiry: '2026-12-01', ...(spec.location !== undefined ? { location: spec.location } : {}) };
  const priced = quote(product, card, chinaToday(at));
  const serial = spec.serial ?? 1;
  const digits = () => ((serial * 7919) % 1_000_000) / 1_000_000;
  let order = createOrder({ id: newOrderId(at, digits), idempotencyKey: newIdempotencyKey(() => 0.5), now: at, card, quote: priced });
  const steps = STATE_PATHS[spec.state ?? 'succeeded'];
  steps.forEach((state, i) => {
    const patch: Partial<Order> = {};
    if (state === 'paid') patch.transactionId = `4200000${String(at).slice(-9)}${String(serial).padStart(8, '0')}`;
    if (state === 'pay_failed') patch.failureReason = '零钱余额不足';
    if (state === 'topup_failed') patch.failureReason = '运营商系统繁忙，充值未到账';
    if (state === 'succeeded') {
      patch.after = { balance: { amount: product.credit.amount + 1200, currency: priced.payable.currency }, dataLeftMb: null, expiry: priced.newExpiry };
      if (spec.reconciled) patch.reconciled = true;
    }
    const next = transition(order, state, at + (i + 1) * 2000, patch);
    if (!next.ok) throw new Error(next.message);
    order = next.value;
  });
  return order;
}
