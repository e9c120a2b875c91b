import * as vm from 'vm';
import {
  addDays,
  chinaCompactTimestamp,
  chinaDateToEpochSec,
  chinaMonthOf,
  chinaToday,
  daysBetween,
  expiryState,
  formatChinaDate,
  formatDateTime,
  isChinaDate,
  newExpiryAfter,
  parseChinaDate,
} from '../../miniprogram/core/dates';

const utc = (y: number, mo: number, d: number, h = 0, mi = 0, s = 0, ms = 0): number => Date.UTC(y, mo - 1, d, h, mi, s, ms);

describe('chinaToday', () => {
  test.each([
    ['10:30 China time', utc(2026, 11, 25, 2, 30), '2026-11-25'],
    ['23:59:59.999 China time', utc(2026, 11, 24, 15, 59, 59, 999), '2026-11-24'],
    ['00:00 China time (16:00 UTC the day before)', utc(2026, 11, 24, 16), '2026-11-25'],
    ['New Year in China, still 31 Dec in UTC', utc(2026, 12, 31, 16), '2027-01-01'],
    ['a leap day begins in China', utc(2028, 2, 28, 16), '2028-02-29'],
    ['the epoch', 0, '1970-01-01'],
    ['just before the epoch', -1, '1970-01-01'],
  ])('%s → %s', (_name, ms, day) => {
    expect(chinaToday(ms)).toBe(day);
  });

  test.each([[NaN], [Infinity], [-Infinity], [8.64e15 + 1], [1e20], ['1764000000000'], [null]])('%p is a programmer error, not a date', (ms) => {
    expect(() => chinaToday(ms as number)).toThrow(RangeError);
  });
});

describe('chinaMonthOf', () => {
  const cases: [string, number, string][] = [
    ['the first instant of a China month (16:00 UTC the day before)', utc(2026, 10, 31, 16), '2026-11'],
    ['its last instant', utc(2026, 11, 30, 15, 59, 59, 999), '2026-11'],
    ['the next instant', utc(2026, 11, 30, 16), '2026-12'],
    ['New Year in China, still December in UTC', utc(2026, 12, 31, 16), '2027-01'],
    ['the epoch', 0, '1970-01'],
  ];

  test.each(cases)('%s', (_name, ms, month) => {
    expect(chinaMonthOf(ms)).toBe(month);
  });

  test('the same answers in any order: a month remembered from the last call never answers for its neighbours', () => {
    const orders = [...cases, ...cases.slice().reverse(), ...cases.flatMap((c) => [c, cases[0]])];
    for (const [name, ms, month] of orders) expect([name, chinaMonthOf(ms)]).toEqual([name, month]);
  });

  test.each([[NaN], [Infinity], [1e20], [String(utc(2026, 11, 25))], [null]])('%p is no month, even right after its own month was asked', (ms) => {
    chinaMonthOf(utc(2026, 11, 25));
    expect(chinaMonthOf(ms as number)).toBe('');
  });
});

describe('isChinaDate', () => {
  test.each([
    ['2026-11-25', true],
    ['2028-02-29', true],
    ['2000-02-29', true],
    ['9999-12-31', true],
    ['1900-01-01', true],
    ['2026-02-30', false],
    ['2027-02-29', false],
    ['2100-02-29', false],
    ['2026-11-31', false],
    ['2026-13-01', false],
    ['2026-00-10', false],
    ['2026-11-00', false],
    ['2026-1-5', false],
    ['2026/11/25', false],
    ['2026-11-25T00:00', false],
    [' 2026-11-25', false],
    ['1899-12-31', false],
    ['0000-01-01', false],
    ['+02026-11-25', false],
    ['', false],
    [null, false],
    [undefined, false],
    [20261125, false],
    [{}, false],
    [['2026-11-25'], false],
  ])('%p → %p', (value, expected) => {
    expect(isChinaDate(value)).toBe(expected);
  });
});

