/** @jest-environment node */
/**
 * After the payment, from the voucher and the records, in the browser preview of the real
 * pages: a renewal's voucher shows the number's 归属地 and 手动; 申请发票 from it (tapped
 * twice), issued, and the voucher says 已开具, also after a relaunch; 保存凭证图片 with the
 * album refused, explained, then allowed in settings; a Smart renewal shown in yuan in the
 * records; two orders picked there (one changed, one that cannot be picked says why) and
 * 开发票 for them. Skipped, and said so, when Chromium is not installed.
 */
import type { Page } from 'playwright-core';
import { PreviewDriver } from '../../scripts/preview/driver';
import { describeInBrowser, usePreviewSession, type PreviewSession } from '../support/preview-session';

const TOP = '#screen > .page-slot:not([hidden])';

let session: PreviewSession;
let page: Page;
let d: PreviewDriver;

async function quickCarrier(): Promise<void> {
  await d.withServices(async () => {
    const s = (window as any).__preview.services();
    await s.gateway.exchangeRate();
    s.backend().gateway.latencyMs = 20;
  });
}

async function relaunch(route: string): Promise<void> {
  await page.reload();
  await page.waitForFunction(() => (window as any).__preview && (window as any).__preview.ready, null, { timeout: 15000 });
  await d.go(route);
  await quickCarrier();
  await d.settle();
}

/** 充值 → 查询 → 立即续费 → a tile → 下一步 → 确认支付 → the sheet's 确认支付 → the result. */
async function renew(phone: string, tile: string): Promise<string> {
  await d.go('lookup');
  await d.waitForPage('lookup');
  await d.type(phone, { placeholder: '手机号' });
  await d.tapText('查询', { exact: true });
  await d.waitForText('立即续费');
  await d.tapText('立即续费');
  await d.waitForPage('packages');
  await d.waitForText('已选');
  await d.tapText(tile, { exact: true, within: TOP });
  await d.tapText('下一步');
  await d.waitForPage('confirm');
  await d.waitForText('请核对号码');
  await d.tapText(/^确认支付 /, { within: TOP });
  await d.waitForText('付款给');
  await d.tapText('确认支付', { within: '#screen', exact: true });
  await d.waitForPage('result');
  await d.waitForText('充值成功');
  const id = /CR\d{20}/.exec(await d.text())?.[0];
  if (!id) throw new Error('no order number on the result');
  return id;
}

const topText = async () => (await page.locator(TOP).innerText()).replace(/\s+/g, ' ');

describeInBrowser('browser e2e')('after the payment: voucher, invoice, picture, records', () => {
  session = usePreviewSession('voucher');
  beforeAll(async () => {
    page = await session.browser.newPage({ viewport: { width: 375, height: 740 }, timezoneId: 'Asia/Shanghai', locale: 'zh-CN' });
    d = new PreviewDriver(page, session.url);
    await d.open('lookup');
    await page.evaluate(() => window.localStorage.clear());
    await relaunch('lookup');
  }, 60000);

  afterEach(() => {
    expect(d.problems).toEqual([]);
    d.problems.length = 0;
  });

  let first = '';

  test('renew → the voucher shows 归属地 and 手动 → 申请发票 (tapped twice) → issued → the voucher says 已开具, also after a relaunch', async () => {
    first = await renew('18600186002', '¥50');
    await d.tapText('查看凭证');
    await d.waitForPage('voucher');
    await d.waitForText('广东 深圳 · 中国联通');
    expect(await topText()).toContain('下单方式 手动');

    // Two quick taps open one invoice page.
    await page.locator(TOP).getByText('申请发票', { exact: true }).dblclick();
    await d.waitForPage('invoice');
    await d.settle(300);
    expect(await page.locator('#screen > .page-slot[data-page="invoice"]').count()).toBe(1);
    await d.waitForText('共 1 笔订单');
    await d.type('me@example.com', { placeholder: 'name@example.com' });
    await d.tapText('提交申请');
    await d.waitForPage('invoice/detail');
    await d.waitForText('已开具', 20000);

    await page.locator('#nav-back').click();
    await d.waitForPage('voucher');
    await d.waitForText('已开具');
    expect(await page.locator(TOP).getByText('申请发票', { exact: true }).count()).toBe(0);

    await relaunch(`voucher?orderId=${first}`);
    await d.waitForPage('voucher');
    await d.waitForText('已开具');
    expect(await topText()).toContain('广东 深圳 · 中国联通');
    await d.tapText('已开具');
    await d.waitForPage('invoice/detail');
    await d.waitForText('发票号码');
  }, 90000);

  test('保存凭证图片 with the album refused: explained, 去设置, then saved', async () => {
    await d.go(`voucher?orderId=${first}`);
    await d.waitForPage('voucher');
    await d.tapText('保存凭证图片');
    await d.waitForText('凭证图片');
    await page.locator(`${TOP} [class*="sheet__image"] img`).waitFor({ state: 'visible', timeout: 15000 });
    // The picture fills the sheet's width (widthFix), not a thumbnail.
    expect((await page.locator(`${TOP} [class*="sheet__image"] img`).boundingBox())!.width).toBeGreaterThan(300);
    await d.tapText('保存到相册', { within: TOP });
    // WeChat asks once; she refuses.
    await d.waitForText('保存图片或视频到你的相册');
    await d.tapText('拒绝', { exact: true });
    await d.waitForText('需要相册权限');
    expect(await d.text()).toContain('你之前没有允许');
    await d.tapText('暂不', { exact: true });
    await d.waitForText('去设置');
    // She changes her mind: settings, allow, and the picture is saved.
    await d.tapText('去设置', { within: TOP, exact: true });
    await d.waitForText('允许「卡续费」添加到相册');
    await d.tapText('允许', { exact: true });
    await d.waitForText('已保存到相册');
    expect(await page.locator('#album-items img').count()).toBe(1);
  }, 60000);

  test('a Smart renewal shows in yuan in the records; pick two orders (changing one), one that cannot be picked says why, then 开发票', async () => {
    const smart = await renew('09181234567', '₱100');
    const second = await renew('13800138000', '¥30');
    await d.tapText('返回首页');
    await d.waitForPage('home');
    await d.tapText('记录', { within: '#tabbar' });
    await d.waitForPage('records');
    await d.waitForText('面值 ₱100.00');
    expect(await topText()).toContain('¥12.35');
    expect(await topText()).toContain('0918***4567 · 菲律宾 · Smart');

    await d.tapText('开发票', { within: TOP, exact: true });
    await d.waitForText('已选 0 笔');
    const row = (id: string) => page.locator(`${TOP} [class*="row__main"]`).filter({ hasText: id === smart ? '菲律宾' : id === second ? '北京' : '广东 深圳' }).first();
    // The first renewal is already invoiced: greyed, and a tap says why.
    await row(first).click();
    await d.waitForText('已开过发票');
    await row(smart).click();
    await row(second).click();
    await d.waitForText('已选 2 笔 · ¥42.35');
    await row(second).click();
    await d.waitForText('已选 1 笔 · ¥12.35');
    await row(second).click();
    await d.waitForText('已选 2 笔 · ¥42.35');
    await d.tapText('开发票', { within: '[class*="pick-bar"]', exact: true });
    await d.waitForPage('invoice');
    await d.waitForText('共 2 笔订单');
    expect(await topText()).toContain('¥42.35');
  }, 120000);
});
