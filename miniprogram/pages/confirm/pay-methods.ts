/**
 * 确认订单's pay button: at most one payment. The order (and its idempotency key) is made
 * once per attempt, a tap while paying is ignored, a payment of the same number and product
 * in the last 10 minutes asks first. Cancelling on the sheet stays here and offers 重新支付
 * (a fresh order); any other outcome opens the result alone (wx.reLaunch), so back cannot
 * lead into paying again; a page the user has left never navigates (a toast says the outcome).
 * Ready to spread into the page's Component methods (`methods: { ...payMethods }`).
 */
import type { Order } from '../../core/types';
import { isRateUsable } from '../../core/charge';
import { createOrder, newIdempotencyKey, newOrderId } from '../../core/order';
import type { CheckoutResult, PaymentRequest, SheetChoice } from '../../services/contracts';
import { services } from '../../services/container';
import { privateState } from '../../lib/private-state';
import type { Figures } from './figure-methods';
import { DUPLICATE_WARNING } from './summary';

export const CANCELLED_NOTE = '已取消支付，没有扣款。核对无误后可以重新支付';
const LEFT_NOTE = '，可在「记录」中查看';

/** What this concern keeps outside `data`. */
export interface PayState {
  /** Made at the first pay tap and kept: every later tap pays with the same idempotency key. */
  order: Order | null;
  /** Set before any await, so a second tap during payment (or its dialog) does nothing. */
  paying: boolean;
  /** Once the page has moved on to the result, nothing here runs again. */
  done: boolean;
  /** The user left the page: it must not move the app any more. */
  gone: boolean;
  /** Detaches this page's pay sheet from the payment backend's sheet slot. */
  detachSheet: (() => void) | null;
}

const stateOf = privateState<PayState>(() => ({ order: null, paying: false, done: false, gone: false, detachSheet: null }));

/** What the page's <payment-sheet> component offers: it shows the request and resolves with the choice. */
interface SheetComponent {
  present(request: PaymentRequest): Promise<SheetChoice>;
}

interface Host {
  data: { status: string; paying: boolean; payError: string };
  setData(data: Record<string, unknown>): void;
  selectComponent(selector: string): object | null;
  /** figureMethods': the figures on screen, and asking for them again. */
  figures(): Readonly<Figures>;
  load(refresh?: boolean, requote?: boolean): Promise<void>;
  pay(): Promise<void>;
  orderOf(): Order | null;
  finish(orderId: string, message: string): void;
}

export const payMethods = {
  /** The offline WeChat Pay shows this page's sheet; a real one raises WeChat's own. */
  attachSheet(this: Host) {
    const sheet = this.selectComponent('#sheet') as unknown as SheetComponent | null;
    if (sheet) stateOf(this).detachSheet = services().paymentSheet.attach({ present: (request) => sheet.present(request) });
  },

  releaseSheet(this: Host) {
    const state = stateOf(this);
    state.detachSheet?.();
    state.detachSheet = null;
  },

  /** The user left the page (unloaded or detached): a payment still running reports by toast. */
  markLeft(this: Host) {
    stateOf(this).gone = true;
  },

  isPaying(this: Host): boolean {
    return stateOf(this).paying;
  },

  forgetOrder(this: Host) {
    stateOf(this).order = null;
  },

  /** The order for this attempt, made once: the number on it is the number on screen. */
  orderOf(this: Host): Order | null {
    const state = stateOf(this);
    if (state.order) return state.order;
    const { card, quote, charge, request } = this.figures();
    if (!card || !quote || !charge || !request || card.phone !== request.phone) return null;
    const { clock, random } = services();
    const now = clock.now();
    state.order = createOrder({ id: newOrderId(now, random), idempotencyKey: newIdempotencyKey(random), now, card, quote, charge });
    return state.order;
  },

  async onPay(this: Host) {
    const state = stateOf(this);
    if (state.paying || state.done || this.data.status !== 'ready') return;
    state.paying = true;
    try {
      await this.pay();
    } finally {
      if (!state.done) {
        state.paying = false;
        if (!state.gone && this.data.paying) this.setData({ paying: false });
      }
    }
  },

  async pay(this: Host) {
    const state = stateOf(this);
    const { checkout, device, records, clock } = services();
    if (this.data.payError) this.setData({ payError: '' });
    // A rate quoted too long ago is asked again and shown before anyone pays at it.
    const fx = this.figures().charge?.fx;
    if (fx && !isRateUsable(fx, clock.now())) {
      await this.load(true, true);
      this.setData({ payError: '汇率已更新，请核对实付金额后再支付' });
      return;
    }
    const order = this.orderOf();
    const request = this.figures().request;
    // The payment path checks the number once more: the order's is the one confirmed on screen.
    if (!order || !request || order.phone !== request.phone) {
      this.setData({ payError: '订单信息与号码不一致，没有发起支付，请返回重新选择' });
      return;
    }
    if (checkout.recentDuplicate(order.phone, order.product.id)) {
      const again = await device.confirm({
        title: '可能重复充值',
        content: `${DUPLICATE_WARNING}。确定要再充值一次吗？`,
        confirmText: '仍要充值',
        cancelText: '不充了',
      });
      if (!again || state.gone) return;
    }
    this.setData({ paying: true });
    let outcome: CheckoutResult;
    try {
      outcome = await checkout.pay(order);
    } catch {
      // The order is written before any payment: without it, nothing was charged.
      if (records.get(order.id)) this.finish(order.id, '支付结果待确认，请勿重复支付');
      else if (!state.gone) this.setData({ payError: '支付没有发起，未扣款，请稍后重试' });
      return;
    }
    if (outcome.outcome === 'not_started') {
      if (!state.gone) this.setData({ payError: outcome.message });
      return;
    }
    if (outcome.outcome === 'cancelled') {
      // Like WeChat Pay's own cancel: back on this page, nothing charged; the next tap is a new order.
      state.order = null;
      if (state.gone) device.toast(`${outcome.message}${LEFT_NOTE}`);
      else this.setData({ notice: CANCELLED_NOTE, retry: true });
      return;
    }
    this.finish(outcome.order.id, outcome.message);
  },

  /** To the result, alone on the stack; from a page already left, only a toast. */
  finish(this: Host, orderId: string, message: string) {
    const state = stateOf(this);
    if (state.gone) {
      services().device.toast(`${message}${LEFT_NOTE}`);
      return;
    }
    state.done = true;
    services().navigator.relaunch('result', { orderId });
  },
};
