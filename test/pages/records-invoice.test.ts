/**
 * The records tab after the payment, rendered with Vant: 自动充值 rows marked, a Smart
 * row's yuan charged with its ₱ face value beside, and 开发票: several succeeded orders
 * picked (the others greyed, saying why when tapped), then the invoice page with them.
 */
import { settle, type Driver, openPage } from '../support/page-driver';
import { TestApp } from '../support/app';
import { realOrder, type RealOrderSpec } from '../support/records-orders';
import { applyForInvoice } from '../../miniprogram/pages/invoice/store/invoicing';
import type { Order } from '../../miniprogram/core/types';

let app: TestApp;

beforeEach(() => {
  globalThis.__wxStorage.clearStorageSync();
  app = new TestApp({ now: '2026-11-25T10:00:00+08:00' });
});

function seed(specs: RealOrderSpec[]): Order[] {
  return specs.map((spec, i) => {
    const order = realOrder({ serial: i + 1, ...spec });
    const stored = app.services.records.append(order);
    if (!stored.ok) throw new Error(stored.message);
    return order;
  });
}

const openRecords = () => openPage('records', {}, app.services);

function rowIds(page: Driver): string[] {
  return page.queryAll('.row__main').map((row) => {
    const dom = row.dom as Element;
    return String(page.instance.rowId({ currentTarget: { dataset: { part: Number(dom.getAttribute('data-part')), row: Number(dom.getAttribute('data-row')) } } }) ?? '');
  });
}

function rowOf(page: Driver, id: string) {
  const at = rowIds(page).indexOf(id);
  if (at < 0) throw new Error(`order ${id} is not rendered`);
  return page.queryAll('.row__main')[at];
}

async function tapRow(page: Driver, id: string): Promise<void> {
  rowOf(page, id).dispatchEvent('tap');
  await settle();
}

function watchSetData(page: Driver): Record<string, unknown>[] {
  const sent: Record<string, unknown>[] = [];
  const original = page.instance.setData.bind(page.instance);
  page.instance.setData = (data: Record<string, unknown>, callback?: () => void) => {
    sent.push(data);
    return original(data, callback);
  };
  return sent;
}

const classOf = (page: Driver, id: string) => String((rowOf(page, id).dom as Element).getAttribute('class'));

describe('rows after the payment', () => {
  test('an 自动充值 order carries the tag; a manual one does not', async () => {
    const [manual, auto] = seed([{ at: '2026-11-25T09:00:00+08:00' }, { at: '2026-11-24T09:00:00+08:00' }]);
    app.services.records.update({ ...auto, autoTopup: { ruleId: 'r1', period: 'M2026-11', contractId: 'C1' } });
    const page = await openRecords();
    expect(rowOf(page, auto.id).dom.textContent).toContain('自动充值');
    expect(rowOf(page, manual.id).dom.textContent).not.toContain('自动充值');
    expect(page.queryAll('.row__auto')).toHaveLength(1);
  });

  test('a Smart row shows the yuan charged, the ₱ face value smaller beside, and 菲律宾', async () => {
    const [smart] = seed([{ at: '2026-11-25T09:00:00+08:00', carrier: 'smart', phone: '09181234567', location: { country: 'PH', province: '', city: '' } }]);
    app.services.records.update({ ...smart, charged: { amount: 247, currency: 'CNY' }, fx: { rate: { from: 'PHP', to: 'CNY', fen: 247, centavos: 2000 }, quotedAt: smart.createdAt } });
    const page = await openRecords();
    expect(page.textOf('.row__amount')).toBe('¥2.47');
    expect(page.textOf('.row__face')).toBe('面值 ₱20.00');
    expect(page.textOf('.row__sub')).toBe('0918***4567 · 菲律宾 · Smart');
    // The month's total counts the yuan too.
    expect(page.textOf('.month__totals')).toBe('合计 ¥2.47');
  });
});

