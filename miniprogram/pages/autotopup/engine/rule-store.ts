/**
 * The 自动充值 rules and their executions, on local storage with the care the records get.
 *
 * Two small keys, each rewritten whole: the rules (at most one live rule per number, plus
 * a few cancelled ones for their history) and the executions (pruned by age, so the key
 * stays small). Everything read back is checked; what this code cannot understand is
 * copied to an append-only quarantine list before anything else is written, and while
 * that copy cannot be made (storage full) the key is not written at all: a damaged value
 * is never overwritten, and no top-up starts whose execution could not be written first.
 */
import { isExecution, isRule, type AutoTopupExecution, type AutoTopupRule } from '../core/auto-topup';
import type { Result } from '../../../core/types';
import { AUTO_TOPUP_EXECUTIONS_KEY, AUTO_TOPUP_RULES_KEY, type Clock, type KeyValueStorage, type QuarantinedEntry, type StorageError } from '../../../services/contracts';

export const RULES_KEY = AUTO_TOPUP_RULES_KEY;
export const EXECUTIONS_KEY = AUTO_TOPUP_EXECUTIONS_KEY;
export const QUARANTINE_KEY = 'autotopup.quarantine';
/** Live rules: one per bound number, and at most as many numbers as the card book holds. */
export const MAX_LIVE_RULES = 20;
/** Cancelled rules kept for their history, newest. */
export const MAX_CANCELLED_RULES = 20;
/** Executions older than this are dropped (their periods can never be due again)... */
export const EXECUTION_KEEP_MS = 62 * 24 * 60 * 60 * 1000;
/** ...but each rule keeps its newest few, which the failure count reads. */
const KEEP_NEWEST_PER_RULE = 3;

export type RuleStoreError = StorageError | 'duplicate' | 'limit' | 'not_found';

const MESSAGES: Record<RuleStoreError, string> = {
  quota: '手机上的小程序存储空间已满，自动充值设置没有保存。请在微信“设置 → 通用 → 存储空间”清理后重试',
  item_too_large: '数据太大，自动充值设置没有保存',
  failed: '保存失败，请稍后重试',
  duplicate: '这个号码已经开通了自动充值，不用重复开通',
  limit: `最多为 ${MAX_LIVE_RULES} 个号码开通自动充值`,
  not_found: '没有找到这条自动充值设置，可能已经取消',
};

function fail(error: RuleStoreError, message = MESSAGES[error]): Result<never, RuleStoreError> {
  return { ok: false, error, message };
}

const OK: Result<void, never> = { ok: true, value: undefined };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A stored rule: core's check plus what only the store relies on (number, state, contract). */
export function isStoredRule(value: unknown): value is AutoTopupRule {
  if (!isRule(value)) return false;
  const rule = value as unknown as Record<string, unknown>;
  const contract = rule.contract as Record<string, unknown> | undefined;
  return (
    typeof rule.phone === 'string' &&
    rule.phone !== '' &&
    (rule.state === 'active' || rule.state === 'paused' || rule.state === 'cancelled') &&
    isRecord(contract) &&
    typeof contract.code === 'string' &&
    typeof contract.signedAt === 'number'
  );
}

export function isStoredExecution(value: unknown): value is AutoTopupExecution {
  return isExecution(value) && typeof (value as AutoTopupExecution).key === 'string';
}

const isLive = (rule: AutoTopupRule): boolean => rule.state !== 'cancelled';

interface Loaded<T> {
  items: T[];
  /** Set while unreadable data could not be copied aside: writing now would lose it. */
  unsafe: Result<never, RuleStoreError> | null;
}

export class AutoTopupStore {
  constructor(
    private readonly storage: KeyValueStorage,
    private readonly clock: Clock,
  ) {}

  // ------------------------------------------------------------------- rules

  rules(): AutoTopupRule[] {
    return this.load(RULES_KEY, 'rules', isStoredRule).items;
  }

  /** The number's live (active or paused) rule. */
  liveRuleFor(phone: string): AutoTopupRule | undefined {
    return this.rules().find((rule) => rule.phone === phone && isLive(rule));
  }

  get(ruleId: string): AutoTopupRule | undefined {
    return this.rules().find((rule) => rule.id === ruleId);
  }

  /** Adds a new rule; a number has at most one live rule. */
  add(rule: AutoTopupRule): Result<void, RuleStoreError> {
    const loaded = this.load(RULES_KEY, 'rules', isStoredRule);
    if (loaded.unsafe) return loaded.unsafe;
    if (!isStoredRule(rule)) return fail('failed', '自动充值设置不完整，没有保存，请重新设置');
    if (loaded.items.some((r) => r.id === rule.id || (isLive(r) && r.phone === rule.phone))) return fail('duplicate');
    if (loaded.items.filter(isLive).length >= MAX_LIVE_RULES) return fail('limit');
    return this.writeRules([...loaded.items, rule]);
  }

