/**
 * Transaction records on wx storage, in shards of at most `shardSize` orders plus an
 * index split into a head and pages of shard summaries (schema.ts has the forms).
 *
 * Costs. An append reads and rewrites the newest shard and one index page, both bounded,
 * whatever the count. open() reads the head and the index pages (a few bytes per order)
 * and the shard last written; the newest page of records then reads the newest shard or
 * two. get/update/remove read only the shards whose id range can hold the id; filters
 * skip shards by their summaries. verify() reads the rest after launch, a shard at a time.
 *
 * Crash safety. A change to an existing shard is two writes, in this order:
 *   1. the index page of shard n, with n's new summary and `t` (touched) = n;
 *   2. shard n. This write is the commit: a shard's content is the truth.
 * A crash between them leaves that summary ahead of the shard; open() re-reads every
 * touched shard and recomputes its summary, so the change simply did not happen. A new
 * shard is written before the page that lists it (a crash leaves an unlisted shard, which
 * open() adopts), and only under a number a read has shown to be free. An emptied shard
 * is overwritten with an empty shard before its key is removed.
 *
 * Knowing what is there. open() lists the keys first. A listing that fails is retried;
 * if it keeps failing the store opens read-only (the index pages found by number, nothing
 * written, nothing set aside) and every write answers 'unavailable' until a listing works.
 *
 * Damage. Every shard and index page carries checksums. A shard whose content does not
 * match, holds another shard's orders, repeats an order of another shard, or is missing
 * while the index lists it, and an index page that does not match, are reported (how many
 * orders, that the rest are whole), copied aside (quarantine.ts) and repaired from what is
 * intact: the good orders of a shard are written back; an index page is rebuilt from its
 * shards. Damage found when there is no room for its copy stays where it is, untouched —
 * a shard is frozen (read, never written), an index key or the v1 array is held — and is
 * copied aside at a later launch; writes elsewhere go on. Nothing is deleted before it is
 * copied, and counts and month totals come from what the shards really hold.
 *
 * v1. An early build kept every record in one array under 'records'. Whenever that key is
 * there (first upgrade, or an older build run again after it), its records are merged in,
 * by id; the key is removed only once every one of them is stored or copied aside.
 *
 * The store assumes it is the only writer of its keys while it runs: it keeps the index
 * and the last two shards it touched in memory. A relaunch (a new instance) re-reads.
 */
import type { Money, Order, Result } from '../../core/types';
import { chinaMonthRange } from '../../core/dates';
import { POSSIBLY_CHARGED_STATES, UNSETTLED_STATES, isCharged } from '../../core/order';
import { totalledAmount } from '../../core/charge';
import type {
  Clock,
  KeyValueStorage,
  QuarantinedEntry,
  QuarantineSource,
  RecordFilter,
  RecordPage,
  RecordStore,
  RecordStoreError,
  RecordStoreOpenReport,
} from '../contracts';
import {
  CHANGED_ORDER,
  CURRENCIES,
  HEAD,
  INDEX_KEY,
  LEGACY_V1_KEY,
  QUARANTINE_KEY_PREFIX,
  SHARD_KEY_PREFIX,
  decodeIndexPage,
  decodeShard,
  emptyIndex,
  encodeIndexPage,
  encodeShard,
  headProblem,
  indexPageKey,
  indexPageNumberOf,
  indexPageOf,
  orderProblem,
  shardKey,
  shardNumberOf,
  upgradeV1,
  type RecordIndex,
  type RejectedEntry,
  type ShardMeta,
} from './schema';
import {
  cursorOf,
  isAfterCursor,
  isUnfiltered,
  mayHoldId,
  newestFirst,
  normalizeFilter,
  orderMatches,
  parseCursor,
  shardMayMatch,
  summarize,
  type NormalizedFilter,
} from './shard-index';
import { READ_ONLY_NOTICE, RECORD_MESSAGES, damageNotice, recordFailure } from './messages';
import { Quarantine } from './quarantine';

export const DEFAULT_SHARD_SIZE = 50;
const MAX_PAGE_LIMIT = 500;
const CACHED_SHARDS = 2;
/** Tries of a listing or a read before it counts as failed. */
const TRIES = 3;
/** verify() pauses this long between shards, so the pages stay responsive. */
const VERIFY_PAUSE_MS = 16;

export interface RecordStoreOptions {
  /** Orders per shard; small values make tests cross shard boundaries quickly. */
  shardSize?: number;
}

const OK: Result<void, never> = { ok: true, value: undefined };
/** A write met a key the store did not know of: it re-lists and tries again. */
const SURPRISE: Result<never, RecordStoreError> = { ok: false, error: 'failed', message: RECORD_MESSAGES.failed };

