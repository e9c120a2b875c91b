import type { BoundCard, Order, OrderState } from '../../../../miniprogram/core/types';
import { CHECKOUT_MESSAGES, CheckoutService, NOT_STARTED_MESSAGES } from '../../../../miniprogram/pages/confirm/checkout/checkout';
import { PAYEE_NAME } from '../../../../miniprogram/services/contracts';
import { ShardedRecordStore } from '../../../../miniprogram/services/records/store';
import { WxKeyValueStorage } from '../../../../miniprogram/services/wx/storage';
import { FaultyStorage } from '../../../support/records-storage';
import type { PaymentService, RecordStoreError } from '../../../../miniprogram/services/contracts';
import type { MockWeChatPay } from '../../../../miniprogram/backends/offline/wechat-pay';
import {
  ManualSheet,
  backend,
  orderFor,
  relaunch,
  settleMicrotasks,
  storageFake,
  type Backend,
} from '../../../support/checkout-fixtures';

const MINUTE = 60 * 1000;

function states(order: Order): OrderState[] {
  return order.history.map((event) => event.state);
}

function balanceOf(b: Backend, phone: string): number {
  return b.gateway.profileOf(phone)!.balance.amount;
}

/** The payment reaches WeChat Pay, then the app dies before hearing back. */
function killedAfterRequest(pay: MockWeChatPay): PaymentService {
  return {
    requestPayment: (request) => {
      void pay.requestPayment(request);
      return new Promise(() => undefined);
    },
    queryPayment: (orderId) => pay.queryPayment(orderId),
  };
}

/** The record store's update() fails the next `count` times (storage full after payment). */
function failingUpdates(state: { count: number; error: RecordStoreError }) {
  return (records: ShardedRecordStore): ShardedRecordStore => {
    const real = records.update.bind(records);
    records.update = (order) => {
      if (state.count > 0) {
        state.count -= 1;
        return { ok: false, error: state.error, message: 'injected' };
      }
      return real(order);
    };
    return records;
  };
}

function bound(phone: string): BoundCard {
  return { phone, region: 'CN', carrier: 'cmcc', cardType: 'phone', nickname: '主卡', isDefault: true, boundAt: 1, verifiedBy: 'sms', remindDaysBefore: 3 };
}

beforeEach(() => storageFake().clearStorageSync());

