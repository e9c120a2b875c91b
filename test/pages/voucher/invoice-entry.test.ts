/** The voucher's 电子发票 row from an order, the invoice rules and the invoices as stored (damaged ones included). */
import { voucherInvoice as entryOf } from '../../../miniprogram/pages/voucher/invoice-entry';
import { invoiceRules } from '../../../miniprogram/pages/invoice/rules';
import { invoiceOfOrder } from '../../../miniprogram/pages/invoice/core/invoiceability';
import { realOrder } from '../../support/records-orders';
import type { Order } from '../../../miniprogram/core/types';

const voucherInvoice = (o: Order, invoices: unknown[]) => entryOf(o, invoiceRules, invoices);

const order = realOrder({ at: '2026-11-25T10:00:00+08:00', serial: 7 });
const invoice = (id: string, state: string, createdAt = 1, orderIds = [order.id]) => ({ id, state, createdAt, lines: orderIds.map((orderId) => ({ orderId })) });
const as = (state: Order['state']): Order => ({ ...order, state });

describe('invoiceOfOrder', () => {
  test.each([
    ['never invoiced', [], null],
    ['on another order\u2019s invoice only', [invoice('IV1', 'issued', 1, ['CR-other'])], null],
    ['requested', [invoice('IV1', 'requested')], { id: 'IV1', state: 'requested' }],
    ['a failed request, then an issued one: the issued one speaks', [invoice('IV1', 'failed', 1), invoice('IV2', 'issued', 2)], { id: 'IV2', state: 'issued' }],
    ['two failed: the newest', [invoice('IV1', 'failed', 5), invoice('IV2', 'failed', 9)], { id: 'IV2', state: 'failed' }],
    ['damaged entries are skipped', [null, 'x', { id: 3 }, invoice('IV1', 'nonsense'), invoice('IV2', 'issued')], { id: 'IV2', state: 'issued' }],
  ])('%s', (_name, invoices, expected) => {
    expect(invoiceOfOrder(order, invoices as unknown[])).toEqual(expected);
  });

  test.each([
    ['issued, order refunded since: 已作废 before the invoice page records it', 'issued', 'voided'],
    ['requested, order refunded since: it will not be issued', 'requested', 'failed'],
  ])('%s', (_name, stored, shown) => {
    expect(invoiceOfOrder(as('refunded'), [invoice('IV1', stored)])?.state).toBe(shown);
  });
});

describe('voucherInvoice', () => {
  test('a charged order never invoiced: 申请发票, no state', () => {
    expect(voucherInvoice(order, [])).toMatchObject({ canApply: true, applyText: '申请发票', state: '', invoiceId: '' });
  });

  test('issued: 已开具 in green, no second application', () => {
    expect(voucherInvoice(order, [invoice('IV1', 'issued')])).toMatchObject({ canApply: false, state: '已开具', tag: 'success', invoiceId: 'IV1' });
  });

  test('a failed application: 开票失败, and 重新申请发票', () => {
    expect(voucherInvoice(order, [invoice('IV1', 'failed')])).toMatchObject({ canApply: true, applyText: '重新申请发票', state: '开票失败', tag: 'danger' });
  });

  test.each(['cancelled', 'pay_failed', 'unknown', 'awaiting_payment', 'refunded'] as const)('a %s order cannot apply', (state) => {
    expect(voucherInvoice(as(state), []).canApply).toBe(false);
  });
});
