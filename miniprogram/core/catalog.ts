/**
 * What can be bought for each carrier, as plain data tables: recharges, data packs and
 * keep-number plans, the demo promotions, and how long each carrier keeps a number
 * after expiry. Prices and validity figures are demo data for the offline mock: check
 * them against the carriers' own channels before trusting them.
 */
import { isCarrierId } from './carriers';
import { isChinaDate } from './dates';
import { MONEY_INPUT_ERROR_MESSAGES, money, parseMoneyInput } from './money';
import type { CardType, CarrierId, ChinaDate, Currency, Product, ProductKind, Promotion, Result } from './types';

type MainlandCarrier = Exclude<CarrierId, 'smart'>;
const MAINLAND: MainlandCarrier[] = ['cmcc', 'cucc', 'ctcc', 'cbn'];

const CURRENCY_OF: Record<CarrierId, Currency> = { cmcc: 'CNY', cucc: 'CNY', ctcc: 'CNY', cbn: 'CNY', smart: 'PHP' };
const MINOR_PER_MAJOR = 100;

/**
 * Days the carrier keeps a number after its validity ends, before recycling it.
 * Smart: "when your account balance reaches zero, you are given 120 days to reload"
 * (Smart help centre, prepaid card expiry and validity). Mainland carriers differ by
 * carrier, province and plan (停机保号 then 销号); 90 days is a cautious default.
 */
export const GRACE_DAYS: Record<CarrierId, number> = { cmcc: 90, cucc: 90, ctcc: 90, cbn: 90, smart: 120 };

/** How a carrier's number lapses when nothing is bought: data for the keep-number plan (core/keep-plan.ts). */
export interface NumberLapseRule {
  /**
   * What starts the grace period of GRACE_DAYS: the end of the card's validity (mainland:
   * 停机 at expiry, 销号 after the grace), or the balance reaching zero (Smart).
   */
  graceStartsAt: 'validity_end' | 'zero_balance';
  /** Whether the number still receives calls and SMS during the grace period. */
  inServiceDuringGrace: boolean;
  /** Whether unspent balance is forfeited when the validity ends (so the balance is zero from the next day). */
  balanceLapsesAtValidityEnd: boolean;
}

/**
 * Smart: "any unconsumed card value will be forfeited after [the card validity]" and
 * "when your account balance reaches zero (0), you are given 120 days to reload ...
 * During this period, you can continue to receive incoming calls and text messages"
 * (Smart help centre, prepaid call and text card expiry and validity). Mainland: the
 * line is suspended at expiry and the balance stays on the account.
 */
export const NUMBER_LAPSE_RULES: Record<CarrierId, NumberLapseRule> = {
  cmcc: { graceStartsAt: 'validity_end', inServiceDuringGrace: false, balanceLapsesAtValidityEnd: false },
  cucc: { graceStartsAt: 'validity_end', inServiceDuringGrace: false, balanceLapsesAtValidityEnd: false },
  ctcc: { graceStartsAt: 'validity_end', inServiceDuringGrace: false, balanceLapsesAtValidityEnd: false },
  cbn: { graceStartsAt: 'validity_end', inServiceDuringGrace: false, balanceLapsesAtValidityEnd: false },
  smart: { graceStartsAt: 'zero_balance', inServiceDuringGrace: true, balanceLapsesAtValidityEnd: true },
};

// ---------------------------------------------------------------------------------
// Validity per recharge amount (also used for custom amounts: the highest tier ≤ the amount)
// ---------------------------------------------------------------------------------

interface ValidityTier {
  /** Whole yuan or pesos. */
  fromAmount: number;
  days: number;
}

/** Mainland demo tiers: many plans no longer expire by recharge, some provinces still do. */
const MAINLAND_VALIDITY: ValidityTier[] = [
  { fromAmount: 10, days: 30 },
  { fromAmount: 30, days: 90 },
  { fromAmount: 50, days: 180 },
  { fromAmount: 100, days: 365 },
];

