/**
 * The whole renewal as a person does it: 充值 tab → packages → confirm → the WeChat Pay
 * sheet → result, with real services over the storage fake. Each outcome is checked in
 * the stored record, also after a relaunch over the same storage.
 */
import { follow, openPage, type Driver } from '../support/page-driver';
import { TestApp } from '../support/app';
import type { MockWeChatPay } from '../../miniprogram/backends/offline/wechat-pay';
import type { OrderState } from '../../miniprogram/core/types';

type Outcome = 'success' | 'cancel' | 'failure' | 'timeout';

interface Region {
  name: string;
  typed: string;
  phone: string;
  tile: string;
  productId: string;
  /** What WeChat Pay charges, in yuan. */
  amountText: string;
  /** The order's price in its own currency. */
  currency: 'CNY' | 'PHP';
  amount: number;
  expiryLine: string;
}

const MAINLAND: Region = {
  name: 'mainland',
  typed: '138 0013 8000',
  phone: '13800138000',
  tile: '#tile-cmcc-recharge-50',
  productId: 'cmcc-recharge-50',
  amountText: '¥50.00',
  currency: 'CNY',
  amount: 5000,
  expiryLine: '到期日将延长至 2027年7月8日',
};

const SMART: Region = {
  name: 'Smart',
  typed: '+63 918 123 4567',
  phone: '09181234567',
  tile: '#tile-smart-recharge-300',
  productId: 'smart-recharge-300',
  // WeChat Pay charges yuan: ₱300 at the demo rate ₱1 ≈ ¥0.1235.
  amountText: '¥37.05',
  currency: 'PHP',
  amount: 30000,
  // ₱300: 75 days + 7 promotional days from 2026-12-07.
  expiryLine: '到期日将延长至 2027年2月27日',
};

const SHEET_STEPS: Record<Outcome, { options: string[]; button: string }> = {
  success: { options: [], button: '.payment-sheet__pay' },
  cancel: { options: [], button: '.payment-sheet__cancel' },
  failure: { options: ['.payment-sheet__option--insufficient'], button: '.payment-sheet__pay' },
  timeout: { options: ['.payment-sheet__option--no-answer'], button: '.payment-sheet__pay' },
};

const RESULT_TITLE: Record<Outcome, string> = {
  success: '充值成功',
  cancel: '已取消支付',
  failure: '支付失败',
  timeout: '支付结果待确认 — 请勿重复支付',
};

const STORED_STATE: Record<Outcome, OrderState> = {
  success: 'succeeded',
  cancel: 'cancelled',
  failure: 'pay_failed',
  timeout: 'unknown',
};

let app: TestApp;

beforeEach(() => {
  globalThis.__wxStorage.clearStorageSync();
  app = new TestApp();
});

function payment(): MockWeChatPay {
  return app.services.payment as MockWeChatPay;
}

/** 充值 tab → packages → confirm, with the page driver of the confirm page. */
async function toConfirm(region: Region, expiryLine = region.expiryLine): Promise<Driver> {
  const lookup = await openPage('lookup', {}, app.services);
  await lookup.type('#query', region.typed);
  await lookup.tap('#submit');
  await lookup.until(() => lookup.has('#renew'), 'the card');
  await lookup.tap('#renew');
  // The number, and the option 充值 recommended (packages preselects it; the tile tap below overrides it).
  expect(app.nav.last()).toMatchObject({ kind: 'open', page: 'packages', query: { phone: region.phone } });
  expect(app.nav.last()?.query.productId).toMatch(/-recharge-/);
  lookup.unload();

  const packages = await follow(app, 'packages');
  await packages.until(() => packages.data.status === 'ready', 'the packages');
  await packages.tap(region.tile);
  expect(packages.textOf('.packages__expiry')).toBe(expiryLine);
  await packages.tap('#next');
  expect(app.nav.last()?.query).toEqual({ phone: region.phone, productId: region.productId });
  packages.unload();

  const confirm = await follow(app, 'confirm');
  await confirm.until(() => confirm.data.status === 'ready', 'the order');
  expect(confirm.textOf('#pay')).toBe(`确认支付 ${region.amountText}`);
  return confirm;
}