export class ShardedRecordStore implements RecordStore {
  private readonly shardSize: number;
  private readonly shelf: Quarantine;
  // Fields marked ! are set by open(), which every public method runs first.
  private index!: RecordIndex;
  private report: RecordStoreOpenReport | null = null;
  /** Everything found damaged since open(). */
  private found!: QuarantinedEntry[];
  /** Findings with no raw value to keep (a lost shard) whose note could not be written yet. */
  private notes: QuarantinedEntry[] = [];
  /** Set while storage cannot be listed: nothing is written. */
  private readOnly = false;
  /** Damaged index keys and a v1 array left in place for want of room: never written over. */
  private held!: Map<string, QuarantinedEntry>;
  /** Index pages whose stored `t` still names a shard (page → shard). */
  private touchedPages!: Map<number, number>;
  /** Index pages on storage. */
  private pages!: Set<number>;
  /** Raw stored shards recently read or written, already checked (decoded afresh on each use). */
  private cache!: Map<number, unknown>;
  /** Shards being read right now (a shard naming another is checked against it). */
  private reading = new Set<number>();
  private headStored!: boolean;
  private verifying: Promise<RecordStoreOpenReport> | null = null;

  constructor(
    private readonly storage: KeyValueStorage,
    private readonly clock: Clock,
    options: RecordStoreOptions = {},
  ) {
    this.shardSize = Math.max(1, Math.floor(options.shardSize ?? DEFAULT_SHARD_SIZE));
    this.shelf = new Quarantine(storage);
  }

  /* ------------------------------------------------------------- opening */

  /**
   * Lists the keys, reads the index (repairing after a crash, rebuilding damaged pages),
   * notices lost and unlisted shards, merges a v1 array. The report lists what this open
   * found; damage inside a shard is found when the shard is first read (verify() reads
   * them all). Idempotent: a second call returns the first report.
   */
  open(): RecordStoreOpenReport {
    if (this.report) return this.report;
    this.index = emptyIndex();
    this.found = [];
    this.held = new Map();
    this.touchedPages = new Map();
    this.pages = new Set();
    this.cache = new Map();
    this.headStored = false;
    const keys = this.listKeys();
    this.readOnly = keys === null;
    let migratedFrom: number | null = null;
    if (keys) {
      this.openFrom(keys);
      if (keys.has(LEGACY_V1_KEY)) migratedFrom = this.mergeV1();
    } else {
      this.openByProbing();
    }
    this.report = { migratedFrom, quarantined: [...this.found] };
    if (this.readOnly) this.report.readOnly = READ_ONLY_NOTICE;
    const notice = this.readOnly ? READ_ONLY_NOTICE : damageNotice(this.found);
    if (notice) this.report.notice = notice;
    return this.report;
  }

  private ensureOpen(): void {
    if (!this.report) this.open();
  }

  private listKeys(): Set<string> | null {
    for (let i = 0; i < TRIES; i += 1) {
      const listed = this.storage.keys();
      if (listed.ok) return new Set(listed.value);
    }
    return null;
  }

  private readKey(key: string): Result<unknown, 'failed'> {
    let read = this.storage.read(key);
    for (let i = 1; i < TRIES && !read.ok; i += 1) read = this.storage.read(key);
    return read;
  }

  private openFrom(keys: Set<string>): void {
    if (keys.has(INDEX_KEY)) {
      const head = this.readKey(INDEX_KEY);
      const problem = head.ok ? headProblem(head.value) : '索引无法读取';
      if (problem) this.setIndexAside(INDEX_KEY, head.ok ? head.value : undefined, problem);
      else this.headStored = true;
    }
    const touched = new Set<number>();
    const rebuilt = new Set<number>();
    for (const key of keys) {
      const page = indexPageNumberOf(key);
      if (page === null) continue;
      this.pages.add(page);
      const read = this.readKey(key);
      const decoded = read.ok ? decodeIndexPage(read.value, page) : { problem: '索引无法读取' };
      if ('problem' in decoded) {
        this.setIndexAside(key, read.ok ? read.value : undefined, decoded.problem);
        rebuilt.add(page);
        continue;
      }
      this.index.shards.push(...decoded.shards);
      if (decoded.touched !== null) {
        touched.add(decoded.touched);
        this.touchedPages.set(page, decoded.touched);
      }
    }
    this.index.shards.sort((a, b) => a.n - b.n);
    this.index.next = this.index.shards.reduce((next, m) => Math.max(next, m.n + 1), 0);
    for (const meta of [...this.index.shards]) {
      if (!keys.has(shardKey(meta.n))) this.lost(meta, touched.has(meta.n));
    }
    // Touched shards, and shard keys no page lists (a crash, or a page rebuilt), are read now.
    const listed = new Set(this.index.shards.map((m) => m.n));
    const suspects = [...touched].filter((n) => listed.has(n));
    for (const key of keys) {
      const n = shardNumberOf(key);
      if (n !== null && !listed.has(n)) suspects.push(n);
    }
    for (const n of suspects.sort((a, b) => a - b)) {
      this.index.next = Math.max(this.index.next, n + 1);
      this.inspect(n, true);
    }
    for (const meta of this.index.shards.filter((m) => m.frozen)) this.inspect(meta.n, true);
    for (const page of rebuilt) this.savePage(page);
    if (!this.headStored && this.index.shards.length) this.saveHead();
  }

