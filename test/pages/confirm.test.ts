import { openPage, type Driver, settle } from '../support/page-driver';
import { TestApp } from '../support/app';
import type { MockCarrierGateway } from '../../miniprogram/backends/offline/gateway';
import type { MockWeChatPay } from '../../miniprogram/backends/offline/wechat-pay';
import { productById } from '../../miniprogram/core/catalog';
import { chinaToday } from '../../miniprogram/core/dates';
import { createOrder, newIdempotencyKey, newOrderId } from '../../miniprogram/core/order';
import { quote } from '../../miniprogram/core/pricing';
import type { CardProfile } from '../../miniprogram/core/types';

const PHONE = '13800138000';
const QUERY = { phone: PHONE, productId: 'cmcc-recharge-50' };

let app: TestApp;

beforeEach(() => {
  globalThis.__wxStorage.clearStorageSync();
  globalThis.__wxStorage.maxTotalBytes = 10 * 1024 * 1024;
  app = new TestApp();
});

function payment(): MockWeChatPay {
  return app.services.payment as MockWeChatPay;
}

function storageKeys(): string[] {
  return [...globalThis.__wxStorage.getStorageInfoSync().keys].sort();
}

async function open(query: Record<string, string> = QUERY): Promise<Driver> {
  const opened = await openPage('confirm', query, app.services);
  await opened.until(() => opened.data.status !== 'loading', 'the order');
  return opened;
}

async function sheetOpen(driver: Driver): Promise<void> {
  await driver.until(() => driver.has('#sheet >>> .payment-sheet__pay >>> .van-button'), 'the payment sheet');
}

async function result(driver: Driver): Promise<string> {
  await driver.until(() => app.nav.last()?.kind === 'relaunch', 'the move to the result page');
  const move = app.nav.last();
  expect(move?.page).toBe('result');
  return move?.query.orderId ?? '';
}

/** A paid order for the number and product, as an earlier visit would leave it. */
async function payEarlier(productId = 'cmcc-recharge-50'): Promise<void> {
  const found = await app.services.gateway.lookup({ phone: PHONE });
  const card = (found as { ok: true; value: CardProfile }).value;
  const now = app.clock.now();
  const order = createOrder({
    id: newOrderId(now, app.services.random),
    idempotencyKey: newIdempotencyKey(app.services.random),
    now,
    card,
    quote: quote(productById(productId)!, card, chinaToday(now)),
  });
  payment().scenario = 'pay';
  const paid = await app.services.checkout.pay(order);
  expect(paid.outcome).toBe('succeeded');
}

