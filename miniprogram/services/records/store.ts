/**
 * Transaction records on wx storage, in shards of at most `shardSize` orders plus an
 * index split into a head and pages of shard summaries (record-schema.ts has the forms).
 *
 * Costs. An append reads and rewrites the newest shard and one index page, both bounded,
 * whatever the count. open() reads the head and the index pages (a few bytes per order);
 * the newest page of records then reads the newest shard or two. get/update/remove read
 * only the shards whose id range can hold the id; filters skip shards by their summaries.
 *
 * Crash safety. Every change is two writes, in this order:
 *   1. the index page of shard n, with n's new summary and `t` (touched) = n;
 *   2. shard n. This write is the commit: a shard's content is the truth.
 * A crash after 1 and before 2 leaves that summary ahead of the shard; open() re-reads
 * every touched shard and recomputes its summary, so the change simply did not happen.
 * Shard keys no page lists are read and adopted on open(), so no order can become
 * invisible. An emptied shard is overwritten with an empty shard (a checked write)
 * before its key is removed, so a removal that silently fails cannot revive an order.
 *
 * Damage. A shard or index key that cannot be read or has the wrong shape is copied
 * aside under 'rec.quarantine.<n>' with the reason, and every other order stays
 * readable (in a shard with a few bad entries, the good ones are kept). When there is
 * no room for the copy, the damaged key stays as it is: a shard is marked frozen (read
 * leniently, never written), a damaged index blocks writes; both are copied aside on a
 * later open() or write when there is room. Nothing is deleted before it is copied.
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
  CURRENCIES,
  INDEX_KEY,
  LEGACY_V1_KEY,
  QUARANTINE_KEY_PREFIX,
  SHARD_KEY_PREFIX,
  V1_REJECTS_KEY,
  decodeHead,
  decodeIndexPage,
  decodeShard,
  emptyIndex,
  encodeHead,
  encodeIndexPage,
  encodeShard,
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
import { RECORD_MESSAGES, recordFailure } from './messages';

export const DEFAULT_SHARD_SIZE = 50;
const MAX_PAGE_LIMIT = 500;
const CACHED_SHARDS = 2;

export interface RecordStoreOptions {
  /** Orders per shard; small values make tests cross shard boundaries quickly. */
  shardSize?: number;
}

const OK: Result<void, never> = { ok: true, value: undefined };

export class ShardedRecordStore implements RecordStore {
  private readonly shardSize: number;
  private index: RecordIndex = emptyIndex();
  private report: RecordStoreOpenReport | null = null;
  /** Set aside during the current open(); becomes its report. */
  private found: QuarantinedEntry[] = [];
  /**
   * Why nothing may be written: a damaged index key that could not be copied aside (it
   * stays in place), or a v1 array there was no room to migrate. Retried before writes.
   */
  private writeLock: QuarantinedEntry | null = null;
  /** Index pages whose stored `t` still names a shard (page → shard). */
  private readonly touchedPages = new Map<number, number>();
  /** Raw stored shards recently read or written (decoded afresh on each use). */
  private readonly cache = new Map<number, unknown>();
  private nextQuarantine: number | null = null;
  /** False until the head key is known to be on storage (a fresh store writes it with the first order). */
  private headStored = false;

  constructor(
    private readonly storage: KeyValueStorage,
    private readonly clock: Clock,
    options: RecordStoreOptions = {},
  ) {
    this.shardSize = Math.max(1, Math.floor(options.shardSize ?? DEFAULT_SHARD_SIZE));
  }

  /* ------------------------------------------------------------- opening */

  /**
   * Reads the index (repairing after a crash), migrates v1, sets damaged index keys
   * aside. The report lists what was set aside by this open (damage inside a shard is
   * found when the shard is first read; quarantined() lists everything ever set aside).
   * Idempotent: a second call returns the first report.
   */
  open(): RecordStoreOpenReport {
    if (this.report) return this.report;
    this.found = [];
    const keys = new Set(this.storage.keys());
    let migratedFrom: number | null = null;
    if (!keys.has(INDEX_KEY)) {
      if (keys.has(LEGACY_V1_KEY) && !hasShardKeys(keys)) migratedFrom = this.migrateFromV1();
      else this.rebuild(keys);
    } else {
      const read = this.readIndex(keys);
      if ('problem' in read) {
        this.setIndexAside(read.key, read.problem);
        this.rebuild(keys);
      } else if (read.index.migratedFrom === -1 && keys.has(LEGACY_V1_KEY)) {
        // A migration was cut short: the v1 array is still the truth, so run it again.
        migratedFrom = this.migrateFromV1();
      } else {
        this.index = read.index;
        this.repairAfterCrash(keys, read.touched);
        if (this.index.migratedFrom === -1) {
          this.index.migratedFrom = 1;
          this.saveHead();
        }
      }
    }
    this.retryFrozen();
    this.finishLegacyCleanup();
    this.report = { migratedFrom, quarantined: [...this.found] };
    return this.report;
  }