  /** Read-only: the index pages are found by their numbers, since storage cannot be listed. */
  private openByProbing(): void {
    for (let page = 0, misses = 0; misses < 3; page += 1) {
      const read = this.readKey(indexPageKey(page));
      const decoded = read.ok && read.value !== undefined ? decodeIndexPage(read.value, page) : null;
      misses = decoded ? 0 : misses + 1;
      if (decoded && 'shards' in decoded) this.index.shards.push(...decoded.shards);
    }
    this.index.shards.sort((a, b) => a.n - b.n);
    this.index.next = this.index.shards.reduce((next, m) => Math.max(next, m.n + 1), 0);
  }

  /** Before any write: a read-only store tries the listing again and reopens when it works. */
  private writable(): Result<never, RecordStoreError> | null {
    if (this.readOnly && this.listKeys()) {
      this.report = null;
      this.open();
    }
    return this.readOnly ? recordFailure('unavailable') : null;
  }

  /* ------------------------------------------------------------- damage */

  private record(entry: QuarantinedEntry): void {
    this.found.push(entry);
  }

  private keep(entry: QuarantinedEntry): boolean {
    return !this.readOnly && this.shelf.keep(entry);
  }

  /** A finding with nothing left to copy: noted on storage (retried before later writes). */
  private note(entry: QuarantinedEntry): void {
    this.record(entry);
    if (!this.keep(entry)) this.notes.push(entry);
  }

  private flushNotes(): void {
    this.notes = this.notes.filter((entry) => !this.keep(entry));
  }

  private setIndexAside(key: string, raw: unknown, problem: string): void {
    const entry: QuarantinedEntry = { key, raw: raw ?? null, reason: `索引损坏（${problem}），已按记录重建，订单不受影响`, at: this.clock.now(), orders: 0 };
    this.record(entry);
    // Unreadable bytes cannot be copied; what cannot be copied stays, and is never written over.
    if (raw === undefined || !this.keep(entry)) this.held.set(key, entry);
  }

  /** The index lists shard n but its key is gone: its orders are lost, and the user is told. */
  private lost(meta: ShardMeta, touched: boolean): void {
    this.putMeta(meta.n, []);
    // The store never lists a shard it has not written, so a listed shard that is gone is a loss. After a
    // crash between its page and its write the summary may count one order more or less than was stored.
    const about = touched ? '约 ' : '';
    this.note({ key: shardKey(meta.n), raw: meta, reason: `${about}${meta.count} 笔订单的数据不见了，无法找回`, at: this.clock.now(), orders: meta.count });
    this.savePage(indexPageOf(meta.n));
  }

  /**
   * Reads shard n, checks it (examine), sets its summary from its good orders and sets
   * damage aside. `quiet`: a summary that differs is expected (touched by a crash, or not
   * listed) and not reported.
   */
  private inspect(n: number, quiet: boolean): Order[] {
    const key = shardKey(n);
    const meta = this.meta(n);
    const read = this.readKey(key);
    if (!read.ok) {
      // Unreadable: nothing can be copied, so the bytes stay where they are, frozen.
      const at = meta?.frozen?.at ?? this.clock.now();
      const reason = meta?.frozen?.reason ?? '数据无法读取';
      const orders = meta?.frozen ? meta.frozen.orders : meta?.count;
      if (!meta?.frozen) this.record({ key, raw: null, reason, at, orders });
      this.putMeta(n, [], { reason, at, copied: false, orders });
      this.savePage(indexPageOf(n));
      return [];
    }
    if (read.value === undefined) {
      if (meta) this.lost(meta, quiet);
      return [];
    }
    const found = this.examine(n, read.value, quiet);
    if (found.reason) {
      this.setShardAside(n, read.value, found.reason, found.good, found.affected);
      return found.good;
    }
    const before = JSON.stringify(meta ?? '');
    this.putMeta(n, found.good, undefined, found.checksum);
    if (found.good.length) this.remember(n, read.value);
    else this.forget(n);
    if (JSON.stringify(this.meta(n) ?? '') !== before) this.savePage(indexPageOf(n));
    return found.good;
  }

