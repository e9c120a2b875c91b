/**
 * Every boundary the pages cross: storage, the carrier, payment, SMS, WeChat's own
 * APIs and navigation. Pages and core never call `wx` directly; they talk to these
 * interfaces, which the offline mocks (the default backend) and the tests implement.
 * A real HTTP or cloud-function client replaces a mock by implementing the same one.
 */
import type {
  BoundCard,
  CalendarEvent,
  CardProfile,
  ChinaDate,
  Money,
  Order,
  OrderState,
  ProductKind,
  Result,
} from '../core/types';

/* ------------------------------------------------------------------ time */

export interface Clock {
  /** Epoch milliseconds. */
  now(): number;
  /** Resolves after ms (the mock backends' latency and timeouts go through here). */
  sleep(ms: number): Promise<void>;
}

/* --------------------------------------------------------------- storage */

export type StorageError = 'quota' | 'item_too_large' | 'failed';

/**
 * wx key-value storage, with WeChat's errors turned into typed results. A read or listing
 * that fails says so ('failed'): it is never passed off as "missing" or "empty", because a
 * store that took a failed listing for an empty one would write over what is there.
 */
export interface KeyValueStorage {
  /** The stored value, or undefined for a missing or unreadable key. Never throws. */
  get(key: string): unknown;
  /** Like get(), but tells the two apart: value undefined means the key is surely absent. */
  read(key: string): Result<unknown, 'failed'>;
  set(key: string, value: unknown): Result<void, StorageError>;
  remove(key: string): void;
  /** Every key, or 'failed' when WeChat could not list them. */
  keys(): Result<string[], 'failed'>;
  /** Bytes used and the limit, as WeChat reports them (KB granularity), or 'failed'. */
  info(): Result<{ usedKb: number; limitKb: number }, 'failed'>;
}

/* --------------------------------------------------------------- records */

export interface RecordFilter {
  phone?: string;
  states?: OrderState[];
  kinds?: ProductKind[];
  /** Matches an order number or a phone number (substring). */
  text?: string;
}

export interface RecordPage {
  items: Order[];
  /** Pass as `before` to get the next (older) page; null when there is no more. */
  nextCursor: string | null;
}

/** 'unavailable': storage could not be listed, so nothing is written until it can be (read-only). */
export type RecordStoreError = StorageError | 'not_found' | 'duplicate' | 'unavailable';

/** Which kind of stored data a set-aside copy came from, for the words the user reads. */
export type QuarantineSource = 'records' | 'index' | 'legacy' | 'copy' | 'other';

export interface QuarantinedEntry {
  key: string;
  /** The raw value as it was found, kept aside, never deleted by the store. */
  raw: unknown;
  reason: string;
  at: number;
  /** How many orders the damage touched, when that is known (the rest are intact). */
  orders?: number;
  /** Filled in by RecordStore.quarantined(). */
  source?: QuarantineSource;
}

export interface RecordStoreOpenReport {
  migratedFrom: number | null;
  quarantined: QuarantinedEntry[];
  /** Set (a Chinese sentence for the user) while the store is read-only: storage could not be listed. */
  readOnly?: string;
  /** What to tell the user about this launch's findings (Chinese), when there is something. */
  notice?: string;
}

/** Transaction records on local storage. Append cost does not grow with the count. */
export interface RecordStore {
  /**
   * Reads the index, merges old schemas, sets corrupt keys aside. Cheap: it reads the index,
   * not the records. Idempotent.
   */
  open(): RecordStoreOpenReport;
  /**
   * Reads and checks every record not yet read since launch, a little at a time (the app
   * starts it after open()); damage found is set aside and the counts corrected. Resolves
   * with what it found, `notice` worded for the user.
   */
  verify(): Promise<RecordStoreOpenReport>;
  append(order: Order): Result<void, RecordStoreError>;
  /** Replaces the stored order with the same id. */
  update(order: Order): Result<void, RecordStoreError>;
  remove(id: string): Result<void, RecordStoreError>;
  get(id: string): Order | undefined;
  /** Newest first; reads only the shards the page needs. */
  page(options: { before?: string | null; limit: number; filter?: RecordFilter }): RecordPage;
  /** Orders whose outcome is not settled (awaiting_payment, unknown, paid, refunding). */
  pending(): Order[];
  /** Same number and product, paid or possibly paid, since `sinceMs`. */
  recentSimilar(phone: string, productId: string, sinceMs: number): Order[];
  count(): number;
  /** Every order matching the filter, newest first (export). */
  all(filter?: RecordFilter): Order[];
  /** Numbers that appear in the records, the most recently used first. */
  phones(): string[];
  /**
   * Charged totals (paid + succeeded, by amount paid) of one China month ('2026-11'),
   * per currency, zero currencies left out.
   */
  monthTotals(month: string, filter?: RecordFilter): Money[];
  quarantined(): QuarantinedEntry[];
}

