import { PROMOTIONS, productById, productsFor } from '../../miniprogram/core/catalog';
import { centavo, fen, peso, yuan } from '../../miniprogram/core/money';
import { debtAfter, debtWarning, quote, recommend } from '../../miniprogram/core/pricing';
import type { CardProfile, CarrierId, Product, Promotion } from '../../miniprogram/core/types';

const TODAY = '2026-11-25';
const card = { expiry: '2026-11-30' };

function product(id: string): Product {
  const found = productById(id);
  if (!found) throw new Error(`no product ${id}`);
  return found;
}

/** A CNY recharge at any price, for rounding cases. */
function testProduct(priceFen: number, overrides: Partial<Product> = {}): Product {
  return {
    id: 'test-recharge',
    carrier: 'cmcc',
    kind: 'recharge',
    title: '测试',
    description: '',
    price: fen(priceFen),
    credit: fen(priceFen),
    dataMb: 0,
    validityDays: 30,
    ...overrides,
  };
}

function promo(effect: Promotion['effect'], overrides: Partial<Promotion> = {}): Promotion {
  return {
    id: `p-${effect.type}`,
    title: `测试 ${effect.type}`,
    carriers: 'all',
    kinds: ['recharge', 'data', 'keep'],
    startsOn: '2026-11-20',
    endsOn: '2026-11-30',
    effect,
    ...overrides,
  };
}

describe('quote with the demo promotions', () => {
  test.each([
    ['cmcc-recharge-50', TODAY, 5000, 0, [], 0, 0],
    // 5 % of ¥100 ties with ¥5 off: the one listed first wins.
    ['cmcc-recharge-100', TODAY, 10000, 500, ['promo-2026-11-cn-big-recharge-95'], 0, 0],
    ['ctcc-recharge-200', TODAY, 20000, 1000, ['promo-2026-11-cn-big-recharge-95'], 0, 0],
    // A typed ¥150 gets the 100-and-up 95% like the ¥100 and ¥200 tiles (the better of the two offers).
    ['cucc-recharge-custom-150', TODAY, 15000, 750, ['promo-2026-11-cn-big-recharge-95'], 0, 0],
    // A typed ₱999 gets the ₱300-and-up extra days too: paying more never buys less validity.
    ['smart-recharge-custom-999', TODAY, 99900, 0, ['promo-2026-11-smart-big-load-extra-7d'], 0, 7],
    ['smart-recharge-custom-299', TODAY, 29900, 0, [], 0, 0],
    ['cmcc-data-10gb', TODAY, 3000, 0, ['promo-2026-11-cn-data-bonus-1gb'], 1024, 0],
    ['cmcc-keep-12m', TODAY, 8800, 1000, ['promo-2026-11-cn-keep-year-minus-10'], 0, 0],
    ['cmcc-keep-8', TODAY, 800, 0, [], 0, 0],
    ['smart-recharge-300', TODAY, 30000, 0, ['promo-2026-11-smart-big-load-extra-7d'], 0, 7],
    ['smart-recharge-100', TODAY, 10000, 0, [], 0, 0],
    ['smart-data-8gb-7d', TODAY, 9900, 0, [], 0, 0],
    ['cmcc-recharge-50', '2026-10-05', 5000, 500, ['promo-2026-10-national-day-90'], 0, 0],
    ['cmcc-recharge-30', '2027-01-01', 3000, 300, ['promo-2027-new-year-minus-3'], 0, 0],
    ['cmcc-recharge-20', '2027-01-01', 2000, 0, [], 0, 0],
    ['cmcc-recharge-100', '2027-02-01', 10000, 0, [], 0, 0],
  ])('%s on %s: %p − %p, applied %j, +%pMB, +%p days', (id, today, original, discount, applied, bonusDataMb, extraDays) => {
    const q = quote(product(id), { expiry: '2027-03-01' }, today);
    expect(q.original.amount).toBe(original);
    expect(q.discount.amount).toBe(discount);
    expect(q.payable.amount).toBe(original - discount);
    expect(q.applied.map((a) => a.id)).toEqual(applied);
    expect(q.bonusDataMb).toBe(bonusDataMb);
    expect(q.extraDays).toBe(extraDays);
  });

  test('the default promotion list is the catalog one', () => {
    expect(quote(product('cmcc-recharge-200'), card, TODAY)).toEqual(quote(product('cmcc-recharge-200'), card, TODAY, PROMOTIONS));
  });

  test.each([
    ['cmcc-recharge-50', '2026-11-30', '2027-05-29'],
    ['cmcc-keep-8', '2026-11-30', '2026-12-30'],
    ['cmcc-keep-12m', '2026-11-30', '2027-11-30'],
    // Expired card: 75 + 7 bonus days starting today.
    ['smart-recharge-300', '2026-10-01', '2027-02-14'],
  ])('%s on a card expiring %s → new expiry %s', (id, expiry, newExpiry) => {
    const q = quote(product(id), { expiry }, TODAY);
    expect(q.oldExpiry).toBe(expiry);
    expect(q.newExpiry).toBe(newExpiry);
  });
});

