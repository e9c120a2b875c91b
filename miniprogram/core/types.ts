import type { ExchangeRate } from './exchange';

/**
 * The shared vocabulary of the product. Pure types only: the functions that work on
 * them live beside them in core/ (phone.ts, money.ts, order.ts, ...).
 */

/** A total function's answer: a value, or a typed reason with a Chinese message for the user. */
export type Result<T, E extends string = string> =
  | { ok: true; value: T }
  | { ok: false; error: E; message: string };

export type Currency = 'CNY' | 'PHP';

/** Money is an integer count of minor units (fen, centavo) in one currency. Never a float. */
export interface Money {
  readonly amount: number;
  readonly currency: Currency;
}

export type Region = 'CN' | 'PH';

/** cmcc 中国移动, cucc 中国联通, ctcc 中国电信, cbn 中国广电, smart Smart (PH, incl. TNT). */
export type CarrierId = 'cmcc' | 'cucc' | 'ctcc' | 'cbn' | 'smart';

/** A calendar day in China (UTC+8), written YYYY-MM-DD, whatever the device's time zone. */
export type ChinaDate = string;

/** A validated mobile number. */
export interface PhoneNumber {
  region: Region;
  /** National form without separators: 13800138000, 09171234567. */
  national: string;
  /** +8613800138000, +639171234567. */
  e164: string;
  /** The carrier the number segment was issued to (number portability may have moved it). */
  carrier: CarrierId;
  /** True for a virtual-operator (MVNO) segment such as 170 / 171 / 162 / 165 / 167. */
  virtual: boolean;
}

export type CardType = 'data' | 'phone' | 'keep' | 'esim';

/**
 * Where a number belongs (归属地), as the carrier answers it: 广东 深圳 for a mainland
 * number, the country alone for a Philippine one.
 */
export interface NumberLocation {
  country: Region;
  /** 广东, 北京; '' for a Philippine number. */
  province: string;
  /** 深圳; '' when only the province is known (or for a Philippine number). */
  city: string;
}

/** What the carrier gateway knows of a card. */
export interface CardProfile {
  /** National number. */
  phone: string;
  region: Region;
  iccid: string;
  carrier: CarrierId;
  cardType: CardType;
  planName: string;
  balance: Money;
  /** Data left in MB; null for a plan without a data allowance. */
  dataLeftMb: number | null;
  /** Last day the card is valid (inclusive), China calendar. */
  expiry: ChinaDate;
  /** 停机: the carrier has suspended the line (e.g. balance below zero). */
  suspended: boolean;
  /**
   * 归属地. null: the carrier could not place the number (shown as 归属地未知, never
   * guessed); absent: this gateway does not answer it.
   */
  location?: NumberLocation | null;
}

export type ProductKind = 'recharge' | 'data' | 'keep';

export interface Product {
  id: string;
  carrier: CarrierId;
  kind: ProductKind;
  /** Chinese title shown on the tile and the voucher: 充值 50 元, 10GB 流量月包, 保号套餐 8 元/月. */
  title: string;
  /** One line of detail in Chinese. */
  description: string;
  /** The list price (before promotions). */
  price: Money;
  /** Balance credited to the card (recharge: the face value; packs: usually zero). */
  credit: Money;
  /** Data added, in MB (0 for none). */
  dataMb: number;
  /** Days the card's validity is extended from max(today, current expiry); 0 for a data pack. */
  validityDays: number;
  /** Data packs: how many days the pack's data lasts (it does not extend the card). */
  dataDays?: number;
}

export type PromotionEffect =
  | { type: 'percent_off'; basisPoints: number }
  | { type: 'amount_off'; amount: Money; minPrice?: Money }
  | { type: 'bonus_data'; dataMb: number }
  | { type: 'extra_days'; days: number };

export interface Promotion {
  id: string;
  /** Chinese title, e.g. 双11 充100减5. */
  title: string;
  carriers: CarrierId[] | 'all';
  kinds: ProductKind[];
  /** When set, only these products. */
  productIds?: string[];
  /** When set, only recharges of at least this face value, typed amounts included. */
  minCredit?: Money;
  /** Inclusive China calendar window. */
  startsOn: ChinaDate;
  endsOn: ChinaDate;
  effect: PromotionEffect;
}

/** The price and outcome of buying one product for one card on one day. */
export interface Quote {
  product: Product;
  original: Money;
  discount: Money;
  payable: Money;
  bonusDataMb: number;
  extraDays: number;
  applied: { id: string; title: string }[];
  oldExpiry: ChinaDate;
  newExpiry: ChinaDate;
}

/**
 * created → awaiting_payment → paid | cancelled | pay_failed | unknown;
 * unknown → paid | cancelled | pay_failed (reconciliation);
 * paid → succeeded | topup_failed (the carrier credits the card, or cannot);
 * topup_failed → refunding → refunded.
 */
