import { cardKindName, cardTitle } from '../../miniprogram/view/card-tile';
import { boundCard } from '../support/cards-fixtures';

describe('cardKindName: a space only where Latin letters meet Chinese (issue 12 item 14)', () => {
  test.each([
    ['cmcc', 'phone', '移动手机卡'],
    ['cucc', 'esim', '联通 eSIM'],
    ['smart', 'phone', 'Smart 手机卡'],
    ['smart', 'esim', 'Smart eSIM'],
    ['ctcc', 'keep', '电信保号卡'],
    ['nope', 'phone', '手机卡'],
    ['cmcc', 'nope', '移动'],
  ] as const)('%s + %s → %s', (carrier, type, name) => {
    expect(cardKindName(carrier as never, type as never)).toBe(name);
  });

  test('a nickname wins', () => {
    expect(cardTitle(boundCard('09181234567', { nickname: '菲律宾卡' }))).toBe('菲律宾卡');
    expect(cardTitle(boundCard('09181234567', { nickname: '' }))).toBe('Smart 手机卡');
  });
});
