import {
  CUSTOM_RECHARGE_BOUNDS,
  GRACE_DAYS,
  PROMOTIONS,
  activePromotions,
  customRecharge,
  isPromotionActive,
  productById,
  productsFor,
} from '../../miniprogram/core/catalog';
import { isChinaDate } from '../../miniprogram/core/dates';
import type { CardType, CarrierId, Promotion } from '../../miniprogram/core/types';

const MAINLAND: CarrierId[] = ['cmcc', 'cucc', 'ctcc', 'cbn'];
const ALL: CarrierId[] = [...MAINLAND, 'smart'];

describe('recharge tiles', () => {
  test.each(MAINLAND)('%s sells 10/20/30/50/100/200 元, credit = price = face value', (carrier) => {
    const recharges = productsFor(carrier).filter((p) => p.kind === 'recharge');
    expect(recharges.map((p) => p.id)).toEqual([10, 20, 30, 50, 100, 200].map((n) => `${carrier}-recharge-${n}`));
    for (const p of recharges) {
      expect(p.price).toEqual(p.credit);
      expect(p.price.currency).toBe('CNY');
      expect(p.title).toBe(`话费充值 ${p.price.amount / 100} 元`);
    }
  });

  test('Smart sells ₱20/50/100/300/500/1000 loads in pesos', () => {
    const loads = productsFor('smart').filter((p) => p.kind === 'recharge');
    expect(loads.map((p) => [p.id, p.title, p.price.amount, p.credit.amount, p.price.currency])).toEqual(
      [20, 50, 100, 300, 500, 1000].map((n) => [`smart-recharge-${n}`, `充值 ₱${n}`, n * 100, n * 100, 'PHP']),
    );
  });

  test.each([
    ['smart-recharge-100', 30],
    ['smart-recharge-300', 75],
    ['smart-recharge-500', 120],
    ['smart-recharge-20', 7],
    ['smart-recharge-1000', 365],
    ['cmcc-recharge-10', 30],
    ['cmcc-recharge-50', 180],
    ['ctcc-recharge-200', 365],
  ])('%s extends validity by %p days (data table)', (id, days) => {
    expect(productById(id)?.validityDays).toBe(days);
  });
});

describe('data packs and keep-number plans', () => {
  test.each(ALL)('%s has data packs with data, days of data, no credit, and no extension of the card (walk 13)', (carrier) => {
    const packs = productsFor(carrier).filter((p) => p.kind === 'data');
    expect(packs.length).toBeGreaterThanOrEqual(3);
    for (const p of packs) {
      expect(p.dataMb).toBeGreaterThanOrEqual(1024);
      expect(p.dataDays).toBeGreaterThan(0);
      expect(p.validityDays).toBe(0);
      expect(p.credit.amount).toBe(0);
      expect(p.price.amount).toBeGreaterThan(0);
    }
  });

  test.each([
    ['cmcc-data-5gb', '5GB 流量月包', 2000, 5 * 1024, 30],
    ['cucc-data-10gb', '10GB 流量月包', 3000, 10 * 1024, 30],
    ['cbn-data-30gb', '30GB 流量月包', 5000, 30 * 1024, 30],
    ['smart-data-8gb-7d', '7 天畅享流量包 8GB', 9900, 8 * 1024, 7],
    ['cmcc-keep-8', '保号套餐 8 元/月', 800, 0, 30],
    ['ctcc-keep-5', '保号套餐 5 元/月', 500, 0, 30],
    ['cucc-keep-12m', '保号年包 12 个月', 5800, 0, 365],
    ['smart-keep-10', '保号最低充值 ₱10', 1000, 0, 3],
  ])('%s is %s at %p minor units, %p MB, %p days', (id, title, price, dataMb, days) => {
    const found = productById(id);
    expect(found).toMatchObject({ id, title, price: { amount: price }, dataMb });
    expect(found?.kind === 'data' ? found.dataDays : found?.validityDays).toBe(days);
  });

  test('no plan description claims a saving of its own: the page computes it from the price paid', () => {
    for (const carrier of ALL) for (const p of productsFor(carrier)) expect(p.description).not.toMatch(/省/);
  });

  test.each(ALL)('%s has a keep plan and every CN carrier a 12-month one', (carrier) => {
    const keep = productsFor(carrier).filter((p) => p.kind === 'keep');
    expect(keep.length).toBeGreaterThan(0);
    if (carrier !== 'smart') expect(keep.some((p) => p.validityDays === 365)).toBe(true);
  });

  test('every product id is unique, readable and names its own carrier', () => {
    const all = ALL.flatMap((carrier) => productsFor(carrier));
    expect(new Set(all.map((p) => p.id)).size).toBe(all.length);
    for (const p of all) {
      expect(p.id).toMatch(new RegExp(`^${p.carrier}-${p.kind}-[a-z0-9-]+$`));
      expect(productById(p.id)).toEqual(p);
      expect(Number.isSafeInteger(p.price.amount)).toBe(true);
    }
  });
});

