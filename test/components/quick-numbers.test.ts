import { openComponent, type Driver } from '../support/page-driver';
import { quickRows } from '../../miniprogram/view/quick-numbers';
import { boundCard } from '../support/cards-fixtures';

const ROWS = quickRows(
  [boundCard('13800138000', { nickname: '妈妈', lastKnown: { balance: { amount: 0, currency: 'CNY' }, dataLeftMb: null, expiry: '2026-12-01', suspended: false, at: 1, location: { country: 'CN', province: '北京', city: '北京' } } })],
  [
    { phone: '18600186002', carrier: 'cucc', location: { country: 'CN', province: '广东', city: '深圳' }, at: 2 },
    { phone: '09181234567', carrier: 'smart', location: { country: 'PH', province: '', city: '' }, at: 1 },
    { phone: '16600166000', carrier: 'cucc', location: null, at: 0 },
  ],
);

function events(driver: Driver): { name: string; detail: unknown }[] {
  const seen: { name: string; detail: unknown }[] = [];
  const original = driver.instance.triggerEvent.bind(driver.instance);
  driver.instance.triggerEvent = (name: string, detail: unknown, options?: unknown) => {
    seen.push({ name, detail });
    return original(name, detail, options);
  };
  return seen;
}

describe('quick-numbers', () => {
  test('bound first with the 备注名, then recent ones, each with carrier and 归属地', async () => {
    const driver = await openComponent('quick-numbers', { rows: ROWS });
    const row = (i: number) => [driver.textOf(`.quick-row-${i} .quick__number`), driver.textOf(`.quick-row-${i} .quick__place`)];
    expect(row(0)).toEqual(['138****8000 妈妈', '北京 · 中国移动']);
    expect(row(1)).toEqual(['186****6002', '广东 深圳 · 中国联通']);
    expect(row(2)).toEqual(['0918***4567', '菲律宾 · Smart']);
    expect(row(3)).toEqual(['166****6000', '归属地未知 · 中国联通']);
    expect(driver.vantShown('.quick-row-1', '.van-swipe-cell')).toBe(true);
    expect(driver.text()).toContain('清空最近查询');
  });

  test('a bound number has no remove and cannot be swiped', async () => {
    const driver = await openComponent('quick-numbers', { rows: ROWS });
    expect(driver.has('.quick-row-0 .quick__remove')).toBe(false);
    expect(driver.has('.quick-row-1 .quick__remove')).toBe(true);
  });

  test('tap picks, × and the swipe action remove, 清空 clears', async () => {
    const driver = await openComponent('quick-numbers', { rows: ROWS });
    const seen = events(driver);
    await driver.tap('.quick-row-2 .quick__main');
    await driver.tap('.quick-row-1 .quick__remove');
    await driver.tap('.quick-row-3 .quick__delete');
    await driver.tap('.quick__clear');
    expect(seen).toEqual([
      { name: 'pick', detail: { index: 2 } },
      { name: 'remove', detail: { index: 1 } },
      { name: 'remove', detail: { index: 3 } },
      { name: 'clear', detail: undefined },
    ]);
  });

  test('only bound numbers: no 清空; nothing at all: nothing shown', async () => {
    const bound = await openComponent('quick-numbers', { rows: ROWS.slice(0, 1) });
    expect(bound.text()).not.toContain('清空');
    const none = await openComponent('quick-numbers', { rows: [] });
    expect(none.text()).toBe('');
  });
});
