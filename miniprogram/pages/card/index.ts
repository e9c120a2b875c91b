/**
 * One bound card's settings: nickname, default, card type, reminders (N days before
 * expiry, the phone calendar, a subscription message), renew and unbind. Query: { phone }.
 */
import type { BoundCard, CardType } from '../../core/types';
import { chinaToday, formatChinaDate } from '../../core/dates';
import { maskPhone } from '../../core/phone';
import { services } from '../../services/container';
import { eventValue } from '../../lib/events';
import { lastKnownOf, lookupCard } from '../../services/cards/card-lookup';
import { privateState } from '../../lib/private-state';
import { decodeQuery } from '../../services/wx/navigator';
import { checkNickname } from '../../services/cards/card-book';
import { cardTile, type CardTile } from '../../view/card-tile';
import { CARD_TYPE_LABELS, CARD_TYPES } from '../../view/labels';
import { REMIND_CHOICES, REMINDER_HOUR, planReminder, remindLabel, type RemindDays } from '../../core/reminders';
import { addReminderToCalendar, subscribeExpiryReminder } from '../../services/cards/reminders';

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

function reminderNote(card: BoundCard): string {
  if (card.remindDaysBefore === null) return '已关闭到期提醒';
  const plan = planReminder(card, card.lastKnown?.expiry, today());
  if (!plan.ok) return plan.message;
  const when = `${formatChinaDate(plan.value.remindOn)} ${String(REMINDER_HOUR).padStart(2, '0')}:00`;
  const moved = plan.value.movedToToday ? '（离到期已不足所选天数，改为今天提醒）' : '';
  return `将在 ${when} 提醒你续费${moved}`;
}

function calendarNote(card: BoundCard): string {
  if (!card.calendarAddedFor) return '';
  const current = card.lastKnown?.expiry;
  const added = `已添加到手机日历（${formatChinaDate(card.calendarAddedFor)} 到期）`;
  return current && current !== card.calendarAddedFor ? `${added}；到期日已变为 ${formatChinaDate(current)}，请重新添加` : added;
}

Component({
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
    reminderNote: '',
    calendarNote: '',
    subscribed: false,
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
        reminderNote: reminderNote(card),
        calendarNote: calendarNote(card),
        subscribed: card.subscribed === true,
      });
      if (!card.lastKnown) await this.refresh(card);
    },

    card(): BoundCard | undefined {
      return services().cards.get(stateOf(this).phone);
    },

    /** Fetches the expiry the reminders need when the card has never been looked up. */
    async refresh(card: BoundCard) {
      const { gateway, cards, clock } = services();
      const found = await lookupCard(gateway, { phone: card.phone });
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
      this.setData({ tile: cardTile(card, today()), reminderNote: reminderNote(card), calendarNote: calendarNote(card) });
    },

    save(patch: Partial<BoundCard>): boolean {
      const result = services().cards.update(stateOf(this).phone, patch);
      if (!result.ok) this.say(result.message, 'error');
      return result.ok;
    },

    say(message: string, kind: 'info' | 'error') {
      this.setData({ message, messageKind: kind });
    },

    // --------------------------------------------------------------- settings

    onNicknameInput(event: ValueEvent) {
      this.setData({ nickname: eventValue(event), nicknameError: '' });
    },

    onSaveNickname() {
      const checked = checkNickname(this.data.nickname);
      if (!checked.ok) {
        this.setData({ nicknameError: checked.message });
        return;
      }
      if (!this.save({ nickname: checked.value })) return;
      this.setData({ nickname: checked.value, 'tile.title': checked.value });
      services().device.toast('备注已保存', 'success');
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
      this.showCard();
    },

    onRemindChange(event: ValueEvent) {
      const days = remindDays(event.detail);
      if (!this.save({ remindDaysBefore: days })) return;
      this.setData({ remind: remindName(days) });
      this.showCard();
    },

    // -------------------------------------------------------------- reminders

    async onAddCalendar() {
      const card = this.card();
      if (!card) return;
      const { device } = services();
      const added = await addReminderToCalendar(device, card, card.lastKnown?.expiry, today());
      if (!added.ok) {
        this.say(added.message, 'error');
        return;
      }
      this.save({ calendarAddedFor: added.value.expiry });
      this.showCard();
      this.say(`已添加到手机日历：${formatChinaDate(added.value.remindOn)} 会提醒你`, 'info');
    },

    async onSubscribe() {
      const accepted = await subscribeExpiryReminder(services().device);
      if (!accepted) {
        this.say('你没有允许订阅消息，所以不会收到微信提醒。可以再点一次并选“允许”，或添加到手机日历', 'error');
        return;
      }
      if (!this.save({ subscribed: true })) return;
      this.setData({ subscribed: true });
      this.say('已订阅：到期前会收到一次微信服务通知', 'info');
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
      const confirmed = await device.confirm({
        title: '解绑这个号码？',
        content: `解绑后首页不再显示 ${maskPhone(phone)}，也不会再提醒续费。充值记录会保留。`,
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
