/** The rules and executions store: one live rule per number, bounded keys, nothing lost on damage or quota. */
import { AutoTopupStore, EXECUTIONS_KEY, MAX_CANCELLED_RULES, MAX_LIVE_RULES, QUARANTINE_KEY, RULES_KEY } from '../../../../miniprogram/pages/autotopup/engine/rule-store';
import { createRule, executionKey, validateRuleDraft, type AutoTopupExecution, type AutoTopupRule } from '../../../../miniprogram/pages/autotopup/core/auto-topup';
import { WxKeyValueStorage } from '../../../../miniprogram/services/wx/storage';
import { FakeClock } from '../../../support/fakes';

const DAY = 24 * 60 * 60 * 1000;
let clock: FakeClock;
let store: AutoTopupStore;

beforeEach(() => {
  globalThis.__wxStorage.clearStorageSync();
  globalThis.__wxStorage.maxTotalBytes = 10 * 1024 * 1024;
  clock = new FakeClock('2026-11-25T10:00:00+08:00');
  store = new AutoTopupStore(new WxKeyValueStorage(), clock);
});

function rule(n: number, phone = `138${String(n).padStart(8, '0')}`): AutoTopupRule {
  const draft = validateRuleDraft({ phone, carrier: 'cmcc', trigger: { kind: 'monthly', day: 25 }, topup: 'cmcc-recharge-50', monthlyCap: '100' });
  if (!draft.ok) throw new Error(draft.message);
  return createRule(draft.value, { id: `AT20261125100000${String(n).padStart(6, "0")}`, contract: { code: `PC${n}`, id: `C${n}`, signedAt: clock.now() }, now: clock.now() });
}

function execution(r: AutoTopupRule, startedAt: number, attempt = 1): AutoTopupExecution {
  const period = `D${new Date(startedAt + 8 * 3600 * 1000).toISOString().slice(0, 10)}`;
  return { ruleId: r.id, period, attempt, key: executionKey(r.id, period, attempt), startedAt, amount: r.topup.amount, outcome: 'succeeded', settledAt: startedAt };
}

test('a number has one live rule; a cancelled one does not block a new one', () => {
  const first = rule(1);
  expect(store.add(first).ok).toBe(true);
  expect(store.add({ ...rule(2), phone: first.phone })).toMatchObject({ ok: false, error: 'duplicate' });
  store.update({ ...first, state: 'cancelled' });
  expect(store.add({ ...rule(2), phone: first.phone }).ok).toBe(true);
  expect(store.liveRuleFor(first.phone)?.id).toBe(rule(2).id);
});

test(`at most ${MAX_LIVE_RULES} live rules, and only the newest ${MAX_CANCELLED_RULES} cancelled ones are kept`, () => {
  for (let n = 0; n < MAX_LIVE_RULES; n += 1) expect(store.add(rule(n)).ok).toBe(true);
  expect(store.add(rule(99))).toMatchObject({ ok: false, error: 'limit' });
  for (let n = 0; n < MAX_LIVE_RULES; n += 1) {
    clock.advance(1000);
    store.update({ ...store.get(rule(n).id)!, state: 'cancelled', updatedAt: clock.now() });
  }
  for (let n = 100; n < 105; n += 1) {
    store.add(rule(n));
    clock.advance(1000);
    store.update({ ...store.get(rule(n).id)!, state: 'cancelled', updatedAt: clock.now() });
  }
  const cancelled = store.rules().filter((r) => r.state === 'cancelled');
  expect(cancelled).toHaveLength(MAX_CANCELLED_RULES);
  expect(cancelled.map((r) => r.id)).not.toContain(rule(0).id);
});

test('old executions are pruned, but each rule keeps its newest three and every pending one', () => {
  const r = rule(1);
  const now = clock.now();
  for (let i = 10; i >= 1; i -= 1) store.saveExecution(execution(r, now - i * 30 * DAY));
  store.saveExecution({ ...execution(r, now - 400 * DAY, 2), outcome: 'pending' });
  store.saveExecution(execution(r, now));
  const kept = store.historyOf(r.id);
  expect(kept.map((e) => Math.round((now - e.startedAt) / DAY))).toEqual([0, 30, 60, 400]);
  expect(kept.find((e) => e.outcome === 'pending')).toBeDefined();
});

test('saving an execution again by key replaces it', () => {
  const r = rule(1);
  const e = execution(r, clock.now());
  store.saveExecution({ ...e, outcome: 'pending' });
  store.saveExecution(e);
  expect(store.executions()).toEqual([e]);
});

test('one damaged rule is set aside; the others stay', () => {
  store.add(rule(1));
  const raw = globalThis.__wxStorage.rawText(RULES_KEY)!;
  globalThis.__wxStorage.plantRaw(RULES_KEY, raw.replace('"rules":[', '"rules":[{"id":"x"},'));
  expect(store.rules().map((r) => r.id)).toEqual([rule(1).id]);
  expect(store.quarantined()).toMatchObject([{ key: RULES_KEY, raw: [{ id: 'x' }], reason: 'unreadable rules' }]);
});

test('damage that cannot be copied aside (storage full) is left in place and writes wait', () => {
  globalThis.__wxStorage.plantRaw(EXECUTIONS_KEY, '{"version":9}');
  globalThis.__wxStorage.maxTotalBytes = globalThis.__wxStorage.usedBytes();
  const saved = store.saveExecution(execution(rule(1), clock.now()));
  expect(saved).toMatchObject({ ok: false, error: 'quota', message: expect.stringContaining('自动充值数据损坏') });
  expect(globalThis.__wxStorage.rawText(EXECUTIONS_KEY)).toBe('{"version":9}');
  expect(globalThis.__wxStorage.rawText(QUARANTINE_KEY)).toBeUndefined();
});

test('a storage failure on add is reported, nothing half written', () => {
  globalThis.__wxStorage.failNextWrites(1);
  expect(store.add(rule(1))).toMatchObject({ ok: false, error: 'failed' });
  expect(store.rules()).toEqual([]);
});
