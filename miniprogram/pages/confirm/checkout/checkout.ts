/**
 * The renewal's money path, in the order that keeps money safe (it downloads with the confirm
 * subpackage; services/checkout/lazy-checkout.ts stands in for it until then):
 *   1. the order is written as awaiting_payment BEFORE any payment starts (no record,
 *      no payment: a charge the app cannot show afterwards must never happen);
 *   2. one payment per idempotency key: concurrent calls share one run, and a key
 *      already settled answers from the record store without paying again. An order is
 *      matched by its key, never its number alone: an order whose number another order
 *      already has is stored under a number derived from its key (alternativeOrderId);
 *   3. every state change is written; the carrier is asked to credit the card;
 *   4. reconcile() settles what a killed app or a lost answer left open, asking the
 *      payment service and the carrier, each open order once.
 */
import { carrierName } from '../../../core/carriers';
import { DUPLICATE_WINDOW_MS, alternativeOrderId, findDuplicate, isUnsettled, transition } from '../../../core/order';
import { maskPhone } from '../../../core/phone';
import { rateLine, yuanCharged } from '../../../core/charge';
import { formatMoney } from '../../../core/money';
import type { Order, OrderState, Result } from '../../../core/types';
import type {
  CardBook,
  CarrierGateway,
  Checkout,
  CheckoutDeps,
  CheckoutOutcome,
  CheckoutResult,
  Clock,
  GatewayError,
  PaymentOutcome,
  PaymentRequest,
  PaymentService,
  ReconcileReport,
  RecordStore,
  RecordStoreError,
  RenewalCache,
  TopUpReceipt,
} from '../../../services/contracts';
import { PAYEE_NAME } from '../../../services/contracts';


export const CHECKOUT_MESSAGES = {
  succeeded: '充值成功，已到账',
  processing: '已支付，运营商处理中，到账后订单会自动更新，请勿重复支付',
  cancelled: '已取消支付，没有扣款',
  refunding: '充值未到账，款项将原路退回',
  refunded: '充值未到账，款项已原路退回',
  unknown: '支付结果未知，请勿重复支付，我们会自动核对',
  notPaidYet: '订单还没有支付',
  badOrder: '订单信息不完整，没有发起支付，请返回重新下单',
  noYuan: '这笔订单没有人民币金额（微信支付只收人民币），没有发起支付，请返回重新下单',
  unsaved: '（注意：订单状态没能保存到手机，请勿重复支付；清理手机存储后重新打开小程序会自动补存）',
} as const;

const NOTHING_CHARGED = '本次没有发起支付、没有扣款。';
const CLEAR_AND_RETRY = `${NOTHING_CHARGED}请清理记录或手机存储后重试`;

/** Why the order could not be written before payment; each says that nothing was charged and what to do. */
export const NOT_STARTED_MESSAGES: Record<RecordStoreError, string> = {
  quota: `手机存储空间已满，订单没能保存，${CLEAR_AND_RETRY}`,
  item_too_large: `订单数据过大，没能保存，${CLEAR_AND_RETRY}`,
  failed: `订单写入失败，${CLEAR_AND_RETRY}`,
  not_found: `订单写入失败，${CLEAR_AND_RETRY}`,
  duplicate: '这笔订单已经提交过了，没有重复支付，请到记录里查看结果',
  unavailable: `暂时读不到手机存储，为保护已有记录，${NOTHING_CHARGED}请稍后重试`,
};

export function payFailedMessage(reason: string | undefined): string {
  return `支付失败：${reason || '支付未成功'}，没有扣款`;
}


/** Numbers tried for one order: its own and seven alternatives. */
const ID_ATTEMPTS = 8;

const NETWORK_FAILURE: Result<never, GatewayError> = { ok: false, error: 'network', message: '网络连接失败' };

/** A service that throws is treated as a lost connection: the order stays open for reconciliation. */
async function safely<T>(call: () => Promise<Result<T, GatewayError>>): Promise<Result<T, GatewayError>> {
  try {
    return await call();
  } catch {
    return NETWORK_FAILURE;
  }
}

