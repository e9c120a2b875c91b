/**
 * The invoice store and the application flow over the storage fake and the offline
 * platform: nothing lost on quota or damage, one invoice per order, 申请中 → 已开具 | 开票失败,
 * 已作废 after a refund, and an application the platform never got sent again.
 */
import { TestApp } from '../../../support/app';
import { realOrder } from '../../../support/records-orders';
import { INDEX_KEY, InvoiceStore, itemKey, QUARANTINE_KEY } from '../../../../miniprogram/pages/invoice/store/invoice-store';
import { applyForInvoice, followInvoice, resend, voidRefunded } from '../../../../miniprogram/pages/invoice/store/invoicing';
import { ISSUE_DELAY_MS, type MockInvoicing } from '../../../../miniprogram/backends/offline/invoicing';
import { transition } from '../../../../miniprogram/core/order';
import type { Order } from '../../../../miniprogram/core/types';

const TAX_ID = '914403001922038216';
let app: TestApp;

beforeEach(() => {
  globalThis.__wxStorage.clearStorageSync();
  globalThis.__wxStorage.maxTotalBytes = 10 * 1024 * 1024;
  app = new TestApp({ now: '2026-11-25T10:00:00+08:00' });
});

const store = () => new InvoiceStore(app.services.storage, app.services.clock);
const platform = () => app.services.invoicing as MockInvoicing;

function stored(serial: number, state: Order['state'] = 'succeeded', pick = 3): Order {
  const order = realOrder({ at: '2026-11-24T10:00:00+08:00', serial, state, pick });
  const written = app.services.records.append(order);
  if (!written.ok) throw new Error(written.message);
  return order;
}

const personal = (orderIds: string[], email = 'me@example.com') => ({ title: { kind: 'personal' }, email, orderIds });

describe('applying', () => {
  test('keeps the invoice 申请中, then the platform issues it with a 20-digit number', async () => {
    const a = stored(1);
    const b = stored(2);
    const applied = await applyForInvoice(app.services, personal([a.id, b.id]));
    expect(applied.ok).toBe(true);
    if (!applied.ok) return;
    expect(applied.value).toMatchObject({ state: 'requested', total: { amount: a.payable.amount + b.payable.amount, currency: 'CNY' } });
    expect(store().get(applied.value.id)?.state).toBe('requested');

    const early = await followInvoice(app.services, applied.value);
    expect(early.invoice.state).toBe('requested');
    app.clock.advance(ISSUE_DELAY_MS);
    const issued = await followInvoice(app.services, early.invoice);
    expect(issued.invoice.state).toBe('issued');
    expect(issued.invoice.number).toMatch(/^2631\d{16}$/);
    expect(issued.invoice.sentTo).toEqual(['me@example.com']);
    expect(store().get(applied.value.id)).toEqual(issued.invoice);
  });

  test('an order is invoiced at most once (a failed application frees it)', async () => {
    const a = stored(1);
    const first = await applyForInvoice(app.services, personal([a.id]));
    expect(first.ok).toBe(true);
    const second = await applyForInvoice(app.services, personal([a.id]));
    expect(second).toMatchObject({ ok: false, error: 'invalid', message: expect.stringContaining('一笔订单只能开一次发票') });

    platform().refuseNext();
    const b = stored(2);
    const refused = await applyForInvoice(app.services, personal([b.id]));
    app.clock.advance(ISSUE_DELAY_MS);
    const failed = await followInvoice(app.services, refused.ok ? refused.value : (undefined as never));
    expect(failed.invoice).toMatchObject({ state: 'failed', failureReason: expect.stringContaining('购买方名称与纳税人识别号不一致') });
    expect((await applyForInvoice(app.services, personal([b.id]))).ok).toBe(true);
  });

  test.each([
    ['an unpaid order', 'pay_failed', '没有扣款，不能开票'],
    ['a refunded order', 'refunded', '已退款，不能开票'],
  ] as const)('%s cannot be invoiced', async (_name, state, message) => {
    const order = stored(1, state);
    const applied = await applyForInvoice(app.services, personal([order.id]));
    expect(applied).toMatchObject({ ok: false, message: expect.stringContaining(message) });
    expect(store().list()).toEqual([]);
  });

  test('a company title needs a valid 统一社会信用代码', async () => {
    const order = stored(1);
    const bad = await applyForInvoice(app.services, { title: { kind: 'company', name: '深圳市示例科技有限公司', taxId: '914403001922038217' }, email: 'a@b.cn', orderIds: [order.id] });
    expect(bad).toMatchObject({ ok: false, field: 'bad_tax_id', message: expect.stringContaining('校验不通过') });
    const good = await applyForInvoice(app.services, { title: { kind: 'company', name: '深圳市示例科技有限公司', taxId: TAX_ID }, email: 'a@b.cn', orderIds: [order.id] });
    expect(good.ok && good.value.title).toEqual({ kind: 'company', name: '深圳市示例科技有限公司', taxId: TAX_ID });
  });

  test('storage full: nothing is saved and nothing is sent to the platform', async () => {
    const order = stored(1);
    const request = jest.spyOn(app.services.invoicing, 'request');
    globalThis.__wxStorage.maxTotalBytes = globalThis.__wxStorage.usedBytes();
    const applied = await applyForInvoice(app.services, personal([order.id]));
    expect(applied).toMatchObject({ ok: false, error: 'unsaved', message: expect.stringContaining('存储空间已满') });
    expect(request).not.toHaveBeenCalled();
  });

  test('platform unreachable when applying: kept 申请中, and sent again on the next look', async () => {
    const order = stored(1);
    platform().failNext('network');
    const applied = await applyForInvoice(app.services, personal([order.id]));
    expect(applied.ok && applied.value.state).toBe('requested');
    const followed = await followInvoice(app.services, applied.ok ? applied.value : (undefined as never));
    expect(followed.problem).toBe('');
    app.clock.advance(ISSUE_DELAY_MS);
    expect((await followInvoice(app.services, followed.invoice)).invoice.state).toBe('issued');
  });
});