describe('confirm page: what it shows', () => {
  test('归属地 under the number to check: 广东 深圳, and 归属地未知 for a number the carrier cannot place (issue 15 item 2)', async () => {
    const placed = await open({ phone: '18600186002', productId: 'cucc-recharge-50' });
    expect(placed.textOf('.confirm__carrier')).toBe('广东 深圳 · 中国联通 · 手机卡');
    const unplaced = await open({ phone: '16600166000', productId: 'cucc-recharge-50' });
    expect(unplaced.textOf('.confirm__carrier')).toMatch(/^归属地未知 · 中国联通 · /);
  });

  test('warns against 慢充 and top-ups for strangers below the order, with whom to call; 了解更多 opens the help page (issue 15 item 6)', async () => {
    const driver = await open();
    const warning = driver.textOf('#scam');
    expect(warning).toContain('谨防充值诈骗');
    expect(warning).toContain('承诺“几天内到账”的充值，和替陌生人充值');
    expect(warning).toContain('先打 移动 10086');
    expect(warning).toContain('12300');
    expect(warning).toContain('110');
    // Compact, and after the number check: the number comes first on the page.
    const text = driver.text();
    expect(text.indexOf('请核对号码')).toBeLessThan(text.indexOf('谨防充值诈骗'));
    expect(text.indexOf('谨防充值诈骗')).toBeLessThan(text.indexOf('确认支付'));
    await driver.tap('#scam-more');
    expect(app.nav.last()).toMatchObject({ page: 'help' });
  });

  test('the full number large and grouped, the carrier, the order as core prices it, a Vant pay button', async () => {
    const driver = await open();
    expect(driver.textOf('.confirm__prompt')).toBe('请核对号码');
    expect(driver.textOf('.confirm__phone')).toBe('138 0013 8000');
    expect(driver.textOf('.confirm__carrier')).toBe('北京 · 中国移动 · 手机卡');
    const lines = driver.textOf('#lines');
    expect(lines).toContain('套餐话费充值 50 元');
    // One price when nothing lowers it (walk 23).
    expect(lines).not.toContain('原价');
    expect(lines).toContain('当前到期日2027年1月9日');
    expect(lines).toContain('续费后到期日2027年7月8日');
    expect(lines).toContain('实付金额¥50.00');
    expect(lines).not.toContain('优惠');
    expect(driver.vantShown('#pay', '.van-button')).toBe(true);
    expect(driver.textOf('#pay')).toBe('确认支付 ¥50.00');
    expect(driver.has('#duplicate')).toBe(false);
    expect(driver.textOf('#updated')).toBe('数据更新于 10:00 · 下拉可刷新');
  });

  test('a promotion shows as a discount line, recomputed here whatever the link says', async () => {
    const driver = await open({ phone: PHONE, productId: 'cmcc-recharge-100', price: '1', payable: '1' });
    const lines = driver.textOf('#lines');
    expect(lines).toContain('原价¥100.00');
    expect(lines).toContain('优惠-¥5.00（大额充值 95 折（100 元及以上））');
    expect(driver.textOf('#pay')).toBe('确认支付 ¥95.00');
  });

  test('a Smart number: grouped +63 918 123 4567, charged in yuan with the face value and the rate (issue 12 item 8)', async () => {
    const driver = await open({ phone: '09181234567', productId: 'smart-recharge-300' });
    expect(driver.textOf('.confirm__phone')).toBe('+63 918 123 4567');
    expect(driver.textOf('.confirm__carrier')).toBe('菲律宾 · Smart · 手机卡');
    const lines = driver.textOf('#lines');
    expect(lines).toContain('加送有效期7 天');
    expect(lines).toContain('面值₱300.00');
    expect(lines).toContain('汇率₱1 ≈ ¥0.1235（10:00 报价）');
    expect(lines).toContain('实付金额¥37.05');
    expect(driver.textOf('#pay')).toBe('确认支付 ¥37.05');
  });

  test('a Smart order pays the yuan shown: the sheet, the charge and the record agree', async () => {
    const driver = await open({ phone: '09181234567', productId: 'smart-recharge-300' });
    await driver.tap('#pay');
    await sheetOpen(driver);
    expect(driver.textOf('#sheet >>> .payment-sheet__amount')).toBe('¥37.05');
    await driver.tap('#sheet >>> .payment-sheet__pay');
    const order = app.services.records.get(await result(driver));
    expect(order?.payable).toEqual({ amount: 30000, currency: 'PHP' });
    expect(order?.charged).toEqual({ amount: 3705, currency: 'CNY' });
    expect(order?.fx?.rate).toEqual({ from: 'PHP', to: 'CNY', fen: 247, centavos: 2000 });
  });

  test('a rate quoted too long ago is asked again before paying; the new figure is shown, nothing charged', async () => {
    const driver = await open({ phone: '09181234567', productId: 'smart-recharge-300' });
    app.clock.advance(11 * 60_000);
    (app.services.gateway as MockCarrierGateway).rate = { from: 'PHP', to: 'CNY', fen: 1, centavos: 8 };
    await driver.tap('#pay');
    await driver.until(() => driver.data.payError !== '', 'the message');
    expect(driver.textOf('.confirm__error')).toBe('汇率已更新，请核对实付金额后再支付');
    expect(driver.textOf('#pay')).toBe('确认支付 ¥37.50');
    expect(driver.has('#sheet >>> .payment-sheet__pay')).toBe(false);
    expect(payment().chargeCount()).toBe(0);
  });

  test('an expired card says so beside its current expiry (walk 22)', async () => {
    const driver = await open({ phone: '13300133003', productId: 'ctcc-recharge-50' });
    expect(driver.textOf('#lines')).toMatch(/当前到期日\d{4}年\d+月\d+日（已过期 3 天）/);
  });

  test('a data pack leaves the card\u2019s expiry as it is (walk 13)', async () => {
    const driver = await open({ phone: PHONE, productId: 'cmcc-data-10gb' });
    const lines = driver.textOf('#lines');
    expect(lines).toContain('流量有效期30 天');
    expect(lines).toContain('号码到期日不变（流量包不延长号码有效期）');
    expect(lines).not.toContain('续费后到期日');
  });

  test('a recharge that leaves a suspended line in debt says so (walk 1)', async () => {
    const driver = await open({ phone: '15900159000', productId: 'cmcc-recharge-10' });
    expect(driver.textOf('#debt')).toBe('充值后余额仍为 -¥2.30，号码仍停机，至少充 ¥13 才能复机');
    const cleared = await open({ phone: '15900159000', productId: 'cmcc-recharge-20' });
    expect(cleared.has('#debt')).toBe(false);
  });

  test('the card this renewal fetched is reused while fresh; pull-down asks again', async () => {
    const found = await app.services.gateway.lookup({ phone: PHONE });
    if (!found.ok) throw new Error(found.message);
    app.services.renewalCache.putCard(found.value, app.clock.now());
    app.clock.advance(60_000);
    const lookup = jest.spyOn(app.services.gateway, 'lookup');
    const driver = await open();
    expect(lookup).not.toHaveBeenCalled();
    expect(driver.textOf('#updated')).toContain('数据更新于 10:00');
    await driver.lifecycle('onPullDownRefresh');
    expect(lookup).toHaveBeenCalledTimes(1);
    expect(driver.textOf('#updated')).toContain('数据更新于 10:01');
  });

  test('a custom amount whose amount matches its product', async () => {
    const driver = await open({ phone: PHONE, productId: 'cmcc-recharge-custom-66', amount: '6600' });
    expect(driver.textOf('#pay')).toBe('确认支付 ¥66.00');
  });

  test('a network failure offers 重试', async () => {
    (app.services.gateway as MockCarrierGateway).failNext('network');
    const driver = await open();
    expect(driver.text()).toContain('网络连接失败');
    expect(driver.has('#pay')).toBe(false);
    await driver.tap('#retry');
    await driver.until(() => driver.data.status === 'ready', 'the order');
    expect(driver.textOf('.confirm__phone')).toBe('138 0013 8000');
  });
});