export class CheckoutService implements Checkout {
  private readonly records: RecordStore;
  private readonly payment: PaymentService;
  private readonly gateway: CarrierGateway;
  private readonly cards: CardBook;
  private readonly clock: Clock;
  private readonly renewalCache: RenewalCache | undefined;
  /** Runs of pay() by idempotency key. */
  private readonly live = new Map<string, Promise<CheckoutResult>>();
  /** Settling runs by order id, shared by pay() and reconcile(). */
  private readonly settling = new Map<string, Promise<Order>>();
  /** The newest state of orders whose write failed twice: shown, and written again later. */
  private readonly unsaved = new Map<string, Order>();
  private reconciling: Promise<ReconcileReport> | null = null;

  constructor(deps: CheckoutDeps) {
    this.records = deps.records;
    this.payment = deps.payment;
    this.gateway = deps.gateway;
    this.cards = deps.cards;
    this.clock = deps.clock;
    this.renewalCache = deps.renewalCache;
  }

  recentDuplicate(phone: string, productId: string): Order | undefined {
    const now = this.clock.now();
    const stored = this.records.recentSimilar(phone, productId, now - DUPLICATE_WINDOW_MS);
    const newest = stored.map((order) => this.unsaved.get(order.id) ?? order);
    for (const order of this.unsaved.values()) if (!newest.some((o) => o.id === order.id)) newest.push(order);
    return findDuplicate(newest, phone, productId, now);
  }

  pay(order: Order): Promise<CheckoutResult> {
    const key = order && typeof order.idempotencyKey === 'string' ? order.idempotencyKey : '';
    if (key === '' || typeof order.id !== 'string' || order.id === '') {
      return Promise.resolve({ order, outcome: 'not_started', message: CHECKOUT_MESSAGES.badOrder });
    }
    const running = this.live.get(key);
    if (running) return running;
    const run = this.runPay(order).finally(() => this.live.delete(key));
    this.live.set(key, run);
    return run;
  }

  reconcile(): Promise<ReconcileReport> {
    if (!this.reconciling) {
      this.reconciling = this.runReconcile().finally(() => {
        this.reconciling = null;
      });
    }
    return this.reconciling;
  }

  settled(): Promise<void> {
    return this.reconciling ? this.reconciling.then(noop, noop) : Promise.resolve();
  }

  // ------------------------------------------------------------------ paying

  private async runPay(given: Order): Promise<CheckoutResult> {
    const claim = this.claim(given);
    if ('stored' in claim) return this.resultOf(isUnsettled(claim.stored.state) ? await this.settle(claim.stored) : claim.stored);
    const order = claim.order;
    if (order.state !== 'created') return { order, outcome: 'not_started', message: CHECKOUT_MESSAGES.badOrder };
    if (yuanCharged(order) === null) return { order, outcome: 'not_started', message: CHECKOUT_MESSAGES.noYuan };

    const moved = transition(order, 'awaiting_payment', this.clock.now(), {}, '已提交，等待微信支付');
    if (!moved.ok) return { order, outcome: 'not_started', message: CHECKOUT_MESSAGES.badOrder };
    const written = this.records.append(moved.value);
    if (!written.ok) {
      const stored = written.error === 'duplicate' ? this.records.get(order.id) : undefined;
      if (stored && stored.idempotencyKey === order.idempotencyKey) return this.resultOf(isUnsettled(stored.state) ? await this.settle(stored) : stored);
      return { order, outcome: 'not_started', message: NOT_STARTED_MESSAGES[written.error] ?? NOT_STARTED_MESSAGES.failed };
    }

    const outcome = await this.requestPayment(moved.value);
    return this.resultOf(await this.afterPayment(moved.value, outcome));
  }

  /**
   * The stored order with this idempotency key, or the order under a number no other order
   * holds: its own, else the first free alternative derived from its key.
   */
  private claim(order: Order): { stored: Order } | { order: Order } {
    for (let attempt = 0; attempt < ID_ATTEMPTS; attempt += 1) {
      const id = attempt ? alternativeOrderId(order.id, order.idempotencyKey, attempt) : order.id;
      const existing = this.latest(id);
      if (!existing) return { order: attempt ? { ...order, id } : order };
      if (existing.idempotencyKey === order.idempotencyKey) return { stored: existing };
    }
    // Every number taken (never seen in practice): the store refuses a duplicate id, so nothing is paid.
    return { order };
  }

