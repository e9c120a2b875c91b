import { customRecharge, productById } from '../../../miniprogram/core/catalog';
import { quote } from '../../../miniprogram/core/pricing';
import type { Product, Quote } from '../../../miniprogram/core/types';
import { chargeFor, type Charge } from '../../../miniprogram/core/charge';
import { fen } from '../../../miniprogram/core/money';
import { DUPLICATE_WARNING, confirmView, productFitsCard, readConfirmQuery } from '../../../miniprogram/pages/confirm/summary';
import { cardProfile, smartProfile } from '../../support/card-profiles';

const TODAY = '2026-11-25';
/** 10:05 China time on TODAY, when the demo rate ₱1 ≈ ¥0.1235 was quoted. */
const QUOTED_AT = Date.UTC(2026, 10, 25, 2, 5);

/** What WeChat Pay charges for the quote, as confirm computes it before showing it. */
function yuanCharge(q: Quote): Charge {
  const charge = chargeFor(q.payable, { rate: { from: 'PHP', to: 'CNY', fen: 247, centavos: 2000 }, quotedAt: QUOTED_AT }, QUOTED_AT);
  if (!charge.ok) throw new Error(charge.message);
  return charge.value;
}

function product(id: string): Product {
  const found = productById(id);
  if (!found) throw new Error(`catalog changed: ${id}`);
  return found;
}

describe('readConfirmQuery: what a link asks to pay for', () => {
  test('a number and a catalog product', () => {
    expect(readConfirmQuery({ phone: '13800138000', productId: 'cmcc-recharge-100' })).toEqual({ ok: true, value: { phone: '13800138000', product: product('cmcc-recharge-100') } });
  });

  test('the number in any usual form comes back national', () => {
    const read = readConfirmQuery({ phone: '+86 138-0013-8000', productId: 'cmcc-recharge-100' });
    expect(read.ok && read.value.phone).toBe('13800138000');
  });

  test('a custom amount by its id, with the matching amount in minor units', () => {
    const read = readConfirmQuery({ phone: '13800138000', productId: 'cmcc-recharge-custom-37', amount: '3700' });
    expect(read.ok && read.value.product).toMatchObject({ id: 'cmcc-recharge-custom-37', credit: { amount: 3700, currency: 'CNY' } });
  });

  test('an empty amount is no amount', () => {
    expect(readConfirmQuery({ phone: '13800138000', productId: 'cmcc-recharge-100', amount: '' }).ok).toBe(true);
  });

  test.each([
    ['no number', { productId: 'cmcc-recharge-100' }, '链接中的手机号无效，请返回重新输入号码'],
    ['a short number', { phone: '1380013', productId: 'cmcc-recharge-100' }, '链接中的手机号无效，请返回重新输入号码'],
    ['a Globe number', { phone: '09171234567', productId: 'smart-recharge-20' }, '链接中的手机号无效，请返回重新输入号码'],
    ['no product', { phone: '13800138000' }, '没有找到要购买的套餐，请返回重新选择'],
    ['a product that does not exist', { phone: '13800138000', productId: 'cmcc-recharge-15' }, '没有找到要购买的套餐，请返回重新选择'],
    ['a custom amount out of range', { phone: '13800138000', productId: 'cmcc-recharge-custom-9999' }, '没有找到要购买的套餐，请返回重新选择'],
    ['an amount edited in the link', { phone: '13800138000', productId: 'cmcc-recharge-100', amount: '100' }, '充值金额与套餐不一致，请返回重新选择金额'],
    ['an amount that disagrees with the custom id', { phone: '13800138000', productId: 'cmcc-recharge-custom-37', amount: '3800' }, '充值金额与套餐不一致，请返回重新选择金额'],
  ])('%s: refused in words', (_name, query, message) => {
    expect(readConfirmQuery(query as Record<string, string>)).toEqual({ ok: false, message });
  });

  test.each([
    ['prototype keys', { phone: '__proto__', productId: 'constructor' }],
    ['an empty query', {}],
    ['script in the number', { phone: '<script>', productId: 'cmcc-recharge-100' }],
    ['a product id with a path', { phone: '13800138000', productId: '../cmcc-recharge-100' }],
  ])('hostile link (%s): refused, never a crash', (_name, query) => {
    expect(readConfirmQuery(query as Record<string, string>).ok).toBe(false);
  });
});

describe('productFitsCard', () => {
  test.each([
    ['a recharge for its carrier\u2019s phone card', 'cmcc-recharge-100', cardProfile(), true],
    ['a data pack for a data card', 'cmcc-data-5gb', cardProfile({ cardType: 'data' }), true],
    ['a keep plan for a keep card', 'cmcc-keep-8', cardProfile({ cardType: 'keep' }), true],
    ['a Smart load for a Smart card', 'smart-recharge-20', smartProfile(), true],
    ['another carrier\u2019s product (the number moved)', 'cucc-recharge-100', cardProfile(), false],
    ['a keep plan for a data card', 'cmcc-keep-8', cardProfile({ cardType: 'data' }), false],
    ['a data pack for a keep card', 'cmcc-data-5gb', cardProfile({ cardType: 'keep' }), false],
  ] as const)('%s → %p', (_name, id, card, fits) => {
    expect(productFitsCard(product(id), card)).toBe(fits);
  });

  test('a custom recharge fits every card its carrier recharges', () => {
    const custom = customRecharge('cmcc', '37');
    if (!custom.ok) throw new Error(custom.message);
    expect(productFitsCard(custom.value, cardProfile({ cardType: 'keep' }))).toBe(true);
    expect(productFitsCard(custom.value, cardProfile({ carrier: 'cucc' }))).toBe(false);
  });

  test('a card type from nowhere fits nothing', () => {
    expect(productFitsCard(product('cmcc-recharge-100'), cardProfile({ cardType: 'sim' as never }))).toBe(false);
  });
});

