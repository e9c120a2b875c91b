/** @jest-environment node */
/**
 * Issue 15's numbers on 充值 in a real browser, through the preview of the real pages:
 * a contact with two numbers picked from the address book (after the privacy popup),
 * its 归属地 on the card, the recommended option carried into packages and confirm (which
 * shows the 归属地 and the scam warning); a refused permission that leaves the page as it
 * was; a recent number removed, then all of them cleared. Each journey starts from empty
 * storage and goes by taps. Skipped, and said so, without Chromium.
 */
import { PreviewDriver } from '../../scripts/preview/driver';
import { describeInBrowser, usePreviewSession } from '../support/preview-session';

const TOP = '.page-slot:not([hidden])';

/** 通讯录 on the page showing, then 同意 on the privacy popup the first time it asks. */
async function openContacts(driver: PreviewDriver): Promise<void> {
  await driver.tapText('通讯录', { within: TOP, exact: true });
  const text = await driver.text();
  if (text.includes('用户隐私保护提示')) await driver.tapText('同意', { exact: true });
  await driver.waitForText('（演示）不允许使用通讯录');
}

describeInBrowser('browser e2e')('充值 numbers in the browser preview (issue 15 items 1–3, 6)', () => {
  const session = usePreviewSession('contacts');
  let newDriver: () => Promise<PreviewDriver>;

  beforeAll(async () => {
    newDriver = async () => {
      const context = await session.browser.newContext({ viewport: { width: 375, height: 740 } });
      return new PreviewDriver(await context.newPage(), session.url);
    };
  }, 60000);

  test('a contact with two numbers → the chosen card with its 归属地 → the recommended option → confirm with 归属地 and the scam warning', async () => {
    const driver = await newDriver();
    await driver.open('lookup');
    await driver.tapText('通讯录', { within: TOP, exact: true });
    // The address book is privacy-guarded: the page's own popup comes first.
    await driver.waitForText('用户隐私保护提示');
    await driver.tapText('同意', { exact: true });
    await driver.tapText('爸爸 ·');
    await driver.waitForText('「爸爸」有 2 个号码，要用哪一个？');
    await driver.tapText('186****6002');
    await driver.waitForText('已填入「爸爸」的号码 186****6002');
    await driver.waitForText('广东 深圳 · 中国联通');
    await driver.waitForText('续费后到期日');
    const lookupText = await driver.text();
    expect(lookupText).toContain('推荐 话费充值 50 元 ¥50.00');
    expect(lookupText).not.toContain('18600186002 ');
    await driver.tapText('续费后到期日');
    await driver.waitForPage('packages');
    await driver.waitForText('已选：话费充值 50 元');
    expect(await driver.text()).toContain('广东 深圳 · 中国联通');
    await driver.tapText('下一步');
    await driver.waitForPage('confirm');
    await driver.waitForText('请核对号码');
    const confirmText = await driver.text();
    expect(confirmText).toContain('186 0018 6002');
    expect(confirmText).toContain('广东 深圳 · 中国联通 · 手机卡');
    expect(confirmText).toContain('谨防充值诈骗');
    expect(confirmText).toContain('替陌生人充值');
    expect(confirmText).toContain('联通 10010');
    expect(confirmText.indexOf('请核对号码')).toBeLessThan(confirmText.indexOf('谨防充值诈骗'));
    expect(driver.problems).toEqual([]);
  }, 60000);

  test('refusing the contacts permission: a hint, and the number and card stay as they were', async () => {
    const driver = await newDriver();
    await driver.open('lookup');
    await driver.type('09181234567');
    await driver.tapText('查询', { within: TOP, exact: true });
    await driver.waitForText('菲律宾 · Smart');
    // The yuan price comes with the rate, a moment after the card.
    await driver.waitForText('¥12.35');
    const before = await driver.text();
    await openContacts(driver);
    await driver.tapText('（演示）不允许使用通讯录');
    await driver.waitForText('没有通讯录权限，号码没有改动');
    const after = await driver.text();
    expect(after.replace(/没有通讯录权限[^。]*。[^ ]*/, '').replace(/\s+/g, ' ')).toBe(before.replace(/\s+/g, ' '));
    expect(after).toContain('0918***4567');
    expect(after).toContain('立即续费');
    expect(driver.problems).toEqual([]);
  }, 60000);

  test('a recent number removed with its ×, then 清空 after a confirm; a bound number stays', async () => {
    const driver = await newDriver();
    await driver.open('lookup');
    await driver.withServices(() => {
      const { cards, clock } = (window as any).__preview.services();
      cards.bind({ phone: '15900159000', region: 'CN', carrier: 'cmcc', cardType: 'phone', nickname: '我的主卡', isDefault: true, boundAt: clock.now(), verifiedBy: 'sms', remindDaysBefore: 3 });
    });
    for (const phone of ['13800138000', '18600186002', '13300133003']) {
      await driver.type(phone);
      await driver.tapText('查询', { within: TOP, exact: true });
      await driver.waitForText('立即续费');
    }
    await driver.waitForText('133****3003');
    const list = () => driver.current().locator('[class*="quick__row"]');
    await driver.page.waitForFunction(() => document.querySelectorAll('#screen > .page-slot:not([hidden]) [class*="quick__row"]').length === 4);
    // The bound number first, then the recent ones, newest first.
    expect((await list().first().innerText()).replace(/\s+/g, ' ')).toContain('159****9000 我的主卡');
    expect((await list().nth(1).innerText()).replace(/\s+/g, ' ')).toContain('133****3003');
    await list().nth(2).locator('[class*="quick__remove"]').click();
    await driver.settle();
    await driver.page.waitForFunction(() => document.querySelectorAll('#screen > .page-slot:not([hidden]) [class*="quick__row"]').length === 3);
    expect(await driver.current().innerText()).not.toContain('186****6002');
    await driver.tapText('清空最近查询');
    await driver.waitForText('最近查询过的号码都会删除');
    await driver.tapText('取消', { exact: true, within: '#overlay' });
    expect(await list().count()).toBe(3);
    await driver.tapText('清空最近查询');
    await driver.tapText('清空', { exact: true, within: '#overlay' });
    await driver.page.waitForFunction(() => document.querySelectorAll('#screen > .page-slot:not([hidden]) [class*="quick__row"]').length === 1);
    expect((await list().first().innerText()).replace(/\s+/g, ' ')).toContain('159****9000 我的主卡');
    expect(await driver.current().innerText()).not.toContain('清空最近查询');
    expect(driver.problems).toEqual([]);
  }, 60000);
});