describe('quote: rounding and the 1-minor-unit floor', () => {
  test.each([
    ['15 % of ¥0.99 is 14 fen (14.85 rounded down)', 99, 1500, 14],
    ['33.33 % of ¥10 is 333 fen', 1000, 3333, 333],
    ['5 % of ¥0.19 is 0 fen: no promotion applied', 19, 500, 0],
    ['1 bp of ¥1,000,000 is exactly ¥100', 100_000_000, 1, 10_000],
    ['100 % off leaves 1 fen to pay', 5000, 10_000, 4999],
    ['a percent above 100 % is capped, still 1 fen to pay', 5000, 25_000, 4999],
  ])('%s', (_name, price, basisPoints, discount) => {
    const q = quote(testProduct(price), card, TODAY, [promo({ type: 'percent_off', basisPoints })]);
    expect(q.discount.amount).toBe(discount);
    expect(q.payable.amount).toBe(price - discount);
    expect(Number.isInteger(q.payable.amount)).toBe(true);
    expect(q.applied.length).toBe(discount > 0 ? 1 : 0);
  });

  test.each([
    ['¥5 off ¥50', 5000, yuan(5), undefined, 4500],
    ['¥60 off ¥50 leaves 1 fen', 5000, yuan(60), undefined, 1],
    ['¥5 off with minimum ¥50 applies at exactly ¥50', 5000, yuan(5), yuan(50), 4500],
    ['¥5 off with minimum ¥50.01 does not apply at ¥50', 5000, yuan(5), fen(5001), 5000],
    ['an amount off in pesos never applies to yuan', 5000, peso(5), undefined, 5000],
    ['a minimum in pesos never matches a yuan price', 5000, yuan(5), peso(1), 5000],
    ['zero off is no promotion', 5000, yuan(0), undefined, 5000],
    ['a negative amount off is ignored', 5000, fen(-500), undefined, 5000],
  ])('%s → pays %p', (_name, price, amount, minPrice, payable) => {
    const q = quote(testProduct(price), card, TODAY, [promo({ type: 'amount_off', amount, minPrice })]);
    expect(q.payable.amount).toBe(payable);
    expect(q.original.amount - q.discount.amount).toBe(payable);
  });

  test.each([[-500], [NaN], [12.5]])('a malformed percent (%p bp) is ignored', (basisPoints) => {
    const q = quote(testProduct(5000), card, TODAY, [promo({ type: 'percent_off', basisPoints })]);
    expect(q.payable.amount).toBe(5000);
    expect(q.applied).toEqual([]);
  });

  test('a 1-fen price cannot be discounted: nothing to pay less, no promotion listed', () => {
    const q = quote(testProduct(1), card, TODAY, [promo({ type: 'percent_off', basisPoints: 10_000 })]);
    expect(q).toMatchObject({ discount: { amount: 0 }, payable: { amount: 1 }, applied: [] });
  });

  test('centavos follow the same rule: 12.5 % of ₱0.99 is 12 centavos', () => {
    const smartLoad = { ...product('smart-recharge-20'), price: centavo(99), credit: centavo(99) };
    expect(quote(smartLoad, card, TODAY, [promo({ type: 'percent_off', basisPoints: 1250 })]).discount).toEqual(centavo(12));
  });
});

