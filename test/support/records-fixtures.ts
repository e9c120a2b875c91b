/**
 * Orders for record-store tests, built by hand so the store's tests do not depend on
 * core/order.ts (the page tests build theirs through the core). Shapes follow a real
 * renewal: id CR + China time + 6 digits, a WeChat-style transaction id, a full history.
 */
import type { Order, OrderState } from '../../miniprogram/core/types';

const CHINA_OFFSET_MS = 8 * 3600 * 1000;

/** 'CR' + yyyyMMddHHmmss (China time) + 6 digits, as core's newOrderId writes it. */
export function orderIdAt(ms: number, serial: number): string {
  const t = new Date(ms + CHINA_OFFSET_MS).toISOString();
  const stamp = t.slice(0, 19).replace(/[-T:]/g, '');
  return `CR${stamp}${String(serial % 1_000_000).padStart(6, '0')}`;
}

const PATHS: Record<OrderState, OrderState[]> = {
  created: ['created'],
  awaiting_payment: ['created', 'awaiting_payment'],
  paid: ['created', 'awaiting_payment', 'paid'],
  cancelled: ['created', 'awaiting_payment', 'cancelled'],
  pay_failed: ['created', 'awaiting_payment', 'pay_failed'],
  unknown: ['created', 'awaiting_payment', 'unknown'],
  succeeded: ['created', 'awaiting_payment', 'paid', 'succeeded'],
  topup_failed: ['created', 'awaiting_payment', 'paid', 'topup_failed'],
  refunding: ['created', 'awaiting_payment', 'paid', 'topup_failed', 'refunding'],
  refunded: ['created', 'awaiting_payment', 'paid', 'topup_failed', 'refunding', 'refunded'],
};

export interface OrderSpec {
  at?: number;
  serial?: number;
  state?: OrderState;
  phone?: string;
  kind?: Order['product']['kind'];
  amountFen?: number;
  discountFen?: number;
  region?: 'CN' | 'PH';
}

/** A complete, valid order; every field varies with the spec so round trips are tested for real. */
export function makeOrder(spec: OrderSpec = {}): Order {
  const at = spec.at ?? Date.parse('2026-11-25T10:00:00+08:00');
  const serial = spec.serial ?? 123456;
  const state = spec.state ?? 'succeeded';
  const region = spec.region ?? 'CN';
  const currency = region === 'CN' ? 'CNY' : 'PHP';
  const kind = spec.kind ?? 'recharge';
  const price = spec.amountFen ?? 5000;
  const discount = Math.min(spec.discountFen ?? 0, price - 1);
  const path = PATHS[state];
  const history = path.map((s, i) => ({ state: s, at: at + i * 1500, ...(s === 'paid' ? { note: '微信支付成功' } : {}) }));
  const charged = path.includes('paid');
  const order: Order = {
    id: orderIdAt(at, serial),
    idempotencyKey: `ik-${at.toString(36)}-${serial.toString(36)}`,
    createdAt: at,
    updatedAt: history[history.length - 1].at,
    state,
    history,
    phone: spec.phone ?? (region === 'CN' ? '13800138000' : '09171234567'),
    region,
    carrier: region === 'CN' ? 'cmcc' : 'smart',
    cardType: 'phone',
    product: {
      id: `${region === 'CN' ? 'cmcc' : 'smart'}-${kind}-${price}`,
      kind,
      title: kind === 'recharge' ? `充值 ${price / 100} 元` : kind === 'data' ? '10GB 流量月包' : '保号套餐 8 元/月',
      credit: { amount: kind === 'recharge' ? price : 0, currency },
      dataMb: kind === 'data' ? 10240 : 0,
      validityDays: 30,
    },
    original: { amount: price, currency },
    discount: { amount: discount, currency },
    payable: { amount: price - discount, currency },
    promotions: discount ? ['双11 充100减5'] : [],
    bonusDataMb: 0,
    oldExpiry: '2026-12-01',
    newExpiry: '2026-12-31',
  };
  if (charged) order.transactionId = `42000${String(at).slice(-10)}${String(serial).padStart(13, '0')}`;
  if (state === 'pay_failed') order.failureReason = '余额不足';
  if (state === 'succeeded') order.after = { balance: { amount: price + 1234, currency }, dataLeftMb: null, expiry: '2026-12-31' };
  return order;
}
