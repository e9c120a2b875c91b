/**
 * 记录 (tab): renewal orders newest first, grouped by China month with each month's
 * charged totals; filter by number, status and kind; search by order or phone number;
 * pages of 20 loaded on scroll (only the new rows are sent to the view); swipe to delete
 * after a confirmation; export of all or the filtered records as CSV to the clipboard.
 */
import { ordersToCsv } from '../../core/order';
import { deleteRecordWithConsent } from '../../services/checkout/record-deletion';
import { services } from '../../services/container';
import { eventValue } from '../../lib/events';
import { privateState } from '../../lib/private-state';
import {
  KIND_OPTIONS,
  NO_FILTER,
  PAGE_SIZE,
  STATUS_OPTIONS,
  TOTALS_NOTE,
  appendPatch,
  isFiltered,
  phoneOptions,
  quarantineView,
  toRecordFilter,
  totalsText,
  type FilterChoice,
  type GroupShape,
  type QuarantineView,
  type RecordGroup,
} from './view';

interface RecordsState {
  choice: FilterChoice;
  cursor: string | null;
  shape: GroupShape[];
  /** Rows still shown per group (a deleted row is hidden, not re-sent). */
  alive: number[];
  loading: boolean;
}

const stateOf = privateState<RecordsState>(() => ({ choice: { ...NO_FILTER }, cursor: null, shape: [], alive: [], loading: false }));

Component({
  data: {
    loaded: false,
    groups: [] as (RecordGroup & { hidden?: boolean })[],
    visible: 0,
    hasMore: false,
    filtered: false,
    keyword: '',
    phone: '',
    status: '',
    kind: '',
    phoneOptions: [{ text: '全部号码', value: '' }],
    statusOptions: STATUS_OPTIONS,
    kindOptions: KIND_OPTIONS,
    note: TOTALS_NOTE,
    quarantine: null as QuarantineView | null,
  },

  methods: {
    onShow(): void {
      this.reload();
    },

    onPullDownRefresh(): void {
      this.reload();
      services().device.stopPullDownRefresh();
    },

    onReachBottom(): void {
      this.loadMore();
    },

    totalsFor(month: string): string {
      const { records } = services();
      return totalsText(records.monthTotals(month, toRecordFilter(stateOf(this).choice)));
    },

    /**
     * The first page for the current filter, replacing what is shown. A filter change
     * leaves the number list and the set-aside banner as they are (they cannot change).
     */
    reload(options: { filterOnly?: boolean } = {}): void {
      const { records, cards } = services();
      const state = stateOf(this);
      const page = records.page({ limit: PAGE_SIZE, filter: toRecordFilter(state.choice) });
      const { patch, shape } = appendPatch([], page.items, (month) => this.totalsFor(month));
      state.shape = shape;
      state.alive = shape.map((g) => g.size);
      state.cursor = page.nextCursor;
      this.setData({
        loaded: true,
        groups: shape.map((_, i) => patch[`groups[${i}]`] as RecordGroup),
        visible: page.items.length,
        hasMore: page.nextCursor !== null,
        filtered: isFiltered(state.choice),
        ...(options.filterOnly
          ? {}
          : { phoneOptions: phoneOptions(cards.list(), records.phones()), quarantine: quarantineView(records.quarantined()) }),
      });
    },

    /** The next page, sent as path updates for the new rows only. */
    loadMore(): void {
      const state = stateOf(this);
      if (state.loading || state.cursor === null) return;
      state.loading = true;
      const page = services().records.page({ before: state.cursor, limit: PAGE_SIZE, filter: toRecordFilter(state.choice) });
      const { patch, shape } = appendPatch(state.shape, page.items, (month) => this.totalsFor(month));
      shape.forEach((g, i) => (state.alive[i] = (state.alive[i] ?? 0) + g.size - (state.shape[i]?.size ?? 0)));
      state.shape = shape;
      state.cursor = page.nextCursor;
      state.loading = false;
      this.setData({ ...patch, visible: this.data.visible + page.items.length, hasMore: page.nextCursor !== null });
    },

    applyChoice(change: Partial<FilterChoice>): void {
      const state = stateOf(this);
      state.choice = { ...state.choice, ...change };
      this.setData({ keyword: state.choice.keyword, phone: state.choice.phone, status: state.choice.status, kind: state.choice.kind });
      this.reload({ filterOnly: true });
    },

    onSearch(event: { detail: unknown }): void {
      this.applyChoice({ keyword: eventValue(event) });
    },

    onClearSearch(): void {
      this.applyChoice({ keyword: '' });
    },

    onPhoneFilter(event: { detail: unknown }): void {
      this.applyChoice({ phone: eventValue(event) });
    },

    onStatusFilter(event: { detail: unknown }): void {
      this.applyChoice({ status: eventValue(event) });
    },

    onKindFilter(event: { detail: unknown }): void {
      this.applyChoice({ kind: eventValue(event) });
    },

    onClearFilters(): void {
      this.applyChoice({ ...NO_FILTER });
    },

    onOpen(event: WechatMiniprogram.BaseEvent): void {
      const id = String(event.currentTarget.dataset.id ?? '');
      if (id) services().navigator.open('voucher', { orderId: id });
    },

    onGoRenew(): void {
      services().navigator.open('lookup');
    },

    async onDelete(event: WechatMiniprogram.BaseEvent): Promise<void> {
      const { id, group, index } = event.currentTarget.dataset as { id: string; group: number; index: number };
      const { records, device } = services();
      const order = records.get(id);
      if (!order) {
        device.toast('这条记录已经不在了');
        this.reload();
        return;
      }
      if (!(await deleteRecordWithConsent(order, { records, device }))) return;
      this.hideRow(Number(group), Number(index));
    },

    /** Hides the deleted row and refreshes its month's totals; nothing else is re-sent. */
    hideRow(group: number, index: number): void {
      const state = stateOf(this);
      state.alive[group] = Math.max(0, (state.alive[group] ?? 1) - 1);
      const month = state.shape[group]?.key;
      const visible = Math.max(0, this.data.visible - 1);
      const patch: Record<string, unknown> = { [`groups[${group}].items[${index}].removed`]: true, visible };
      if (month) patch[`groups[${group}].totals`] = this.totalsFor(month);
      if (state.alive[group] === 0) patch[`groups[${group}].hidden`] = true;
      this.setData(patch);
      // The last shown row gone but older ones left: bring the next page in.
      if (visible === 0 && state.cursor !== null) this.loadMore();
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
      const which = isFiltered(state.choice) ? '筛选出的' : '';
      device.toast(copied ? `已复制${which} ${orders.length} 条记录（CSV），可粘贴到表格或备忘录` : '复制失败，请重试', copied ? 'none' : 'fail');
    },
  },
});
