/**
 * The offline carrier: the default backend until a real gateway client implements
 * CarrierGateway. Any valid number answers with a stable card and 归属地 (card-data.ts
 * and locations.ts derive them from the digits), the DEMO_NUMBERS show each card status, and a paid top-up
 * changes the card as bought and survives a relaunch.
 *
 * Failure model (what tests and the demo can provoke):
 * - failNext('network'): the request never reached the carrier; nothing happened.
 * - failNext('timeout'), or latencyMs > timeoutMs: the carrier is too slow and the
 *   caller gives up after timeoutMs. For topUp this is the worst case: the carrier did
 *   credit the card, only the answer was lost (topUpStatus then says 'credited').
 * - failTopUpFor(orderId | 'next'): the carrier refuses that top-up ('rejected'); the
 *   money must then be refunded.
 */
import type { RateQuote } from '../../core/charge';
import type { ExchangeRate } from '../../core/exchange';
import { addDays, chinaToday, daysBetween, isChinaDate, newExpiryAfter } from '../../core/dates';
import { parseIccid, type Iccid } from '../../core/iccid';
import { isMoney, money } from '../../core/money';
import { parsePhone } from '../../core/phone';
import type { CardProfile, Money, Order, Result } from '../../core/types';
import type { CardQuery, CarrierGateway, Clock, GatewayError, KeyValueStorage, TopUpReceipt } from '../../services/contracts';
import { deriveProfile, inventPhoneFor, phoneFromIccid } from './card-data';
import { locationOf } from './locations';

export { DEMO_NUMBERS, type DemoNumber } from './card-data';

export const GATEWAY_CARDS_KEY = 'mock.gateway.cards.v1';
/** Only changed cards are stored; the oldest change is dropped beyond this. */
export const MAX_STORED_CARDS = 200;
/** Top-up answers kept for idempotency and status queries. */
export const MAX_STORED_TOPUPS = 500;
export const DEFAULT_GATEWAY_LATENCY_MS = 400;
export const DEFAULT_GATEWAY_TIMEOUT_MS = 8000;
/**
 * The demo rate: ₱100 = ¥12.35 (₱1 ≈ ¥0.1235), close to the PHP/CNY mid-market rate
 * of 2025 (about 0.12–0.13). Demo data: a real gateway quotes its own rate.
 */
export const DEMO_PESO_RATE: ExchangeRate = { from: 'PHP', to: 'CNY', fen: 247, centavos: 2000 };

export const GATEWAY_MESSAGES: Record<GatewayError, string> = {
  not_found: '没有查到这张卡，请核对号码或 ICCID',
  network: '网络连接失败，没有连上运营商，请检查网络后重试',
  timeout: '运营商系统响应超时，请稍后重试',
  unsupported: '暂只支持中国大陆号码和菲律宾 Smart / TNT 号码',
  rejected: '运营商暂时无法为这个号码充值，款项将原路退回',
};

type FailureKind = 'network' | 'timeout';
type TopUpStatus = 'credited' | 'not_received' | 'failed';

interface TopUpEntry {
  orderId: string;
  phone: string;
  status: 'credited' | 'failed';
  receipt?: TopUpReceipt;
  reason?: string;
  at: number;
}

interface StoredState {
  version: 1;
  cards: CardProfile[];
  topUps: TopUpEntry[];
}

export interface MockGatewayOptions {
  clock: Clock;
  storage: KeyValueStorage;
  latencyMs?: number;
  timeoutMs?: number;
  /** Told each card a lookup answers with: the offline backend runs low-balance 自动充值 rules from here. */
  onLookup?: (card: CardProfile) => void;
}

function fail<E extends GatewayError>(error: E, message: string = GATEWAY_MESSAGES[error]): Result<never, E> {
  return { ok: false, error, message };
}

function copyCard(card: CardProfile): CardProfile {
  return { ...card, balance: { ...card.balance } };
}

export class MockCarrierGateway implements CarrierGateway {
  /** Simulated round trip of every call. */
  latencyMs: number;
  /** The caller gives up after this long and answers 'timeout'. */
  timeoutMs: number;
  private readonly clock: Clock;
  private readonly storage: KeyValueStorage;
  private readonly onLookup: ((card: CardProfile) => void) | undefined;
  private readonly failures: FailureKind[] = [];
  private readonly refusedOrders = new Set<string>();
  /** The rate exchangeRate() quotes (tests change it to see a page quote again). */
  rate: ExchangeRate = DEMO_PESO_RATE;
  private refuseNext = 0;
  /** Changed cards by number, oldest change first. */
  private readonly cards = new Map<string, CardProfile>();
  private readonly topUps = new Map<string, TopUpEntry>();
  /** ICCIDs we had never seen, with the number invented for each (first 19 characters). */
  private readonly inventedByIccid = new Map<string, string>();
  private readonly iccidOfInvented = new Map<string, string>();

