/**
 * 我的 (tab): the bound numbers with 设为默认, and the ways to everything else —
 * binding, the 保号计划, a card's settings, the records (with their count) and help;
 * and the 长辈模式 switch.
 */
import type { BoundCard } from '../../core/types';
import { chinaToday } from '../../core/dates';
import { services } from '../../services/container';
import { privateState } from '../../lib/private-state';
import { cardTile, type CardTile } from '../../view/card-tile';
import { careMode } from '../../services/care/page-behavior';

type Row = Pick<CardTile, 'masked' | 'title' | 'carrier' | 'isDefault'> & { key: string };

/** The bound cards behind the rows on screen (rows carry only masked text). */
const stateOf = privateState<{ cards: BoundCard[] }>(() => ({ cards: [] }));

function rowOf(card: BoundCard, today: string): Row {
  const tile = cardTile(card, today);
  return { key: card.phone, masked: tile.masked, title: tile.title, carrier: tile.carrier, isDefault: tile.isDefault };
}

Component({
  behaviors: [careMode],
  data: {
    cards: [] as Row[],
    recordCount: 0,
  },

  methods: {
    onShow() {
      this.load();
    },

    load() {
      const { cards, records, clock } = services();
      const list = cards.list();
      stateOf(this).cards = list;
      const today = chinaToday(clock.now());
      this.setData({ cards: list.map((card) => rowOf(card, today)), recordCount: records.count() });
    },

    cardAt(event: WechatMiniprogram.BaseEvent): BoundCard | undefined {
      return stateOf(this).cards[Number(event.currentTarget.dataset.index)];
    },

    onSetDefault(event: WechatMiniprogram.BaseEvent) {
      const card = this.cardAt(event);
      if (!card) return;
      const { cards, device } = services();
      const result = cards.setDefault(card.phone);
      if (!result.ok) {
        device.toast(result.message);
        return;
      }
      // Only the rows whose flag changed are sent.
      const list = cards.list();
      const patch: Record<string, boolean> = {};
      list.forEach((c, i) => {
        if (this.data.cards[i] && this.data.cards[i].isDefault !== c.isDefault) patch[`cards[${i}].isDefault`] = c.isDefault;
      });
      stateOf(this).cards = list;
      this.setData(patch);
      device.toast('已设为默认号码', 'success');
    },

    onOpenCard(event: WechatMiniprogram.BaseEvent) {
      const card = this.cardAt(event);
      if (card) services().navigator.open('card', { phone: card.phone });
    },

    /** The row and its switch both toggle 长辈模式; every open page follows (services/care). */
    onToggleCare() {
      const { care, device } = services();
      const result = care.set(!care.enabled());
      if (!result.ok) device.toast(result.message);
    },

    onBind() {
      services().navigator.open('bind');
    },

    /** The default card's settings; with nothing bound yet, binding comes first. */
    onSettings() {
      const list = stateOf(this).cards;
      const target = list.find((c) => c.isDefault) ?? list[0];
      if (target) services().navigator.open('card', { phone: target.phone });
      else services().navigator.open('bind');
    },

    onPlan() {
      services().navigator.open('plan');
    },

    onRecords() {
      services().navigator.open('records');
    },

    onDemo() {
      services().navigator.open('demo');
    },

    onHelp() {
      services().navigator.open('help');
    },
  },
});