/* --------------------------------------------------------------- carrier */

export type GatewayError = 'not_found' | 'network' | 'timeout' | 'unsupported' | 'rejected';

export type CardQuery = { phone: string } | { iccid: string };

export interface TopUpReceipt {
  orderId: string;
  balance: Money;
  dataLeftMb: number | null;
  expiry: ChinaDate;
}

export interface CarrierGateway {
  lookup(query: CardQuery): Promise<Result<CardProfile, GatewayError>>;
  /** Credits a paid order to the card. Idempotent by order id: a repeat returns the first receipt. */
  topUp(order: Order): Promise<Result<TopUpReceipt, GatewayError>>;
  /** What the carrier knows of an order (for reconciliation after a lost answer). */
  topUpStatus(orderId: string): Promise<Result<'credited' | 'not_received' | 'failed', GatewayError>>;
}

/* --------------------------------------------------------------- payment */

/** Imitates wx.requestPayment's shape: the server-side prepay fields plus our own ids. */
export interface PaymentRequest {
  orderId: string;
  idempotencyKey: string;
  amount: Money;
  /** Shown on the payment sheet: 商户名称. */
  payee: string;
  /** Shown on the payment sheet: 商品 (e.g. 中国移动 话费充值 50 元 · 138****8000). */
  description: string;
}

export type PaymentOutcome =
  | { status: 'success'; transactionId: string }
  | { status: 'cancel' }
  | { status: 'fail'; reason: string }
  | { status: 'timeout' };

/** The user's choice on the (mock) WeChat Pay sheet. */
export type SheetChoice = 'pay' | 'cancel' | 'fail_insufficient' | 'no_answer';

/** Shows the payment sheet and resolves with what the user chose. The confirm page hosts one. */
export interface PaymentSheetHost {
  present(request: PaymentRequest): Promise<SheetChoice>;
}

/**
 * What WeChat Pay's order query answers (trade_state with its transaction_id): the truth
 * about an order, where requestPayment's answer is only a hint.
 */
export type PaymentStatus =
  | { state: 'paid'; transactionId: string }
  | { state: 'not_paid' }
  | { state: 'failed'; reason: string };

export interface PaymentService {
  /** At most one payment per idempotency key: a repeat returns the first outcome. */
  requestPayment(request: PaymentRequest): Promise<PaymentOutcome>;
  /** What WeChat Pay knows of an order (reconciliation). */
  queryPayment(orderId: string): Promise<Result<PaymentStatus, GatewayError>>;
}

/* ------------------------------------------------------- account and SMS */

export type PhoneGrantError = 'declined' | 'quota' | 'invalid_code' | 'network';

export interface AccountService {
  /** Exchanges getPhoneNumber's one-time code for the number (server side in production). */
  exchangePhoneCode(code: string): Promise<Result<string, PhoneGrantError>>;
}

export type SmsError = 'rate_limited' | 'network' | 'wrong_code' | 'expired' | 'too_many_attempts' | 'no_code';

export interface SmsSent {
  expiresAt: number;
  /** When the next send is allowed (60 s later). */
  resendAt: number;
  /**
   * Only a demo backend, which has no phone to text, answers with the code itself so the
   * page can show it marked as a demo. A real SMS backend never sets it.
   */
  demoCode?: string;
}

export interface SmsService {
  send(phone: string): Promise<Result<SmsSent, SmsError>>;
  verify(phone: string, code: string): Promise<Result<void, SmsError>>;
}

/* ----------------------------------------------------- bound cards (mine) */

export type CardBookError = StorageError | 'duplicate' | 'not_found' | 'limit';

export interface CardBook {
  list(): BoundCard[];
  get(phone: string): BoundCard | undefined;
  bind(card: BoundCard): Result<void, CardBookError>;
  update(phone: string, patch: Partial<BoundCard>): Result<void, CardBookError>;
  unbind(phone: string): Result<void, CardBookError>;
  setDefault(phone: string): Result<void, CardBookError>;
  /** Numbers looked up lately (not bound), newest first, for quick picks. */
  recent(): string[];
  pushRecent(phone: string): void;
}