  constructor(options: MockGatewayOptions) {
    this.clock = options.clock;
    this.storage = options.storage;
    this.latencyMs = options.latencyMs ?? DEFAULT_GATEWAY_LATENCY_MS;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_GATEWAY_TIMEOUT_MS;
    this.onLookup = options.onLookup;
    this.load();
  }

  // ------------------------------------------------------------ test controls

  /** The next `count` calls (lookup, topUp or topUpStatus) fail this way. */
  failNext(kind: FailureKind, count = 1): void {
    for (let i = 0; i < count; i += 1) this.failures.push(kind);
  }

  /** The carrier refuses the top-up of this order, or of the next order it receives. */
  failTopUpFor(orderId: string | 'next'): void {
    if (orderId === 'next') this.refuseNext += 1;
    else this.refusedOrders.add(orderId);
  }

  /** The card as the carrier knows it now, without latency or failures (tests, demo notes). */
  profileOf(phone: string): CardProfile | null {
    const parsed = parsePhone(phone);
    return parsed.ok ? this.current(parsed.value.national) : null;
  }

  // ------------------------------------------------------------------ gateway

  async lookup(query: CardQuery): Promise<Result<CardProfile, GatewayError>> {
    const answer = await this.find(query);
    if (answer.ok && this.onLookup) {
      try {
        this.onLookup(copyCard(answer.value));
      } catch {
        // A listener's trouble is its own: the lookup still answers.
      }
    }
    return answer;
  }

  private async find(query: CardQuery): Promise<Result<CardProfile, GatewayError>> {
    const arrival = await this.travel();
    if (arrival !== 'ok') return fail(arrival);
    const q = query as Partial<Record<'phone' | 'iccid', unknown>> | null;
    if (q && typeof q === 'object' && 'phone' in q) {
      const parsed = parsePhone(q.phone);
      if (!parsed.ok) return fail(parsed.error === 'unsupported_carrier' ? 'unsupported' : 'not_found', parsed.message);
      return { ok: true, value: this.current(parsed.value.national) };
    }
    if (q && typeof q === 'object' && 'iccid' in q) {
      const parsed = parseIccid(q.iccid);
      if (!parsed.ok) return fail('not_found', parsed.message);
      const phone = this.phoneForIccid(parsed.value);
      if (phone === null) return fail('unsupported', '这张 SIM 卡不是 Smart 或中国大陆运营商的卡，暂不支持续费');
      return { ok: true, value: this.current(phone) };
    }
    return fail('not_found', '请输入手机号或 SIM 卡背面的 ICCID');
  }

  async exchangeRate(): Promise<Result<RateQuote, GatewayError>> {
    const arrival = await this.travel();
    if (arrival !== 'ok') return fail(arrival);
    return { ok: true, value: { rate: { ...this.rate }, quotedAt: this.clock.now() } };
  }

  async topUp(order: Order): Promise<Result<TopUpReceipt, GatewayError>> {
    const arrival = await this.travel();
    if (arrival === 'network') return fail('network');
    // A timeout still reached the carrier: the card is credited, the answer is lost.
    const answer = this.credit(order);
    if (arrival === 'timeout') return fail('timeout');
    return answer;
  }

  async topUpStatus(orderId: string): Promise<Result<TopUpStatus, GatewayError>> {
    const arrival = await this.travel();
    if (arrival !== 'ok') return fail(arrival);
    const entry = typeof orderId === 'string' ? this.topUps.get(orderId) : undefined;
    return { ok: true, value: entry ? entry.status : 'not_received' };
  }

  // ----------------------------------------------------------------- internals

  /** The round trip: latency on the clock, or a failure the test asked for. */
  private async travel(): Promise<'ok' | FailureKind> {
    const failure = this.failures.shift();
    if (failure === 'timeout' || this.latencyMs > this.timeoutMs) {
      await this.clock.sleep(this.timeoutMs);
      return 'timeout';
    }
    await this.clock.sleep(this.latencyMs);
    return failure ?? 'ok';
  }

  private today(): string {
    return chinaToday(this.clock.now());
  }

  /** A valid national number's card now: as changed by top-ups, else derived. */
  private current(phone: string): CardProfile {
    const stored = this.cards.get(phone);
    // Cards stored before the gateway answered 归属地 get it now: it follows from the number.
    if (stored) return { ...copyCard(stored), location: locationOf(stored.phone, stored.region) };
    const derived = deriveProfile(phone, this.today()) as CardProfile;
    const iccid = this.iccidOfInvented.get(phone);
    return iccid ? { ...derived, iccid } : derived;
  }

  private phoneForIccid(iccid: Iccid): string | null {
    const head = iccid.value.slice(0, 19);
    for (const card of this.cards.values()) if (card.iccid.slice(0, 19) === head) return card.phone;
    const known = this.inventedByIccid.get(head) ?? phoneFromIccid(iccid.value);
    if (known) return known;
    const invented = inventPhoneFor(iccid);
    if (invented === null) return null;
    this.inventedByIccid.set(head, invented);
    this.iccidOfInvented.set(invented, iccid.value);
    return invented;
  }

