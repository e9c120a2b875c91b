/**
 * One bound card's settings: nickname, default, card type, reminders (N days before the
 * date to act by — the 保号计划's date — in the phone calendar and as a one-time
 * subscription message), renew and unbind. Query: { phone }.
 *
 * Reminders have one state per card (reminder-view.ts): the page never promises a
 * reminder no channel will deliver, and says when a calendar event or a subscription is
 * for a date that no longer holds (after a renewal, or a changed choice).
 */
import type { BoundCard, CardType } from '../../core/types';
import { chinaToday, formatChinaDate } from '../../core/dates';
import { keepDeadline, type KeepDeadline } from '../../core/keep-deadline';
import { maskPhone } from '../../core/phone';
import { services } from '../../services/container';
import { eventValue } from '../../lib/events';
import { lastKnownOf, lookupCard } from '../../services/cards/card-lookup';
import { privateState } from '../../lib/private-state';
import { decodeQuery } from '../../services/wx/navigator';
import { checkOptionalNickname } from '../../services/cards/card-book';
import { cardTile, type CardTile } from '../../view/card-tile';
import { CARD_TYPE_LABELS, CARD_TYPES } from '../../view/labels';
import { REMIND_CHOICES, remindLabel, type RemindDays } from './core/reminder-plan';
import { reminderView, type ReminderView } from './reminder-view';
import { addEventToCalendar, subscribeExpiryReminder } from './device-reminders';
import { autoTopupStatus, NO_RULE_LABEL, type AutoTopupStatus } from './auto-topup-status';
import { AUTO_TOPUP_EXECUTIONS_KEY, AUTO_TOPUP_RULES_KEY } from '../../services/contracts';
import { careMode } from '../../services/care/page-behavior';

/** Radio names are strings: '1' / '3' / '7' / 'off'. */
type RemindName = '1' | '3' | '7' | 'off';

function remindName(days: RemindDays | null): RemindName {
  return days === null ? 'off' : (String(days) as RemindName);
}

function remindDays(name: unknown): RemindDays | null {
  return name === '1' ? 1 : name === '3' ? 3 : name === '7' ? 7 : null;
}

interface ValueEvent {
  detail: unknown;
}

const stateOf = privateState<{ phone: string }>(() => ({ phone: '' }));

function today(): string {
  return chinaToday(services().clock.now());
}

function deadlineOf(card: BoundCard): KeepDeadline | null {
  const found = keepDeadline(card, { today: today(), zeroBalanceSince: card.zeroBalanceSince ? { [card.phone]: card.zeroBalanceSince } : undefined });
  return found.ok ? found.value : null;
}

function remindersOf(card: BoundCard): ReminderView {
  return reminderView(card, deadlineOf(card), today());
}

/** The reminder part of the view data (a few short strings). */
function reminderData(view: ReminderView): Record<string, unknown> {
  const { plan: _plan, blocked: _blocked, ...shown } = view;
  return { reminders: shown };
}

