import { openPage } from '../support/page-driver';
import { TestApp } from '../support/app';

let app: TestApp;

beforeEach(() => {
  globalThis.__wxStorage.clearStorageSync();
  app = new TestApp();
});

const openHelp = () => openPage('help', {}, app.services);

describe('help page', () => {
  test('this mini-program\u2019s own customer service comes first: a WeChat contact button and what to do about money (walk 14)', async () => {
    const page = await openHelp();
    expect(page.vantShown('#contact', '.van-button')).toBe(true);
    expect(page.find('#contact').instance.data.openType).toBe('contact');
    const text = page.text();
    expect(text.indexOf('联系客服')).toBeLessThan(text.indexOf('中国移动'));
    expect(text).toContain('本小程序客服');
    expect(text).toContain('运营商查不到本小程序的订单号');
    expect(text).toContain('结果待确认');
    expect(text).toContain('1–3 个工作日');
    expect(text).toContain('12300');
  });

  test('every carrier has a hotline card with a real Vant call button', async () => {
    const page = await openHelp();
    const text = page.text();
    for (const name of ['中国移动', '中国联通', '中国电信', '中国广电', 'Smart']) expect(text).toContain(name);
    expect(page.queryAll('.call-button')).toHaveLength(6);
    expect(page.vantShown('.call-button', '.van-button')).toBe(true);
  });

  test.each([
    [0, '拨打 10086', '10086'],
    [1, '拨打 10010', '10010'],
    [2, '拨打 10000', '10000'],
    [3, '拨打 10099', '10099'],
    [4, '拨打 *888', '*888'],
    [5, '拨打 +63 2 8888 1111', '+63288881111'],
  ])('call button %i (%s) dials %s', async (index, label, dialled) => {
    const page = await openHelp();
    const button = page.queryAll('.call-button')[index];
    expect(button.dom.textContent?.replace(/\s+/g, ' ').trim()).toBe(label);
    (button.querySelector('.van-button') ?? button).dispatchEvent('tap');
    await page.until(() => app.device.calls.length > 0, 'a call');
    expect(app.device.calls).toEqual([dialled]);
  });

  test('store advice: owner ID card, proxy with both IDs, invoice, self-service terminals', async () => {
    const text = (await openHelp()).text();
    expect(text).toContain('营业厅');
    expect(text).toContain('机主本人的身份证原件');
    expect(text).toContain('两个人的身份证原件');
    expect(text).toContain('发票');
    expect(text).toContain('自助终端');
  });

  test('safety tips: check the number, no double payment, official channels, vouchers, scams', async () => {
    const text = (await openHelp()).text();
    expect(text).toContain('核对一遍号码');
    expect(text).toContain('不要重复付款');
    expect(text).toContain('自动核对');
    expect(text).toContain('官方渠道');
    expect(text).toContain('凭证');
    expect(text).toContain('不会向你索要短信验证码');
    expect(text).toContain('号码即将停机');
    expect(text).toContain('低价代充');
  });

  test('Smart section: load within the 120-day window', async () => {
    const text = (await openHelp()).text();
    expect(text).toContain('120 天');
    expect(text).toContain('load');
  });
});

describe('help page: the scam warning', () => {
  test('comes first, names "慢充" and strangers, and says what to do', async () => {
    const page = await openHelp();
    const text = page.text();
    expect(text.indexOf('谨防充值诈骗')).toBeLessThan(text.indexOf('客服电话'));
    expect(page.textOf('.scam')).toContain('“慢充”');
    expect(page.textOf('.scam')).toContain('替陌生人充值');
    expect(page.queryAll('.scam-step').map((s) => s.dom.textContent?.trim().slice(0, 2))).toEqual(['1.', '2.', '3.']);
  });

  test.each([
    [0, '110'],
    [1, '12300'],
  ])('button %i dials %s', async (index, dialled) => {
    const page = await openHelp();
    expect(page.vantShown('.scam-call', '.van-button')).toBe(true);
    const button = page.queryAll('.scam-call')[index];
    (button.querySelector('.van-button') ?? button).dispatchEvent('tap');
    await page.until(() => app.device.calls.length > 0, 'a call');
    expect(app.device.calls).toEqual([dialled]);
  });
});
