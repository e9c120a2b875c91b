/**
 * 记录's 开发票: the rows become choices, the orders that cannot go on an invoice greyed
 * (a tap says why), the picked ones counted with their yuan total, then the invoice page
 * opens with them picked. The invoice rules come with the invoice subpackage
 * (`loadInvoiceRules`), so they add nothing to the main package.
 * Ready to spread into the page's Component methods (`methods: { ...pickMethods }`).
 */
import { formatMoney, money } from '../../core/money';
import type { Order } from '../../core/types';
import type { InvoiceRulesModule } from '../../services/contracts';
import { services } from '../../services/container';
import { privateState } from '../../lib/private-state';
import type { Patch, RecordList } from './list';

/** What this concern keeps outside `data`. */
export interface PickState {
  /** While picking: the invoice rules (from their subpackage) and the invoices as stored when picking began. */
  rules: InvoiceRulesModule | null;
  invoices: unknown[];
  /** Each loaded order that can go on an invoice, with its yuan amount in fen. */
  invoiceable: Map<string, number>;
  /** Picking orders for an invoice: the ones picked, in the order they were. */
  picking: boolean;
  picked: string[];
  /** A voucher was opened and the page not shown again since. */
  leaving: boolean;
}

const stateOf = privateState<PickState>(() => ({ rules: null, invoices: [], invoiceable: new Map(), picking: false, picked: [], leaving: false }));

/** Greys an order's row unless the rules let it go on an invoice, and keeps its amount if they do. */
function noteInvoiceability(state: PickState, list: RecordList, order: Order): void {
  const allowed = state.rules ? state.rules.invoiceability(order, state.invoices) : null;
  if (allowed?.ok) state.invoiceable.set(order.id, allowed.value.amount);
  list.mark(order.id, 'n', !allowed?.ok);
}

function pickSummary(state: PickState): { count: number; total: string } {
  const fen = state.picked.reduce((sum, id) => sum + (state.invoiceable.get(id) ?? 0), 0);
  return { count: state.picked.length, total: formatMoney(money(fen, 'CNY')) };
}

interface Host {
  setData(data: Record<string, unknown>): void;
  /** listMethods': the list whose rows are marked, what it sends for the screen, the order behind a row. */
  recordList(): RecordList;
  windowPatch(): Patch;
  rowId(event: WechatMiniprogram.BaseEvent): string | undefined;
  togglePick(id: string): void;
  onCancelPick(): void;
}

export const pickMethods = {
  /** Orders just read into the list: while picking, each is greyed or offered. */
  notePicks(this: Host, orders: Order[]): void {
    const state = stateOf(this);
    if (state.picking) for (const order of orders) noteInvoiceability(state, this.recordList(), order);
  },

  /** The list is read again: picks would point at rows no longer listed. The patch shows none picked. */
  forgetPicks(this: Host): Patch {
    const state = stateOf(this);
    state.invoiceable.clear();
    state.picked = [];
    return state.picking ? { pick: pickSummary(state) } : {};
  },

  /** A tap on a row: its voucher, or while picking, picked or unpicked. */
  onOpen(this: Host, event: WechatMiniprogram.BaseEvent): void {
    const id = this.rowId(event);
    if (!id) return;
    const state = stateOf(this);
    if (state.picking) this.togglePick(id);
    else if (!state.leaving) {
      // A second quick tap opens no second voucher: the page is on its way out.
      state.leaving = true;
      services().navigator.open('voucher', { orderId: id });
    }
  },

  /** Shown again: a row tap may open a voucher again. */
  shownAgain(this: Host): void {
    stateOf(this).leaving = false;
  },

  /** 开发票: the rows become choices; those that cannot go on an invoice are greyed. The rules come with the invoice subpackage. */
  async onStartPick(this: Host): Promise<void> {
    const state = stateOf(this);
    if (state.picking) return;
    state.picking = true;
    const { records, storage, clock, device, loadInvoiceRules } = services();
    try {
      state.rules = await loadInvoiceRules();
      state.invoices = state.rules.listInvoices(storage, clock);
    } catch {
      state.picking = false;
      device.toast('暂时打不开开发票，请检查网络后重试');
      return;
    }
    state.picked = [];
    state.invoiceable.clear();
    const list = this.recordList();
    for (const id of list.ids()) {
      const order = records.get(id);
      if (order) noteInvoiceability(state, list, order);
    }
    this.setData({ ...this.windowPatch(), picking: true, pick: pickSummary(state) });
  },

  onCancelPick(this: Host): void {
    const state = stateOf(this);
    if (!state.picking) return;
    state.picking = false;
    const list = this.recordList();
    for (const id of list.ids()) {
      list.mark(id, 'n', false);
      list.mark(id, 'c', false);
    }
    state.picked = [];
    this.setData({ ...this.windowPatch(), picking: false });
  },

  togglePick(this: Host, id: string): void {
    const state = stateOf(this);
    if (!state.invoiceable.has(id)) {
      const { records, device } = services();
      const order = records.get(id);
      const allowed = order && state.rules ? state.rules.invoiceability(order, state.invoices) : null;
      device.toast(allowed && !allowed.ok ? allowed.message : '这笔订单不能开发票');
      return;
    }
    const at = state.picked.indexOf(id);
    if (at >= 0) state.picked.splice(at, 1);
    else state.picked.push(id);
    this.recordList().mark(id, 'c', at < 0);
    this.setData({ ...this.windowPatch(), pick: pickSummary(state) });
  },

  /** The invoice page with the picked orders (it checks each again); the list leaves picking. */
  onInvoicePicked(this: Host): void {
    const state = stateOf(this);
    if (!state.picking) return;
    const { device, navigator } = services();
    if (!state.picked.length) {
      device.toast('请先点选要开发票的订单');
      return;
    }
    const orderIds = state.picked.join(',');
    this.onCancelPick();
    navigator.open('invoice', { orderIds });
  },
};