  private ensureOpen(): void {
    if (!this.report) this.open();
  }

  private readIndex(keys: Set<string>): { index: RecordIndex; touched: number[] } | { key: string; problem: string } {
    const head = decodeHead(this.storage.get(INDEX_KEY));
    if ('problem' in head) return { key: INDEX_KEY, problem: head.problem };
    this.headStored = true;
    const index: RecordIndex = { ...emptyIndex(), ...head.head };
    const touched: number[] = [];
    for (const key of keys) {
      const page = indexPageNumberOf(key);
      if (page === null) continue;
      const decoded = decodeIndexPage(this.storage.get(key), page);
      if ('problem' in decoded) return { key, problem: decoded.problem };
      index.shards.push(...decoded.shards);
      if (decoded.touched !== null) {
        touched.push(decoded.touched);
        this.touchedPages.set(page, decoded.touched);
      }
    }
    index.shards.sort((a, b) => a.n - b.n);
    index.next = index.shards.reduce((next, m) => Math.max(next, m.n + 1), 0);
    return { index, touched };
  }

  /** Recomputes touched shards' summaries, adopts unlisted shard keys, drops vanished ones. */
  private repairAfterCrash(keys: Set<string>, touched: number[]): void {
    const listed = new Set(this.index.shards.map((m) => m.n));
    const suspects = new Set<number>(touched);
    for (const key of keys) {
      const n = shardNumberOf(key);
      if (n !== null && !listed.has(n)) suspects.add(n);
    }
    for (const m of this.index.shards) if (!keys.has(shardKey(m.n))) suspects.add(m.n);
    const changedPages = new Set<number>();
    for (const n of [...suspects].sort((a, b) => a - b)) {
      const before = JSON.stringify(this.meta(n) ?? null);
      this.reload(n, keys);
      if (JSON.stringify(this.meta(n) ?? null) !== before) changedPages.add(indexPageOf(n));
    }
    for (const page of changedPages) this.savePage(page);
  }

  /** Rebuilds the index from the shard keys themselves (index lost or damaged). */
  private rebuild(keys: Set<string>): void {
    this.index = emptyIndex();
    const numbers = [...keys].map(shardNumberOf).filter((n): n is number => n !== null).sort((a, b) => a - b);
    for (const n of numbers) this.reload(n, keys);
    if (keys.has(LEGACY_V1_KEY)) {
      this.index.held.push({ key: LEGACY_V1_KEY, reason: '无法确认旧版记录是否已升级，原数据原样保留', at: this.clock.now() });
    }
    if (numbers.length || keys.has(INDEX_KEY) || keys.has(LEGACY_V1_KEY)) this.saveAll();
  }

  /** Puts shard n's true summary into the index (dropped when the key is gone or empty). */
  private reload(n: number, keys: Set<string>): void {
    this.index.next = Math.max(this.index.next, n + 1);
    const key = shardKey(n);
    if (!keys.has(key)) {
      this.putMeta(n, []);
      return;
    }
    if (this.meta(n)?.frozen) return;
    const raw = this.storage.get(key);
    const decoded = decodeShard(raw);
    if (!decoded.ok) this.setShardAside(n, raw, decoded.reason, []);
    else if (decoded.rejected.length) this.setShardAside(n, raw, rejectedReason(decoded.rejected), decoded.orders);
    else {
      this.putMeta(n, decoded.orders);
      this.remember(n, raw);
      if (!decoded.orders.length) this.forget(n);
    }
  }

  private setIndexAside(key: string, problem: string): void {
    const raw = this.storage.get(key);
    const entry: QuarantinedEntry = { key, raw: raw ?? null, reason: `记录索引损坏（${problem}），已根据记录重建`, at: this.clock.now() };
    this.found.push(entry);
    if (!this.copyAside(entry)) this.writeLock = entry;
  }

  /* ----------------------------------------------------------- migration */