describe('quote: which promotions apply', () => {
  const tenPercent = promo({ type: 'percent_off', basisPoints: 1000 }, { id: 'ten', title: '9 折' });
  const sixOff = promo({ type: 'amount_off', amount: yuan(6) }, { id: 'six', title: '减 6 元' });
  const bonus1 = promo({ type: 'bonus_data', dataMb: 1024 }, { id: 'b1', title: '送 1GB' });
  const bonus2 = promo({ type: 'bonus_data', dataMb: 512 }, { id: 'b2', title: '送 512MB' });
  const days3 = promo({ type: 'extra_days', days: 3 }, { id: 'd3', title: '送 3 天' });
  const days4 = promo({ type: 'extra_days', days: 4 }, { id: 'd4', title: '送 4 天' });

  test.each([
    ['¥50: ¥6 off beats 10 % (¥5)', 5000, [tenPercent, sixOff], 600, ['six']],
    ['¥100: 10 % (¥10) beats ¥6 off', 10000, [tenPercent, sixOff], 1000, ['ten']],
    ['¥60: a tie goes to the one listed first', 6000, [sixOff, tenPercent], 600, ['six']],
  ])('only the best price promotion: %s', (_name, price, list, discount, applied) => {
    const q = quote(testProduct(price), card, TODAY, list);
    expect(q.discount.amount).toBe(discount);
    expect(q.applied.map((a) => a.id)).toEqual(applied);
  });

  test('bonus data and extra days stack with each other and with the price promotion', () => {
    const q = quote(testProduct(10000), { expiry: '2026-11-30' }, TODAY, [bonus1, tenPercent, days3, bonus2, sixOff, days4]);
    expect(q.discount.amount).toBe(1000);
    expect(q.bonusDataMb).toBe(1536);
    expect(q.extraDays).toBe(7);
    expect(q.applied).toEqual([
      { id: 'ten', title: '9 折' },
      { id: 'b1', title: '送 1GB' },
      { id: 'd3', title: '送 3 天' },
      { id: 'b2', title: '送 512MB' },
      { id: 'd4', title: '送 4 天' },
    ]);
    // 30 validity days + 7 bonus days after 2026-11-30.
    expect(q.newExpiry).toBe('2027-01-06');
  });

  test.each([
    ['another carrier', { carriers: ['cucc', 'smart'] as CarrierId[] }],
    ['another kind', { kinds: ['data' as const] }],
    ['another product', { productIds: ['cmcc-recharge-100'] }],
    ['an empty carrier list', { carriers: [] as CarrierId[] }],
    ['ended the day before', { startsOn: '2026-11-01', endsOn: '2026-11-24' }],
    ['starts the day after', { startsOn: '2026-11-26', endsOn: '2026-12-31' }],
    ['a malformed window', { startsOn: '2026-11-01', endsOn: '2026-11-31' }],
    ['a missing kinds list', { kinds: undefined as unknown as [] }],
  ])('a promotion for %s never applies', (_name, overrides) => {
    const list = [tenPercent, bonus1, days3].map((p) => ({ ...p, ...overrides }));
    const q = quote(testProduct(10000), card, TODAY, list);
    expect(q).toMatchObject({ discount: { amount: 0 }, payable: { amount: 10000 }, bonusDataMb: 0, extraDays: 0, applied: [] });
  });

  test.each([
    ['first day', '2026-11-20'],
    ['last day', '2026-11-30'],
  ])('the window edges are inclusive: the %s (%s) applies', (_name, today) => {
    expect(quote(testProduct(10000), { expiry: '2026-12-31' }, today, [tenPercent]).payable.amount).toBe(9000);
  });

  test('hostile promotion lists are ignored, not fatal', () => {
    const q = quote(testProduct(10000), card, TODAY, [null as unknown as Promotion, { ...tenPercent, effect: undefined as never }, bonus1]);
    expect(q.bonusDataMb).toBe(1024);
    expect(q.discount.amount).toBe(0);
    expect(quote(testProduct(10000), card, TODAY, 'x' as unknown as Promotion[]).applied).toEqual([]);
  });
});

