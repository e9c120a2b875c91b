/**
 * The invoice pages, rendered with Vant: picking orders, the title, the email, the
 * preview, submitting; then the issued invoice with its number, its orders and 重发.
 */
import { openPage, type Driver } from '../../support/page-driver';
import { TestApp } from '../../support/app';
import { realOrder } from '../../support/records-orders';
import { ISSUE_DELAY_MS, type MockInvoicing } from '../../../miniprogram/backends/offline/invoicing';
import { InvoiceStore } from '../../../miniprogram/pages/invoice/store/invoice-store';
import { applyForInvoice } from '../../../miniprogram/pages/invoice/store/invoicing';
import type { Order } from '../../../miniprogram/core/types';

const TAX_ID = '914403001922038216';
let app: TestApp;

beforeEach(() => {
  globalThis.__wxStorage.clearStorageSync();
  globalThis.__wxStorage.maxTotalBytes = 10 * 1024 * 1024;
  app = new TestApp({ now: '2026-11-25T10:00:00+08:00' });
});

function stored(serial: number, state: Order['state'] = 'succeeded', pick = 3): Order {
  const order = realOrder({ at: `2026-11-2${serial % 5}T10:00:00+08:00`, serial, state, pick });
  const written = app.services.records.append(order);
  if (!written.ok) throw new Error(written.message);
  return order;
}

const store = () => new InvoiceStore(app.services.storage, app.services.clock);
const openRequest = (orderIds?: string) => openPage('invoice', orderIds ? { orderIds } : {}, app.services);

/** 'title value' as the cell for this field shows them. */
function field(page: Driver, key: string): string {
  return `${page.textOf(`.field-${key} >>> .van-cell__title`)} ${page.textOf(`.field-${key} >>> .van-cell__value`)}`;
}

async function fillPersonal(page: Driver, email = 'me@example.com'): Promise<void> {
  await page.type('.email-field', email);
}

describe('the request page', () => {
  test('lists only orders that can be invoiced; a handed-over order comes picked, with its preview', async () => {
    const a = stored(1);
    const b = stored(2);
    stored(3, 'pay_failed');
    stored(4, 'refunded');
    const page = await openRequest(a.id);
    expect(page.vantShown('.orders', '.van-cell-group')).toBe(true);
    expect(page.queryAll('.order-row')).toHaveLength(2);
    expect(page.textOf(`.order-${a.id}`)).toContain('138****8000 · 话费充值 50 元');
    expect(page.data.rows.find((r: any) => r.id === a.id).picked).toBe(true);
    expect(page.data.rows.find((r: any) => r.id === b.id).picked).toBe(false);
    expect(page.textOf('.preview-total')).toContain('¥50.00');
    expect(page.textOf('.preview-total')).toContain('共 1 笔订单');
    expect(page.textOf('.preview')).toContain('*电信服务*话费');
  });

  test('picking several orders adds them to the preview; tapping again removes one', async () => {
    const a = stored(1);
    const b = stored(2);
    const page = await openRequest();
    await page.tap(`.order-${a.id}`);
    await page.tap(`.order-${b.id}`);
    expect(page.textOf('.preview-total')).toContain('¥100.00');
    expect(page.queryAll('.preview-line')).toHaveLength(2);
    await page.tap(`.order-${a.id}`);
    expect(page.textOf('.preview-total')).toContain('¥50.00');
  });

  test('an order already invoiced says so, with the way to its invoice', async () => {
    const a = stored(1);
    const first = await applyForInvoice(app.services, { title: { kind: 'personal' }, email: 'me@example.com', orderIds: [a.id] });
    if (!first.ok) throw new Error(first.message);
    const page = await openRequest(a.id);
    expect(page.textOf('.notice-row')).toContain('的发票正在申请中，一笔订单只能开一次发票');
    await page.tap('.notice-row__link');
    expect(app.nav.last()).toMatchObject({ kind: 'open', page: 'invoice/detail', query: { id: first.value.id } });
    expect(page.queryAll('.order-row')).toHaveLength(0);
    expect(page.text()).toContain('没有可以开票的订单');
  });

  test.each([
    ['no order', async (_p: Driver) => undefined, '.error', '请至少选择一笔要开票的订单'],
    ['a bad email', async (p: Driver) => p.type('.email-field', 'me@example'), '.email-field', '邮箱 @ 后面的域名格式不对'],
    ['a company without a tax id', async (p: Driver) => (await p.tap('.kind-company'), await p.type('.name-field', '深圳市示例科技有限公司'), await p.type('.email-field', 'a@b.cn')), '.tax-field', '请填写 18 位统一社会信用代码'],
    ['a tax id with a wrong check character', async (p: Driver) => (await p.tap('.kind-company'), await p.type('.name-field', '深圳市示例科技有限公司'), await p.type('.tax-field', '914403001922038217'), await p.type('.email-field', 'a@b.cn')), '.tax-field', '校验不通过'],
    ['a tax id with the letter O', async (p: Driver) => (await p.tap('.kind-company'), await p.type('.name-field', '深圳市示例科技有限公司'), await p.type('.tax-field', '9144O3001922038216'), await p.type('.email-field', 'a@b.cn')), '.tax-field', '是不是数字 0'],
  ])('refuses %s with a message where it is', async (name, fill, where, message) => {
    const a = stored(1);
    const page = await openRequest(name === 'no order' ? undefined : a.id);
    if (name === 'no order') await fillPersonal(page);
    await fill(page);
    await page.tap('.submit-button');
    expect(page.textOf(where)).toContain(message);
    expect(store().list()).toEqual([]);
    expect(app.nav.moves).toEqual([]);
  });

  test('提交申请 keeps the invoice and opens it', async () => {
    const a = stored(1);
    const page = await openRequest(a.id);
    await page.tap('.kind-company');
    await page.type('.name-field', '深圳市示例科技有限公司');
    await page.type('.tax-field', '９１４４ ０３００ １９２２ ０３８２１６');
    await page.type('.email-field', 'finance@example.com');
    await page.tap('.submit-button');
    await page.until(() => app.nav.moves.length > 0, 'navigation');
    const [invoice] = store().list();
    expect(invoice).toMatchObject({ state: 'requested', title: { kind: 'company', taxId: TAX_ID }, email: 'finance@example.com' });
    expect(app.nav.last()).toEqual({ kind: 'replace', page: 'invoice/detail', query: { id: invoice.id } });
  });

  test('the next request starts from the last title and email', async () => {
    const a = stored(1);
    stored(2);
    await applyForInvoice(app.services, { title: { kind: 'company', name: '深圳市示例科技有限公司', taxId: TAX_ID }, email: 'finance@example.com', orderIds: [a.id] });
    const page = await openRequest();
    expect(page.data).toMatchObject({ kind: 'company', name: '深圳市示例科技有限公司', taxId: TAX_ID, email: 'finance@example.com' });
    expect(page.textOf('.invoices')).toContain('申请中');
  });
});

