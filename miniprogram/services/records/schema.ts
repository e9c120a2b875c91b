/**
 * The stored forms of transaction records, version by version, and the way up.
 *
 * v1 (an early build): every record in one ever-growing array under the key 'records',
 *   amounts as float yuan, outcome in a `status` field. Rewriting it on each append got
 *   slower with every order and would hit WeChat's 1 MB per-key limit near 3,000 records.
 * v2 (current): orders in shards of a bounded size under 'rec.v2.shard.<n>', plus an
 *   index: a head 'rec.v2.index' and pages 'rec.v2.index.<k>' holding one small summary
 *   per shard (64 shards a page). Money is integer minor units.
 *   Orders are stored as positional arrays and each shard lists its products once, which
 *   keeps 10,000 orders near 2.5 MB instead of 9 MB as plain objects.
 *   Integrity (added within v2, so a build without it still reads these keys): a shard
 *   names its own number `n` and carries a checksum `c` of its content and two check
 *   characters per order `k`, so a changed order is found and set aside alone; an index
 *   page carries a checksum `c` and each shard's checksum `k`, so a summary that does
 *   not match its shard, or a shard swapped for another value, is noticed.
 *
 * Everything read back is validated: a value that does not fit is reported with a reason,
 * never half-trusted. The reasons are Chinese because the records page shows them.
 */
import type {
  CardType,
  CarrierId,
  ChinaDate,
  Currency,
  Money,
  NumberLocation,
  Order,
  OrderEvent,
  OrderState,
  ProductKind,
  Region,
} from '../../core/types';
import { checksumText, fnv1a } from '../../core/checksum';
import { isRateQuote } from '../../core/charge';

export const SCHEMA_VERSION = 2;
export const INDEX_KEY = 'rec.v2.index';
export const SHARD_KEY_PREFIX = 'rec.v2.shard.';
export const QUARANTINE_KEY_PREFIX = 'rec.quarantine.';
export const LEGACY_V1_KEY = 'records';

export function shardKey(n: number): string {
  return `${SHARD_KEY_PREFIX}${n}`;
}

/** The shard number of a key, or null for any other key. */
export function shardNumberOf(key: string): number | null {
  if (!key.startsWith(SHARD_KEY_PREFIX)) return null;
  const rest = key.slice(SHARD_KEY_PREFIX.length);
  return /^(0|[1-9]\d{0,8})$/.test(rest) ? Number(rest) : null;
}

/* ------------------------------------------------------------ code tables */

/** Positions are stored: only ever append to these lists. */
export const ORDER_STATES: readonly OrderState[] = [
  'created',
  'awaiting_payment',
  'paid',
  'cancelled',
  'pay_failed',
  'unknown',
  'succeeded',
  'topup_failed',
  'refunding',
  'refunded',
];
export const PRODUCT_KINDS: readonly ProductKind[] = ['recharge', 'data', 'keep'];
export const CURRENCIES: readonly Currency[] = ['CNY', 'PHP'];
const REGIONS: readonly Region[] = ['CN', 'PH'];
const CARRIERS: readonly CarrierId[] = ['cmcc', 'cucc', 'ctcc', 'cbn', 'smart'];
const CARD_TYPES: readonly CardType[] = ['data', 'phone', 'keep', 'esim'];


/* ------------------------------------------------------------- validation */

type Check = string | null;

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isWholeNumber(v: unknown): v is number {
  return typeof v === 'number' && Number.isSafeInteger(v);
}

function isText(v: unknown, max = 200): v is string {
  return typeof v === 'string' && v.length <= max;
}

function isChinaDateOrBlank(v: unknown): v is ChinaDate {
  // Blank only comes from v1, which did not always note the expiry.
  return typeof v === 'string' && (v === '' || /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.test(v));
}

function moneyProblem(v: unknown, field: string, allowNegative: boolean): Check {
  if (!isPlainObject(v)) return `${field} 不是金额`;
  if (!isWholeNumber(v.amount)) return `${field} 不是整数金额`;
  if (!allowNegative && v.amount < 0) return `${field} 为负数`;
  if (!CURRENCIES.includes(v.currency as Currency)) return `${field} 币种未知`;
  return null;
}

function eventProblem(v: unknown): Check {
  if (!isPlainObject(v)) return '订单历史中有无法识别的记录';
  if (!ORDER_STATES.includes(v.state as OrderState)) return '订单历史中有未知状态';
  if (!isWholeNumber(v.at)) return '订单历史中的时间无效';
  if (v.note !== undefined && !isText(v.note, 500)) return '订单历史中的备注无效';
  return null;
}

function productProblem(v: unknown): Check {
  if (!isPlainObject(v)) return '缺少套餐信息';
  if (!isText(v.id, 80) || v.id === '') return '套餐编号无效';
  if (!PRODUCT_KINDS.includes(v.kind as ProductKind)) return '套餐类型未知';
  if (!isText(v.title, 120)) return '套餐名称无效';
  if (!isWholeNumber(v.dataMb) || v.dataMb < 0) return '套餐流量无效';
  if (!isWholeNumber(v.validityDays) || v.validityDays < 0) return '套餐有效天数无效';
  return moneyProblem(v.credit, '到账金额', false);
}