  /** v1 → v2. Returns 1 when migrated, null when nothing could be migrated. */
  private migrateFromV1(): number | null {
    const raw = this.storage.get(LEGACY_V1_KEY);
    const upgraded = upgradeV1(raw);
    const at = this.clock.now();
    this.index = emptyIndex();
    if (!upgraded.ok) {
      const entry: QuarantinedEntry = { key: LEGACY_V1_KEY, raw: raw ?? null, reason: upgraded.reason, at };
      this.found.push(entry);
      if (raw !== undefined && this.copyAside(entry)) this.storage.remove(LEGACY_V1_KEY);
      else this.index.held.push({ key: LEGACY_V1_KEY, reason: upgraded.reason, at });
      this.saveAll();
      return null;
    }
    const rejectsKept = this.keepV1Rejects(upgraded.rejected, at);
    const shards: Order[][] = [];
    for (let i = 0; i < upgraded.orders.length; i += this.shardSize) shards.push(upgraded.orders.slice(i, i + this.shardSize));
    shards.forEach((orders, n) => this.putMeta(n, orders));
    if (!rejectsKept) this.index.held.push({ key: LEGACY_V1_KEY, reason: '部分旧版记录无法升级，且存储空间不足以另存，原数据原样保留', at });
    // The head goes first, marked "under way" (-1): a crash from here on re-runs the migration.
    this.index.migratedFrom = -1;
    const pages = [...new Set(shards.map((_, n) => indexPageOf(n)))];
    const written =
      this.storage.set(INDEX_KEY, encodeHead(this.index)).ok &&
      pages.every((page) => this.storage.set(indexPageKey(page), encodeIndexPage(this.index, page)).ok) &&
      shards.every((orders, n) => this.storage.set(shardKey(n), encodeShard(orders)).ok);
    this.index.migratedFrom = 1;
    if (!written || !this.storage.set(INDEX_KEY, encodeHead(this.index)).ok) {
      // No room for both copies: the v1 array stays the only copy; try again next launch.
      shards.forEach((_, n) => this.storage.remove(shardKey(n)));
      pages.forEach((page) => this.storage.remove(indexPageKey(page)));
      this.storage.remove(INDEX_KEY);
      this.index = emptyIndex();
      this.writeLock = { key: LEGACY_V1_KEY, raw: null, reason: '存储空间不足，旧版记录暂未升级（原数据完整保留）', at };
      return null;
    }
    this.headStored = true;
    if (rejectsKept) this.storage.remove(LEGACY_V1_KEY);
    return 1;
  }

  private keepV1Rejects(rejected: RejectedEntry[], at: number): boolean {
    if (!rejected.length) return true;
    const entry: QuarantinedEntry = {
      key: LEGACY_V1_KEY,
      raw: rejected.map((r) => r.raw),
      reason: `旧版记录中${rejectedReason(rejected)}，无法升级`,
      at,
    };
    this.found.push(entry);
    // A fixed key: a migration re-run overwrites its own copy instead of adding another.
    return this.storage.set(V1_REJECTS_KEY, entry).ok;
  }

  /** After a crash between the migrated head and the v1 removal, finish the removal. */
  private finishLegacyCleanup(): void {
    if (this.index.migratedFrom !== 1 || this.writeLock) return;
    if (this.index.held.some((h) => h.key === LEGACY_V1_KEY)) return;
    if (this.storage.keys().includes(LEGACY_V1_KEY)) this.storage.remove(LEGACY_V1_KEY);
  }

  /* ------------------------------------------------------------- damage */

  private quarantineKey(): string {
    if (this.nextQuarantine === null) {
      let max = -1;
      for (const key of this.storage.keys()) {
        const rest = key.startsWith(QUARANTINE_KEY_PREFIX) ? key.slice(QUARANTINE_KEY_PREFIX.length) : '';
        if (/^\d+$/.test(rest)) max = Math.max(max, Number(rest));
      }
      this.nextQuarantine = max + 1;
    }
    const key = `${QUARANTINE_KEY_PREFIX}${this.nextQuarantine}`;
    this.nextQuarantine += 1;
    return key;
  }

  private copyAside(entry: QuarantinedEntry): boolean {
    return this.storage.set(this.quarantineKey(), entry).ok;
  }

