/**
 * Expiry reminders for a bound card, as pure rules: the day to remind on, the
 * phone-calendar event, and the keep-number warning. Today comes in as an argument;
 * pages/card/reminders.ts hands a finished plan to the device.
 */
import type { BoundCard, CalendarEvent, ChinaDate, Result } from './types';
import { CARRIERS, isCarrierId } from './carriers';
import { addDays, chinaDateToEpochSec, daysBetween, expiryState, formatChinaDate, isChinaDate } from './dates';
import { GRACE_DAYS } from './catalog';
import { maskPhone } from './phone';

export type RemindDays = 1 | 3 | 7;
export const REMIND_CHOICES: readonly (RemindDays | null)[] = [1, 3, 7, null];
/** The calendar event starts at 09:00 China time on the reminder day... */
export const REMINDER_HOUR = 9;
/** ...and the phone rings at the event's start (offset 0 seconds before it). */
export const ALARM_OFFSET_SEC = 0;

export type ReminderError = 'off' | 'no_expiry' | 'expired';

const REMINDER_MESSAGES: Record<ReminderError, string> = {
  off: '这张卡没有开启到期提醒，请先选择提前几天提醒',
  no_expiry: '还不知道这张卡的到期日，请下拉刷新查询后再设置提醒',
  expired: '这张卡已经过期，不需要再提醒，请尽快续费',
};

export interface ReminderPlan {
  expiry: ChinaDate;
  /** The day the reminder fires. */
  remindOn: ChinaDate;
  /** True when "N days before" had already passed, so the reminder moved to today. */
  movedToToday: boolean;
  event: CalendarEvent;
}

/** 到期前 3 天 / 不提醒. */
export function remindLabel(days: RemindDays | null): string {
  return days === null ? '不提醒' : `到期前 ${days} 天`;
}

/** The day N days before expiry. Null for a value that is not a date. */
export function reminderDate(expiry: ChinaDate, daysBefore: RemindDays): ChinaDate | null {
  return isChinaDate(expiry) ? addDays(expiry, -daysBefore) : null;
}

function graceDaysOf(card: BoundCard): number | undefined {
  return isCarrierId(card.carrier) ? GRACE_DAYS[card.carrier] : undefined;
}

function whatToDo(card: BoundCard): string {
  const hotline = isCarrierId(card.carrier) ? CARRIERS[card.carrier].hotline : '';
  const keep = card.cardType === 'keep';
  const lines = [
    keep
      ? '这是保号卡：请在到期前续费保号套餐，过期停机后一段时间不续费，号码会被回收。'
      : '请在到期前充值续期，以免停机。',
    '打开「卡续费」小程序 → 首页 → 点这张卡的“续费”，付款前核对号码。',
  ];
  if (hotline) lines.push(`有疑问可拨打运营商客服 ${hotline}。`);
  return lines.join('\n');
}

/** 【保号提醒】138****8000 将于 2026年12月1日 到期 (续费提醒 for cards other than keep-number ones). */
export function reminderTitle(card: BoundCard, expiry: ChinaDate): string {
  const tag = card.cardType === 'keep' ? '【保号提醒】' : '【续费提醒】';
  const name = card.nickname ? `${card.nickname} ` : '';
  return `${tag}${name}${maskPhone(card.phone)} 将于 ${formatChinaDate(expiry)} 到期`;
}

/**
 * The reminder for a card expiring on `expiry`, N days before (the card's own setting,
 * or `daysBefore` when given). A reminder day already past moves to today.
 */
export function planReminder(
  card: BoundCard,
  expiry: ChinaDate | undefined,
  today: ChinaDate,
  daysBefore: RemindDays | null = card.remindDaysBefore,
): Result<ReminderPlan, ReminderError> {
  if (daysBefore === null) return reject('off');
  if (!expiry || !isChinaDate(expiry) || !isChinaDate(today)) return reject('no_expiry');
  if (daysBetween(today, expiry) < 0) return reject('expired');
  const wanted = addDays(expiry, -daysBefore);
  const movedToToday = daysBetween(today, wanted) < 0;
  const remindOn = movedToToday ? today : wanted;
  const event: CalendarEvent = {
    title: reminderTitle(card, expiry),
    description: whatToDo(card),
    startTime: chinaDateToEpochSec(remindOn, REMINDER_HOUR),
    allDay: false,
    alarmOffsetSec: ALARM_OFFSET_SEC,
  };
  return { ok: true, value: { expiry, remindOn, movedToToday, event } };
}

function reject(error: ReminderError): Result<never, ReminderError> {
  return { ok: false, error, message: REMINDER_MESSAGES[error] };
}

export type KeepWarningLevel = 'due' | 'overdue' | 'recycle_risk';

export interface KeepNumberWarning {
  level: KeepWarningLevel;
  message: string;
}

/**
 * Keep-number cards exist only to keep the number alive, so missing the renewal loses
 * the number itself. Warns from the card's reminder window (at least 7 days) before
 * expiry, and more urgently once expired.
 */
export function keepNumberWarning(card: BoundCard, expiry: ChinaDate | undefined, today: ChinaDate): KeepNumberWarning | null {
  if (card.cardType !== 'keep' || !expiry || !isChinaDate(expiry) || !isChinaDate(today)) return null;
  const soonDays = Math.max(7, card.remindDaysBefore ?? 0);
  const graceDays = graceDaysOf(card);
  const state = expiryState(expiry, today, { soonDays, graceDays });
  const date = formatChinaDate(expiry);
  switch (state.status) {
    case 'active':
      return null;
    case 'expiring':
      return {
        level: 'due',
        message:
          state.daysLeft === 0
            ? `保号套餐今天（${date}）到期，请今天续费，以免停机后号码被回收`
            : `保号套餐 ${date} 到期，还剩 ${state.daysLeft} 天，请在到期前续费，以免号码被回收`,
      };
    case 'expired':
      return {
        level: 'overdue',
        message: `保号套餐已过期 ${-state.daysLeft} 天，号码可能已停机；再过 ${state.daysUntilRecycle} 天不续费，号码将被回收，请尽快续费`,
      };
    case 'recycle_risk':
      return {
        level: 'recycle_risk',
        message:
          state.daysUntilRecycle !== null && state.daysUntilRecycle >= 0
            ? `号码还有 ${state.daysUntilRecycle} 天就会被回收，请立即续费保号套餐，或到营业厅办理`
            : '号码可能已被运营商回收，请尽快拨打客服电话或到营业厅确认',
      };
  }
}

