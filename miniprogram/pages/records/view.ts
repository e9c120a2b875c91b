/**
 * What the records page shows, computed from orders: rows, month groups with their
 * totals, filter choices and the set-aside banner. The page only moves these into
 * setData; every wording and every rule lives here or in core.
 */
import type { BoundCard, Money, Order, OrderState, ProductKind } from '../../core/types';
import { CARRIERS } from '../../core/carriers';
import { formatDateTime } from '../../core/dates';
import { formatMoney } from '../../core/money';
import { maskPhone } from '../../core/phone';
import { stateLabel } from '../../core/order';
import type { QuarantinedEntry, RecordFilter, RecordStore } from '../../services/contracts';
import { chinaMonthOf } from '../../services/records/shard-index';
import { INDEX_KEY, LEGACY_V1_KEY, QUARANTINE_KEY_PREFIX, SHARD_KEY_PREFIX } from '../../services/records/schema';

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

export const KIND_LABELS: Record<ProductKind, string> = { recharge: '话费充值', data: '流量包', keep: '保号套餐' };

export const STATUS_OPTIONS: FilterOption[] = [{ text: '全部状态', value: '' }, ...STATUS_GROUPS.map(({ text, value }) => ({ text, value }))];

export const KIND_OPTIONS: FilterOption[] = [
  { text: '全部类型', value: '' },
  ...(Object.keys(KIND_LABELS) as ProductKind[]).map((kind) => ({ text: KIND_LABELS[kind], value: kind })),
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
  if (choice.kind && choice.kind in KIND_LABELS) filter.kinds = [choice.kind as ProductKind];
  if (choice.keyword.trim()) filter.text = choice.keyword.trim();
  return filter;
}

export function isFiltered(choice: FilterChoice): boolean {
  return Boolean(choice.phone || choice.status || choice.kind || choice.keyword.trim());
}

/* ------------------------------------------------------------------- rows */

export type TagType = 'success' | 'danger' | 'warning' | 'primary' | '';

function tagTypeOf(state: OrderState): TagType {
  if (state === 'succeeded') return 'success';
  if (state === 'pay_failed' || state === 'topup_failed' || state === 'refunded') return 'danger';
  if (state === 'unknown' || state === 'awaiting_payment' || state === 'created') return 'warning';
  if (state === 'paid' || state === 'refunding') return 'primary';
  return '';
}

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
    tag: tagTypeOf(order.state),
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

function keyLabel(key: string): string {
  if (key.startsWith(SHARD_KEY_PREFIX)) return `记录分组 ${key.slice(SHARD_KEY_PREFIX.length)}`;
  if (key.startsWith(INDEX_KEY)) return '记录索引';
  if (key === LEGACY_V1_KEY) return '旧版记录';
  if (key.startsWith(QUARANTINE_KEY_PREFIX)) return '另存的数据';
  return key;
}

export interface QuarantineView {
  summary: string;
  lines: string[];
}

export function quarantineView(entries: QuarantinedEntry[]): QuarantineView | null {
  if (!entries.length) return null;
  return {
    summary: `有 ${entries.length} 份记录数据无法正常读取，已原样另存、没有删除，其余记录不受影响。如有疑问请联系客服并提供下列信息。`,
    lines: entries.map((e) => `${keyLabel(e.key)}：${e.reason}${e.at ? `（${formatDateTime(e.at).slice(0, 16)}）` : ''}`),
  };
}

/* ------------------------------------------------- queries beyond the interface */

/**
 * Month totals, numbers seen and "all matching" are not on the RecordStore interface:
 * ShardedRecordStore answers them from its index; any other store gets a paging fallback.
 */
export interface RecordQueries {
  monthTotals(month: string, filter?: RecordFilter): Money[];
  phones(): string[];
  all(filter?: RecordFilter): Order[];
}

function pageAll(store: RecordStore, filter?: RecordFilter): Order[] {
  const out: Order[] = [];
  let before: string | null = null;
  do {
    const page = store.page({ before, limit: 200, filter });
    out.push(...page.items);
    before = page.nextCursor;
  } while (before);
  return out;
}

export function recordQueries(store: RecordStore): RecordQueries {
  const rich = store as Partial<RecordQueries>;
  if (typeof rich.monthTotals === 'function' && typeof rich.phones === 'function' && typeof rich.all === 'function') return rich as RecordQueries;
  return {
    all: (filter) => pageAll(store, filter),
    phones: () => [...new Set(pageAll(store).map((o) => o.phone))],
    monthTotals: (month, filter) => {
      const sums = new Map<string, number>();
      for (const o of pageAll(store, filter)) {
        if (chinaMonthOf(o.createdAt) !== month || (o.state !== 'paid' && o.state !== 'succeeded')) continue;
        sums.set(o.payable.currency, (sums.get(o.payable.currency) ?? 0) + o.payable.amount);
      }
      return (['CNY', 'PHP'] as const).filter((c) => sums.get(c)).map((currency) => ({ amount: sums.get(currency)!, currency }));
    },
  };
}