describe('parseChinaDate', () => {
  test.each([
    ['2026-11-25', '2026-11-25'],
    ['2026/11/25', '2026-11-25'],
    ['2026.1.5', '2026-01-05'],
    ['2026-1-05', '2026-01-05'],
    ['20261125', '2026-11-25'],
    ['2026年11月25日', '2026-11-25'],
    ['2026年2月3日', '2026-02-03'],
    ['  2026-11-25 ', '2026-11-25'],
    ['２０２６-１１-２５', '2026-11-25'],
    ['2028-02-29', '2028-02-29'],
  ])('accepts %p as %s', (raw, day) => {
    expect(parseChinaDate(raw)).toEqual({ ok: true, value: day });
  });

  test.each([
    ['2026-02-30', 'bad_date'],
    ['2027-02-29', 'bad_date'],
    ['2026-13-01', 'bad_date'],
    ['20261332', 'bad_date'],
    ['1899-01-01', 'bad_date'],
    ['', 'bad_format'],
    ['tomorrow', 'bad_format'],
    ['25/11/2026', 'bad_format'],
    ['2026-11', 'bad_format'],
    ['2026-11-25 10:30', 'bad_format'],
    ['2026-11-25\u0000', 'bad_format'],
    [null, 'bad_format'],
    [undefined, 'bad_format'],
    [20261125, 'bad_format'],
    ['9'.repeat(10_000), 'bad_format'],
  ])('rejects %p with %s and a Chinese hint', (raw, error) => {
    const result = parseChinaDate(raw);
    expect(result).toMatchObject({ ok: false, error });
    if (!result.ok) expect(result.message).toMatch(error === 'bad_date' ? '没有这一天' : '2026-11-25');
  });
});

describe('addDays and daysBetween', () => {
  test.each([
    ['2026-11-25', 1, '2026-11-26'],
    ['2026-11-25', 0, '2026-11-25'],
    ['2026-11-25', -25, '2026-10-31'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2026-01-31', 30, '2026-03-02'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2028-02-29', 365, '2029-02-28'],
    ['2026-03-07', 1, '2026-03-08'],
    ['2026-03-08', 1, '2026-03-09'],
    ['2026-11-01', 1, '2026-11-02'],
  ])('addDays(%s, %p) → %s', (day, n, expected) => {
    expect(addDays(day, n)).toBe(expected);
    expect(daysBetween(day, expected)).toBe(n);
  });

  test.each([
    ['2026-11-25', '2026-11-25', 0],
    ['2026-11-26', '2026-11-25', -1],
    ['2026-01-01', '2027-01-01', 365],
    ['2028-01-01', '2029-01-01', 366],
    ['2026-03-07', '2026-03-09', 2],
    ['2026-10-31', '2026-11-02', 2],
  ])('daysBetween(%s, %s) → %p', (from, to, expected) => {
    expect(daysBetween(from, to)).toBe(expected);
  });

  test.each([
    ['2026-02-30', 1],
    ['', 1],
    [null, 1],
    ['2026-11-25', 1.5],
    ['2026-11-25', NaN],
    ['2026-11-25', 1e12],
    ['9999-12-31', 1],
    ['1900-01-01', -1],
  ])('addDays(%p, %p) throws a RangeError (validate at the boundary)', (day, n) => {
    expect(() => addDays(day as string, n)).toThrow(RangeError);
  });

  test('daysBetween refuses a garbage day', () => {
    expect(() => daysBetween('2026-11-25', '2026-02-30')).toThrow(RangeError);
  });
});

describe('formatChinaDate and formatDateTime', () => {
  test.each([
    ['2026-11-25', '2026年11月25日'],
    ['2026-01-05', '2026年1月5日'],
    ['2028-02-29', '2028年2月29日'],
    ['2026-02-30', '—'],
    ['', '—'],
    [null, '—'],
  ])('formatChinaDate(%p) → %s', (day, text) => {
    expect(formatChinaDate(day as string)).toBe(text);
  });

  test.each([
    [utc(2026, 11, 25, 2, 30), '2026-11-25 10:30:00'],
    [utc(2026, 11, 24, 15, 59, 59, 999), '2026-11-24 23:59:59'],
    [utc(2026, 11, 24, 16), '2026-11-25 00:00:00'],
    [NaN, '—'],
    [1e20, '—'],
    ['2026-11-25', '—'],
    [undefined, '—'],
  ])('formatDateTime(%p) → %s', (ms, text) => {
    expect(formatDateTime(ms as number)).toBe(text);
  });

  test.each([
    [utc(2026, 11, 25, 2, 30, 0), '20261125103000'],
    [utc(2026, 12, 31, 16, 0, 1), '20270101000001'],
    [NaN, null],
  ])('chinaCompactTimestamp(%p) → %p', (ms, stamp) => {
    expect(chinaCompactTimestamp(ms)).toBe(stamp);
  });
});

