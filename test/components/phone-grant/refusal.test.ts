import { QUOTA_ERRNO, refusalOf } from '../../../miniprogram/components/phone-grant/refusal';

describe('refusalOf: why the getPhoneNumber button gave no code', () => {
  test('WeChat\u2019s quota errno is 1400001', () => {
    expect(QUOTA_ERRNO).toBe(1400001);
  });

  test.each([
    ['the paid quota is used up', { errMsg: 'getPhoneNumber:fail no quota', errno: 1400001 }, 'quota'],
    ['the quota errno alone', { errno: 1400001 }, 'quota'],
    ['the privacy agreement was not accepted', { errMsg: 'getPhoneNumber:fail privacy permission is not authorized', errno: 104 }, 'privacy'],
    ['privacy in any case', { errMsg: 'getPhoneNumber:fail PRIVACY agreement' }, 'privacy'],
    ['the user said no', { errMsg: 'getPhoneNumber:fail user deny' }, 'declined'],
    ['the user closed the sheet', { errMsg: 'getPhoneNumber:fail:cancel' }, 'declined'],
    ['an empty detail', {}, 'declined'],
    ['an empty code', { code: '' }, 'declined'],
  ] as const)('%s → %s', (_name, detail, reason) => {
    expect(refusalOf(detail)).toBe(reason);
  });

  test.each([
    ['a quota errno sent as text', { errno: '1400001' }, 'declined'],
    ['an errMsg that is not text', { errMsg: 104 }, 'declined'],
    ['an errMsg object', { errMsg: { privacy: true } }, 'declined'],
  ])('hostile detail: %s → %s', (_name, detail, reason) => {
    expect(refusalOf(detail as never)).toBe(reason);
  });
});
