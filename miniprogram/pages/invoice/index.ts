/**
 * 开发票: pick succeeded orders (the ones a voucher or the records hand over come picked),
 * the title (个人, or 单位 with its 统一社会信用代码), the email, a preview of what will be
 * invoiced, then 提交申请. Below, the invoices already applied for. Query: { orderIds? }
 * (comma separated). Which orders may be invoiced, and the checks, are core's.
 */
import type { Order } from '../../core/types';
import { services } from '../../services/container';
import { eventValue, type ValueEvent } from '../../lib/events';
import { privateState } from '../../lib/private-state';
import { decodeQuery } from '../../services/wx/navigator';
import { invoiceability } from './core/invoice';
import { applyForInvoice, invoiceStore, ordersNamed, voidRefunded } from './store/invoicing';
import { invoiceRow, orderRow, parseOrderIds, pickableRows, preview, INVOICE_CONTENT, type InvoiceRow, type OrderRow, type Preview } from './view';
import { careMode } from '../../services/care/page-behavior';

const PAGE_SIZE = 20;

interface InvoicePageState {
  picked: Set<string>;
  cursor: string | null;
  submitting: boolean;
}

const stateOf = privateState<InvoicePageState>(() => ({ picked: new Set(), cursor: null, submitting: false }));

const FIELD_ERRORS: Record<string, string> = { bad_name: 'nameError', bad_tax_id: 'taxIdError', bad_email: 'emailError' };

Component({
  behaviors: [careMode],
  data: {
    rows: [] as OrderRow[],
    more: false,
    notices: [] as { id: string; text: string; invoiceId: string }[],
    kind: 'personal' as 'personal' | 'company',
    name: '',
    taxId: '',
    email: '',
    nameError: '',
    taxIdError: '',
    emailError: '',
    error: '',
    content: INVOICE_CONTENT,
    preview: { count: 0, total: '¥0.00', lines: [] } as Preview,
    invoices: [] as InvoiceRow[],
    submitting: false,
  },

  methods: {
    onLoad(query: Record<string, string | undefined>) {
      const state = stateOf(this);
      const wanted = parseOrderIds(decodeQuery(query).orderIds);
      const { records } = services();
      const store = invoiceStore(services());
      voidRefunded(services(), store.list());
      const invoices = store.list();
      const notices: { id: string; text: string; invoiceId: string }[] = [];
      const preset: OrderRow[] = [];
      for (const id of wanted) {
        const order = records.get(id);
        if (!order) {
          notices.push({ id, text: `找不到订单 ${id}，它可能已被删除`, invoiceId: '' });
          continue;
        }
        const allowed = invoiceability(order, invoices);
        if (!allowed.ok) {
          const holder = invoices.find((inv) => (inv.state === 'issued' || inv.state === 'requested') && inv.lines.some((line) => line.orderId === id));
          notices.push({ id, text: allowed.message, invoiceId: holder?.id ?? '' });
          continue;
        }
        state.picked.add(id);
        preset.push(orderRow(order, '', true));
      }
      const last = invoices[0];
      this.setData({
        notices,
        invoices: invoices.slice(0, 10).map(invoiceRow),
        kind: last?.title.kind ?? 'personal',
        name: last && last.title.name !== '个人' ? last.title.name : '',
        taxId: last?.title.kind === 'company' ? last.title.taxId : '',
        email: last?.email ?? '',
      });
      this.loadMore(true, preset.map((row) => row.id));
    },

    onShow() {
      const store = invoiceStore(services());
      if (this.data.invoices.length || store.list().length) this.setData({ invoices: store.list().slice(0, 10).map(invoiceRow) });
    },

    /** The next page of succeeded orders; `first` also puts the handed-over orders on top. */
    loadMore(first = false, presetIds: string[] = []) {
      const state = stateOf(this);
      const { records } = services();
      const invoices = invoiceStore(services()).list();
      const page = records.page({ before: first ? null : state.cursor, limit: PAGE_SIZE, filter: { states: ['succeeded'] } });
      state.cursor = page.nextCursor;
      const preset = first ? ordersNamed(records, presetIds) : [];
      const shown = new Set(first ? [] : this.data.rows.map((row) => row.id));
      const fresh = pickableRows([...preset, ...page.items.filter((o) => !presetIds.includes(o.id))], invoices, state.picked).filter((row) => !shown.has(row.id));
      const rows = first ? fresh : [...this.data.rows, ...fresh];
      this.setData({ rows, more: page.nextCursor !== null });
      this.refreshPreview();
    },

    onMore() {
      this.loadMore(false);
    },

    refreshPreview() {
      const { records } = services();
      const orders: Order[] = ordersNamed(records, [...stateOf(this).picked]);
      this.setData({ preview: preview(orders, invoiceStore(services()).list()) });
    },

    onPick(event: { currentTarget: { dataset: { id?: string } } }) {
      const id = event.currentTarget.dataset.id;
      const at = this.data.rows.findIndex((row) => row.id === id);
      if (!id || at < 0) return;
      const picked = stateOf(this).picked;
      if (picked.has(id)) picked.delete(id);
      else picked.add(id);
      this.setData({ [`rows[${at}].picked`]: picked.has(id), error: '' });
      this.refreshPreview();
    },

    onKindChange(event: ValueEvent) {
      this.setData({ kind: eventValue(event) === 'company' ? 'company' : 'personal', nameError: '', taxIdError: '' });
    },

    onNameInput(event: ValueEvent) {
      this.setData({ name: eventValue(event), nameError: '' });
    },

    onTaxIdInput(event: ValueEvent) {
      this.setData({ taxId: eventValue(event), taxIdError: '' });
    },

    onEmailInput(event: ValueEvent) {
      this.setData({ email: eventValue(event), emailError: '' });
    },

    onOpenInvoice(event: { currentTarget: { dataset: { id?: string } } }) {
      const id = event.currentTarget.dataset.id;
      if (id) services().navigator.open('invoice/detail', { id });
    },

    async onSubmit() {
      const state = stateOf(this);
      if (state.submitting) return;
      const { kind, name, taxId, email } = this.data;
      const title = kind === 'company' ? { kind, name, taxId } : { kind, name };
      state.submitting = true;
      this.setData({ submitting: true, error: '', nameError: '', taxIdError: '', emailError: '' });
      const applied = await applyForInvoice(services(), { title, email, orderIds: [...state.picked] });
      state.submitting = false;
      if (!applied.ok) {
        const field = applied.field ? FIELD_ERRORS[applied.field] : undefined;
        this.setData({ submitting: false, [field ?? 'error']: applied.message });
        return;
      }
      this.setData({ submitting: false });
      services().navigator.replace('invoice/detail', { id: applied.value.id });
    },
  },
});