describe('confirm page: bad links', () => {
  test.each([
    ['no number', { productId: 'cmcc-recharge-50' }, '手机号无效'],
    ['a malformed number', { phone: '1380013', productId: 'cmcc-recharge-50' }, '手机号无效'],
    ['no product', { phone: PHONE }, '没有找到要购买的套餐'],
    ['an unknown product', { phone: PHONE, productId: 'cmcc-recharge-7' }, '没有找到要购买的套餐'],
    ['a custom amount out of bounds', { phone: PHONE, productId: 'cmcc-recharge-custom-9999' }, '没有找到要购买的套餐'],
    ['an amount that does not match', { phone: PHONE, productId: 'cmcc-recharge-100', amount: '1' }, '充值金额与套餐不一致'],
    ['another carrier’s product', { phone: PHONE, productId: 'cucc-recharge-50' }, '不适用于该号码'],
    ['a plan not sold for this card type', { phone: '19200192000', productId: 'cbn-keep-8' }, '不适用于该号码'],
  ])('%s: a clear Chinese error, a way back, nothing stored or charged', async (_name, query, message) => {
    const before = storageKeys();
    const driver = await open(query as Record<string, string>);
    expect(driver.data.status).toBe('invalid');
    expect(driver.text()).toContain(message);
    expect(driver.has('#pay')).toBe(false);
    expect(driver.vantShown('#back', '.van-button')).toBe(true);
    await driver.tap('#back');
    expect(app.nav.last()?.kind).toBe('back');
    expect(app.services.records.count()).toBe(0);
    expect(payment().chargeCount()).toBe(0);
    expect(storageKeys()).toEqual(before);
  });
});