describe('pay(): each outcome is recorded', () => {
  test('success: paid, credited by the carrier, succeeded, with the receipt', async () => {
    const b = backend();
    const order = orderFor(b, '13800138000', 'cmcc-recharge-50');
    const result = await b.checkout.pay(order);
    expect(result.outcome).toBe('succeeded');
    expect(result.message).toBe(CHECKOUT_MESSAGES.succeeded);
    expect(states(result.order)).toEqual(['created', 'awaiting_payment', 'paid', 'succeeded']);
    expect(result.order.transactionId).toMatch(/^4200\d{24}$/);
    expect(result.order.after).toEqual({ balance: { amount: 13650, currency: 'CNY' }, dataLeftMb: 12288, expiry: '2027-07-08' });
    expect(result.order.newExpiry).toBe('2027-07-08');
    expect(result.order.reconciled).toBeUndefined();
    expect(b.records.get(order.id)).toEqual(result.order);
    expect(balanceOf(b, '13800138000')).toBe(13650);
    expect(b.pay.chargeCount(order.idempotencyKey)).toBe(1);
  });

  test('a Smart number is charged in yuan at the quoted rate and credited in pesos', async () => {
    const b = backend();
    const sheet = new ManualSheet();
    b.sheet.attach(sheet);
    const running = b.checkout.pay(orderFor(b, '09181234567', 'smart-recharge-100'));
    await settleMicrotasks();
    expect(sheet.shown[0].amount).toEqual({ amount: 1235, currency: 'CNY' });
    expect(sheet.shown[0].description).toBe('Smart 充值 ₱100 · 0918***4567 · 面值 ₱100.00，₱1 ≈ ¥0.1235（10:00 报价）');
    sheet.answer('pay');
    const result = await running;
    expect(result.outcome).toBe('succeeded');
    expect(result.order.payable).toEqual({ amount: 10000, currency: 'PHP' });
    expect(result.order.charged).toEqual({ amount: 1235, currency: 'CNY' });
    expect(result.order.fx).toEqual({ rate: { from: 'PHP', to: 'CNY', fen: 247, centavos: 2000 }, quotedAt: result.order.createdAt });
    expect(result.order.after?.balance).toEqual({ amount: 13500, currency: 'PHP' });
    expect(b.records.get(result.order.id)).toEqual(result.order);
  });

  test('a peso order without a yuan charge never reaches WeChat Pay', async () => {
    const b = backend();
    const { charged: _charged, fx: _fx, ...pesosOnly } = orderFor(b, '09181234567', 'smart-recharge-100');
    const result = await b.checkout.pay(pesosOnly);
    expect(result.outcome).toBe('not_started');
    expect(result.message).toBe(CHECKOUT_MESSAGES.noYuan);
    expect(b.pay.chargeCount()).toBe(0);
    expect(b.records.get(pesosOnly.id)).toBeUndefined();
  });

  test('the order is stored as awaiting_payment before the sheet is shown, with payee and masked number', async () => {
    const b = backend();
    const sheet = new ManualSheet();
    b.sheet.attach(sheet);
    const order = orderFor(b, '13800138000', 'cmcc-recharge-50');
    let storedAtSheet: OrderState | undefined;
    sheet.onPresent = () => {
      storedAtSheet = b.records.get(order.id)?.state;
    };
    const running = b.checkout.pay(order);
    await settleMicrotasks();
    expect(storedAtSheet).toBe('awaiting_payment');
    expect(sheet.shown[0]).toMatchObject({ orderId: order.id, idempotencyKey: order.idempotencyKey, amount: { amount: 5000, currency: 'CNY' }, payee: PAYEE_NAME });
    expect(sheet.shown[0].description).toBe('中国移动 话费充值 50 元 · 138****8000');
    sheet.answer('pay');
    expect((await running).outcome).toBe('succeeded');
  });

  test('cancel: cancelled, nothing charged, the card untouched', async () => {
    const b = backend();
    b.pay.scenario = 'cancel';
    const order = orderFor(b, '13800138000', 'cmcc-recharge-50');
    const result = await b.checkout.pay(order);
    expect(result).toMatchObject({ outcome: 'cancelled', message: CHECKOUT_MESSAGES.cancelled });
    expect(b.records.get(order.id)!.state).toBe('cancelled');
    expect(b.pay.chargeCount()).toBe(0);
    expect(balanceOf(b, '13800138000')).toBe(8650);
  });

  test('failure: pay_failed with the reason in the record and the message', async () => {
    const b = backend();
    b.pay.scenario = 'fail_insufficient';
    const order = orderFor(b, '13800138000', 'cmcc-recharge-50');
    const result = await b.checkout.pay(order);
    expect(result.outcome).toBe('failed');
    expect(result.message).toContain('零钱余额不足');
    expect(b.records.get(order.id)).toMatchObject({ state: 'pay_failed', failureReason: '零钱余额不足' });
    expect(b.pay.chargeCount()).toBe(0);
  });

  test('no answer: unknown, and the message says not to pay again', async () => {
    const b = backend();
    b.pay.scenario = 'no_answer';
    const order = orderFor(b, '13800138000', 'cmcc-recharge-50');
    const result = await b.checkout.pay(order);
    expect(result).toMatchObject({ outcome: 'unknown', message: '支付结果未知，请勿重复支付，我们会自动核对' });
    expect(b.records.get(order.id)!.state).toBe('unknown');
    expect(balanceOf(b, '13800138000')).toBe(8650);
  });

  test('a payment service that throws is treated as no answer', async () => {
    const b = backend({
      wrapPayment: (pay) => ({ requestPayment: () => Promise.reject(new Error('boom')), queryPayment: (id) => pay.queryPayment(id) }),
    });
    const result = await b.checkout.pay(orderFor(b, '13800138000', 'cmcc-recharge-50'));
    expect(result.outcome).toBe('unknown');
  });

  test('carrier refusal after payment: topup_failed → refunding, with the refund message', async () => {
    const b = backend();
    b.gateway.failTopUpFor('next');
    const order = orderFor(b, '13800138000', 'cmcc-recharge-50');
    const result = await b.checkout.pay(order);
    expect(result).toMatchObject({ outcome: 'failed', message: '充值未到账，款项将原路退回' });
    expect(states(result.order)).toEqual(['created', 'awaiting_payment', 'paid', 'topup_failed', 'refunding']);
    expect(result.order.failureReason).toContain('运营商');
    expect(b.records.get(order.id)!.state).toBe('refunding');
    expect(b.pay.chargeCount()).toBe(1);
    expect(balanceOf(b, '13800138000')).toBe(8650);
  });

  test.each(['network', 'timeout'] as const)('a carrier %s after payment leaves the order paid: processing', async (kind) => {
    const b = backend();
    const order = orderFor(b, '13800138000', 'cmcc-recharge-50');
    const sheet = new ManualSheet();
    b.sheet.attach(sheet);
    sheet.onPresent = () => b.gateway.failNext(kind);
    const running = b.checkout.pay(order);
    await settleMicrotasks();
    sheet.answer('pay');
    const result = await running;
    expect(result.outcome).toBe('processing');
    expect(result.message).toContain('已支付，运营商处理中');
    expect(b.records.get(order.id)!.state).toBe('paid');
  });
});

