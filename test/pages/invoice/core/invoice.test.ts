import { productById } from '../../../../miniprogram/core/catalog';
import {
  ALLOWED_INVOICE_TRANSITIONS,
  MAX_ORDERS_PER_INVOICE,
  applyRefunds,
  createInvoice,
  invoiceDetailLines,
  invoiceOrderLine,
  invoiceStateLabel,
  invoiceability,
  invoiceableAmount,
  invoiceableOrders,
  newInvoiceId,
  resendInvoice,
  transitionInvoice,
  validateInvoiceDraft,
  type Invoice,
  type InvoiceDraftInput,
  type InvoiceState,
  type InvoiceableOrder,
} from '../../../../miniprogram/pages/invoice/core/invoice';
import { createOrder, transition } from '../../../../miniprogram/core/order';
import { quote } from '../../../../miniprogram/core/pricing';
import type { Money, OrderState } from '../../../../miniprogram/core/types';

const T0 = Date.UTC(2026, 10, 25, 2, 30); // 2026-11-25 10:30 China time
const cny = (amount: number): Money => ({ amount, currency: 'CNY' });
const php = (amount: number): Money => ({ amount, currency: 'PHP' });
const TAX_ID = '914403001922038216';

function order(id: string, state: OrderState = 'succeeded', productId = 'cmcc-recharge-50', extra: Partial<InvoiceableOrder> = {}): InvoiceableOrder {
  const product = productById(productId);
  if (!product) throw new Error('catalog changed');
  const smart = product.carrier === 'smart';
  let o = createOrder({
    id,
    idempotencyKey: `key-${id}`,
    now: T0,
    card: { phone: smart ? '09181234567' : '13800138000', region: smart ? 'PH' : 'CN', carrier: product.carrier, cardType: 'phone', expiry: '2026-12-01' },
    quote: quote(product, { expiry: '2026-12-01' }, '2026-11-25', []),
  });
  const paths: Record<OrderState, OrderState[]> = {
    created: [],
    awaiting_payment: ['awaiting_payment'],
    paid: ['awaiting_payment', 'paid'],
    cancelled: ['awaiting_payment', 'cancelled'],
    pay_failed: ['awaiting_payment', 'pay_failed'],
    unknown: ['awaiting_payment', 'unknown'],
    succeeded: ['awaiting_payment', 'paid', 'succeeded'],
    topup_failed: ['awaiting_payment', 'paid', 'topup_failed'],
    refunding: ['awaiting_payment', 'paid', 'topup_failed', 'refunding'],
    refunded: ['awaiting_payment', 'paid', 'topup_failed', 'refunding', 'refunded'],
  };
  paths[state].forEach((next, i) => {
    const moved = transition(o, next, T0 + (i + 1) * 1000);
    if (!moved.ok) throw new Error(moved.message);
    o = moved.value;
  });
  return { ...o, ...extra };
}

const A = order('CR20261125103000000001');
const B = order('CR20261125103000000002', 'succeeded', 'cmcc-recharge-100');
const SMART_CHARGED = order('CR20261125103000000003', 'succeeded', 'smart-recharge-100', { charged: cny(1235) });
const SMART_PESOS = order('CR20261125103000000004', 'succeeded', 'smart-recharge-100');
const ORDERS = [A, B, SMART_CHARGED, SMART_PESOS];

const personal: InvoiceDraftInput = { title: { kind: 'personal' }, email: 'li@qq.com', orderIds: [A.id] };

function draftOf(input: InvoiceDraftInput, invoices: Invoice[] = []) {
  const made = validateInvoiceDraft(input, ORDERS, invoices);
  if (!made.ok) throw new Error(made.message);
  return made.value;
}

function invoiceIn(state: InvoiceState, input: InvoiceDraftInput = personal): Invoice {
  let inv = createInvoice(draftOf(input), { id: 'IV20261125103000000001', now: T0 });
  const path: Record<InvoiceState, [InvoiceState, Partial<Invoice>][]> = {
    requested: [],
    issued: [['issued', { number: '26442000000012345678' }]],
    failed: [['failed', { failureReason: '开票平台繁忙' }]],
    voided: [
      ['issued', { number: '26442000000012345678' }],
      ['voided', { voidReason: '订单已退款' }],
    ],
  };
  path[state].forEach(([to, patch], i) => {
    const moved = transitionInvoice(inv, to, T0 + (i + 1) * 60_000, patch);
    if (!moved.ok) throw new Error(moved.message);
    inv = moved.value;
  });
  return inv;
}

