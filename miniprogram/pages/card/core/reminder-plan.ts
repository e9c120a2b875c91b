/**
 * A bound card's reminder, as pure rules: the day it rings and the phone-calendar event,
 * both following the card's keep-number deadline (core/keep-deadline.ts), the same date
 * the 保号计划 shows. So an expired card is still reminded during its grace, before its
 * number may be recycled, and a Smart number before its 120 days run out.
 *
 * Pure rules like core/ (the same lint wall holds), kept in the card page's folder because
 * only this page sets reminders: outside a subpackage's folder they would ship in the main
 * package. Today comes in as an argument; device-reminders.ts hands a plan to the device.
 */
import type { BoundCard, CalendarEvent, ChinaDate, Result } from '../../../core/types';
import { CARRIERS, isCarrierId } from '../../../core/carriers';
import { addDays, chinaDateToEpochSec, formatChinaDate } from '../../../core/dates';
import { keepReminderDay, type KeepDeadline } from '../../../core/keep-deadline';
import { maskPhone } from '../../../core/phone';

export type RemindDays = 1 | 3 | 7;
export const REMIND_CHOICES: readonly (RemindDays | null)[] = [1, 3, 7, null];
/** The calendar event starts at 09:00 China time on the reminder day... */
export const REMINDER_HOUR = 9;
/** ...and the phone rings at the event's start (offset 0 seconds before it). */
export const ALARM_OFFSET_SEC = 0;

export type ReminderError = 'off' | 'no_expiry' | 'maybe_lost';

export interface ReminderPlan {
  /** The date the reminder is for (the deadline's actBy). */
  actBy: ChinaDate;
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

function hotlineOf(card: BoundCard): string {
  return isCarrierId(card.carrier) ? CARRIERS[card.carrier].hotline : '';
}

function messages(card: BoundCard): Record<ReminderError, string> {
  return {
    off: '这张卡没有开启到期提醒，请先选择提前几天提醒',
    no_expiry: '还不知道这张卡的到期日，请下拉刷新查询后再设置提醒',
    maybe_lost: `号码可能已被运营商回收，先拨打 ${hotlineOf(card) || '运营商客服'} 确认号码还在，再设置提醒`,
  };
}

function reject(card: BoundCard, error: ReminderError): Result<never, ReminderError> {
  return { ok: false, error, message: messages(card)[error] };
}

/** What the reminder is about, for the event title: 【保号提醒】爸爸 138****8000 将于 2026年12月1日 到期. */
export function reminderTitle(card: BoundCard, deadline: KeepDeadline): string {
  const who = `${card.nickname ? `${card.nickname} ` : ''}${maskPhone(card.phone)}`;
  const date = deadline.actBy ? formatChinaDate(deadline.actBy) : '';
  switch (deadline.reason) {
    case 'suspended':
      return `【停机提醒】${who} 已停机，请尽快充值恢复`;
    case 'grace_end':
      return `【保号提醒】${who} 已停机，${date} 前续费才能保住号码`;
    case 'zero_balance_window':
      return `【保号提醒】${who} 最晚 ${date} 前充值，否则停号`;
    default:
      return `${card.cardType === 'keep' ? '【保号提醒】' : '【续费提醒】'}${who} 将于 ${date} 到期`;
  }
}

function whatToDo(card: BoundCard, deadline: KeepDeadline): string {
  const lines: string[] = [];
  if (deadline.reason === 'grace_end' && deadline.lastDayToSave) {
    lines.push(`这张卡已过期停机。${formatChinaDate(deadline.lastDayToSave)} 之后还不续费，号码可能被运营商回收，之后就找不回来了。`);
  } else if (deadline.reason === 'zero_balance_window') {
    lines.push('Smart 号码余额为 0 后只保留 120 天，期限内充值（load）任意金额即可重新计算。');
  } else if (deadline.reason === 'suspended') {
    lines.push('号码已停机，充值补足欠费后会恢复；停机太久号码可能被回收。');
  } else if (card.cardType === 'keep') {
    lines.push('这是保号卡：请在到期前续费保号套餐，过期停机后一段时间不续费，号码会被回收。');
  } else {
    lines.push('请在到期前充值续期，以免停机。');
  }
  lines.push('打开「卡续费」小程序 → 首页 → 点这张卡的“续费”，付款前核对号码。');
  const hotline = hotlineOf(card);
  if (hotline) lines.push(`有疑问可拨打运营商客服 ${hotline}。`);
  return lines.join('\n');
}

/**
 * The reminder for a card, N days before its deadline (the card's own setting, or
 * `daysBefore` when given). A reminder day already past moves to today. A number that
 * may be recycled gets no reminder: the user must first check the number still exists.
 */
export function planReminder(card: BoundCard, deadline: KeepDeadline, today: ChinaDate, daysBefore: RemindDays | null = card.remindDaysBefore): Result<ReminderPlan, ReminderError> {
  if (daysBefore === null) return reject(card, 'off');
  if (!deadline || deadline.status === 'unknown' || deadline.actBy === null) return reject(card, 'no_expiry');
  if (deadline.status === 'maybe_lost') return reject(card, 'maybe_lost');
  const remindOn = keepReminderDay(deadline, daysBefore, today);
  if (remindOn === null) return reject(card, 'no_expiry');
  const event: CalendarEvent = {
    title: reminderTitle(card, deadline),
    description: whatToDo(card, deadline),
    startTime: chinaDateToEpochSec(remindOn, REMINDER_HOUR),
    allDay: false,
    alarmOffsetSec: ALARM_OFFSET_SEC,
  };
  const movedToToday = remindOn === today && addDays(deadline.actBy, -daysBefore) < today;
  return { ok: true, value: { actBy: deadline.actBy, remindOn, movedToToday, event } };
}