function afterProblem(v: unknown): Check {
  if (!isPlainObject(v)) return '充值后信息无效';
  const balance = moneyProblem(v.balance, '充值后余额', true);
  if (balance) return balance;
  if (v.dataLeftMb !== null && !isWholeNumber(v.dataLeftMb)) return '充值后流量无效';
  if (!isChinaDateOrBlank(v.expiry) || v.expiry === '') return '充值后到期日无效';
  return null;
}

/**
 * Why a value is not a storable order, or null when it is one. Used on every order
 * read back and before every write, so nothing the store cannot round-trip gets in.
 */
export function orderProblem(v: unknown): Check {
  if (!isPlainObject(v)) return '不是订单数据';
  if (!isText(v.id, 64) || v.id === '') return '订单号无效';
  if (!isText(v.idempotencyKey, 128)) return '订单幂等键无效';
  if (!isWholeNumber(v.createdAt) || v.createdAt < 0) return '下单时间无效';
  if (!isWholeNumber(v.updatedAt) || v.updatedAt < 0) return '更新时间无效';
  if (!ORDER_STATES.includes(v.state as OrderState)) return '订单状态未知';
  if (!Array.isArray(v.history) || v.history.length > 64) return '订单历史无效';
  for (const event of v.history) {
    const problem = eventProblem(event);
    if (problem) return problem;
  }
  if (!isText(v.phone, 32) || v.phone === '') return '手机号无效';
  if (!REGIONS.includes(v.region as Region)) return '地区未知';
  if (!CARRIERS.includes(v.carrier as CarrierId)) return '运营商未知';
  if (!CARD_TYPES.includes(v.cardType as CardType)) return '卡类型未知';
  const product = productProblem(v.product);
  if (product) return product;
  const amounts = moneyProblem(v.original, '原价', false) ?? moneyProblem(v.discount, '优惠', false) ?? moneyProblem(v.payable, '实付', false);
  if (amounts) return amounts;
  const currency = (v.original as Money).currency;
  if ((v.discount as Money).currency !== currency || (v.payable as Money).currency !== currency) return '原价、优惠与实付的币种不一致';
  if (!Array.isArray(v.promotions) || !v.promotions.every((p) => isText(p, 120))) return '优惠活动无效';
  if (!isWholeNumber(v.bonusDataMb) || v.bonusDataMb < 0) return '赠送流量无效';
  if (!isChinaDateOrBlank(v.oldExpiry) || !isChinaDateOrBlank(v.newExpiry)) return '到期日无效';
  if (v.transactionId !== undefined && !isText(v.transactionId, 128)) return '支付交易号无效';
  if (v.failureReason !== undefined && !isText(v.failureReason, 500)) return '失败原因无效';
  if (v.reconciled !== undefined && typeof v.reconciled !== 'boolean') return '核对标记无效';
  // Newer than this schema, stored in the extras' `x` as they are: the yuan charged for a peso price and its rate.
  if (v.charged !== undefined && (moneyProblem(v.charged, '人民币实付', false) !== null || (v.charged as Money).currency !== 'CNY')) return '人民币实付金额无效';
  if (v.fx !== undefined && !isRateQuote(v.fx)) return '汇率信息无效';
  if (v.location !== undefined && !isNumberLocation(v.location)) return '归属地信息无效';
  if (v.after !== undefined) return afterProblem(v.after);
  return null;
}

/* ------------------------------------------------------- v2 stored orders */

const KNOWN_ORDER_KEYS = new Set([
  'id', 'idempotencyKey', 'createdAt', 'updatedAt', 'state', 'history', 'phone', 'region', 'carrier', 'cardType',
  'product', 'original', 'discount', 'payable', 'promotions', 'bonusDataMb', 'oldExpiry', 'newExpiry',
  'transactionId', 'failureReason', 'reconciled', 'after', 'location',
]);
const KNOWN_PRODUCT_KEYS = new Set(['id', 'kind', 'title', 'credit', 'dataMb', 'validityDays']);

/** [id, kind, title, credit amount, credit currency, dataMb, validityDays, fields added later?] */
export type StoredProduct = [string, number, string, number, number, number, number, Record<string, unknown>?];
/**
 * Notes the app itself writes, stored as their position in this list: a history note is
 * most of an order's bytes otherwise. Append only — a code is its index, forever. Any
 * other note is stored as text.
 */
export const KNOWN_NOTES: readonly string[] = [
  '已提交，等待微信支付',
  '微信支付成功',
  '用户取消了支付',
  '微信支付失败',
  '没有收到微信支付的结果',
  '运营商已到账',
  '核对：运营商已到账',
  '运营商没有受理充值',
  '已发起原路退款',
  '款项已原路退回',
  '核对：微信支付已扣款',
  '核对：支付未成功',
  '未支付，订单已关闭',
  '由旧版记录升级',
];