describe('invoiceableAmount: the yuan actually charged', () => {
  test.each<[string, InvoiceableOrder | null, Money | null]>([
    ['a yuan order: its payable', A, cny(5000)],
    ['a peso order with its yuan charge', SMART_CHARGED, cny(1235)],
    ['a peso order without one', SMART_PESOS, null],
    ['a charge in pesos is not a yuan charge', { ...A, charged: php(100) }, null],
    ['a charge of zero', { ...A, charged: cny(0) }, null],
    ['a broken charge does not fall back to the payable', { ...A, charged: { amount: 1.5, currency: 'CNY' } }, null],
    ['a broken payable', { ...A, payable: { amount: NaN, currency: 'CNY' } }, null],
    ['nothing', null, null],
  ])('%s', (_name, o, expected) => {
    expect(invoiceableAmount(o)).toEqual(expected);
  });
});

describe('invoiceability: only charged orders, each once', () => {
  test.each<[OrderState, string | null, string]>([
    ['succeeded', null, ''],
    ['created', 'not_charged', '还没有完成'],
    ['awaiting_payment', 'not_charged', '还没有完成'],
    ['unknown', 'not_charged', '还没有完成'],
    ['paid', 'not_charged', '还没有完成'],
    ['cancelled', 'not_charged', '没有扣款'],
    ['pay_failed', 'not_charged', '没有扣款'],
    ['topup_failed', 'not_charged', '没有扣款'],
    ['refunding', 'refunded', '已退款'],
    ['refunded', 'refunded', '已退款'],
  ])('an order %s → %p', (state, error, message) => {
    const result = invoiceability(order('CR1', state), []);
    if (error === null) expect(result).toEqual({ ok: true, value: cny(5000) });
    else {
      expect(result).toMatchObject({ ok: false, error });
      if (!result.ok) expect(result.message).toContain(message);
    }
  });

  test.each<[InvoiceState, boolean, string]>([
    ['requested', false, '的发票正在申请中，一笔订单只能开一次发票'],
    ['issued', false, '已开过发票，一笔订单只能开一次发票'],
    ['failed', true, ''],
    ['voided', true, ''],
  ])('on a %s invoice → invoiceable again: %p', (state, ok, message) => {
    const result = invoiceability(A, [invoiceIn(state)]);
    expect(result.ok).toBe(ok);
    if (!result.ok) expect(result).toMatchObject({ error: 'already_invoiced', message: `订单 ${A.id}${message}` });
  });

  test('a peso order without a yuan charge', () => {
    expect(invoiceability(SMART_PESOS, [])).toMatchObject({ ok: false, error: 'no_yuan_amount', message: `订单 ${SMART_PESOS.id}没有人民币支付金额，暂不能开票` });
  });

  test.each([[null], [{}], [{ id: '' }], ['CR1']])('%p → bad_order', (o) => {
    expect(invoiceability(o as InvoiceableOrder, [])).toMatchObject({ ok: false, error: 'bad_order' });
  });

  test('invoiceableOrders keeps the pickable ones in order; junk invoices are ignored', () => {
    const held = invoiceIn('issued');
    expect(invoiceableOrders([...ORDERS, order('CR9', 'refunded')], [held, null, 'x', { state: 'issued' }] as never).map((o) => o.id)).toEqual([B.id, SMART_CHARGED.id]);
    expect(invoiceableOrders('orders' as never, [])).toEqual([]);
  });
});

