import { productById, productsFor } from '../../../miniprogram/core/catalog';
import { quote } from '../../../miniprogram/core/pricing';
import type { CardProfile, Product, Promotion } from '../../../miniprogram/core/types';
import type { RateQuote } from '../../../miniprogram/core/charge';
import { KIND_TITLES, customHint, productTabs, promotionLine, quotesFor, rateNote, selectionOf, tileOf, yearlySaving, type ProductTab } from '../../../miniprogram/pages/packages/tiles';
import { PRODUCT_KIND_LABELS } from '../../../miniprogram/view/labels';
import { cardProfile, smartProfile } from '../../support/card-profiles';

/** Inside the demo promotions' November 2026 window; the card runs to 2026-12-20. */
const TODAY = '2026-11-25';
const CARD = cardProfile();

function product(id: string): Product {
  const found = productById(id);
  if (!found) throw new Error(`catalog changed: ${id}`);
  return found;
}

/** 10:05 China time on TODAY and the demo rate quoted then (₱1 ≈ ¥0.1235). */
const NOW = Date.UTC(2026, 10, 25, 2, 5);
const RATE: RateQuote = { rate: { from: 'PHP', to: 'CNY', fen: 247, centavos: 2000 }, quotedAt: NOW };

const tile = (id: string, card: CardProfile = CARD, today = TODAY, rate: RateQuote | null = RATE) =>
  tileOf(product(id), quote(product(id), card, today), false, productsFor(card.carrier), rate, NOW);
const selection = (id: string, card: CardProfile = CARD, today = TODAY, rate: RateQuote | null = RATE) => selectionOf(quote(product(id), card, today), card, rate, NOW);
const tabOf = (kind: Product['kind']): ProductTab => ({ kind, title: KIND_TITLES[kind], tiles: [] });

describe('tileOf: one product, priced today', () => {
  test('a recharge without a promotion: the face value alone, no second price saying the same (item 15)', () => {
    expect(tile('cmcc-recharge-10')).toEqual({
      id: 'cmcc-recharge-10',
      name: '¥10',
      description: '到账 10 元，有效期延长 30 天',
      price: '',
      original: '',
      perk: '',
      recommended: false,
    });
  });

  test('a discounted recharge: the lower price, the list price struck, the promotion named', () => {
    expect(tile('cmcc-recharge-100')).toMatchObject({ name: '¥100', price: '¥95', original: '¥100', perk: '大额充值 95 折（100 元及以上）' });
  });

  test('a data pack with bonus data: the title as name, the bonus as perk', () => {
    expect(tile('cmcc-data-5gb')).toMatchObject({ name: '5GB 流量月包', price: '¥20', original: '', perk: '加赠 1GB' });
  });

  test('a Smart load with extra days: the peso face value, priced in the yuan it is charged (item 8)', () => {
    expect(tile('smart-recharge-300', smartProfile())).toMatchObject({ name: '₱300', price: '¥37.05', original: '', perk: '加送 7 天' });
  });

  test('a Smart load before any rate is known: no yuan made up', () => {
    expect(tile('smart-recharge-300', smartProfile(), TODAY, null)).toMatchObject({ name: '₱300', price: '' });
  });

  test('a keep-number year with money off, and what it saves against the monthly plan at that price (item 12)', () => {
    expect(tile('cmcc-keep-12m')).toMatchObject({ name: '保号年包 12 个月', price: '¥78', original: '¥88', perk: '比按月省 ¥18' });
  });

  test('after the promotions end: list prices, and only the saving the catalog supports', () => {
    expect(tile('cmcc-recharge-100', CARD, '2027-02-01')).toMatchObject({ price: '', original: '', perk: '' });
    expect(tile('cmcc-data-5gb', CARD, '2027-02-01')).toMatchObject({ perk: '' });
    expect(tile('cmcc-keep-12m', CARD, '2027-02-01')).toMatchObject({ price: '¥88', perk: '比按月省 ¥8' });
  });

  test('the recommended flag is passed through', () => {
    const p = product('cmcc-recharge-50');
    expect(tileOf(p, quote(p, CARD, TODAY), true, productsFor('cmcc'), null, NOW).recommended).toBe(true);
  });
});

