/**
 * The reminder radio and the reminder part of the card page's data, as pure translations:
 * radio names are strings ('1' / '3' / '7' / 'off'), the card keeps days or null, and the
 * view's plan and blocked message stay with the page (they are for taps, not for display).
 */
import type { RemindDays } from './core/reminder-plan';
import type { ReminderView } from './reminder-view';

export type RemindName = '1' | '3' | '7' | 'off';

export function remindName(days: RemindDays | null): RemindName {
  return days === null ? 'off' : (String(days) as RemindName);
}

/** Anything that is not one of the radio's day names means 不提醒. */
export function remindDays(name: unknown): RemindDays | null {
  return name === '1' ? 1 : name === '3' ? 3 : name === '7' ? 7 : null;
}

export type ShownReminders = Omit<ReminderView, 'plan' | 'blocked'>;

/** The reminder part of the view data (a few short strings). */
export function reminderData(view: ReminderView): { reminders: ShownReminders } {
  const { plan: _plan, blocked: _blocked, ...shown } = view;
  return { reminders: shown };
}
