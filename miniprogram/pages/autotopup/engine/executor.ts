/**
 * Runs the due 自动充值 rules, each top-up a real order through the same checkout.
 *
 * For one rule, in the order that keeps money safe:
 *   1. an execution left pending by an earlier run is settled from its order first (or,
 *      when its order was never written, carried on under the same order number and key);
 *   2. core decides whether the rule is due (auto-topup.ts autoTopupDue), on the balance a
 *      lookup just saw, the bound card's last one, or a fresh lookup;
 *   3. the pending execution, with its order number, is written BEFORE anything is paid:
 *      no write, no payment;
 *   4. the order (idempotency key = rule + period + attempt) goes through checkout.pay,
 *      which pays at most once per key, under the rule's 委托代扣 contract;
 *   5. the outcome settles the execution; a third failure in a row pauses the rule.
 * A relaunch therefore finds every period either done, pending, or failed and retryable:
 * it can never pay twice for one period. Results are told to the user as a toast.
 */
import { carrierName } from '../../../core/carriers';
import { productById } from '../../../core/catalog';
import { chinaToday } from '../../../core/dates';
import { formatMoney, formatMoneyCompact } from '../../../core/money';
import { createOrder, newOrderId } from '../../../core/order';
import { maskPhone } from '../../../core/phone';
import { quote } from '../../../core/pricing';
import type { CardProfile, Order, OrderState, Quote } from '../../../core/types';
import { chargeFor, yuanCharged, type Charge } from '../../../core/charge';
import { lookupCard } from '../../../services/cards/card-lookup';
import type { AutoTopupDeps, AutoTopupOccasion, AutoTopupReport, AutoTopupResult, AutoTopupRunner } from '../../../services/contracts';
import {
  MAX_CONSECUTIVE_FAILURES,
  autoTopupDue,
  pauseAfterFailures,
  settleExecution,
  startExecution,
  type AutoTopupExecution,
  type AutoTopupRule,
  type BalanceReading,
} from '../core/auto-topup';
import { AutoTopupStore } from './rule-store';

/** The order may still take or has just taken money and its outcome is open; a refund in progress is an outcome already. */
const OPEN_STATES: readonly OrderState[] = ['created', 'awaiting_payment', 'unknown', 'paid'];
const isOpen = (order: Order): boolean => OPEN_STATES.includes(order.state);

export function createAutoTopupEngine(deps: AutoTopupDeps): AutoTopupRunner {
  return new AutoTopupEngine(deps);
}

/** Why an order that did not succeed failed, in the words the user reads. */
export function failureOf(order: Order): string {
  switch (order.state) {
    case 'pay_failed':
      return order.failureReason || '支付未成功';
    case 'cancelled':
      return '支付没有完成，没有扣款';
    case 'topup_failed':
    case 'refunding':
    case 'refunded':
      return `${order.failureReason || '运营商没有受理充值'}，款项原路退回`;
    default:
      return '自动充值没有完成';
  }
}

class AutoTopupEngine implements AutoTopupRunner {
  private readonly store: AutoTopupStore;

  constructor(private readonly deps: AutoTopupDeps) {
    this.store = new AutoTopupStore(deps.storage, deps.clock);
  }

  async run(occasion: AutoTopupOccasion): Promise<AutoTopupReport> {
    // Orders a killed app left open are settled first, so their executions can be too.
    if (occasion.kind === 'launch') await this.deps.checkout.reconcile().catch(() => undefined);
    const results: AutoTopupResult[] = [];
    for (const rule of this.store.rules()) {
      if (!this.concerns(rule, occasion)) continue;
      try {
        const result = await this.runRule(rule, occasion);
        if (result) results.push(result);
      } catch (error) {
        // One rule's trouble must not stop the others; what was written stays consistent.
        console.warn('[auto-topup] rule failed to run', rule.id, error);
      }
    }
    this.tell(results);
    return { results };
  }

  private concerns(rule: AutoTopupRule, occasion: AutoTopupOccasion): boolean {
    if (rule.state === 'cancelled' && !this.pendingOf(rule)) return false;
    if (occasion.kind !== 'balance') return true;
    return rule.phone === occasion.card.phone && rule.trigger.kind === 'low_balance';
  }

  private pendingOf(rule: AutoTopupRule): AutoTopupExecution | undefined {
    return this.store.historyOf(rule.id).find((e) => e.outcome === 'pending');
  }

  private async runRule(rule: AutoTopupRule, occasion: AutoTopupOccasion): Promise<AutoTopupResult | null> {
    const pending = this.pendingOf(rule);
    if (pending) {
      const order = pending.orderId ? this.deps.records.get(pending.orderId) : undefined;
      if (order) return isOpen(order) ? null : this.finish(rule, pending, order);
      // The execution was written but its order never was: nothing can have been paid.
      if (rule.state !== 'active') return this.fail(rule, pending, '自动充值已暂停或取消，本次没有进行，没有扣款');
      return this.execute(rule, pending, null);
    }
    if (rule.state !== 'active') return null;

    const now = this.deps.clock.now();
    let card: CardProfile | null = occasion.kind === 'balance' && occasion.card.phone === rule.phone ? occasion.card : null;
    let due = autoTopupDue(rule, this.store.executions(), card ? { balance: card.balance, at: now } : this.lastReading(rule.phone), now);
    if (!due.due && (due.reason === 'no_reading' || due.reason === 'stale_reading') && !card) {
      const found = await lookupCard({ gateway: this.deps.gateway, clock: this.deps.clock }, { phone: rule.phone });
      if (!found.ok) return null;
      card = found.card;
      due = autoTopupDue(rule, this.store.executions(), { balance: card.balance, at: this.deps.clock.now() }, this.deps.clock.now());
    }
    if (!due.due) return null;

    const startedAt = this.deps.clock.now();
    const execution: AutoTopupExecution = { ...startExecution(rule, due, startedAt), orderId: newOrderId(startedAt, this.deps.random) };
    const saved = this.store.saveExecution(execution);
    if (!saved.ok) return this.result(rule, 'failed', `${maskPhone(rule.phone)} 自动充值没有进行，没有扣款：${saved.message}`);
    return this.execute(rule, execution, card);
  }