describe('confirm page: paying', () => {
  test('the page hands its own pay sheet to the payment backend while on screen, and takes it back when it goes', async () => {
    const driver = await open();
    expect(app.services.paymentSheet.current()).not.toBeNull();
    driver.comp.detach();
    expect(app.services.paymentSheet.current()).toBeNull();
  });

  test('the sheet shows the order; 确认支付 pays once, records it and replaces the page with the result', async () => {
    const driver = await open();
    await driver.tap('#pay');
    await sheetOpen(driver);
    expect(driver.data.paying).toBe(true);
    expect(driver.html()).toContain('van-button--loading');
    expect(driver.textOf('#sheet >>> .payment-sheet__amount')).toBe('¥50.00');
    expect(driver.textOf('#sheet >>> .payment-sheet')).toContain('中国移动 话费充值 50 元 · 138****8000');
    expect(app.services.records.count()).toBe(1);
    await driver.tap('#sheet >>> .payment-sheet__pay');
    const orderId = await result(driver);
    expect(orderId).toMatch(/^CR20261125\d{12}$/);
    expect(app.services.records.get(orderId)?.state).toBe('succeeded');
    expect(payment().chargeCount()).toBe(1);
    // The result opens alone: back leaves the purchase flow (walk 12).
    expect(app.nav.moves.filter((m) => m.kind === 'relaunch')).toHaveLength(1);
  });

  test('cancel on the sheet stays here, says nothing was charged, and 重新支付 pays a fresh order once (issue 12 items 5 and 6)', async () => {
    const driver = await open();
    const pay = jest.spyOn(app.services.checkout, 'pay');
    await driver.tap('#pay');
    await sheetOpen(driver);
    await driver.tap('#sheet >>> .payment-sheet__cancel');
    await driver.until(() => driver.has('#notice'), 'the cancel note');
    expect(app.nav.moves).toEqual([]);
    expect(driver.textOf('#notice')).toBe('已取消支付，没有扣款。核对无误后可以重新支付');
    expect(driver.textOf('#pay')).toBe('重新支付 ¥50.00');
    await driver.tap('#pay');
    await sheetOpen(driver);
    await driver.tap('#sheet >>> .payment-sheet__pay');
    const orderId = await result(driver);
    const [first, second] = pay.mock.calls.map((call) => call[0]);
    expect(second.idempotencyKey).not.toBe(first.idempotencyKey);
    expect(second.id).not.toBe(first.id);
    expect(app.services.records.get(first.id)?.state).toBe('cancelled');
    expect(app.services.records.get(orderId)?.state).toBe('succeeded');
    expect(payment().chargeCount()).toBe(1);
  });

  test('leaving the page with the sheet open cancels the order and moves nothing (walk 3)', async () => {
    const driver = await open();
    await driver.tap('#pay');
    await sheetOpen(driver);
    driver.unload();
    await driver.until(() => app.services.records.all()[0]?.state === 'cancelled', 'the cancelled order');
    await settle();
    expect(app.nav.moves).toEqual([]);
    expect(payment().chargeCount()).toBe(0);
  });

  test('a payment still running when the page is left never takes over another page; its outcome comes as a toast (walk 3)', async () => {
    const driver = await open();
    payment().scenario = 'pay';
    app.services.paymentSheet.attach({ present: async () => 'no_answer' });
    // The sheet answered 无响应: the page waits for WeChat Pay's timeout meanwhile.
    const paying = driver.instance.onPay();
    await driver.until(() => driver.data.paying === true, 'paying');
    driver.unload();
    await paying;
    await settle();
    expect(app.nav.moves).toEqual([]);
    expect(app.device.lastToast()).toBe('支付结果未知，请勿重复支付，我们会自动核对，可在「记录」中查看');
  });

  test.each([
    ['.payment-sheet__pay', ['.payment-sheet__option--insufficient'], 'pay_failed'],
    ['.payment-sheet__pay', ['.payment-sheet__option--no-answer'], 'unknown'],
  ])('answering %s (after %p) goes to the result with the order %s', async (button, options, state) => {
    const driver = await open();
    await driver.tap('#pay');
    await sheetOpen(driver);
    for (const option of options) await driver.tap(`#sheet >>> ${option}`);
    await driver.tap(`#sheet >>> ${button}`);
    const orderId = await result(driver);
    expect(app.services.records.get(orderId)?.state).toBe(state);
    expect(app.services.records.count()).toBe(1);
  });

  test('a double tap starts one payment and writes one record', async () => {
    const driver = await open();
    const pay = jest.spyOn(app.services.checkout, 'pay');
    const first = driver.instance.onPay();
    const second = driver.instance.onPay();
    driver.find('#pay >>> .van-button').dispatchEvent('tap');
    await sheetOpen(driver);
    await driver.tap('#pay');
    await driver.tap('#sheet >>> .payment-sheet__pay');
    await Promise.all([first, second]);
    await result(driver);
    expect(pay).toHaveBeenCalledTimes(1);
    expect(payment().chargeCount()).toBe(1);
    expect(app.services.records.count()).toBe(1);
    expect(app.nav.moves.filter((m) => m.kind === 'relaunch')).toHaveLength(1);
    // Nothing runs after the page has moved on.
    await driver.instance.onPay();
    await settle();
    expect(app.services.records.count()).toBe(1);
  });

  test('storage full before paying: the reason is shown, nothing charged, nothing recorded, and a retry works', async () => {
    const driver = await open();
    const before = storageKeys();
    globalThis.__wxStorage.maxTotalBytes = globalThis.__wxStorage.usedBytes() + 16;
    await driver.tap('#pay');
    await driver.until(() => driver.data.payError !== '', 'the message');
    expect(driver.textOf('.confirm__error')).toContain('手机存储空间已满');
    expect(driver.textOf('.confirm__error')).toContain('没有扣款');
    expect(driver.has('#sheet >>> .payment-sheet__pay')).toBe(false);
    expect(payment().chargeCount()).toBe(0);
    expect(app.services.records.count()).toBe(0);
    expect(app.nav.moves).toEqual([]);
    expect(storageKeys()).toEqual(before);
    expect(driver.data.paying).toBe(false);
    // Space freed: the same order (same idempotency key) is paid once.
    globalThis.__wxStorage.maxTotalBytes = 10 * 1024 * 1024;
    await driver.tap('#pay');
    await sheetOpen(driver);
    await driver.tap('#sheet >>> .payment-sheet__pay');
    const orderId = await result(driver);
    expect(app.services.records.count()).toBe(1);
    expect(payment().chargeCount()).toBe(1);
    expect(app.services.records.get(orderId)?.state).toBe('succeeded');
  });

  test('the order is made once per visit: a second attempt reuses its number and idempotency key', async () => {
    const driver = await open();
    globalThis.__wxStorage.maxTotalBytes = globalThis.__wxStorage.usedBytes() + 16;
    const pay = jest.spyOn(app.services.checkout, 'pay');
    await driver.tap('#pay');
    await driver.until(() => driver.data.payError !== '', 'the message');
    globalThis.__wxStorage.maxTotalBytes = 10 * 1024 * 1024;
    await driver.tap('#pay');
    await sheetOpen(driver);
    await driver.tap('#sheet >>> .payment-sheet__pay');
    await result(driver);
    expect(pay).toHaveBeenCalledTimes(2);
    const [a, b] = pay.mock.calls.map((call) => call[0]);
    expect(b.id).toBe(a.id);
    expect(b.idempotencyKey).toBe(a.idempotencyKey);
  });
});

