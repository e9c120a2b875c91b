/**
 * What pages outside this subpackage ask about invoices (the records tab picking orders,
 * the voucher's 电子发票 row), fetched with the subpackage the first time it is needed
 * (services().loadInvoiceRules(), require.async): the rules and the store stay here, and
 * the main package carries none of it.
 */
import type { InvoiceRulesModule } from '../../services/contracts';
import { invoiceability, invoiceOfOrder } from './core/invoiceability';
import { InvoiceStore } from './store/invoice-store';

export const invoiceRules: InvoiceRulesModule = {
  invoiceability,
  invoiceOfOrder,
  listInvoices: (storage, clock) => new InvoiceStore(storage, clock).list(),
};