describe('recommend', () => {
  function cardOf(overrides: Partial<CardProfile>): CardProfile {
    return {
      phone: '13800138000',
      region: 'CN',
      iccid: '89860012345678901234',
      carrier: 'cmcc',
      cardType: 'phone',
      planName: '测试套餐',
      balance: yuan(20),
      dataLeftMb: 5000,
      expiry: '2026-12-31',
      suspended: false,
      ...overrides,
    };
  }

  test.each([
    ['a keep card 3 days from expiry → its cheapest keep plan', { cardType: 'keep', expiry: '2026-11-28' }, 'cmcc-keep-8', '保号卡还有 3 天到期，续最便宜的「保号套餐 8 元/月」即可保住号码'],
    ['a Unicom keep card expiring today → the 5 元 plan', { carrier: 'cucc', cardType: 'keep', expiry: TODAY }, 'cucc-keep-5', '今天到期'],
    ['an expired keep card → a keep plan', { cardType: 'keep', expiry: '2026-11-20' }, 'cmcc-keep-8', '已过期 5 天'],
    ['a Smart keep card near expiry → the minimum load', { carrier: 'smart', region: 'PH', cardType: 'keep', balance: peso(0), expiry: '2026-11-27' }, 'smart-keep-10', '保号'],
    ['a keep card with time left → the usual recharge', { cardType: 'keep', expiry: '2026-12-05' }, 'cmcc-recharge-50', '最多人选择'],
    ['a data card with 300MB left → the cheapest pack', { cardType: 'data', dataLeftMb: 300 }, 'cmcc-data-5gb', '还剩 300MB'],
    ['a data card with 0MB left', { cardType: 'data', dataLeftMb: 0 }, 'cmcc-data-5gb', '剩余流量不足 1GB'],
    ['a data card with exactly 1GB is not low', { cardType: 'data', dataLeftMb: 1024 }, 'cmcc-recharge-50', '最多人选择'],
    ['a phone card low on data is not pushed a pack', { cardType: 'phone', dataLeftMb: 10 }, 'cmcc-recharge-50', '¥50'],
    ['a suspended line owing ¥12.30 → the smallest tile that clears it, ¥20', { suspended: true, balance: fen(-1230) }, 'cmcc-recharge-20', '号码已停机，欠费 ¥12.30，至少充 ¥13 才能复机，充 ¥20 可补足欠费'],
    ['a debt of exactly ¥10 needs more than ¥10 (a zero balance stays cut off)', { suspended: true, balance: yuan(-10) }, 'cmcc-recharge-20', '至少充 ¥11'],
    ['a suspended line with no debt → ¥50', { suspended: true, balance: yuan(0) }, 'cmcc-recharge-50', '号码已停机，充值 ¥50 即可恢复使用'],
    ['a suspended line owing ¥300 → the largest tile', { suspended: true, balance: yuan(-300) }, 'cmcc-recharge-200', '欠费 ¥300.00'],
    ['a suspended keep card pays its debt first', { cardType: 'keep', suspended: true, balance: fen(-500), expiry: '2026-11-26' }, 'cmcc-recharge-10', '欠费 ¥5.00'],
    ['an expired phone card → a recharge', { expiry: '2026-11-22' }, 'cmcc-recharge-50', '号码已过期 3 天，充值 ¥50 即可恢复使用'],
    ['a healthy card → the usual ¥50', {}, 'cmcc-recharge-50', '最多人选择的充值金额：¥50'],
    ['a healthy Smart card → ₱100', { carrier: 'smart', region: 'PH', balance: peso(30) }, 'smart-recharge-100', '₱100'],
    ['an unreadable expiry skips the expiry rules', { expiry: '2026-02-30' }, 'cmcc-recharge-50', '最多人选择'],
  ])('%s', (_name, overrides, productId, reason) => {
    const c = cardOf(overrides as Partial<CardProfile>);
    const result = recommend(c, productsFor(c.carrier, c.cardType), TODAY);
    expect(result?.productId).toBe(productId);
    expect(result?.reason).toContain(reason);
  });

  test('only the card\u2019s own carrier counts', () => {
    expect(recommend(cardOf({}), productsFor('cucc'), TODAY)).toBeNull();
    expect(recommend(cardOf({}), [...productsFor('smart'), ...productsFor('cmcc')], TODAY)?.productId).toBe('cmcc-recharge-50');
  });

  test('without recharge tiles the first own product is offered', () => {
    const packs = productsFor('cmcc').filter((p) => p.kind === 'data');
    expect(recommend(cardOf({}), packs, TODAY)).toEqual({ productId: 'cmcc-data-5gb', reason: '推荐「5GB 流量月包」' });
  });

  test.each([
    ['no products', []],
    ['not a list', null],
    ['garbage entries', [null, 42]],
  ])('%s → null', (_name, products) => {
    expect(recommend(cardOf({}), products as unknown as Product[], TODAY)).toBeNull();
  });

  test('a garbage today → null rather than a guess', () => {
    expect(recommend(cardOf({}), productsFor('cmcc'), '2026-13-01')).toBeNull();
  });
});

