import type { PaymentRequest, PaymentSheetHost, SheetChoice } from '../../../miniprogram/services/contracts';
import {
  DEFAULT_PAYMENT_TIMEOUT_MS,
  INSUFFICIENT_FUNDS_REASON,
  MAX_LEDGER_ENTRIES,
  MockWeChatPay,
  PAYMENT_LEDGER_KEY,
  type PaymentScenario,
} from '../../../miniprogram/backends/offline/wechat-pay';
import { createPaymentSheetSlot } from '../../../miniprogram/services/checkout/payment-sheet-slot';
import { WxKeyValueStorage } from '../../../miniprogram/services/wx/storage';
import { FakeClock } from '../../support/fakes';
import { ManualSheet, sequence, settleMicrotasks, storageFake } from '../../support/checkout-fixtures';

function setup(options: { timeoutMs?: number } = {}) {
  const clock = new FakeClock('2026-11-25T10:00:00+08:00');
  const storage = new WxKeyValueStorage();
  const sheet = createPaymentSheetSlot();
  const pay = new MockWeChatPay({ clock, storage, sheet, random: sequence(3), ...options });
  const relaunch = () => new MockWeChatPay({ clock, storage, sheet: createPaymentSheetSlot(), random: sequence(4) });
  return { clock, storage, sheet, pay, relaunch };
}

let serial = 0;
function request(patch: Partial<PaymentRequest> = {}): PaymentRequest {
  serial += 1;
  return {
    orderId: `CR20261125100000${String(serial).padStart(6, '0')}`,
    idempotencyKey: `key-${serial}`,
    amount: { amount: 5000, currency: 'CNY' },
    payee: '卡续费（演示商户）',
    description: '中国移动 话费充值 50 元 · 138****8000',
    ...patch,
  };
}

/** A sheet that answers at once with a fixed choice and counts how often it was shown. */
function answering(choice: SheetChoice): PaymentSheetHost & { shown: number } {
  const host = {
    shown: 0,
    present: async () => {
      host.shown += 1;
      return choice;
    },
  };
  return host;
}

beforeEach(() => storageFake().clearStorageSync());

describe('the payment sheet slot', () => {
  test('the latest attached host is current; detaching it brings back the one before', () => {
    const slot = createPaymentSheetSlot();
    const a = answering('pay');
    const b = answering('cancel');
    expect(slot.current()).toBeNull();
    const detachA = slot.attach(a);
    const detachB = slot.attach(b);
    expect(slot.current()).toBe(b);
    detachB();
    expect(slot.current()).toBe(a);
    detachB();
    expect(slot.current()).toBe(a);
    detachA();
    expect(slot.current()).toBeNull();
  });

  test('detaching an older host leaves the newer one current', () => {
    const slot = createPaymentSheetSlot();
    const a = answering('pay');
    const b = answering('cancel');
    const detachA = slot.attach(a);
    slot.attach(b);
    detachA();
    expect(slot.current()).toBe(b);
  });
});

describe('scenarios without a sheet', () => {
  test("'pay' succeeds with a 28-digit WeChat-style transaction id and charges once", async () => {
    const { pay } = setup();
    const req = request();
    const outcome = await pay.requestPayment(req);
    expect(outcome.status).toBe('success');
    const id = outcome.status === 'success' ? outcome.transactionId : '';
    expect(id).toMatch(/^4200\d{24}$/);
    expect(id.slice(10, 18)).toBe('20261125');
    expect(pay.chargeCount(req.idempotencyKey)).toBe(1);
    expect(await pay.queryPayment(req.orderId)).toEqual({ ok: true, value: { state: 'paid', transactionId: id } });
  });

  test.each<[PaymentScenario, string, number, 'paid' | 'not_paid' | 'failed']>([
    ['cancel', 'cancel', 0, 'not_paid'],
    ['fail_insufficient', 'fail', 0, 'failed'],
    ['no_answer', 'timeout', 1, 'paid'],
    ['no_answer_not_charged', 'timeout', 0, 'not_paid'],
  ])("'%s' answers %s, charges %i time(s), and a query says %s", async (scenario, status, charges, query) => {
    const { pay } = setup();
    pay.scenario = scenario;
    const req = request();
    expect((await pay.requestPayment(req)).status).toBe(status);
    expect(pay.chargeCount()).toBe(charges);
    expect(await pay.queryPayment(req.orderId)).toMatchObject({ ok: true, value: { state: query } });
  });

  test('WeChat Pay charges yuan: a peso amount is refused and nothing is charged', async () => {
    const { pay } = setup();
    const req = request({ amount: { amount: 15_000, currency: 'PHP' } });
    expect(await pay.requestPayment(req)).toEqual({ status: 'fail', reason: '微信支付只能以人民币付款，请返回重新下单' });
    expect(pay.chargeCount()).toBe(0);
  });

  test('insufficient funds names the reason 零钱余额不足', async () => {
    const { pay } = setup();
    pay.scenario = 'fail_insufficient';
    expect(await pay.requestPayment(request())).toEqual({ status: 'fail', reason: INSUFFICIENT_FUNDS_REASON });
    expect(INSUFFICIENT_FUNDS_REASON).toBe('零钱余额不足');
  });

  test('no answer waits the whole timeout on the clock', async () => {
    const { pay, clock } = setup({ timeoutMs: 9000 });
    pay.scenario = 'no_answer';
    const before = clock.now();
    await pay.requestPayment(request());
    expect(clock.now() - before).toBe(9000);
  });

  test(`the default timeout is ${DEFAULT_PAYMENT_TIMEOUT_MS} ms`, async () => {
    const { pay, clock } = setup();
    pay.scenario = 'no_answer_not_charged';
    const before = clock.now();
    await pay.requestPayment(request());
    expect(clock.now() - before).toBe(15_000);
  });
});

