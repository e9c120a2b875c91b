/**
 * One state for a card's reminders, in the words the card page shows: when it will ring
 * and for what, through which channel — and no promise while no channel is set up — and
 * whether the phone-calendar event or the one-time subscription is still for the current
 * date. Pure: the card, its deadline and today come in.
 */
import type { BoundCard, ChinaDate } from '../../core/types';
import { formatChinaDate } from '../../core/dates';
import type { KeepDeadline } from '../../core/keep-deadline';
import { REMINDER_HOUR, planReminder, type ReminderPlan } from './core/reminder-plan';

export interface ReminderView {
  /** The main line: when, for what, through which channel (or that none is set up). */
  note: string;
  /** Whether the note is a call to set something up (shown in the warning colour). */
  needsChannel: boolean;
  calendarNote: string;
  calendarLabel: string;
  /** A subscription stands for the current date and has not been sent yet. */
  subscribed: boolean;
  subscribeLabel: string;
  subscriptionNote: string;
  /** The reminder to add or subscribe to; null when none can be set... */
  plan: ReminderPlan | null;
  /** ...and then what to do first, for a tap on 添加到手机日历 or 订阅 ('' with a plan). */
  blocked: string;
}

const at = (day: ChinaDate): string => `${formatChinaDate(day)} ${String(REMINDER_HOUR).padStart(2, '0')}:00`;

function forWhat(deadline: KeepDeadline, actBy: ChinaDate): string {
  const date = formatChinaDate(actBy);
  switch (deadline.reason) {
    case 'grace_end':
      return `续费保号（${date} 之后号码可能被回收）`;
    case 'zero_balance_window':
      return `充值（最晚 ${date}，否则停号）`;
    case 'suspended':
      return '充值恢复（号码已停机）';
    default:
      return `续费（${date} 到期）`;
  }
}

/** Whether the stored calendar event is the one the current plan would add. */
function calendarIsCurrent(card: BoundCard, plan: ReminderPlan | null): boolean {
  return plan !== null && card.calendar !== undefined && card.calendar.remindOn === plan.remindOn && card.calendar.actBy === plan.actBy;
}

/** A one-time subscription counts until its day has passed (it was sent then), and only for the date it was for. */
export function subscriptionIsCurrent(card: BoundCard, plan: ReminderPlan | null, today: ChinaDate): boolean {
  const sub = card.subscription;
  return plan !== null && sub !== undefined && sub.actBy === plan.actBy && today <= sub.remindOn;
}

function calendarLine(card: BoundCard, plan: ReminderPlan | null, current: boolean): string {
  if (plan === null) return '';
  if (current) return `已添加到手机日历：${at(plan.remindOn)} 会响铃提醒`;
  if (card.calendar) {
    return `手机日历里的提醒在 ${formatChinaDate(card.calendar.remindOn)}，现在应在 ${formatChinaDate(plan.remindOn)}，请点“更新手机日历”（原来那条请在日历中删除）`;
  }
  if (card.calendarAddedFor) return `以前为 ${formatChinaDate(card.calendarAddedFor)} 到期添加过手机日历提醒，日期可能已经不对，请点“更新手机日历”`;
  return '';
}

function subscriptionLine(card: BoundCard, current: boolean, today: ChinaDate): string {
  if (current) return '';
  const sub = card.subscription;
  if (sub) {
    const used = today > sub.remindOn ? '，已经在那时发过' : '';
    return `之前订阅的微信提醒是为 ${formatChinaDate(sub.actBy)} 准备的${used}。每次订阅只发一次，需要的话请重新订阅`;
  }
  return card.subscribed ? '之前订阅过一次微信提醒，不知道是为哪个日期订的，需要的话请重新订阅' : '';
}

export function reminderView(card: BoundCard, deadline: KeepDeadline | null, today: ChinaDate): ReminderView {
  const planned = deadline ? planReminder(card, deadline, today) : null;
  const plan = planned && planned.ok ? planned.value : null;
  const calendarCurrent = calendarIsCurrent(card, plan);
  const subscribed = subscriptionIsCurrent(card, plan, today);
  const hasCalendar = card.calendar !== undefined || card.calendarAddedFor !== undefined;

  let note: string;
  let needsChannel = false;
  if (card.remindDaysBefore === null) {
    note = hasCalendar ? '已关闭到期提醒。手机日历里已添加的提醒不会自动删除，不需要的话请在日历中删掉' : '已关闭到期提醒';
  } else if (!planned || !planned.ok || !deadline || plan === null) {
    note = planned && !planned.ok ? planned.message : '还不知道这张卡的到期日，请下拉刷新查询后再设置提醒';
  } else {
    const moved = plan.movedToToday ? '（离期限已不足所选天数，改为今天提醒）' : '';
    const channels = [calendarCurrent ? '手机日历' : '', subscribed ? '微信服务通知' : ''].filter(Boolean);
    if (channels.length === 0) {
      needsChannel = true;
      note = `还没有设置提醒方式：添加到手机日历或订阅微信提醒后，才会在 ${at(plan.remindOn)} 提醒你${forWhat(deadline, plan.actBy)}`;
    } else {
      note = `将在 ${at(plan.remindOn)} 通过${channels.join('和')}提醒你${forWhat(deadline, plan.actBy)}${moved}`;
    }
  }

  return {
    note,
    needsChannel,
    calendarNote: calendarLine(card, plan, calendarCurrent),
    calendarLabel: calendarCurrent ? '已添加到手机日历' : hasCalendar && plan ? '更新手机日历' : '添加到手机日历',
    subscribed,
    subscribeLabel: subscribed ? '已订阅微信提醒' : '订阅微信提醒',
    subscriptionNote: plan ? subscriptionLine(card, subscribed, today) : '',
    plan,
    blocked: plan ? '' : planned && !planned.ok ? planned.message : '还不知道这张卡的到期日，请下拉刷新查询后再设置提醒',
  };
}