  /** Copies a damaged shard aside and keeps its good orders; with no room, freezes it in place. */
  private setShardAside(n: number, raw: unknown, reason: string, good: Order[]): void {
    const key = shardKey(n);
    const at = this.clock.now();
    const entry: QuarantinedEntry = { key, raw: raw ?? null, reason, at };
    this.found.push(entry);
    this.forget(n);
    if (raw !== undefined && this.copyAside(entry)) {
      if (this.writeShardBack(n, good)) this.putMeta(n, good);
      else this.putMeta(n, good, { reason, at, copied: true });
    } else {
      this.putMeta(n, good, { reason, at, copied: false });
    }
    this.savePage(indexPageOf(n));
  }

  private writeShardBack(n: number, good: Order[]): boolean {
    const stored = encodeShard(good);
    if (!this.storage.set(shardKey(n), stored).ok) return false;
    if (good.length) this.remember(n, stored);
    else this.forget(n);
    return true;
  }

  /** Frozen shards and a held index are copied aside as soon as there is room. */
  private retryFrozen(): void {
    for (const meta of this.index.shards.filter((m) => m.frozen)) this.unfreeze(meta.n);
    if (this.writeLock && this.writeLock.key !== LEGACY_V1_KEY && this.copyAside(this.writeLock)) {
      this.writeLock = null;
      this.saveAll();
    }
  }

  private unfreeze(n: number): boolean {
    const meta = this.meta(n);
    if (!meta?.frozen) return true;
    const key = shardKey(n);
    const raw = this.storage.get(key);
    if (raw === undefined) return false; // unreadable bytes: nothing to copy, so they stay where they are
    const decoded = decodeShard(raw);
    const good = decoded.ok ? decoded.orders : [];
    const copied = meta.frozen.copied || this.copyAside({ key, raw, reason: meta.frozen.reason, at: meta.frozen.at });
    if (!copied) return false;
    if (!this.writeShardBack(n, good)) {
      this.putMeta(n, good, { ...meta.frozen, copied: true });
      this.savePage(indexPageOf(n));
      return false;
    }
    this.putMeta(n, good);
    this.savePage(indexPageOf(n));
    return true;
  }

  /* ------------------------------------------------------------ reading */

  private meta(n: number): ShardMeta | undefined {
    return this.index.shards.find((m) => m.n === n);
  }

  private putMeta(n: number, orders: Order[], frozen?: ShardMeta['frozen']): void {
    this.index = withShard(this.index, n, orders, frozen);
  }

  private remember(n: number, raw: unknown): void {
    this.cache.delete(n);
    this.cache.set(n, raw);
    while (this.cache.size > CACHED_SHARDS) this.cache.delete(this.cache.keys().next().value as number);
  }

  private forget(n: number): void {
    this.cache.delete(n);
  }

