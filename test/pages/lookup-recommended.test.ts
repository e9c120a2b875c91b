/**
 * 充值's suggestion after a lookup (core/pricing's recommend, as packages preselects it):
 * the option, its price in yuan (a Smart load with its face value) and the expiry it
 * gives; a tap, or 立即续费, opens packages with it chosen, on the card this lookup
 * fetched (no second lookup), and the suggestion follows the card after a renewal.
 */
import { openPage, type Driver } from '../support/page-driver';
import { TestApp } from '../support/app';
import { money } from '../../miniprogram/core/money';

let app: TestApp;

beforeEach(() => {
  globalThis.__wxStorage.clearStorageSync();
  app = new TestApp();
});

async function lookUp(phone: string): Promise<Driver> {
  const driver = await openPage('lookup', {}, app.services);
  await driver.type('#query', phone);
  await driver.tap('#submit');
  await driver.until(() => driver.has('#recommended'), 'the suggestion');
  return driver;
}

describe('充值: the recommended option', () => {
  test('after a lookup: 推荐, the option, its price and the expiry it gives, under the card', async () => {
    const driver = await lookUp('13800138000');
    expect(driver.textOf('#recommended .lookup__recommend-head')).toBe('推荐话费充值 50 元¥50.00');
    expect(driver.textOf('#recommended .lookup__recommend-expiry')).toBe('续费后到期日 2027年7月8日');
    const text = driver.text();
    expect(text.indexOf('有效期至')).toBeLessThan(text.indexOf('推荐'));
    expect(text.indexOf('推荐')).toBeLessThan(text.indexOf('立即续费'));
  });

  test('a tap opens packages with it chosen, on the card already fetched: one lookup in all', async () => {
    const lookup = jest.spyOn(app.services.gateway, 'lookup');
    const driver = await lookUp('18600186002');
    await driver.tap('#recommended');
    const move = app.nav.last();
    expect(move).toMatchObject({ kind: 'open', page: 'packages', query: { phone: '18600186002', productId: 'cucc-recharge-50' } });
    const packages = await openPage('packages', move!.query, app.services);
    await packages.until(() => packages.data.status === 'ready', 'the packages');
    expect(packages.data.selectedId).toBe('cucc-recharge-50');
    expect(packages.textOf('#tile-cucc-recharge-50')).toContain('推荐');
    expect(packages.textOf('#summary')).toContain('广东 深圳 · 中国联通');
    expect(lookup).toHaveBeenCalledTimes(1);
  });

  test('a Smart number: the yuan to pay once the rate is in, with the peso face value', async () => {
    const driver = await lookUp('09181234567');
    await driver.until(() => driver.textOf('#recommended').includes('¥'), 'the yuan price');
    expect(driver.textOf('#recommended .lookup__recommend-price')).toBe('¥12.35');
    expect(driver.textOf('#recommended')).toContain('面值 ₱100.00 · ₱1 ≈ ¥0.1235');
    expect(driver.textOf('#summary')).toContain('菲律宾 · Smart');
  });

  test('typing another number takes the suggestion away with the card', async () => {
    const driver = await lookUp('13800138000');
    await driver.type('#query', '1380013800');
    expect(driver.has('#recommended')).toBe(false);
  });

  test('back after a renewal: the suggestion counts from the renewed expiry, not the old one', async () => {
    const driver = await lookUp('13800138000');
    expect(driver.textOf('#recommended .lookup__recommend-expiry')).toBe('续费后到期日 2027年7月8日');
    app.clock.advance(60_000);
    app.services.renewalCache.credited('13800138000', { orderId: 'CR1', balance: money(13650, 'CNY'), dataLeftMb: 12288, expiry: '2027-07-08' }, app.clock.now());
    await driver.lifecycle('onShow');
    expect(driver.textOf('#summary')).toContain('2027年7月8日');
    expect(driver.textOf('#recommended .lookup__recommend-expiry')).toBe('续费后到期日 2028年1月4日');
  });
});
