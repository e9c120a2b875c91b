/**
 * 记录 (tab): renewal orders newest first, under China-month headings with each month's
 * charged totals; filter chips for number, status and kind; search by order number or
 * phone number (as typed, pasted or masked); pages of 20 loaded on scroll; swipe to
 * delete after a confirmation; export of all or the filtered records as CSV (to the
 * clipboard); 开发票: pick several succeeded orders not yet invoiced, then open the invoice
 * page with them picked (an order that cannot be picked says why when tapped).
 *
 * The list is a window (list.ts): only the rows near the screen are rendered, so the
 * page costs the same after 500 rows as after 20, and a scroll sends only the rows
 * coming into view. Scroll updates are taken at most once per SCROLL_EVERY_MS.
 */
import { ordersToCsv } from '../../core/order';
import { formatMoney, money } from '../../core/money';
import type { Order } from '../../core/types';
import type { InvoiceRulesModule } from '../../services/contracts';
import { deleteRecordWithConsent } from '../../services/checkout/record-deletion';
import { services } from '../../services/container';
import { eventValue } from '../../lib/events';
import { privateState } from '../../lib/private-state';
import { RecordList } from './list';
import { LIST_TOP_PX, SCROLL_EVERY_MS, spanFor } from './window';
import {
  FILTER_NAMES,
  KIND_OPTIONS,
  NO_FILTER,
  PAGE_SIZE,
  STATES,
  STATUS_OPTIONS,
  TOTALS_NOTE,
  chips,
  exportToast,
  filterSheet,
  isFiltered,
  monthFacts,
  phoneOptions,
  quarantineView,
  rowFacts,
  toRecordFilter,
  totalsText,
  type Chip,
  type FilterChoice,
  type FilterName,
  type FilterOption,
  type QuarantineView,
  type SheetAction,
} from './view';
import { careMode } from '../../services/care/page-behavior';


interface RecordsState {
  choice: FilterChoice;
  cursor: string | null;
  list: RecordList;
  loading: boolean;
  scrollTop: number;
  scrollTimer: ReturnType<typeof setTimeout> | null;
  scrollPending: boolean;
  /** The filter whose sheet is open. */
  sheet: FilterName | null;
  /** What the store held when the list was read (count, newest, unsettled): a change means read again. */
  mark: string;
  /** While picking: the invoice rules (from their subpackage) and the invoices as stored when picking began. */
  rules: InvoiceRulesModule | null;
  invoices: unknown[];
  /** Each loaded order that can go on an invoice, with its yuan amount in fen. */
  invoiceable: Map<string, number>;
  /** Picking orders for an invoice: the ones picked, in the order they were. */
  picking: boolean;
  picked: string[];
}

const stateOf = privateState<RecordsState>(() => ({
  choice: { ...NO_FILTER },
  cursor: null,
  list: new RecordList(),
  loading: false,
  scrollTop: 0,
  scrollTimer: null,
  scrollPending: false,
  sheet: null,
  mark: '',
  rules: null,
  invoices: [],
  invoiceable: new Map(),
  picking: false,
  picked: [],
}));


/** Something about the store that changes when an order is added, deleted or settled. */
function storeMark(): string {
  const { records } = services();
  const newest = records.page({ limit: 1 }).items[0];
  const open = records
    .pending()
    .map((o) => `${o.id}:${o.state}`)
    .join(',');
  return `${records.count()}|${newest ? `${newest.id}:${newest.state}` : ''}|${open}`;
}