/**
 * Smart load validity. The help centre lists ₱100 → 30 days, ₱300 → 75, ₱500 → 120.
 * Joint Memorandum Circular 05-12-2017 (NTC, DICT, DTI) made loads of ₱300 and up valid
 * for a year, and Smart announced one-year validity for all loads from July 2018: the
 * figures have changed over time, so this table is data to be checked, not a rule.
 */
const SMART_VALIDITY: ValidityTier[] = [
  { fromAmount: 10, days: 3 },
  { fromAmount: 20, days: 7 },
  { fromAmount: 50, days: 15 },
  { fromAmount: 100, days: 30 },
  { fromAmount: 300, days: 75 },
  { fromAmount: 500, days: 120 },
  { fromAmount: 1000, days: 365 },
];

function validityFor(carrier: CarrierId, wholeAmount: number): number {
  const tiers = carrier === 'smart' ? SMART_VALIDITY : MAINLAND_VALIDITY;
  let days = 0;
  for (const tier of tiers) if (wholeAmount >= tier.fromAmount) days = tier.days;
  return days;
}

// ---------------------------------------------------------------------------------
// Product tables
// ---------------------------------------------------------------------------------

const MAINLAND_RECHARGE_AMOUNTS = [10, 20, 30, 50, 100, 200];
const SMART_LOAD_AMOUNTS = [20, 50, 100, 300, 500, 1000];

interface PackRow {
  slug: string;
  title: string;
  description: string;
  /** Whole yuan or pesos. */
  price: number;
  dataMb: number;
  /** Keep plans: days the card is extended. Data packs: days the data lasts (the card is not extended). */
  validityDays: number;
}

const GB = 1024;

const MAINLAND_DATA_PACKS: PackRow[] = [
  { slug: '5gb', title: '5GB 流量月包', description: '全国通用流量 5GB，30 天有效', price: 20, dataMb: 5 * GB, validityDays: 30 },
  { slug: '10gb', title: '10GB 流量月包', description: '全国通用流量 10GB，30 天有效', price: 30, dataMb: 10 * GB, validityDays: 30 },
  { slug: '30gb', title: '30GB 流量月包', description: '全国通用流量 30GB，30 天有效', price: 50, dataMb: 30 * GB, validityDays: 30 },
];

const SMART_DATA_PACKS: PackRow[] = [
  { slug: '2gb-3d', title: '3 天流量包 2GB', description: '2GB 上网流量，3 天有效', price: 50, dataMb: 2 * GB, validityDays: 3 },
  { slug: '8gb-7d', title: '7 天畅享流量包 8GB', description: '8GB 上网流量（含视频），7 天有效', price: 99, dataMb: 8 * GB, validityDays: 7 },
  { slug: '24gb-30d', title: '30 天大流量包 24GB', description: '24GB 上网流量，30 天有效', price: 299, dataMb: 24 * GB, validityDays: 30 },
];

/** Keep-number plans: the smallest monthly fee that keeps a rarely used number alive. */
const KEEP_PLANS: Record<CarrierId, PackRow[]> = {
  cmcc: [
    { slug: '8', title: '保号套餐 8 元/月', description: '每月 8 元，保留号码，可接听电话和短信', price: 8, dataMb: 0, validityDays: 30 },
    { slug: '12m', title: '保号年包 12 个月', description: '一次办理 12 个月保号', price: 88, dataMb: 0, validityDays: 365 },
  ],
  cucc: [
    { slug: '5', title: '保号套餐 5 元/月', description: '每月 5 元，保留号码，可接听电话和短信', price: 5, dataMb: 0, validityDays: 30 },
    { slug: '8', title: '保号套餐 8 元/月', description: '每月 8 元，保留号码，含 100MB 流量', price: 8, dataMb: 100, validityDays: 30 },
    { slug: '12m', title: '保号年包 12 个月', description: '一次办理 12 个月保号', price: 58, dataMb: 0, validityDays: 365 },
  ],
  ctcc: [
    { slug: '5', title: '保号套餐 5 元/月', description: '每月 5 元，保留号码，可接听电话和短信', price: 5, dataMb: 0, validityDays: 30 },
    { slug: '12m', title: '保号年包 12 个月', description: '一次办理 12 个月保号', price: 58, dataMb: 0, validityDays: 365 },
  ],
  cbn: [
    { slug: '8', title: '保号套餐 8 元/月', description: '每月 8 元，保留号码，可接听电话和短信', price: 8, dataMb: 0, validityDays: 30 },
    { slug: '12m', title: '保号年包 12 个月', description: '一次办理 12 个月保号', price: 88, dataMb: 0, validityDays: 365 },
  ],
  smart: [
    {
      slug: '10',
      title: '保号最低充值 ₱10',
      description: '最低额度充值，有效期 3 天；余额用完后还有 120 天可以再充值，号码不会被收回',
      price: 10,
      dataMb: 0,
      validityDays: SMART_VALIDITY[0].days,
    },
  ],
};

