import { isUnsettled } from '../../core/order';
import type { Order } from '../../core/types';
import type { DeviceService, RecordStore } from '../contracts';

/**
 * Deleting a record is the one way a user can lose a receipt, so both the list and the
 * voucher go through here: an order whose money may still move cannot be deleted, and
 * every deletion is confirmed with the order number in view. Resolves true once deleted.
 */
export async function deleteRecordWithConsent(order: Order, deps: { records: RecordStore; device: DeviceService }): Promise<boolean> {
  const { records, device } = deps;
  if (isUnsettled(order.state)) {
    device.toast('这笔订单还在处理中（已扣款或结果待确认），处理完成后才能删除');
    return false;
  }
  const confirmed = await device.confirm({
    title: '删除这条记录？',
    content: `订单 ${order.id}（${order.product.title}）将从本机删除，删除后无法恢复。如需报销或核对，请先复制订单号或截图保存凭证。`,
    confirmText: '删除',
  });
  if (!confirmed) return false;
  const removed = records.remove(order.id);
  if (!removed.ok) {
    device.toast(removed.message);
    return false;
  }
  device.toast('已删除', 'success');
  return true;
}