export type OrderState =
  | 'created'
  | 'awaiting_payment'
  | 'paid'
  | 'cancelled'
  | 'pay_failed'
  | 'unknown'
  | 'succeeded'
  | 'topup_failed'
  | 'refunding'
  | 'refunded';

export interface OrderEvent {
  state: OrderState;
  /** Epoch milliseconds. */
  at: number;
  note?: string;
}

/** A renewal order, as stored and shown on the voucher. */
export interface Order {
  /** Order number shown to the user, e.g. CR20261125103000123456. */
  id: string;
  /** One per confirm intent: a second tap or re-entry reuses it, so payment happens at most once. */
  idempotencyKey: string;
  createdAt: number;
  updatedAt: number;
  state: OrderState;
  history: OrderEvent[];
  phone: string;
  region: Region;
  carrier: CarrierId;
  cardType: CardType;
  product: Pick<Product, 'id' | 'kind' | 'title' | 'credit' | 'dataMb' | 'validityDays'>;
  original: Money;
  discount: Money;
  payable: Money;
  promotions: string[];
  bonusDataMb: number;
  oldExpiry: ChinaDate;
  /** Expected new expiry at quote time; replaced by the gateway's figure after top-up. */
  newExpiry: ChinaDate;
  /** WeChat Pay transaction id once paid. */
  transactionId?: string;
  /** Chinese reason for pay_failed / topup_failed. */
  failureReason?: string;
  /** True when the final state was settled by reconciliation rather than the live answer. */
  reconciled?: boolean;
  /** Card figures after top-up, for the result page and voucher. */
  after?: { balance: Money; dataLeftMb: number | null; expiry: ChinaDate };
  /**
   * The yuan WeChat Pay charges (charged) for a peso price, in CNY, and the gateway's
   * quote it was converted at. Set only on orders priced in another currency: a yuan
   * order is charged its payable, and 10,000 stored orders have no bytes to spare.
   */
  charged?: Money;
  fx?: { rate: ExchangeRate; quotedAt: number };
  /** Set when an 自动充值 rule placed the order (paid under its 委托代扣 contract, no payment sheet). */
  autoTopup?: AutoTopupMark;
  /**
   * 归属地 as the lookup the order was placed from answered it (null: the carrier could not
   * place the number). Absent on orders placed before orders kept it, or from a gateway
   * that does not answer it: the voucher then says 归属地未知.
   */
  location?: NumberLocation | null;
}

/** Which rule placed an automatic top-up, for which period, under which papay contract. */
export interface AutoTopupMark {
  ruleId: string;
  /** The rule's period key: M2026-11 (monthly) or D2026-11-25 (low balance). */
  period: string;
  /** WeChat Pay's 委托代扣 contract id the charge was made under. */
  contractId: string;
}

/** A number the user has bound to the mini-program (首页 my cards). */
export interface BoundCard {
  phone: string;
  region: Region;
  /** Carrier the user confirmed (may differ from the segment after 携号转网). */
  carrier: CarrierId;
  cardType: CardType;
  nickname: string;
  isDefault: boolean;
  boundAt: number;
  /** How the number was verified. */
  verifiedBy: 'wechat' | 'sms';
  /** Remind this many days before the date to act by (keep-deadline.ts); null for no reminder. */
  remindDaysBefore: 1 | 3 | 7 | null;
  /** Old cards only: the expiry a calendar event was once added for (before `calendar`). */
  calendarAddedFor?: ChinaDate;
  /** The phone-calendar event added: the day it rings and the date it was for. */
  calendar?: { remindOn: ChinaDate; actBy: ChinaDate };
  /** Old cards only: a one-time subscription was accepted, for a date not recorded. */
  subscribed?: boolean;
  /** The one-time subscription message accepted: the date it is for and the day it is sent (once). */
  subscription?: { actBy: ChinaDate; remindOn: ChinaDate; at: number };
  /**
   * The earliest China day the balance can have reached zero: the day after a lookup
   * last saw it positive, once a later one sees it at zero (cleared when positive again).
   * A Smart number's 120 days count from it.
   */
  zeroBalanceSince?: ChinaDate;
  /** Last figures seen from the gateway. */
  lastKnown?: { balance: Money; dataLeftMb: number | null; expiry: ChinaDate; suspended: boolean; at: number; location?: NumberLocation | null };
}

/** A number looked up lately (充值's quick picks), with what the lookup said of it. */
export interface RecentNumber {
  /** National number. */
  phone: string;
  carrier: CarrierId;
  /** 归属地 as the lookup answered it; null when it could not be placed, absent when never asked. */
  location?: NumberLocation | null;
  /** When it was last looked up (epoch ms; 0 for numbers kept from before this was recorded). */
  at: number;
}

/** A phone-calendar event, as wx.addPhoneCalendar takes it. */
export interface CalendarEvent {
  title: string;
  description: string;
  /** Epoch seconds. */
  startTime: number;
  allDay: boolean;
  alarmOffsetSec: number;
}
