/**
 * What the records page shows, computed from orders: rows, month headings and their
 * totals, the filter chips and their sheets, the search, and the set-aside banner. The
 * page only moves these into setData; every wording and every rule lives here, in
 * view/labels.ts or in core.
 */
import type { BoundCard, Money, Order, OrderState, ProductKind } from '../../core/types';
import { yuanCharged } from '../../core/charge';
import { chinaMonthOf, formatDateTime } from '../../core/dates';
import { formatMoney } from '../../core/money';
import { locationLine } from '../../view/location';
import { maskPhone, normalizePhoneInput, parsePhone } from '../../core/phone';
import type { QuarantinedEntry, QuarantineSource, RecordFilter } from '../../services/contracts';
import { ORDER_STATE_LABELS, PRODUCT_KIND_LABELS, PRODUCT_KINDS, stateTag } from '../../view/labels';
import type { MonthFacts, RowFacts } from './list';

/** Orders read from the store per load (two parts of the list). */
export const PAGE_SIZE = 20;

/** Says exactly what the month totals count, and that a row can be swiped. */
export const TOTALS_NOTE = '月合计为充值成功、已支付订单的实付金额，不含结果待确认和会退回的款项（充值失败、退款中）。左滑一条记录可删除';

/* ----------------------------------------------------------------- states */

/** Every order state in one order: a row names its state by position in STATES. */
const STATE_ORDER = Object.keys(ORDER_STATE_LABELS) as OrderState[];

/** Label and tag colour of each state, sent to the view once; the last entry is for a state no version knows. */
export const STATES: { l: string; c: string }[] = [
  ...STATE_ORDER.map((state) => ({ l: ORDER_STATE_LABELS[state], c: stateTag(state) || 'default' })),
  { l: '未知状态', c: 'default' },
];

export function stateIndex(state: OrderState): number {
  const at = STATE_ORDER.indexOf(state);
  return at < 0 ? STATES.length - 1 : at;
}

/* ---------------------------------------------------------------- filters */

export interface FilterOption {
  text: string;
  value: string;
}

/**
 * The status choices say exactly what the tags say (view/labels.ts), most wanted first;
 * states that share a word (待支付) share a choice. The value is the choice's first state.
 */
const STATUS_PREFERENCE: OrderState[] = ['succeeded', 'unknown', 'paid', 'refunding', 'refunded', 'topup_failed', 'pay_failed', 'cancelled', 'created', 'awaiting_payment'];

const STATUS_GROUPS: { value: OrderState; text: string; states: OrderState[] }[] = (() => {
  const groups: { value: OrderState; text: string; states: OrderState[] }[] = [];
  const ordered = [...STATUS_PREFERENCE, ...STATE_ORDER.filter((s) => !STATUS_PREFERENCE.includes(s))];
  for (const state of ordered) {
    const text = ORDER_STATE_LABELS[state];
    const group = groups.find((g) => g.text === text);
    if (group) group.states.push(state);
    else groups.push({ value: state, text, states: [state] });
  }
  return groups;
})();

export const STATUS_OPTIONS: FilterOption[] = [{ text: '全部状态', value: '' }, ...STATUS_GROUPS.map(({ text, value }) => ({ text, value }))];

export const KIND_OPTIONS: FilterOption[] = [
  { text: '全部类型', value: '' },
  ...PRODUCT_KINDS.map((kind) => ({ text: PRODUCT_KIND_LABELS[kind], value: kind })),
];

/** Bound cards first (with their nicknames), then other numbers seen in the records. */
export function phoneOptions(cards: BoundCard[], seen: string[]): FilterOption[] {
  const options: FilterOption[] = [{ text: '全部号码', value: '' }];
  for (const card of cards) {
    options.push({ text: card.nickname ? `${card.nickname} ${maskPhone(card.phone)}` : maskPhone(card.phone), value: card.phone });
  }
  for (const phone of seen) if (!options.some((o) => o.value === phone)) options.push({ text: maskPhone(phone), value: phone });
  return options;
}

export type FilterName = 'phone' | 'status' | 'kind';

export const FILTER_NAMES: readonly FilterName[] = ['phone', 'status', 'kind'];

const SHEET_TITLES: Record<FilterName, string> = { phone: '按号码筛选', status: '按状态筛选', kind: '按类型筛选' };

export interface FilterChoice {
  phone: string;
  status: string;
  kind: string;
  keyword: string;
}

export const NO_FILTER: FilterChoice = { phone: '', status: '', kind: '', keyword: '' };

export interface SheetAction {
  name: string;
  value: string;
  color?: string;
}

/** The sheet of one filter: its choices, the current one ticked in the theme's green text (styles/theme.wxss). */
export function filterSheet(name: FilterName, choice: FilterChoice, options: FilterOption[]): { title: string; actions: SheetAction[] } {
  return {
    title: SHEET_TITLES[name],
    actions: options.map((o) => (o.value === choice[name] ? { name: `✓ ${o.text}`, value: o.value, color: 'var(--theme-brand-text)' } : { name: o.text, value: o.value })),
  };
}

export interface Chip {
  /** The choice made, or 全部… when none. */
  t: string;
  /** A choice is made: the chip is highlighted. */
  on: boolean;
}