describe('validateInvoiceDraft', () => {
  test('个人 with no name is titled 个人; the total is the yuan charged', () => {
    expect(draftOf({ ...personal, orderIds: [A.id, SMART_CHARGED.id, A.id] })).toEqual({
      title: { kind: 'personal', name: '个人' },
      email: 'li@qq.com',
      lines: [
        { orderId: A.id, title: '话费充值 50 元', phone: '13800138000', amount: cny(5000), paidAt: T0 + 2000 },
        { orderId: SMART_CHARGED.id, title: '充值 ₱100', phone: '09181234567', amount: cny(1235), paidAt: T0 + 2000 },
      ],
      total: cny(6235),
    });
  });

  test('单位 with its name and a normalised tax id', () => {
    const d = draftOf({ title: { kind: 'company', name: '  深圳市某某科技有限公司 ', taxId: ' 9144 0300 1922 0382 16 ' }, email: ' Finance@Company.COM ', orderIds: [A.id, B.id] });
    expect(d.title).toEqual({ kind: 'company', name: '深圳市某某科技有限公司', taxId: TAX_ID });
    expect(d.email).toBe('Finance@company.com');
    expect(d.total).toEqual(cny(15000));
  });

  test('a personal name is kept', () => {
    expect(draftOf({ ...personal, title: { kind: 'personal', name: '李明' } }).title).toEqual({ kind: 'personal', name: '李明' });
  });

  const company = { kind: 'company', name: '深圳市某某科技有限公司', taxId: TAX_ID };
  test.each<[string, InvoiceDraftInput, string, string]>([
    ['no title', { ...personal, title: undefined }, 'bad_title', '个人或单位'],
    ['an unknown title kind', { ...personal, title: { kind: 'vip' } }, 'bad_title', '个人或单位'],
    ['a company without a name', { ...personal, title: { ...company, name: '' } }, 'bad_name', '单位全称'],
    ['a one-character company', { ...personal, title: { ...company, name: '某' } }, 'bad_name', '单位全称'],
    ['a company name too long', { ...personal, title: { ...company, name: '某'.repeat(101) } }, 'bad_name', '最多 100 个字'],
    ['a company name with a control character', { ...personal, title: { ...company, name: '某某\u0000公司' } }, 'bad_name', '单位全称'],
    ['a personal name that is not text', { ...personal, title: { kind: 'personal', name: 42 } }, 'bad_name', '留空使用「个人」'],
    ['a company without a tax id', { ...personal, title: { ...company, taxId: '' } }, 'bad_tax_id', '请填写 18 位统一社会信用代码'],
    ['a tax id with a wrong check character', { ...personal, title: { ...company, taxId: '914403001922038217' } }, 'bad_tax_id', '校验不通过'],
    ['a tax id with an O', { ...personal, title: { ...company, taxId: '9144030O1922038216' } }, 'bad_tax_id', '是不是数字 0'],
    ['no email', { ...personal, email: '' }, 'bad_email', '请填写接收发票的邮箱'],
    ['a bad email', { ...personal, email: 'li@qq' }, 'bad_email', '域名'],
    ['no orders', { ...personal, orderIds: [] }, 'no_orders', '至少选择一笔'],
    ['orders not a list', { ...personal, orderIds: 'CR1' }, 'no_orders', '至少选择一笔'],
    ['only junk ids', { ...personal, orderIds: [null, 3, ''] }, 'no_orders', '至少选择一笔'],
    ['too many orders', { ...personal, orderIds: Array.from({ length: MAX_ORDERS_PER_INVOICE + 1 }, (_, i) => `CR${i}`) }, 'too_many_orders', '最多 100 笔'],
    ['an order that is gone', { ...personal, orderIds: [A.id, 'CR404'] }, 'order_not_found', '找不到订单 CR404'],
    ['a peso order without a yuan charge', { ...personal, orderIds: [SMART_PESOS.id] }, 'not_invoiceable', '没有人民币支付金额'],
  ])('%s → %s', (_name, input, error, message) => {
    const result = validateInvoiceDraft(input, ORDERS, []);
    expect(result).toMatchObject({ ok: false, error });
    if (!result.ok) expect(result.message).toContain(message);
  });

  test('an order already on a requested invoice cannot be picked again', () => {
    const held = invoiceIn('requested');
    expect(validateInvoiceDraft({ ...personal, orderIds: [B.id, A.id] }, ORDERS, [held])).toMatchObject({ ok: false, error: 'not_invoiceable', message: `订单 ${A.id}的发票正在申请中，一笔订单只能开一次发票` });
  });

  test('hostile input never throws', () => {
    expect(validateInvoiceDraft(null, ORDERS, [])).toMatchObject({ ok: false, error: 'bad_title' });
    expect(validateInvoiceDraft(personal, null as never, null as never)).toMatchObject({ ok: false, error: 'order_not_found' });
    expect(validateInvoiceDraft({ ...personal, title: { kind: 'personal', name: 'x'.repeat(1_000_000) } }, ORDERS, [])).toMatchObject({ ok: false, error: 'bad_name' });
  });
});

