import { exchangeRate, formatRate, isExchangeRate, parseYuanPerPeso, toYuan } from '../../miniprogram/core/exchange';
import type { ExchangeRate } from '../../miniprogram/core/exchange';
import type { Money } from '../../miniprogram/core/types';

function rate(fen: number, centavos: number): ExchangeRate {
  const made = exchangeRate(fen, centavos);
  if (!made.ok) throw new Error(made.message);
  return made.value;
}

describe('exchangeRate', () => {
  test.each([
    [1235, 10000, 247, 2000],
    [12, 100, 3, 25],
    [1, 1, 1, 1],
    [1_000_000, 1, 1_000_000, 1],
    [2_000_000, 2, 1_000_000, 1],
  ])('%p fen per %p centavos reduces to %p / %p', (fen, centavos, f, c) => {
    expect(exchangeRate(fen, centavos)).toEqual({ ok: true, value: { from: 'PHP', to: 'CNY', fen: f, centavos: c } });
  });

  test.each([
    [0, 100],
    [12, 0],
    [-12, 100],
    [12.5, 100],
    [NaN, 100],
    [Infinity, 1],
    ['12', 100],
    [null, 100],
    [1_000_001, 1],
    [1, 1_000_001],
    [Number.MAX_SAFE_INTEGER, 3],
  ])('(%p, %p) is rejected with a Chinese reason', (fen, centavos) => {
    const made = exchangeRate(fen, centavos);
    expect(made).toMatchObject({ ok: false, error: 'bad_rate' });
    if (!made.ok) expect(made.message).toContain('汇率');
  });
});

describe('parseYuanPerPeso', () => {
  test.each([
    ['0.1235', 247, 2000],
    ['0.12', 3, 25],
    [' 0.12 ', 3, 25],
    ['０.１２', 3, 25],
    ['0。12', 3, 25],
    ['¥0.12', 3, 25],
    ['0.12元', 3, 25],
    ['1', 1, 1],
    ['0.123456', 1929, 15625],
  ])('%p → %p fen per %p centavos', (text, fen, centavos) => {
    expect(parseYuanPerPeso(text)).toMatchObject({ ok: true, value: { fen, centavos } });
  });

  test.each([[''], ['0'], ['0.000'], ['-0.12'], ['abc'], ['0.1234567'], ['1e-1'], ['.12'], [0.12], [null], ['9'.repeat(100)], ['123456.123456']])(
    '%p is rejected',
    (text) => {
      expect(parseYuanPerPeso(text)).toMatchObject({ ok: false, error: 'bad_rate' });
    },
  );
});

describe('toYuan', () => {
  const r = rate(1235, 10000); // ₱100 = ¥12.35
  test.each<[Money, number]>([
    [{ amount: 1000, currency: 'PHP' }, 123], // 123.5 fen rounds down
    [{ amount: 10000, currency: 'PHP' }, 1235],
    [{ amount: 1, currency: 'PHP' }, 1], // 0.1235 fen: at least 1 fen
    [{ amount: 0, currency: 'PHP' }, 0],
    [{ amount: -1000, currency: 'PHP' }, -123],
    [{ amount: 999_999_999_999, currency: 'PHP' }, 123_499_999_999],
    [{ amount: 5000, currency: 'CNY' }, 5000],
  ])('%j → %p fen', (amount, fen) => {
    expect(toYuan(amount, r)).toEqual({ ok: true, value: { amount: fen, currency: 'CNY' } });
  });

  test('rounding is down, never up: 7 centavos at ₱1 = ¥0.13 is 0.91 fen → 1 fen; 15 centavos → 1.95 → 1 fen', () => {
    const thirteen = rate(13, 100);
    expect(toYuan({ amount: 7, currency: 'PHP' }, thirteen)).toMatchObject({ ok: true, value: { amount: 1 } });
    expect(toYuan({ amount: 15, currency: 'PHP' }, thirteen)).toMatchObject({ ok: true, value: { amount: 1 } });
    expect(toYuan({ amount: 100, currency: 'PHP' }, thirteen)).toMatchObject({ ok: true, value: { amount: 13 } });
  });

  test('CNY needs no rate', () => {
    expect(toYuan({ amount: 800, currency: 'CNY' }, null)).toEqual({ ok: true, value: { amount: 800, currency: 'CNY' } });
  });

  test.each([[null], [undefined], [{ from: 'PHP', to: 'CNY', fen: 0, centavos: 1 }], [{ from: 'PHP', to: 'CNY', fen: 10, centavos: 100 }], [{ fen: 1, centavos: 1 }]])(
    'pesos without a usable rate (%p) → no_rate',
    (bad) => {
      expect(toYuan({ amount: 1000, currency: 'PHP' }, bad as ExchangeRate)).toMatchObject({ ok: false, error: 'no_rate' });
    },
  );

  test.each([[null], [{}], [{ amount: 1.5, currency: 'PHP' }], [{ amount: 100, currency: 'USD' }], [{ amount: NaN, currency: 'CNY' }]])('%p → bad_amount', (bad) => {
    expect(toYuan(bad as Money, r)).toMatchObject({ ok: false, error: 'bad_amount' });
  });
});

describe('isExchangeRate and formatRate', () => {
  test('a made rate is one; an unreduced or forged one is not', () => {
    expect(isExchangeRate(rate(12, 100))).toBe(true);
    expect(isExchangeRate({ from: 'PHP', to: 'CNY', fen: 12, centavos: 100 })).toBe(false);
    expect(isExchangeRate({ from: 'CNY', to: 'PHP', fen: 3, centavos: 25 })).toBe(false);
    expect(isExchangeRate(null)).toBe(false);
  });

  test.each([
    [1235, 10000, '₱1 ≈ ¥0.1235'],
    [1, 3, '₱1 ≈ ¥0.3333'],
    [3, 1, '₱1 ≈ ¥3.0000'],
  ])('%p/%p → %s', (fen, centavos, text) => {
    expect(formatRate(rate(fen, centavos))).toBe(text);
  });

  test('a broken rate shows a dash', () => {
    expect(formatRate({ fen: 1 } as ExchangeRate)).toBe('—');
  });
});
