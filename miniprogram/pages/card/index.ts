/**
 * One bound card's settings: nickname, default, card type, reminders (N days before the
 * date to act by — the 保号计划's date — in the phone calendar and as a one-time
 * subscription message), renew and unbind. Query: { phone }.
 *
 * Reminders have one state per card (reminder-view.ts): the page never promises a
 * reminder no channel will deliver, and says when a calendar event or a subscription is
 * for a date that no longer holds (after a renewal, or a changed choice).
 *
 * Each concern is a module of methods the page spreads in: the reminders
 * (reminder-methods.ts), the settings form (settings-methods.ts) and the 自动充值 row
 * (auto-topup-methods.ts); the page loads the card, saves changes and says what happened.
 */
import type { BoundCard, CardType } from '../../core/types';
import { maskPhone } from '../../core/phone';
import { services } from '../../services/container';
import { lastKnownOf, lookupCard } from '../../services/cards/card-lookup';
import { privateState } from '../../lib/private-state';
import { decodeQuery } from '../../services/wx/navigator';
import { cardTile, type CardTile } from '../../view/card-tile';
import { CARD_TYPE_LABELS, CARD_TYPES } from '../../view/labels';
import { REMIND_CHOICES, remindLabel } from './core/reminder-plan';
import { NO_RULE_LABEL, type AutoTopupStatus } from './auto-topup-status';
import { reminderData, remindName, type RemindName, type ShownReminders } from './remind-choice';
import { reminderMethods, remindersOf, today } from './reminder-methods';
import { settingsMethods } from './settings-methods';
import { autoTopupMethods } from './auto-topup-methods';
import { careMode } from '../../services/care/page-behavior';

const stateOf = privateState<{ phone: string }>(() => ({ phone: '' }));

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
    reminders: null as ShownReminders | null,
    autoTopup: { label: NO_RULE_LABEL, warn: false } as AutoTopupStatus,
  },

  methods: {
    ...reminderMethods,
    ...settingsMethods,
    ...autoTopupMethods,

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

    cardPhone(): string {
      return stateOf(this).phone;
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
