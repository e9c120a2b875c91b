/**
 * The one place that wires services together. Pages call `services()`; tests and the
 * browser preview call `installServices({...})` first to swap in fakes or a fixed clock.
 * The offline mocks are the default backend: a real HTTP client replaces one by
 * implementing the same interface from contracts.ts and being installed here.
 */
import type {
  AccountService,
  AutoTopupEngineModule,
  AutoTopupRunner,
  CardBook,
  CarrierGateway,
  Checkout,
  Clock,
  DeviceService,
  InvoicingService,
  KeyValueStorage,
  Navigator,
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
import { MockCarrierGateway } from '../backends/offline/gateway';
import { MockWeChatPay, createPaymentSheetSlot } from '../backends/offline/wechat-pay';
import { CheckoutService } from './checkout/checkout';
import { StoredCardBook } from './cards/card-book';
import { MemoryRenewalCache } from './cards/renewal-cache';
import { MockAccountService } from '../backends/offline/account';
import { MockSmsService } from '../backends/offline/sms';
import { MockPapay } from '../backends/offline/papay';
import { MockInvoicing } from '../backends/offline/invoicing';
import { LazyAutoTopupRunner } from '../backends/offline/auto-topup-runner';

export interface Services {
  clock: Clock;
  random: () => number;
  storage: KeyValueStorage;
  records: RecordStore;
  cards: CardBook;
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

/** Builds every service not given, each from the ones before it. */
export function createServices(given: Partial<Services> = {}): Services {
  const clock = given.clock ?? systemClock;
  const random = given.random ?? Math.random;
  const storage = given.storage ?? new WxKeyValueStorage();
  const records = given.records ?? new ShardedRecordStore(storage, clock);
  const cards = given.cards ?? new StoredCardBook(storage, clock);
  // The offline backend sees every balance a lookup answers with: low-balance rules start from there.
  const late: { autoTopup?: AutoTopupRunner } = {};
  const gateway = given.gateway ?? new MockCarrierGateway({ clock, storage, onLookup: (card) => void late.autoTopup?.run({ kind: 'balance', card }) });
  const renewalCache = given.renewalCache ?? new MemoryRenewalCache();
  const paymentSheet = given.paymentSheet ?? createPaymentSheetSlot();
  const papay = given.papay ?? new MockPapay({ clock, storage, random });
  const payment = given.payment ?? new MockWeChatPay({ clock, storage, sheet: paymentSheet, random, contracts: papay });
  const checkout = given.checkout ?? new CheckoutService({ records, payment, gateway, cards, clock, renewalCache });
  const account = given.account ?? new MockAccountService({ clock });
  const sms = given.sms ?? new MockSmsService({ clock, storage, random });
  const device = given.device ?? new WxDeviceService();
  const navigator = given.navigator ?? new WxNavigator();
  const privacy = given.privacy ?? defaultPrivacyService();
  const invoicing = given.invoicing ?? new MockInvoicing({ clock, storage, random });
  const loadAutoTopupEngine = given.loadAutoTopupEngine ?? loadEngineFromSubpackage;
  const autoTopup = given.autoTopup ?? new LazyAutoTopupRunner({ storage, records, cards, gateway, checkout, device, clock, random }, loadAutoTopupEngine);
  late.autoTopup = autoTopup;
  return { clock, random, storage, records, cards, gateway, renewalCache, paymentSheet, payment, checkout, account, sms, device, navigator, privacy, papay, invoicing, autoTopup, loadAutoTopupEngine };
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
