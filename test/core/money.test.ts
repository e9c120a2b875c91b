import {
  CURRENCY_SYMBOL,
  MAX_INPUT_MINOR,
  MONEY_INPUT_ERROR_MESSAGES,
  add,
  centavo,
  compareMoney,
  fen,
  formatAmount,
  formatMoney,
  formatMoneyCompact,
  isMoney,
  isZero,
  maxMoney,
  minMoney,
  money,
  parseMoneyInput,
  percentOf,
  peso,
  subtract,
  sumByCurrency,
  yuan,
  zero,
  type MoneyInputError,
} from '../../miniprogram/core/money';
import type { Currency, Money } from '../../miniprogram/core/types';

describe('constructors', () => {
  test.each<[string, () => Money, number, Currency]>([
    ['yuan(10)', () => yuan(10), 1000, 'CNY'],
    ['yuan(9.9)', () => yuan(9.9), 990, 'CNY'],
    ['yuan(0.29) (0.29 * 100 is not 29 in floats)', () => yuan(0.29), 29, 'CNY'],
    ['yuan(-5)', () => yuan(-5), -500, 'CNY'],
    ['fen(1)', () => fen(1), 1, 'CNY'],
    ['peso(50)', () => peso(50), 5000, 'PHP'],
    ['peso(0.05)', () => peso(0.05), 5, 'PHP'],
    ['centavo(125)', () => centavo(125), 125, 'PHP'],
    ['zero(PHP)', () => zero('PHP'), 0, 'PHP'],
    ['money(-0) is plain 0', () => money(-0, 'CNY'), 0, 'CNY'],
  ])('%s → %d %s', (_label, make, amount, currency) => {
    const m = make();
    expect(m).toEqual({ amount, currency });
    expect(Object.is(m.amount, -0)).toBe(false);
  });

  test.each<[string, () => Money]>([
    ['a fractional minor amount', () => money(1.5, 'CNY')],
    ['NaN', () => money(Number.NaN, 'CNY')],
    ['Infinity', () => fen(Number.POSITIVE_INFINITY)],
    ['beyond the safe-integer range', () => fen(2 ** 53)],
    ['an unknown currency', () => money(1, 'USD' as Currency)],
    ['three decimals of yuan', () => yuan(1.005)],
    ['a yuan figure in exponent notation', () => yuan(1e21)],
  ])('%s is a programmer error and throws', (_label, make) => {
    expect(make).toThrow(TypeError);
  });
});

describe('arithmetic', () => {
  test('add and subtract stay in integer minor units', () => {
    expect(add(yuan(0.1), yuan(0.2))).toEqual({ amount: 30, currency: 'CNY' });
    expect(subtract(yuan(10), yuan(10.5))).toEqual({ amount: -50, currency: 'CNY' });
  });

  test.each<[string, () => unknown]>([
    ['add across currencies', () => add(yuan(1), peso(1))],
    ['subtract across currencies', () => subtract(peso(1), yuan(1))],
    ['compare across currencies', () => compareMoney(yuan(1), peso(1))],
    ['add past the safe-integer range', () => add(fen(Number.MAX_SAFE_INTEGER), fen(1))],
  ])('%s throws', (_label, run) => {
    expect(run).toThrow(TypeError);
  });

  test.each([
    [fen(100), fen(200), -1],
    [fen(200), fen(100), 1],
    [fen(-1), fen(-1), 0],
  ] as const)('compareMoney(%j, %j) → %d', (a, b, expected) => {
    expect(compareMoney(a, b)).toBe(expected);
  });

  test('minMoney / maxMoney / isZero', () => {
    expect(minMoney(yuan(5), yuan(3))).toEqual(yuan(3));
    expect(maxMoney(peso(5), peso(3))).toEqual(peso(5));
    expect(isZero(zero('CNY'))).toBe(true);
    expect(isZero(fen(1))).toBe(false);
  });
});