/** Pays on the rendered WeChat Pay sheet as a finger would, and follows to the result page. */
async function payOnSheet(confirm: Driver, outcome: Outcome, amountText: string): Promise<Driver> {
  await confirm.tap('#pay');
  await confirm.until(() => confirm.has('#sheet >>> .payment-sheet__pay >>> .van-button'), 'the payment sheet');
  expect(confirm.textOf('#sheet >>> .payment-sheet__amount')).toBe(amountText);
  expect(confirm.textOf('#pay')).toBe('支付中…');
  const steps = SHEET_STEPS[outcome];
  for (const option of steps.options) await confirm.tap(`#sheet >>> ${option}`);
  await confirm.tap(`#sheet >>> ${steps.button}`);
  if (outcome === 'cancel') {
    // WeChat Pay's cancel comes back to this page: nothing charged, 重新支付 offered.
    await confirm.until(() => confirm.has('#notice'), 'the cancel note');
    expect(confirm.textOf('#pay')).toBe(`重新支付 ${amountText}`);
    const cancelled = app.services.records.all()[0];
    confirm.unload();
    return openPage('result', { orderId: cancelled.id }, app.services);
  }
  await confirm.until(() => app.nav.last()?.kind === 'relaunch', 'the result page');
  confirm.unload();
  return follow(app, 'result');
}

const AMOUNT_LINE: Record<Outcome, (amount: string) => string> = {
  success: (amount) => `实付金额${amount}`,
  cancel: (amount) => `订单金额${amount}（未扣款）`,
  failure: (amount) => `订单金额${amount}（未扣款）`,
  timeout: (amount) => `订单金额${amount}（扣款待确认）`,
};

describe.each([MAINLAND, SMART])('renewal flow: $name number', (region) => {
  test.each(['success', 'cancel', 'failure', 'timeout'] as const)('%s', async (outcome) => {
    const confirm = await toConfirm(region);
    const result = await payOnSheet(confirm, outcome, region.amountText);
    const orderId = app.services.records.all()[0]?.id ?? '';

    expect(result.textOf('.result__title')).toBe(RESULT_TITLE[outcome]);
    expect(result.textOf('#lines')).toContain(AMOUNT_LINE[outcome](region.amountText));
    const stored = app.services.records.get(orderId);
    expect(stored?.state).toBe(STORED_STATE[outcome]);
    expect(stored?.phone).toBe(region.phone);
    expect(stored?.product.id).toBe(region.productId);
    expect(stored?.payable).toEqual({ amount: region.amount, currency: region.currency });
    if (region.currency === 'PHP') expect(stored?.charged).toEqual({ amount: 3705, currency: 'CNY' });
    else expect(stored?.charged).toBeUndefined();
    expect(app.services.records.page({ limit: 10 }).items.map((o) => o.id)).toEqual([orderId]);
    expect(payment().chargeCount()).toBe(outcome === 'success' || outcome === 'timeout' ? 1 : 0);

    if (outcome === 'success') {
      expect(stored?.after?.expiry).toBe(stored?.newExpiry);
      expect(result.textOf('#lines')).toContain('新到期日');
    }
    if (outcome === 'failure') expect(result.textOf('.result__subtitle')).toBe('原因：零钱余额不足，没有扣款');
    if (outcome === 'timeout') {
      // The money was taken but the answer lost: 刷新结果 reconciles to the truth.
      await result.tap('#refresh');
      await result.untilText('充值成功');
      expect(app.services.records.get(orderId)?.state).toBe('succeeded');
      expect(app.services.records.get(orderId)?.reconciled).toBe(true);
      expect(payment().chargeCount()).toBe(1);
    }

    // A relaunch over the same storage finds the same record.
    const before = app.services.records.get(orderId);
    app.restart();
    expect(app.services.records.get(orderId)).toEqual(before);
    expect(app.services.records.count()).toBe(1);
    const again = await openPage('result', { orderId }, app.services);
    expect(again.textOf('.result__title')).toBe(outcome === 'timeout' ? '充值成功' : RESULT_TITLE[outcome]);
  });
});