describe('with a sheet attached', () => {
  test.each<[SheetChoice, string, number]>([
    ['pay', 'success', 1],
    ['cancel', 'cancel', 0],
    ['fail_insufficient', 'fail', 0],
    ['no_answer', 'timeout', 1],
  ])("the user's choice '%s' becomes %s (charges %i)", async (choice, status, charges) => {
    const { pay, sheet } = setup();
    pay.scenario = 'cancel';
    const host = answering(choice);
    sheet.attach(host);
    expect((await pay.requestPayment(request())).status).toBe(status);
    expect(host.shown).toBe(1);
    expect(pay.chargeCount()).toBe(charges);
  });

  test('the sheet is shown the payee, the amount and the description', async () => {
    const { pay, sheet } = setup();
    const host = new ManualSheet();
    sheet.attach(host);
    const req = request();
    const running = pay.requestPayment(req);
    await settleMicrotasks();
    expect(host.shown).toEqual([req]);
    host.answer('pay');
    expect((await running).status).toBe('success');
  });

  test('a sheet that breaks counts as the user closing it', async () => {
    const { pay, sheet } = setup();
    sheet.attach({ present: () => Promise.reject(new Error('sheet gone')) });
    expect(await pay.requestPayment(request())).toEqual({ status: 'cancel' });
    expect(pay.chargeCount()).toBe(0);
  });
});

describe('at most one payment per idempotency key', () => {
  test('a second call while the first is open shares its promise and its sheet', async () => {
    const { pay, sheet } = setup();
    const host = new ManualSheet();
    sheet.attach(host);
    const req = request();
    const first = pay.requestPayment(req);
    const second = pay.requestPayment({ ...req });
    expect(second).toBe(first);
    await settleMicrotasks();
    expect(host.open).toBe(1);
    host.answer('pay');
    const [a, b] = await Promise.all([first, second]);
    expect(b).toEqual(a);
    expect(pay.chargeCount(req.idempotencyKey)).toBe(1);
  });

  test('after it settled, a repeat returns the same outcome without charging or showing the sheet', async () => {
    const { pay, sheet } = setup();
    const host = answering('pay');
    sheet.attach(host);
    const req = request();
    const first = await pay.requestPayment(req);
    const again = await pay.requestPayment(req);
    expect(again).toEqual(first);
    expect(host.shown).toBe(1);
    expect(pay.chargeCount()).toBe(1);
  });

  test('a cancelled key stays cancelled (a retry needs a new order and key)', async () => {
    const { pay } = setup();
    pay.scenario = 'cancel';
    const req = request();
    await pay.requestPayment(req);
    pay.scenario = 'pay';
    expect(await pay.requestPayment(req)).toEqual({ status: 'cancel' });
    expect(pay.chargeCount()).toBe(0);
  });

  test('different keys are different payments', async () => {
    const { pay } = setup();
    await pay.requestPayment(request());
    await pay.requestPayment(request());
    expect(pay.chargeCount()).toBe(2);
  });

  test('the guarantee survives a relaunch: the ledger is in storage', async () => {
    const { pay, relaunch, storage } = setup();
    const req = request();
    const first = await pay.requestPayment(req);
    const reopened = relaunch();
    expect(await reopened.requestPayment(req)).toEqual(first);
    expect(reopened.chargeCount()).toBe(1);
    expect(await reopened.queryPayment(req.orderId)).toMatchObject({ ok: true, value: { state: 'paid' } });
    expect(storage.get(PAYMENT_LEDGER_KEY)).toMatchObject({ version: 1, entries: [{ key: req.idempotencyKey, charged: true }] });
  });

  test('a charge whose answer was lost is still known after a relaunch', async () => {
    const { pay, relaunch } = setup();
    pay.scenario = 'no_answer';
    const req = request();
    await pay.requestPayment(req);
    const reopened = relaunch();
    const status = await reopened.queryPayment(req.orderId);
    expect(status).toMatchObject({ ok: true, value: { state: 'paid' } });
    expect(status.ok && status.value.state === 'paid' && status.value.transactionId).toMatch(/^4200\d{24}$/);
  });

  test(`the stored ledger keeps the newest ${MAX_LEDGER_ENTRIES} entries`, async () => {
    const { pay, storage } = setup();
    const first = request();
    await pay.requestPayment(first);
    for (let i = 0; i < MAX_LEDGER_ENTRIES + 10; i += 1) await pay.requestPayment(request());
    const stored = storage.get(PAYMENT_LEDGER_KEY) as { entries: { key: string }[] };
    expect(stored.entries.length).toBe(MAX_LEDGER_ENTRIES);
    expect(stored.entries.some((e) => e.key === first.idempotencyKey)).toBe(false);
    expect(storageFake().largestItem().bytes).toBeLessThan(200 * 1024);
  });
});

