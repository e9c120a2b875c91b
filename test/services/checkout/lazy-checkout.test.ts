/**
 * The main package's stand-in for the money path: it fetches the engine (the confirm
 * subpackage) only when an order must be paid or settled, and answers the same as the
 * engine would from the record store before that.
 */
import { LazyCheckout } from '../../../miniprogram/services/checkout/lazy-checkout';
import { checkoutEngine } from '../../../miniprogram/pages/confirm/checkout';
import { transition } from '../../../miniprogram/core/order';
import type { CheckoutEngineModule } from '../../../miniprogram/services/contracts';
import { ManualSheet, backend, orderFor, settleMicrotasks, type Backend } from '../../support/checkout-fixtures';

beforeEach(() => globalThis.__wxStorage.clearStorageSync());

function lazyOver(b: Backend, load: () => Promise<CheckoutEngineModule> = async () => checkoutEngine) {
  let fetches = 0;
  const checkout = new LazyCheckout({ records: b.records, payment: b.pay, gateway: b.gateway, cards: b.cards, clock: b.clock }, () => {
    fetches += 1;
    return load();
  });
  return { checkout, fetches: () => fetches };
}

describe('LazyCheckout', () => {
  test('a launch with no open order settles nothing and downloads nothing', async () => {
    const b = backend();
    const { checkout, fetches } = lazyOver(b);
    expect(await checkout.reconcile()).toEqual({ checked: 0, settled: [] });
    await checkout.settled();
    expect(fetches()).toBe(0);
  });

  test('an order left open is settled by the engine, fetched once; settled() waits for it', async () => {
    const b = backend();
    const order = orderFor(b, '13800138000', 'cmcc-recharge-50');
    const awaiting = transition(order, 'awaiting_payment', b.clock.now());
    expect(awaiting.ok).toBe(true);
    if (!awaiting.ok) return;
    expect(b.records.append(awaiting.value).ok).toBe(true);
    const { checkout, fetches } = lazyOver(b);
    const running = checkout.reconcile();
    let waited = false;
    const waiting = checkout.settled().then(() => (waited = true));
    const report = await running;
    await waiting;
    expect(waited).toBe(true);
    expect(report.checked).toBe(1);
    expect(b.records.get(order.id)?.state).toBe('cancelled');
    await checkout.reconcile();
    expect(fetches()).toBe(1);
  });

  test('pay fetches the engine once, and two taps with one key still pay once', async () => {
    const b = backend();
    const sheet = new ManualSheet();
    b.sheet.attach(sheet);
    const { checkout, fetches } = lazyOver(b);
    const order = orderFor(b, '13800138000', 'cmcc-recharge-50');
    const first = checkout.pay(order);
    const second = checkout.pay(order);
    await settleMicrotasks();
    sheet.answer('pay');
    const [a, c] = await Promise.all([first, second]);
    expect(a.outcome).toBe('succeeded');
    expect(c.order.id).toBe(a.order.id);
    expect(b.pay.chargeCount()).toBe(1);
    expect(fetches()).toBe(1);
  });

  test('a download that fails rejects pay with nothing charged or written, and the next tap fetches again', async () => {
    const b = backend();
    let fail = true;
    const { checkout, fetches } = lazyOver(b, async () => {
      if (fail) throw new Error('download failed');
      return checkoutEngine;
    });
    const order = orderFor(b, '13800138000', 'cmcc-recharge-20');
    await expect(checkout.pay(order)).rejects.toThrow('download failed');
    expect(b.records.all()).toEqual([]);
    expect(b.pay.chargeCount()).toBe(0);
    fail = false;
    const sheet = new ManualSheet();
    b.sheet.attach(sheet);
    const paying = checkout.pay(order);
    await settleMicrotasks();
    sheet.answer('pay');
    expect((await paying).outcome).toBe('succeeded');
    expect(fetches()).toBe(2);
  });

  test('the 10-minute duplicate check answers from the records before any download, as the engine does', () => {
    const b = backend();
    const order = orderFor(b, '13800138000', 'cmcc-recharge-50');
    let moved = order;
    for (const state of ['awaiting_payment', 'paid', 'succeeded'] as const) {
      const next = transition(moved, state, b.clock.now());
      if (!next.ok) throw new Error(next.message);
      moved = next.value;
    }
    expect(b.records.append(moved).ok).toBe(true);
    const { checkout, fetches } = lazyOver(b);
    expect(checkout.recentDuplicate('13800138000', 'cmcc-recharge-50')?.id).toBe(order.id);
    expect(b.checkout.recentDuplicate('13800138000', 'cmcc-recharge-50')?.id).toBe(order.id);
    expect(checkout.recentDuplicate('13800138000', 'cmcc-recharge-20')).toBeUndefined();
    expect(fetches()).toBe(0);
  });
});