/** [state, ms after createdAt, note (a KNOWN_NOTES position, or the text)?] */
export type StoredEvent = [number, number, (number | string)?];
/** Optional order fields, present only when set; `x` carries fields newer than this schema. */
export interface StoredExtras {
  t?: string;
  f?: string;
  r?: 0 | 1;
  /** after: [balance amount, balance currency, data left MB or null, expiry] */
  a?: [number, number, number | null, ChinaDate];
  /** 1: newExpiry really is blank (a stored blank otherwise means "the same as after's expiry"). */
  e?: 1;
  /** The order's 归属地 when it differs from the one its shard keeps for its number (StoredShard.l). */
  l?: StoredPlace;
  x?: Record<string, unknown>;
}

/** A 归属地 as stored: [country, province, city], or 0 for one the carrier could not place. */
export type StoredPlace = [string, string, string] | 0;

/** A location as the carrier answers it (NumberLocation), or null for one it could not place. */
export function isNumberLocation(value: unknown): value is NumberLocation | null {
  if (value === null) return true;
  return isPlainObject(value) && (value.country === 'CN' || value.country === 'PH') && isText(value.province, 40) && isText(value.city, 40);
}

function encodePlace(location: NumberLocation | null): StoredPlace {
  return location === null ? 0 : [location.country, location.province, location.city];
}

/** A stored place back to a location; undefined for one this code cannot read (orderProblem then says so). */
function decodePlace(raw: unknown): NumberLocation | null | undefined {
  if (raw === 0) return null;
  if (!Array.isArray(raw) || raw.length !== 3) return undefined;
  return { country: raw[0], province: raw[1], city: raw[2] } as NumberLocation;
}
/**
 * [id, idempotencyKey, createdAt, updatedAt − createdAt, state, history, phone, region,
 *  carrier, cardType, product (position in the shard's list), currency, original,
 *  discount, payable, promotions, bonusDataMb, oldExpiry, newExpiry, extras?]
 */
export type StoredOrder = [
  string, string, number, number, number, StoredEvent[], string, string,
  string, string, number, number, number, number, number, (number | string)[], number, ChinaDate, ChinaDate, StoredExtras?,
];
export interface StoredShard {
  v: 2;
  /** Products, each stored once per shard. */
  p: StoredProduct[];
  o: StoredOrder[];
  /** Promotion titles, each stored once per shard; an order lists their positions. */
  q?: string[];
  /** 归属地 per number, each stored once per shard; absent on shards written before orders kept it. */
  l?: Record<string, StoredPlace>;
  /** The shard's own number: a value found under another shard's key is noticed. */
  n?: number;
  /** Two check characters per order, in order (shardChecks). */
  k?: string;
  /** Checksum of n, p, q, o and k (shardChecks). Absent on shards written before checksums. */
  c?: string;
}

const CHECK_CHARACTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/**
 * A shard's checks, from one JSON text per stored order (which, joined, is the JSON of
 * `o`, so nothing is serialised twice): `k`, two characters (12 bits) per order over the
 * order with the product and promotion titles it points to, and `c`, a checksum of the
 * whole shard (n, p, q, o and k).
 */
function shardChecks(shard: Pick<StoredShard, 'n' | 'p' | 'q' | 'l'> & { o: unknown[] }): { k: string; c: string } {
  const productTexts = shard.p.map((p) => JSON.stringify(p));
  // A shard without places is checked exactly as before places were kept, so older shards stay sound.
  const places = isPlainObject(shard.l) ? (shard.l as Record<string, unknown>) : null;
  const titles: unknown[] = shard.q ?? [];
  const texts = shard.o.map((o) => JSON.stringify(o));
  const k = texts
    .map((text, i) => {
      const tuple = Array.isArray(shard.o[i]) ? (shard.o[i] as unknown[]) : [];
      const promotions = Array.isArray(tuple[15]) ? tuple[15].map((p) => (typeof p === 'number' ? titles[p] : p)) : null;
      const place = places ? `|${JSON.stringify(places[tuple[6] as string] ?? null)}` : '';
      const hash = fnv1a(`${text}|${productTexts[tuple[10] as number]}|${JSON.stringify(promotions)}${place}`);
      return CHECK_CHARACTERS[hash & 63] + CHECK_CHARACTERS[(hash >>> 6) & 63];
    })
    .join('');
  const head = shard.l === undefined ? [shard.n, shard.p, shard.q] : [shard.n, shard.p, shard.q, shard.l];
  return { k, c: checksumText(`${JSON.stringify(head)}[${texts.join(',')}]${k}`) };
}

function extraFields(source: Record<string, unknown>, known: Set<string>): Record<string, unknown> | undefined {
  let extras: Record<string, unknown> | undefined;
  for (const key of Object.keys(source)) {
    if (known.has(key) || source[key] === undefined) continue;
    extras = extras ?? {};
    extras[key] = source[key];
  }
  return extras;
}

function encodeProduct(product: Order['product']): StoredProduct {
  const tuple: StoredProduct = [
    product.id,
    PRODUCT_KINDS.indexOf(product.kind),
    product.title,
    product.credit.amount,
    CURRENCIES.indexOf(product.credit.currency),
    product.dataMb,
    product.validityDays,
  ];
  const extras = extraFields(product as unknown as Record<string, unknown>, KNOWN_PRODUCT_KEYS);
  if (extras) tuple.push(extras);
  return tuple;
}

