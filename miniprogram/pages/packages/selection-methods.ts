/**
 * 选择套餐's selection: a tile tapped, or an amount typed in 其他金额 (which replaces the
 * tile choice; text that is not a valid amount leaves nothing to pay), the line under the
 * tiles for it, and 下一步 to confirm with the card's own number. Ready to spread into the
 * page's Component methods (`methods: { ...selectionMethods }`); a tap sends only the
 * selection to the view.
 */
import type { CardProfile, Quote } from '../../core/types';
import type { RateQuote } from '../../core/charge';
import { customRecharge } from '../../core/catalog';
import { chinaToday } from '../../core/dates';
import { quote } from '../../core/pricing';
import { services } from '../../services/container';
import { eventValue } from '../../lib/events';
import { privateState } from '../../lib/private-state';
import { selectionOf } from './tiles';

/** What this concern keeps outside `data`. */
export interface SelectionState {
  selected: Quote | null;
  /** A custom recharge the user typed (not one of the tiles), once valid. */
  custom: Quote | null;
  /** The selection came from 其他金额 (so clearing the field clears it too). */
  typed: boolean;
}

const stateOf = privateState<SelectionState>(() => ({ selected: null, custom: null, typed: false }));

/** What the page has on offer for the card on screen. */
export interface Offer {
  card: CardProfile | null;
  quotes: Map<string, Quote>;
  /** The peso-to-yuan quote prices are shown at (Smart); null for yuan cards or while unknown. */
  rate: RateQuote | null;
}

interface Host {
  data: { selectedId: string; customValue: string; customError: string };
  setData(data: Record<string, unknown>): void;
  /** The page's: the card on screen and its quotes. */
  offer(): Readonly<Offer>;
  select(q: Quote | null): void;
}

export const selectionMethods = {
  selectedQuote(this: Host): Quote | null {
    return stateOf(this).selected;
  },

  /** A card shown picked `pick`: it is the selection, and a custom amount when no tile lists it. */
  keepPick(this: Host, pick: Quote | null) {
    const state = stateOf(this);
    state.selected = pick;
    state.custom = pick && !this.offer().quotes.has(pick.product.id) ? pick : null;
  },

  onPick(this: Host, event: WechatMiniprogram.BaseEvent) {
    const id = String(event.currentTarget.dataset.id ?? '');
    const state = stateOf(this);
    const q = this.offer().quotes.get(id);
    if (!q) return;
    // A tile replaces whatever was typed in 其他金额.
    state.custom = null;
    state.typed = false;
    if (this.data.customValue !== '' || this.data.customError !== '') this.setData({ customValue: '', customError: '' });
    if (id !== this.data.selectedId) this.select(q);
  },

  select(this: Host, q: Quote | null) {
    const { card, rate } = this.offer();
    stateOf(this).selected = q;
    const selection = q && card ? selectionOf(q, card, rate, services().clock.now()) : null;
    this.setData({ selectedId: q ? q.product.id : '', selection });
  },

  /** Any text in 其他金额 replaces the tile choice; text that is not a valid amount leaves nothing to pay. */
  onCustomInput(this: Host, event: { detail: unknown }) {
    const state = stateOf(this);
    const { card, quotes } = this.offer();
    if (!card) return;
    const raw = eventValue(event);
    const patch: Record<string, unknown> = {};
    if (raw !== this.data.customValue) patch.customValue = raw;
    const result = raw.trim() === '' ? null : customRecharge(card.carrier, raw);
    const error = result && !result.ok ? result.message : '';
    if (error !== this.data.customError) patch.customError = error;
    if (Object.keys(patch).length) this.setData(patch);
    if (!result || !result.ok) {
      // Cleared: a typed choice goes with the text. Invalid: nothing is left to pay.
      const drop = result !== null || state.typed;
      state.custom = null;
      state.typed = false;
      if (drop && state.selected) this.select(null);
      return;
    }
    const listed = quotes.get(result.value.id);
    const q = listed ?? quote(result.value, card, chinaToday(services().clock.now()));
    state.custom = listed ? null : q;
    state.typed = true;
    if (state.selected !== q) this.select(q);
  },

  onNext(this: Host) {
    const state = stateOf(this);
    const { card } = this.offer();
    const { selected } = state;
    if (!card || !selected) {
      services().device.toast('请先选择充值金额或套餐');
      return;
    }
    const query: Record<string, string> = { phone: card.phone, productId: selected.product.id };
    if (selected === state.custom) query.amount = String(selected.product.credit.amount);
    services().navigator.open('confirm', query);
  },
};
