/**
 * The one place that wires services together. Pages call `services()`; tests and the
 * browser preview call `installServices({...})` first to swap in fakes or a fixed clock.
 * The offline mocks are the default backend: a real HTTP client replaces one by
 * implementing the same interface from contracts.ts and being installed here.
 */
import type {
  AccountService,
  CardBook,
  CarrierGateway,
  Checkout,
  Clock,
  DeviceService,
  KeyValueStorage,
  Navigator,
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
}

/** Builds every service not given, each from the ones before it. */
export function createServices(given: Partial<Services> = {}): Services {
  const clock = given.clock ?? systemClock;
  const random = given.random ?? Math.random;
  const storage = given.storage ?? new WxKeyValueStorage();
  const records = given.records ?? new ShardedRecordStore(storage, clock);
  const cards = given.cards ?? new StoredCardBook(storage, clock);
  const gateway = given.gateway ?? new MockCarrierGateway({ clock, storage });
  const renewalCache = given.renewalCache ?? new MemoryRenewalCache();
  const paymentSheet = given.paymentSheet ?? createPaymentSheetSlot();
  const payment = given.payment ?? new MockWeChatPay({ clock, storage, sheet: paymentSheet, random });
  const checkout = given.checkout ?? new CheckoutService({ records, payment, gateway, cards, clock, renewalCache });
  const account = given.account ?? new MockAccountService({ clock });
  const sms = given.sms ?? new MockSmsService({ clock, storage, random });
  const device = given.device ?? new WxDeviceService();
  const navigator = given.navigator ?? new WxNavigator();
  const privacy = given.privacy ?? defaultPrivacyService();
  return { clock, random, storage, records, cards, gateway, renewalCache, paymentSheet, payment, checkout, account, sms, device, navigator, privacy };
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