describe('开发票 from the records', () => {
  test('pick two succeeded orders, see the count and total, then 开发票 opens the invoice page with both', async () => {
    const [a, b, c] = seed([{ at: '2026-11-25T09:00:00+08:00', pick: 0 }, { at: '2026-11-24T09:00:00+08:00', pick: 1 }, { at: '2026-11-23T09:00:00+08:00', pick: 2 }]);
    const page = await openRecords();
    await page.tap('#start-pick');
    expect(page.textOf('#pick-note')).toContain('只有充值成功、还没开过发票的订单可以选');
    expect(page.textOf('#pick-bar')).toContain('已选 0 笔');
    expect(page.has('#export')).toBe(false);
    await tapRow(page, a.id);
    await tapRow(page, c.id);
    expect(page.textOf('#pick-bar')).toContain('已选 2 笔 · ¥40.00');
    expect(page.queryAll('.row__check--on')).toHaveLength(2);
    // Changed her mind about c, and took b instead: tapping again unpicks.
    await tapRow(page, c.id);
    await tapRow(page, b.id);
    expect(page.textOf('#pick-bar')).toContain('已选 2 笔 · ¥30.00');
    // Picking is not opening: no voucher was opened.
    expect(app.nav.moves).toEqual([]);
    await page.tap('#invoice-picked');
    expect(app.nav.last()).toEqual({ kind: 'open', page: 'invoice', query: { orderIds: `${a.id},${b.id}` } });
    // The list is back to opening vouchers; a second tap on the gone bar does nothing more.
    expect(page.has('#pick-bar')).toBe(false);
    page.instance.onInvoicePicked();
    expect(app.nav.moves).toHaveLength(1);
    await tapRow(page, a.id);
    expect(app.nav.last()).toMatchObject({ page: 'voucher', query: { orderId: a.id } });
  });

  test('orders that cannot be picked are greyed and say why when tapped', async () => {
    const [ok, cancelled, unknown, invoiced] = seed([
      { at: '2026-11-25T09:00:00+08:00' },
      { at: '2026-11-24T09:00:00+08:00', state: 'cancelled' },
      { at: '2026-11-23T09:00:00+08:00', state: 'unknown' },
      { at: '2026-11-22T09:00:00+08:00' },
    ]);
    const applied = await applyForInvoice(app.services, { title: { kind: 'personal' }, email: 'me@example.com', orderIds: [invoiced.id] });
    expect(applied.ok).toBe(true);
    const page = await openRecords();
    await page.tap('#start-pick');
    expect(classOf(page, ok.id)).not.toContain('row__main--off');
    for (const [order, why] of [
      [cancelled, '没有扣款，不能开票'],
      [unknown, '还没有完成，完成后再开票'],
      [invoiced, '的发票正在申请中，一笔订单只能开一次发票'],
    ] as const) {
      expect(classOf(page, order.id)).toContain('row__main--off');
      await tapRow(page, order.id);
      expect(app.device.lastToast()).toBe(`订单 ${order.id}${why}`);
    }
    expect(page.textOf('#pick-bar')).toContain('已选 0 笔');
    expect(page.find('#invoice-picked').dom.innerHTML).toContain('van-button--disabled');
  });

  test('取消 leaves picking: the marks go, the rows open vouchers, swiping deletes again', async () => {
    const [a, b] = seed([{ at: '2026-11-25T09:00:00+08:00' }, { at: '2026-11-24T09:00:00+08:00', state: 'cancelled' }]);
    const page = await openRecords();
    await page.tap('#start-pick');
    await tapRow(page, a.id);
    await page.tap('#cancel-pick');
    expect(page.has('.row__check')).toBe(false);
    expect(classOf(page, b.id)).not.toContain('row__main--off');
    expect(page.has('#export')).toBe(true);
    await tapRow(page, a.id);
    expect(app.nav.last()).toMatchObject({ page: 'voucher', query: { orderId: a.id } });
  });

  test('a pick sends one flag and the bar, not the list', async () => {
    const orders = seed(Array.from({ length: 30 }, (_, i) => ({ at: Date.parse('2026-11-25T09:00:00+08:00') - i * 3600_000 })));
    const page = await openRecords();
    await page.tap('#start-pick');
    const sent = watchSetData(page);
    await tapRow(page, orders[3].id);
    expect(sent).toHaveLength(1);
    expect(Object.keys(sent[0]).sort()).toEqual(['blocks[0].parts[0].r[3].c', 'pick']);
    expect(Buffer.byteLength(JSON.stringify(sent[0]))).toBeLessThan(200);
  });

  test('back from the invoice page, the invoiced orders can no longer be picked', async () => {
    const [a, b] = seed([{ at: '2026-11-25T09:00:00+08:00' }, { at: '2026-11-24T09:00:00+08:00' }]);
    const page = await openRecords();
    await page.tap('#start-pick');
    await tapRow(page, a.id);
    await page.tap('#invoice-picked');
    const applied = await applyForInvoice(app.services, { title: { kind: 'personal' }, email: 'me@example.com', orderIds: [a.id] });
    expect(applied.ok).toBe(true);
    await page.lifecycle('onShow');
    await page.tap('#start-pick');
    expect(classOf(page, a.id)).toContain('row__main--off');
    expect(classOf(page, b.id)).not.toContain('row__main--off');
  });
});