describe('productsFor by card type', () => {
  test.each([
    ['cmcc', undefined, ['recharge', 'data', 'keep']],
    ['cmcc', 'phone', ['recharge', 'data', 'keep']],
    ['cucc', 'esim', ['recharge', 'data', 'keep']],
    ['ctcc', 'data', ['data', 'recharge']],
    ['cbn', 'keep', ['keep', 'recharge']],
    ['smart', 'keep', ['keep', 'recharge']],
  ])('%s / %p offers kinds in order %j', (carrier, cardType, kinds) => {
    const products = productsFor(carrier as CarrierId, cardType as CardType | undefined);
    const order = products.map((p) => p.kind).filter((k, i, list) => list.indexOf(k) === i);
    expect(order).toEqual(kinds);
  });

  test.each([['globe'], [''], [null], ['__proto__']])('unknown carrier %p → no products', (carrier) => {
    expect(productsFor(carrier as CarrierId)).toEqual([]);
  });

  test('an unknown card type gives nothing rather than failing', () => {
    expect(productsFor('cmcc', 'iot' as CardType)).toEqual([]);
  });

  test('the result is a copy: changing it does not change the catalog', () => {
    productsFor('cmcc').length = 0;
    expect(productsFor('cmcc').length).toBeGreaterThan(0);
  });
});

describe('productById', () => {
  test.each([['nope'], [''], [null], [42], ['cmcc-recharge-custom-5'], ['cmcc-recharge-custom-50'], ['globe-recharge-custom-50']])(
    '%p → undefined',
    (id) => {
      expect(productById(id as string)).toBeUndefined();
    },
  );

  test('a custom recharge id resolves to the same product customRecharge made', () => {
    const made = customRecharge('cucc', '150');
    expect(made.ok && productById(made.value.id)).toEqual(made.ok && made.value);
  });
});

describe('customRecharge', () => {
  test.each([
    ['cmcc', '150', 'cmcc-recharge-custom-150', '话费充值 150 元', 15000, 365],
    ['cmcc', 10, 'cmcc-recharge-10', '话费充值 10 元', 1000, 30],
    ['cucc', '500', 'cucc-recharge-custom-500', '话费充值 500 元', 50000, 365],
    ['ctcc', '¥ 35', 'ctcc-recharge-custom-35', '话费充值 35 元', 3500, 90],
    ['cbn', '５０', 'cbn-recharge-50', '话费充值 50 元', 5000, 180],
    ['cmcc', '88.00', 'cmcc-recharge-custom-88', '话费充值 88 元', 8800, 180],
    ['smart', '10', 'smart-recharge-custom-10', '充值 ₱10', 1000, 3],
    ['smart', '₱250', 'smart-recharge-custom-250', '充值 ₱250', 25000, 30],
    ['smart', '1,000', 'smart-recharge-1000', '充值 ₱1000', 100000, 365],
  ])('%s %p → %s', (carrier, raw, id, title, amount, days) => {
    const result = customRecharge(carrier as CarrierId, raw);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value).toMatchObject({ id, title, kind: 'recharge', validityDays: days });
    expect(result.value.price.amount).toBe(amount);
    expect(result.value.credit).toEqual(result.value.price);
  });

  test.each([
    ['cmcc', '', 'empty', '请输入 10–500 之间的整数金额'],
    ['cmcc', null, 'empty', '请输入 10–500 之间的整数金额'],
    ['cmcc', '9', 'below_min', '最低充值 10 元，请输入 10–500 之间的整数金额'],
    ['cmcc', '0', 'below_min', '最低充值 10 元'],
    ['cmcc', '501', 'above_max', '单笔最多充值 500 元，请输入 10–500 之间的整数金额'],
    ['cmcc', '50.5', 'not_whole', '只能充值整数金额'],
    ['cmcc', 50.5, 'not_whole', '请输入 10–500 之间的整数金额'],
    ['cmcc', '50.555', 'too_many_decimals', '只能充值整数金额'],
    ['cmcc', 'fifty', 'bad_format', '金额格式不对，请输入 10–500 之间的整数金额'],
    ['cmcc', '-50', 'bad_format', '负数'],
    ['cmcc', '₱50', 'bad_format', '人民币'],
    ['cmcc', '1e3', 'bad_format', '请输入 10–500 之间的整数金额'],
    ['cmcc', NaN, 'bad_format', '请输入 10–500'],
    ['cmcc', Infinity, 'bad_format', '请输入 10–500'],
    ['cmcc', {}, 'bad_format', '请输入 10–500'],
    ['cmcc', '9'.repeat(400), 'too_large', '单笔最多充值 500 元'],
    ['cmcc', 1e20, 'too_large', '单笔最多充值 500 元'],
    ['smart', '5', 'below_min', '最低充值 ₱10，请输入 10–1000 之间的整数比索金额'],
    ['smart', '1001', 'above_max', '单笔最多充值 ₱1000'],
    ['smart', '¥100', 'bad_format', '比索'],
    ['globe' as CarrierId, '100', 'bad_format', '请先选择运营商'],
  ])('%s %p → %s (%s)', (carrier, raw, error, message) => {
    const result = customRecharge(carrier as CarrierId, raw);
    expect(result).toMatchObject({ ok: false, error });
    if (!result.ok) expect(result.message).toContain(message);
  });

  test('bounds are whole yuan 10–500 and whole pesos 10–1000', () => {
    expect(CUSTOM_RECHARGE_BOUNDS).toEqual({
      cmcc: { min: 10, max: 500 },
      cucc: { min: 10, max: 500 },
      ctcc: { min: 10, max: 500 },
      cbn: { min: 10, max: 500 },
      smart: { min: 10, max: 1000 },
    });
  });
});

