import { CHARGE_MESSAGES, RATE_VALID_MS, chargeFor, isRateQuote, isRateUsable, priceWords, rateLine, totalledAmount, yuanCharged, type RateQuote } from '../../miniprogram/core/charge';
import { centavo, fen, peso, yuan } from '../../miniprogram/core/money';
import type { Money } from '../../miniprogram/core/types';

/** 10:05 China time on 2026-11-25. */
const AT = Date.UTC(2026, 10, 25, 2, 5);
const RATE = { from: 'PHP' as const, to: 'CNY' as const, fen: 247, centavos: 2000 };
const QUOTE: RateQuote = { rate: RATE, quotedAt: AT };

describe('chargeFor: what WeChat Pay charges', () => {
  test.each([
    ['a yuan price is charged as it is, with no rate', yuan(50), QUOTE, AT, { charged: yuan(50), fx: null }],
    ['a yuan price needs no rate at all', yuan(50), null, AT, { charged: yuan(50), fx: null }],
    ['₱150 at ₱1 ≈ ¥0.1235 is ¥18.52 (rounded down from 18.525)', peso(150), QUOTE, AT, { charged: fen(1852), fx: QUOTE }],
    ['₱100 is exactly ¥12.35', peso(100), QUOTE, AT + 60_000, { charged: fen(1235), fx: QUOTE }],
    ['a centavo is at least a fen', centavo(1), QUOTE, AT, { charged: fen(1), fx: QUOTE }],
    ['a quote just inside its validity still charges', peso(20), QUOTE, AT + RATE_VALID_MS, { charged: fen(247), fx: QUOTE }],
  ])('%s', (_name, payable, quote, now, expected) => {
    expect(chargeFor(payable, quote, now)).toEqual({ ok: true, value: expected });
  });

  test.each([
    ['no quote', peso(150), null, AT, 'no_rate'],
    ['a broken quote from storage', peso(150), { rate: { fen: 0 }, quotedAt: AT } as unknown as RateQuote, AT, 'no_rate'],
    ['a quote older than its validity', peso(150), QUOTE, AT + RATE_VALID_MS + 1, 'stale_rate'],
    ['a quote from the future (clock moved back)', peso(150), QUOTE, AT - 10 * 60_000, 'stale_rate'],
    ['a zero price', peso(0), QUOTE, AT, 'bad_amount'],
    ['a negative price', yuan(-5), QUOTE, AT, 'bad_amount'],
    ['a float amount', { amount: 1.5, currency: 'PHP' } as Money, QUOTE, AT, 'bad_amount'],
    ['an unknown currency', { amount: 100, currency: 'USD' } as unknown as Money, QUOTE, AT, 'bad_amount'],
    ['not money at all', null as unknown as Money, QUOTE, AT, 'bad_amount'],
    ['a clock that is not a time', peso(150), QUOTE, NaN, 'stale_rate'],
  ])('%s → %s, with words that say what to do', (_name, payable, quote, now, error) => {
    const result = chargeFor(payable, quote, now);
    expect(result).toMatchObject({ ok: false, error });
    if (!result.ok) expect(result.message).toBe(CHARGE_MESSAGES[error as keyof typeof CHARGE_MESSAGES]);
  });
});

describe('quotes', () => {
  test.each([
    ['a quote', QUOTE, true],
    ['an unreduced rate', { rate: { ...RATE, fen: 1235, centavos: 10000 }, quotedAt: AT }, false],
    ['no time', { rate: RATE }, false],
    ['a float time', { rate: RATE, quotedAt: 1.5 }, false],
    ['null', null, false],
    ['a string', '0.1235', false],
  ])('isRateQuote(%s) is %p', (_name, value, expected) => {
    expect(isRateQuote(value)).toBe(expected);
  });

  test('a quote is usable from its time until RATE_VALID_MS later', () => {
    expect(isRateUsable(QUOTE, AT)).toBe(true);
    expect(isRateUsable(QUOTE, AT + RATE_VALID_MS)).toBe(true);
    expect(isRateUsable(QUOTE, AT + RATE_VALID_MS + 1)).toBe(false);
    expect(isRateUsable(null, AT)).toBe(false);
  });

  test('rateLine: the rate with the China time it was quoted', () => {
    expect(rateLine(QUOTE)).toBe('₱1 ≈ ¥0.1235（10:05 报价）');
    expect(rateLine(null)).toBe('');
  });
});

describe('the yuan an order charges', () => {
  test.each([
    ['a yuan order without a charge field', { payable: yuan(50) }, yuan(50)],
    ['a peso order with its yuan charge', { payable: peso(150), charged: fen(1852) }, fen(1852)],
    ['a peso order written before orders kept a charge', { payable: peso(150) }, null],
    ['a charge in the wrong currency (corrupt)', { payable: peso(150), charged: peso(150) }, null],
    ['a charge that is not money', { payable: peso(150), charged: 'x' as unknown as Money }, null],
    ['nothing', null, null],
  ])('%s', (_name, order, expected) => {
    expect(yuanCharged(order as never)).toEqual(expected);
  });

  test('totals count the yuan charged, and an old peso order as its pesos', () => {
    expect(totalledAmount({ payable: peso(150), charged: fen(1852) })).toEqual(fen(1852));
    expect(totalledAmount({ payable: peso(150) })).toEqual(peso(150));
    expect(totalledAmount({ payable: yuan(50) })).toEqual(yuan(50));
  });
});

describe('priceWords: the yuan first, the face value beside it', () => {
  test('a yuan price is one figure', () => {
    expect(priceWords(yuan(50), { charged: yuan(50), fx: null })).toEqual({ main: '¥50.00', detail: '' });
  });

  test('a peso price shows its yuan charge, face value and rate', () => {
    const charge = chargeFor(peso(150), QUOTE, AT);
    if (!charge.ok) throw new Error(charge.message);
    expect(priceWords(peso(150), charge.value)).toEqual({ main: '¥18.52', detail: '面值 ₱150.00 · ₱1 ≈ ¥0.1235（10:05 报价）' });
  });

  test('a peso price without a rate yet says the yuan is still to come', () => {
    expect(priceWords(peso(150), null)).toEqual({ main: '₱150.00', detail: '人民币金额待汇率确认' });
  });

  test('corrupt money shows a dash', () => {
    expect(priceWords(null as unknown as Money, null)).toEqual({ main: '—', detail: '' });
  });
});