describe('debtAfter and debtWarning: a purchase that leaves the line cut off says so (walk 1)', () => {
  test.each([
    ['¥10 on a ¥12.30 debt leaves -¥2.30', fen(-1230), 'cmcc-recharge-10', true, { balance: fen(-230), minimum: yuan(13) }, '充值后余额仍为 -¥2.30，号码仍停机，至少充 ¥13 才能复机'],
    ['¥20 clears it', fen(-1230), 'cmcc-recharge-20', true, null, ''],
    ['a data pack credits nothing: the whole debt stays', fen(-1230), 'cmcc-data-5gb', true, { balance: fen(-1230), minimum: yuan(13) }, '充值后余额仍为 -¥12.30，号码仍停机，至少充 ¥13 才能复机'],
    ['exactly clearing to zero is not enough', yuan(-10), 'cmcc-recharge-10', false, { balance: yuan(0), minimum: yuan(11) }, '充值后余额仍为 ¥0.00，号码仍欠费，至少充 ¥11 才能复机'],
    ['no debt, nothing to say', yuan(5), 'cmcc-recharge-10', false, null, ''],
  ])('%s', (_name, balance, productId, suspended, after, words) => {
    const c = { balance, suspended };
    expect(debtAfter(c, product(productId))).toEqual(after);
    expect(debtWarning(c, product(productId))).toBe(words);
  });

  test('hostile input says nothing rather than throwing', () => {
    expect(debtAfter(null as never, product('cmcc-recharge-10'))).toBeNull();
    expect(debtWarning({ balance: { amount: 'x' }, suspended: true } as never, product('cmcc-recharge-10'))).toBe('');
    expect(debtAfter({ balance: fen(-100) }, null as never)).toEqual({ balance: fen(-100), minimum: yuan(2) });
  });
});