  /**
   * What a stored shard really holds: its good orders, and why the rest cannot be trusted
   * (checksum, another shard's number, a summary it does not match). Writes nothing.
   */
  private examine(n: number, raw: unknown, quiet: boolean): { good: Order[]; reason: string; affected?: number; checksum?: string } {
    const meta = this.meta(n);
    const decoded = decodeShard(raw);
    if (!decoded.ok) return { good: [], reason: decoded.reason, affected: meta?.count };
    let good = decoded.orders;
    const problems: string[] = [];
    let affected = decoded.rejected.length;
    if (decoded.rejected.length) problems.push(rejectedReason(decoded.rejected));
    else if (!decoded.intact) problems.push('校验不符，订单逐笔核对无误');
    // The number it names counts only when the checksum vouches for it.
    if (decoded.intact && decoded.home !== null && decoded.home !== n) {
      const theirs = new Set(this.reading.has(decoded.home) ? [] : this.ordersOf(decoded.home).map((o) => o.id));
      const repeated = good.filter((o) => theirs.has(o.id)).length;
      good = good.filter((o) => !theirs.has(o.id));
      problems.push(`被记录分组 ${decoded.home} 的数据覆盖，原有${meta ? ` ${meta.count} 笔` : ''}订单无法找回${repeated ? `，去掉重复的 ${repeated} 笔` : ''}`);
      affected += meta?.count ?? 0;
    } else if (meta?.c && decoded.checksum === null && decoded.intact) {
      problems.push('缺少校验数据，已重写');
    } else if (!quiet && meta?.c && decoded.checksum && meta.c !== decoded.checksum && decoded.intact) {
      problems.push(`与索引不符（索引记 ${meta.count} 笔，实有 ${good.length} 笔），已按实有更正`);
      affected += Math.abs(meta.count - good.length);
    }
    return { good, reason: problems.join('；'), affected, checksum: decoded.checksum ?? undefined };
  }

  /** A frozen shard's good orders, read afresh and never written. */
  private frozenOrders(n: number): Order[] {
    const read = this.readKey(shardKey(n));
    return read.ok && read.value !== undefined ? this.examine(n, read.value, true).good : [];
  }

  /** Orders of shard n as stored, for checking another shard against it. */
  private ordersOf(n: number): Order[] {
    this.reading.add(n);
    try {
      return this.meta(n) ? this.load(n) : [];
    } finally {
      this.reading.delete(n);
    }
  }

  /** Copies a damaged shard aside and writes its good orders back; with no room, freezes it in place. */
  private setShardAside(n: number, raw: unknown, reason: string, good: Order[], affected?: number): void {
    const key = shardKey(n);
    const frozen = this.meta(n)?.frozen;
    const at = frozen?.at ?? this.clock.now();
    // A shard frozen earlier remembers how many orders the damage touched (its summary now counts only the good ones).
    const orders = frozen ? frozen.orders : affected;
    const entry: QuarantinedEntry = { key, raw, reason, at, orders };
    if (!frozen) this.record(entry);
    this.forget(n);
    if (this.keep(entry)) {
      if (this.commit(n, good, true).ok) return;
      this.putMeta(n, good, { reason, at, copied: true, orders });
    } else {
      this.putMeta(n, good, { reason, at, copied: false, orders });
    }
    this.savePage(indexPageOf(n));
  }

  /* ----------------------------------------------------------- the v1 array */

  /** Merges the v1 array in by id; removes it once every record is stored or copied aside. */
  private mergeV1(): number | null {
    const read = this.readKey(LEGACY_V1_KEY);
    if (!read.ok || read.value === undefined) return null;
    const raw = read.value;
    const at = this.clock.now();
    const upgraded = upgradeV1(raw);
    if (!upgraded.ok) {
      const entry: QuarantinedEntry = { key: LEGACY_V1_KEY, raw, reason: upgraded.reason, at, orders: 0 };
      this.record(entry);
      if (this.keep(entry)) this.storage.remove(LEGACY_V1_KEY);
      else this.held.set(LEGACY_V1_KEY, entry);
      return null;
    }
    const ids = new Set(upgraded.orders.map((o) => o.id));
    const stored = new Map<string, string>();
    for (const meta of this.index.shards) {
      if (![...ids].some((id) => mayHoldId(meta, id))) continue;
      for (const o of this.load(meta.n)) if (ids.has(o.id)) stored.set(o.id, sameness(o));
    }
    const fresh = upgraded.orders.filter((o) => !stored.has(o.id));
    const differing = upgraded.orders.filter((o) => stored.has(o.id) && stored.get(o.id) !== sameness(o));
    const aside: RejectedEntry[] = [
      ...upgraded.rejected,
      ...differing.map((o) => ({ raw: (raw as { id?: unknown }[]).find((r) => r?.id === o.id), reason: '与现有订单同号不同内容，已保留现有的' })),
    ];
    const merged = this.appendAll(fresh);
    let complete = merged === fresh.length;
    if (aside.length) {
      const entry: QuarantinedEntry = { key: LEGACY_V1_KEY, raw: aside.map((r) => r.raw), reason: `旧版记录中${rejectedReason(aside)}，未能并入`, at, orders: aside.length };
      this.record(entry);
      complete = this.keep(entry) && complete;
    }
    if (complete) this.storage.remove(LEGACY_V1_KEY);
    else this.held.set(LEGACY_V1_KEY, { key: LEGACY_V1_KEY, raw: null, reason: '空间不足，旧版记录暂未全部并入，原数据完整保留', at });
    return merged ? 1 : null;
  }