describe('renewal flow: safety', () => {
  test('a double tap on pay makes one payment and one record', async () => {
    const confirm = await toConfirm(MAINLAND);
    const pay = confirm.find('#pay >>> .van-button');
    pay.dispatchEvent('tap');
    pay.dispatchEvent('tap');
    void confirm.instance.onPay();
    await confirm.until(() => confirm.has('#sheet >>> .payment-sheet__pay >>> .van-button'), 'the sheet');
    await confirm.tap('#sheet >>> .payment-sheet__pay');
    await confirm.until(() => app.nav.last()?.kind === 'relaunch', 'the result');
    expect(payment().chargeCount()).toBe(1);
    expect(app.services.records.count()).toBe(1);
  });

  test('paying the same again within 10 minutes needs a second confirmation', async () => {
    await payOnSheet(await toConfirm(MAINLAND), 'success', MAINLAND.amountText);
    // The carrier already extended the card: 180 more days from 2027-07-08.
    const confirm = await toConfirm(MAINLAND, '到期日将延长至 2028年1月4日');
    expect(confirm.textOf('#duplicate')).toContain('该号码 10 分钟内已充值过相同套餐');
    app.device.confirmAnswers = [false];
    await confirm.tap('#pay');
    await confirm.until(() => confirm.data.paying === false, 'the declined confirmation');
    expect(payment().chargeCount()).toBe(1);
    expect(app.services.records.count()).toBe(1);
  });

  test('storage full before paying: told why, nothing charged, nothing recorded', async () => {
    const confirm = await toConfirm(MAINLAND);
    globalThis.__wxStorage.maxTotalBytes = globalThis.__wxStorage.usedBytes() + 16;
    await confirm.tap('#pay');
    await confirm.until(() => confirm.has('.confirm__error'), 'the message');
    expect(confirm.textOf('.confirm__error')).toContain('没有扣款');
    expect(payment().chargeCount()).toBe(0);
    expect(app.services.records.count()).toBe(0);
    expect(app.nav.last()?.page).toBe('confirm');
    globalThis.__wxStorage.maxTotalBytes = 10 * 1024 * 1024;
  });

  test('bad input on every field changes nothing stored', async () => {
    const snapshot = (): Record<string, string | undefined> => {
      const fake = globalThis.__wxStorage;
      return Object.fromEntries(fake.getStorageInfoSync().keys.map((key) => [key, fake.rawText(key)]));
    };
    const before = snapshot();

    const lookup = await openPage('lookup', {}, app.services);
    for (const typed of ['', '12345', 'abcdefg', '09171234567', '8986 0012', '１３８']) {
      await lookup.type('#query', typed);
      await lookup.tap('#submit');
      expect(lookup.textOf('#query >>> .van-field__error-message')).not.toBe('');
    }
    lookup.unload();

    const packages = await openPage('packages', { phone: '13800138000' }, app.services);
    await packages.until(() => packages.data.status === 'ready', 'the packages');
    for (const typed of ['0', '5', '9999', '12.5', '五十']) {
      await packages.type('#custom', typed);
      expect(packages.textOf('#custom >>> .van-field__error-message')).not.toBe('');
    }
    packages.unload();

    for (const query of [{}, { phone: 'x', productId: 'cmcc-recharge-50' }, { phone: '13800138000', productId: 'nope' }, { phone: '13800138000', productId: 'cmcc-recharge-50', amount: '1' }]) {
      const confirm = await openPage('confirm', query as Record<string, string>, app.services);
      await confirm.until(() => confirm.data.status === 'invalid', 'the error');
      confirm.unload();
    }
    for (const query of [{}, { orderId: 'nope' }]) {
      const result = await openPage('result', query as Record<string, string>, app.services);
      expect(result.text()).toContain('没有找到这笔订单');
      result.unload();
    }

    expect(snapshot()).toEqual(before);
    expect(app.services.records.count()).toBe(0);
    expect(payment().chargeCount()).toBe(0);
    expect(app.services.cards.recent()).toEqual([]);
  });
});