  /** Applies a paid order once; a repeat answers as the first time did. */
  private credit(order: Order): Result<TopUpReceipt, GatewayError> {
    const orderId = order && typeof order.id === 'string' ? order.id : '';
    if (orderId === '') return fail('rejected', '订单号缺失，运营商没有受理');
    const previous = this.topUps.get(orderId);
    if (previous) return previous.status === 'credited' && previous.receipt ? { ok: true, value: { ...previous.receipt } } : fail('rejected', previous.reason);

    const parsed = parsePhone(order.phone);
    if (!parsed.ok) return this.refuse(orderId, String(order.phone), '充值号码无效，运营商没有受理，款项将原路退回');
    const phone = parsed.value.national;
    if (this.refusedOrders.delete(orderId) || this.takeRefuseNext()) return this.refuse(orderId, phone, GATEWAY_MESSAGES.rejected);

    const card = this.current(phone);
    const credit = order.product?.credit;
    if (!isMoney(credit) || credit.currency !== card.balance.currency) {
      return this.refuse(orderId, phone, '订单币种与号码不符，运营商没有受理，款项将原路退回');
    }
    const today = this.today();
    const addedMb = wholeOrZero(order.product.dataMb) + wholeOrZero(order.bonusDataMb);
    const balance: Money = money(card.balance.amount + credit.amount, credit.currency);
    const updated: CardProfile = {
      ...card,
      balance,
      dataLeftMb: card.dataLeftMb === null && addedMb === 0 ? null : (card.dataLeftMb ?? 0) + addedMb,
      expiry: newExpiryAfter(card.expiry, today, promisedDays(order)),
      suspended: card.suspended && balance.amount < 0,
    };
    const receipt: TopUpReceipt = { orderId, balance, dataLeftMb: updated.dataLeftMb, expiry: updated.expiry };
    this.cards.delete(phone);
    this.cards.set(phone, updated);
    this.remember({ orderId, phone, status: 'credited', receipt, at: this.clock.now() });
    return { ok: true, value: { ...receipt } };
  }

  private takeRefuseNext(): boolean {
    if (this.refuseNext <= 0) return false;
    this.refuseNext -= 1;
    return true;
  }

  private refuse(orderId: string, phone: string, reason: string): Result<never, GatewayError> {
    this.remember({ orderId, phone, status: 'failed', reason, at: this.clock.now() });
    return fail('rejected', reason);
  }

  private remember(entry: TopUpEntry): void {
    this.topUps.set(entry.orderId, entry);
    this.save();
  }

  // ---------------------------------------------------------------- storage

  private load(): void {
    const raw = this.storage.get(GATEWAY_CARDS_KEY) as Partial<StoredState> | undefined;
    if (!raw || typeof raw !== 'object' || raw.version !== 1) return;
    for (const card of Array.isArray(raw.cards) ? raw.cards : []) {
      if (isStoredCard(card)) this.cards.set(card.phone, card);
    }
    for (const entry of Array.isArray(raw.topUps) ? raw.topUps : []) {
      if (entry && typeof entry.orderId === 'string' && (entry.status === 'credited' || entry.status === 'failed')) {
        this.topUps.set(entry.orderId, entry);
      }
    }
  }

  /**
   * Best effort: the carrier's own records live in memory for this run; storage only
   * lets a relaunched demo see them. Bounded so it never grows past a few tens of KB.
   */
  private save(): void {
    trimOldest(this.cards, MAX_STORED_CARDS);
    trimOldest(this.topUps, MAX_STORED_TOPUPS);
    const state: StoredState = { version: 1, cards: [...this.cards.values()], topUps: [...this.topUps.values()] };
    this.storage.set(GATEWAY_CARDS_KEY, state);
  }
}

function wholeOrZero(value: unknown): number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0 ? value : 0;
}

/**
 * The days the order promised: the product's validity plus any extra days a promotion
 * added. The order keeps only the quoted expiries, so the extra is read back from them
 * with the same convention as newExpiryAfter (counted from max(old expiry, yesterday)).
 */
function promisedDays(order: Order): number {
  const base = wholeOrZero(order.product?.validityDays);
  if (!isChinaDate(order.oldExpiry) || !isChinaDate(order.newExpiry) || !Number.isFinite(order.createdAt)) return base;
  const yesterday = addDays(chinaToday(order.createdAt), -1);
  const start = daysBetween(yesterday, order.oldExpiry) >= 0 ? order.oldExpiry : yesterday;
  const quoted = daysBetween(start, order.newExpiry);
  // A quoted span far past the product (corrupt data) is not believed.
  return quoted >= base && quoted <= base + 366 ? quoted : base;
}

function isStoredCard(value: unknown): value is CardProfile {
  const card = value as Partial<CardProfile> | null;
  return !!card && typeof card.phone === 'string' && typeof card.iccid === 'string' && isMoney(card.balance) && isChinaDate(card.expiry);
}

function trimOldest<T>(map: Map<string, T>, max: number): void {
  for (const key of map.keys()) {
    if (map.size <= max) return;
    map.delete(key);
  }
}