  /** Replaces the stored rule with the same id. */
  update(rule: AutoTopupRule): Result<void, RuleStoreError> {
    const loaded = this.load(RULES_KEY, 'rules', isStoredRule);
    if (loaded.unsafe) return loaded.unsafe;
    const at = loaded.items.findIndex((r) => r.id === rule.id);
    if (at < 0) return fail('not_found');
    if (!isStoredRule(rule)) return fail('failed', '自动充值设置不完整，没有保存，请重试');
    const next = loaded.items.slice();
    next[at] = rule;
    return this.writeRules(next);
  }

  // -------------------------------------------------------------- executions

  executions(): AutoTopupExecution[] {
    return this.load(EXECUTIONS_KEY, 'executions', isStoredExecution).items;
  }

  /** This rule's executions, newest first. */
  historyOf(ruleId: string): AutoTopupExecution[] {
    return this.executions()
      .filter((e) => e.ruleId === ruleId)
      .sort((a, b) => b.startedAt - a.startedAt);
  }

  /** Adds or replaces (by key) one execution; old ones are pruned on the way. */
  saveExecution(execution: AutoTopupExecution): Result<void, RuleStoreError> {
    const loaded = this.load(EXECUTIONS_KEY, 'executions', isStoredExecution);
    if (loaded.unsafe) return loaded.unsafe;
    if (!isStoredExecution(execution)) return fail('failed', '自动充值记录不完整，没有保存');
    const others = loaded.items.filter((e) => e.key !== execution.key);
    const written = this.storage.set(EXECUTIONS_KEY, { version: 1, executions: this.pruned([...others, execution]) });
    return written.ok ? OK : fail(written.error, written.message);
  }

  /** Everything ever set aside, oldest first. */
  quarantined(): QuarantinedEntry[] {
    const raw = this.storage.get(QUARANTINE_KEY);
    return Array.isArray(raw) ? (raw as QuarantinedEntry[]) : [];
  }

  // ------------------------------------------------------------------ storage

  private writeRules(rules: AutoTopupRule[]): Result<void, RuleStoreError> {
    const cancelled = rules.filter((r) => !isLive(r)).sort((a, b) => b.updatedAt - a.updatedAt);
    const dropped = new Set(cancelled.slice(MAX_CANCELLED_RULES));
    const written = this.storage.set(RULES_KEY, { version: 1, rules: rules.filter((r) => !dropped.has(r)) });
    return written.ok ? OK : fail(written.error, written.message);
  }

  /** Drops executions past EXECUTION_KEEP_MS, keeping each rule's newest few. */
  private pruned(executions: AutoTopupExecution[]): AutoTopupExecution[] {
    const cutoff = this.clock.now() - EXECUTION_KEEP_MS;
    const sorted = executions.slice().sort((a, b) => a.startedAt - b.startedAt);
    const newest = new Set<AutoTopupExecution>();
    const perRule = new Map<string, number>();
    for (let i = sorted.length - 1; i >= 0; i -= 1) {
      const seen = perRule.get(sorted[i].ruleId) ?? 0;
      if (seen < KEEP_NEWEST_PER_RULE) newest.add(sorted[i]);
      perRule.set(sorted[i].ruleId, seen + 1);
    }
    return sorted.filter((e) => e.outcome === 'pending' || e.startedAt >= cutoff || newest.has(e));
  }

  /**
   * One key read and checked. A value that is not this store's shape is copied aside and
   * the key removed; single entries that do not check are copied aside and the rest
   * written back. When the copy cannot be made, the key is left alone and `unsafe` set.
   */
  private load<T>(key: string, field: 'rules' | 'executions', check: (value: unknown) => value is T): Loaded<T> {
    const raw = this.storage.get(key);
    if (raw === undefined) return { items: [], unsafe: null };
    const list = isRecord(raw) && raw.version === 1 ? raw[field] : undefined;
    if (!Array.isArray(list)) {
      const aside = this.setAside(key, raw, `${field} unreadable`);
      if (aside.ok) this.storage.remove(key);
      return { items: [], unsafe: aside.ok ? null : aside };
    }
    const good = list.filter(check);
    if (good.length === list.length) return { items: good, unsafe: null };
    const aside = this.setAside(key, list.filter((item) => !check(item)), `unreadable ${field}`);
    if (!aside.ok) return { items: good, unsafe: aside };
    this.storage.set(key, { version: 1, [field]: good });
    return { items: good, unsafe: null };
  }

  private setAside(key: string, raw: unknown, reason: string): Result<void, RuleStoreError> {
    const existing = this.storage.get(QUARANTINE_KEY);
    const at = this.clock.now();
    const list: unknown[] = existing === undefined ? [] : Array.isArray(existing) ? existing : [{ key: QUARANTINE_KEY, raw: existing, reason: 'quarantine list unreadable', at }];
    const saved = this.storage.set(QUARANTINE_KEY, [...list, { key, raw, reason, at } satisfies QuarantinedEntry]);
    return saved.ok ? OK : fail(saved.error, `自动充值数据损坏，且${saved.message}`);
  }
}
