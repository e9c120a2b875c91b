/**
 * The voucher after the payment, rendered with Vant: the order's 归属地 and 下单方式, 申请发票
 * and the state of its invoice, and 保存凭证图片 through the device fake (the picture read
 * back from the canvas calls, the album refused, explained, then allowed in settings).
 */
import { openPage, type Driver } from '../support/page-driver';
import { TestApp } from '../support/app';
import { realOrder, type RealOrderSpec } from '../support/records-orders';
import { InvoiceStore } from '../../miniprogram/pages/invoice/store/invoice-store';
import { applyForInvoice } from '../../miniprogram/pages/invoice/store/invoicing';
import { transitionInvoice } from '../../miniprogram/pages/invoice/core/invoice';
import type { Order } from '../../miniprogram/core/types';

const SHENZHEN = { country: 'CN' as const, province: '广东', city: '深圳' };
let app: TestApp;

beforeEach(() => {
  globalThis.__wxStorage.clearStorageSync();
  app = new TestApp({ now: '2026-11-25T10:30:00+08:00' });
});

function stored(spec: Partial<RealOrderSpec> = {}): Order {
  const order = realOrder({ at: '2026-11-25T10:00:00+08:00', serial: 42, location: SHENZHEN, ...spec });
  const result = app.services.records.append(order);
  if (!result.ok) throw new Error(result.message);
  return order;
}

const openVoucher = (orderId: string) => openPage('voucher', { orderId }, app.services);

function field(page: Driver, key: string): string {
  return `${page.textOf(`.field-${key} >>> .van-cell__title`)} ${page.textOf(`.field-${key} >>> .van-cell__value`)}`;
}

async function invoiced(order: Order, issued: boolean): Promise<string> {
  const applied = await applyForInvoice(app.services, { title: { kind: 'personal' }, email: 'me@example.com', orderIds: [order.id] });
  if (!applied.ok) throw new Error(applied.message);
  if (!issued) return applied.value.id;
  const store = new InvoiceStore(app.services.storage, app.services.clock);
  const moved = transitionInvoice(store.get(applied.value.id)!, 'issued', app.services.clock.now(), { number: '26442000000123456789', issuedAt: app.services.clock.now() });
  if (!moved.ok) throw new Error(moved.message);
  store.update(moved.value);
  return applied.value.id;
}

describe('归属地 and 下单方式', () => {
  test('a manual renewal of a placed number: 广东 深圳 · 中国移动, 手动', async () => {
    const page = await openVoucher(stored().id);
    expect(field(page, 'carrier')).toBe('归属地 广东 深圳 · 中国移动');
    expect(field(page, 'via')).toBe('下单方式 手动');
  });

  test.each([
    ['the carrier could not place it', { location: null }, '归属地 归属地未知 · 中国移动'],
    ['an order placed before orders kept the place', { location: undefined }, '归属地 归属地未知 · 中国移动'],
    ['a Smart number', { carrier: 'smart' as const, location: { country: 'PH' as const, province: '', city: '' } }, '归属地 菲律宾 · Smart'],
  ])('%s', async (_name, spec, expected) => {
    const page = await openVoucher(stored(spec).id);
    expect(field(page, 'carrier')).toBe(expected);
  });

  test('an order an 自动充值 rule placed says so', async () => {
    const order = stored();
    app.services.records.update({ ...order, autoTopup: { ruleId: 'r1', period: 'M2026-11', contractId: 'C1' } });
    const page = await openVoucher(order.id);
    expect(field(page, 'via')).toBe('下单方式 自动充值（微信支付委托代扣）');
  });
});

