/**
 * A stand-in for WeChat Pay's own sheet: payee, the amount (yuan, as WeChat Pay charges)
 * in large type, the 商品 line, 确认支付 and 取消. Like the real sheet it closes only on
 * 取消 or ✕: a tap on the dimmed page around it does nothing. Lives in the confirm
 * page's folder, the only page that hosts it (it is then no weight on the main package). The offline payment backend has no native sheet to raise, so the
 * page that pays (confirm) hands this component's present() to the backend's sheet
 * slot while it is on screen. A small 模拟结果 row lets a demo choose 余额不足 or 无响应
 * instead of a normal payment.
 */
import type { PaymentRequest, SheetChoice } from '../../../services/contracts';
import { formatMoney } from '../../../core/money';
import { privateState } from '../../../lib/private-state';

type Simulation = 'pay' | 'fail_insufficient' | 'no_answer';

interface SheetState {
  resolve: ((choice: SheetChoice) => void) | null;
}

const stateOf = privateState<SheetState>(() => ({ resolve: null }));

Component({
  data: {
    show: false,
    payee: '',
    amount: '',
    description: '',
    simulation: 'pay' as Simulation,
  },

  lifetimes: {
    detached() {
      // A sheet that leaves the screen unanswered was not paid from.
      this.answer('cancel', false);
    },
  },

  methods: {
    present(request: PaymentRequest): Promise<SheetChoice> {
      const state = stateOf(this);
      // Only one sheet at a time: an earlier one still open is treated as dismissed.
      if (state.resolve) this.answer('cancel');
      this.setData({
        show: true,
        payee: request.payee,
        amount: formatMoney(request.amount),
        description: request.description,
        simulation: 'pay',
      });
      return new Promise<SheetChoice>((resolve) => {
        state.resolve = resolve;
      });
    },

    /** Resolves the open presentation; `close` is false once the component has left the page. */
    answer(choice: SheetChoice, close = true) {
      const state = stateOf(this);
      const resolve = state.resolve;
      state.resolve = null;
      if (!resolve) return;
      if (close) this.setData({ show: false });
      resolve(choice);
    },

    onConfirm() {
      this.answer(this.data.simulation);
    },

    onCancel() {
      this.answer('cancel');
    },

    onSimulate(event: WechatMiniprogram.BaseEvent) {
      const choice = String(event.currentTarget.dataset.choice ?? '') as Simulation;
      if (choice === 'pay' || choice === 'fail_insufficient' || choice === 'no_answer') this.setData({ simulation: choice });
    },
  },
});