Component({
  behaviors: [careMode],
  data: {
    missing: false,
    tile: null as CardTile | null,
    message: '',
    messageKind: 'info' as 'info' | 'error',
    nickname: '',
    nicknameError: '',
    cardType: 'phone' as CardType,
    cardTypeOptions: CARD_TYPES.map((id) => ({ id, label: CARD_TYPE_LABELS[id] })),
    remind: '3' as RemindName,
    remindOptions: REMIND_CHOICES.map((days) => ({ id: remindName(days), label: remindLabel(days) })),
    reminders: null as Omit<ReminderView, 'plan' | 'blocked'> | null,
    autoTopup: { label: NO_RULE_LABEL, warn: false } as AutoTopupStatus,
  },

  methods: {
    onLoad(query: Record<string, string | undefined>) {
      stateOf(this).phone = decodeQuery(query).phone ?? '';
    },

    async onShow() {
      const card = this.card();
      if (!card) {
        this.setData({ missing: true });
        return;
      }
      this.setData({
        missing: false,
        tile: cardTile(card, today()),
        nickname: card.nickname,
        cardType: card.cardType,
        remind: remindName(card.remindDaysBefore),
        ...reminderData(remindersOf(card)),
        autoTopup: this.autoTopupStatus(card.phone),
      });
      if (!card.lastKnown) await this.refresh(card);
    },

    /** The 自动充值 row: on, paused, or the last failure and its reason (told once as a toast, kept here). */
    autoTopupStatus(phone: string): AutoTopupStatus {
      const { storage } = services();
      return autoTopupStatus(phone, storage.get(AUTO_TOPUP_RULES_KEY), storage.get(AUTO_TOPUP_EXECUTIONS_KEY));
    },

    card(): BoundCard | undefined {
      return services().cards.get(stateOf(this).phone);
    },

    /** Fetches the figures the reminders need when the card has never been looked up. */
    async refresh(card: BoundCard) {
      const { cards, clock } = services();
      const found = await lookupCard(services(), { phone: card.phone });
      if (!found.ok) {
        this.say(`暂时查不到到期日：${found.message}`, 'error');
        return;
      }
      cards.update(card.phone, { lastKnown: lastKnownOf(found.card, clock.now()) });
      this.showCard();
    },

    /** Re-sends the derived parts after a change (they are a few short strings). */
    showCard() {
      const card = this.card();
      if (!card) return;
      this.setData({ tile: cardTile(card, today()), ...reminderData(remindersOf(card)) });
    },

    save(patch: Partial<BoundCard>): boolean {
      const result = services().cards.update(stateOf(this).phone, patch);
      if (!result.ok) this.say(result.message, 'error');
      return result.ok;
    },

    say(message: string, kind: 'info' | 'error') {
      this.setData({ message, messageKind: kind });
    },

    /** A new choice makes an old message wrong: it goes. */
    unsay() {
      if (this.data.message) this.setData({ message: '' });
    },

    // --------------------------------------------------------------- settings

    onNicknameInput(event: ValueEvent) {
      this.setData({ nickname: eventValue(event), nicknameError: '' });
    },

    /** An empty name removes the 备注名 (it is optional, as at binding). */
    onSaveNickname() {
      const checked = checkOptionalNickname(this.data.nickname);
      if (!checked.ok) {
        this.setData({ nicknameError: checked.message });
        return;
      }
      if (!this.save({ nickname: checked.value })) return;
      const card = this.card();
      this.setData({ nickname: checked.value, 'tile.title': card ? cardTile(card, today()).title : checked.value });
      services().device.toast(checked.value ? '备注已保存' : '已删除备注名', 'success');
    },

    onSetDefault() {
      const result = services().cards.setDefault(stateOf(this).phone);
      if (!result.ok) {
        this.say(result.message, 'error');
        return;
      }
      this.setData({ 'tile.isDefault': true });
      services().device.toast('已设为默认号码', 'success');
    },

    onCardTypeChange(event: ValueEvent) {
      const cardType = event.detail as CardType;
      if (!CARD_TYPES.includes(cardType) || !this.save({ cardType })) return;
      this.setData({ cardType });
      this.unsay();
      this.showCard();
    },

    /**
     * A new choice moves the reminder day. 不提醒 also drops the subscription (the message
     * will not be sent); a calendar event for the old day is offered an update.
     */
    async onRemindChange(event: ValueEvent) {
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

    // -------------------------------------------------------------- reminders

    async onAddCalendar() {
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

    async onSubscribe() {
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

    // ----------------------------------------------------------------- actions

    onAutoTopup() {
      const phone = stateOf(this).phone;
      if (phone) services().navigator.open('autotopup', { phone });
    },

    onRenew() {
      const phone = stateOf(this).phone;
      if (phone) services().navigator.open('packages', { phone });
    },

    async onUnbind() {
      const phone = stateOf(this).phone;
      const { cards, device, navigator } = services();
      const card = cards.get(phone);
      const calendar = card?.calendar || card?.calendarAddedFor ? '手机日历里已添加的提醒不会自动删除，请在日历中删掉。' : '';
      const confirmed = await device.confirm({
        title: '解绑这个号码？',
        content: `解绑后首页不再显示 ${maskPhone(phone)}，也不会再发微信提醒。${calendar}充值记录会保留。`,
        confirmText: '解绑',
        cancelText: '再想想',
      });
      if (!confirmed) return;
      const result = cards.unbind(phone);
      if (!result.ok) {
        this.say(result.message, 'error');
        return;
      }
      device.toast('已解绑', 'success');
      navigator.back();
    },

    onBack() {
      services().navigator.back();
    },
  },
});
