import { addMonthsClamped, addMonthsToKey, dayOfMonthClamped, daysInMonth, isMonthKey, monthOf } from '../../../../miniprogram/pages/autotopup/core/months';

describe('daysInMonth', () => {
  test.each([
    ['2026-01', 31],
    ['2026-02', 28],
    ['2027-02', 28],
    ['2028-02', 29],
    ['2000-02', 29],
    ['2100-02', 28],
    ['1900-02', 28],
    ['2026-04', 30],
    ['2026-06', 30],
    ['2026-09', 30],
    ['2026-11', 30],
    ['2026-12', 31],
  ])('%s has %p days', (key, days) => {
    expect(daysInMonth(key)).toBe(days);
  });

  test.each([['2026-13'], ['2026-00'], ['2026-1'], ['26-01'], [''], [null], [202601], ['2026-01-01'], ['1899-12']])('%p is a programmer error', (key) => {
    expect(() => daysInMonth(key as string)).toThrow(RangeError);
  });
});

describe('isMonthKey', () => {
  test.each([
    ['2026-11', true],
    ['9999-12', true],
    ['1900-01', true],
    ['2026-13', false],
    ['2026-00', false],
    [' 2026-11', false],
    ['2026-11\n', false],
    [undefined, false],
    [{}, false],
  ])('%p → %p', (value, expected) => {
    expect(isMonthKey(value)).toBe(expected);
  });
});

describe('monthOf', () => {
  test.each([
    ['2026-11-25', '2026-11'],
    ['2028-02-29', '2028-02'],
    ['2026-12-31', '2026-12'],
  ])('%s is in %s', (day, key) => {
    expect(monthOf(day)).toBe(key);
  });

  test.each([['2026-02-30'], ['2026-11'], [''], [null]])('%p throws', (day) => {
    expect(() => monthOf(day as string)).toThrow(RangeError);
  });
});

describe('addMonthsToKey', () => {
  test.each([
    ['2026-11', 1, '2026-12'],
    ['2026-12', 1, '2027-01'],
    ['2026-01', -1, '2025-12'],
    ['2026-11', 12, '2027-11'],
    ['2026-11', -23, '2024-12'],
    ['2026-11', 0, '2026-11'],
    ['2026-03', 120, '2036-03'],
  ])('%s + %p → %s', (key, n, expected) => {
    expect(addMonthsToKey(key, n)).toBe(expected);
  });

  test.each([
    ['2026-11', 1.5],
    ['2026-11', NaN],
    ['9999-12', 1],
    ['1900-01', -1],
    ['2026-13', 1],
  ])('%s + %p throws', (key, n) => {
    expect(() => addMonthsToKey(key, n)).toThrow(RangeError);
  });
});

describe('dayOfMonthClamped', () => {
  test.each([
    ['2026-04', 31, '2026-04-30'],
    ['2026-04', 30, '2026-04-30'],
    ['2026-04', 29, '2026-04-29'],
    ['2027-02', 29, '2027-02-28'],
    ['2027-02', 30, '2027-02-28'],
    ['2027-02', 31, '2027-02-28'],
    ['2028-02', 29, '2028-02-29'],
    ['2028-02', 30, '2028-02-29'],
    ['2028-02', 31, '2028-02-29'],
    ['2026-01', 31, '2026-01-31'],
    ['2026-11', 1, '2026-11-01'],
  ])('day %p of %s → %s', (key, day, expected) => {
    expect(dayOfMonthClamped(key, day)).toBe(expected);
  });

  test.each([[0], [32], [1.5], [NaN], [-1]])('day %p throws', (day) => {
    expect(() => dayOfMonthClamped('2026-11', day)).toThrow(RangeError);
  });
});

describe('addMonthsClamped', () => {
  test.each([
    ['2026-01-31', 1, '2026-02-28'],
    ['2028-01-31', 1, '2028-02-29'],
    ['2028-02-29', 12, '2029-02-28'],
    ['2028-02-29', 48, '2032-02-29'],
    ['2026-11-25', 12, '2027-11-25'],
    ['2026-03-31', 1, '2026-04-30'],
    ['2026-03-31', -1, '2026-02-28'],
    ['2026-12-31', 2, '2027-02-28'],
  ])('%s + %p months → %s', (day, n, expected) => {
    expect(addMonthsClamped(day, n)).toBe(expected);
  });

  test.each([['2026-02-30', 1], ['', 1], ['2026-11-25', 0.5]])('%p + %p throws', (day, n) => {
    expect(() => addMonthsClamped(day, n)).toThrow(RangeError);
  });
});