describe('at most one payment', () => {
  test('double tap: two concurrent pay() calls make one charge, one record, one sheet', async () => {
    const b = backend();
    const sheet = new ManualSheet();
    b.sheet.attach(sheet);
    const order = orderFor(b, '13800138000', 'cmcc-recharge-50');
    const first = b.checkout.pay(order);
    const second = b.checkout.pay({ ...order });
    await settleMicrotasks();
    expect(sheet.shown).toHaveLength(1);
    sheet.answer('pay');
    const [a, c] = await Promise.all([first, second]);
    expect(c).toBe(a);
    expect(b.pay.chargeCount()).toBe(1);
    expect(b.records.count()).toBe(1);
    expect(balanceOf(b, '13800138000')).toBe(13650);
  });

  test('a settled key answers from the record store without paying again', async () => {
    const b = backend();
    const order = orderFor(b, '13800138000', 'cmcc-recharge-50');
    const first = await b.checkout.pay(order);
    const host = new ManualSheet();
    b.sheet.attach(host);
    const again = await b.checkout.pay(order);
    expect(again).toEqual(first);
    expect(host.shown).toHaveLength(0);
    expect(b.pay.chargeCount()).toBe(1);
    expect(b.records.count()).toBe(1);
  });

  test('idempotency holds across a relaunch', async () => {
    const b = backend();
    const order = orderFor(b, '13800138000', 'cmcc-recharge-50');
    const first = await b.checkout.pay(order);
    const next = relaunch(b);
    const again = await next.checkout.pay(order);
    expect(again.outcome).toBe('succeeded');
    expect(again.order).toEqual(first.order);
    expect(next.pay.chargeCount()).toBe(1);
    expect(balanceOf(next, '13800138000')).toBe(13650);
  });

  test('a cancelled order stays cancelled when paid again; a new order pays', async () => {
    const b = backend();
    b.pay.scenario = 'cancel';
    const order = orderFor(b, '13800138000', 'cmcc-recharge-50');
    await b.checkout.pay(order);
    b.pay.scenario = 'pay';
    expect((await b.checkout.pay(order)).outcome).toBe('cancelled');
    expect((await b.checkout.pay(orderFor(b, '13800138000', 'cmcc-recharge-50'))).outcome).toBe('succeeded');
    expect(b.pay.chargeCount()).toBe(1);
  });
});