  /** Orders added in bulk, oldest first: the last shard is filled, then new shards. Returns how many were stored. */
  private appendAll(orders: Order[]): number {
    const sorted = [...orders].sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
    let from = 0;
    const last = this.index.shards[this.index.shards.length - 1];
    if (last && !last.frozen && last.count < this.shardSize && sorted.length) {
      const current = this.load(last.n);
      const take = this.shardSize - current.length;
      if (take > 0 && this.commit(last.n, [...current, ...sorted.slice(0, take)]).ok) from = take;
    }
    for (; from < sorted.length; from += this.shardSize) {
      if (!this.commitNew(sorted.slice(from, from + this.shardSize)).ok) return from;
    }
    return sorted.length;
  }

  /* ------------------------------------------------------------ reading */

  private meta(n: number): ShardMeta | undefined {
    return this.index.shards.find((m) => m.n === n);
  }

  private putMeta(n: number, orders: Order[], frozen?: ShardMeta['frozen'], checksum?: string): void {
    this.index = withShard(this.index, n, orders, frozen, checksum);
  }

  private remember(n: number, raw: unknown): void {
    this.cache.delete(n);
    this.cache.set(n, raw);
    while (this.cache.size > CACHED_SHARDS) this.cache.delete(this.cache.keys().next().value as number);
  }

  private forget(n: number): void {
    this.cache.delete(n);
  }

  /** A shard's good orders; a shard not read since launch is checked first. */
  private load(n: number): Order[] {
    const meta = this.meta(n);
    if (!meta) return [];
    if (meta.frozen) return this.frozenOrders(n);
    if (this.cache.has(n)) {
      const decoded = decodeShard(this.cache.get(n), true);
      return decoded.ok ? decoded.orders : [];
    }
    this.reading.add(n);
    try {
      return this.inspect(n, false);
    } finally {
      this.reading.delete(n);
    }
  }

  private locate(id: string): { meta: ShardMeta; orders: Order[]; at: number } | null {
    if (typeof id !== 'string' || id === '') return null;
    for (const candidate of this.index.shards.filter((m) => mayHoldId(m, id))) {
      const orders = this.load(candidate.n);
      const at = orders.findIndex((o) => o.id === id);
      const meta = this.meta(candidate.n);
      if (at >= 0 && meta) return { meta, orders, at };
    }
    return null;
  }

  get(id: string): Order | undefined {
    this.ensureOpen();
    const found = this.locate(id);
    return found ? found.orders[found.at] : undefined;
  }

  page(options: { before?: string | null; limit: number; filter?: RecordFilter }): RecordPage {
    this.ensureOpen();
    const limit = Number.isSafeInteger(options?.limit) ? Math.min(Math.max(options.limit, 1), MAX_PAGE_LIMIT) : 20;
    const cursor = parseCursor(options?.before);
    const filter = normalizeFilter(options?.filter);
    const collected = this.collect(
      filter,
      limit + 1,
      (m) => cursor === null || m.oldest <= cursor.createdAt,
      (o) => isAfterCursor(o, cursor),
    );
    const items = collected.slice(0, limit);
    return { items, nextCursor: collected.length > limit ? cursorOf(items[items.length - 1]) : null };
  }