describe('chinaDateToEpochSec', () => {
  test.each([
    ['2026-11-25', undefined, utc(2026, 11, 25, 1) / 1000],
    ['2026-11-25', 0, utc(2026, 11, 24, 16) / 1000],
    ['2026-11-25', 23, utc(2026, 11, 25, 15) / 1000],
    ['2028-02-29', 9, utc(2028, 2, 29, 1) / 1000],
  ])('%s at %p:00 China time', (day, hour, seconds) => {
    expect(chinaDateToEpochSec(day, hour)).toBe(seconds);
  });

  test.each([
    ['2026-11-25', 24],
    ['2026-11-25', -1],
    ['2026-11-25', 9.5],
    ['2026-02-30', 9],
  ])('chinaDateToEpochSec(%p, %p) throws', (day, hour) => {
    expect(() => chinaDateToEpochSec(day, hour)).toThrow(RangeError);
  });
});

describe('expiryState (today 2026-11-25)', () => {
  const today = '2026-11-25';
  test.each([
    ['2026-12-07', {}, 'active', 12, null, '剩余 12 天'],
    ['2026-12-03', {}, 'active', 8, null, '剩余 8 天'],
    ['2026-12-02', {}, 'expiring', 7, null, '剩余 7 天'],
    ['2026-11-26', {}, 'expiring', 1, null, '明天到期'],
    ['2026-11-25', {}, 'expiring', 0, null, '今天到期'],
    ['2026-11-22', {}, 'expired', -3, 87, '已过期 3 天'],
    ['2026-09-27', {}, 'expired', -59, 31, '已过期 59 天'],
    ['2026-09-26', {}, 'recycle_risk', -60, 30, '即将被回收'],
    ['2026-08-27', {}, 'recycle_risk', -90, 0, '即将被回收'],
    ['2026-08-26', {}, 'recycle_risk', -91, -1, '可能已被回收'],
    ['2026-09-26', { graceDays: 120 }, 'expired', -60, 60, '已过期 60 天'],
    ['2026-08-27', { graceDays: 120 }, 'recycle_risk', -90, 30, '即将被回收'],
    ['2026-11-29', { soonDays: 3 }, 'active', 4, null, '剩余 4 天'],
    ['2026-11-26', { soonDays: 0 }, 'active', 1, null, '明天到期'],
    ['2026-11-25', { soonDays: 0 }, 'expiring', 0, null, '今天到期'],
    ['2026-12-02', { soonDays: -1 }, 'expiring', 7, null, '剩余 7 天'],
    ['2026-12-02', { soonDays: NaN, graceDays: 'x' as unknown as number }, 'expiring', 7, null, '剩余 7 天'],
  ])('expiry %s %j → %s', (expiry, opts, status, daysLeft, daysUntilRecycle, label) => {
    expect(expiryState(expiry, today, opts)).toEqual({ status, daysLeft, daysUntilRecycle, label });
  });

  test.each([['2026-02-30'], [''], [null]])('a garbage expiry %p throws rather than showing a made-up status', (expiry) => {
    expect(() => expiryState(expiry as string, today)).toThrow(RangeError);
  });
});

describe('newExpiryAfter: the N new days follow on without gap or overlap', () => {
  test.each([
    ['still valid: the days start after the current expiry', '2026-11-30', '2026-11-25', 30, '2026-12-30'],
    ['expires today: today is still covered', '2026-11-25', '2026-11-25', 30, '2026-12-25'],
    ['expired yesterday: both readings agree', '2026-11-24', '2026-11-25', 30, '2026-12-24'],
    ['expired long ago: starts today, today is day 1', '2026-10-01', '2026-11-25', 30, '2026-12-24'],
    ['one day on a valid card', '2026-11-25', '2026-11-25', 1, '2026-11-26'],
    ['one day on an expired card is just today', '2026-10-01', '2026-11-25', 1, '2026-11-25'],
    ['lands on a leap day', '2028-02-28', '2028-02-20', 1, '2028-02-29'],
    ['30 days into a leap February', '2028-01-30', '2028-01-15', 30, '2028-02-29'],
    ['a year from a leap day', '2028-02-29', '2028-02-29', 365, '2029-02-28'],
    ['expired card renewed on a leap day', '2028-01-01', '2028-02-29', 1, '2028-02-29'],
    ['over the year end', '2026-12-31', '2026-12-20', 1, '2027-01-01'],
    ['expired card renewed on New Year\u2019s Eve', '2026-12-15', '2026-12-31', 30, '2027-01-29'],
    ['validityDays 0 leaves a valid card as it is', '2026-11-30', '2026-11-25', 0, '2026-11-30'],
    ['validityDays 0 does not revive an expired card', '2026-10-01', '2026-11-25', 0, '2026-10-01'],
    ['negative validity (a data error) changes nothing', '2026-11-30', '2026-11-25', -5, '2026-11-30'],
  ])('%s: %s + %p days (today %s)', (_name, current, today, days, expected) => {
    expect(newExpiryAfter(current, today, days)).toBe(expected);
  });

  test.each([
    ['2026-11-30', '2026-11-25', 1.5],
    ['2026-11-30', '2026-11-25', NaN],
    ['2026-02-30', '2026-11-25', 30],
    ['2026-11-30', '', 30],
    ['9999-12-31', '2026-11-25', 1],
  ])('newExpiryAfter(%p, %p, %p) throws a RangeError', (current, today, days) => {
    expect(() => newExpiryAfter(current, today, days)).toThrow(RangeError);
  });
});