function encodeExtras(order: Order, shardPlace: StoredPlace | undefined): StoredExtras | undefined {
  const extras: StoredExtras = {};
  if (order.transactionId !== undefined) extras.t = order.transactionId;
  if (order.failureReason !== undefined) extras.f = order.failureReason;
  if (order.reconciled !== undefined) extras.r = order.reconciled ? 1 : 0;
  if (order.after) {
    const { balance, dataLeftMb, expiry } = order.after;
    extras.a = [balance.amount, CURRENCIES.indexOf(balance.currency), dataLeftMb, expiry];
    if (order.newExpiry === '') extras.e = 1;
  }
  if (order.location !== undefined) {
    const place = encodePlace(order.location);
    if (JSON.stringify(place) !== JSON.stringify(shardPlace)) extras.l = place;
  }
  const newer = extraFields(order as unknown as Record<string, unknown>, KNOWN_ORDER_KEYS);
  if (newer) extras.x = newer;
  return Object.keys(extras).length ? extras : undefined;
}

/** Orders must pass orderProblem() first: the encoding assumes a valid order. `n`: the shard's number. */
export function encodeShard(orders: readonly Order[], n?: number): StoredShard {
  const products: StoredProduct[] = [];
  const productPositions = new Map<string, number>();
  const promotionTitles: string[] = [];
  const promotionAt = (title: string): number => {
    let at = promotionTitles.indexOf(title);
    if (at < 0) at = promotionTitles.push(title) - 1;
    return at;
  };
  // A number's 归属地 is the same on all its orders: kept once per number in the shard, not on each order.
  const places: Record<string, StoredPlace> = {};
  for (const order of orders) if (order.location !== undefined && !(order.phone in places)) places[order.phone] = encodePlace(order.location);
  const stored = orders.map((order): StoredOrder => {
    const product = encodeProduct(order.product);
    const productText = JSON.stringify(product);
    let position = productPositions.get(productText);
    if (position === undefined) {
      position = products.length;
      products.push(product);
      productPositions.set(productText, position);
    }
    const tuple: StoredOrder = [
      order.id,
      order.idempotencyKey,
      order.createdAt,
      order.updatedAt - order.createdAt,
      ORDER_STATES.indexOf(order.state),
      order.history.map((e): StoredEvent => {
        const event: StoredEvent = [ORDER_STATES.indexOf(e.state), e.at - order.createdAt];
        if (e.note !== undefined) {
          const code = KNOWN_NOTES.indexOf(e.note);
          event.push(code >= 0 ? code : e.note);
        }
        return event;
      }),
      order.phone,
      order.region,
      order.carrier,
      order.cardType,
      position,
      CURRENCIES.indexOf(order.payable.currency),
      order.original.amount,
      order.discount.amount,
      order.payable.amount,
      order.promotions.map(promotionAt),
      order.bonusDataMb,
      order.oldExpiry,
      // The usual case, the carrier confirming the quoted expiry, costs no bytes.
      order.after && order.after.expiry === order.newExpiry ? '' : order.newExpiry,
    ];
    const extras = encodeExtras(order, places[order.phone]);
    if (extras) tuple.push(extras);
    return tuple;
  });
  const shard: StoredShard = { v: 2, p: products, o: stored };
  if (promotionTitles.length) shard.q = promotionTitles;
  if (Object.keys(places).length) shard.l = places;
  if (n !== undefined) shard.n = n;
  const { k, c } = shardChecks(shard);
  shard.k = k;
  shard.c = c;
  return shard;
}

function currencyAt(code: unknown): Currency {
  return CURRENCIES[code as number];
}

function decodeProduct(raw: unknown): Order['product'] | null {
  if (!Array.isArray(raw) || raw.length < 7 || raw.length > 8) return null;
  if (!raw.every((part, i) => i === 7 || typeof part === (i === 0 || i === 2 ? 'string' : 'number'))) return null;
  const product = {
    ...(isPlainObject(raw[7]) ? dropKnown(raw[7], KNOWN_PRODUCT_KEYS) : {}),
    id: raw[0] as string,
    kind: PRODUCT_KINDS[raw[1] as number],
    title: raw[2] as string,
    credit: { amount: raw[3] as number, currency: currencyAt(raw[4]) },
    dataMb: raw[5] as number,
    validityDays: raw[6] as number,
  };
  return productProblem(product) ? null : product;
}

function dropKnown(source: Record<string, unknown>, known: Set<string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(source)) if (!known.has(key)) out[key] = source[key];
  return out;
}

function decodeEvent(raw: unknown, createdAt: number): OrderEvent | null {
  if (!Array.isArray(raw) || raw.length < 2 || raw.length > 3 || !isWholeNumber(raw[1])) return null;
  const event: OrderEvent = { state: ORDER_STATES[raw[0] as number], at: createdAt + raw[1] };
  if (raw.length === 3) {
    const note = typeof raw[2] === 'number' ? KNOWN_NOTES[raw[2]] : raw[2];
    if (typeof note !== 'string') return null;
    event.note = note;
  }
  return event;
}