function unitLabel(carrier: CarrierId, wholeAmount: number): string {
  return carrier === 'smart' ? `₱${wholeAmount}` : `${wholeAmount} 元`;
}

function rechargeProduct(carrier: CarrierId, wholeAmount: number, idSuffix: string): Product {
  const amount = money(wholeAmount * MINOR_PER_MAJOR, CURRENCY_OF[carrier]);
  const validityDays = validityFor(carrier, wholeAmount);
  const word = carrier === 'smart' ? '充值' : '话费充值';
  return {
    id: `${carrier}-recharge-${idSuffix}`,
    carrier,
    kind: 'recharge',
    title: `${word} ${unitLabel(carrier, wholeAmount)}`,
    description: `到账 ${unitLabel(carrier, wholeAmount)}，有效期延长 ${validityDays} 天`,
    price: amount,
    credit: amount,
    dataMb: 0,
    validityDays,
  };
}

/** A data pack's data has its own life; it leaves the card's validity as it is (walk 13). */
function packProduct(carrier: CarrierId, kind: Exclude<ProductKind, 'recharge'>, row: PackRow): Product {
  return {
    id: `${carrier}-${kind}-${row.slug}`,
    carrier,
    kind,
    title: row.title,
    description: row.description,
    price: money(row.price * MINOR_PER_MAJOR, CURRENCY_OF[carrier]),
    credit: money(0, CURRENCY_OF[carrier]),
    dataMb: row.dataMb,
    validityDays: kind === 'data' ? 0 : row.validityDays,
    ...(kind === 'data' ? { dataDays: row.validityDays } : {}),
  };
}

function buildCatalog(): Record<CarrierId, Product[]> {
  const catalog = {} as Record<CarrierId, Product[]>;
  for (const carrier of [...MAINLAND, 'smart'] as CarrierId[]) {
    const amounts = carrier === 'smart' ? SMART_LOAD_AMOUNTS : MAINLAND_RECHARGE_AMOUNTS;
    const packs = carrier === 'smart' ? SMART_DATA_PACKS : MAINLAND_DATA_PACKS;
    catalog[carrier] = [
      ...amounts.map((amount) => rechargeProduct(carrier, amount, String(amount))),
      ...packs.map((row) => packProduct(carrier, 'data', row)),
      ...KEEP_PLANS[carrier].map((row) => packProduct(carrier, 'keep', row)),
    ];
  }
  return catalog;
}

const CATALOG = buildCatalog();

/** Which kinds each card type is offered, most relevant first. */
const KINDS_FOR_CARD: Record<CardType, ProductKind[]> = {
  phone: ['recharge', 'data', 'keep'],
  esim: ['recharge', 'data', 'keep'],
  data: ['data', 'recharge'],
  keep: ['keep', 'recharge'],
};

