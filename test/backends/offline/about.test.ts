/** The offline backend's own page (演示环境): what is simulated, the demo numbers, a tap copies one. */
import { TestApp } from '../../support/app';
import { DEMO_NUMBERS } from '../../../miniprogram/backends/offline/card-data';

let app: TestApp;

beforeEach(() => {
  globalThis.__wxStorage.clearStorageSync();
  app = new TestApp();
});

test('says nothing here is real, lists every demo number with what it shows, and explains the pay simulation', async () => {
  const page = await app.open('demo');
  expect(page.vantShown('.about__numbers', '.van-cell-group')).toBe(true);
  const text = page.text();
  expect(text).toContain('不会扣款');
  for (const demo of DEMO_NUMBERS) {
    expect(text).toContain(demo.phone);
    expect(text).toContain(demo.description);
  }
  expect(text).toContain('余额不足');
  expect(text).toContain('无响应');
});

test('tapping a number copies it and says where to paste it', async () => {
  const page = await app.open('demo');
  await page.tap('.number-1');
  expect(app.device.copied).toEqual([DEMO_NUMBERS[1].phone]);
  expect(app.device.lastToast()).toContain('充值');
});

test('我的 opens it', async () => {
  const mine = await app.open('mine');
  await mine.tap('.link-demo');
  expect(app.nav.last()).toMatchObject({ kind: 'open', page: 'demo' });
});