describe('invoice states', () => {
  const STATES: InvoiceState[] = ['requested', 'issued', 'failed', 'voided'];
  /** The only moves: requested → issued | failed; issued → voided. */
  const LEGAL = ['requested→issued', 'requested→failed', 'issued→voided'];
  const pairs = STATES.flatMap((from) => STATES.map((to) => [from, to] as const));

  test('the table is the documented one', () => {
    expect(ALLOWED_INVOICE_TRANSITIONS).toEqual({ requested: ['issued', 'failed'], issued: ['voided'], failed: [], voided: [] });
  });

  test.each(pairs)('%s → %s', (from, to) => {
    const result = transitionInvoice(invoiceIn(from), to, T0 + HOUR_MS(), { number: '26442000000012345678' });
    expect(result.ok).toBe(LEGAL.includes(`${from}→${to}`));
    if (!result.ok) expect(result).toMatchObject({ error: 'illegal_transition', message: `发票当前为「${invoiceStateLabel(from)}」，不能变为「${invoiceStateLabel(to)}」，请刷新后查看` });
  });

  test('a new invoice is requested, with one event and nothing sent yet', () => {
    const inv = invoiceIn('requested');
    expect(inv).toMatchObject({ id: 'IV20261125103000000001', state: 'requested', createdAt: T0, updatedAt: T0, history: [{ state: 'requested', at: T0 }], sentTo: [] });
  });

  test('issuing needs a number, and records the day and the first address', () => {
    const inv = invoiceIn('requested');
    for (const number of [undefined, '', '12345', 'ABC12345678', '1'.repeat(21)]) {
      expect(transitionInvoice(inv, 'issued', T0 + 5, { number })).toMatchObject({ ok: false, error: 'missing_number' });
    }
    const issued = transitionInvoice(inv, 'issued', T0 + 5, { number: '26442000000012345678' }, '开票平台已开具');
    expect(issued).toMatchObject({ ok: true, value: { state: 'issued', number: '26442000000012345678', issuedAt: T0 + 5, sentTo: ['li@qq.com'], updatedAt: T0 + 5 } });
    if (issued.ok) expect(issued.value.history).toEqual([{ state: 'requested', at: T0 }, { state: 'issued', at: T0 + 5, note: '开票平台已开具' }]);
    expect(inv.state).toBe('requested');
  });

  test('a failure without a reason gets one', () => {
    expect(transitionInvoice(invoiceIn('requested'), 'failed', T0 + 5)).toMatchObject({ ok: true, value: { failureReason: '开票失败，请稍后重新申请' } });
  });

  test('the patch cannot rewrite the title, the orders, the total or the bookkeeping', () => {
    const inv = invoiceIn('requested');
    const moved = transitionInvoice(inv, 'issued', T0 + 5, {
      number: '26442000000012345678',
      id: 'forged',
      state: 'voided',
      title: { kind: 'personal', name: '别人' },
      total: cny(1),
      lines: [],
      email: 'x@evil.com',
      history: [],
      createdAt: 0,
    } as Partial<Invoice>);
    expect(moved.ok && [moved.value.id, moved.value.state, moved.value.title, moved.value.total, moved.value.lines.length, moved.value.email, moved.value.history.length, moved.value.createdAt]).toEqual([
      inv.id,
      'issued',
      inv.title,
      inv.total,
      1,
      'li@qq.com',
      2,
      T0,
    ]);
  });

  test.each([[null], [{}], [{ state: 'lost' }]])('a broken invoice %p cannot move', (inv) => {
    expect(transitionInvoice(inv as Invoice, 'issued', T0, { number: '12345678' })).toMatchObject({ ok: false, error: 'illegal_transition' });
  });

  test('labels', () => {
    expect(STATES.map(invoiceStateLabel)).toEqual(['申请中', '已开具', '开票失败', '已作废']);
    expect(invoiceStateLabel('lost' as InvoiceState)).toBe('未知状态');
  });
});

function HOUR_MS(): number {
  return 3_600_000;
}

describe('resendInvoice', () => {
  test('an issued invoice is sent again to another address', () => {
    const sent = resendInvoice(invoiceIn('issued'), ' boss@Company.com ', T0 + 9);
    expect(sent).toMatchObject({ ok: true, value: { sentTo: ['li@qq.com', 'boss@company.com'], updatedAt: T0 + 9 } });
  });

  test.each<[InvoiceState, string]>([
    ['requested', '开具后才能发送'],
    ['failed', '开具后才能发送'],
    ['voided', '已作废，不能再发送'],
  ])('a %s invoice cannot be sent', (state, message) => {
    expect(resendInvoice(invoiceIn(state), 'boss@company.com', T0)).toMatchObject({ ok: false, error: 'not_issued' });
    const result = resendInvoice(invoiceIn(state), 'boss@company.com', T0);
    if (!result.ok) expect(result.message).toContain(message);
  });

  test('a bad address is refused with the email reason', () => {
    expect(resendInvoice(invoiceIn('issued'), 'boss@', T0)).toMatchObject({ ok: false, error: 'bad_domain' });
    expect(resendInvoice(null as unknown as Invoice, 'boss@company.com', T0)).toMatchObject({ ok: false, error: 'not_issued' });
  });
});