  /** Pays one written execution's order. */
  private async execute(rule: AutoTopupRule, execution: AutoTopupExecution, known: CardProfile | null): Promise<AutoTopupResult | null> {
    let card = known;
    if (!card) {
      const found = await lookupCard({ gateway: this.deps.gateway, clock: this.deps.clock }, { phone: rule.phone });
      // A lost connection is no failure of the rule: the execution waits for the next run.
      if (!found.ok) return found.retryable ? null : this.fail(rule, execution, `查不到这张卡：${found.message}`);
      card = found.card;
    }
    const product = productById(rule.topup.productId);
    if (!product || product.kind !== 'recharge') return this.fail(rule, execution, '这个充值面额已不再销售，请重新设置自动充值');
    if (product.carrier !== card.carrier) return this.fail(rule, execution, `号码现在属于${carrierName(card.carrier)}，与设置时不同，请重新设置自动充值`);
    if (!rule.contract.id || rule.contract.endedAt !== undefined) return this.fail(rule, execution, '委托代扣协议无效，请重新开通自动充值');

    const now = this.deps.clock.now();
    let order: Order;
    let priced: Quote;
    try {
      priced = quote(product, card, chinaToday(now));
    } catch {
      return this.fail(rule, execution, '卡片信息不完整，无法下单，请稍后手动续费');
    }
    // WeChat Pay charges yuan: a peso load is charged at the gateway's rate; without one, try again later.
    let charge: Charge | undefined;
    if (priced.payable.currency !== 'CNY') {
      const quoted = await this.deps.gateway.exchangeRate().catch(() => null);
      const converted = quoted && quoted.ok ? chargeFor(priced.payable, quoted.value, this.deps.clock.now()) : null;
      if (!converted || !converted.ok) return null;
      charge = converted.value;
    }
    try {
      order = createOrder({ id: execution.orderId as string, idempotencyKey: execution.key, now, card, quote: priced, ...(charge ? { charge } : {}) });
    } catch {
      return this.fail(rule, execution, '卡片信息不完整，无法下单，请稍后手动续费');
    }
    order.autoTopup = { ruleId: rule.id, period: execution.period, contractId: rule.contract.id };
    const paid = await this.deps.checkout.pay(order);
    if (paid.outcome === 'not_started') return this.fail(rule, execution, paid.message);
    return this.finish(rule, execution, paid.order);
  }

  /** Settles the execution from its order's state, or leaves it pending while the order is open. */
  private finish(rule: AutoTopupRule, execution: AutoTopupExecution, order: Order): AutoTopupResult {
    const masked = maskPhone(rule.phone);
    if (order.state === 'succeeded') {
      const settled = settleExecution(execution, 'succeeded', this.deps.clock.now(), { orderId: order.id });
      if (settled.ok) this.store.saveExecution(settled.value);
      const message = `已为 ${masked} 自动充值 ${formatMoneyCompact(order.product.credit)}，实付 ${formatMoney(yuanCharged(order) ?? order.payable)}`;
      return this.result(rule, 'succeeded', message, order.id);
    }
    if (isOpen(order)) {
      return this.result(rule, 'processing', `${masked} 的自动充值已提交，结果确认后会更新到记录里，请勿重复充值`, order.id);
    }
    return this.fail(rule, execution, failureOf(order), order.id);
  }

  private fail(rule: AutoTopupRule, execution: AutoTopupExecution, reason: string, orderId?: string): AutoTopupResult {
    const now = this.deps.clock.now();
    const settled = settleExecution(execution, 'failed', now, { orderId: orderId ?? execution.orderId, failureReason: reason });
    if (settled.ok) this.store.saveExecution(settled.value);
    const current = this.store.get(rule.id) ?? rule;
    const paused = pauseAfterFailures(current, this.store.executions(), now);
    const pausedNow = paused.state === 'paused' && current.state === 'active';
    if (pausedNow) this.store.update(paused);
    const tail = pausedNow ? `。已连续 ${MAX_CONSECUTIVE_FAILURES} 次失败，自动充值已暂停，请到号码设置里查看` : '';
    return { ...this.result(rule, 'failed', `${maskPhone(rule.phone)} 自动充值失败：${reason}${tail}`, orderId), ...(pausedNow ? { paused: true } : {}) };
  }

  private result(rule: AutoTopupRule, outcome: AutoTopupResult['outcome'], message: string, orderId?: string): AutoTopupResult {
    return { ruleId: rule.id, phone: rule.phone, outcome, message, ...(orderId ? { orderId } : {}) };
  }

  private lastReading(phone: string): BalanceReading | null {
    const known = this.deps.cards.get(phone)?.lastKnown;
    return known ? { balance: known.balance, at: known.at } : null;
  }

  private tell(results: AutoTopupResult[]): void {
    if (results.length === 0) return;
    if (results.length === 1) {
      this.deps.device.toast(results[0].message, results[0].outcome === 'succeeded' ? 'success' : 'none');
      return;
    }
    const done = results.filter((r) => r.outcome === 'succeeded').length;
    const failed = results.filter((r) => r.outcome === 'failed').length;
    this.deps.device.toast(`自动充值：成功 ${done} 笔${failed ? `，失败 ${failed} 笔` : ''}，详情见记录`);
  }
}