describe('confirm page: the same number and product paid within 10 minutes', () => {
  test('a Vant notice warns; declining the second confirmation pays nothing', async () => {
    await payEarlier();
    const driver = await open();
    expect(driver.vantShown('#duplicate', '.van-notice-bar')).toBe(true);
    expect(driver.textOf('#duplicate')).toContain('该号码 10 分钟内已充值过相同套餐');
    app.device.confirmAnswers = [false];
    let labelDuringDialog: boolean | null = null;
    const ask = app.device.confirm.bind(app.device);
    jest.spyOn(app.device, 'confirm').mockImplementation((options) => {
      labelDuringDialog = driver.data.paying;
      return ask(options);
    });
    await driver.tap('#pay');
    await driver.until(() => app.device.confirms.length === 1, 'the dialog');
    await settle();
    // Nothing is paying while the dialog asks (walk 21).
    expect(labelDuringDialog).toBe(false);
    expect(driver.data.paying).toBe(false);
    expect(app.device.confirms).toHaveLength(1);
    expect(app.device.confirms[0].title).toBe('可能重复充值');
    expect(app.device.confirms[0].content).toContain('10 分钟内已充值过相同套餐');
    expect(driver.has('#sheet >>> .payment-sheet__pay')).toBe(false);
    expect(payment().chargeCount()).toBe(1);
    expect(app.services.records.count()).toBe(1);
    expect(app.nav.moves).toEqual([]);
  });

  test('confirming again goes on to pay', async () => {
    await payEarlier();
    const driver = await open();
    app.device.confirmAnswers = [true];
    await driver.tap('#pay');
    await sheetOpen(driver);
    await driver.tap('#sheet >>> .payment-sheet__pay');
    await result(driver);
    expect(app.device.confirms).toHaveLength(1);
    expect(payment().chargeCount()).toBe(2);
    expect(app.services.records.count()).toBe(2);
  });

  test('another product, or the same one after 10 minutes, asks nothing', async () => {
    await payEarlier();
    const other = await open({ phone: PHONE, productId: 'cmcc-recharge-20' });
    expect(other.has('#duplicate')).toBe(false);
    app.clock.advance(11 * 60 * 1000);
    const driver = await open();
    expect(driver.has('#duplicate')).toBe(false);
    await driver.tap('#pay');
    await sheetOpen(driver);
    expect(app.device.confirms).toHaveLength(0);
  });
});