describe('an order number that another order already has', () => {
  test('the second order is not shown the first one\'s result: it is stored under its own number and paid', async () => {
    const b = backend();
    const first = orderFor(b, '13800138000', 'cmcc-recharge-50');
    expect((await b.checkout.pay(first)).outcome).toBe('succeeded');
    // Never stored, never paid, but the same number (same second, same six digits).
    const second = { ...orderFor(b, '13900139000', 'cmcc-recharge-100'), id: first.id };
    const result = await b.checkout.pay(second);
    expect(result.outcome).toBe('succeeded');
    expect(result.order.id).not.toBe(first.id);
    expect(result.order.idempotencyKey).toBe(second.idempotencyKey);
    expect(result.order.phone).toBe('13900139000');
    expect(b.records.get(first.id)).toMatchObject({ phone: '13800138000', idempotencyKey: first.idempotencyKey });
    expect(b.records.get(result.order.id)).toMatchObject({ phone: '13900139000', state: 'succeeded' });
    expect(b.pay.chargeCount(first.idempotencyKey)).toBe(1);
    expect(b.pay.chargeCount(second.idempotencyKey)).toBe(1);
    // Paying the second order again, also after a relaunch, finds its own record: no new charge.
    expect(await b.checkout.pay(second)).toEqual(result);
    const next = relaunch(b);
    expect((await next.checkout.pay(second)).order.id).toBe(result.order.id);
    expect(next.pay.chargeCount()).toBe(2);
    expect(next.records.count()).toBe(2);
  });

  test('randomized: colliding numbers, any outcome, relaunches — every key one record and at most one charge, its own result', async () => {
    let seed = 99;
    const random = () => {
      seed = (seed * 1664525 + 1013904223) >>> 0;
      return seed / 0x100000000;
    };
    const scenarios = ['pay', 'cancel', 'fail_insufficient', 'no_answer'] as const;
    const tally = { trials: 0, collisions: 0, ownResult: 0 };
    for (let trial = 0; trial < 60; trial += 1) {
      storageFake().clearStorageSync();
      let b = backend();
      const orders: Order[] = [];
      for (let i = 0; i < 4; i += 1) {
        // A key of its own (the fixture's random source restarts on each relaunch).
        const fresh = { ...orderFor(b, i % 2 ? '13900139000' : '13800138000', 'cmcc-recharge-50'), idempotencyKey: `key-${trial}-${i}` };
        // Most orders reuse a number already used by an earlier one.
        const order = orders.length && random() < 0.7 ? { ...fresh, id: orders[Math.floor(random() * orders.length)].id } : fresh;
        b.pay.scenario = scenarios[Math.floor(random() * scenarios.length)];
        if (orders.some((o) => o.id === order.id)) tally.collisions += 1;
        const result = await b.checkout.pay(order);
        orders.push(order);
        // The result is this order's own: its key, its number or one derived from its key.
        expect(result.order.idempotencyKey).toBe(order.idempotencyKey);
        if (result.outcome !== 'not_started') tally.ownResult += 1;
        if (random() < 0.3) b = relaunch(b);
      }
      await b.checkout.reconcile();
      const stored = b.records.all();
      expect(new Set(stored.map((o) => o.id)).size).toBe(stored.length);
      for (const order of orders) {
        expect(stored.filter((o) => o.idempotencyKey === order.idempotencyKey)).toHaveLength(1);
        expect(b.pay.chargeCount(order.idempotencyKey)).toBeLessThanOrEqual(1);
      }
      tally.trials += 1;
    }
    console.log(`same number, another key: ${JSON.stringify(tally)}`);
    expect(tally.collisions).toBeGreaterThan(60);
  });
});

describe('the order must be written before any payment', () => {
  test.each([
    ['exceed storage max size 10MB', '存储空间已满'],
    ['exceed storage item max length', '过大'],
    ['system error', '写入失败'],
  ])('a write failing with "%s": not_started, no sheet, no charge, no record', async (wxError, words) => {
    const b = backend();
    const sheet = new ManualSheet();
    b.sheet.attach(sheet);
    const order = orderFor(b, '13800138000', 'cmcc-recharge-50');
    storageFake().failNextWrites(1, `setStorageSync:fail ${wxError}`);
    const result = await b.checkout.pay(order);
    expect(result.outcome).toBe('not_started');
    expect(result.message).toContain(words);
    expect(result.message).toContain('没有扣款');
    expect(result.message).toContain('清理记录或手机存储后重试');
    expect(result.order.state).toBe('created');
    expect(sheet.shown).toHaveLength(0);
    expect(b.pay.chargeCount()).toBe(0);
    expect(b.records.count()).toBe(0);
  });

  test('storage that cannot be listed: not_started, said plainly, nothing charged; it pays once the listing works', async () => {
    const b = backend();
    const faults = new FaultyStorage(new WxKeyValueStorage());
    faults.failListing();
    const blindRecords = new ShardedRecordStore(faults, b.clock);
    const checkout = new CheckoutService({ records: blindRecords, payment: b.pay, gateway: b.gateway, cards: b.cards, clock: b.clock });
    const order = orderFor(b, '13800138000', 'cmcc-recharge-50');
    const result = await checkout.pay(order);
    expect(result).toMatchObject({ outcome: 'not_started', message: NOT_STARTED_MESSAGES.unavailable });
    expect(result.message).toContain('没有扣款');
    expect(b.pay.chargeCount()).toBe(0);
    faults.disarm();
    expect((await checkout.pay(order)).outcome).toBe('succeeded');
    expect(b.pay.chargeCount()).toBe(1);
  });

  test('once storage is cleared, the same order pays normally', async () => {
    const b = backend();
    const order = orderFor(b, '13800138000', 'cmcc-recharge-50');
    storageFake().failNextWrites(1, 'setStorageSync:fail exceed storage max size 10MB');
    expect((await b.checkout.pay(order)).outcome).toBe('not_started');
    expect((await b.checkout.pay(order)).outcome).toBe('succeeded');
    expect(b.pay.chargeCount()).toBe(1);
  });

  test.each([
    [{ idempotencyKey: '' }],
    [{ id: '' }],
    [{ state: 'paid' as const }],
  ])('a malformed order %j does not start a payment', async (patch) => {
    const b = backend();
    const result = await b.checkout.pay({ ...orderFor(b, '13800138000', 'cmcc-recharge-50'), ...patch });
    expect(result.outcome).toBe('not_started');
    expect(result.message).toContain('重新下单');
    expect(b.pay.chargeCount()).toBe(0);
  });
});

