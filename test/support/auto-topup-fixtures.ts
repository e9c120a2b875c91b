/** 自动充值 rules made the way the signing page makes them: a checked draft, a signed contract, the store. */
import type { TestApp } from './app';
import { validateRuleDraft, type AutoTopupRule, type RuleDraftInput } from '../../miniprogram/pages/autotopup/core/auto-topup';
import { openRule } from '../../miniprogram/pages/autotopup/engine/rule-actions';
import { AutoTopupStore } from '../../miniprogram/pages/autotopup/engine/rule-store';

export const MONTHLY_25: RuleDraftInput = { phone: '13800138000', carrier: 'cmcc', trigger: { kind: 'monthly', day: 25 }, topup: 'cmcc-recharge-50', monthlyCap: '100' };
/** 18600186002 has ¥3.20 on the offline carrier. */
export const LOW_BALANCE: RuleDraftInput = { phone: '18600186002', carrier: 'cucc', trigger: { kind: 'low_balance', below: '10' }, topup: 'cucc-recharge-50', monthlyCap: '100' };

export async function ruleFor(app: TestApp, input: RuleDraftInput): Promise<AutoTopupRule> {
  const draft = validateRuleDraft(input);
  if (!draft.ok) throw new Error(draft.message);
  const opened = await openRule(app.services, draft.value);
  if (!opened.ok) throw new Error(opened.message);
  return opened.value;
}

export function ruleStore(app: TestApp): AutoTopupStore {
  return new AutoTopupStore(app.services.storage, app.services.clock);
}