describe('after issuing', () => {
  async function issued(order: Order) {
    const applied = await applyForInvoice(app.services, personal([order.id]));
    if (!applied.ok) throw new Error(applied.message);
    app.clock.advance(ISSUE_DELAY_MS);
    return (await followInvoice(app.services, applied.value)).invoice;
  }

  test('resend to another address is recorded; a bad address is refused', async () => {
    const invoice = await issued(stored(1));
    const bad = await resend(app.services, invoice, 'not an email');
    expect(bad).toMatchObject({ ok: false, error: 'invalid' });
    const sent = await resend(app.services, invoice, 'Boss@Example.COM');
    expect(sent.ok && sent.value.sentTo).toEqual(['me@example.com', 'Boss@example.com']);
    expect(store().get(invoice.id)?.sentTo).toEqual(['me@example.com', 'Boss@example.com']);
  });

  test('an order refunded after invoicing voids its invoice', async () => {
    const order = stored(1);
    const invoice = await issued(order);
    // The carrier took the top-up back: the order is refunded afterwards.
    let moved = order;
    for (const state of ['refunding', 'refunded'] as const) {
      const next = transition({ ...moved, state: state === 'refunding' ? 'topup_failed' : moved.state }, state, app.clock.now());
      if (!next.ok) throw new Error(next.message);
      moved = next.value;
    }
    app.services.records.update(moved);
    const changed = voidRefunded(app.services, store().list());
    expect(changed).toHaveLength(1);
    expect(store().get(invoice.id)).toMatchObject({ state: 'voided', voidReason: expect.stringContaining('已退款，发票已作废') });
  });
});

describe('nothing lost', () => {
  test('a damaged invoice is set aside and the others stay readable', async () => {
    const a = await applyForInvoice(app.services, personal([stored(1).id]));
    const b = await applyForInvoice(app.services, personal([stored(2).id]));
    if (!a.ok || !b.ok) throw new Error('setup');
    globalThis.__wxStorage.plantRaw(itemKey(a.value.id), '{"id":"broken"}');
    expect(store().list().map((i) => i.id)).toEqual([b.value.id]);
    expect(store().quarantined()).toMatchObject([{ key: itemKey(a.value.id), raw: { id: 'broken' } }]);
  });

  test('a damaged invoice is never removed while it cannot be copied aside', async () => {
    const a = await applyForInvoice(app.services, personal([stored(1).id]));
    if (!a.ok) throw new Error('setup');
    globalThis.__wxStorage.plantRaw(itemKey(a.value.id), '{"id":"broken"}');
    globalThis.__wxStorage.maxTotalBytes = globalThis.__wxStorage.usedBytes();
    expect(store().list()).toEqual([]);
    expect(globalThis.__wxStorage.rawText(itemKey(a.value.id))).toBe('{"id":"broken"}');
    expect(globalThis.__wxStorage.rawText(QUARANTINE_KEY)).toBeUndefined();
  });

  test('a damaged index is copied aside and rebuilt from the invoices', async () => {
    const a = await applyForInvoice(app.services, personal([stored(1).id]));
    if (!a.ok) throw new Error('setup');
    globalThis.__wxStorage.plantRaw(INDEX_KEY, '{"version":1,"ids":[1,2]}');
    expect(store().list().map((i) => i.id)).toEqual([a.value.id]);
    expect(store().quarantined()[0]).toMatchObject({ key: INDEX_KEY, reason: '发票索引无法识别' });
  });

  test('killed between the invoice and the index: the invoice is found again', async () => {
    const a = await applyForInvoice(app.services, personal([stored(1).id]));
    if (!a.ok) throw new Error('setup');
    app.services.storage.remove(INDEX_KEY);
    app.restart();
    expect(store().list().map((i) => i.id)).toEqual([a.value.id]);
  });
});