/** One stored order back to an Order, or the reason it cannot be trusted. */
export function decodeStoredOrder(
  raw: unknown,
  products: readonly (Order['product'] | null)[],
  promotionTitles: readonly unknown[] = [],
  places: Readonly<Record<string, unknown>> = {},
): { order: Order } | { problem: string } {
  if (!Array.isArray(raw) || raw.length < 19 || raw.length > 20) return { problem: '订单数据格式不对' };
  const [id, idempotencyKey, createdAt, updatedOffset, stateCode, history, phone, region, carrier, cardType, productAt, currencyCode, original, discount, payable, promotions, bonusDataMb, oldExpiry, newExpiry, extras] = raw;
  if (!isWholeNumber(createdAt) || !isWholeNumber(updatedOffset)) return { problem: '下单时间无效' };
  if (!isWholeNumber(productAt) || !products[productAt]) return { problem: '订单的套餐信息丢失' };
  if (!Array.isArray(history)) return { problem: '缺少订单历史' };
  const events = history.map((e) => decodeEvent(e, createdAt));
  if (events.some((e) => e === null)) return { problem: '订单历史中有无法识别的记录' };
  if (extras !== undefined && !isPlainObject(extras)) return { problem: '订单附加信息无效' };
  const currency = currencyAt(currencyCode);
  const order: Record<string, unknown> = {
    ...(extras && isPlainObject(extras.x) ? dropKnown(extras.x, KNOWN_ORDER_KEYS) : {}),
    id,
    idempotencyKey,
    createdAt,
    updatedAt: createdAt + updatedOffset,
    state: ORDER_STATES[stateCode as number],
    history: events,
    phone,
    region,
    carrier,
    cardType,
    product: products[productAt],
    original: { amount: original, currency },
    discount: { amount: discount, currency },
    payable: { amount: payable, currency },
    // Positions name the shard's titles; text is how shards written before titles were shared keep them.
    promotions: Array.isArray(promotions) ? promotions.map((p) => (typeof p === 'number' ? promotionTitles[p] : p)) : promotions,
    bonusDataMb,
    oldExpiry,
    newExpiry,
  };
  if (extras) {
    if (extras.t !== undefined) order.transactionId = extras.t;
    if (extras.f !== undefined) order.failureReason = extras.f;
    if (extras.r !== undefined) order.reconciled = extras.r === 1 ? true : extras.r === 0 ? false : extras.r;
    if (extras.a !== undefined) {
      if (!Array.isArray(extras.a) || extras.a.length !== 4) return { problem: '充值后信息无效' };
      order.after = { balance: { amount: extras.a[0], currency: currencyAt(extras.a[1]) }, dataLeftMb: extras.a[2], expiry: extras.a[3] };
      if (newExpiry === '' && extras.e !== 1) order.newExpiry = extras.a[3];
    }
  }
  const place = extras && extras.l !== undefined ? extras.l : typeof phone === 'string' && Object.prototype.hasOwnProperty.call(places, phone) ? places[phone] : undefined;
  if (place !== undefined) {
    const location = decodePlace(place);
    if (location === undefined) return { problem: '归属地信息无效' };
    order.location = location;
  }
  const problem = orderProblem(order);
  return problem ? { problem } : { order: order as unknown as Order };
}

export interface RejectedEntry {
  raw: unknown;
  reason: string;
}

export type DecodedShard =
  | {
      ok: true;
      orders: Order[];
      rejected: RejectedEntry[];
      /** False when the shard carries a checksum or check characters its content does not match. */
      intact: boolean;
      /** The stored checksum (null on a shard written before checksums). */
      checksum: string | null;
      /** The shard number it names (null when it names none). */
      home: number | null;
    }
  | { ok: false; reason: string };

export const CHANGED_ORDER = '数据校验不符（内容被改动）';

/**
 * A whole shard back to orders. A shard whose frame is broken is unreadable as a whole;
 * inside a sound frame each order stands alone, so one bad entry costs only itself. When
 * the checksum does not match, the check characters tell which orders changed. `trusted`:
 * the value is one this store wrote or already checked (its cache), so checks are skipped.
 */
