/**
 * Reminders handed to the device: the phone calendar and WeChat's one-time subscription
 * message. The plans are reminder-plan.ts's. Only the card page sets reminders, so this
 * lives with it (in the card subpackage, not the main package).
 */
import type { CalendarEvent, Result } from '../../core/types';
import type { DeviceService } from '../../services/contracts';

/**
 * One-time subscription message template for "card expires soon". A placeholder: the
 * real id comes from the WeChat admin console (订阅消息 → 选用模板) when a server exists.
 */
export const EXPIRY_TEMPLATE_ID = 'MOCK-TMPL-card-expiry-reminder';

/** Puts an event in the phone's calendar; a denied permission comes back with how to allow it. */
export async function addEventToCalendar(device: DeviceService, event: CalendarEvent): Promise<Result<void, 'denied' | 'failed'>> {
  const added = await device.addCalendar(event);
  if (added.ok) return added;
  if (added.error === 'denied') {
    return { ok: false, error: 'denied', message: '没有日历权限。请点右上角“···” → 设置，打开“添加到日历”后再试' };
  }
  return { ok: false, error: 'failed', message: added.message || '添加到日历失败，请稍后再试' };
}

/** Asks for the one-time expiry message; true when the user accepted it. */
export async function subscribeExpiryReminder(device: DeviceService): Promise<boolean> {
  const accepted = await device.subscribe([EXPIRY_TEMPLATE_ID]);
  return accepted.includes(EXPIRY_TEMPLATE_ID);
}
