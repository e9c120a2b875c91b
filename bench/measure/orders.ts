/**
 * Realistic renewal orders for the store figures, made by the core itself (quote,
 * createOrder, transition) so their stored size is what the app really writes: a few
 * numbers of different carriers, the products on sale for them, promotions of the day,
 * a full state history, WeChat-style transaction ids and the card after top-up.
 * Deterministic: the same seed gives the same orders, so sizes repeat run to run.
 */
import { addDays, chinaToday } from '../../miniprogram/core/dates';
import { productsFor } from '../../miniprogram/core/catalog';
import { createOrder, newIdempotencyKey, newOrderId, transition } from '../../miniprogram/core/order';
import { quote } from '../../miniprogram/core/pricing';
import type { CardProfile, Order, OrderState } from '../../miniprogram/core/types';

/** A linear congruential source: deterministic and good enough to vary the data. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 0x100000000;
  };
}

type CardSeed = Pick<CardProfile, 'phone' | 'region' | 'carrier' | 'cardType' | 'location'>;

/** The numbers a typical heavy user renews: own phone, a data card, a keep-number card, a Smart SIM; each with its 归属地 as orders keep it. */
const CARDS: CardSeed[] = [
  { phone: '13800138000', region: 'CN', carrier: 'cmcc', cardType: 'phone', location: { country: 'CN', province: '北京', city: '北京' } },
  { phone: '18612345678', region: 'CN', carrier: 'cucc', cardType: 'data', location: { country: 'CN', province: '广东', city: '深圳' } },
  { phone: '17301234567', region: 'CN', carrier: 'ctcc', cardType: 'keep', location: { country: 'CN', province: '黑龙江', city: '哈尔滨' } },
  { phone: '19212345678', region: 'CN', carrier: 'cbn', cardType: 'phone', location: null },
  { phone: '09171234567', region: 'PH', carrier: 'smart', cardType: 'phone', location: { country: 'PH', province: '', city: '' } },
];

/** How renewals end in practice: mostly success, some cancelled or failed, a few refunded. */
const OUTCOMES: { path: OrderState[]; weight: number }[] = [
  { path: ['awaiting_payment', 'paid', 'succeeded'], weight: 86 },
  { path: ['awaiting_payment', 'cancelled'], weight: 6 },
  { path: ['awaiting_payment', 'pay_failed'], weight: 3 },
  { path: ['awaiting_payment', 'paid', 'topup_failed', 'refunding', 'refunded'], weight: 3 },
  { path: ['awaiting_payment', 'unknown', 'paid', 'succeeded'], weight: 2 },
];

/**
 * The history notes and reasons services/checkout.ts (with the mock payment and gateway)
 * writes at each step, so stored orders are as large as real ones. Kept in step by hand:
 * if checkout's wording grows, these figures should follow.
 */
const NOTES: Partial<Record<OrderState, string>> = {
  awaiting_payment: '已提交，等待微信支付',
  paid: '微信支付成功',
  succeeded: '运营商已到账',
  cancelled: '用户取消了支付',
  pay_failed: '微信支付失败',
  unknown: '没有收到微信支付的结果',
  topup_failed: '运营商没有受理充值',
  refunding: '已发起原路退款',
  refunded: '款项已原路退回',
};
const RECONCILED_NOTES: Partial<Record<OrderState, string>> = {
  paid: '核对：微信支付已扣款',
  succeeded: '核对：运营商已到账',
};
const PAY_FAILED_REASON = '零钱余额不足';
const TOPUP_FAILED_REASON = '运营商暂时无法为这个号码充值，款项将原路退回';

function pickOutcome(random: () => number): OrderState[] {
  const total = OUTCOMES.reduce((s, o) => s + o.weight, 0);
  let roll = random() * total;
  for (const outcome of OUTCOMES) {
    roll -= outcome.weight;
    if (roll < 0) return outcome.path;
  }
  return OUTCOMES[0].path;
}

function digits(random: () => number, count: number): string {
  let out = '';
  for (let i = 0; i < count; i += 1) out += String(Math.floor(random() * 10));
  return out;
}

/** Moves an order along its outcome path, with the fields and notes each step really adds. */
function settle(order: Order, path: OrderState[], random: () => number): Order {
  const reconciled = path.includes('unknown');
  let current = order;
  let at = order.createdAt;
  for (const to of path) {
    at += 800 + Math.floor(random() * 4000);
    const patch: Partial<Order> = {};
    const settledLater = reconciled && (to === 'paid' || to === 'succeeded');
    if (settledLater) patch.reconciled = true;
    // WeChat Pay's shape: 4200 + 6 digits + the China date + 10 digits.
    if (to === 'paid') patch.transactionId = `4200${digits(random, 6)}${chinaToday(at).replace(/-/g, '')}${digits(random, 10)}`;
    if (to === 'pay_failed') patch.failureReason = PAY_FAILED_REASON;
    if (to === 'topup_failed') patch.failureReason = TOPUP_FAILED_REASON;
    if (to === 'succeeded') {
      const expiry = current.newExpiry;
      patch.after = {
        balance: { amount: current.product.credit.amount + Math.floor(random() * 5000), currency: current.payable.currency },
        dataLeftMb: current.product.dataMb ? current.product.dataMb + current.bonusDataMb + Math.floor(random() * 4096) : null,
        expiry,
      };
      patch.newExpiry = expiry;
    }
    const note = (settledLater ? RECONCILED_NOTES[to] : undefined) ?? NOTES[to];
    const moved = transition(current, to, at, patch, note);
    if (!moved.ok) throw new Error(`bench orders: ${current.state} → ${to} refused: ${moved.message}`);
    current = moved.value;
  }
  return current;
}

export interface OrderStream {
  /** The next order, later than every one before it. */
  next(): Order;
}

/**
 * Orders from `start` on, one every 6–30 hours (about two years per thousand), over
 * the numbers above, each a product on sale for its card that day.
 */
export function orderStream(seed = 7, start = Date.parse('2016-01-01T09:00:00+08:00')): OrderStream {
  const random = seededRandom(seed);
  let now = start;
  const expiries = new Map<string, string>();
  return {
    next(): Order {
      now += (6 + Math.floor(random() * 24)) * 3600 * 1000 + Math.floor(random() * 3600) * 1000;
      const seedCard = CARDS[Math.floor(random() * CARDS.length)];
      const today = chinaToday(now);
      const expiry = expiries.get(seedCard.phone) ?? addDays(today, 10);
      const products = productsFor(seedCard.carrier, seedCard.cardType);
      const product = products[Math.floor(random() * products.length)];
      const q = quote(product, { expiry }, today);
      const card = { ...seedCard, expiry };
      const created = createOrder({ id: newOrderId(now, random), idempotencyKey: newIdempotencyKey(random), now, card, quote: q });
      const order = settle(created, pickOutcome(random), random);
      if (order.state === 'succeeded') expiries.set(seedCard.phone, order.newExpiry);
      return order;
    },
  };
}

export function makeOrders(count: number, seed?: number): Order[] {
  const stream = orderStream(seed);
  return Array.from({ length: count }, () => stream.next());
}