describe('queryPayment', () => {
  test('an order WeChat Pay never saw is not_paid, and is closed so it cannot be paid late', async () => {
    const { pay } = setup();
    const req = request();
    expect(await pay.queryPayment(req.orderId)).toEqual({ ok: true, value: { state: 'not_paid' } });
    const late = await pay.requestPayment(req);
    expect(late.status).toBe('fail');
    expect(late.status === 'fail' && late.reason).toContain('订单已关闭');
    expect(pay.chargeCount()).toBe(0);
  });

  test('an order whose sheet is still open is not closed by a query', async () => {
    const { pay, sheet } = setup();
    const host = new ManualSheet();
    sheet.attach(host);
    const req = request();
    const running = pay.requestPayment(req);
    await settleMicrotasks();
    expect(await pay.queryPayment(req.orderId)).toEqual({ ok: true, value: { state: 'not_paid' } });
    host.answer('pay');
    expect((await running).status).toBe('success');
  });

  test.each([['network'], ['timeout']] as const)('failNextQuery(%s) fails one query, then answers', async (kind) => {
    const { pay } = setup();
    const req = request();
    await pay.requestPayment(req);
    pay.failNextQuery(kind);
    const failed = await pay.queryPayment(req.orderId);
    expect(failed).toMatchObject({ ok: false, error: kind });
    expect(!failed.ok && failed.message).toContain('核对');
    expect(await pay.queryPayment(req.orderId)).toMatchObject({ ok: true, value: { state: 'paid' } });
  });

  test('a query takes simulated time', async () => {
    const { pay, clock } = setup();
    const before = clock.now();
    await pay.queryPayment('CR00000000000000000000');
    expect(clock.now() - before).toBeGreaterThan(0);
  });
});

describe('bad requests are refused without charging', () => {
  test.each([
    [{ amount: { amount: 0, currency: 'CNY' } }, '金额'],
    [{ amount: { amount: -100, currency: 'CNY' } }, '金额'],
    [{ amount: { amount: 10.5, currency: 'CNY' } }, '金额'],
    [{ idempotencyKey: '' }, '重新下单'],
    [{ orderId: '' }, '订单号'],
  ])('%j', async (patch, words) => {
    const { pay } = setup();
    const outcome = await pay.requestPayment(request(patch as Partial<PaymentRequest>));
    expect(outcome.status).toBe('fail');
    expect(outcome.status === 'fail' && outcome.reason).toContain(words);
    expect(pay.chargeCount()).toBe(0);
  });

  test('a damaged stored ledger is ignored', async () => {
    storageFake().plantRaw(PAYMENT_LEDGER_KEY, '{"version":1,"entries":[null,{"key":3}],"closed":"x"}');
    const { pay } = setup();
    expect((await pay.requestPayment(request())).status).toBe('success');
    expect(pay.chargeCount()).toBe(1);
  });
});