/* ------------------------------------------------- WeChat device features */

export type { CalendarEvent } from '../core/types';

/** The small wx APIs the pages need, so tests can watch and answer them. */
export interface DeviceService {
  toast(message: string, kind?: 'success' | 'fail' | 'none'): void;
  /** A modal with confirm / cancel; resolves true on confirm. */
  confirm(options: { title: string; content: string; confirmText?: string; cancelText?: string }): Promise<boolean>;
  copy(text: string): Promise<boolean>;
  call(phoneNumber: string): Promise<boolean>;
  addCalendar(event: CalendarEvent): Promise<Result<void, 'denied' | 'failed'>>;
  /** Asks for one-time subscription messages; resolves with the accepted template ids. */
  subscribe(templateIds: string[]): Promise<string[]>;
  stopPullDownRefresh(): void;
  vibrate(): void;
}

/* --------------------------------------------------------------- privacy */

export type PrivacyAnswer = { event: 'agree'; buttonId: string } | { event: 'disagree' };
export type PrivacyResolve = (answer: PrivacyAnswer) => void;
/** Shows the page's popup; the page calls resolve when the user answers. */
export type PrivacyPrompt = (resolve: PrivacyResolve, referrer: string) => void;

/** WeChat's privacy agreement (`__usePrivacyCheck__`): see services/wx/privacy.ts. */
export interface PrivacyService {
  /** Registers the showing page's popup (last registered wins). Returns the unregister function. */
  onNeed(prompt: PrivacyPrompt): () => void;
  /** Asks now if still needed (wx.requirePrivacyAuthorize): true when agreed, now or before. */
  require(): Promise<boolean>;
  /** Opens 《用户隐私保护指引》 as configured in the WeChat admin console. */
  openContract(): void;
}

/* ------------------------------------------------------------ navigation */

export type PageName =
  | 'home'
  | 'lookup'
  | 'packages'
  | 'confirm'
  | 'result'
  | 'records'
  | 'voucher'
  | 'mine'
  | 'bind'
  | 'card'
  | 'help';

export const TAB_PAGES: readonly PageName[] = ['home', 'lookup', 'records', 'mine'];

export type Query = Record<string, string>;

/** All page moves go through here, so flow tests can follow them. */
export interface Navigator {
  /** Pushes a page (or switches tab for a tab page; tabs take no query, see handoff). */
  open(page: PageName, query?: Query): void;
  /** Replaces the current page (used from confirm → result, so back does not re-pay). */
  replace(page: PageName, query?: Query): void;
  back(): void;
  /** Values handed to a tab page, which cannot take a query string. Read once. */
  takeHandoff(page: PageName): Query | undefined;
}

/* ------------------------------------------------------- payment sheet slot */

/**
 * The mock WeChat Pay has no native sheet to show, so the page that pays (confirm)
 * attaches its own sheet component here. With nothing attached, the mock answers by
 * its configured scenario (tests, benchmarks).
 */
export interface PaymentSheetSlot {
  /** Returns a function that detaches this host. */
  attach(host: PaymentSheetHost): () => void;
  current(): PaymentSheetHost | null;
}

/* ---------------------------------------------------------------- checkout */

export type CheckoutOutcome = 'succeeded' | 'processing' | 'cancelled' | 'failed' | 'unknown' | 'not_started';

export interface CheckoutResult {
  order: Order;
  outcome: CheckoutOutcome;
  /** Chinese, for the result page or a toast. */
  message: string;
}

export interface ReconcileReport {
  checked: number;
  settled: { id: string; from: OrderState; to: OrderState }[];
}

/**
 * The renewal's money path: writes the order before any payment, pays at most once
 * per idempotency key, records the outcome, asks the carrier to credit the card, and
 * settles what a killed app or a lost answer left open.
 */
export interface Checkout {
  /** Orders for the same number and product possibly charged in the last 10 minutes. */
  recentDuplicate(phone: string, productId: string): Order | undefined;
  /** Concurrent or repeated calls with the same idempotency key share one payment. */
  pay(order: Order): Promise<CheckoutResult>;
  /** Settles every unsettled order with the payment service and the gateway, once each. */
  reconcile(): Promise<ReconcileReport>;
}
