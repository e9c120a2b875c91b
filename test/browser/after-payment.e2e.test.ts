/** @jest-environment node */
/**
 * After the payment, in the browser preview of the real pages: a bound card's 自动充值 set
 * up and signed on the 委托代扣 page, topping up by itself (once, also across a relaunch),
 * then an e-invoice applied for, issued, and sent again to another address.
 * Skipped, and said so, when Chromium is not installed (scripts/install-chromium.sh).
 */
import { PreviewDriver } from '../../scripts/preview/driver';
import { describeInBrowser, usePreviewSession } from '../support/preview-session';

const PHONE = '13800138000';

/** Binds the demo number the way the bind page stores it (the bind journey has its own test). */
async function bindDemoCard(driver: PreviewDriver): Promise<void> {
  await driver.withServices((phone: string) => {
    const services = (window as any).__preview.services();
    services.cards.bind({ phone, region: 'CN', carrier: 'cmcc', cardType: 'phone', nickname: '我的主卡', isDefault: true, boundAt: Date.now(), verifiedBy: 'sms', remindDaysBefore: 3 });
  }, PHONE);
}

async function storedCounts(driver: PreviewDriver): Promise<{ orders: number; auto: number }> {
  return driver.withServices(() => {
    const orders = (window as any).__preview.services().records.all() as { autoTopup?: unknown }[];
    return { orders: orders.length, auto: orders.filter((o) => o.autoTopup).length };
  });
}

describeInBrowser('browser e2e')('after the payment, in the browser preview', () => {
  const session = usePreviewSession('after');
  let driver: PreviewDriver;

  beforeAll(async () => {
    const page = await session.browser.newPage({ viewport: { width: 375, height: 740 }, timezoneId: 'Asia/Shanghai', locale: 'zh-CN' });
    driver = new PreviewDriver(page, session.url);
  }, 60000);

  test('自动充值: card settings → rule → 委托代扣 → tops up today, once, also after a relaunch', async () => {
    await driver.open('home');
    await bindDemoCard(driver);
    await driver.go(`card?phone=${PHONE}`);
    await driver.waitForPage('card');
    await driver.tapText('余额不足或每月固定日期自动充值，可随时暂停、取消');

    await driver.waitForPage('autotopup');
    await driver.waitForText('什么时候自动充值');
    await driver.tapText('每月固定日期');
    const today = String(Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', day: 'numeric' }).format(new Date())));
    await driver.type(today, { placeholder: '1–31' });
    await driver.waitForText(`每月 ${today} 日充值 ¥50，每月最多 ¥100`);
    await driver.tapText('下一步：开通微信免密支付');

    await driver.waitForPage('autotopup/papay');
    await driver.waitForText('开通免密支付');
    expect(await driver.text()).toContain('话费自动充值 · 138****8000');
    await driver.tapText('开通', { exact: true });

    // Back on the rule page, and today is the day: the rule tops up at once, without a sheet.
    await driver.waitForPage('autotopup');
    await driver.page.waitForFunction(() => (window as any).__preview.services().records.all().some((o: any) => o.autoTopup && o.state === 'succeeded'), null, { timeout: 15000 });
    expect(await storedCounts(driver)).toEqual({ orders: 1, auto: 1 });
    await driver.waitForText('已开启');
    await driver.waitForText('已充值');

    // A relaunch on the same day finds the period done.
    await driver.page.reload();
    await driver.page.waitForFunction(() => (window as any).__preview && (window as any).__preview.ready, null, { timeout: 15000 });
    await driver.settle(1500);
    expect(await storedCounts(driver)).toEqual({ orders: 1, auto: 1 });

    await driver.go('records');
    await driver.waitForPage('records');
    await driver.waitForText('充值成功');
    expect(await driver.text()).toContain('话费充值 50 元');
    expect(driver.problems).toEqual([]);
  }, 120000);

  test('电子发票: pick the order, 单位 with its tax id, submit; issued, then sent to another address', async () => {
    await driver.go('invoice');
    await driver.waitForPage('invoice');
    await driver.waitForText('选择要开票的订单');
    await driver.tapText(/138\*\*\*\*8000 · 话费充值 50 元/);
    await driver.waitForText('共 1 笔订单');
    await driver.tapText('单位', { exact: true });
    await driver.type('深圳市示例科技有限公司', { placeholder: '营业执照' });
    await driver.type('914403001922038217', { placeholder: '统一社会信用代码' });
    await driver.type('finance@example.com', { placeholder: 'name@example.com' });
    await driver.tapText('提交申请');
    await driver.waitForText('校验不通过');
    await driver.type('914403001922038216', { placeholder: '统一社会信用代码' });
    await driver.tapText('提交申请');

    await driver.waitForPage('invoice/detail');
    await driver.waitForText('已开具', 20000);
    const text = await driver.text();
    expect(text).toMatch(/发票号码\s*\d{20}/);
    expect(text).toContain('深圳市示例科技有限公司');
    expect(text).toContain('914403001922038216');
    expect(text).toContain('138****8000 · 话费充值 50 元 · ¥50.00');

    await driver.type('boss@example.com', { placeholder: '新的邮箱地址' });
    await driver.tapText('发送', { exact: true });
    await driver.waitForText('已重新发送到 boss@example.com');
    await driver.waitForText('已发送到：finance@example.com、boss@example.com');
    expect(driver.problems).toEqual([]);
  }, 120000);
});
