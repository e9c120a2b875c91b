/**
 * What the card's 自动充值 row says: whether a rule is on, paused or off, and when the
 * last automatic top-up failed, why — so a failure told once as a toast (which the user
 * may have missed) stays visible where the rule is set. Pure: it reads the stored rules
 * and executions as they are (the autotopup subpackage owns and repairs them), and
 * anything it cannot read counts as no rule.
 */
export interface AutoTopupStatus {
  label: string;
  /** A failure or a pause the user should act on: shown in the warning colour. */
  warn: boolean;
}

export const NO_RULE_LABEL = '余额不足或每月固定日期自动充值，可随时暂停、取消';

interface RuleShape {
  id: string;
  phone: string;
  state: string;
  pausedBy?: string;
  updatedAt?: number;
}

interface ExecutionShape {
  ruleId: string;
  outcome: string;
  startedAt: number;
  failureReason?: string;
}

function listOf(raw: unknown, field: 'rules' | 'executions'): unknown[] {
  const list = (raw as Record<string, unknown> | null | undefined)?.[field];
  return Array.isArray(list) ? list : [];
}

const isRule = (v: unknown): v is RuleShape => typeof v === 'object' && v !== null && typeof (v as RuleShape).id === 'string' && typeof (v as RuleShape).phone === 'string' && typeof (v as RuleShape).state === 'string';
const isExecution = (v: unknown): v is ExecutionShape =>
  typeof v === 'object' && v !== null && typeof (v as ExecutionShape).ruleId === 'string' && typeof (v as ExecutionShape).outcome === 'string' && typeof (v as ExecutionShape).startedAt === 'number';

export function autoTopupStatus(phone: string, rulesRaw: unknown, executionsRaw: unknown): AutoTopupStatus {
  const rule = listOf(rulesRaw, 'rules')
    .filter(isRule)
    .filter((r) => r.phone === phone && r.state !== 'cancelled')
    .sort((a, b) => (b.updatedAt ?? 0) - (a.updatedAt ?? 0))[0];
  if (!rule) return { label: NO_RULE_LABEL, warn: false };
  const last = listOf(executionsRaw, 'executions')
    .filter(isExecution)
    .filter((e) => e.ruleId === rule.id)
    .sort((a, b) => b.startedAt - a.startedAt)[0];
  const reason = last && last.outcome === 'failed' ? last.failureReason || '原因未知' : '';
  const failed = reason ? `上次自动充值失败：${reason}` : '';
  if (rule.state === 'paused' && rule.pausedBy === 'failures') return { label: `已暂停：连续 3 次自动充值失败${reason ? `（${reason}）` : ''}，请检查后重新开启`, warn: true };
  if (rule.state === 'paused') return { label: '已暂停，点此恢复或修改', warn: false };
  if (failed) return { label: `已开启 · ${failed}`, warn: true };
  return { label: '已开启，点此查看或修改', warn: false };
}