describe('productTabs', () => {
  const tabsFor = (cardType: 'phone' | 'data' | 'keep', recommended: string | null = null) => {
    const products = productsFor('cmcc', cardType);
    return productTabs(products, quotesFor(products, cardProfile({ cardType }), TODAY), recommended);
  };

  test('a phone card: recharges, data packs, keep plans, each titled in Chinese', () => {
    expect(tabsFor('phone').map((t) => [t.kind, t.title, t.tiles.length])).toEqual([
      ['recharge', '话费充值', 6],
      ['data', '流量包', 3],
      ['keep', '保号套餐', 2],
    ]);
  });

  test('a data card: data packs first; a keep card: keep plans first; no empty tabs', () => {
    expect(tabsFor('data').map((t) => t.title)).toEqual(['流量包', '话费充值']);
    expect(tabsFor('keep').map((t) => t.title)).toEqual(['保号套餐', '话费充值']);
  });

  test('only the recommended product is marked', () => {
    const marked = tabsFor('phone', 'cmcc-recharge-50').flatMap((t) => t.tiles.filter((x) => x.recommended).map((x) => x.id));
    expect(marked).toEqual(['cmcc-recharge-50']);
    expect(tabsFor('phone').flatMap((t) => t.tiles).some((x) => x.recommended)).toBe(false);
  });

  test('a product without a quote is left out rather than shown unpriced', () => {
    const products = productsFor('cmcc', 'phone');
    const quotes = quotesFor(products, CARD, TODAY);
    quotes.delete('cmcc-recharge-10');
    const ids = productTabs(products, quotes, null).flatMap((t) => t.tiles.map((x) => x.id));
    expect(ids).not.toContain('cmcc-recharge-10');
    expect(ids).toHaveLength(products.length - 1);
  });

  test('a kind with no priced product gets no tab', () => {
    const products = productsFor('cmcc', 'phone');
    const quotes = quotesFor(products, CARD, TODAY);
    for (const p of products) if (p.kind === 'keep') quotes.delete(p.id);
    expect(productTabs(products, quotes, null).map((t) => t.kind)).toEqual(['recharge', 'data']);
  });

  test('no products: no tabs', () => {
    expect(productTabs([], new Map(), null)).toEqual([]);
  });

  test('the tab titles are the product kind words used everywhere else', () => {
    expect(KIND_TITLES).toEqual(PRODUCT_KIND_LABELS);
  });
});

describe('quotesFor', () => {
  test('one quote per product, by id, on today\u2019s promotions', () => {
    const products = [product('cmcc-recharge-100'), product('cmcc-data-5gb')];
    const quotes = quotesFor(products, CARD, TODAY);
    expect([...quotes.keys()]).toEqual(['cmcc-recharge-100', 'cmcc-data-5gb']);
    expect(quotes.get('cmcc-recharge-100')?.payable).toEqual({ amount: 9500, currency: 'CNY' });
  });
});

describe('selectionOf: the line under the tiles for the chosen product', () => {
  test('a discounted recharge: price, list price, the new expiry in Chinese', () => {
    expect(selection('cmcc-recharge-100')).toEqual({
      title: '话费充值 100 元',
      price: '¥95.00',
      original: '¥100',
      faceValue: '',
      expiryLine: '到期日将延长至 2027年12月20日',
      perks: '大额充值 95 折（100 元及以上）',
      debtNote: '',
    });
  });

  test('a data pack: its data, the bonus and the promotion behind it; the card\u2019s expiry stays (walk 13)', () => {
    expect(selection('cmcc-data-5gb')).toEqual({
      title: '5GB 流量月包',
      price: '¥20.00',
      original: '',
      faceValue: '',
      expiryLine: '流量 30 天有效，号码到期日不变（2026年12月20日）',
      perks: '流量 5GB · 加赠 1GB · 流量包加赠 1GB',
      debtNote: '',
    });
  });

  test('a Smart load with extra days: the yuan charged, then the face value and the rate', () => {
    expect(selection('smart-recharge-300', smartProfile())).toMatchObject({
      price: '¥37.05',
      faceValue: '面值 ₱300.00 · ₱1 ≈ ¥0.1235（10:05 报价）',
      perks: '加送有效期 7 天 · 充值 ₱300 及以上加送 7 天有效期',
    });
  });

  test('a recharge too small for the debt of a suspended card says so (walk 1)', () => {
    expect(selection('cmcc-recharge-10', cardProfile({ balance: { amount: -1230, currency: 'CNY' }, suspended: true })).debtNote).toBe('充值后余额仍为 -¥2.30，号码仍停机，至少充 ¥13 才能复机');
  });

  test('an expired card: the days start today', () => {
    expect(selection('cmcc-recharge-10', cardProfile({ expiry: '2026-11-01' })).expiryLine).toBe('到期日将延长至 2026年12月24日');
  });

  test('a product that adds no days: the expiry stays', () => {
    const noDays = { ...product('cmcc-recharge-10'), validityDays: 0 };
    expect(selectionOf(quote(noDays, CARD, TODAY), CARD).expiryLine).toBe('到期日不变');
  });
});

