/** What the record store tells the user when a write does not happen (Chinese, says what to do). */
import type { Result } from '../../core/types';
import type { RecordStoreError } from '../contracts';

export const RECORD_MESSAGES = {
  quota: '手机上的小程序存储空间已满，这笔记录没有保存（已有记录不受影响）。请在微信“设置 → 通用 → 存储空间”清理后重试',
  item_too_large: '这笔记录的数据过大，没有保存（已有记录不受影响）',
  failed: '保存记录失败，请稍后重试（已有记录不受影响）',
  not_found: '找不到这条记录，可能已被删除',
  duplicate: '这笔订单已经记录过了，没有重复保存',
  invalid: '订单数据不完整，没有保存',
  frozen: '这条记录所在的数据有损坏，存储空间不足时无法修改；请清理存储空间后重试',
  held: '记录数据需要先整理，但存储空间不足；请清理微信存储空间后重新打开小程序',
} as const;

export function recordFailure(error: RecordStoreError, message?: string): Result<never, RecordStoreError> {
  return { ok: false, error, message: message ?? RECORD_MESSAGES[error] };
}
