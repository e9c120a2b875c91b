/**
 * 记录's list: pages of orders read from the store under the current filter, kept in a
 * window (list.ts) that renders only the rows near the screen, moved as the page scrolls
 * (at most once per SCROLL_EVERY_MS), and read again when the store changed behind it;
 * a row swiped and deleted (after a confirmation) leaves it with its month's totals.
 * Ready to spread into the page's Component methods (`methods: { ...listMethods }`).
 */
import type { Order } from '../../core/types';
import { deleteRecordWithConsent } from '../../services/checkout/record-deletion';
import { services } from '../../services/container';
import { privateState } from '../../lib/private-state';
import { RecordList, type Patch } from './list';
import { LIST_TOP_PX, SCROLL_EVERY_MS, spanFor } from './window';
import { PAGE_SIZE, chips, isFiltered, monthFacts, quarantineView, rowFacts, toRecordFilter, totalsText, type FilterChoice, type FilterName, type FilterOption } from './view';

/** What this concern keeps outside `data`. */
export interface ListState {
  list: RecordList;
  /** Where the store's next page starts; null when every page is read. */
  cursor: string | null;
  loading: boolean;
  scrollTop: number;
  scrollTimer: ReturnType<typeof setTimeout> | null;
  scrollPending: boolean;
  /** What the store held when the list was read (count, newest, unsettled): a change means read again. */
  mark: string;
}

const stateOf = privateState<ListState>(() => ({ list: new RecordList(), cursor: null, loading: false, scrollTop: 0, scrollTimer: null, scrollPending: false, mark: '' }));

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

interface Host {
  data: { loaded: boolean };
  setData(data: Record<string, unknown>): void;
  /** filterMethods': the choice the list is read under, and each filter's choices now. */
  filterChoice(): FilterChoice;
  filterOptions(): Record<FilterName, FilterOption[]>;
  /** pickMethods': newly read orders while picking, and the picks a reload forgets (with the patch saying so). */
  notePicks(orders: Order[]): void;
  forgetPicks(): Patch;
  shownAgain(): void;
  moveWindow(): void;
  windowPatch(): Patch;
  readPage(before: string | null): void;
  reload(): void;
  loadMore(): void;
  rowId(event: WechatMiniprogram.BaseEvent): string | undefined;
  hideRow(id: string): void;
}

export const listMethods = {
  /** Coming back (from a voucher, another tab) keeps the place in the list unless the records changed. */
  onShow(this: Host): void {
    this.shownAgain();
    if (!this.data.loaded || storeMark() !== stateOf(this).mark) this.reload();
  },

  onPullDownRefresh(this: Host): void {
    this.reload();
    services().device.stopPullDownRefresh();
  },

  onReachBottom(this: Host): void {
    this.loadMore();
  },

  /** An empty list's 去充值. */
  onGoRenew(this: Host): void {
    services().navigator.open('lookup');
  },

  onPageScroll(this: Host, event: { scrollTop?: number }): void {
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

  /** The page is gone: a scroll still waiting moves nothing. */
  stopScrolling(this: Host): void {
    const state = stateOf(this);
    if (state.scrollTimer !== null) clearTimeout(state.scrollTimer);
    state.scrollTimer = null;
  },

  /** The rows near the screen in, the ones far from it out. */
  moveWindow(this: Host): void {
    const patch = this.windowPatch();
    if (Object.keys(patch).length) this.setData(patch);
  },

  /** What the list sends for the screen where it is now (rows in and out, marks changed). */
  windowPatch(this: Host): Patch {
    const state = stateOf(this);
    return state.list.render(spanFor({ scrollTop: state.scrollTop, height: services().device.windowHeight(), listTop: LIST_TOP_PX }));
  },

  /** The list itself, for the concerns that mark its rows. */
  recordList(this: Host): RecordList {
    return stateOf(this).list;
  },

  /** Reads the store's page of orders and adds its rows to the list. */
  readPage(this: Host, before: string | null): void {
    const { records } = services();
    const state = stateOf(this);
    const filter = toRecordFilter(this.filterChoice());
    const page = records.page({ before, limit: PAGE_SIZE, filter });
    state.list.append(page.items.map(rowFacts), (month) => monthFacts(month, records.monthTotals(month, filter)));
    state.cursor = page.nextCursor;
    this.notePicks(page.items);
  },

  /** The first page for the current filter, replacing the list, back at the top. */
  reload(this: Host): void {
    const { records, device } = services();
    const state = stateOf(this);
    state.mark = storeMark();
    state.list.clear();
    // Picks made before a reload would point at rows no longer listed.
    const picks = this.forgetPicks();
    this.readPage(null);
    if (state.scrollTop > 0) device.scrollToTop();
    state.scrollTop = 0;
    const choice = this.filterChoice();
    this.setData({
      ...this.windowPatch(),
      loaded: true,
      visible: state.list.size,
      hasMore: state.cursor !== null,
      filtered: isFiltered(choice),
      chips: chips(choice, this.filterOptions()),
      quarantine: quarantineView(records.quarantined()),
      ...picks,
    });
  },

  /** The next page below, rendered if it is near the screen. */
  loadMore(this: Host): void {
    const state = stateOf(this);
    if (state.loading || state.cursor === null) return;
    state.loading = true;
    try {
      this.readPage(state.cursor);
    } finally {
      state.loading = false;
    }
    this.setData({ ...this.windowPatch(), visible: state.list.size, hasMore: state.cursor !== null });
  },

  /** The order behind a row's part and place (the view holds no order numbers). */
  rowId(this: Host, event: WechatMiniprogram.BaseEvent): string | undefined {
    const { part, row } = event.currentTarget.dataset as { part?: number; row?: number };
    return stateOf(this).list.idAt(Number(part), Number(row));
  },

  /** A deleted row goes, its month's totals follow; nothing else is sent again. */
  hideRow(this: Host, id: string): void {
    const state = stateOf(this);
    const month = state.list.remove(id);
    if (month) state.list.setTotals(month, totalsText(services().records.monthTotals(month, toRecordFilter(this.filterChoice()))));
    state.mark = storeMark();
    this.setData({ ...this.windowPatch(), visible: state.list.size });
    // The last shown row gone but older ones left: bring the next page in.
    if (state.list.size === 0 && state.cursor !== null) this.loadMore();
  },

  async onDelete(this: Host, event: WechatMiniprogram.BaseEvent): Promise<void> {
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
};
