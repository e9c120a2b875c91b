/**
 * The renewal backend under test: the real record store, card book, mock carrier and
 * mock WeChat Pay over the wx storage fake, with a FakeClock. `relaunch()` builds new
 * instances over the same storage, as a killed and reopened mini-program would.
 */
import { productById } from '../../miniprogram/core/catalog';
import { chinaToday } from '../../miniprogram/core/dates';
import { createOrder, newIdempotencyKey, newOrderId } from '../../miniprogram/core/order';
import { quote } from '../../miniprogram/core/pricing';
import type { Order, Promotion } from '../../miniprogram/core/types';
import { StoredCardBook } from '../../miniprogram/services/cards/card-book';
import { CheckoutService } from '../../miniprogram/pages/confirm/checkout/checkout';
import type { PaymentRequest, PaymentService, PaymentSheetHost, SheetChoice } from '../../miniprogram/services/contracts';
import { DEMO_PESO_RATE, MockCarrierGateway } from '../../miniprogram/backends/offline/gateway';
import { chargeFor } from '../../miniprogram/core/charge';
import { MockWeChatPay } from '../../miniprogram/backends/offline/wechat-pay';
import { createPaymentSheetSlot } from '../../miniprogram/services/checkout/payment-sheet-slot';
import { ShardedRecordStore } from '../../miniprogram/services/records/store';
import { WxKeyValueStorage } from '../../miniprogram/services/wx/storage';
import { FakeClock } from './fakes';

/** Deterministic random numbers (a linear congruential generator). */
export function sequence(seed = 7): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 0x100000000;
  };
}

export interface Backend {
  clock: FakeClock;
  storage: WxKeyValueStorage;
  records: ShardedRecordStore;
  cards: StoredCardBook;
  gateway: MockCarrierGateway;
  sheet: ReturnType<typeof createPaymentSheetSlot>;
  pay: MockWeChatPay;
  checkout: CheckoutService;
  random: () => number;
}

export interface BackendOptions {
  clock?: FakeClock;
  /** Wraps the payment service the checkout sees (to hang, count or break calls). */
  wrapPayment?: (pay: MockWeChatPay) => PaymentService;
  /** Wraps the record store the checkout sees (to fail chosen writes). */
  wrapRecords?: (records: ShardedRecordStore) => ShardedRecordStore;
}

/** A fresh backend over the shared storage fake (clear it in beforeEach for a clean start). */
export function backend(options: BackendOptions = {}): Backend {
  const clock = options.clock ?? new FakeClock('2026-11-25T10:00:00+08:00');
  const storage = new WxKeyValueStorage();
  const records = new ShardedRecordStore(storage, clock);
  records.open();
  const cards = new StoredCardBook(storage, clock);
  const gateway = new MockCarrierGateway({ clock, storage });
  const sheet = createPaymentSheetSlot();
  const random = sequence(clock.now() % 1000);
  const pay = new MockWeChatPay({ clock, storage, sheet, random });
  const seenRecords = options.wrapRecords ? options.wrapRecords(records) : records;
  const payment = options.wrapPayment ? options.wrapPayment(pay) : pay;
  const checkout = new CheckoutService({ records: seenRecords, payment, gateway, cards, clock });
  return { clock, storage, records, cards, gateway, sheet, pay, checkout, random };
}

/** The same storage and clock, new service instances: the app was killed and reopened. */
export function relaunch(previous: Backend, options: Omit<BackendOptions, 'clock'> = {}): Backend {
  return backend({ ...options, clock: previous.clock });
}

let serial = 0;

/** A 'created' order for this number and product, quoted today (no promotions unless given). */
export function orderFor(b: Backend, phone: string, productId: string, promotions: Promotion[] = []): Order {
  const card = b.gateway.profileOf(phone);
  const product = productById(productId);
  if (!card || !product) throw new Error(`fixture: no card for ${phone} or no product ${productId}`);
  const now = b.clock.now();
  serial += 1;
  const priced = quote(product, card, chinaToday(now), promotions);
  // WeChat Pay charges yuan: a peso price is charged at the gateway's demo rate, as confirm does.
  const charge = chargeFor(priced.payable, { rate: DEMO_PESO_RATE, quotedAt: now }, now);
  return createOrder({
    id: `${newOrderId(now, b.random).slice(0, 16)}${String(serial).padStart(6, '0')}`,
    idempotencyKey: newIdempotencyKey(b.random),
    now,
    card,
    quote: priced,
    ...(charge.ok ? { charge: charge.value } : {}),
  });
}

/** A sheet the test answers by hand; records every request it was shown. */
export class ManualSheet implements PaymentSheetHost {
  readonly shown: PaymentRequest[] = [];
  private pending: ((choice: SheetChoice) => void)[] = [];
  /** Called when the sheet is presented (e.g. to look at storage at that moment). */
  onPresent: ((request: PaymentRequest) => void) | null = null;

  present(request: PaymentRequest): Promise<SheetChoice> {
    this.shown.push(request);
    if (this.onPresent) this.onPresent(request);
    return new Promise((resolve) => this.pending.push(resolve));
  }

  get open(): number {
    return this.pending.length;
  }

  answer(choice: SheetChoice): void {
    const next = this.pending.shift();
    if (!next) throw new Error('fixture: no sheet is open');
    next(choice);
  }
}

/** Lets queued promise callbacks run (FakeClock's sleep resolves in a microtask or two). */
export async function settleMicrotasks(rounds = 20): Promise<void> {
  for (let i = 0; i < rounds; i += 1) await Promise.resolve();
}

export function storageFake() {
  return globalThis.__wxStorage;
}