describe('the invoice page', () => {
  async function applied(orders: Order[], name?: string): Promise<string> {
    const title = name ? { kind: 'personal', name } : { kind: 'personal' };
    const result = await applyForInvoice(app.services, { title, email: 'me@example.com', orderIds: orders.map((o) => o.id) });
    if (!result.ok) throw new Error(result.message);
    return result.value.id;
  }

  test('申请中 until the platform issues it, then its number, date, title, amount and orders', async () => {
    const a = stored(1);
    const b = stored(2);
    const id = await applied([a, b]);
    const page = await openPage('invoice/detail', { id }, app.services);
    await page.until(() => page.data.invoice?.state === 'issued', 'the invoice issued');
    expect(page.textOf('.head')).toContain('¥100.00');
    expect(page.textOf('.head')).toContain('已开具');
    expect(field(page, 'number')).toMatch(/发票号码 \d{20}/);
    expect(field(page, 'date')).toContain('开票日期 2026年11月25日');
    expect(field(page, 'name')).toContain('发票抬头 个人');
    expect(field(page, 'amount')).toContain('¥100.00');
    expect(page.queryAll('.invoice-order')).toHaveLength(2);
    expect(page.textOf('.invoice-order')).toContain('138****8000 · 话费充值 50 元 · ¥50.00');
    expect(page.textOf('.sent-to')).toBe('已发送到：me@example.com');
  });

  test('while still 申请中 it says so and offers 刷新', async () => {
    const id = await applied([stored(1)]);
    app.clock.set(Date.parse('2026-11-25T10:00:00+08:00'));
    jest.spyOn(app.services.clock, 'sleep').mockImplementation(() => new Promise(() => undefined));
    const page = await openPage('invoice/detail', { id }, app.services);
    await page.untilText('正在开具');
    expect(page.has('.refresh-button')).toBe(true);
    expect(page.has('.resend')).toBe(false);
  });

  test('重发到其他邮箱: sent and listed; a bad address says what to fix', async () => {
    const id = await applied([stored(1)]);
    app.clock.advance(ISSUE_DELAY_MS);
    const page = await openPage('invoice/detail', { id }, app.services);
    await page.until(() => page.data.invoice?.state === 'issued', 'issued');
    await page.type('.resend-field', 'boss@');
    await page.tap('.resend-button');
    expect(page.textOf('.resend-field')).toContain('邮箱 @ 后面的域名格式不对');
    await page.type('.resend-field', 'boss@example.com');
    await page.tap('.resend-button');
    await page.untilText('已重新发送到 boss@example.com');
    expect(page.textOf('.sent-to')).toBe('已发送到：me@example.com、boss@example.com');
    expect(store().get(id)?.sentTo).toEqual(['me@example.com', 'boss@example.com']);
  });

  test('a refused application says why and offers 重新申请 with the same orders', async () => {
    const a = stored(1);
    const id = await applied([a], '开票失败演示');
    app.clock.advance(ISSUE_DELAY_MS);
    const page = await openPage('invoice/detail', { id }, app.services);
    await page.until(() => page.data.invoice?.state === 'failed', 'failed');
    expect(field(page, 'failure')).toContain('购买方名称与纳税人识别号不一致');
    await page.tap('.apply-again');
    expect(app.nav.last()).toEqual({ kind: 'replace', page: 'invoice', query: { orderIds: a.id } });
  });

  test('the platform unreachable: a clear note, the invoice stays 申请中', async () => {
    const id = await applied([stored(1)]);
    (app.services.invoicing as MockInvoicing).failNext('network', 20);
    const page = await openPage('invoice/detail', { id }, app.services);
    await page.untilText('暂时查不到开票结果');
    expect(page.data.invoice.state).toBe('requested');
  });

  test('an unknown invoice id', async () => {
    const page = await openPage('invoice/detail', { id: 'IV20261125100000000000' }, app.services);
    expect(page.vantShown('.missing', '.van-empty')).toBe(true);
    expect(page.text()).toContain('找不到发票申请 IV20261125100000000000');
  });
});