  /**
   * The first `wanted` matching orders, newest first: shards are read from the newest
   * down, stopping once no unread shard can hold anything newer than what is collected.
   */
  private collect(filter: NormalizedFilter, wanted: number, shardOk: (m: ShardMeta) => boolean, orderOk: (o: Order) => boolean): Order[] {
    const candidates = this.index.shards
      .filter((m) => m.count > 0 && shardMayMatch(m, filter) && shardOk(m))
      .sort((a, b) => b.newest - a.newest || b.n - a.n);
    let collected: Order[] = [];
    const seen = new Set<string>();
    for (const meta of candidates) {
      if (collected.length >= wanted && meta.newest < collected[wanted - 1].createdAt) break;
      for (const order of this.load(meta.n)) {
        // Until verify() has settled which copy stays, an order repeated in two shards shows once.
        if (!seen.has(order.id) && orderOk(order) && orderMatches(order, filter)) collected.push(order);
        seen.add(order.id);
      }
      collected.sort(newestFirst);
      if (collected.length > wanted) collected = collected.slice(0, wanted);
    }
    return collected;
  }

  pending(): Order[] {
    this.ensureOpen();
    return this.collect(normalizeFilter({ states: [...UNSETTLED_STATES] }), Number.MAX_SAFE_INTEGER, () => true, () => true);
  }

  recentSimilar(phone: string, productId: string, sinceMs: number): Order[] {
    this.ensureOpen();
    return this.collect(
      normalizeFilter({ phone, states: [...POSSIBLY_CHARGED_STATES] }),
      Number.MAX_SAFE_INTEGER,
      (m) => m.newest >= sinceMs,
      (o) => o.product.id === productId && o.createdAt >= sinceMs,
    );
  }

  /** From the index alone; a shard damaged since the last launch corrects it once read (verify() reads them all). */
  count(): number {
    this.ensureOpen();
    return this.index.shards.reduce((sum, m) => sum + m.count, 0);
  }

  /** Every order matching the filter, newest first (for export). */
  all(filter?: RecordFilter): Order[] {
    this.ensureOpen();
    return this.collect(normalizeFilter(filter), Number.MAX_SAFE_INTEGER, () => true, () => true);
  }

  /** Numbers that appear in the records, the most recently used first. From the index alone. */
  phones(): string[] {
    this.ensureOpen();
    const seen: string[] = [];
    for (const meta of [...this.index.shards].sort((a, b) => b.newest - a.newest)) {
      for (const phone of meta.phones) if (!seen.includes(phone)) seen.push(phone);
    }
    return seen;
  }

  /**
   * Charged totals (paid + succeeded, by the yuan charged, else the amount paid) of one China month ('2026-11'),
   * per currency, zero currencies left out. Unfiltered, the index holds them already.
   */
  monthTotals(month: string, filter?: RecordFilter): Money[] {
    this.ensureOpen();
    const range = chinaMonthRange(month);
    if (!range) return [];
    const f = normalizeFilter(filter);
    const sums = CURRENCIES.map(() => 0);
    if (isUnfiltered(f)) {
      for (const meta of this.index.shards) {
        for (const t of meta.months) if (t.month === month) t.amounts.forEach((a, i) => (sums[i] += a));
      }
    } else {
      const inMonth = (o: Order) => o.createdAt >= range.start && o.createdAt < range.end;
      const orders = this.collect(f, Number.MAX_SAFE_INTEGER, (m) => m.newest >= range.start && m.oldest < range.end, inMonth);
      for (const o of orders) {
        if (!isCharged(o.state)) continue;
        const amount = totalledAmount(o);
        sums[CURRENCIES.indexOf(amount.currency)] += amount.amount;
      }
    }
    return CURRENCIES.map((currency, i) => ({ amount: sums[i], currency })).filter((m) => m.amount !== 0);
  }

  /** Every set-aside copy on storage, plus damage still in place; what was found this launch if storage cannot be listed. */
  quarantined(): QuarantinedEntry[] {
    this.ensureOpen();
    const listed = this.readOnly ? null : this.shelf.list();
    const entries = listed ?? [...this.found];
    if (listed) {
      entries.push(...this.notes, ...this.held.values());
      for (const meta of this.index.shards) {
        if (meta.frozen && !meta.frozen.copied) {
          const raw = this.storage.get(shardKey(meta.n));
          entries.push({ key: shardKey(meta.n), raw: raw ?? null, reason: `${meta.frozen.reason}（原样保留在原处）`, at: meta.frozen.at, orders: meta.frozen.orders });
        }
      }
    }
    return entries.map((entry) => ({ ...entry, source: sourceOf(entry.key) })).sort((a, b) => a.at - b.at);
  }

  /* ------------------------------------------------------------ checking */

  verify(): Promise<RecordStoreOpenReport> {
    this.ensureOpen();
    if (!this.verifying) this.verifying = this.runVerify().finally(() => (this.verifying = null));
    return this.verifying;
  }

