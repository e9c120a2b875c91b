/**
 * An offline WeChat Pay, shaped like wx.requestPayment plus the merchant's order query.
 *
 * The guarantee it keeps, as WeChat Pay does for one prepay order: at most one charge
 * per idempotency key. A second call while the first is open shares its promise; a
 * later one gets the first outcome back without charging. The ledger of outcomes is
 * persisted, so the guarantee holds across a relaunch.
 *
 * 'no_answer' is the case the checkout must survive: the money is taken, but the
 * answer never arrives (the call times out). The ledger knows, so queryPayment says
 * 'paid' afterwards. 'no_answer_not_charged' times out without taking money.
 */
import { chinaCompactTimestamp } from '../../core/dates';
import { isMoney } from '../../core/money';
import type { Money, Result } from '../../core/types';
import type {
  Clock,
  GatewayError,
  KeyValueStorage,
  PaymentOutcome,
  PaymentRequest,
  PaymentService,
  PaymentSheetSlot,
  PaymentStatus,
  PapayService,
  SheetChoice,
} from '../../services/contracts';

export const PAYMENT_LEDGER_KEY = 'mock.pay.ledger.v1';
export const MAX_LEDGER_ENTRIES = 500;
export const DEFAULT_PAYMENT_TIMEOUT_MS = 15_000;
/** The round trip after the user answers the sheet, and of an order query. */
export const PAYMENT_LATENCY_MS = 300;

export const INSUFFICIENT_FUNDS_REASON = '零钱余额不足';

/** What the mock does when no sheet is on screen (tests, benchmarks, scripted demos). */
export type PaymentScenario = SheetChoice | 'no_answer_not_charged';

type QueryFailure = 'network' | 'timeout';

interface LedgerEntry {
  key: string;
  orderId: string;
  amount: Money;
  outcome: PaymentOutcome;
  /** Money was taken (also when the answer was lost). */
  charged: boolean;
  transactionId?: string;
  at: number;
}

interface StoredLedger {
  version: 1;
  entries: LedgerEntry[];
  /** Orders a query found unpaid: closed, as WeChat Pay closes them, so a late payment cannot happen. */
  closed: string[];
}

export interface MockPaymentOptions {
  clock: Clock;
  storage: KeyValueStorage;
  sheet: PaymentSheetSlot;
  random: () => number;
  timeoutMs?: number;
  /** Deductions under a 委托代扣 contract (a request with contractId) are checked against it. */
  contracts?: PapayService;
}

function digits(random: () => number, count: number): string {
  let text = '';
  for (let i = 0; i < count; i += 1) {
    const r = random();
    text += String(typeof r === 'number' && r >= 0 && r < 1 ? Math.floor(r * 10) : 0);
  }
  return text;
}

export class MockWeChatPay implements PaymentService {
  /** The answer when no sheet is attached. */
  scenario: PaymentScenario = 'pay';
  private readonly clock: Clock;
  private readonly storage: KeyValueStorage;
  private readonly sheet: PaymentSheetSlot;
  private readonly random: () => number;
  private readonly timeoutMs: number;
  private readonly contracts: PapayService | undefined;
  private readonly entries = new Map<string, LedgerEntry>();
  private readonly closed = new Set<string>();
  private readonly inFlight = new Map<string, Promise<PaymentOutcome>>();
  /** Orders whose sheet is on screen now. */
  private readonly openOrders = new Set<string>();
  private readonly queryFailures: QueryFailure[] = [];

  constructor(options: MockPaymentOptions) {
    this.clock = options.clock;
    this.storage = options.storage;
    this.sheet = options.sheet;
    this.random = options.random;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_PAYMENT_TIMEOUT_MS;
    this.contracts = options.contracts;
    this.load();
  }

  // ------------------------------------------------------------ test controls

  /** Real charges, for one idempotency key or in all. */
  chargeCount(idempotencyKey?: string): number {
    let count = 0;
    for (const entry of this.entries.values()) if (entry.charged && (idempotencyKey === undefined || entry.key === idempotencyKey)) count += 1;
    return count;
  }