  private async requestPayment(order: Order): Promise<PaymentOutcome> {
    // WeChat Pay charges yuan: a peso price goes out as the yuan on the order, its face value and rate in the description.
    const charged = yuanCharged(order) ?? order.payable;
    const faceValue = charged === order.payable ? '' : ` · 面值 ${formatMoney(order.payable)}，${rateLine(order.fx)}`;
    const request: PaymentRequest = {
      orderId: order.id,
      idempotencyKey: order.idempotencyKey,
      amount: charged,
      payee: PAYEE_NAME,
      description: `${carrierName(order.carrier)} ${order.product.title} · ${maskPhone(order.phone)}${faceValue}`,
    };
    // An automatic top-up is paid under its 委托代扣 contract, without a payment sheet.
    if (order.autoTopup) request.contractId = order.autoTopup.contractId;
    try {
      return await this.payment.requestPayment(request);
    } catch {
      // No answer we can trust: treat like a lost answer and let reconciliation ask.
      return { status: 'timeout' };
    }
  }

  private async afterPayment(awaiting: Order, outcome: PaymentOutcome): Promise<Order> {
    switch (outcome.status) {
      case 'success': {
        const paid = this.move(awaiting, 'paid', { transactionId: outcome.transactionId }, '微信支付成功');
        return paid.state === 'paid' ? this.topUp(paid, false) : paid;
      }
      case 'cancel':
        return this.move(awaiting, 'cancelled', {}, '用户取消了支付');
      case 'fail':
        return this.move(awaiting, 'pay_failed', { failureReason: outcome.reason || '支付未成功' }, '微信支付失败');
      default:
        return this.move(awaiting, 'unknown', {}, '没有收到微信支付的结果');
    }
  }

  /**
   * Asks the carrier to credit a paid order. A refusal starts the refund (pay() stops at
   * refunding; reconcile() completes it); a lost connection leaves the order paid.
   */
  private async topUp(paid: Order, reconciled: boolean): Promise<Order> {
    const answer = await safely(() => this.gateway.topUp(paid));
    if (answer.ok) return this.credited(paid, answer.value, reconciled);
    if (answer.error === 'network' || answer.error === 'timeout') return paid;
    return this.startRefund(paid, answer.message, reconciled);
  }

  private credited(paid: Order, receipt: TopUpReceipt, reconciled: boolean): Order {
    const after = { balance: receipt.balance, dataLeftMb: receipt.dataLeftMb, expiry: receipt.expiry };
    const patch: Partial<Order> = { after, newExpiry: receipt.expiry, ...(reconciled ? { reconciled: true } : {}) };
    const done = this.move(paid, 'succeeded', patch, reconciled ? '核对：运营商已到账' : '运营商已到账');
    if (done.state === 'succeeded') this.rememberCard(done.phone, receipt);
    return done;
  }

  private startRefund(paid: Order, reason: string, reconciled: boolean): Order {
    const flag = reconciled ? { reconciled: true } : {};
    const failed = this.move(paid, 'topup_failed', { failureReason: reason, ...flag }, '运营商没有受理充值');
    return failed.state === 'topup_failed' ? this.move(failed, 'refunding', flag, '已发起原路退款') : failed;
  }

  /** The bound card (if this number is bound) shows the new figures at once. */
  private rememberCard(phone: string, receipt: TopUpReceipt): void {
    const lastKnown = {
      balance: receipt.balance,
      dataLeftMb: receipt.dataLeftMb,
      expiry: receipt.expiry,
      suspended: receipt.balance.amount < 0,
      at: this.clock.now(),
    };
    this.renewalCache?.credited(phone, receipt, lastKnown.at);
    try {
      // not_found (the number is not bound) is expected and ignored.
      this.cards.update(phone, { lastKnown });
    } catch {
      // The card list is a convenience; the order is what matters.
    }
  }

  // -------------------------------------------------------------- reconciling

  private async runReconcile(): Promise<ReconcileReport> {
    this.flushUnsaved();
    let pending: Order[];
    try {
      pending = this.records.pending();
    } catch {
      pending = [];
    }
    const report: ReconcileReport = { checked: 0, settled: [] };
    for (const stored of pending) {
      const order = this.unsaved.get(stored.id) ?? stored;
      // An order being paid right now is the live run's business, not reconciliation's.
      if (this.live.has(order.idempotencyKey) || !isUnsettled(order.state)) continue;
      report.checked += 1;
      const after = await this.settle(order);
      if (after.state !== order.state) report.settled.push({ id: order.id, from: order.state, to: after.state });
    }
    return report;
  }

  /** Settles one open order as far as the answers allow; one run per order at a time. */
  private settle(order: Order): Promise<Order> {
    const running = this.settling.get(order.id);
    if (running) return running;
    const run = this.settleSteps(order).finally(() => this.settling.delete(order.id));
    this.settling.set(order.id, run);
    return run;
  }

