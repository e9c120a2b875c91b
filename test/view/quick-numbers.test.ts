import { quickRows } from '../../miniprogram/view/quick-numbers';
import { boundCard } from '../support/cards-fixtures';

describe('quickRows', () => {
  test('bound numbers first with their 备注名 (or carrier and type), then recent ones not bound', () => {
    const rows = quickRows(
      [boundCard('13800138000', { nickname: '妈妈' }), boundCard('13900139000', { cardType: 'keep' })],
      [
        { phone: '13800138000', carrier: 'cmcc', at: 3 },
        { phone: '18600186002', carrier: 'cucc', location: { country: 'CN', province: '广东', city: '深圳' }, at: 2 },
      ],
    );
    expect(rows).toEqual([
      { key: 'b0', masked: '138****8000', title: '妈妈', place: '归属地未知 · 中国移动', bound: true },
      { key: 'b1', masked: '139****9000', title: '移动保号卡', place: '归属地未知 · 中国移动', bound: true },
      { key: 'r0', masked: '186****6002', title: '', place: '广东 深圳 · 中国联通', bound: false },
    ]);
  });

  test('nothing bound, nothing recent: no rows', () => {
    expect(quickRows([], [])).toEqual([]);
  });
});