describe('applyRefunds', () => {
  test('issued → voided, requested → failed, others untouched; only changed invoices come back', () => {
    const issued = { ...invoiceIn('issued'), id: 'IV-issued' };
    const requested = { ...createInvoice(draftOf({ ...personal, orderIds: [B.id] }), { id: 'IV-requested', now: T0 }) };
    const failed = { ...invoiceIn('failed'), id: 'IV-failed' };
    const other = { ...createInvoice(draftOf({ ...personal, orderIds: [SMART_CHARGED.id] }), { id: 'IV-other', now: T0 }) };
    const refundedA = { ...A, state: 'refunded' as const };
    const refundingB = { ...B, state: 'refunding' as const };
    const changed = applyRefunds([issued, requested, failed, other], [refundedA, refundingB, SMART_CHARGED], T0 + 99);
    expect(changed.map((inv) => [inv.id, inv.state, inv.voidReason ?? inv.failureReason])).toEqual([
      ['IV-issued', 'voided', `订单 ${A.id} 已退款，发票已作废`],
      ['IV-requested', 'failed', `订单 ${B.id} 已退款，本次开票已取消，可为其余订单重新申请`],
    ]);
    expect(changed[0].history[changed[0].history.length - 1]).toEqual({ state: 'voided', at: T0 + 99 });
  });

  test('nothing refunded, nothing changes; junk is ignored', () => {
    expect(applyRefunds([invoiceIn('issued')], ORDERS, T0)).toEqual([]);
    expect(applyRefunds(null as never, null as never, T0)).toEqual([]);
    expect(applyRefunds([null, { lines: 'x' }] as never, [{ ...A, state: 'refunded' }], T0)).toEqual([]);
  });
});

describe('the invoice page', () => {
  test('detail lines of an issued company invoice', () => {
    const inv = createInvoice(draftOf({ title: { kind: 'company', name: '深圳市某某科技有限公司', taxId: TAX_ID }, email: 'f@company.com', orderIds: [A.id, B.id] }), { id: 'IV1', now: T0 });
    const issued = transitionInvoice(inv, 'issued', Date.UTC(2026, 10, 25, 16, 30), { number: '26442000000012345678' });
    if (!issued.ok) throw new Error(issued.message);
    expect(invoiceDetailLines(issued.value)).toEqual([
      { label: '发票状态', value: '已开具' },
      { label: '申请编号', value: 'IV1' },
      { label: '发票号码', value: '26442000000012345678' },
      { label: '开票日期', value: '2026年11月26日' },
      { label: '抬头类型', value: '单位' },
      { label: '发票抬头', value: '深圳市某某科技有限公司' },
      { label: '税号', value: TAX_ID },
      { label: '接收邮箱', value: 'f@company.com' },
      { label: '开票金额', value: '¥150.00' },
      { label: '订单数', value: '2 笔' },
      { label: '申请时间', value: '2026-11-25 10:30:00' },
    ]);
    expect(invoiceOrderLine(issued.value.lines[0])).toBe('138****8000 · 话费充值 50 元 · ¥50.00');
  });

  test('a requested personal invoice shows dashes, a failed one its reason; broken values never throw', () => {
    expect(invoiceDetailLines(invoiceIn('requested')).slice(2, 6)).toEqual([
      { label: '发票号码', value: '—' },
      { label: '开票日期', value: '—' },
      { label: '抬头类型', value: '个人' },
      { label: '发票抬头', value: '个人' },
    ]);
    expect(invoiceDetailLines(invoiceIn('failed')).pop()).toEqual({ label: '失败原因', value: '开票平台繁忙' });
    expect(invoiceDetailLines(invoiceIn('voided')).pop()).toEqual({ label: '作废原因', value: '订单已退款' });
    expect(invoiceDetailLines({ ...invoiceIn('issued'), issuedAt: 1e20, total: null } as never)[3]).toEqual({ label: '开票日期', value: '—' });
    expect(invoiceDetailLines(null as never)).toEqual([]);
    expect(invoiceOrderLine(null as never)).toBe('');
  });

  test('invoice ids follow the order number layout', () => {
    expect(newInvoiceId(T0, () => 0.123456)).toBe('IV20261125103000123456');
  });
});