describe('percentOf (basis points, integer-only)', () => {
  test.each<[number, number, 'down' | 'up' | 'half_up', number]>([
    [1000, 500, 'down', 50],
    [999, 500, 'down', 49],
    [999, 500, 'up', 50],
    [999, 500, 'half_up', 50],
    [990, 500, 'half_up', 50],
    [989, 500, 'half_up', 49],
    [989, 500, 'up', 50],
    [1, 1, 'down', 0],
    [1, 1, 'up', 1],
    [1, 5000, 'half_up', 1],
    [1, 4999, 'half_up', 0],
    [0, 9999, 'up', 0],
    [-999, 500, 'down', -49],
    [-999, 500, 'up', -50],
    [12345, 10000, 'down', 12345],
    [12345, 0, 'up', 0],
    [Number.MAX_SAFE_INTEGER, 5000, 'down', 4503599627370495],
    [Number.MAX_SAFE_INTEGER, 5000, 'up', 4503599627370496],
  ])('%d × %d bp rounded %s → %d', (amount, bp, rounding, expected) => {
    expect(percentOf(fen(amount), bp, rounding)).toEqual({ amount: expected, currency: 'CNY' });
  });

  test.each([1.5, -1, Number.NaN])('basis points %p is a programmer error', (bp) => {
    expect(() => percentOf(fen(100), bp, 'down')).toThrow(TypeError);
  });
});

describe('formatting', () => {
  test.each<[Money, string, string, string]>([
    [yuan(10), '¥10.00', '¥10', '10.00'],
    [peso(50), '₱50.00', '₱50', '50.00'],
    [fen(-500), '-¥5.00', '-¥5', '-5.00'],
    [fen(-1), '-¥0.01', '-¥0.01', '-0.01'],
    [fen(5), '¥0.05', '¥0.05', '0.05'],
    [fen(1050), '¥10.50', '¥10.50', '10.50'],
    [zero('CNY'), '¥0.00', '¥0', '0.00'],
    [centavo(123456), '₱1234.56', '₱1234.56', '1234.56'],
    [fen(Number.MAX_SAFE_INTEGER), '¥90071992547409.91', '¥90071992547409.91', '90071992547409.91'],
  ])('%j → %s / %s / %s', (m, full, compact, amount) => {
    expect(formatMoney(m)).toBe(full);
    expect(formatMoneyCompact(m)).toBe(compact);
    expect(formatAmount(m)).toBe(amount);
  });

  test.each([null, {}, { amount: 1.5, currency: 'CNY' }, { amount: 1, currency: 'USD' }, '¥10'])(
    'a malformed value %p shows a dash instead of breaking the page',
    (value) => {
      expect(formatMoney(value as unknown as Money)).toBe('—');
      expect(isMoney(value)).toBe(false);
    },
  );

  test('symbols', () => {
    expect(CURRENCY_SYMBOL).toEqual({ CNY: '¥', PHP: '₱' });
  });
});

describe('parseMoneyInput: accepted', () => {
  test.each<[unknown, Currency, number]>([
    ['50', 'CNY', 5000],
    ['50.5', 'CNY', 5050],
    ['50.50', 'CNY', 5050],
    ['0.01', 'CNY', 1],
    ['.5', 'CNY', 50],
    ['50.', 'CNY', 5000],
    ['007', 'CNY', 700],
    ['0', 'CNY', 0],
    [' 50 ', 'CNY', 5000],
    ['¥50', 'CNY', 5000],
    ['￥ 50.5', 'CNY', 5050],
    ['RMB50', 'CNY', 5000],
    ['50元', 'CNY', 5000],
    ['５０．５', 'CNY', 5050],
    ['５０。５', 'CNY', 5050],
    ['1,000', 'CNY', 100000],
    ['12,345.67', 'CNY', 1234567],
    ['10000000', 'CNY', MAX_INPUT_MINOR],
    ['10000000.00', 'CNY', MAX_INPUT_MINOR],
    [50, 'CNY', 5000],
    [0.29, 'CNY', 29],
    ['₱20', 'PHP', 2000],
    ['P20', 'PHP', 2000],
    ['PHP 1,000', 'PHP', 100000],
    ['20 pesos', 'PHP', 2000],
    ['₱ ２０', 'PHP', 2000],
  ])('%p in %s → %d minor units', (raw, currency, amount) => {
    expect(parseMoneyInput(raw, currency)).toEqual({ ok: true, value: { amount, currency } });
  });
});

