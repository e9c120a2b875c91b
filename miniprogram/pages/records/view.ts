/**
 * What the records page shows, computed from orders: rows, month groups with their
 * totals, filter choices and the set-aside banner. The page only moves these into
 * setData; every wording and every rule lives here or in core.
 */
import type { BoundCard, Money, Order, OrderState, ProductKind } from '../../core/types';
import { CARRIERS } from '../../core/carriers';
import { chinaMonthOf, formatDateTime } from '../../core/dates';
import { formatMoney } from '../../core/money';
import { maskPhone } from '../../core/phone';
import type { QuarantinedEntry, QuarantineSource, RecordFilter } from '../../services/contracts';
import { PRODUCT_KIND_LABELS, PRODUCT_KINDS, stateLabel, stateTag, type TagType } from '../../view/labels';

export const PAGE_SIZE = 20;

export const TOTALS_NOTE = '月合计只统计已扣款的订单（充值成功、已支付），按实付金额计算';

/* ---------------------------------------------------------------- filters */

export interface FilterOption {
  text: string;
  value: string;
}

/** The status chips, each standing for the order states a person would put under it. */
const STATUS_GROUPS: { value: string; text: string; states: OrderState[] }[] = [
  { value: 'succeeded', text: '成功', states: ['succeeded'] },
  { value: 'processing', text: '处理中', states: ['paid', 'refunding'] },
  { value: 'failed', text: '失败', states: ['pay_failed', 'topup_failed', 'refunded'] },
  { value: 'cancelled', text: '已取消', states: ['cancelled'] },
  { value: 'pending', text: '待确认', states: ['created', 'awaiting_payment', 'unknown'] },
];

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

export interface FilterChoice {
  phone: string;
  status: string;
  kind: string;
  keyword: string;
}

export const NO_FILTER: FilterChoice = { phone: '', status: '', kind: '', keyword: '' };

export function toRecordFilter(choice: FilterChoice): RecordFilter {
  const filter: RecordFilter = {};
  if (choice.phone) filter.phone = choice.phone;
  const group = STATUS_GROUPS.find((g) => g.value === choice.status);
  if (group) filter.states = group.states;
  if (PRODUCT_KINDS.includes(choice.kind as ProductKind)) filter.kinds = [choice.kind as ProductKind];
  if (choice.keyword.trim()) filter.text = choice.keyword.trim();
  return filter;
}

export function isFiltered(choice: FilterChoice): boolean {
  return Boolean(choice.phone || choice.status || choice.kind || choice.keyword.trim());
}

/* ------------------------------------------------------------------- rows */

export type { TagType };

export interface RecordRow {
  id: string;
  title: string;
  phone: string;
  time: string;
  amount: string;
  state: string;
  tag: TagType;
  removed: boolean;
}

export function recordRow(order: Order): RecordRow {
  const carrier = CARRIERS[order.carrier]?.shortName ?? '';
  return {
    id: order.id,
    title: `${carrier} ${order.product.title}`.trim(),
    phone: maskPhone(order.phone),
    time: formatDateTime(order.createdAt).slice(0, 16),
    amount: formatMoney(order.payable),
    state: stateLabel(order.state),
    tag: stateTag(order.state),
    removed: false,
  };
}

/* ----------------------------------------------------------------- months */

export function monthTitle(month: string): string {
  const [year, monthNo] = month.split('-');
  return `${year}年${Number(monthNo)}月`;
}

export function totalsText(totals: Money[]): string {
  return totals.length ? totals.map(formatMoney).join(' · ') : '¥0.00';
}

export interface RecordGroup {
  key: string;
  title: string;
  totals: string;
  items: RecordRow[];
}

/** The shape of the groups already on screen: month key and row count of each. */
export interface GroupShape {
  key: string;
  size: number;
}

/**
 * The setData paths that add one page of orders below what is shown: rows of the month
 * already last on screen go to 'groups[i].items[j]', new months to 'groups[k]'.
 * Nothing already shown is sent again.
 */
export function appendPatch(shown: GroupShape[], orders: Order[], totalsFor: (month: string) => string): { patch: Record<string, unknown>; shape: GroupShape[] } {
  const shape = shown.map((g) => ({ ...g }));
  const patch: Record<string, unknown> = {};
  const fresh = new Map<number, RecordGroup>();
  for (const order of orders) {
    const month = chinaMonthOf(order.createdAt);
    let at = shape.length - 1;
    if (at < 0 || shape[at].key !== month) {
      shape.push({ key: month, size: 0 });
      at = shape.length - 1;
      fresh.set(at, { key: month, title: monthTitle(month), totals: totalsFor(month), items: [] });
    }
    const row = recordRow(order);
    const group = fresh.get(at);
    if (group) group.items.push(row);
    else patch[`groups[${at}].items[${shape[at].size}]`] = row;
    shape[at].size += 1;
  }
  for (const [at, group] of fresh) patch[`groups[${at}]`] = group;
  return { patch, shape };
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