  /**
   * Reads every shard, newest first, one per pause: each is checked on its first read;
   * shards written before checksums get them (and so do their index pages, written first);
   * an order found in two shards keeps its newer copy (the other shard is copied aside first).
   */
  private async runVerify(): Promise<RecordStoreOpenReport> {
    const from = this.found.length;
    const owner = new Map<string, { n: number; updatedAt: number }>();
    const losers = new Map<number, Set<string>>();
    const order = [...this.index.shards].sort((a, b) => b.newest - a.newest || b.n - a.n).map((m) => m.n);
    const resealed = new Set<number>();
    for (const n of order) {
      if (this.readOnly) break;
      const orders = this.load(n);
      const meta = this.meta(n);
      if (meta && !meta.frozen && !meta.c && orders.length && this.reseal(n, orders)) resealed.add(indexPageOf(n));
      for (const o of orders) {
        const first = owner.get(o.id);
        if (!first) owner.set(o.id, { n, updatedAt: o.updatedAt });
        else {
          const loser = o.updatedAt > first.updatedAt ? first.n : n;
          if (loser === first.n) owner.set(o.id, { n, updatedAt: o.updatedAt });
          losers.set(loser, (losers.get(loser) ?? new Set()).add(o.id));
        }
      }
      await this.clock.sleep(VERIFY_PAUSE_MS);
    }
    for (const page of resealed) this.savePage(page);
    for (const [n, ids] of losers) {
      const read = this.readKey(shardKey(n));
      if (!read.ok || read.value === undefined) continue;
      const keepers = this.load(n).filter((o) => !ids.has(o.id));
      this.setShardAside(n, read.value, `${ids.size} 笔订单与另一组重复，已留较新的一份`, keepers, ids.size);
    }
    const found = this.found.slice(from);
    const notice = damageNotice(found);
    return { migratedFrom: null, quarantined: found, ...(notice ? { notice } : {}) };
  }

  /**
   * A shard written before checksums, rewritten with them. Its orders do not change, so
   * the shard alone is written (a crash before its page is saved leaves a page without
   * the checksum, which is still true); the pages are saved once at the end.
   */
  private reseal(n: number, orders: Order[]): boolean {
    const stored = encodeShard(orders, n);
    if (!this.storage.set(shardKey(n), stored).ok) return false;
    this.putMeta(n, orders, undefined, stored.c);
    this.remember(n, stored);
    return true;
  }

  /* ------------------------------------------------------------ writing */

  append(order: Order): Result<void, RecordStoreError> {
    this.ensureOpen();
    const problem = orderProblem(order);
    if (problem) return recordFailure('failed', `${RECORD_MESSAGES.invalid}（${problem}）`);
    const blocked = this.writable();
    if (blocked) return blocked;
    if (this.locate(order.id)) return recordFailure('duplicate');
    const last = this.index.shards[this.index.shards.length - 1];
    if (last && !last.frozen && last.count < this.shardSize) {
      const current = this.load(last.n);
      const still = this.meta(last.n);
      if (still && !still.frozen && current.length < this.shardSize) {
        const result = this.commit(last.n, [...current, order]);
        // A shard grown past the per-key limit (very large orders) takes no more: start another.
        if (result.ok || result.error !== 'item_too_large') return result;
      }
    }
    return this.commitNew([order]);
  }

  update(order: Order): Result<void, RecordStoreError> {
    this.ensureOpen();
    const problem = orderProblem(order);
    if (problem) return recordFailure('failed', `${RECORD_MESSAGES.invalid}（${problem}）`);
    return this.rewrite(order?.id, (orders, at) => orders.map((o, i) => (i === at ? order : o)));
  }

  remove(id: string): Result<void, RecordStoreError> {
    this.ensureOpen();
    return this.rewrite(id, (orders, at) => orders.filter((_, i) => i !== at));
  }

  private rewrite(id: string, change: (orders: Order[], at: number) => Order[]): Result<void, RecordStoreError> {
    const blocked = this.writable();
    if (blocked) return blocked;
    let found = this.locate(id);
    if (!found) return recordFailure('not_found');
    if (found.meta.frozen) {
      this.inspect(found.meta.n, true);
      found = this.locate(id);
      if (!found) return recordFailure('not_found');
      if (found.meta.frozen) return recordFailure('quota', RECORD_MESSAGES.frozen);
    }
    return this.commit(found.meta.n, change(found.orders, found.at));
  }

  /** Orders into a new shard, under a number a read has shown to be free (a key found there is adopted first). */
  private commitNew(orders: Order[]): Result<void, RecordStoreError> {
    for (let tries = 0; tries < TRIES; tries += 1) {
      const n = this.index.next;
      const read = this.readKey(shardKey(n));
      if (!read.ok) return recordFailure('failed');
      if (read.value === undefined) return this.commit(n, orders);
      this.index.next = n + 1;
      this.inspect(n, true);
    }
    return SURPRISE;
  }

