import { cardProfile, smartProfile } from '../support/card-profiles';
import { openComponent as renderComponent } from '../support/page-driver';
import { money } from '../../miniprogram/core/money';

const TODAY = '2026-11-25';

describe('card-summary', () => {
  test('shows carrier, type, masked number, balance, data, expiry and a Vant status tag', async () => {
    const driver = await renderComponent('card-summary', { card: cardProfile({ expiry: '2026-12-20' }), today: TODAY });
    const text = driver.text();
    expect(driver.vantShown('.card-summary__tag', '.van-tag')).toBe(true);
    expect(driver.vantShown('.card-summary__tag', '.van-button')).toBe(false);
    expect(text).toContain('中国移动');
    expect(text).toContain('手机卡');
    expect(text).toContain('138****8000');
    expect(text).not.toContain('13800138000');
    expect(text).toContain('¥12.50');
    expect(text).toContain('2GB');
    expect(text).toContain('2026年12月20日');
    expect(text).toContain('剩余 25 天');
    expect(driver.textOf('.card-summary__tag')).toBe('正常');
  });

  test('a plan without data says 流量 不含流量, not 剩余流量 不含流量 (walk 22); the expiry has its own line', async () => {
    const driver = await renderComponent('card-summary', { card: cardProfile({ dataLeftMb: null, expiry: '2027-12-31' }), today: TODAY });
    expect(driver.text()).toContain('流量不含流量');
    expect(driver.text()).not.toContain('剩余流量');
    expect(driver.textOf('.card-summary__expiry')).toBe('有效期至2027年12月31日剩余 401 天');
  });

  test.each([
    ['expiring in 2 days', { expiry: '2026-11-27' }, '即将到期', 'van-tag--warning'],
    ['expired 3 days ago', { expiry: '2026-11-22' }, '已过期', 'van-tag--danger'],
    ['past the grace period', { expiry: '2026-06-01' }, '有回收风险', 'van-tag--danger'],
    ['suspended', { suspended: true }, '已停机', 'van-tag--danger'],
    ['active', { expiry: '2027-01-01' }, '正常', 'van-tag--success'],
  ])('status tag: %s', async (_name, patch, label, tagClass) => {
    const driver = await renderComponent('card-summary', { card: cardProfile(patch), today: TODAY });
    expect(driver.textOf('.card-summary__tag')).toBe(label);
    expect(driver.html()).toContain(tagClass);
  });

  test.each([
    ['data', '流量卡'],
    ['phone', '手机卡'],
    ['keep', '保号卡'],
    ['esim', 'eSIM'],
  ] as const)('card type %s reads %s', async (cardType, label) => {
    const driver = await renderComponent('card-summary', { card: cardProfile({ cardType }), today: TODAY });
    expect(driver.textOf('.card-summary__type')).toBe(label);
  });

  test('a Smart card shows pesos and the Philippine mask', async () => {
    const driver = await renderComponent('card-summary', { card: smartProfile(), today: TODAY });
    const text = driver.text();
    expect(text).toContain('Smart');
    expect(text).toContain('0917***4567');
    expect(text).toContain('₱50.00');
  });

  test('a plan without data and a negative balance', async () => {
    const driver = await renderComponent('card-summary', { card: cardProfile({ dataLeftMb: null, balance: money(-520, 'CNY') }), today: TODAY });
    expect(driver.text()).toContain('不含流量');
    expect(driver.text()).toContain('-¥5.20');
    expect(driver.html()).toContain('card-summary__value--owing');
  });

  test('no card renders nothing', async () => {
    const driver = await renderComponent('card-summary', { card: null, today: TODAY });
    expect(driver.text()).toBe('');
    expect(driver.has('.card-summary')).toBe(false);
  });

  test('an unknown carrier renders nothing rather than breaking', async () => {
    const driver = await renderComponent('card-summary', { card: { ...cardProfile(), carrier: 'globe' }, today: TODAY });
    expect(driver.has('.card-summary')).toBe(false);
  });

  test.each([
    ['a placed mainland number', { location: { country: 'CN' as const, province: '广东', city: '深圳' } }, '广东 深圳 · 中国移动'],
    ['a municipality, named once', { location: { country: 'CN' as const, province: '北京', city: '北京' } }, '北京 · 中国移动'],
    ['a number the carrier cannot place', { location: null }, '归属地未知 · 中国移动'],
  ])('the head says where the number belongs: %s (issue 15 item 2)', async (_name, patch, line) => {
    const driver = await renderComponent('card-summary', { card: cardProfile(patch), today: TODAY });
    expect(driver.textOf('.card-summary__carrier')).toBe(line);
  });

  test('a Smart number belongs to 菲律宾', async () => {
    const driver = await renderComponent('card-summary', { card: smartProfile({ location: { country: 'PH', province: '', city: '' } }), today: TODAY });
    expect(driver.textOf('.card-summary__carrier')).toBe('菲律宾 · Smart');
  });
});
