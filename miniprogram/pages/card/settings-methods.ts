/**
 * The card page's settings form: 备注名 (optional, as at binding), 设为默认 and the card
 * type. Ready to spread into the page's Component methods (`methods: { ...settingsMethods }`).
 */
import type { BoundCard, CardType } from '../../core/types';
import { services } from '../../services/container';
import { eventValue } from '../../lib/events';
import { checkOptionalNickname } from '../../services/cards/card-book';
import { cardTile } from '../../view/card-tile';
import { CARD_TYPES } from '../../view/labels';
import { today } from './reminder-methods';

interface Host {
  data: { nickname: string };
  setData(data: Record<string, unknown>): void;
  /** The page's: the number it was opened for, its card as stored now, its update and its message line. */
  cardPhone(): string;
  card(): BoundCard | undefined;
  save(patch: Partial<BoundCard>): boolean;
  say(message: string, kind: 'info' | 'error'): void;
  unsay(): void;
  showCard(): void;
}

export const settingsMethods = {
  onNicknameInput(this: Host, event: { detail: unknown }) {
    this.setData({ nickname: eventValue(event), nicknameError: '' });
  },

  /** An empty name removes the 备注名 (it is optional, as at binding). */
  onSaveNickname(this: Host) {
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

  onSetDefault(this: Host) {
    const result = services().cards.setDefault(this.cardPhone());
    if (!result.ok) {
      this.say(result.message, 'error');
      return;
    }
    this.setData({ 'tile.isDefault': true });
    services().device.toast('已设为默认号码', 'success');
  },

  onCardTypeChange(this: Host, event: { detail: unknown }) {
    const cardType = event.detail as CardType;
    if (!CARD_TYPES.includes(cardType) || !this.save({ cardType })) return;
    this.setData({ cardType });
    this.unsay();
    this.showCard();
  },
};
