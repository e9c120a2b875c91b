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
  CarrierId,
  ChinaDate,
  Money,
  NumberLocation,
  Order,
  OrderState,
  ProductKind,
  RecentNumber,
  Result,
} from '../core/types';
import type { RateQuote } from '../core/charge';

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
  /** Matches part of an order number or of a phone number; a * in it stands for one digit of the phone number (186****6002). */
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
   * Charged totals (paid + succeeded: the yuan charged, else the amount paid) of one China month ('2026-11'),
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
  /**
   * Today's peso-to-yuan rate with the time it was quoted. WeChat Pay charges yuan, so a
   * Smart load priced in pesos is charged at this rate (core/charge.ts), and the order
   * keeps the quote it used.
   */
  exchangeRate(): Promise<Result<RateQuote, GatewayError>>;
  /** Credits a paid order to the card. Idempotent by order id: a repeat returns the first receipt. */
  topUp(order: Order): Promise<Result<TopUpReceipt, GatewayError>>;
  /** What the carrier knows of an order (for reconciliation after a lost answer). */
  topUpStatus(orderId: string): Promise<Result<'credited' | 'not_received' | 'failed', GatewayError>>;
}

/* ------------------------------------------------------ a renewal's data */

/** A card as the gateway answered it, and when (epoch ms). */
export interface FetchedCard {
  card: CardProfile;
  fetchedAt: number;
}

/**
 * What the renewal flow has already fetched, so lookup → packages → confirm ask the
 * gateway once: cards keyed by their own number (a card is only ever read back under the
 * number it belongs to) and the latest exchange-rate quote. Top-ups update the held card,
 * so every view shows what the last renewal answered. In memory: a relaunch asks again.
 */
export interface RenewalCache {
  /** Holds the answer for card.phone, unless a newer one is held already. */
  putCard(card: CardProfile, fetchedAt: number): void;
  /** The card held for this number (any accepted form of it), or undefined. */
  card(phone: string): FetchedCard | undefined;
  /** A top-up was credited: the held card (if any) takes the receipt's figures. */
  credited(phone: string, receipt: TopUpReceipt, at: number): void;
  putRate(quote: RateQuote): void;
  rate(): RateQuote | undefined;
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
  /**
   * 委托代扣 (papay): charge under this signed contract, without a payment sheet. A real
   * backend applies for the deduction server-side (pappayapply); the answer is the same.
   */
  contractId?: string;
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
  /**
   * The code sent to this number that is still waiting for its resend time, if any: a page
   * opened again (after a relaunch) picks up the countdown instead of only hearing 太频繁.
   */
  sentRecently?(phone: string): SmsSent | null;
}

/* ----------------------------------------------------- bound cards (mine) */

export type CardBookError = StorageError | 'duplicate' | 'not_found' | 'limit';

export type { RecentNumber } from '../core/types';

export interface CardBook {
  list(): BoundCard[];
  get(phone: string): BoundCard | undefined;
  bind(card: BoundCard): Result<void, CardBookError>;
  /**
   * Changes a card's settings. A patch with lastKnown also tracks the day the balance
   * reached zero (zeroBalanceSince) and keeps the 归属地 when the patch has none.
   */
  update(phone: string, patch: Partial<BoundCard>): Result<void, CardBookError>;
  unbind(phone: string): Result<void, CardBookError>;
  setDefault(phone: string): Result<void, CardBookError>;
  /** Numbers looked up lately (not bound), newest first, for quick picks. */
  recent(): string[];
  /** The same numbers with their carrier and 归属地 (at most 10 kept). */
  recentNumbers(): RecentNumber[];
  /** Remembers a looked-up number (best effort), with what the lookup said of it. */
  pushRecent(phone: string, seen?: { carrier?: CarrierId; location?: NumberLocation | null }): void;
  removeRecent(phone: string): Result<void, CardBookError>;
  clearRecent(): Result<void, CardBookError>;
}

/* ------------------------------------------------- WeChat device features */

export type { CalendarEvent } from '../core/types';

