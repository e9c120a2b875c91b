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
 *
 * Each concern is a module of methods the page spreads in: the list with its window,
 * scrolling and swipe delete (list-methods.ts), the filters, search and the export of
 * what they select (filter-methods.ts) and 开发票's picking (pick-methods.ts).
 */
import { KIND_OPTIONS, NO_FILTER, STATES, STATUS_OPTIONS, TOTALS_NOTE, chips, phoneOptions, type Chip, type FilterName, type QuarantineView, type SheetAction } from './view';
import { listMethods } from './list-methods';
import { filterMethods } from './filter-methods';
import { pickMethods } from './pick-methods';
import { careMode } from '../../services/care/page-behavior';

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
      this.stopScrolling();
    },
  },

  methods: {
    ...listMethods,
    ...filterMethods,
    ...pickMethods,
  },
});