  /** The next `count` queryPayment calls fail this way. */
  failNextQuery(kind: QueryFailure = 'network', count = 1): void {
    for (let i = 0; i < count; i += 1) this.queryFailures.push(kind);
  }

  // ------------------------------------------------------------------ service

  requestPayment(request: PaymentRequest): Promise<PaymentOutcome> {
    const problem = requestProblem(request);
    if (problem) return Promise.resolve({ status: 'fail', reason: problem });
    const key = request.idempotencyKey;
    const open = this.inFlight.get(key);
    if (open) return open;
    const settled = this.entries.get(key);
    if (settled) return Promise.resolve(settled.outcome);
    if (this.closed.has(request.orderId)) return Promise.resolve({ status: 'fail', reason: '订单已关闭，请重新下单' });

    const running = this.run(request).finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, running);
    return running;
  }

  async queryPayment(orderId: string): Promise<Result<PaymentStatus, GatewayError>> {
    await this.clock.sleep(PAYMENT_LATENCY_MS);
    const failure = this.queryFailures.shift();
    if (failure === 'network') return { ok: false, error: 'network', message: '网络连接失败，没有查到支付结果，稍后会再次核对' };
    if (failure === 'timeout') return { ok: false, error: 'timeout', message: '查询支付结果超时，稍后会再次核对' };
    const entry = this.entryOf(orderId);
    if (entry?.charged) return { ok: true, value: { state: 'paid', transactionId: entry.transactionId ?? '' } };
    if (entry?.outcome.status === 'fail') return { ok: true, value: { state: 'failed', reason: entry.outcome.reason } };
    // Unpaid and not on screen: close it, so a late payment for a cancelled order cannot happen.
    if (entry === undefined && !this.openOrders.has(orderId) && typeof orderId === 'string' && orderId !== '') {
      this.closed.add(orderId);
      this.save();
    }
    return { ok: true, value: { state: 'not_paid' } };
  }

  // ----------------------------------------------------------------- internals

  private async run(request: PaymentRequest): Promise<PaymentOutcome> {
    if (request.contractId !== undefined) {
      const refusal = await this.deductionRefusal(request);
      if (refusal) return this.record(request, { status: 'fail', reason: refusal }, false);
    }
    this.openOrders.add(request.orderId);
    try {
      const choice = await this.ask(request);
      return await this.answer(request, choice);
    } finally {
      this.openOrders.delete(request.orderId);
    }
  }

  /** The attached sheet's answer; a sheet that breaks counts as the user closing it. */
  private async ask(request: PaymentRequest): Promise<PaymentScenario> {
    // A papay deduction shows no sheet: the user agreed once, when signing.
    if (request.contractId !== undefined) return this.scenario;
    const host = this.sheet.current();
    if (!host) return this.scenario;
    try {
      return await host.present(request);
    } catch {
      return 'cancel';
    }
  }

  private async answer(request: PaymentRequest, choice: PaymentScenario): Promise<PaymentOutcome> {
    switch (choice) {
      case 'pay': {
        const transactionId = this.newTransactionId();
        this.record(request, { status: 'success', transactionId }, true, transactionId);
        await this.clock.sleep(PAYMENT_LATENCY_MS);
        return { status: 'success', transactionId };
      }
      case 'fail_insufficient':
        await this.clock.sleep(PAYMENT_LATENCY_MS);
        return this.record(request, { status: 'fail', reason: INSUFFICIENT_FUNDS_REASON }, false);
      case 'no_answer': {
        // Charged first, then the answer is lost: the worst case the checkout must survive.
        this.record(request, { status: 'timeout' }, true, this.newTransactionId());
        await this.clock.sleep(this.timeoutMs);
        return { status: 'timeout' };
      }
      case 'no_answer_not_charged':
        await this.clock.sleep(this.timeoutMs);
        return this.record(request, { status: 'timeout' }, false);
      default:
        return this.record(request, { status: 'cancel' }, false);
    }
  }

  /** Why WeChat Pay would refuse this deduction under its contract, or null. */
  private async deductionRefusal(request: PaymentRequest): Promise<string | null> {
    if (!this.contracts || typeof request.contractId !== 'string' || request.contractId === '') return '没有有效的委托代扣协议，不能自动扣款';
    const contract = await this.contracts.query(request.contractId);
    if (!contract.ok) return contract.error === 'not_found' ? '没有有效的委托代扣协议，不能自动扣款' : contract.message;
    if (contract.value.state !== 'active') return '委托代扣协议已解除，不能自动扣款';
    const limit = contract.value.perCharge;
    // A limit in another currency (a peso face value charged in yuan) is the rule's to keep, not this check's.
    if (limit.currency === request.amount.currency && request.amount.amount > limit.amount) return '超过委托代扣协议的单次扣款上限';
    return null;
  }

  private record(request: PaymentRequest, outcome: PaymentOutcome, charged: boolean, transactionId?: string): PaymentOutcome {
    const entry: LedgerEntry = { key: request.idempotencyKey, orderId: request.orderId, amount: { ...request.amount }, outcome, charged, at: this.clock.now() };
    if (transactionId) entry.transactionId = transactionId;
    this.entries.delete(entry.key);
    this.entries.set(entry.key, entry);
    this.save();
    return outcome;
  }

  /** 28 digits like WeChat Pay's: 4200 + 6 digits + the China date + 10 digits. */
  private newTransactionId(): string {
    const day = (chinaCompactTimestamp(this.clock.now()) ?? '00000000').slice(0, 8);
    return `4200${digits(this.random, 6)}${day}${digits(this.random, 10)}`;
  }

  private entryOf(orderId: string): LedgerEntry | undefined {
    let found: LedgerEntry | undefined;
    for (const entry of this.entries.values()) if (entry.orderId === orderId) found = entry;
    return found;
  }

  // ---------------------------------------------------------------- storage

  private load(): void {
    const raw = this.storage.get(PAYMENT_LEDGER_KEY) as Partial<StoredLedger> | undefined;
    if (!raw || typeof raw !== 'object' || raw.version !== 1) return;
    for (const entry of Array.isArray(raw.entries) ? raw.entries : []) {
      if (isLedgerEntry(entry)) this.entries.set(entry.key, entry);
    }
    for (const id of Array.isArray(raw.closed) ? raw.closed : []) if (typeof id === 'string') this.closed.add(id);
  }

  /** Keeps the newest MAX_LEDGER_ENTRIES: one small key, never an ever-growing one. */
  private save(): void {
    for (const key of this.entries.keys()) {
      if (this.entries.size <= MAX_LEDGER_ENTRIES) break;
      this.entries.delete(key);
    }
    for (const id of this.closed) {
      if (this.closed.size <= MAX_LEDGER_ENTRIES) break;
      this.closed.delete(id);
    }
    const ledger: StoredLedger = { version: 1, entries: [...this.entries.values()], closed: [...this.closed] };
    // The ledger stands for WeChat's servers: a failed local write loses only the relaunch memory.
    this.storage.set(PAYMENT_LEDGER_KEY, ledger);
  }
}

function requestProblem(request: PaymentRequest): string | null {
  if (!request || typeof request !== 'object') return '支付参数缺失，请返回重新下单';
  if (typeof request.idempotencyKey !== 'string' || request.idempotencyKey === '') return '支付参数缺失，请返回重新下单';
  if (typeof request.orderId !== 'string' || request.orderId === '') return '订单号缺失，请返回重新下单';
  if (!isMoney(request.amount) || request.amount.amount <= 0) return '支付金额有误，请返回重新下单';
  // WeChat Pay's JSAPI total is in fen of CNY: any other currency is refused, never charged.
  if (request.amount.currency !== 'CNY') return '微信支付只能以人民币付款，请返回重新下单';
  return null;
}

function isLedgerEntry(value: unknown): value is LedgerEntry {
  const entry = value as Partial<LedgerEntry> | null;
  return (
    !!entry &&
    typeof entry.key === 'string' &&
    typeof entry.orderId === 'string' &&
    typeof entry.charged === 'boolean' &&
    !!entry.outcome &&
    typeof entry.outcome.status === 'string'
  );
}