  private async settleSteps(start: Order): Promise<Order> {
    let order = start;
    // Each step moves one state on; the longest path (awaiting → paid → topup_failed → refunding → refunded) has four.
    for (let step = 0; step < 6; step += 1) {
      const next = await this.settleStep(order);
      if (next.state === order.state) return next;
      order = next;
    }
    return order;
  }

  private async settleStep(order: Order): Promise<Order> {
    switch (order.state) {
      case 'awaiting_payment':
      case 'unknown':
        return this.settlePayment(order);
      case 'paid':
        return this.settleTopUp(order);
      case 'topup_failed':
        return this.move(order, 'refunding', { reconciled: true }, '已发起原路退款');
      case 'refunding':
        // The mock refund completes on the first check; a real one would be queried here.
        return this.move(order, 'refunded', { reconciled: true }, '款项已原路退回');
      default:
        return order;
    }
  }

  private async settlePayment(order: Order): Promise<Order> {
    const answer = await safely(() => this.payment.queryPayment(order.id));
    if (!answer.ok) return order;
    const status = answer.value;
    if (status.state === 'paid') {
      const transactionId = order.transactionId ?? (status.transactionId || undefined);
      return this.move(order, 'paid', { reconciled: true, ...(transactionId ? { transactionId } : {}) }, '核对：微信支付已扣款');
    }
    if (status.state === 'failed') {
      return this.move(order, 'pay_failed', { reconciled: true, failureReason: order.failureReason ?? (status.reason || '支付未成功') }, '核对：支付未成功');
    }
    return this.move(order, 'cancelled', { reconciled: true }, '未支付，订单已关闭');
  }

  private async settleTopUp(paid: Order): Promise<Order> {
    const status = await safely(() => this.gateway.topUpStatus(paid.id));
    if (!status.ok) return paid;
    if (status.value === 'failed') return this.startRefund(paid, '运营商没有受理充值', true);
    // credited: a repeat topUp returns the first receipt without crediting again.
    return this.topUp(paid, true);
  }

  // ------------------------------------------------------------------ writing

  /** The order moved on and written; an illegal move leaves it as it is. */
  private move(order: Order, to: OrderState, patch: Partial<Order>, note: string): Order {
    const moved = transition(order, to, this.clock.now(), patch, note);
    if (!moved.ok) return order;
    this.save(moved.value);
    return moved.value;
  }

  /** Writes an order, retrying once; when both fail the newest state is kept in memory. */
  private save(order: Order): void {
    if (this.tryUpdate(order) || this.tryUpdate(order)) {
      this.unsaved.delete(order.id);
      return;
    }
    this.unsaved.set(order.id, order);
  }

  private tryUpdate(order: Order): boolean {
    try {
      return this.records.update(order).ok;
    } catch {
      return false;
    }
  }

  private flushUnsaved(): void {
    for (const order of [...this.unsaved.values()]) if (this.tryUpdate(order)) this.unsaved.delete(order.id);
  }

  private latest(id: string): Order | undefined {
    return this.unsaved.get(id) ?? this.records.get(id);
  }

  // ------------------------------------------------------------------ results

  private resultOf(order: Order): CheckoutResult {
    const [outcome, message] = describe(order);
    return { order, outcome, message: this.unsaved.has(order.id) ? `${message}${CHECKOUT_MESSAGES.unsaved}` : message };
  }
}

function noop(): void {
  // A finished reconciliation, whatever it found.
}

function describe(order: Order): [CheckoutOutcome, string] {
  switch (order.state) {
    case 'succeeded':
      return ['succeeded', CHECKOUT_MESSAGES.succeeded];
    case 'paid':
      return ['processing', CHECKOUT_MESSAGES.processing];
    case 'cancelled':
      return ['cancelled', CHECKOUT_MESSAGES.cancelled];
    case 'pay_failed':
      return ['failed', payFailedMessage(order.failureReason)];
    case 'topup_failed':
    case 'refunding':
      return ['failed', CHECKOUT_MESSAGES.refunding];
    case 'refunded':
      return ['failed', CHECKOUT_MESSAGES.refunded];
    case 'created':
      return ['not_started', CHECKOUT_MESSAGES.notPaidYet];
    default:
      return ['unknown', CHECKOUT_MESSAGES.unknown];
  }
}