export function decodeShard(raw: unknown, trusted = false): DecodedShard {
  if (raw === undefined) return { ok: false, reason: '数据无法读取' };
  if (!isPlainObject(raw)) return { ok: false, reason: '数据格式不对' };
  if (raw.v !== SCHEMA_VERSION) return { ok: false, reason: `未知的数据版本 ${String(raw.v)}` };
  if (!Array.isArray(raw.p) || !Array.isArray(raw.o)) return { ok: false, reason: '数据格式不对' };
  const products = raw.p.map(decodeProduct);
  const promotionTitles: unknown[] = Array.isArray(raw.q) ? raw.q : [];
  const places: Record<string, unknown> = isPlainObject(raw.l) ? raw.l : {};
  const checksum = typeof raw.c === 'string' ? raw.c : null;
  // Written with checks (either field present): both must hold. Without either, a shard from before checksums.
  const computed = (checksum === null && raw.k === undefined) || trusted ? null : shardChecks(raw as unknown as StoredShard);
  // `c` is over the content and the check characters it implies, so it vouches for the content alone.
  const sound = !computed || computed.c === checksum;
  const intact = sound && (!computed || computed.k === raw.k);
  // Which orders changed: those whose two check characters no longer match.
  const checks = !sound && typeof raw.k === 'string' && raw.k.length === raw.o.length * 2 ? raw.k : null;
  const orders: Order[] = [];
  const rejected: RejectedEntry[] = [];
  const seen = new Set<string>();
  raw.o.forEach((entry, i) => {
    const decoded = decodeStoredOrder(entry, products, promotionTitles, places);
    if ('problem' in decoded) rejected.push({ raw: entry, reason: decoded.problem });
    else if (checks && computed && checks.slice(2 * i, 2 * i + 2) !== computed.k.slice(2 * i, 2 * i + 2)) rejected.push({ raw: entry, reason: CHANGED_ORDER });
    else if (seen.has(decoded.order.id)) rejected.push({ raw: entry, reason: '订单号重复' });
    else {
      seen.add(decoded.order.id);
      orders.push(decoded.order);
    }
  });
  return { ok: true, orders, rejected, intact, checksum, home: isWholeNumber(raw.n) ? raw.n : null };
}

/* ------------------------------------------------------------------ index */

/** Charged totals of one China calendar month ('2026-11'), per currency in CURRENCIES order. */
export interface MonthTotal {
  month: string;
  amounts: number[];
}

/** What the index knows of one shard: enough to skip it for a page, a filter or an id. */
export interface ShardMeta {
  n: number;
  count: number;
  /** createdAt range of its orders. */
  oldest: number;
  newest: number;
  /** Order id range (string order), so get/update/remove read only candidate shards. */
  idMin: string;
  idMax: string;
  phones: string[];
  /** Bit i set when some order is in ORDER_STATES[i] (resp. PRODUCT_KINDS[i]). */
  states: number;
  kinds: number;
  months: MonthTotal[];
  /**
   * Set when this key holds damaged data that is not yet safely elsewhere (copied: false,
   * storage was full) or whose good part could not be written back (copied: true). The
   * key is read leniently and never written until the damage is copied aside.
   */
  frozen?: { reason: string; at: number; copied: boolean; orders?: number };
  /** The checksum the shard was written with (absent for shards written before checksums). */
  c?: string;
}

/**
 * The index as the store holds it in memory. On storage it is split: a head key that
 * marks the store, and index pages of SHARDS_PER_INDEX_PAGE shard summaries each, so an
 * append rewrites one bounded page, never a list that grows with the count.
 */
export interface RecordIndex {
  /** The next unused shard number. */
  next: number;
  shards: ShardMeta[];
}

export const INDEX_PAGE_PREFIX = `${INDEX_KEY}.`;
export const SHARDS_PER_INDEX_PAGE = 64;

export function indexPageOf(n: number): number {
  return Math.floor(n / SHARDS_PER_INDEX_PAGE);
}

export function indexPageKey(page: number): string {
  return `${INDEX_PAGE_PREFIX}${page}`;
}

export function indexPageNumberOf(key: string): number | null {
  if (!key.startsWith(INDEX_PAGE_PREFIX)) return null;
  const rest = key.slice(INDEX_PAGE_PREFIX.length);
  return /^(0|[1-9]\d{0,8})$/.test(rest) ? Number(rest) : null;
}

export function emptyIndex(): RecordIndex {
  return { next: 0, shards: [] };
}

type StoredMeta = [number, number, number, number, string, string, string[], number, number, [string, ...number[]][], [string, number, number, number?]?];

/** Builds before checksums also kept `m` (migration state) and `h` (held keys) here; both are now recomputed. */
export interface StoredHead {
  v: 2;
}

export interface StoredIndexPage {
  v: 2;
  s: StoredMeta[];
  /**
   * The shard the last write on this page went to. A page is written before its shard,
   * so after a crash between the two the summary may be ahead of the shard: open()
   * recomputes it from the shard, which is the truth.
   */
  t?: number;
  /** Each listed shard's checksum, in the order of `s` ('' when unknown). */
  k?: string[];
  /** Checksum of s, t and k. Absent on pages written before checksums. */
  c?: string;
}

export const HEAD: StoredHead = { v: 2 };

function pageChecksum(page: Partial<StoredIndexPage>): string {
  return checksumText(JSON.stringify([page.s, page.t, page.k]));
}

