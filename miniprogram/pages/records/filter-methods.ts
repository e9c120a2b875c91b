/**
 * 记录's filters: the chips for number, status and kind, each opening a sheet of its
 * choices, and the search by order number or phone number. Any change reads the list
 * again from the top. 导出 copies what they select (all, or the filtered records) as CSV. Ready to spread into the page's Component methods (`methods: { ...filterMethods }`).
 */
import { ordersToCsv } from '../../core/order';
import { services } from '../../services/container';
import { eventValue } from '../../lib/events';
import { privateState } from '../../lib/private-state';
import { FILTER_NAMES, KIND_OPTIONS, NO_FILTER, STATUS_OPTIONS, exportToast, filterSheet, isFiltered, phoneOptions, toRecordFilter, type FilterChoice, type FilterName, type FilterOption } from './view';

/** What this concern keeps outside `data`. */
export interface FilterState {
  choice: FilterChoice;
  /** The filter whose sheet is open. */
  sheet: FilterName | null;
}

const stateOf = privateState<FilterState>(() => ({ choice: { ...NO_FILTER }, sheet: null }));

interface Host {
  data: { keyword: string; sheet: { show: boolean } };
  setData(data: Record<string, unknown>): void;
  /** listMethods': the first page under the new choice. */
  reload(): void;
  filterOptions(): Record<FilterName, FilterOption[]>;
  applyChoice(change: Partial<FilterChoice>): void;
  onCloseFilter(): void;
}

export const filterMethods = {
  /** The choice the list is read (and exported) under. */
  filterChoice(this: Host): FilterChoice {
    return stateOf(this).choice;
  },

  /** Each filter's choices as of now (numbers bound or renewed since the list was read included). Not `options`: WeChat gives a page this.options (its query). */
  filterOptions(this: Host): Record<FilterName, FilterOption[]> {
    const { cards, records } = services();
    return { phone: phoneOptions(cards.list(), records.phones()), status: STATUS_OPTIONS, kind: KIND_OPTIONS };
  },

  applyChoice(this: Host, change: Partial<FilterChoice>): void {
    const state = stateOf(this);
    state.choice = { ...state.choice, ...change };
    if (change.keyword !== undefined && change.keyword !== this.data.keyword) this.setData({ keyword: change.keyword });
    this.reload();
  },

  onOpenFilter(this: Host, event: WechatMiniprogram.BaseEvent): void {
    const name = String(event.currentTarget.dataset.name ?? '') as FilterName;
    if (!FILTER_NAMES.includes(name)) return;
    const state = stateOf(this);
    state.sheet = name;
    this.setData({ sheet: { show: true, ...filterSheet(name, state.choice, this.filterOptions()[name]) } });
  },

  onPickFilter(this: Host, event: { detail: unknown }): void {
    const state = stateOf(this);
    const name = state.sheet;
    const picked = event?.detail as { value?: unknown } | undefined;
    this.onCloseFilter();
    if (name && picked && typeof picked.value === 'string') this.applyChoice({ [name]: picked.value });
  },

  onCloseFilter(this: Host): void {
    stateOf(this).sheet = null;
    if (this.data.sheet.show) this.setData({ 'sheet.show': false });
  },

  onSearch(this: Host, event: { detail: unknown }): void {
    this.applyChoice({ keyword: eventValue(event) });
  },

  onClearSearch(this: Host): void {
    this.applyChoice({ keyword: '' });
  },

  onClearFilters(this: Host): void {
    this.applyChoice({ ...NO_FILTER });
  },

  /** The records the filters select, as CSV to the clipboard (a mini-program cannot hand the user a file). */
  async onExport(this: Host): Promise<void> {
    const { records, device } = services();
    const choice = stateOf(this).choice;
    const orders = records.all(toRecordFilter(choice));
    if (!orders.length) {
      device.toast('没有可导出的记录');
      return;
    }
    const copied = await device.copy(ordersToCsv(orders));
    device.toast(exportToast(orders.length, isFiltered(choice), copied), copied ? 'none' : 'fail');
  },
};
