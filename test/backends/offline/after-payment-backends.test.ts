/**
 * The offline backends behind 自动充值 and 电子发票: the papay contracts, WeChat Pay's
 * deduction under a contract, the e-invoice platform, and the runner that decides, from
 * one storage read, whether the engine is needed at all.
 */
import { MockPapay, PAPAY_CONTRACTS_KEY } from '../../../miniprogram/backends/offline/papay';
import { MockWeChatPay } from '../../../miniprogram/backends/offline/wechat-pay';
import { createPaymentSheetSlot } from '../../../miniprogram/services/checkout/payment-sheet-slot';
import { DEMO_FAILURE_REASON, ISSUE_DELAY_MS, MockInvoicing } from '../../../miniprogram/backends/offline/invoicing';
import { LazyAutoTopupRunner, mayRun } from '../../../miniprogram/services/autotopup/lazy-runner';
import { AUTO_TOPUP_RULES_KEY, type AutoTopupDeps, type InvoiceApplication, type PaymentRequest } from '../../../miniprogram/services/contracts';
import { WxKeyValueStorage } from '../../../miniprogram/services/wx/storage';
import type { CardProfile } from '../../../miniprogram/core/types';
import { FakeClock } from '../../support/fakes';
import { sequence } from '../../support/checkout-fixtures';

const cny = (amount: number) => ({ amount, currency: 'CNY' as const });
let clock: FakeClock;
let storage: WxKeyValueStorage;

beforeEach(() => {
  globalThis.__wxStorage.clearStorageSync();
  clock = new FakeClock('2026-11-25T10:00:00+08:00');
  storage = new WxKeyValueStorage();
});

const papayOf = () => new MockPapay({ clock, storage, random: sequence(5) });
const signRequest = { contractCode: 'PC20261125100000000001', displayName: '话费自动充值 · 138****8000', phone: '13800138000', perCharge: cny(5000), monthlyCap: cny(10000) };

describe('papay contracts', () => {
  test('signing answers a 32-character contract id; signing the same code again answers the same', async () => {
    const papay = papayOf();
    const first = await papay.sign(signRequest);
    expect(first.ok && first.value.contractId).toMatch(/^2026112510\d{22}$/);
    expect(await papayOf().sign(signRequest)).toEqual(first);
  });

  test('terminate ends it for good, across a relaunch; ending it twice is fine; an unknown id is not found', async () => {
    const papay = papayOf();
    const signed = await papay.sign(signRequest);
    const id = signed.ok ? signed.value.contractId : '';
    expect((await papay.terminate(id, 'test')).ok).toBe(true);
    expect((await papay.terminate(id, 'test')).ok).toBe(true);
    expect(await papayOf().query(id)).toEqual({ ok: true, value: { state: 'ended', perCharge: cny(5000), monthlyCap: cny(10000) } });
    expect(await papay.terminate('nope', 'test')).toMatchObject({ ok: false, error: 'not_found' });
  });

  test('an incomplete request is refused; unreadable storage reads as no contracts', async () => {
    expect(await papayOf().sign({ ...signRequest, contractCode: '' })).toMatchObject({ ok: false, error: 'rejected' });
    storage.set(PAPAY_CONTRACTS_KEY, 'garbage');
    expect(await papayOf().query('x')).toMatchObject({ ok: false, error: 'not_found' });
  });
});

describe('a deduction under a contract', () => {
  async function setup() {
    const papay = papayOf();
    const signed = await papay.sign(signRequest);
    const contractId = signed.ok ? signed.value.contractId : '';
    const sheet = createPaymentSheetSlot();
    const shown: unknown[] = [];
    sheet.attach({ present: async (r) => (shown.push(r), 'pay') });
    const pay = new MockWeChatPay({ clock, storage, sheet, random: sequence(3), contracts: papay });
    const request = (patch: Partial<PaymentRequest> = {}): PaymentRequest => ({ orderId: 'CR20261125100000000001', idempotencyKey: 'auto:AT1:M2026-11:1', amount: cny(5000), payee: '卡续费（演示商户）', description: '话费', contractId, ...patch });
    return { papay, pay, shown, contractId, request };
  }

  test('is charged without showing the sheet', async () => {
    const { pay, shown, request } = await setup();
    expect(await pay.requestPayment(request())).toMatchObject({ status: 'success' });
    expect(shown).toEqual([]);
    expect(pay.chargeCount()).toBe(1);
  });

  test.each([
    ['over the contract\'s single limit', { amount: cny(5001) }, '超过委托代扣协议的单次扣款上限'],
    ['under no contract WeChat Pay knows', { contractId: 'unknown' }, '没有有效的委托代扣协议，不能自动扣款'],
  ])('is refused %s, charging nothing', async (_name, patch, reason) => {
    const { pay, request } = await setup();
    expect(await pay.requestPayment(request(patch))).toEqual({ status: 'fail', reason });
    expect(pay.chargeCount()).toBe(0);
  });

  test('is refused once the contract ended', async () => {
    const { papay, pay, contractId, request } = await setup();
    await papay.terminate(contractId, 'x');
    expect(await pay.requestPayment(request())).toEqual({ status: 'fail', reason: '委托代扣协议已解除，不能自动扣款' });
  });
});