describe('parseMoneyInput: refused, with a reason', () => {
  test.each<[unknown, Currency, MoneyInputError, string]>([
    ['', 'CNY', 'empty', '请输入金额'],
    ['   ', 'CNY', 'empty', '请输入金额'],
    ['¥', 'CNY', 'empty', '请输入金额'],
    [null, 'CNY', 'empty', '请输入金额'],
    [undefined, 'PHP', 'empty', '请输入金额'],
    ['abc', 'CNY', 'bad_format', '只输入数字'],
    ['.', 'CNY', 'bad_format', '只输入数字'],
    ['50.5.5', 'CNY', 'bad_format', '只输入数字'],
    ['1,00', 'CNY', 'bad_format', '只输入数字'],
    ['5 0 0 x', 'CNY', 'bad_format', '只输入数字'],
    ['-5', 'CNY', 'bad_format', '不能为负数'],
    ['－５', 'CNY', 'bad_format', '不能为负数'],
    ['₱50', 'CNY', 'bad_format', '人民币'],
    ['¥50', 'PHP', 'bad_format', '比索'],
    ['50元', 'PHP', 'bad_format', '比索'],
    ['50.555', 'CNY', 'too_many_decimals', '最多两位小数'],
    ['0.001', 'PHP', 'too_many_decimals', '最多两位小数'],
    [0.1 + 0.2, 'CNY', 'too_many_decimals', '最多两位小数'],
    ['10000000.01', 'CNY', 'too_large', '¥10,000,000.00'],
    ['99999999999999999999', 'PHP', 'too_large', '₱10,000,000.00'],
    [1e21, 'CNY', 'too_large', '最多'],
    [Number.NaN, 'CNY', 'bad_format', '只输入数字'],
    [Number.POSITIVE_INFINITY, 'CNY', 'bad_format', '只输入数字'],
    [{}, 'CNY', 'bad_format', '只输入数字'],
    [['50'], 'CNY', 'bad_format', '只输入数字'],
    [true, 'CNY', 'bad_format', '只输入数字'],
    ['💰50', 'CNY', 'bad_format', '只输入数字'],
    ["50; DROP TABLE orders;--", 'CNY', 'bad_format', '只输入数字'],
    ['1'.repeat(10 * 1024), 'CNY', 'too_large', '最多'],
    ['x'.repeat(10 * 1024), 'CNY', 'bad_format', '只输入数字'],
    [`0.${'1'.repeat(10 * 1024)}`, 'CNY', 'too_many_decimals', '最多两位小数'],
  ])('%p in %s → %s (%s)', (raw, currency, error, messagePart) => {
    const result = parseMoneyInput(raw, currency);
    expect(result).toMatchObject({ ok: false, error });
    expect(!result.ok && result.message).toContain(messagePart);
  });

  test('every reason has a Chinese message', () => {
    for (const message of Object.values(MONEY_INPUT_ERROR_MESSAGES)) expect(message).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe('sumByCurrency', () => {
  test.each<[string, Money[], Money[]]>([
    ['mixed, PHP first in the list', [peso(20), yuan(10), peso(0.5), yuan(0.01)], [fen(1001), centavo(2050)]],
    ['one currency', [peso(1), peso(2)], [peso(3)]],
    ['nothing', [], []],
    ['a refund cancels a charge', [yuan(10), yuan(-10)], [zero('CNY')]],
  ])('%s', (_label, list, expected) => {
    expect(sumByCurrency(list)).toEqual(expected);
  });

  test('a non-array gives no totals', () => {
    expect(sumByCurrency(null as unknown as Money[])).toEqual([]);
  });
});