describe('电子发票 from the voucher', () => {
  test('a charged order offers 申请发票, which opens the invoice page with it picked', async () => {
    const order = stored();
    const page = await openVoucher(order.id);
    expect(page.textOf('#apply-invoice')).toBe('申请发票');
    expect(page.has('#invoice-state')).toBe(false);
    await page.tap('#apply-invoice');
    expect(app.nav.last()).toEqual({ kind: 'open', page: 'invoice', query: { orderIds: order.id } });
  });

  test('tapped twice, 申请发票 opens one invoice page; back on the voucher it opens again', async () => {
    const order = stored();
    const page = await openVoucher(order.id);
    await page.tap('#apply-invoice');
    await page.tap('#apply-invoice');
    expect(app.nav.moves.filter((m) => m.page === 'invoice')).toHaveLength(1);
    await page.lifecycle('onShow');
    await page.tap('#apply-invoice');
    expect(app.nav.moves.filter((m) => m.page === 'invoice')).toHaveLength(2);
  });

  test.each(['cancelled', 'pay_failed', 'unknown', 'refunded'] as const)('a %s order offers no invoice', async (state) => {
    const page = await openVoucher(stored({ state }).id);
    expect(page.has('#apply-invoice')).toBe(false);
    expect(page.has('#invoice-state')).toBe(false);
  });

  test('申请中, then 已开具 once back from the invoice; the row opens the invoice', async () => {
    const order = stored();
    const id = await invoiced(order, false);
    const page = await openVoucher(order.id);
    expect(page.textOf('#invoice-state')).toContain('申请中');
    expect(page.has('#apply-invoice')).toBe(false);
    const store = new InvoiceStore(app.services.storage, app.services.clock);
    const issued = transitionInvoice(store.get(id)!, 'issued', app.services.clock.now(), { number: '26442000000123456789', issuedAt: app.services.clock.now() });
    if (issued.ok) store.update(issued.value);
    await page.lifecycle('onShow');
    expect(page.textOf('#invoice-state')).toContain('已开具');
    await page.tap('#invoice-state');
    expect(app.nav.last()).toEqual({ kind: 'open', page: 'invoice/detail', query: { id } });
  });

  test('an order refunded after it was invoiced shows its invoice 已作废', async () => {
    const order = stored();
    await invoiced(order, true);
    // A refund after the top-up (a reversal by the carrier) is stored as such; the state machine has no user path to it.
    app.services.records.update({ ...order, state: 'refunded', history: [...order.history, { state: 'refunded', at: app.services.clock.now() }] });
    const page = await openVoucher(order.id);
    expect(page.textOf('#invoice-state')).toContain('已作废');
    expect(page.has('#apply-invoice')).toBe(false);
  });
});

describe('保存凭证图片', () => {
  test('draws the voucher (amount, full order and WeChat Pay numbers, masked number, place, state) and saves it', async () => {
    const order = stored();
    const page = await openVoucher(order.id);
    expect(page.vantShown('#save-picture', '.van-button')).toBe(true);
    await page.tap('#save-picture');
    await page.until(() => page.data.picture.image !== '', 'the picture drawn');
    const texts = app.device.canvases[0].context.texts();
    expect(texts).toEqual(expect.arrayContaining([order.id, order.transactionId, '138****8000', '广东 深圳 · 中国移动', '手动', '充值成功']));
    expect(texts.join(' ')).not.toContain('13800138000');
    expect(page.textOf('#picture >>> .sheet__title')).toBe('凭证图片');
    await page.tap('#picture >>> .save-picture');
    await page.until(() => app.device.album.length === 1, 'the picture in the album');
    expect(app.device.lastToast()).toBe('已保存到相册');
  });

  test('the album refused: the sheet explains and offers 去设置, which saves once allowed', async () => {
    const page = await openVoucher(stored().id);
    await page.tap('#save-picture');
    await page.until(() => page.data.picture.image !== '', 'the picture drawn');
    app.device.albumAnswers = ['denied'];
    app.device.confirmAnswers = [false];
    await page.tap('#picture >>> .save-picture');
    await page.until(() => page.has('#picture >>> .sheet__settings'), 'the way to settings');
    expect(app.device.confirms[0]).toMatchObject({ title: '需要相册权限' });
    expect(page.textOf('#picture >>> .sheet__message')).toContain('相册');
    expect(app.device.album).toEqual([]);
    await page.tap('#picture >>> .sheet__settings');
    await page.until(() => app.device.album.length === 1, 'saved after settings');
    expect(app.device.settingsOpened).toEqual(['scope.writePhotosAlbum']);
    expect(page.textOf('#picture >>> .sheet__message')).toBe('已保存到相册');
  });

  test('tapped twice while it draws, the voucher is drawn once', async () => {
    const page = await openVoucher(stored().id);
    const first = page.instance.onSavePicture();
    const second = page.instance.onSavePicture();
    await Promise.all([first, second]);
    expect(app.device.canvases).toHaveLength(1);
  });

  test('发送给朋友 opens WeChat\u2019s share menu with the picture', async () => {
    const page = await openVoucher(stored().id);
    await page.tap('#save-picture');
    await page.until(() => page.data.picture.image !== '', 'the picture drawn');
    await page.tap('#picture >>> .share-picture');
    await page.until(() => app.device.shared.length === 1, 'the share menu');
    expect(app.device.shared).toEqual([page.data.picture.image]);
  });
});