describe('a record write failing after payment', () => {
  test('the result is still shown, the message says so, and reconcile stores it later without paying again', async () => {
    const failures = { count: 0, error: 'quota' as RecordStoreError };
    const b = backend({ wrapRecords: failingUpdates(failures) });
    const order = orderFor(b, '13800138000', 'cmcc-recharge-50');
    const sheet = new ManualSheet();
    b.sheet.attach(sheet);
    const running = b.checkout.pay(order);
    await settleMicrotasks();
    failures.count = 4;
    sheet.answer('pay');
    const result = await running;
    expect(result.outcome).toBe('succeeded');
    expect(result.message).toContain(CHECKOUT_MESSAGES.succeeded);
    expect(result.message).toContain('没能保存到手机');
    expect(b.records.get(order.id)!.state).toBe('awaiting_payment');
    // Shown meanwhile as the newest state, also to the double-payment guard.
    expect(b.checkout.recentDuplicate('13800138000', 'cmcc-recharge-50')?.state).toBe('succeeded');

    const report = await b.checkout.reconcile();
    expect(b.records.get(order.id)).toEqual(result.order);
    expect(report).toEqual({ checked: 0, settled: [] });
    expect(b.pay.chargeCount()).toBe(1);
    expect(balanceOf(b, '13800138000')).toBe(13650);
  });

  test('a write that fails once is retried at once and the message stays clean', async () => {
    const failures = { count: 0, error: 'failed' as RecordStoreError };
    const b = backend({ wrapRecords: failingUpdates(failures) });
    const order = orderFor(b, '13800138000', 'cmcc-recharge-50');
    b.pay.scenario = 'cancel';
    const sheet = new ManualSheet();
    b.sheet.attach(sheet);
    const running = b.checkout.pay(order);
    await settleMicrotasks();
    failures.count = 1;
    sheet.answer('cancel');
    const result = await running;
    expect(result.message).toBe(CHECKOUT_MESSAGES.cancelled);
    expect(b.records.get(order.id)!.state).toBe('cancelled');
  });

  test('if the app dies with the write still failing, reconcile after relaunch reaches the same result once', async () => {
    const failures = { count: 0, error: 'quota' as RecordStoreError };
    const b = backend({ wrapRecords: failingUpdates(failures) });
    const order = orderFor(b, '13800138000', 'cmcc-recharge-50');
    const sheet = new ManualSheet();
    b.sheet.attach(sheet);
    const running = b.checkout.pay(order);
    await settleMicrotasks();
    failures.count = 99;
    sheet.answer('pay');
    await running;
    const next = relaunch(b);
    const report = await next.checkout.reconcile();
    expect(report.settled).toEqual([{ id: order.id, from: 'awaiting_payment', to: 'succeeded' }]);
    expect(next.records.get(order.id)).toMatchObject({ state: 'succeeded', reconciled: true });
    expect(next.pay.chargeCount()).toBe(1);
    expect(balanceOf(next, '13800138000')).toBe(13650);
  });
});

describe('bound cards learn the new figures', () => {
  test('a bound number gets lastKnown from the receipt', async () => {
    const b = backend();
    expect(b.cards.bind(bound('13800138000')).ok).toBe(true);
    const result = await b.checkout.pay(orderFor(b, '13800138000', 'cmcc-recharge-50'));
    expect(b.cards.get('13800138000')!.lastKnown).toEqual({
      balance: result.order.after!.balance,
      dataLeftMb: 12288,
      expiry: '2027-07-08',
      suspended: false,
      at: b.clock.now(),
    });
  });

  test('an unbound number pays normally and binds nothing', async () => {
    const b = backend();
    expect((await b.checkout.pay(orderFor(b, '13912345678', 'cmcc-recharge-50'))).outcome).toBe('succeeded');
    expect(b.cards.list()).toEqual([]);
  });
});

