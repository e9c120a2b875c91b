import { locationLine, locationText } from '../../miniprogram/view/location';
import type { NumberLocation } from '../../miniprogram/core/types';

describe('locationText', () => {
  test.each<[unknown, string]>([
    [{ country: 'CN', province: '广东', city: '深圳' }, '广东 深圳'],
    [{ country: 'CN', province: '北京', city: '北京' }, '北京'],
    [{ country: 'CN', province: '西藏', city: '' }, '西藏'],
    [{ country: 'PH', province: '', city: '' }, '菲律宾'],
    [null, '归属地未知'],
    [undefined, '归属地未知'],
    [{ country: 'CN', province: '', city: '深圳' }, '归属地未知'],
    [{ country: 'CN', province: 42, city: null }, '归属地未知'],
    ['广东', '归属地未知'],
  ])('%p → %s', (location, text) => {
    expect(locationText(location as NumberLocation)).toBe(text);
  });
});

describe('locationLine', () => {
  test.each<[NumberLocation | null, string, string]>([
    [{ country: 'CN', province: '广东', city: '深圳' }, 'cmcc', '广东 深圳 · 中国移动'],
    [{ country: 'PH', province: '', city: '' }, 'smart', '菲律宾 · Smart'],
    [null, 'cucc', '归属地未知 · 中国联通'],
    [null, 'globe', '归属地未知'],
  ])('%p with %s → %s', (location, carrier, text) => {
    expect(locationLine(location, carrier as never)).toBe(text);
  });
});