Component({
  behaviors: [careMode],
  data: {
    loaded: false,
    blocks: [] as unknown[],
    months: [] as unknown[],
    titles: [] as string[],
    phones: [] as string[],
    states: STATES,
    visible: 0,
    hasMore: false,
    filtered: false,
    keyword: '',
    chips: chips(NO_FILTER, { phone: phoneOptions([], []), status: STATUS_OPTIONS, kind: KIND_OPTIONS }) as Record<FilterName, Chip>,
    sheet: { show: false, title: '', actions: [] as SheetAction[] },
    note: TOTALS_NOTE,
    quarantine: null as QuarantineView | null,
    picking: false,
    pick: { count: 0, total: '¥0.00' },
  },

  lifetimes: {
    detached(): void {
      const state = stateOf(this);
      if (state.scrollTimer !== null) clearTimeout(state.scrollTimer);
      state.scrollTimer = null;
    },
  },

  methods: {
    /** Coming back (from a voucher, another tab) keeps the place in the list unless the records changed. */
    onShow(): void {
      const state = stateOf(this);
      if (!this.data.loaded || storeMark() !== state.mark) this.reload();
    },

    onPullDownRefresh(): void {
      this.reload();
      services().device.stopPullDownRefresh();
    },

    onReachBottom(): void {
      this.loadMore();
    },

    onPageScroll(event: { scrollTop?: number }): void {
      const state = stateOf(this);
      state.scrollTop = Math.max(0, Number(event?.scrollTop) || 0);
      if (state.scrollTimer !== null) {
        state.scrollPending = true;
        return;
      }
      this.moveWindow();
      const tick = () => {
        state.scrollTimer = null;
        if (!state.scrollPending) return;
        state.scrollPending = false;
        this.moveWindow();
        state.scrollTimer = setTimeout(tick, SCROLL_EVERY_MS);
      };
      state.scrollTimer = setTimeout(tick, SCROLL_EVERY_MS);
    },

    /** The rows near the screen in, the ones far from it out. */
    moveWindow(): void {
      const patch = stateOf(this).list.render(this.span());
      if (Object.keys(patch).length) this.setData(patch);
    },

    span() {
      return spanFor({ scrollTop: stateOf(this).scrollTop, height: services().device.windowHeight(), listTop: LIST_TOP_PX });
    },

    /** Reads the store's page of orders and adds its rows to the list. */
    readPage(before: string | null): void {
      const { records } = services();
      const state = stateOf(this);
      const filter = toRecordFilter(state.choice);
      const page = records.page({ before, limit: PAGE_SIZE, filter });
      state.list.append(page.items.map(rowFacts), (month) => monthFacts(month, records.monthTotals(month, filter)));
      state.cursor = page.nextCursor;
      if (state.picking) for (const order of page.items) this.noteInvoiceability(order);
    },

    noteInvoiceability(order: Order): void {
      const state = stateOf(this);
      const allowed = state.rules ? state.rules.invoiceability(order, state.invoices) : null;
      if (allowed?.ok) state.invoiceable.set(order.id, allowed.value.amount);
      state.list.mark(order.id, 'n', !allowed?.ok);
    },

    /** The first page for the current filter, replacing the list, back at the top. */
    reload(): void {
      const { records, device } = services();
      const state = stateOf(this);
      state.mark = storeMark();
      state.invoiceable.clear();
      state.list.clear();
      // Picks made before a reload would point at rows no longer listed.
      state.picked = [];
      this.readPage(null);
      if (state.scrollTop > 0) device.scrollToTop();
      state.scrollTop = 0;
      this.setData({
        ...state.list.render(this.span()),
        loaded: true,
        visible: state.list.size,
        hasMore: state.cursor !== null,
        filtered: isFiltered(state.choice),
        chips: chips(state.choice, this.filterOptions()),
        quarantine: quarantineView(records.quarantined()),
        ...(state.picking ? { pick: this.pickSummary() } : {}),
      });
    },

    /** The next page below, rendered if it is near the screen. */
    loadMore(): void {
      const state = stateOf(this);
      if (state.loading || state.cursor === null) return;
      state.loading = true;
      try {
        this.readPage(state.cursor);
      } finally {
        state.loading = false;
      }
      this.setData({ ...state.list.render(this.span()), visible: state.list.size, hasMore: state.cursor !== null });
    },

    /** Each filter's choices as of now (numbers bound or renewed since the list was read included). Not `options`: WeChat gives a page this.options (its query). */
    filterOptions(): Record<FilterName, FilterOption[]> {
      const { cards, records } = services();
      return { phone: phoneOptions(cards.list(), records.phones()), status: STATUS_OPTIONS, kind: KIND_OPTIONS };
    },

    applyChoice(change: Partial<FilterChoice>): void {
      const state = stateOf(this);
      state.choice = { ...state.choice, ...change };
      if (change.keyword !== undefined && change.keyword !== this.data.keyword) this.setData({ keyword: change.keyword });
      this.reload();
    },

    onOpenFilter(event: WechatMiniprogram.BaseEvent): void {
      const name = String(event.currentTarget.dataset.name ?? '') as FilterName;
      if (!FILTER_NAMES.includes(name)) return;
      const state = stateOf(this);
      state.sheet = name;
      this.setData({ sheet: { show: true, ...filterSheet(name, state.choice, this.filterOptions()[name]) } });
    },

    onPickFilter(event: { detail: unknown }): void {
      const state = stateOf(this);
      const name = state.sheet;
      const picked = event?.detail as { value?: unknown } | undefined;
      this.onCloseFilter();
      if (name && picked && typeof picked.value === 'string') this.applyChoice({ [name]: picked.value });
    },

    onCloseFilter(): void {
      stateOf(this).sheet = null;
      if (this.data.sheet.show) this.setData({ 'sheet.show': false });
    },

    onSearch(event: { detail: unknown }): void {
      this.applyChoice({ keyword: eventValue(event) });
    },

    onClearSearch(): void {
      this.applyChoice({ keyword: '' });
    },

    onClearFilters(): void {
      this.applyChoice({ ...NO_FILTER });
    },

    /** The order behind a row's part and place (the view holds no order numbers). */
    rowId(event: WechatMiniprogram.BaseEvent): string | undefined {
      const { part, row } = event.currentTarget.dataset as { part?: number; row?: number };
      return stateOf(this).list.idAt(Number(part), Number(row));
    },

    onOpen(event: WechatMiniprogram.BaseEvent): void {
      const id = this.rowId(event);
      if (!id) return;
      if (stateOf(this).picking) this.togglePick(id);
      else services().navigator.open('voucher', { orderId: id });
    },

    /** 开发票: the rows become choices; those that cannot go on an invoice are greyed. The rules come with the invoice subpackage. */
    async onStartPick(): Promise<void> {
      const state = stateOf(this);
      if (state.picking) return;
      state.picking = true;
      const { records, storage, clock, device, loadInvoiceRules } = services();
      try {
        state.rules = await loadInvoiceRules();
        state.invoices = state.rules.listInvoices(storage, clock);
      } catch {
        state.picking = false;
        device.toast('暂时打不开开发票，请检查网络后重试');
        return;
      }
      state.picked = [];
      state.invoiceable.clear();
      for (const id of state.list.ids()) {
        const order = records.get(id);
        if (order) this.noteInvoiceability(order);
      }
      this.setData({ ...state.list.render(this.span()), picking: true, pick: this.pickSummary() });
    },

    onCancelPick(): void {
      const state = stateOf(this);
      if (!state.picking) return;
      state.picking = false;
      for (const id of state.list.ids()) {
        state.list.mark(id, 'n', false);
        state.list.mark(id, 'c', false);
      }
      state.picked = [];
      this.setData({ ...state.list.render(this.span()), picking: false });
    },

    togglePick(id: string): void {
      const state = stateOf(this);
      if (!state.invoiceable.has(id)) {
        const order = services().records.get(id);
        const allowed = order && state.rules ? state.rules.invoiceability(order, state.invoices) : null;
        services().device.toast(allowed && !allowed.ok ? allowed.message : '这笔订单不能开发票');
        return;
      }
      const at = state.picked.indexOf(id);
      if (at >= 0) state.picked.splice(at, 1);
      else state.picked.push(id);
      state.list.mark(id, 'c', at < 0);
      this.setData({ ...state.list.render(this.span()), pick: this.pickSummary() });
    },

    pickSummary(): { count: number; total: string } {
      const state = stateOf(this);
      const fen = state.picked.reduce((sum, id) => sum + (state.invoiceable.get(id) ?? 0), 0);
      return { count: state.picked.length, total: formatMoney(money(fen, 'CNY')) };
    },

    /** The invoice page with the picked orders (it checks each again); the list leaves picking. */
    onInvoicePicked(): void {
      const state = stateOf(this);
      if (!state.picking) return;
      if (!state.picked.length) {
        services().device.toast('请先点选要开发票的订单');
        return;
      }
      const orderIds = state.picked.join(',');
      this.onCancelPick();
      services().navigator.open('invoice', { orderIds });
    },

    onGoRenew(): void {
      services().navigator.open('lookup');
    },

    async onDelete(event: WechatMiniprogram.BaseEvent): Promise<void> {
      const id = this.rowId(event);
      const { records, device } = services();
      const order = id ? records.get(id) : undefined;
      if (!order) {
        device.toast('这条记录已经不在了');
        this.reload();
        return;
      }
      if (!(await deleteRecordWithConsent(order, { records, device }))) return;
      this.hideRow(order.id);
    },

    /** The deleted row goes, its month's totals follow; nothing else is sent again. */
    hideRow(id: string): void {
      const state = stateOf(this);
      const month = state.list.remove(id);
      if (month) state.list.setTotals(month, totalsText(services().records.monthTotals(month, toRecordFilter(state.choice))));
      state.mark = storeMark();
      this.setData({ ...state.list.render(this.span()), visible: state.list.size });
      // The last shown row gone but older ones left: bring the next page in.
      if (state.list.size === 0 && state.cursor !== null) this.loadMore();
    },

    async onExport(): Promise<void> {
      const { records, device } = services();
      const state = stateOf(this);
      const orders = records.all(toRecordFilter(state.choice));
      if (!orders.length) {
        device.toast('没有可导出的记录');
        return;
      }
      const copied = await device.copy(ordersToCsv(orders));
      device.toast(exportToast(orders.length, isFiltered(state.choice), copied), copied ? 'none' : 'fail');
    },
  },
});