/** A contact picked from the phone's address book (wx.chooseContact). */
export interface ContactChoice {
  /** The name in the address book ('' when it has none). */
  name: string;
  /** Every number the contact has, as the phone gave them (unparsed, in its order). */
  numbers: string[];
}

/** cancelled: the user closed the picker; denied: no permission (or privacy refused); failed: anything else. */
export type ContactError = 'cancelled' | 'denied' | 'failed';
/** The parts of a 2D canvas context the app draws with (WeChat's and the browser's agree on these). */
export interface Canvas2DContext {
  fillStyle: unknown;
  strokeStyle: unknown;
  lineWidth: number;
  font: string;
  textAlign: string;
  textBaseline: string;
  fillRect(x: number, y: number, width: number, height: number): void;
  fillText(text: string, x: number, y: number): void;
  beginPath(): void;
  moveTo(x: number, y: number): void;
  lineTo(x: number, y: number): void;
  stroke(): void;
  setLineDash(segments: number[]): void;
  scale(x: number, y: number): void;
  measureText(text: string): { width: number };
}

/** A `<canvas type="2d">` found on screen, sized for drawing in CSS pixels (the device pixels are handled). */
export interface Canvas2D {
  /** The canvas node itself, handed back to canvasToImage. */
  node: unknown;
  context: Canvas2DContext;
  width: number;
  height: number;
}

/** Why a picture was not saved: refused (now or before: settings can allow it), the privacy guide declined, or another failure. */
export type AlbumError = 'denied' | 'privacy' | 'failed';

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
  /** Opens the phone's address book to pick one contact. */
  chooseContact(): Promise<Result<ContactChoice, ContactError>>;
  stopPullDownRefresh(): void;
  vibrate(): void;
  /** The page's window height in px (below the navigation bar, above the tab bar). */
  windowHeight(): number;
  /** Scrolls the page on top back to its start, at once. */
  scrollToTop(): void;
  /** The `<canvas type="2d">` matching selector inside scope (a page or component), sized width × height. */
  canvas2d(scope: object, selector: string, size: { width: number; height: number }): Promise<Result<Canvas2D, 'unavailable'>>;
  /** What was drawn, as a PNG file on the phone (wx.canvasToTempFilePath); resolves with its path. */
  canvasToImage(canvas: Canvas2D): Promise<Result<string, 'failed'>>;
  /** Saves a picture to the album, asking for scope.writePhotosAlbum first (WeChat asks only once). */
  saveImageToAlbum(filePath: string): Promise<Result<void, AlbumError>>;
  /** WeChat's settings page (call from a tap); true when the permission is allowed afterwards. */
  openSettings(scope: 'scope.writePhotosAlbum'): Promise<boolean>;
  /** WeChat's menu for a picture: send to a chat, save, favourite (wx.showShareImageMenu). */
  shareImage(filePath: string): Promise<Result<void, 'cancelled' | 'failed'>>;
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
  | 'help'
  | 'plan'
  | 'autotopup'
  | 'autotopup/papay'
  | 'invoice'
  | 'invoice/detail'
  | 'demo';

export const TAB_PAGES: readonly PageName[] = ['home', 'lookup', 'records', 'mine'];

/** Pages that do not live at pages/<name>/index: the offline backend's own page sits in its subpackage. */
const PAGE_PATHS: Partial<Record<PageName, string>> = { demo: 'backends/offline/about/index' };

/** A page's path from the mini-program root, without the leading slash: 'pages/lookup/index'. */
export function pagePath(page: PageName): string {
  return PAGE_PATHS[page] ?? `pages/${page}/index`;
}