/** The products on sale for a carrier (and card type), in display order. A fresh copy each call. */
export function productsFor(carrier: CarrierId, cardType?: CardType): Product[] {
  if (!isCarrierId(carrier)) return [];
  const all = CATALOG[carrier];
  if (cardType === undefined) return [...all];
  const kinds = KINDS_FOR_CARD[cardType];
  if (!kinds) return [];
  return kinds.flatMap((kind) => all.filter((product) => product.kind === kind));
}

const CUSTOM_ID = /^([a-z]+)-recharge-custom-(\d{1,6})$/;

/** A catalog product, or a custom recharge by its id (orders and links carry only the id). */
export function productById(id: string): Product | undefined {
  if (typeof id !== 'string') return undefined;
  const custom = CUSTOM_ID.exec(id);
  if (custom) {
    const result = customRecharge(custom[1] as CarrierId, custom[2]);
    return result.ok && result.value.id === id ? result.value : undefined;
  }
  for (const carrier of Object.keys(CATALOG) as CarrierId[]) {
    const found = CATALOG[carrier].find((product) => product.id === id);
    if (found) return found;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------
// Custom recharge amounts
// ---------------------------------------------------------------------------------

export type CustomRechargeError = 'empty' | 'bad_format' | 'too_many_decimals' | 'too_large' | 'below_min' | 'above_max' | 'not_whole';

/** Whole yuan / pesos a user may type as a custom amount. */
export const CUSTOM_RECHARGE_BOUNDS: Record<CarrierId, { min: number; max: number }> = {
  cmcc: { min: 10, max: 500 },
  cucc: { min: 10, max: 500 },
  ctcc: { min: 10, max: 500 },
  cbn: { min: 10, max: 500 },
  smart: { min: 10, max: 1000 },
};

function customRechargeMessage(carrier: CarrierId, error: CustomRechargeError): string {
  const { min, max } = CUSTOM_RECHARGE_BOUNDS[carrier];
  const hint = rangeHint(carrier);
  switch (error) {
    case 'empty':
      return hint;
    case 'below_min':
      return `最低充值 ${unitLabel(carrier, min)}，${hint}`;
    case 'above_max':
    case 'too_large':
      return `单笔最多充值 ${unitLabel(carrier, max)}，${hint}`;
    case 'not_whole':
    case 'too_many_decimals':
      return `只能充值整数金额，不带角分，${hint}`;
    case 'bad_format':
      return `金额格式不对，${hint}`;
  }
}

function rangeHint(carrier: CarrierId): string {
  const { min, max } = CUSTOM_RECHARGE_BOUNDS[carrier];
  return carrier === 'smart' ? `请输入 ${min}–${max} 之间的整数比索金额` : `请输入 ${min}–${max} 之间的整数金额`;
}

/** A recharge of an amount the user typed, within the carrier's bounds. */
export function customRecharge(carrier: CarrierId, raw: unknown): Result<Product, CustomRechargeError> {
  if (!isCarrierId(carrier)) return { ok: false, error: 'bad_format', message: '未知运营商，请先选择运营商' };
  const reject = (error: CustomRechargeError, message = customRechargeMessage(carrier, error)): Result<Product, CustomRechargeError> => ({
    ok: false,
    error,
    message,
  });

  const parsed = parseMoneyInput(raw, CURRENCY_OF[carrier]);
  if (!parsed.ok) {
    // money.ts explains some format errors precisely (a sign of the other currency, a minus): keep those.
    const specific = parsed.error === 'bad_format' && parsed.message !== MONEY_INPUT_ERROR_MESSAGES.bad_format;
    return specific ? reject('bad_format', `${parsed.message}；${rangeHint(carrier)}`) : reject(parsed.error);
  }
  const { min, max } = CUSTOM_RECHARGE_BOUNDS[carrier];
  const minor = parsed.value.amount;
  if (minor % MINOR_PER_MAJOR !== 0) return reject('not_whole');
  const whole = minor / MINOR_PER_MAJOR;
  if (whole < min) return reject('below_min');
  if (whole > max) return reject('above_max');

  // A custom amount that equals a catalog tile is that product, so its promotions apply.
  const standard = CATALOG[carrier].find((p) => p.kind === 'recharge' && p.credit.amount === minor);
  return { ok: true, value: standard ?? rechargeProduct(carrier, whole, `custom-${whole}`) };
}

// ---------------------------------------------------------------------------------
// Promotions (demo windows around November 2026)
// ---------------------------------------------------------------------------------

const mainlandIds = (suffixes: string[], kind: ProductKind): string[] =>
  MAINLAND.flatMap((carrier) => suffixes.map((suffix) => `${carrier}-${kind}-${suffix}`));

export const PROMOTIONS: Promotion[] = [
  {
    id: 'promo-2026-11-cn-big-recharge-95',
    title: '大额充值 95 折（100 元及以上）',
    carriers: MAINLAND,
    kinds: ['recharge'],
    minCredit: money(10_000, 'CNY'),
    startsOn: '2026-11-20',
    endsOn: '2026-11-30',
    effect: { type: 'percent_off', basisPoints: 500 },
  },
  {
    id: 'promo-2026-11-cn-recharge-100-minus-5',
    title: '充值满 100 元减 5 元',
    carriers: MAINLAND,
    kinds: ['recharge'],
    startsOn: '2026-11-11',
    endsOn: '2026-11-30',
    effect: { type: 'amount_off', amount: money(500, 'CNY'), minPrice: money(10_000, 'CNY') },
  },
  {
    id: 'promo-2026-11-cn-data-bonus-1gb',
    title: '流量包加赠 1GB',
    carriers: MAINLAND,
    kinds: ['data'],
    startsOn: '2026-11-01',
    endsOn: '2026-11-30',
    effect: { type: 'bonus_data', dataMb: GB },
  },
  {
    id: 'promo-2026-11-cn-keep-year-minus-10',
    title: '保号年包立减 10 元',
    carriers: MAINLAND,
    kinds: ['keep'],
    productIds: mainlandIds(['12m'], 'keep'),
    startsOn: '2026-11-01',
    endsOn: '2026-12-31',
    effect: { type: 'amount_off', amount: money(1_000, 'CNY') },
  },
  {
    id: 'promo-2026-11-smart-big-load-extra-7d',
    title: '充值 ₱300 及以上加送 7 天有效期',
    carriers: ['smart'],
    kinds: ['recharge'],
    // Any amount from ₱300, typed ones too: paying more never buys less validity (walk 5).
    minCredit: money(30_000, 'PHP'),
    startsOn: '2026-11-15',
    endsOn: '2026-12-15',
    effect: { type: 'extra_days', days: 7 },
  },
  {
    id: 'promo-2026-10-national-day-90',
    title: '国庆充值 9 折',
    carriers: MAINLAND,
    kinds: ['recharge'],
    startsOn: '2026-10-01',
    endsOn: '2026-10-07',
    effect: { type: 'percent_off', basisPoints: 1_000 },
  },
  {
    id: 'promo-2027-new-year-minus-3',
    title: '元旦充值满 30 元减 3 元',
    carriers: MAINLAND,
    kinds: ['recharge'],
    startsOn: '2026-12-30',
    endsOn: '2027-01-03',
    effect: { type: 'amount_off', amount: money(300, 'CNY'), minPrice: money(3_000, 'CNY') },
  },
];

/** Whether today falls in the promotion's inclusive window (a malformed window never does). */
export function isPromotionActive(promotion: Promotion, today: ChinaDate): boolean {
  if (!promotion || !isChinaDate(today) || !isChinaDate(promotion.startsOn) || !isChinaDate(promotion.endsOn)) return false;
  // YYYY-MM-DD strings compare in calendar order.
  return promotion.startsOn <= today && today <= promotion.endsOn;
}

export function activePromotions(today: ChinaDate, all: Promotion[] = PROMOTIONS): Promotion[] {
  return Array.isArray(all) ? all.filter((promotion) => isPromotionActive(promotion, today)) : [];
}