describe('recentDuplicate', () => {
  test('finds a possibly charged order for the same number and product within 10 minutes', async () => {
    const b = backend();
    const paid = await b.checkout.pay(orderFor(b, '13800138000', 'cmcc-recharge-50'));
    b.clock.advance(9 * MINUTE);
    expect(b.checkout.recentDuplicate('13800138000', 'cmcc-recharge-50')?.id).toBe(paid.order.id);
    expect(b.checkout.recentDuplicate('13800138000', 'cmcc-recharge-100')).toBeUndefined();
    expect(b.checkout.recentDuplicate('13912345678', 'cmcc-recharge-50')).toBeUndefined();
    b.clock.advance(2 * MINUTE);
    expect(b.checkout.recentDuplicate('13800138000', 'cmcc-recharge-50')).toBeUndefined();
  });

  test.each([
    ['cancel', false],
    ['fail_insufficient', false],
    ['no_answer', true],
  ] as const)('after %s the guard warns: %s', async (scenario, warns) => {
    const b = backend();
    b.pay.scenario = scenario;
    await b.checkout.pay(orderFor(b, '13800138000', 'cmcc-recharge-50'));
    expect(b.checkout.recentDuplicate('13800138000', 'cmcc-recharge-50') !== undefined).toBe(warns);
  });
});

describe('reconcile()', () => {
  test('timeout with the money taken → paid → credited → succeeded, exactly once', async () => {
    const b = backend();
    b.pay.scenario = 'no_answer';
    const order = orderFor(b, '13800138000', 'cmcc-recharge-50');
    await b.checkout.pay(order);
    const report = await b.checkout.reconcile();
    expect(report).toEqual({ checked: 1, settled: [{ id: order.id, from: 'unknown', to: 'succeeded' }] });
    const stored = b.records.get(order.id)!;
    expect(states(stored)).toEqual(['created', 'awaiting_payment', 'unknown', 'paid', 'succeeded']);
    expect(stored.reconciled).toBe(true);
    const status = await b.pay.queryPayment(order.id);
    expect(status.ok && status.value.state === 'paid' && status.value.transactionId).toMatch(/^4200\d{24}$/);
    expect(stored.transactionId).toBe(status.ok && status.value.state === 'paid' ? status.value.transactionId : 'missing');
    expect(stored.after?.balance.amount).toBe(13650);
    expect(await b.checkout.reconcile()).toEqual({ checked: 0, settled: [] });
    expect(balanceOf(b, '13800138000')).toBe(13650);
    expect(b.pay.chargeCount()).toBe(1);
  });

  test('timeout without a charge → cancelled with the note 未支付，订单已关闭', async () => {
    const b = backend();
    b.pay.scenario = 'no_answer_not_charged';
    const order = orderFor(b, '13800138000', 'cmcc-recharge-50');
    await b.checkout.pay(order);
    const report = await b.checkout.reconcile();
    expect(report.settled).toEqual([{ id: order.id, from: 'unknown', to: 'cancelled' }]);
    const stored = b.records.get(order.id)!;
    expect(stored).toMatchObject({ state: 'cancelled', reconciled: true });
    expect(stored.history[stored.history.length - 1].note).toBe('未支付，订单已关闭');
    expect(b.pay.chargeCount()).toBe(0);
  });

  test('carrier refusal: refunding → refunded', async () => {
    const b = backend();
    b.gateway.failTopUpFor('next');
    const order = orderFor(b, '13800138000', 'cmcc-recharge-50');
    await b.checkout.pay(order);
    const report = await b.checkout.reconcile();
    expect(report.settled).toEqual([{ id: order.id, from: 'refunding', to: 'refunded' }]);
    expect(b.records.get(order.id)).toMatchObject({ state: 'refunded', reconciled: true });
    const again = await b.checkout.pay(order);
    expect(again).toMatchObject({ outcome: 'failed', message: CHECKOUT_MESSAGES.refunded });
  });

  test('a paid order the carrier then refuses goes all the way to refunded in one pass', async () => {
    const b = backend();
    const order = orderFor(b, '13800138000', 'cmcc-recharge-50');
    const sheet = new ManualSheet();
    b.sheet.attach(sheet);
    sheet.onPresent = () => b.gateway.failNext('network');
    const running = b.checkout.pay(order);
    await settleMicrotasks();
    sheet.answer('pay');
    expect((await running).outcome).toBe('processing');
    b.gateway.failTopUpFor(order.id);
    const report = await b.checkout.reconcile();
    expect(report.settled).toEqual([{ id: order.id, from: 'paid', to: 'refunded' }]);
    expect(states(b.records.get(order.id)!).slice(-4)).toEqual(['paid', 'topup_failed', 'refunding', 'refunded']);
  });

  test('a paid order whose top-up answer was lost is completed from the carrier, credited once', async () => {
    const b = backend();
    const order = orderFor(b, '13800138000', 'cmcc-recharge-50');
    const sheet = new ManualSheet();
    b.sheet.attach(sheet);
    sheet.onPresent = () => b.gateway.failNext('timeout');
    const running = b.checkout.pay(order);
    await settleMicrotasks();
    sheet.answer('pay');
    expect((await running).order.state).toBe('paid');
    expect(balanceOf(b, '13800138000')).toBe(13650);
    const report = await b.checkout.reconcile();
    expect(report.settled).toEqual([{ id: order.id, from: 'paid', to: 'succeeded' }]);
    expect(b.records.get(order.id)!.after?.balance.amount).toBe(13650);
    expect(balanceOf(b, '13800138000')).toBe(13650);
  });

  test('a payment query that fails leaves the order for next time', async () => {
    const b = backend();
    b.pay.scenario = 'no_answer';
    const order = orderFor(b, '13800138000', 'cmcc-recharge-50');
    await b.checkout.pay(order);
    b.pay.failNextQuery('network');
    expect(await b.checkout.reconcile()).toEqual({ checked: 1, settled: [] });
    expect(b.records.get(order.id)!.state).toBe('unknown');
    expect((await b.checkout.reconcile()).settled).toEqual([{ id: order.id, from: 'unknown', to: 'succeeded' }]);
  });

  test('a carrier status query that fails leaves a paid order paid', async () => {
    const b = backend();
    b.pay.scenario = 'no_answer';
    const order = orderFor(b, '13800138000', 'cmcc-recharge-50');
    await b.checkout.pay(order);
    b.gateway.failNext('network');
    expect((await b.checkout.reconcile()).settled).toEqual([{ id: order.id, from: 'unknown', to: 'paid' }]);
    expect((await b.checkout.reconcile()).settled).toEqual([{ id: order.id, from: 'paid', to: 'succeeded' }]);
    expect(balanceOf(b, '13800138000')).toBe(13650);
  });

  test('two reconcile() calls at once share one run', async () => {
    const b = backend();
    b.pay.scenario = 'no_answer';
    const order = orderFor(b, '13800138000', 'cmcc-recharge-50');
    await b.checkout.pay(order);
    const [r1, r2] = await Promise.all([b.checkout.reconcile(), b.checkout.reconcile()]);
    expect(r2).toBe(r1);
    expect(r1.settled).toHaveLength(1);
    expect(balanceOf(b, '13800138000')).toBe(13650);
  });

  test('an order being paid right now is left to the live payment', async () => {
    const b = backend();
    const sheet = new ManualSheet();
    b.sheet.attach(sheet);
    const order = orderFor(b, '13800138000', 'cmcc-recharge-50');
    const running = b.checkout.pay(order);
    await settleMicrotasks();
    expect(await b.checkout.reconcile()).toEqual({ checked: 0, settled: [] });
    sheet.answer('pay');
    expect((await running).outcome).toBe('succeeded');
    expect(b.pay.chargeCount()).toBe(1);
  });

  test('nothing open: nothing checked', async () => {
    const b = backend();
    await b.checkout.pay(orderFor(b, '13800138000', 'cmcc-recharge-50'));
    expect(await b.checkout.reconcile()).toEqual({ checked: 0, settled: [] });
  });
});

