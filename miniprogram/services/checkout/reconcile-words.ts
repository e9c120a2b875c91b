/**
 * What the launch check tells the user about the orders it settled: which order and what
 * became of it, not only how many were checked.
 */
import { stateLabel } from '../../core/order';
import type { ReconcileReport } from '../contracts';

/** '订单尾号 123456 已核对：充值成功'; '已核对 2 笔订单：1 笔充值成功，1 笔已取消'; '' when nothing settled. */
export function reconcileSummary(report: ReconcileReport | null | undefined): string {
  const settled = report && Array.isArray(report.settled) ? report.settled : [];
  if (settled.length === 0) return '';
  if (settled.length === 1) return `订单尾号 ${String(settled[0].id).slice(-6)} 已核对：${stateLabel(settled[0].to)}`;
  const counts = new Map<string, number>();
  for (const entry of settled) counts.set(stateLabel(entry.to), (counts.get(stateLabel(entry.to)) ?? 0) + 1);
  const parts = [...counts.entries()].map(([label, count]) => `${count} 笔${label}`);
  return `已核对 ${settled.length} 笔订单：${parts.join('，')}`;
}