describe('confirmView: the lines to check before paying', () => {
  test('a discounted recharge: every figure in Chinese, the discount named', () => {
    const card = cardProfile();
    const q = quote(product('cmcc-recharge-100'), card, TODAY);
    expect(confirmView(card, q, yuanCharge(q), TODAY)).toEqual({
      carrier: '中国移动',
      place: '归属地未知 · 中国移动',
      typeLabel: '手机卡',
      payable: '¥95.00',
      lines: [
        { label: '套餐', value: '话费充值 100 元' },
        { label: '原价', value: '¥100.00' },
        { label: '优惠', value: '-¥5.00（大额充值 95 折（100 元及以上））' },
        { label: '当前到期日', value: '2026年12月20日' },
        { label: '续费后到期日', value: '2027年12月20日' },
        { label: '实付金额', value: '¥95.00' },
      ],
      debtNote: '',
      scam: {
        title: '谨防充值诈骗',
        lead: '价格远低于面值、承诺“几天内到账”的充值，和替陌生人充值，都是骗子常用的套路。',
        act: '如果已经上当：先打 移动 10086 冻结或核实号码，再打 12300 投诉；被骗了钱请拨 110 报警。',
      },
    });
  });

  test('归属地 beside the carrier; the scam warning names this carrier\'s hotline', () => {
    const card = cardProfile({ carrier: 'cucc', phone: '18600186002', location: { country: 'CN', province: '广东', city: '深圳' } });
    const q = quote(product('cucc-recharge-50'), card, TODAY);
    const view = confirmView(card, q, yuanCharge(q), TODAY);
    expect(view.place).toBe('广东 深圳 · 中国联通');
    expect(view.scam.act).toContain('联通 10010');
  });

  test('no promotion: no 优惠 line, and no 原价 repeating the price (walk 23)', () => {
    const card = cardProfile();
    const q = quote(product('cmcc-recharge-10'), card, TODAY);
    const labels = confirmView(card, q, yuanCharge(q), TODAY).lines.map((l) => l.label);
    expect(labels).toEqual(['套餐', '当前到期日', '续费后到期日', '实付金额']);
  });

  test('an expired card says how long ago beside its expiry (walk 22)', () => {
    const card = cardProfile({ expiry: '2026-11-22' });
    const q = quote(product('cmcc-recharge-10'), card, TODAY);
    expect(confirmView(card, q, yuanCharge(q), TODAY).lines.find((l) => l.label === '当前到期日')?.value).toBe('2026年11月22日（已过期 3 天）');
  });

  test('a data pack leaves the number\u2019s expiry as it is (walk 13)', () => {
    const card = cardProfile();
    const q = quote(product('cmcc-data-5gb'), card, TODAY);
    expect(confirmView(card, q, yuanCharge(q), TODAY).lines.map((l) => [l.label, l.value]).slice(-3)).toEqual([
      ['流量有效期', '30 天'],
      ['号码到期日', '不变（流量包不延长号码有效期）'],
      ['实付金额', '¥20.00'],
    ]);
  });

  test('a debt the purchase does not clear is said (walk 1)', () => {
    const card = cardProfile({ balance: fen(-1230), suspended: true });
    const q = quote(product('cmcc-recharge-10'), card, TODAY);
    expect(confirmView(card, q, yuanCharge(q), TODAY).debtNote).toBe('充值后余额仍为 -¥2.30，号码仍停机，至少充 ¥13 才能复机');
  });

  test('without a charge yet (no rate), the price in its own currency', () => {
    const card = smartProfile();
    const q = quote(product('smart-recharge-100'), card, TODAY);
    expect(confirmView(card, q, null, TODAY).payable).toBe('₱100.00');
  });

  test('bonus data gets its own line', () => {
    const card = cardProfile({ cardType: 'data' });
    const q = quote(product('cmcc-data-5gb'), card, TODAY);
    const view = confirmView(card, q, yuanCharge(q), TODAY);
    expect(view.typeLabel).toBe('流量卡');
    expect(view.lines.find((l) => l.label === '赠送流量')?.value).toBe('1GB');
  });

  test('a Smart load charged in yuan: the face value and the rate with its time (item 8)', () => {
    const card = smartProfile();
    const q = quote(product('smart-recharge-300'), card, TODAY);
    const view = confirmView(card, q, yuanCharge(q), TODAY);
    expect(view).toMatchObject({ carrier: 'Smart', payable: '¥37.05' });
    expect(view.lines.map((l) => [l.label, l.value])).toEqual([
      ['套餐', '充值 ₱300'],
      ['加送有效期', '7 天'],
      ['当前到期日', '2026年12月20日'],
      ['续费后到期日', '2027年3月12日'],
      ['面值', '₱300.00'],
      ['汇率', '₱1 ≈ ¥0.1235（10:05 报价）'],
      ['实付金额', '¥37.05'],
    ]);
  });

  test('a card type from old data shows no type rather than a crash', () => {
    const card = cardProfile({ cardType: 'sim' as never });
    const q = quote(product('cmcc-recharge-10'), card, TODAY);
    expect(confirmView(card, q, yuanCharge(q), TODAY).typeLabel).toBe('');
  });

  test('the duplicate warning', () => {
    expect(DUPLICATE_WARNING).toBe('该号码 10 分钟内已充值过相同套餐，请确认不是重复充值');
  });
});
