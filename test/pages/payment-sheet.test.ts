import { openComponent, type Driver } from '../support/page-driver';
import { TestApp } from '../support/app';
import { money } from '../../miniprogram/core/money';
import type { PaymentRequest, PaymentSheetHost, SheetChoice } from '../../miniprogram/services/contracts';

const REQUEST: PaymentRequest = {
  orderId: 'CR20261125100000123456',
  idempotencyKey: 'key-1',
  amount: money(4750, 'CNY'),
  payee: '卡续费',
  description: '中国移动 话费充值 50 元 · 138****8000',
};

let app: TestApp;
let driver: Driver;

/** The component itself: the page that hosts it hands its present() to the payment backend. */
function host(): PaymentSheetHost {
  return driver.instance as PaymentSheetHost;
}

/** Presents the request and waits until the sheet shows it; `answer` settles when the user chooses. */
async function present(request: PaymentRequest = REQUEST): Promise<{ answer: Promise<SheetChoice> }> {
  const answer = host().present(request);
  // Vant's popup shows its content after its enter transition starts (a later tick).
  await driver.until(() => driver.has('.payment-sheet__pay >>> .van-button'), 'the sheet to open');
  return { answer };
}

beforeEach(async () => {
  globalThis.__wxStorage.clearStorageSync();
  app = new TestApp();
  driver = await openComponent('../pages/confirm/payment-sheet', {}, app.services);
});

describe('payment-sheet', () => {
  test('reaches for no service: it does not attach itself, its page does (see the confirm page tests)', () => {
    expect(app.services.paymentSheet.current()).toBeNull();
    expect(typeof host().present).toBe('function');
  });

  test('shows nothing until a payment is presented', () => {
    expect(driver.text()).toBe('');
    expect(driver.has('.payment-sheet')).toBe(false);
  });

  test('shows payee, the amount large, the goods line and WeChat Pay buttons', async () => {
    await present();
    expect(driver.vantShown('.payment-sheet__pay', '.van-button')).toBe(true);
    expect(driver.textOf('.payment-sheet__payee')).toBe('付款给 卡续费');
    expect(driver.textOf('.payment-sheet__amount')).toBe('¥47.50');
    const sheet = driver.textOf('.payment-sheet');
    expect(sheet).toContain('商品中国移动 话费充值 50 元 · 138****8000');
    expect(sheet).toContain('确认支付');
    expect(sheet).toContain('取消');
    expect(sheet).toContain('余额不足');
    expect(sheet).toContain('无响应');
  });

  test('a Smart load is shown in the yuan it charges, its face value and rate on the goods line', async () => {
    await present({ ...REQUEST, amount: money(1235, 'CNY'), description: 'Smart 充值 ₱100 · 0917***4567 · 面值 ₱100.00，₱1 ≈ ¥0.1235（10:00 报价）' });
    expect(driver.textOf('.payment-sheet__amount')).toBe('¥12.35');
    expect(driver.textOf('.payment-sheet')).toContain('面值 ₱100.00，₱1 ≈ ¥0.1235');
  });

  test('a tap on the dimmed page beside the sheet does not cancel it (issue 12 item 5)', async () => {
    const { answer } = await present();
    let settled = false;
    void answer.then(() => (settled = true));
    // What Vant's popup does when its overlay is tapped (simulate cannot reach the overlay's node).
    driver.find('.payment-sheet__popup').instance.onClickOverlay();
    await driver.until(() => settled, 'the answer', 30).catch(() => undefined);
    expect(settled).toBe(false);
    expect(driver.has('.payment-sheet')).toBe(true);
    await driver.tap('.payment-sheet__pay');
    await expect(answer).resolves.toBe('pay');
  });

  test.each([
    ['确认支付', '.payment-sheet__pay', 'pay'],
    ['取消', '.payment-sheet__cancel', 'cancel'],
    ['✕', '.payment-sheet__close', 'cancel'],
  ] as const)('tapping %s answers %s and closes the sheet', async (_label, selector, choice) => {
    const { answer } = await present();
    await driver.tap(selector);
    await expect(answer).resolves.toBe(choice);
    expect(driver.has('.payment-sheet')).toBe(false);
  });

  test.each([
    ['.payment-sheet__option--insufficient', 'fail_insufficient'],
    ['.payment-sheet__option--no-answer', 'no_answer'],
  ] as const)('the 模拟结果 row turns 确认支付 into %s', async (option, choice) => {
    const { answer } = await present();
    await driver.tap(option);
    expect(driver.find(option).dom.className).toContain('payment-sheet__option--on');
    expect(driver.find('.payment-sheet__option').dom.className).not.toContain('payment-sheet__option--on');
    await driver.tap('.payment-sheet__pay');
    await expect(answer).resolves.toBe(choice);
  });

  test('each presentation starts from a normal payment', async () => {
    const { answer: first } = await present();
    await driver.tap('.payment-sheet__option--no-answer');
    await driver.tap('.payment-sheet__cancel');
    await expect(first).resolves.toBe('cancel');
    const { answer: second } = await present();
    await driver.tap('.payment-sheet__pay');
    await expect(second).resolves.toBe('pay');
  });

  test('a second presentation dismisses the first as cancelled', async () => {
    const { answer: first } = await present();
    const { answer: second } = await present({ ...REQUEST, orderId: 'CR2' });
    await expect(first).resolves.toBe('cancel');
    await driver.tap('.payment-sheet__pay');
    await expect(second).resolves.toBe('pay');
  });

  test('leaving the screen with the sheet open counts as cancel', async () => {
    const { answer } = await present();
    driver.comp.detach();
    await expect(answer).resolves.toBe('cancel');
  });
});
