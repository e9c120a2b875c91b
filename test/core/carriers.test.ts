import { CARRIERS, CARRIER_IDS, carrierName, carriersOf, isCarrierId } from '../../miniprogram/core/carriers';
import type { CarrierId } from '../../miniprogram/core/types';

describe('CARRIERS', () => {
  test.each([
    ['cmcc', '中国移动', '移动', 'CN', 'CNY', '10086'],
    ['cucc', '中国联通', '联通', 'CN', 'CNY', '10010'],
    ['ctcc', '中国电信', '电信', 'CN', 'CNY', '10000'],
    ['cbn', '中国广电', '广电', 'CN', 'CNY', '10099'],
    ['smart', 'Smart', 'Smart', 'PH', 'PHP', '*888'],
  ] as const)('%s is %s (%s), %s, %s, hotline %s', (id, name, shortName, region, currency, hotline) => {
    expect(CARRIERS[id]).toMatchObject({ id, name, shortName, region, currency, hotline });
    expect(CARRIERS[id].color).toMatch(/^#[0-9A-F]{6}$/);
  });

  test('only Smart has a second hotline, the landline one', () => {
    expect(CARRIER_IDS.filter((id) => CARRIERS[id].hotlineAlt !== undefined)).toEqual(['smart']);
    expect(CARRIERS.smart.hotlineAlt).toBe('+63 2 8888 1111');
  });

  test('CARRIER_IDS lists every carrier once, mainland first', () => {
    expect(CARRIER_IDS).toEqual(['cmcc', 'cucc', 'ctcc', 'cbn', 'smart']);
    expect([...CARRIER_IDS].sort()).toEqual(Object.keys(CARRIERS).sort());
  });
});

describe('carriersOf', () => {
  test.each([
    ['CN', ['cmcc', 'cucc', 'ctcc', 'cbn']],
    ['PH', ['smart']],
  ] as const)('%s → %j', (region, ids) => {
    expect(carriersOf(region).map((c) => c.id)).toEqual(ids);
  });

  test('an unknown region has no carriers rather than failing', () => {
    expect(carriersOf('US' as never)).toEqual([]);
  });
});

describe('carrierName', () => {
  test.each([
    ['cmcc', '中国移动'],
    ['cbn', '中国广电'],
    ['smart', 'Smart'],
    ['globe', '未知运营商'],
    ['', '未知运营商'],
    ['__proto__', '未知运营商'],
    [undefined, '未知运营商'],
  ])('%p → %s', (id, name) => {
    expect(carrierName(id as CarrierId)).toBe(name);
  });

  test.each([
    ['cucc', true],
    ['toString', false],
    [42, false],
    [null, false],
  ])('isCarrierId(%p) is %p', (value, expected) => {
    expect(isCarrierId(value)).toBe(expected);
  });
});
