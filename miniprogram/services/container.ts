/**
 * The one place that wires services together. Pages call `services()`; tests and the
 * browser preview call `installServices({...})` first to swap in fakes or a fixed clock.
 * The offline demo backend (backends/offline) is the default: a subpackage of its own,
 * fetched on first use (require.async, 分包异步化); until it arrives its services wait for
 * it (services/backend/lazy.ts). A real HTTP client replaces it by implementing the same
 * contracts (Backend in contracts.ts) and being installed here.
 */
import type {
  AccountService,
  AutoTopupEngineModule,
  CheckoutEngineModule,
  AutoTopupRunner,
  Backend,
  CardBook,
  CareMode,
  CarrierGateway,
  Checkout,
  Clock,
  DeviceService,
  InvoiceRulesModule,
  InvoicingService,
  KeyValueStorage,
  Navigator,
  OfflineBackendDeps,
  OfflineBackendModule,
  PapayService,
  PaymentService,
  PaymentSheetSlot,
  PrivacyService,
  RecordStore,
  RenewalCache,
  SmsService,
} from './contracts';
import { systemClock } from './wx/clock';
import { WxDeviceService } from './wx/device';
import { WxNavigator } from './wx/navigator';
import { defaultPrivacyService } from './wx/privacy';
import { WxKeyValueStorage } from './wx/storage';
import { ShardedRecordStore } from './records/store';
import { LazyCheckout } from './checkout/lazy-checkout';
import { createPaymentSheetSlot } from './checkout/payment-sheet-slot';
import { StoredCardBook } from './cards/card-book';
import { MemoryRenewalCache } from './cards/renewal-cache';
import { LazyAutoTopupRunner } from './autotopup/lazy-runner';
import { lazyBackend, type LazyBackend } from './backend/lazy';
import { StoredCareMode } from './care/care-mode';

export interface Services {
  clock: Clock;
  random: () => number;
  storage: KeyValueStorage;
  records: RecordStore;
  cards: CardBook;
  /** 长辈模式, kept on the phone. */
  care: CareMode;
  gateway: CarrierGateway;
  renewalCache: RenewalCache;
  paymentSheet: PaymentSheetSlot;
  payment: PaymentService;
  checkout: Checkout;
  account: AccountService;
  sms: SmsService;
  device: DeviceService;
  navigator: Navigator;
  privacy: PrivacyService;
  papay: PapayService;
  invoicing: InvoicingService;
  autoTopup: AutoTopupRunner;
  /** Fetches the auto top-up engine from its subpackage (tests and the preview hand over the module directly). */
  loadAutoTopupEngine: () => Promise<AutoTopupEngineModule>;
  /** Fetches the money path from the confirm subpackage (tests and the preview hand over the module directly). */
  loadCheckoutEngine: () => Promise<CheckoutEngineModule>;
  /** Fetches the invoice rules from their subpackage (tests and the preview hand over the module directly). */
  loadInvoiceRules: () => Promise<InvoiceRulesModule>;
  /** The offline backend's module when the caller already holds it (tests, the preview): built at once, no fetch. */
  offlineBackend?: OfflineBackendModule;
  /** Fetches the offline backend from its subpackage. */
  loadOfflineBackend: () => Promise<OfflineBackendModule>;
  /** The offline backend in use once it has arrived, null before (demo and test aids reach its mocks here). */
  backend: () => Backend | null;
}

declare const require: { async?(path: string): Promise<unknown> };

/**
 * 分包异步化 (base library 2.11.2+): the engine downloads with the autotopup subpackage, and
 * only when a rule may be due. WeChat resolves the path from this file.
 */
function loadEngineFromSubpackage(): Promise<AutoTopupEngineModule> {
  if (typeof require === 'undefined' || typeof require.async !== 'function') return Promise.reject(new Error('require.async is not available'));
  return require.async('../pages/autotopup/engine/index.js') as Promise<AutoTopupEngineModule>;
}

/** The money path downloads with the confirm subpackage, the first time an order is paid or left open. */
function loadCheckoutFromSubpackage(): Promise<CheckoutEngineModule> {
  if (typeof require === 'undefined' || typeof require.async !== 'function') return Promise.reject(new Error('require.async is not available'));
  return (require.async('../pages/confirm/checkout/index.js') as Promise<{ checkoutEngine: CheckoutEngineModule }>).then((m) => m.checkoutEngine);
}

