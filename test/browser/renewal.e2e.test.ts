/** @jest-environment node */
/**
 * The whole renewal in a real browser: the preview of the real pages (same WXML, WXSS,
 * TypeScript and Vant) in Debian's headless Chromium, driven with clicks and typing.
 * Skipped, and said so, when Chromium is not installed (scripts/install-chromium.sh).
 */
import { PreviewDriver } from '../../scripts/preview/driver';
import { describeInBrowser, usePreviewSession } from '../support/preview-session';

/** A mainland China Mobile number: the mock gateway answers every valid number. */
const PHONE = '13800138000';
const MASKED = '138****8000';

describeInBrowser('browser e2e')('renewal in the browser preview', () => {
  const session = usePreviewSession('e2e');
  let driver: PreviewDriver;

  beforeAll(async () => {
    const page = await session.browser.newPage({ viewport: { width: 375, height: 740 } });
    driver = new PreviewDriver(page, session.url);
  }, 60000);

  test('lookup → packages → confirm → pay → result → records shows the order', async () => {
    await driver.open('lookup');
    expect(await driver.currentPage()).toBe('lookup');

    await driver.type(PHONE, { placeholder: '手机号' });
    await driver.tapText('查询', { exact: true });
    await driver.waitForText('立即续费');
    expect(await driver.text()).toContain(MASKED);
    await driver.tapText('立即续费');

    await driver.waitForPage('packages');
    await driver.tapText('¥50', { exact: true });
    await driver.waitForText('已选：话费充值 50 元');
    await driver.tapText('下一步');

    await driver.waitForPage('confirm');
    await driver.waitForText('请核对号码');
    const confirm = await driver.text();
    expect(confirm).toContain('请核对号码');
    expect(confirm.replace(/\s/g, '')).toContain(PHONE);
    await driver.tapText(/^确认支付/);

    // The mock WeChat Pay sheet, hosted by the confirm page.
    await driver.waitForText('付款给');
    expect(await driver.text()).toContain('¥50.00');
    await driver.tapText('确认支付', { within: '#screen', exact: true });

    await driver.waitForPage('result');
    await driver.waitForText('充值成功');
    const orderNumber = /CR\d{10,}/.exec(await driver.text())?.[0];
    expect(orderNumber).toBeDefined();

    await driver.tapText('返回首页');
    await driver.waitForPage('home');
    await driver.tapText('记录', { within: '#tabbar' });
    await driver.waitForPage('records');
    await driver.waitForText('充值成功');
    const records = await driver.text();
    expect(records).toContain(MASKED);
    expect(records).toContain('话费充值 50 元');
    expect(records).toContain('¥50.00');

    // The record opens its voucher with the same order number.
    await driver.tapText('话费充值 50 元', { within: '.page-slot:not([hidden])' });
    await driver.waitForPage('voucher');
    await driver.waitForText('实付金额');
    expect(await driver.text()).toContain(orderNumber!);
    expect(driver.problems).toEqual([]);
  }, 90000);
});