  /**
   * Writes shard n with these orders. An existing shard: its index page first (touched = n),
   * then the shard, which commits. A new one: the shard first, then its page. `force`:
   * writes over a frozen shard (its damage is copied aside).
   */
  private commit(n: number, orders: Order[], force = false): Result<void, RecordStoreError> {
    if (this.readOnly) return recordFailure('unavailable');
    const current = this.meta(n);
    if (current?.frozen && !force) return recordFailure('quota', RECORD_MESSAGES.frozen);
    this.flushNotes();
    if (!this.headStored && !this.held.has(INDEX_KEY)) {
      const headWrite = this.storage.set(INDEX_KEY, HEAD);
      if (!headWrite.ok) return recordFailure(headWrite.error);
      this.headStored = true;
    }
    const stored = encodeShard(orders, n);
    const before = this.index;
    const after = withShard(before, n, orders, undefined, stored.c);
    const page = indexPageOf(n);
    const pageKey = indexPageKey(page);
    const writePage = (index: RecordIndex): Result<void, RecordStoreError> => {
      // A page kept in place for its damage is not written: open() rebuilds it from the shards.
      if (this.held.has(pageKey)) return OK;
      const written = this.storage.set(pageKey, encodeIndexPage(index, page, n));
      if (!written.ok) return recordFailure(written.error);
      this.pages.add(page);
      this.touchedPages.set(page, n);
      return OK;
    };
    const fresh = !current;
    const pageFirst = fresh ? OK : writePage(after);
    if (!pageFirst.ok) return pageFirst;
    const shardWrite = this.storage.set(shardKey(n), stored);
    if (!shardWrite.ok) {
      // Best effort; should it fail too, `t` = n makes the next open() recheck shard n.
      if (!fresh) writePage(before);
      return recordFailure(shardWrite.error);
    }
    const pageAfter = fresh ? writePage(after) : OK;
    if (!pageAfter.ok) {
      this.storage.remove(shardKey(n));
      return pageAfter;
    }
    this.index = after;
    if (orders.length) this.remember(n, stored);
    else {
      this.forget(n);
      this.storage.remove(shardKey(n));
    }
    this.clearOtherTouches(page);
    return OK;
  }

  /** Only the page last written keeps its `t`, so open() rechecks one shard, not one a page. */
  private clearOtherTouches(current: number): void {
    for (const page of [...this.touchedPages.keys()]) if (page !== current) this.savePage(page);
  }

  private savePage(page: number): void {
    const key = indexPageKey(page);
    if (this.readOnly || this.held.has(key)) return; // damage kept in place is never written over
    const stored = encodeIndexPage(this.index, page);
    let written = true;
    if (stored.s.length) written = this.storage.set(key, stored).ok;
    else if (this.pages.has(page)) this.storage.remove(key);
    if (!written) return;
    if (stored.s.length) this.pages.add(page);
    else this.pages.delete(page);
    this.touchedPages.delete(page);
  }

  private saveHead(): void {
    if (!this.readOnly && !this.held.has(INDEX_KEY) && this.storage.set(INDEX_KEY, HEAD).ok) this.headStored = true;
  }
}

/** The index with shard n summarised from these orders (dropped when empty and not frozen). */
function withShard(index: RecordIndex, n: number, orders: Order[], frozen?: ShardMeta['frozen'], checksum?: string): RecordIndex {
  const meta = summarize(n, orders, frozen);
  if (meta && checksum && !frozen) meta.c = checksum;
  const rest = index.shards.filter((m) => m.n !== n);
  return { ...index, shards: meta ? [...rest, meta].sort((a, b) => a.n - b.n) : rest, next: Math.max(index.next, n + 1) };
}

/** Which kind of stored data a key holds, for the words the records page shows. */
function sourceOf(key: string): QuarantineSource {
  if (key.startsWith(SHARD_KEY_PREFIX)) return 'records';
  if (key.startsWith(INDEX_KEY)) return 'index';
  if (key === LEGACY_V1_KEY) return 'legacy';
  if (key.startsWith(QUARANTINE_KEY_PREFIX)) return 'copy';
  return 'other';
}

/** Two orders are the same when they store the same. */
function sameness(order: Order): string {
  return JSON.stringify(encodeShard([order]).o);
}

function rejectedReason(rejected: { reason: string }[]): string {
  const reasons = [...new Set(rejected.map((r) => r.reason))];
  if (rejected.every((r) => r.reason === CHANGED_ORDER)) return `${rejected.length} 笔订单的内容被改动（与校验不符）`;
  return `${rejected.length} 笔订单数据损坏（${reasons.slice(0, 3).join('；')}）`;
}