describe('confirm page: setData budget', () => {
  test('first render under 8 KB; the pay tap under 2 KB', async () => {
    const driver = await open();
    const { meter } = driver;
    expect(meter.sinceLast().reduce((a, b) => a + b, 0)).toBeLessThan(8 * 1024);
    await driver.tap('#pay');
    await sheetOpen(driver);
    for (const size of meter.sinceLast()) expect(size).toBeLessThan(2 * 1024);
  });
});

describe('confirm page: opened at launch (walk 4)', () => {
  test('waits for the launch reconciliation, then shows the card as the settled order left it, with the duplicate warning', async () => {
    const found = await app.services.gateway.lookup({ phone: PHONE });
    const card = (found as { ok: true; value: CardProfile }).value;
    const now = app.clock.now();
    const order = createOrder({ id: newOrderId(now, app.services.random), idempotencyKey: newIdempotencyKey(app.services.random), now, card, quote: quote(productById('cmcc-recharge-50')!, card, chinaToday(now)) });
    payment().scenario = 'no_answer';
    expect((await app.services.checkout.pay(order)).outcome).toBe('unknown');
    // Relaunch: the launch reconciliation starts, and confirm opens before it has finished.
    app.restart();
    const reconciling = app.services.checkout.reconcile();
    const driver = await open();
    await reconciling;
    await driver.until(() => driver.data.status === 'ready', 'the order');
    expect(app.services.records.get(order.id)?.state).toBe('succeeded');
    expect(driver.textOf('#lines')).toContain('当前到期日2027年7月8日');
    expect(driver.textOf('#duplicate')).toContain('10 分钟内已充值过相同套餐');
  });
});
