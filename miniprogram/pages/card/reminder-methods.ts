/**
 * The card page's reminders: the day chosen (N days before the date to act by), the phone
 * calendar event and the one-time subscription message, each for the date that holds now.
 * Ready to spread into the page's Component methods (`methods: { ...reminderMethods }`).
 */
import type { BoundCard } from '../../core/types';
import { chinaToday, formatChinaDate } from '../../core/dates';
import { keepDeadline } from '../../core/keep-deadline';
import { services } from '../../services/container';
import { reminderView, type ReminderView } from './reminder-view';
import { addEventToCalendar, subscribeExpiryReminder } from './device-reminders';
import { remindDays, remindName } from './remind-choice';

export function today(): string {
  return chinaToday(services().clock.now());
}

/** The card's reminder state as of today (its date to act by is the 保号计划's). */
export function remindersOf(card: BoundCard): ReminderView {
  const found = keepDeadline(card, { today: today(), zeroBalanceSince: card.zeroBalanceSince ? { [card.phone]: card.zeroBalanceSince } : undefined });
  return reminderView(card, found.ok ? found.value : null, today());
}

interface Host {
  setData(data: Record<string, unknown>): void;
  /** The page's: the card as stored now, its update (false after saying why not), and its message line. */
  card(): BoundCard | undefined;
  save(patch: Partial<BoundCard>): boolean;
  say(message: string, kind: 'info' | 'error'): void;
  unsay(): void;
  showCard(): void;
  onAddCalendar(): Promise<void>;
}

export const reminderMethods = {
  /**
   * A new choice moves the reminder day. 不提醒 also drops the subscription (the message
   * will not be sent); a calendar event for the old day is offered an update.
   */
  async onRemindChange(this: Host, event: { detail: unknown }) {
    const days = remindDays(event.detail);
    const before = this.card();
    if (!before) return;
    const patch: Partial<BoundCard> = { remindDaysBefore: days };
    if (days === null) Object.assign(patch, { subscription: undefined, subscribed: undefined });
    if (!this.save(patch)) return;
    this.setData({ remind: remindName(days) });
    const card = this.card();
    if (!card) return;
    const view = remindersOf(card);
    // An unsent subscription follows the new day (the message is sent on the reminder day).
    if (days !== null && before.subscription && view.plan && before.subscription.actBy === view.plan.actBy && today() <= before.subscription.remindOn) {
      this.save({ subscription: { ...before.subscription, remindOn: view.plan.remindOn } });
    }
    this.unsay();
    this.showCard();
    if (days === null && (before.subscription || before.subscribed)) this.say('已关闭到期提醒，也不会再发微信提醒。手机日历里的提醒请在日历中删除', 'info');
    if (days !== null && card.calendar && view.plan && card.calendar.remindOn !== view.plan.remindOn) {
      const update = await services().device.confirm({
        title: '更新手机日历里的提醒？',
        content: `提醒日改为 ${formatChinaDate(view.plan.remindOn)}。原来 ${formatChinaDate(card.calendar.remindOn)} 的那条不会自动删除，可以在日历中删掉。`,
        confirmText: '更新',
        cancelText: '先不用',
      });
      if (update) await this.onAddCalendar();
    }
  },

  async onAddCalendar(this: Host) {
    const card = this.card();
    if (!card) return;
    const view = remindersOf(card);
    if (!view.plan) {
      this.say(view.blocked, 'error');
      return;
    }
    const replaced = card.calendar !== undefined || card.calendarAddedFor !== undefined;
    const added = await addEventToCalendar(services().device, view.plan.event);
    if (!added.ok) {
      this.say(added.message, 'error');
      return;
    }
    if (!this.save({ calendar: { remindOn: view.plan.remindOn, actBy: view.plan.actBy }, calendarAddedFor: undefined })) return;
    this.showCard();
    this.say(`已添加到手机日历：${formatChinaDate(view.plan.remindOn)} 会提醒你${replaced ? '（原来那条请在日历中删除）' : ''}`, 'info');
  },

  async onSubscribe(this: Host) {
    const card = this.card();
    if (!card) return;
    const view = remindersOf(card);
    if (!view.plan) {
      this.say(view.blocked, 'error');
      return;
    }
    const accepted = await subscribeExpiryReminder(services().device);
    if (!accepted) {
      this.say('你没有允许订阅消息，所以不会收到微信提醒。可以再点一次并选“允许”，或添加到手机日历', 'error');
      return;
    }
    const subscription = { actBy: view.plan.actBy, remindOn: view.plan.remindOn, at: services().clock.now() };
    if (!this.save({ subscription, subscribed: undefined })) return;
    this.showCard();
    this.say(`已订阅：${formatChinaDate(view.plan.remindOn)} 会收到一次微信服务通知`, 'info');
  },
};