/** What each filter chip reads. */
export function chips(choice: FilterChoice, options: Record<FilterName, FilterOption[]>): Record<FilterName, Chip> {
  const chip = (name: FilterName): Chip => {
    const chosen = options[name].find((o) => o.value === choice[name]);
    return { t: (chosen ?? options[name][0]).text, on: Boolean(choice[name]) && chosen !== undefined };
  };
  return { phone: chip('phone'), status: chip('status'), kind: chip('kind') };
}

/**
 * The search as the store matches it. A number typed or pasted the way the 充值 field
 * takes it (+86 138 0013 8000, +63 918 123 4567, tel: links) becomes the number as
 * stored; a country code in front of part of a number is dropped; the masked form the
 * list shows (186****6002) keeps its stars, each standing for one digit.
 */
export function searchText(keyword: unknown): string {
  if (typeof keyword !== 'string' || !keyword.trim()) return '';
  const phone = parsePhone(keyword);
  if (phone.ok) return phone.value.national;
  const cleaned = normalizePhoneInput(keyword);
  const international = /^(?:\+|00)(86|63)([\d*]*)$/.exec(cleaned);
  if (international) return international[1] === '63' && international[2] ? `0${international[2]}` : international[2];
  return cleaned;
}

export function toRecordFilter(choice: FilterChoice): RecordFilter {
  const filter: RecordFilter = {};
  if (choice.phone) filter.phone = choice.phone;
  const group = STATUS_GROUPS.find((g) => g.value === choice.status);
  if (group) filter.states = [...group.states];
  if (PRODUCT_KINDS.includes(choice.kind as ProductKind)) filter.kinds = [choice.kind as ProductKind];
  const text = searchText(choice.keyword);
  if (text) filter.text = text;
  return filter;
}

export function isFiltered(choice: FilterChoice): boolean {
  return Boolean(choice.phone || choice.status || choice.kind || choice.keyword.trim());
}

/* ------------------------------------------------------------------- rows */

/** 11月25日 09:30 in China time: short enough to stay on one line beside the number. */
export function rowTime(ms: number): string {
  const full = formatDateTime(ms);
  if (!/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}/.test(full)) return full;
  return `${Number(full.slice(5, 7))}月${Number(full.slice(8, 10))}日 ${full.slice(11, 16)}`;
}

/**
 * One order as its row shows it: the product, the yuan charged (a Smart load's ₱ face value
 * beside it, smaller), the masked number with its 归属地 and carrier (广东 深圳 · 中国移动),
 * the time, 自动充值 when a rule placed it, and the state.
 */
export function rowFacts(order: Order): RowFacts {
  const yuan = yuanCharged(order);
  const foreign = order.payable?.currency !== 'CNY';
  return {
    id: order.id,
    month: chinaMonthOf(order.createdAt),
    title: String(order.product?.title ?? ''),
    phone: `${maskPhone(order.phone)} · ${locationLine(order.location, order.carrier)}`,
    time: rowTime(order.createdAt),
    amount: formatMoney(yuan ?? order.payable),
    face: yuan && foreign ? `面值 ${formatMoney(order.payable)}` : '',
    auto: !!order.autoTopup,
    state: stateIndex(order.state),
  };
}

/** The export's toast: where the records went (the clipboard: a mini-program cannot save a file for the user) and what to do with them. */
export function exportToast(count: number, filtered: boolean, copied: boolean): string {
  if (!copied) return '复制失败，记录没有导出，请重试';
  return `已把${filtered ? '筛选出的 ' : ' '}${count} 条记录复制到剪贴板，可粘贴到表格或备忘录中保存`;
}

/* ----------------------------------------------------------------- months */

export function monthTitle(month: string): string {
  const [year, monthNo] = month.split('-');
  return `${year}年${Number(monthNo)}月`;
}

export function totalsText(totals: Money[]): string {
  return totals.length ? totals.map(formatMoney).join(' · ') : '¥0.00';
}

export function monthFacts(month: string, totals: Money[]): MonthFacts {
  return { title: monthTitle(month), totals: totalsText(totals) };
}

/* ------------------------------------------------------------- set aside */

const SOURCE_LABELS: Record<QuarantineSource, string> = {
  records: '记录分组',
  index: '记录索引',
  legacy: '旧版记录',
  copy: '另存的数据',
  other: '其他数据',
};

/** 记录分组 3: the part number is the key's trailing digits, when it has some. */
function keyLabel(entry: QuarantinedEntry): string {
  const label = SOURCE_LABELS[entry.source ?? 'other'] ?? SOURCE_LABELS.other;
  const part = entry.source === 'records' ? /(\d+)$/.exec(entry.key)?.[1] : undefined;
  return part === undefined ? label : `${label} ${part}`;
}

export interface QuarantineView {
  summary: string;
  lines: string[];
}

/** How many orders the damage touched, when every entry says; the rest are whole. */
export function quarantineView(entries: QuarantinedEntry[]): QuarantineView | null {
  if (!entries.length) return null;
  const orders = entries.reduce((sum, e) => sum + (e.orders ?? 0), 0);
  const counted = entries.every((e) => e.orders !== undefined);
  const touched = orders ? `，涉及 ${orders} 笔订单` : counted ? '，订单都完好' : '';
  return {
    summary: `有 ${entries.length} 份记录数据无法正常读取，已原样另存、没有删除${touched}，其余记录不受影响。如有疑问请联系客服并提供下列信息。`,
    lines: entries.map((e) => `${keyLabel(e)}：${e.reason}${e.at ? `（${formatDateTime(e.at).slice(0, 16)}）` : ''}`),
  };
}