  /** A shard's orders, validated; damage found here is set aside on the spot. */
  private load(n: number): Order[] {
    const meta = this.meta(n);
    if (!meta) return [];
    const key = shardKey(n);
    const cached = this.cache.has(n);
    const raw = cached ? this.cache.get(n) : this.storage.get(key);
    const decoded = decodeShard(raw);
    if (meta.frozen) return decoded.ok ? decoded.orders : [];
    if (!decoded.ok) {
      if (raw === undefined && !this.storage.keys().includes(key)) {
        this.putMeta(n, []); // removed behind the store's back: nothing left to keep
        this.savePage(indexPageOf(n));
      } else {
        this.setShardAside(n, raw, decoded.reason, []);
      }
      return [];
    }
    if (decoded.rejected.length) {
      this.setShardAside(n, raw, rejectedReason(decoded.rejected), decoded.orders);
      return decoded.orders;
    }
    if (!cached) {
      this.remember(n, raw);
      // The summary heals itself if the shard and its summary ever disagree.
      if (JSON.stringify(summarize(n, decoded.orders)) !== JSON.stringify(meta)) {
        this.putMeta(n, decoded.orders);
        this.savePage(indexPageOf(n));
      }
    }
    return decoded.orders;
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
    for (const meta of candidates) {
      if (collected.length >= wanted && meta.newest < collected[wanted - 1].createdAt) break;
      for (const order of this.load(meta.n)) if (orderOk(order) && orderMatches(order, filter)) collected.push(order);
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

  /** From the index alone; a shard damaged since the last launch corrects it once read. */
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

  quarantined(): QuarantinedEntry[] {
    this.ensureOpen();
    const entries: QuarantinedEntry[] = [];
    for (const key of this.storage.keys().filter((k) => k.startsWith(QUARANTINE_KEY_PREFIX)).sort()) {
      const value = this.storage.get(key) as Partial<QuarantinedEntry> | undefined;
      if (value && typeof value === 'object' && typeof value.key === 'string') {
        entries.push({ key: value.key, raw: value.raw, reason: String(value.reason ?? ''), at: Number(value.at) || 0 });
      } else {
        entries.push({ key, raw: value ?? null, reason: '另存的数据无法识别', at: 0 });
      }
    }
    for (const meta of this.index.shards) {
      if (meta.frozen && !meta.frozen.copied) {
        const raw = this.storage.get(shardKey(meta.n));
        entries.push({ key: shardKey(meta.n), raw: raw ?? null, reason: `${meta.frozen.reason}（原样保留在原处）`, at: meta.frozen.at });
      }
    }
    for (const held of this.index.held) entries.push({ key: held.key, raw: this.storage.get(held.key) ?? null, reason: held.reason, at: held.at });
    if (this.writeLock) entries.push({ ...this.writeLock, reason: `${this.writeLock.reason}（原样保留；存储空间不足，暂时无法保存新记录）` });
    return entries.map((entry) => ({ ...entry, source: sourceOf(entry.key) })).sort((a, b) => a.at - b.at);
  }

  /* ------------------------------------------------------------ writing */

  append(order: Order): Result<void, RecordStoreError> {
    this.ensureOpen();
    const problem = orderProblem(order);
    if (problem) return recordFailure('failed', `${RECORD_MESSAGES.invalid}（${problem}）`);
    const blocked = this.writeBlocked();
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
    return this.commit(this.index.next, [order]);
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
    const blocked = this.writeBlocked();
    if (blocked) return blocked;
    const found = this.locate(id);
    if (!found) return recordFailure('not_found');
    if (found.meta.frozen && !this.unfreeze(found.meta.n)) return recordFailure('quota', RECORD_MESSAGES.frozen);
    return this.commit(found.meta.n, change(found.orders, found.at));
  }

  private writeBlocked(): Result<never, RecordStoreError> | null {
    if (this.writeLock) this.retryFrozen();
    return this.writeLock ? recordFailure('quota', RECORD_MESSAGES.held) : null;
  }

  /** Index page first (touched = n), then the shard, which commits; see the file comment. */
  private commit(n: number, orders: Order[]): Result<void, RecordStoreError> {
    if (!this.headStored) {
      const headWrite = this.storage.set(INDEX_KEY, encodeHead(this.index));
      if (!headWrite.ok) return recordFailure(headWrite.error);
      this.headStored = true;
    }
    const before = this.index;
    const after = withShard(before, n, orders);
    const page = indexPageOf(n);
    const pageWrite = this.storage.set(indexPageKey(page), encodeIndexPage(after, page, n));
    if (!pageWrite.ok) return recordFailure(pageWrite.error);
    this.touchedPages.set(page, n);
    const stored = encodeShard(orders);
    const shardWrite = this.storage.set(shardKey(n), stored);
    if (!shardWrite.ok) {
      // Best effort; should it fail too, `t` = n makes the next open() recheck shard n.
      this.storage.set(indexPageKey(page), encodeIndexPage(before, page, n));
      return recordFailure(shardWrite.error);
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
    if (this.writeLock) return; // a damaged index kept in place must not be overwritten
    const key = indexPageKey(page);
    const stored = encodeIndexPage(this.index, page);
    const written = stored.s.length ? this.storage.set(key, stored).ok : (this.storage.remove(key), true);
    if (written) this.touchedPages.delete(page);
  }

  private saveHead(): void {
    if (!this.writeLock && this.storage.set(INDEX_KEY, encodeHead(this.index)).ok) this.headStored = true;
  }

  private saveAll(): void {
    if (this.writeLock) return;
    this.saveHead();
    const pages = new Set(this.index.shards.map((m) => indexPageOf(m.n)));
    for (const key of this.storage.keys()) {
      const page = indexPageNumberOf(key);
      if (page !== null) pages.add(page);
    }
    for (const page of pages) this.savePage(page);
  }
}

/** The index with shard n summarised from these orders (dropped when empty and not frozen). */
function withShard(index: RecordIndex, n: number, orders: Order[], frozen?: ShardMeta['frozen']): RecordIndex {
  const meta = summarize(n, orders, frozen);
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

function hasShardKeys(keys: Set<string>): boolean {
  for (const key of keys) if (shardNumberOf(key) !== null) return true;
  return false;
}

function rejectedReason(rejected: { reason: string }[]): string {
  const reasons = [...new Set(rejected.map((r) => r.reason))];
  return `${rejected.length} 条订单数据损坏（${reasons.slice(0, 3).join('；')}）`;
}
