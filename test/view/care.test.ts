import { careLook, CARE_SCALE, STANDARD_ROOT_PX } from '../../miniprogram/view/care';

describe('careLook', () => {
  test('standard: the root font follows WeChat\u2019s own font size setting', () => {
    expect(careLook(false)).toEqual({ care: false, fontRoot: 'system' });
  });

  test('长辈模式: 1.6 times the standard 16 px root, so body text (0.9375rem) is about 24 px', () => {
    expect(careLook(true)).toEqual({ care: true, fontRoot: '25.6px' });
    expect(STANDARD_ROOT_PX * CARE_SCALE * 0.9375).toBeCloseTo(24, 0);
  });
});
