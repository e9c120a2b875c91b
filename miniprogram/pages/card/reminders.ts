/**
 * Expiry reminders handed to the device: the phone calendar and WeChat's one-time
 * subscription message. The plans themselves are core's (core/reminders.ts).
 *
 * Kept beside the card page, its only user, so the main package does not carry it
 * (DevTools' audit: no main-package JS that only subpackages use). When a main-package
 * page asks for reminders too, it moves back to services/cards/.
 */
import type { BoundCard, ChinaDate, Result } from '../../core/types';
import { planReminder, type ReminderError, type ReminderPlan } from '../../core/reminders';
import type { DeviceService } from '../../services/contracts';

/**
 * One-time subscription message template for "card expires soon". A placeholder: the
 * real id comes from the WeChat admin console (订阅消息 → 选用模板) when a server exists.
 */
export const EXPIRY_TEMPLATE_ID = 'MOCK-TMPL-card-expiry-reminder';

/** Puts the reminder in the phone's calendar; a denied permission comes back with how to allow it. */
export async function addReminderToCalendar(
  device: DeviceService,
  card: BoundCard,
  expiry: ChinaDate | undefined,
  today: ChinaDate,
): Promise<Result<ReminderPlan, ReminderError | 'denied' | 'failed'>> {
  const plan = planReminder(card, expiry, today);
  if (!plan.ok) return plan;
  const added = await device.addCalendar(plan.value.event);
  if (added.ok) return plan;
  if (added.error === 'denied') {
    return {
      ok: false,
      error: 'denied',
      message: '没有日历权限。请点右上角“···” → 设置，打开“添加到日历”后再试',
    };
  }
  return { ok: false, error: 'failed', message: added.message || '添加到日历失败，请稍后再试' };
}

/** Asks for the one-time expiry message; true when the user accepted it. */
export async function subscribeExpiryReminder(device: DeviceService): Promise<boolean> {
  const accepted = await device.subscribe([EXPIRY_TEMPLATE_ID]);
  return accepted.includes(EXPIRY_TEMPLATE_ID);
}