/** The index page holding `page`'s shards; `touched` marks the shard about to be written. */
export function encodeIndexPage(index: RecordIndex, page: number, touched?: number): StoredIndexPage {
  const stored: StoredIndexPage = {
    v: 2,
    s: index.shards
      .filter((m) => indexPageOf(m.n) === page)
      .map((m): StoredMeta => {
        const tuple: StoredMeta = [m.n, m.count, m.oldest, m.newest, m.idMin, m.idMax, m.phones, m.states, m.kinds, m.months.map((t) => [t.month, ...t.amounts] as [string, ...number[]])];
        if (m.frozen) {
          const frozen: [string, number, number, number?] = [m.frozen.reason, m.frozen.at, m.frozen.copied ? 1 : 0];
          if (m.frozen.orders !== undefined) frozen.push(m.frozen.orders);
          tuple.push(frozen);
        }
        return tuple;
      }),
  };
  if (touched !== undefined) stored.t = touched;
  const listed = index.shards.filter((m) => indexPageOf(m.n) === page);
  if (listed.some((m) => m.c)) stored.k = listed.map((m) => m.c ?? '');
  stored.c = pageChecksum(stored);
  return stored;
}

function decodeMeta(raw: unknown): ShardMeta | null {
  if (!Array.isArray(raw) || raw.length < 10 || raw.length > 11) return null;
  const [n, count, oldest, newest, idMin, idMax, phones, states, kinds, months, frozen] = raw;
  if (![n, count, oldest, newest, states, kinds].every(isWholeNumber) || n < 0 || count < 0) return null;
  if (typeof idMin !== 'string' || typeof idMax !== 'string') return null;
  if (!Array.isArray(phones) || !phones.every((p) => typeof p === 'string')) return null;
  if (!Array.isArray(months)) return null;
  const monthTotals: MonthTotal[] = [];
  for (const m of months) {
    if (!Array.isArray(m) || typeof m[0] !== 'string' || m.length !== CURRENCIES.length + 1) return null;
    const amounts = m.slice(1);
    if (!amounts.every(isWholeNumber)) return null;
    monthTotals.push({ month: m[0], amounts });
  }
  const meta: ShardMeta = { n, count, oldest, newest, idMin, idMax, phones: [...phones], states, kinds, months: monthTotals };
  if (frozen !== undefined) {
    if (!Array.isArray(frozen) || typeof frozen[0] !== 'string' || !isWholeNumber(frozen[1])) return null;
    meta.frozen = { reason: frozen[0], at: frozen[1], copied: frozen[2] === 1 };
    if (isWholeNumber(frozen[3])) meta.frozen.orders = frozen[3];
  }
  // The store never lists a shard with no orders unless it is frozen: a count of 0 would hide one.
  if ((count === 0 && !meta.frozen) || idMin > idMax || oldest > newest) return null;
  return meta;
}

/** Why the head cannot be trusted, or null. Builds before checksums also kept `m` and `h` in it. */
export function headProblem(raw: unknown): string | null {
  if (raw === undefined) return '索引无法读取';
  if (!isPlainObject(raw)) return '索引格式不对';
  if (raw.v !== SCHEMA_VERSION) return `索引版本未知（${String(raw.v)}）`;
  return Object.keys(raw).every((k) => k === 'v' || k === 'm' || k === 'h') ? null : '索引格式不对';
}

/** One index page back from storage, or the reason to rebuild it from its shards. */
export function decodeIndexPage(raw: unknown, page: number): { shards: ShardMeta[]; touched: number | null } | { problem: string } {
  if (raw === undefined) return { problem: '索引无法读取' };
  if (!isPlainObject(raw)) return { problem: '索引格式不对' };
  if (raw.v !== SCHEMA_VERSION) return { problem: `索引版本未知（${String(raw.v)}）` };
  if (!Array.isArray(raw.s)) return { problem: '索引格式不对' };
  if (raw.t !== undefined && !isWholeNumber(raw.t)) return { problem: '索引格式不对' };
  if (raw.c !== undefined && raw.c !== pageChecksum(raw)) return { problem: '索引校验不符（内容被改动）' };
  const checksums = Array.isArray(raw.k) && raw.k.length === raw.s.length ? raw.k : [];
  const shards: ShardMeta[] = [];
  for (const [i, entry] of raw.s.entries()) {
    const meta = decodeMeta(entry);
    if (!meta || indexPageOf(meta.n) !== page || shards.some((m) => m.n === meta.n)) return { problem: '索引中有无法识别的分片信息' };
    if (typeof checksums[i] === 'string' && checksums[i]) meta.c = checksums[i];
    shards.push(meta);
  }
  return { shards, touched: raw.t === undefined ? null : (raw.t as number) };
}

/* ------------------------------------------------------------ v1 → v2 */

/** What an early build stored for one record (all amounts float yuan, mainland only). */
export interface LegacyV1Record {
  id: string;
  phone: string;
  carrier: 'cmcc' | 'cucc' | 'ctcc' | 'cbn';
  productId: string;
  productName: string;
  /** flow = data pack. Missing on the very first builds: recharge. */
  type?: 'recharge' | 'flow' | 'keep';
  /** Face value in yuan, e.g. 50. */
  faceValue: number;
  /** Paid in yuan, e.g. 49.5. */
  price: number;
  status: 'success' | 'paying' | 'pending' | 'failed' | 'cancelled' | 'refunded';
  createTime: number;
  payTime?: number;
  transactionId?: string;
  expireBefore?: string;
  expireAfter?: string;
}

