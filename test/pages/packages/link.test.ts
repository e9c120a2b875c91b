import { cardQueryOf } from '../../../miniprogram/pages/packages/link';

describe('cardQueryOf: the card a packages link names', () => {
  test('a number, in any usual written form, comes back national', () => {
    expect(cardQueryOf({ phone: '13800138000' })).toEqual({ phone: '13800138000' });
    expect(cardQueryOf({ phone: '+86 138 0013 8000' })).toEqual({ phone: '13800138000' });
    expect(cardQueryOf({ phone: '0918 123 4567' })).toEqual({ phone: '09181234567' });
  });

  test('an ICCID, when the link has no number', () => {
    expect(cardQueryOf({ iccid: '89860012345678901238' })).toEqual({ iccid: '89860012345678901238' });
  });

  test('the number wins over an ICCID in the same link', () => {
    expect(cardQueryOf({ phone: '13800138000', iccid: '89860012345678901238' })).toEqual({ phone: '13800138000' });
  });

  test.each([
    [{}],
    [{ phone: '' }],
    [{ phone: '1380013' }],
    [{ phone: '12345678901' }],
    [{ phone: 'abc' }],
    [{ phone: '09171234567' }],
    [{ iccid: '8986' }],
    [{ iccid: 'not an iccid' }],
    [{ productId: 'cmcc-recharge-50' }],
  ])('a broken link %p (no number, or one not renewed here) names no card', (query) => {
    expect(cardQueryOf(query as Record<string, string>)).toBeNull();
  });
});
