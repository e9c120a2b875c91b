/**
 * 充值's quick picks: the bound numbers first, then the recent ones (each with its 归属地),
 * a recent one removable, all of them clearable. Ready to spread into the page's Component
 * methods (`methods: { ...quickMethods }`); a picked number goes into the field through the
 * page's own fill and is looked up as if typed.
 */
import type { CarrierId } from '../../core/types';
import { services } from '../../services/container';
import { privateState } from '../../lib/private-state';
import { quickRows, type QuickRow } from '../../view/quick-numbers';
import { CLEAR_RECENT } from './words';

/** What this concern keeps outside `data`. */
export interface QuickState {
  /** The numbers behind the quick rows, in their order, with a bound card's carrier (携号转网 chosen at binding). */
  quick: { phone: string; carrier: CarrierId | null }[];
}

const stateOf = privateState<QuickState>(() => ({ quick: [] }));

interface Host {
  data: { quick: QuickRow[] };
  setData(data: Record<string, unknown>): void;
  /** The page's: puts a number in the field (with the carrier it is known to be with). */
  fill(value: string, override: CarrierId | null): void;
  /** The page's: looks up what the field says. */
  onSubmit(): Promise<void>;
  refreshPicks(): void;
}

export const quickMethods = {
  refreshPicks(this: Host) {
    const { cards } = services();
    const bound = cards.list();
    const recent = cards.recentNumbers();
    stateOf(this).quick = [
      ...bound.map((card) => ({ phone: card.phone, carrier: card.carrier })),
      ...recent.filter((entry) => !bound.some((card) => card.phone === entry.phone)).map((entry) => ({ phone: entry.phone, carrier: null })),
    ];
    const quick = quickRows(bound, recent);
    if (JSON.stringify(quick) !== JSON.stringify(this.data.quick)) this.setData({ quick });
  },

  onPickQuick(this: Host, event: WechatMiniprogram.CustomEvent<{ index: number }>) {
    const picked = stateOf(this).quick[Number(event.detail?.index)];
    if (!picked) return;
    this.fill(picked.phone, picked.carrier);
    void this.onSubmit();
  },

  onRemoveQuick(this: Host, event: WechatMiniprogram.CustomEvent<{ index: number }>) {
    const picked = stateOf(this).quick[Number(event.detail?.index)];
    if (!picked || this.data.quick[Number(event.detail?.index)]?.bound !== false) return;
    const removed = services().cards.removeRecent(picked.phone);
    if (!removed.ok) services().device.toast(removed.message);
    this.refreshPicks();
  },

  async onClearQuick(this: Host) {
    const { cards, device } = services();
    if (!(await device.confirm(CLEAR_RECENT))) return;
    const cleared = cards.clearRecent();
    if (!cleared.ok) device.toast(cleared.message);
    this.refreshPicks();
  },
};