/** The page a path names (the inverse of pagePath), or null for a path that is no page's. */
export function pageNameOf(path: string): PageName | null {
  const clean = path.replace(/^\//, '');
  const listed = (Object.keys(PAGE_PATHS) as PageName[]).find((page) => PAGE_PATHS[page] === clean);
  if (listed) return listed;
  const match = /^pages\/(.+)\/index$/.exec(clean);
  return match ? (match[1] as PageName) : null;
}

export type Query = Record<string, string>;

/** All page moves go through here, so flow tests can follow them. */
export interface Navigator {
  /** Pushes a page (or switches tab for a tab page; tabs take no query, see handoff). */
  open(page: PageName, query?: Query): void;
  /** Replaces the current page. */
  replace(page: PageName, query?: Query): void;
  /**
   * Closes every page and opens this one alone (wx.reLaunch): confirm → result, so that
   * back after a payment leaves the purchase flow instead of leading into paying again.
   */
  relaunch(page: PageName, query?: Query): void;
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
  /**
   * Resolves once the reconciliation running now (the launch's, say) has finished, at once
   * when none runs: a page opened at launch waits for it before it shows an order or a card.
   */
  settled(): Promise<void>;
}

/** The merchant WeChat Pay names on the pay sheet (商户名称) and on the 委托代扣 contract page. */
export const PAYEE_NAME = '卡续费（演示商户）';

/** What the money path is built from. */
export interface CheckoutDeps {
  records: RecordStore;
  payment: PaymentService;
  gateway: CarrierGateway;
  cards: CardBook;
  clock: Clock;
  /** When given, a credited top-up also updates the card the renewal flow holds. */
  renewalCache?: RenewalCache;
}

/** The money path's module, downloaded with the confirm subpackage when an order needs it (分包异步化). */
export interface CheckoutEngineModule {
  createCheckout(deps: CheckoutDeps): Checkout;
}

/* ------------------------------------------------- 委托代扣 (papay contracts) */

export interface PapaySignRequest {
  /** Our contract number (papay contract_code): signing the same code twice answers the first result. */
  contractCode: string;
  /** How the contract shows in WeChat's 自动续费 list: 话费自动充值 · 138****8000. */
  displayName: string;
  phone: string;
  /** The most one deduction may take, and the most per China calendar month. */
  perCharge: Money;
  monthlyCap: Money;
}

export interface PapaySignature {
  /** WeChat Pay's contract id, which every deduction names. */
  contractId: string;
  signedAt: number;
}

export type PapayError = 'network' | 'rejected' | 'not_found';

/** A contract as WeChat Pay knows it (querycontract): the user may also end it in WeChat's own settings. */
export interface PapayContractStatus {
  state: 'active' | 'ended';
  perCharge: Money;
  monthlyCap: Money;
}

/**
 * WeChat Pay's 委托代扣 (papay) contracts. A real one is WeChat Pay's API on the merchant's
 * server: the user signs on WeChat Pay's own contract page, and the server learns the
 * contract id from the signing notify. Deductions go through PaymentService with contractId.
 */
export interface PapayService {
  /** The user tapped 开通 on the contract page: the signed contract. */
  sign(request: PapaySignRequest): Promise<Result<PapaySignature, PapayError>>;
  /** Ends the contract (解约): no deduction is possible afterwards. Ending it again is not an error. */
  terminate(contractId: string, reason: string): Promise<Result<void, PapayError>>;
  query(contractId: string): Promise<Result<PapayContractStatus, PapayError>>;
}

/* ------------------------------------------------------ 电子发票 (invoicing) */

export interface InvoiceApplication {
  /** Our application number (fapiao_apply_id in WeChat Pay's 电子发票 API): applying twice answers the first result. */
  applyId: string;
  buyer: { kind: 'personal' | 'company'; name: string; taxId?: string };
  email: string;
  total: Money;
  items: { orderId: string; title: string; amount: Money }[];
}

export type InvoicingStatus =
  | { state: 'requested' }
  | { state: 'issued'; number: string; issuedAt: number }
  | { state: 'failed'; reason: string };

export type InvoicingError = 'network' | 'not_found' | 'rejected' | 'not_issued';

/** The e-invoice platform: issues after a while, or fails with a reason; sends the PDF by email. */
export interface InvoicingService {
  request(application: InvoiceApplication): Promise<Result<{ applyId: string }, InvoicingError>>;
  status(applyId: string): Promise<Result<InvoicingStatus, InvoicingError>>;
  /** Sends an issued invoice again, to this address. */
  resend(applyId: string, email: string): Promise<Result<void, InvoicingError>>;
}

/* ------------------------------------------------------- 自动充值 (execution) */

/** Where the auto top-up rules are kept; the launcher peeks here before loading the engine. */
export const AUTO_TOPUP_RULES_KEY = 'autotopup.rules.v1';
/** Where each rule's executions (tries, with a failure's reason) are kept; the card page reads the last one. */
export const AUTO_TOPUP_EXECUTIONS_KEY = 'autotopup.executions.v1';

export type AutoTopupOccasion =
  | { kind: 'launch' }
  /** A lookup just saw this card's balance. */
  | { kind: 'balance'; card: CardProfile }
  /** A rule was just switched on or resumed. */
  | { kind: 'rules_changed' };

export interface AutoTopupResult {
  ruleId: string;
  phone: string;
  outcome: 'succeeded' | 'processing' | 'failed';
  /** Chinese, as told to the user. */
  message: string;
  orderId?: string;
  /** The rule was paused by this failure (three in a row). */
  paused?: boolean;
}

export interface AutoTopupReport {
  results: AutoTopupResult[];
}

/** Runs the due auto top-up rules. Never rejects: what went wrong is in the report and told to the user. */
export interface AutoTopupRunner {
  run(occasion: AutoTopupOccasion): Promise<AutoTopupReport>;
}

/** What the engine works with, handed over when it is loaded. */
export interface AutoTopupDeps {
  storage: KeyValueStorage;
  records: RecordStore;
  cards: CardBook;
  gateway: CarrierGateway;
  checkout: Checkout;
  device: DeviceService;
  clock: Clock;
  random: () => number;
}

/** The engine's module, downloaded with its subpackage only when a rule needs it (分包异步化). */
export interface AutoTopupEngineModule {
  createAutoTopupEngine(deps: AutoTopupDeps): AutoTopupRunner;
}

/* ------------------------------------------- invoice rules, from their subpackage */

export type OrderInvoiceState = 'requested' | 'issued' | 'failed' | 'voided';

/** The invoice subpackage's answers for other pages (pages/invoice/rules.ts), fetched when first needed. */
export interface InvoiceRulesModule {
  /** Whether the order may go on a new invoice (with its yuan), or why not, in Chinese. */
  invoiceability(order: Order, invoices: readonly unknown[]): Result<Money, string>;
  /** The invoice an order is on, as its pages show it; null when never on one. */
  invoiceOfOrder(order: Pick<Order, 'id' | 'state'>, invoices: readonly unknown[]): { id: string; state: OrderInvoiceState } | null;
  /** Every readable invoice on the phone, newest first. */
  listInvoices(storage: KeyValueStorage, clock: Clock): unknown[];
}

/* ------------------------------------------------------- the backend itself */

/** What any backend gives the app: the services behind the contracts above that cross the network. */
export interface Backend {
  gateway: CarrierGateway;
  payment: PaymentService;
  papay: PapayService;
  account: AccountService;
  sms: SmsService;
  invoicing: InvoicingService;
}

/** What the offline demo backend needs from the app to stand in for the servers. */
export interface OfflineBackendDeps {
  clock: Clock;
  storage: KeyValueStorage;
  random: () => number;
  /** The offline WeChat Pay shows its sheet through the page's slot. */
  paymentSheet: PaymentSheetSlot;
  /** Every card a lookup answers with (the demo runs low-balance top-up rules from there). */
  onLookup: (card: CardProfile) => void;
}

/**
 * The offline backend's module. It ships as a subpackage of its own and is fetched on first
 * use (分包异步化), so the demo's servers do not weigh on the main package.
 */
export interface OfflineBackendModule {
  createOfflineBackend(deps: OfflineBackendDeps): Backend;
}

/* --------------------------------------------------------------- care mode */

/**
 * 长辈模式: larger type, bigger tap targets, one main action a screen. The user's choice,
 * kept on the phone; pages that are open follow a change at once.
 */
export interface CareMode {
  enabled(): boolean;
  /** Stores the choice and tells every listener; a failed write changes nothing and says why. */
  set(on: boolean): Result<void, StorageError>;
  /** Called with the new choice after each change; returns the unsubscribe. */
  subscribe(listener: (on: boolean) => void): () => void;
}