describe('the e-invoice platform', () => {
  const application = (patch: Partial<InvoiceApplication> = {}): InvoiceApplication => ({
    applyId: 'IV20261125100000000001',
    buyer: { kind: 'personal', name: '个人' },
    email: 'me@example.com',
    total: cny(5000),
    items: [{ orderId: 'CR1', title: '话费充值 50 元', amount: cny(5000) }],
    ...patch,
  });

  test('申请中 for a while, then 已开具 with a 20-digit number; the same application twice is one', async () => {
    const platform = new MockInvoicing({ clock, storage, random: sequence(2) });
    expect(await platform.request(application())).toEqual({ ok: true, value: { applyId: 'IV20261125100000000001' } });
    expect(await platform.request(application())).toEqual({ ok: true, value: { applyId: 'IV20261125100000000001' } });
    expect(await platform.status('IV20261125100000000001')).toEqual({ ok: true, value: { state: 'requested' } });
    expect(await platform.resend('IV20261125100000000001', 'b@example.com')).toMatchObject({ ok: false, error: 'not_issued' });
    clock.advance(ISSUE_DELAY_MS);
    const issued = await platform.status('IV20261125100000000001');
    expect(issued.ok && issued.value.state === 'issued' && issued.value.number).toMatch(/^2631\d{16}$/);
    expect((await platform.resend('IV20261125100000000001', 'b@example.com')).ok).toBe(true);
  });

  test('a title with 开票失败 fails with the platform\'s reason; bad applications are refused; unknown ids are not found', async () => {
    const platform = new MockInvoicing({ clock, storage, random: sequence(2) });
    await platform.request(application({ buyer: { kind: 'company', name: '开票失败演示公司', taxId: '914403001922038216' } }));
    clock.advance(ISSUE_DELAY_MS);
    expect(await platform.status('IV20261125100000000001')).toEqual({ ok: true, value: { state: 'failed', reason: DEMO_FAILURE_REASON } });
    expect(await platform.request(application({ applyId: 'IV2', total: cny(0) }))).toMatchObject({ ok: false, error: 'rejected' });
    expect(await platform.status('IV404')).toMatchObject({ ok: false, error: 'not_found' });
  });
});

describe('the auto top-up runner', () => {
  const card = (phone: string) => ({ phone }) as CardProfile;

  test.each([
    ['no rules key', undefined, { kind: 'launch' }, false],
    ['only paused and cancelled rules', { version: 1, rules: [{ state: 'paused' }, { state: 'cancelled' }] }, { kind: 'launch' }, false],
    ['an active rule at launch', { version: 1, rules: [{ state: 'active', phone: '1', trigger: { kind: 'monthly' } }] }, { kind: 'launch' }, true],
    ['a lookup of another number', { version: 1, rules: [{ state: 'active', phone: '1', trigger: { kind: 'low_balance' } }] }, { kind: 'balance', card: card('2') }, false],
    ['a lookup of a monthly rule\'s number', { version: 1, rules: [{ state: 'active', phone: '1', trigger: { kind: 'monthly' } }] }, { kind: 'balance', card: card('1') }, false],
    ['a lookup of a low-balance rule\'s number', { version: 1, rules: [{ state: 'active', phone: '1', trigger: { kind: 'low_balance' } }] }, { kind: 'balance', card: card('1') }, true],
    ['damaged rules (the engine sets them aside)', 'garbage', { kind: 'launch' }, true],
    ['a damaged entry', { version: 1, rules: [null] }, { kind: 'launch' }, true],
  ] as const)('%s → load the engine: %p', (_name, raw, occasion, expected) => {
    expect(mayRun(raw, occasion as never)).toBe(expected);
  });

  test('runs never overlap, and an engine that cannot load costs nothing and is tried again later', async () => {
    storage.set(AUTO_TOPUP_RULES_KEY, { version: 1, rules: [{ state: 'active' }] });
    const order: string[] = [];
    let fail = true;
    const load = jest.fn(async () => {
      if (fail) throw new Error('offline');
      return {
        createAutoTopupEngine: () => ({
          run: async () => {
            order.push('start');
            await clock.sleep(10);
            order.push('end');
            return { results: [] };
          },
        }),
      };
    });
    const runner = new LazyAutoTopupRunner({ storage } as unknown as AutoTopupDeps, load);
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(await runner.run({ kind: 'launch' })).toEqual({ results: [] });
    fail = false;
    await Promise.all([runner.run({ kind: 'launch' }), runner.run({ kind: 'rules_changed' })]);
    expect(order).toEqual(['start', 'end', 'start', 'end']);
    expect(load).toHaveBeenCalledTimes(2);
    warn.mockRestore();
  });
});