describe('GRACE_DAYS', () => {
  test.each([
    ['smart', 120],
    ['cmcc', 90],
    ['cucc', 90],
    ['ctcc', 90],
    ['cbn', 90],
  ])('%s keeps a number %p days after expiry', (carrier, days) => {
    expect(GRACE_DAYS[carrier as CarrierId]).toBe(days);
  });
});

describe('promotions', () => {
  test('every demo promotion has a real inclusive window and a unique id', () => {
    expect(new Set(PROMOTIONS.map((p) => p.id)).size).toBe(PROMOTIONS.length);
    for (const p of PROMOTIONS) {
      expect(isChinaDate(p.startsOn) && isChinaDate(p.endsOn)).toBe(true);
      expect(p.startsOn <= p.endsOn).toBe(true);
      for (const id of p.productIds ?? []) expect(productById(id)).toBeDefined();
    }
  });

  test('on 2026-11-25 a percent discount, an amount off and a bonus-data promotion are active', () => {
    const active = activePromotions('2026-11-25');
    const types = active.map((p) => p.effect.type);
    expect(types).toEqual(expect.arrayContaining(['percent_off', 'amount_off', 'bonus_data', 'extra_days']));
    expect(active.map((p) => p.id)).not.toContain('promo-2026-10-national-day-90');
    expect(active.map((p) => p.id)).not.toContain('promo-2027-new-year-minus-3');
  });

  test('the demo data holds an expired and a future promotion relative to 2026-11-25', () => {
    expect(PROMOTIONS.some((p) => p.endsOn < '2026-11-25')).toBe(true);
    expect(PROMOTIONS.some((p) => p.startsOn > '2026-11-25')).toBe(true);
  });

  const window: Promotion = {
    id: 'w',
    title: 'w',
    carriers: 'all',
    kinds: ['recharge'],
    startsOn: '2026-11-20',
    endsOn: '2026-11-30',
    effect: { type: 'extra_days', days: 1 },
  };
  test.each([
    ['2026-11-19', false],
    ['2026-11-20', true],
    ['2026-11-25', true],
    ['2026-11-30', true],
    ['2026-12-01', false],
    ['2026-11-31', false],
    ['', false],
    [null, false],
  ])('a 2026-11-20…2026-11-30 window on %p is active: %p', (today, expected) => {
    expect(isPromotionActive(window, today as string)).toBe(expected);
    expect(activePromotions(today as string, [window]).length).toBe(expected ? 1 : 0);
  });

  test('malformed windows and lists never count as active', () => {
    expect(isPromotionActive({ ...window, endsOn: '2026-02-30' }, '2026-11-25')).toBe(false);
    expect(isPromotionActive({ ...window, startsOn: '' }, '2026-11-25')).toBe(false);
    expect(activePromotions('2026-11-25', null as unknown as Promotion[])).toEqual([]);
    expect(activePromotions('2026-11-25', [null as unknown as Promotion, window])).toEqual([window]);
  });
});