describe('promotionLine: today\u2019s offers for what the tab shows (item 12)', () => {
  const line = (kind: Product['kind'], carrier: Product['carrier'] = 'cmcc', today = TODAY, all?: Promotion[]) =>
    all ? promotionLine(tabOf(kind), productsFor(carrier), today, all) : promotionLine(tabOf(kind), productsFor(carrier), today);

  test('China Mobile in late November: each tab names only its own offers', () => {
    expect(line('recharge')).toBe('限时优惠：大额充值 95 折（100 元及以上）；充值满 100 元减 5 元');
    expect(line('data')).toBe('限时优惠：流量包加赠 1GB');
    expect(line('keep')).toBe('限时优惠：保号年包立减 10 元');
  });

  test('Smart sees only its own offer, with its condition in the title', () => {
    expect(line('recharge', 'smart')).toBe('限时优惠：充值 ₱300 及以上加送 7 天有效期');
    expect(line('data', 'smart')).toBe('');
  });

  test('no offer running: no line', () => {
    expect(line('recharge', 'cmcc', '2027-02-01')).toBe('');
  });

  test('an offer for every carrier reaches Smart too', () => {
    const all: Promotion = { id: 'p', title: '全场加赠', carriers: 'all', kinds: ['recharge'], startsOn: TODAY, endsOn: TODAY, effect: { type: 'extra_days', days: 1 } };
    expect(line('recharge', 'smart', TODAY, [all])).toBe('限时优惠：全场加赠');
  });

  test('no tab: no line', () => {
    expect(promotionLine(undefined, productsFor('cmcc'), TODAY)).toBe('');
  });

  test.each([[''], ['2026-02-30'], ['tomorrow'], [null]])('an unusable day %p: no line, no crash', (today) => {
    expect(line('recharge', 'cmcc', today as never)).toBe('');
  });
});

describe('yearlySaving: from the catalog, at the price paid', () => {
  test.each([
    // 12 × ¥5 = ¥60 against ¥58 − ¥10 = ¥48.
    ['cucc-keep-12m', TODAY, 1200],
    ['ctcc-keep-12m', TODAY, 1200],
    // 12 × ¥8 = ¥96 against ¥88 − ¥10 = ¥78.
    ['cmcc-keep-12m', TODAY, 1800],
    ['cmcc-keep-12m', '2027-02-01', 800],
    ['cmcc-keep-8', TODAY, null],
    ['cmcc-recharge-100', TODAY, null],
  ])('%s on %s saves %p fen', (id, today, saving) => {
    const p = product(id);
    expect(yearlySaving(quote(p, CARD, today), productsFor(p.carrier))).toEqual(saving === null ? null : { amount: saving, currency: 'CNY' });
  });

  test('nothing monthly to compare with: no saving claimed', () => {
    const p = product('cmcc-keep-12m');
    expect(yearlySaving(quote(p, CARD, TODAY), [p])).toBeNull();
    expect(yearlySaving(null as never, [])).toBeNull();
  });
});

describe('customHint: the placeholder of 其他金额', () => {
  test('a mainland card: whole yuan within the carrier\u2019s bounds', () => {
    expect(customHint(CARD)).toBe('10–500 元的整数');
  });

  test('a Smart card: whole pesos, up to ₱1000', () => {
    expect(customHint(smartProfile())).toBe('₱10–₱1000 的整数');
  });
});

describe('rateNote: the rate yuan prices are shown at', () => {
  test('a yuan card needs none', () => {
    expect(rateNote(CARD, RATE)).toBe('');
  });

  test('a peso card: the rate with its quote time', () => {
    expect(rateNote(smartProfile(), RATE)).toBe('按 ₱1 ≈ ¥0.1235（10:05 报价）折合人民币支付');
  });

  test('a peso card before any rate is known: says the yuan comes at the next step, none made up', () => {
    expect(rateNote(smartProfile(), null)).toBe('暂时没有取到汇率，人民币金额将在下一步确认');
  });
});
