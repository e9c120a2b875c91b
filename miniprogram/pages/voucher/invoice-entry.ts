/**
 * The voucher's 电子发票 row: 申请发票 for a charged order not yet on an invoice, and the
 * state of the invoice it is on (申请中 / 已开具 / 开票失败 / 已作废), which opens that
 * invoice. Pure: the rules (the invoice subpackage's, services().loadInvoiceRules()) and the invoices come in.
 */
import type { Order } from '../../core/types';
import type { InvoiceRulesModule, OrderInvoiceState } from '../../services/contracts';
import type { TagType } from '../../view/labels';

export interface VoucherInvoice {
  /** 申请发票 is offered. */
  canApply: boolean;
  applyText: string;
  /** The invoice it is on ('' for none), its state and tag colour. */
  invoiceId: string;
  state: string;
  tag: TagType;
  /** One line under the row: what the state means for the user. */
  note: string;
}

const STATES: Record<OrderInvoiceState, { label: string; tag: TagType; note: string }> = {
  requested: { label: '申请中', tag: 'primary', note: '开票平台处理中，开具后发送到你填写的邮箱' },
  issued: { label: '已开具', tag: 'success', note: '点此查看发票号码，或发送到其他邮箱' },
  failed: { label: '开票失败', tag: 'danger', note: '点此查看原因；可以重新申请' },
  voided: { label: '已作废', tag: 'default', note: '订单已退款，这张发票已作废' },
};

export function voucherInvoice(order: Order, rules: Pick<InvoiceRulesModule, 'invoiceability' | 'invoiceOfOrder'>, invoices: readonly unknown[]): VoucherInvoice {
  const held = rules.invoiceOfOrder(order, invoices);
  const canApply = rules.invoiceability(order, invoices).ok;
  const shown = held ? STATES[held.state] : null;
  return {
    canApply,
    applyText: held ? '重新申请发票' : '申请发票',
    invoiceId: held?.id ?? '',
    state: shown?.label ?? '',
    tag: shown?.tag ?? 'default',
    note: shown?.note ?? '',
  };
}
