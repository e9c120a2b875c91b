/** What the record store tells the user when a write does not happen (Chinese, says what to do). */
import type { Result } from '../../core/types';
import type { QuarantinedEntry, RecordStoreError } from '../contracts';

export const RECORD_MESSAGES = {
  quota: '手机上的小程序存储空间已满，这笔记录没有保存（已有记录不受影响）。请在微信“设置 → 通用 → 存储空间”清理后重试',
  item_too_large: '这笔记录的数据过大，没有保存（已有记录不受影响）',
  failed: '保存记录失败，请稍后重试（已有记录不受影响）',
  not_found: '找不到这条记录，可能已被删除',
  duplicate: '这笔订单已经记录过了，没有重复保存',
  unavailable: '暂时读不到手机存储，为保护已有记录，这笔没有保存，请稍后重试',
  invalid: '订单数据不完整，没有保存',
  frozen: '这条记录所在的数据有损坏，存储空间不足时无法修改；请清理存储空间后重试',
} as const;

/** The launch toast while the store is read-only. */
export const READ_ONLY_NOTICE = '暂时读不到手机存储，记录只能查看、暂不能支付，请稍后重开小程序';

export function recordFailure(error: RecordStoreError, message?: string): Result<never, RecordStoreError> {
  return { ok: false, error, message: message ?? RECORD_MESSAGES[error] };
}

/**
 * One short sentence for a toast about what was found: how many orders it touched (when
 * known), and that the rest are whole. The records page lists the details.
 */
export function damageNotice(entries: readonly QuarantinedEntry[]): string | undefined {
  if (!entries.length) return undefined;
  const orders = entries.reduce((sum, e) => sum + (e.orders ?? 0), 0);
  const counted = entries.every((e) => e.orders !== undefined);
  if (counted && !orders) return `有 ${entries.length} 处记录索引损坏，已重建，订单都完好`;
  const what = counted ? `${orders} 笔订单的记录` : `${entries.length} 处记录数据`;
  return `有 ${what}损坏或丢失，详情见“记录”页，其余记录完好`;
}