/** The invoice rules download with the invoice subpackage, the first time a page outside it asks. */
function loadInvoiceRulesFromSubpackage(): Promise<InvoiceRulesModule> {
  if (typeof require === 'undefined' || typeof require.async !== 'function') return Promise.reject(new Error('require.async is not available'));
  return (require.async('../pages/invoice/rules.js') as Promise<{ invoiceRules: InvoiceRulesModule }>).then((m) => m.invoiceRules);
}

/** The offline backend downloads with its subpackage (backends/offline), on first use. */
function loadOfflineFromSubpackage(): Promise<OfflineBackendModule> {
  if (typeof require === 'undefined' || typeof require.async !== 'function') return Promise.reject(new Error('require.async is not available'));
  return (require.async('../backends/offline/index.js') as Promise<{ offlineBackend: OfflineBackendModule }>).then((m) => m.offlineBackend);
}

/** Builds every service not given, each from the ones before it. */
export function createServices(given: Partial<Services> = {}): Services {
  const clock = given.clock ?? systemClock;
  const random = given.random ?? Math.random;
  const storage = given.storage ?? new WxKeyValueStorage();
  const records = given.records ?? new ShardedRecordStore(storage, clock);
  const cards = given.cards ?? new StoredCardBook(storage, clock);
  const care = given.care ?? new StoredCareMode(storage);
  const renewalCache = given.renewalCache ?? new MemoryRenewalCache();
  const paymentSheet = given.paymentSheet ?? createPaymentSheetSlot();
  // The offline backend sees every balance a lookup answers with: low-balance rules start from there.
  const late: { autoTopup?: AutoTopupRunner } = {};
  const deps: OfflineBackendDeps = { clock, storage, random, paymentSheet, onLookup: (card) => void late.autoTopup?.run({ kind: 'balance', card }) };
  const loadOfflineBackend = given.loadOfflineBackend ?? loadOfflineFromSubpackage;
  // Built only when some backend service was not given (a test that gives them all builds none).
  let built: Backend | null = null;
  const backend = (): Backend => {
    if (!built) {
      built = given.offlineBackend
        ? given.offlineBackend.createOfflineBackend(deps)
        : lazyBackend(() => loadOfflineBackend().then((module) => module.createOfflineBackend(deps)));
    }
    return built;
  };
  const gateway = given.gateway ?? backend().gateway;
  const papay = given.papay ?? backend().papay;
  const payment = given.payment ?? backend().payment;
  const loadCheckoutEngine = given.loadCheckoutEngine ?? loadCheckoutFromSubpackage;
  const checkout = given.checkout ?? new LazyCheckout({ records, payment, gateway, cards, clock, renewalCache }, loadCheckoutEngine);
  const account = given.account ?? backend().account;
  const sms = given.sms ?? backend().sms;
  const device = given.device ?? new WxDeviceService();
  const navigator = given.navigator ?? new WxNavigator();
  const privacy = given.privacy ?? defaultPrivacyService();
  const invoicing = given.invoicing ?? backend().invoicing;
  const loadAutoTopupEngine = given.loadAutoTopupEngine ?? loadEngineFromSubpackage;
  const loadInvoiceRules = given.loadInvoiceRules ?? loadInvoiceRulesFromSubpackage;
  const autoTopup = given.autoTopup ?? new LazyAutoTopupRunner({ storage, records, cards, gateway, checkout, device, clock, random }, loadAutoTopupEngine);
  late.autoTopup = autoTopup;
  const offlineBackend = given.offlineBackend;
  const arrived = (): Backend | null => (built && 'loaded' in built ? (built as LazyBackend).loaded() : built);
  return {
    ...{ clock, random, storage, records, cards, care, gateway, renewalCache, paymentSheet, payment, checkout, account, sms, device, navigator, privacy },
    ...{ papay, invoicing, autoTopup, loadAutoTopupEngine, loadCheckoutEngine, loadInvoiceRules, offlineBackend, loadOfflineBackend, backend: given.backend ?? arrived },
  };
}

let current: Services | null = null;

export function services(): Services {
  if (!current) current = createServices();
  return current;
}

/** Replaces the running services (tests, preview). */
export function installServices(given: Partial<Services> = {}): Services {
  current = createServices(given);
  return current;
}

export function resetServices(): void {
  current = null;
}
