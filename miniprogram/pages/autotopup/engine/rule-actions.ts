/**
 * What the user does with a rule, each step in the order that never leaves money at risk:
 * opening signs the 委托代扣 contract first and undoes it when the rule cannot be saved;
 * cancelling stops local charging (pause) before ending the contract, and is final only
 * once WeChat Pay confirms the contract ended.
 */
import { formatMoneyCompact } from '../../../core/money';
import { maskPhone } from '../../../core/phone';
import type { Result } from '../../../core/types';
import type { Clock, KeyValueStorage, PapayService } from '../../../services/contracts';
import { changeRuleState, createRule, newContractCode, newRuleId, type AutoTopupRule, type RuleDraft } from '../core/auto-topup';
import { AutoTopupStore } from './rule-store';

export interface RuleActionDeps {
  storage: KeyValueStorage;
  clock: Clock;
  random: () => number;
  papay: PapayService;
}

export type OpenError = 'duplicate' | 'sign_failed' | 'save_failed';
export type CancelError = 'not_found' | 'terminate_failed' | 'save_failed';

/** How the contract is named in WeChat's 自动续费 list. */
export function contractName(phone: string): string {
  return `话费自动充值 · ${maskPhone(phone)}`;
}

/** Signs the contract for a validated draft and keeps the new, active rule. */
export async function openRule(deps: RuleActionDeps, draft: RuleDraft): Promise<Result<AutoTopupRule, OpenError>> {
  const store = new AutoTopupStore(deps.storage, deps.clock);
  if (store.liveRuleFor(draft.phone)) return { ok: false, error: 'duplicate', message: '这个号码已经开通了自动充值，可以在设置页暂停或取消后重新设置' };
  const now = deps.clock.now();
  const contractCode = newContractCode(now, deps.random);
  const signed = await deps.papay.sign({
    contractCode,
    displayName: contractName(draft.phone),
    phone: draft.phone,
    perCharge: draft.topup.amount,
    monthlyCap: draft.monthlyCap,
  });
  if (!signed.ok) return { ok: false, error: 'sign_failed', message: `开通失败：${signed.message}` };
  const signedAt = deps.clock.now();
  const rule = createRule(draft, { id: newRuleId(signedAt, deps.random), contract: { code: contractCode, id: signed.value.contractId, signedAt: signed.value.signedAt }, now: signedAt });
  const saved = store.add(rule);
  if (!saved.ok) {
    // A contract with no rule behind it must not stay open.
    const undone = await deps.papay.terminate(signed.value.contractId, '自动充值设置没有保存');
    const tail = undone.ok ? '刚才的免密支付已撤销' : '请到 微信 → 我 → 服务 → 钱包 → 支付设置 → 自动续费 中关闭刚才的免密支付';
    return { ok: false, error: 'save_failed', message: `自动充值没有开通：${saved.message}。${tail}` };
  }
  return { ok: true, value: rule };
}

/** Pauses or resumes a live rule (the contract stays). */
export function setPaused(deps: Pick<RuleActionDeps, 'storage' | 'clock'>, ruleId: string, paused: boolean): Result<AutoTopupRule, 'not_found' | 'illegal_change' | 'save_failed'> {
  const store = new AutoTopupStore(deps.storage, deps.clock);
  const rule = store.get(ruleId);
  if (!rule) return { ok: false, error: 'not_found', message: '没有找到这条自动充值设置，请返回重试' };
  const changed = changeRuleState(rule, paused ? 'pause' : 'resume', deps.clock.now());
  if (!changed.ok) return changed;
  const saved = store.update(changed.value);
  if (!saved.ok) return { ok: false, error: 'save_failed', message: saved.message };
  return { ok: true, value: changed.value };
}

/** Ends the rule and its contract. */
export async function cancelRule(deps: RuleActionDeps, ruleId: string): Promise<Result<AutoTopupRule, CancelError>> {
  const store = new AutoTopupStore(deps.storage, deps.clock);
  let rule = store.get(ruleId);
  if (!rule || rule.state === 'cancelled') return { ok: false, error: 'not_found', message: '这条自动充值已经取消了' };
  if (rule.state === 'active') {
    const paused = changeRuleState(rule, 'pause', deps.clock.now());
    if (paused.ok && store.update(paused.value).ok) rule = paused.value;
  }
  const ended = rule.contract.id ? await deps.papay.terminate(rule.contract.id, '用户取消自动充值') : { ok: true as const, value: undefined };
  if (!ended.ok && ended.error !== 'not_found') {
    const stopped = rule.state === 'paused' ? '自动充值已先暂停，不会再扣款；' : '';
    return { ok: false, error: 'terminate_failed', message: `取消没有完成：${ended.message}。${stopped}请稍后再点一次「取消自动充值」` };
  }
  const cancelled = changeRuleState(rule, 'cancel', deps.clock.now());
  if (!cancelled.ok) return { ok: false, error: 'save_failed', message: cancelled.message };
  const saved = store.update(cancelled.value);
  if (!saved.ok) return { ok: false, error: 'save_failed', message: `委托代扣已解除，不会再扣款；但取消状态没有保存：${saved.message}` };
  return { ok: true, value: cancelled.value };
}

/** 每次 ¥50，每月最多 ¥100: the limits named on the contract page. */
export function contractLimits(draft: Pick<RuleDraft, 'topup' | 'monthlyCap'>): string {
  return `单次最多 ${formatMoneyCompact(draft.topup.amount)}，每月最多 ${formatMoneyCompact(draft.monthlyCap)}`;
}
