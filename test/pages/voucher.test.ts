import { openPage } from '../support/page-driver';
import { TestApp } from '../support/app';
import { realOrder, type RealOrderSpec } from '../support/records-orders';
import type { Order } from '../../miniprogram/core/types';

let app: TestApp;

beforeEach(() => {
  globalThis.__wxStorage.clearStorageSync();
  app = new TestApp({ now: '2026-11-25T10:00:00+08:00' });
});

function stored(spec: RealOrderSpec): Order {
  const order = realOrder({ serial: 42, ...spec });
  const result = app.services.records.append(order);
  if (!result.ok) throw new Error(result.message);
  return order;
}

const openVoucher = (orderId: string) => openPage('voucher', { orderId }, app.services);

/** 'title value' as the cell for this field shows them. */
function field(page: Awaited<ReturnType<typeof openVoucher>>, key: string): string {
  return `${page.textOf(`.field-${key} >>> .van-cell__title`)} ${page.textOf(`.field-${key} >>> .van-cell__value`)}`;
}

describe('voucher', () => {
  test('shows every field of a paid, discounted renewal', async () => {
    // 100 元 on 2026-11-25: the 大额充值 95 折 promotion applies.
    const order = stored({ at: '2026-11-25T10:00:00+08:00', pick: 4, state: 'succeeded' });
    expect(order.discount.amount).toBe(500);
    const page = await openVoucher(order.id);
    expect(page.vantShown('.fields', '.van-cell-group')).toBe(true);
    expect(page.textOf('.head')).toContain('中国移动 话费充值 100 元');
    expect(page.textOf('.head')).toContain('¥95.00');
    expect(page.textOf('.head')).toContain('充值成功');
    expect(field(page, 'id')).toBe(`订单号 ${order.id}`);
    expect(page.textOf('#copy-id')).toBe('复制');
    expect(field(page, 'created')).toBe('下单时间 2026-11-25 10:00:00');
    expect(field(page, 'paidAt')).toBe('支付时间 2026-11-25 10:00:04');
    expect(field(page, 'phone')).toContain('138****8000');
    expect(page.text()).not.toContain('13800138000');
    expect(field(page, 'carrier')).toBe('归属地 归属地未知 · 中国移动');
    expect(field(page, 'via')).toBe('下单方式 手动');
    expect(field(page, 'product')).toBe('套餐 话费充值 100 元（话费充值）');
    expect(field(page, 'original')).toBe('原价 ¥100.00');
    expect(field(page, 'discount')).toBe('优惠 -¥5.00');
    expect(field(page, 'promotions')).toContain('大额充值 95 折');
    expect(field(page, 'payable')).toBe('实付金额 ¥95.00');
    expect(field(page, 'outcome')).toBe('支付结果 支付成功');
    expect(field(page, 'transaction')).toBe(`微信支付单号 ${order.transactionId}`);
    expect(field(page, 'oldExpiry')).toBe('原到期日 2026年12月1日');
    expect(field(page, 'newExpiry')).toBe(`新到期日 ${order.after!.expiry.replace(/^(\d+)-0?(\d+)-0?(\d+)$/, '$1年$2月$3日')}`);
    expect(page.has('.reconciled')).toBe(false);
  });

  test('a failed payment says why, with no transaction id', async () => {
    const order = stored({ at: '2026-11-20T08:00:00+08:00', state: 'pay_failed' });
    const page = await openVoucher(order.id);
    expect(field(page, 'outcome')).toBe('支付结果 支付失败（零钱余额不足）');
    expect(field(page, 'transaction')).toBe('微信支付单号 —');
    expect(field(page, 'paidAt')).toBe('支付时间 —');
    // Nothing was charged and nothing renewed (issue 12 item 3, walk 11).
    expect(field(page, 'payable')).toBe('订单金额 ¥10.00（未扣款）');
    expect(page.textOf('#paid-note')).toBe('未扣款');
    expect(field(page, 'newExpiry')).toBe('新到期日 —（未续费，到期日不变）');
    expect(page.textOf('#renew-again')).toBe('重新支付');
  });

  test('the 已取消 tag is Vant\u2019s grey, readable on white (issue 12 item 2)', async () => {
    const order = stored({ at: '2026-11-20T08:00:00+08:00', state: 'cancelled' });
    const page = await openVoucher(order.id);
    expect(page.textOf('.head__state')).toBe('已取消');
    expect(page.html()).toContain('van-tag--default');
    expect(field(page, 'newExpiry')).toBe('新到期日 —（未续费，到期日不变）');
  });

  test('while money may still be moving there is no way to pay again, only 刷新结果 (walk 2)', async () => {
    for (const state of ['unknown', 'paid', 'refunding'] as const) {
      const order = stored({ at: '2026-11-25T10:00:00+08:00', state, serial: state.length });
      const page = await openVoucher(order.id);
      expect(page.has('#renew-again')).toBe(false);
      expect(page.has('#refresh')).toBe(true);
      expect(page.textOf('#moving-note')).toContain('请勿再次付款');
      page.instance.onRenewAgain();
      expect(app.nav.moves).toEqual([]);
    }
  });

  test('刷新结果 settles the order and then offers 再次充值', async () => {
    const order = stored({ at: '2026-11-25T10:00:00+08:00', state: 'unknown' });
    const page = await openVoucher(order.id);
    await page.tap('#refresh');
    await page.until(() => page.data.refreshing === false && page.has('#renew-again'), 'the settled order');
    expect(app.services.records.get(order.id)?.state).toBe('cancelled');
    expect(page.textOf('#renew-again')).toBe('重新支付');
  });

  test('a payment settled afterwards shows the time of the check, labelled as such (walk 10)', async () => {
    const order = stored({ at: '2026-11-25T10:00:00+08:00', state: 'unknown' });
    const moved = { ...order, state: 'paid' as const, history: [...order.history, { state: 'paid' as const, at: order.createdAt + 86_400_000, note: '核对：微信支付已扣款' }] };
    app.services.records.update(moved);
    const page = await openVoucher(order.id);
    expect(field(page, 'paidAt')).toBe('核对扣款时间 2026-11-26 10:00:00');
  });

  test('a Smart order shows the yuan charged, the face value and the rate', async () => {
    const order = stored({ at: '2026-11-25T10:00:00+08:00', carrier: 'smart', pick: 2 });
    const smart = { ...order, charged: { amount: 1235, currency: 'CNY' as const }, fx: { rate: { from: 'PHP' as const, to: 'CNY' as const, fen: 247, centavos: 2000 }, quotedAt: order.createdAt } };
    app.services.records.update(smart);
    const page = await openVoucher(order.id);
    expect(page.textOf('.head__amount')).toBe('¥12.35');
    expect(field(page, 'payable')).toBe('实付金额 ¥12.35');
    expect(field(page, 'faceValue')).toBe('面值 ₱100.00');
    expect(field(page, 'rate')).toBe('汇率 ₱1 ≈ ¥0.1235（10:00 报价）');
  });

  test('an order settled by reconciliation carries a note saying so', async () => {
    const order = stored({ at: '2026-11-20T08:00:00+08:00', state: 'succeeded', reconciled: true });
    const page = await openVoucher(order.id);
    expect(page.vantShown('.reconciled', '.van-notice-bar')).toBe(true);
    expect(page.textOf('.reconciled')).toContain('事后向微信支付和运营商核对确认');
  });

  test('tap to reveal the number, tap again to hide it', async () => {
    const order = stored({ at: '2026-11-25T10:00:00+08:00' });
    const page = await openVoucher(order.id);
    expect(field(page, 'phone')).toBe('充值号码 138****8000');
    expect(page.textOf('#reveal-phone')).toBe('显示');
    await page.tap('#reveal-phone');
    expect(field(page, 'phone')).toBe('充值号码 138 0013 8000');
    expect(page.textOf('#reveal-phone')).toBe('隐藏');
    await page.tap('#reveal-phone');
    expect(field(page, 'phone')).toBe('充值号码 138****8000');
  });

  test('copy the order number', async () => {
    const order = stored({ at: '2026-11-25T10:00:00+08:00' });
    const page = await openVoucher(order.id);
    await page.tap('#copy-id');
    await page.until(() => app.device.toasts.length > 0, 'toast');
    expect(app.device.copied).toEqual([order.id]);
    expect(app.device.lastToast()).toBe('订单号已复制');
  });

  test('再次充值 opens confirm with the same number and package', async () => {
    const order = stored({ at: '2026-11-25T10:00:00+08:00', kind: 'data', pick: 1, phone: '13912345678' });
    const page = await openVoucher(order.id);
    await page.tap('#renew-again');
    expect(app.nav.last()).toEqual({ kind: 'open', page: 'confirm', query: { phone: '13912345678', productId: order.product.id } });
  });

  test('delete asks first: cancel keeps the record; confirm removes it and goes back', async () => {
    const order = stored({ at: '2026-11-25T10:00:00+08:00' });
    const page = await openVoucher(order.id);
    app.device.confirmAnswers = [false];
    await page.tap('#delete');
    expect(app.device.confirms).toHaveLength(1);
    expect(app.device.confirms[0].content).toContain(order.id);
    expect(app.services.records.get(order.id)).toBeDefined();
    expect(app.nav.moves).toEqual([]);

    app.device.confirmAnswers = [true];
    await page.tap('#delete');
    await page.until(() => app.nav.moves.length > 0, 'navigation back');
    expect(app.services.records.get(order.id)).toBeUndefined();
    expect(app.device.lastToast()).toBe('已删除');
    expect(app.nav.last()).toMatchObject({ kind: 'back' });
  });

  test('an order still being settled cannot be deleted', async () => {
    const order = stored({ at: '2026-11-25T10:00:00+08:00', state: 'unknown' });
    const page = await openVoucher(order.id);
    expect(field(page, 'outcome')).toContain('结果待确认');
    await page.tap('#delete');
    expect(app.device.confirms).toEqual([]);
    expect(app.device.lastToast()).toContain('处理完成后才能删除');
    expect(app.services.records.get(order.id)).toBeDefined();
  });

  test('an unknown order id gets a clear message and a way back to the records', async () => {
    stored({ at: '2026-11-25T10:00:00+08:00' });
    const page = await openVoucher('CR20261125100000999999');
    expect(page.vantShown('.missing', '.van-empty')).toBe(true);
    expect(page.text()).toContain('找不到订单 CR20261125100000999999');
    expect(page.text()).toContain('可能已被删除');
    expect(page.has('.fields')).toBe(false);
    expect(page.has('#renew-again')).toBe(false);
    await page.tap('#back-to-records');
    expect(app.nav.last()).toMatchObject({ kind: 'open', page: 'records' });
  });

  test('no order id at all', async () => {
    const page = await openPage('voucher', {}, app.services);
    expect(page.text()).toContain('没有指定要查看的订单');
  });

  test('an order number arriving URI-encoded is decoded once', async () => {
    const order = stored({ at: '2026-11-25T10:00:00+08:00' });
    const page = await openPage('voucher', { orderId: encodeURIComponent(order.id) }, app.services);
    expect(field(page, 'id')).toContain(order.id);
  });
});