/**
 * The same answers whatever the device's zone. Jest gives each test file a copy of
 * process.env, so writing TZ there does not reach Node; the real process object lives
 * in the outer context, which vm.runInThisContext evaluates in. Node re-reads TZ on
 * every assignment. Each block checks the zone really changed before trusting a result.
 */
describe.each([
  ['America/New_York', 300],
  ['Pacific/Kiritimati', -840],
  ['Asia/Shanghai', -480],
  ['UTC', 0],
])('in time zone %s', (zone, januaryOffsetMinutes) => {
  const realProcess = vm.runInThisContext('process') as NodeJS.Process;
  const originalZone = realProcess.env.TZ;

  beforeAll(() => {
    realProcess.env.TZ = zone;
    process.env.TZ = zone;
  });
  afterAll(() => {
    for (const env of [realProcess.env, process.env]) {
      if (originalZone === undefined) delete env.TZ;
      else env.TZ = originalZone;
    }
  });

  test('the zone is really in force', () => {
    expect(new Date(utc(2026, 1, 15)).getTimezoneOffset()).toBe(januaryOffsetMinutes);
  });

  test('China midnight and New York DST changes give the China answers', () => {
    expect(chinaToday(utc(2026, 11, 24, 15, 59, 59, 999))).toBe('2026-11-24');
    expect(chinaToday(utc(2026, 11, 24, 16))).toBe('2026-11-25');
    // New York springs forward at 07:00 UTC on 2026-03-08 and falls back at 06:00 UTC on 2026-11-01.
    expect(chinaToday(utc(2026, 3, 8, 6, 59))).toBe('2026-03-08');
    expect(chinaToday(utc(2026, 3, 8, 16))).toBe('2026-03-09');
    expect(chinaToday(utc(2026, 11, 1, 6))).toBe('2026-11-01');
    expect(formatDateTime(utc(2026, 3, 8, 7))).toBe('2026-03-08 15:00:00');
    expect(formatDateTime(utc(2026, 11, 1, 5, 30))).toBe('2026-11-01 13:30:00');
    expect(chinaCompactTimestamp(utc(2026, 11, 24, 16))).toBe('20261125000000');
  });

  test('day arithmetic across DST changes and skipped days', () => {
    expect(addDays('2026-03-07', 1)).toBe('2026-03-08');
    expect(addDays('2026-03-08', 1)).toBe('2026-03-09');
    expect(addDays('2026-10-31', 2)).toBe('2026-11-02');
    expect(daysBetween('2026-03-01', '2026-04-01')).toBe(31);
    expect(daysBetween('2026-10-25', '2026-11-08')).toBe(14);
    // Kiritimati skipped 1994-12-31 and Samoa 2011-12-30: still real China days.
    expect(isChinaDate('1994-12-31')).toBe(true);
    expect(addDays('1994-12-30', 1)).toBe('1994-12-31');
    expect(daysBetween('2011-12-29', '2011-12-31')).toBe(2);
    expect(newExpiryAfter('2026-03-07', '2026-03-01', 30)).toBe('2026-04-06');
    expect(expiryState('2026-03-09', '2026-03-07')).toMatchObject({ status: 'expiring', daysLeft: 2 });
    expect(chinaDateToEpochSec('2026-03-08')).toBe(utc(2026, 3, 8, 1) / 1000);
    expect(formatChinaDate('2026-03-08')).toBe('2026年3月8日');
  });
});