describe('the app killed mid-payment', () => {
  test('killed with the sheet open (nothing charged): the relaunch cancels the order once', async () => {
    const b = backend();
    const sheet = new ManualSheet();
    b.sheet.attach(sheet);
    const order = orderFor(b, '13800138000', 'cmcc-recharge-50');
    void b.checkout.pay(order);
    await settleMicrotasks();
    expect(b.records.get(order.id)!.state).toBe('awaiting_payment');

    const next = relaunch(b);
    expect(next.records.pending().map((o) => o.id)).toEqual([order.id]);
    const report = await next.checkout.reconcile();
    expect(report).toEqual({ checked: 1, settled: [{ id: order.id, from: 'awaiting_payment', to: 'cancelled' }] });
    expect(next.records.get(order.id)).toMatchObject({ state: 'cancelled', reconciled: true });
    expect(await next.checkout.reconcile()).toEqual({ checked: 0, settled: [] });
    expect(next.pay.chargeCount()).toBe(0);
  });

  test('killed after WeChat Pay took the money: the relaunch completes the renewal exactly once', async () => {
    const b = backend({ wrapPayment: killedAfterRequest });
    const order = orderFor(b, '13800138000', 'cmcc-recharge-50');
    void b.checkout.pay(order);
    await settleMicrotasks();
    expect(b.pay.chargeCount(order.idempotencyKey)).toBe(1);
    expect(b.records.get(order.id)!.state).toBe('awaiting_payment');

    const next = relaunch(b);
    const report = await next.checkout.reconcile();
    expect(report).toEqual({ checked: 1, settled: [{ id: order.id, from: 'awaiting_payment', to: 'succeeded' }] });
    expect(next.records.get(order.id)).toMatchObject({ state: 'succeeded', reconciled: true, after: { balance: { amount: 13650 } } });
    expect(await next.checkout.reconcile()).toEqual({ checked: 0, settled: [] });
    expect(balanceOf(next, '13800138000')).toBe(13650);
    expect(next.pay.chargeCount()).toBe(1);
    expect(next.records.count()).toBe(1);
  });

  test('paying the same order again after the relaunch settles it instead of charging again', async () => {
    const b = backend({ wrapPayment: killedAfterRequest });
    const order = orderFor(b, '13800138000', 'cmcc-recharge-50');
    void b.checkout.pay(order);
    await settleMicrotasks();
    const next = relaunch(b);
    const result = await next.checkout.pay(order);
    expect(result.outcome).toBe('succeeded');
    expect(next.pay.chargeCount()).toBe(1);
    expect(await next.checkout.reconcile()).toEqual({ checked: 0, settled: [] });
  });

  test('killed at every write of reconcile(): the next launch settles every order once, one charge, one credit', async () => {
    const finals = ['succeeded', 'cancelled', 'pay_failed', 'refunded'];
    let kills = 0;
    for (let k = 0; k < 40; k += 1) {
      storageFake().clearStorageSync();
      const b = backend();
      const before = balanceOf(b, '13800138000');
      // C: paid, the carrier's answer lost (paid, not credited).
      const c = orderFor(b, '13800138000', 'cmcc-recharge-100');
      b.gateway.failNext('timeout');
      expect((await b.checkout.pay(c)).order.state).toBe('paid');
      // A: WeChat Pay took the money, the app died before hearing back (awaiting_payment).
      const a = orderFor(b, '13800138000', 'cmcc-recharge-50');
      void new CheckoutService({ records: b.records, payment: killedAfterRequest(b.pay), gateway: b.gateway, cards: b.cards, clock: b.clock }).pay(a);
      await settleMicrotasks();
      // B: no answer and no charge (unknown).
      b.pay.scenario = 'no_answer_not_charged';
      const o = orderFor(b, '13800138000', 'cmcc-recharge-30');
      expect((await b.checkout.pay(o)).order.state).toBe('unknown');
      // The next launch dies at its k-th write while reconciling.
      const faults = new FaultyStorage(new WxKeyValueStorage());
      faults.dieAfter(k);
      const dying = new ShardedRecordStore(faults, b.clock);
      const second = relaunch(b, { wrapRecords: () => dying });
      await second.checkout.reconcile();
      if (faults.steps >= k) kills += 1;
      // A third launch, healthy, settles whatever is left.
      const third = relaunch(b);
      await third.checkout.reconcile();
      const all = [a, c, o].map((order) => third.records.get(order.id)!);
      for (const order of all) expect({ k, id: order.id, final: finals.includes(order.state) }).toEqual({ k, id: order.id, final: true });
      for (const order of all) expect(third.pay.chargeCount(order.idempotencyKey)).toBe(order.state === 'succeeded' || order.state === 'refunded' ? 1 : 0);
      const credited = all.filter((order) => order.state === 'succeeded').reduce((sum, order) => sum + order.product.credit.amount, 0);
      expect({ k, balance: balanceOf(third, '13800138000') }).toEqual({ k, balance: before + credited });
      expect(await third.checkout.reconcile()).toEqual({ checked: 0, settled: [] });
    }
    expect(kills).toBeGreaterThan(3);
  });

  test('two relaunched instances in a row never credit twice', async () => {
    const b = backend({ wrapPayment: killedAfterRequest });
    const order = orderFor(b, '13800138000', 'cmcc-recharge-50');
    void b.checkout.pay(order);
    await settleMicrotasks();
    await relaunch(b).checkout.reconcile();
    const third = relaunch(b);
    expect(await third.checkout.reconcile()).toEqual({ checked: 0, settled: [] });
    expect(balanceOf(third, '13800138000')).toBe(13650);
  });
});