const V1_STATUS: Record<LegacyV1Record['status'], OrderState> = {
  success: 'succeeded',
  paying: 'awaiting_payment',
  // v1 wrote 'pending' when the payment answer never came: reconciliation settles it.
  pending: 'unknown',
  failed: 'pay_failed',
  cancelled: 'cancelled',
  refunded: 'refunded',
};
const V1_CARRIERS: readonly CarrierId[] = ['cmcc', 'cucc', 'ctcc', 'cbn'];
const V1_KIND: Record<string, ProductKind> = { recharge: 'recharge', flow: 'data', keep: 'keep' };

/**
 * Float yuan to integer fen. Only values that were really written with at most two
 * decimals convert; anything else is a corrupt amount and must not be guessed at.
 */
export function yuanToFen(raw: unknown): number | null {
  const value = typeof raw === 'string' && /^\d+(\.\d{1,2})?$/.test(raw.trim()) ? Number(raw) : raw;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 1e9) return null;
  const fen = Math.round(value * 100);
  return Math.abs(value * 100 - fen) < 1e-6 ? fen : null;
}

function v1Date(raw: unknown): ChinaDate | null {
  if (raw === undefined || raw === null || raw === '') return '';
  return isChinaDateOrBlank(raw) ? raw : null;
}

/** One v1 record as a v2 order, or the reason it cannot be carried over. */
export function upgradeV1Record(raw: unknown): { order: Order } | { problem: string } {
  if (!isPlainObject(raw)) return { problem: '旧版记录格式不对' };
  const r = raw as Partial<LegacyV1Record> & Record<string, unknown>;
  const state = V1_STATUS[r.status as LegacyV1Record['status']];
  if (!state) return { problem: `旧版记录状态未知（${String(r.status)}）` };
  const kind = r.type === undefined ? 'recharge' : V1_KIND[r.type as string];
  if (!kind) return { problem: '旧版记录套餐类型未知' };
  const face = yuanToFen(r.faceValue);
  const paid = yuanToFen(r.price);
  if (face === null || paid === null) return { problem: '旧版记录金额无效' };
  const oldExpiry = v1Date(r.expireBefore);
  const newExpiry = v1Date(r.expireAfter);
  if (oldExpiry === null || newExpiry === null) return { problem: '旧版记录到期日无效' };
  if (!isWholeNumber(r.createTime)) return { problem: '旧版记录时间无效' };
  // v1 predates the Philippine numbers: only mainland carriers can appear in it.
  if (!V1_CARRIERS.includes(r.carrier as CarrierId)) return { problem: '旧版记录运营商未知' };
  const createdAt = r.createTime;
  const paidAt = isWholeNumber(r.payTime) ? r.payTime : null;
  const history: OrderEvent[] = [{ state: 'created', at: createdAt, note: '由旧版记录升级' }];
  if (paidAt !== null && state !== 'awaiting_payment') history.push({ state: 'paid', at: paidAt });
  if (state !== 'paid') history.push({ state, at: paidAt ?? createdAt });
  // v1 kept no list price apart from the face value: a price above it means no discount.
  const original = Math.max(face, paid);
  const order: Order = {
    id: r.id as string,
    idempotencyKey: `v1-${String(r.id)}`,
    createdAt,
    updatedAt: Math.max(createdAt, paidAt ?? createdAt),
    state,
    history,
    phone: r.phone as string,
    region: 'CN',
    carrier: r.carrier as CarrierId,
    cardType: 'phone',
    product: {
      id: r.productId as string,
      kind,
      title: r.productName as string,
      credit: { amount: kind === 'recharge' ? face : 0, currency: 'CNY' },
      dataMb: 0,
      validityDays: 0,
    },
    original: { amount: original, currency: 'CNY' },
    discount: { amount: original - paid, currency: 'CNY' },
    payable: { amount: paid, currency: 'CNY' },
    promotions: [],
    bonusDataMb: 0,
    oldExpiry,
    newExpiry,
  };
  if (typeof r.transactionId === 'string' && r.transactionId !== '') order.transactionId = r.transactionId;
  const problem = orderProblem(order);
  return problem ? { problem: `旧版记录${problem}` } : { order };
}

/** The whole v1 array: orders to keep (oldest first) and entries that cannot be carried over. */
export function upgradeV1(raw: unknown): { ok: true; orders: Order[]; rejected: RejectedEntry[] } | { ok: false; reason: string } {
  if (!Array.isArray(raw)) return { ok: false, reason: '旧版记录不是列表，无法升级' };
  const orders: Order[] = [];
  const rejected: RejectedEntry[] = [];
  const seen = new Set<string>();
  for (const entry of raw) {
    const upgraded = upgradeV1Record(entry);
    if ('problem' in upgraded) rejected.push({ raw: entry, reason: upgraded.problem });
    else if (seen.has(upgraded.order.id)) rejected.push({ raw: entry, reason: '旧版记录订单号重复' });
    else {
      seen.add(upgraded.order.id);
      orders.push(upgraded.order);
    }
  }
  orders.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { ok: true, orders, rejected };
}
