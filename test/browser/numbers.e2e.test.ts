/** @jest-environment node */
/**
 * Issue 15's journeys in a real browser, through the preview of the real pages: the home
 * page's most urgent card and its notice, the 保号计划's one-tap renewal, reminders that
 * follow the plan's dates on an expired card, and the scam warning. Each starts from
 * empty storage with demo numbers bound the way the bind page leaves them (seeded through
 * the app's own card book), then goes by taps. Skipped, and said so, without Chromium.
 */
import { PreviewDriver } from '../../scripts/preview/driver';
import { describeInBrowser, usePreviewSession } from '../support/preview-session';

/** Binds demo numbers in the running app, as the bind page would (nickname, card type). */
async function bindDemo(driver: PreviewDriver, cards: { phone: string; carrier: string; cardType: string; nickname?: string }[]): Promise<void> {
  await driver.withServices((list) => {
    const { cards: book, clock } = (window as any).__preview.services();
    for (const card of list) {
      book.bind({
        phone: card.phone,
        region: card.carrier === 'smart' ? 'PH' : 'CN',
        carrier: card.carrier,
        cardType: card.cardType,
        nickname: card.nickname ?? '',
        isDefault: false,
        boundAt: clock.now(),
        verifiedBy: 'sms',
        remindDaysBefore: 3,
      });
    }
  }, cards);
}

describeInBrowser('browser e2e')('issue 15 in the browser preview', () => {
  const session = usePreviewSession('numbers');
  let newDriver: () => Promise<PreviewDriver>;

  beforeAll(async () => {
    // A fresh browser context per journey: empty storage.
    newDriver = async () => {
      const context = await session.browser.newContext({ viewport: { width: 375, height: 740 } });
      return new PreviewDriver(await context.newPage(), session.url);
    };
  }, 60000);

  test('首页 puts what needs doing first, and its notice opens the renewal for the most urgent card', async () => {
    const driver = await newDriver();
    await driver.open('mine');
    await bindDemo(driver, [
      { phone: '13800138000', carrier: 'cmcc', cardType: 'phone' },
      { phone: '18600186002', carrier: 'cucc', cardType: 'phone', nickname: '妈妈' },
      { phone: '15900159000', carrier: 'cmcc', cardType: 'phone', nickname: '爸爸' },
      { phone: '19200192000', carrier: 'cbn', cardType: 'data' },
      { phone: '16600166000', carrier: 'cucc', cardType: 'esim' },
    ]);
    await driver.tapText('首页', { within: '#tabbar' });
    await driver.waitForPage('home');
    // The suspended card comes first, and the notice names it.
    await driver.waitForText('爸爸 159****9000 已停机，欠费 ¥12.30 · 去充值');
    await driver.waitForText('剩余流量 300MB');
    // Then 2, 20, 45 and 60 days left, in that order on screen.
    const numbers = await driver.current().locator('[class*="card__number"]').allInnerTexts();
    expect(numbers.map((n) => n.trim())).toEqual(['159****9000', '186****6002', '192****2000', '138****8000', '166****6000']);
    expect(await driver.text()).toContain('已欠费 ¥12.30 停机，充值 ¥13 以上可恢复');
    const home = await driver.text();
    expect(home).toContain('北京');
    expect(home).toContain('广东 深圳');
    expect(home).toContain('归属地未知');

    await driver.tapText('爸爸 159****9000 已停机，欠费 ¥12.30 · 去充值');
    await driver.waitForPage('packages');
    await driver.waitForText('159****9000');
    expect(driver.problems).toEqual([]);
  }, 60000);

  test('保号计划: from 我的, the timeline most urgent first, one tap renews the card due next with its option', async () => {
    const driver = await newDriver();
    await driver.open('mine');
    await bindDemo(driver, [
      { phone: '13800138000', carrier: 'cmcc', cardType: 'phone' },
      { phone: '13300133003', carrier: 'ctcc', cardType: 'phone' },
      { phone: '09181234567', carrier: 'smart', cardType: 'keep' },
    ]);
    await driver.tapText('首页', { within: '#tabbar' });
    await driver.tapText('我的', { within: '#tabbar' });
    await driver.waitForText('我的号码（3）');
    await driver.tapText('每张卡最晚哪天续费，一年最少花多少钱');
    await driver.waitForPage('plan');
    await driver.waitForText('未来 12 个月保号合计');
    // Cards never looked up are looked up on the page.
    await driver.waitForText('133****3003');
    await driver.waitForText('已过期');
    const plan = await driver.text();
    expect(plan).toContain('3 张卡');
    expect(plan).toContain('菲律宾 · Smart');
    // Converted at the carrier gateway's quote, with its time.
    expect(plan).toMatch(/比索按 ₱1 ≈ ¥0\.1235 换算（\d\d:\d\d 运营商报价）/);
    expect(plan.indexOf('133****3003')).toBeLessThan(plan.indexOf('138****8000'));

    await driver.tapText(/^续费 133\*{4}3003 · /);
    await driver.waitForPage('packages');
    await driver.waitForText('已选：');
    expect(await driver.text()).toContain('133****3003');
    expect(driver.problems).toEqual([]);
  }, 60000);

  test('an expired card is still reminded before its number may be recycled, and a changed choice never contradicts the calendar', async () => {
    const driver = await newDriver();
    await driver.open('mine');
    await bindDemo(driver, [{ phone: '13300133003', carrier: 'ctcc', cardType: 'phone' }]);
    await driver.go('card?phone=13300133003');
    await driver.waitForPage('card');
    await driver.waitForText('还没有设置提醒方式');
    expect(await driver.text()).toContain('之后号码可能被回收');

    await driver.tapText('添加到手机日历', { exact: true });
    await driver.waitForText('已停机');
    await driver.tapText('添加', { exact: true, within: '.shell-modal' });
    await driver.waitForText('会响铃提醒');
    expect(await driver.text()).toContain('通过手机日历提醒你续费保号');

    await driver.tapText('到期前 7 天', { exact: true });
    await driver.waitForText('更新手机日历里的提醒？');
    await driver.tapText('先不用', { exact: true });
    await driver.waitForText('现在应在');
    const card = await driver.text();
    expect(card).toContain('更新手机日历');
    expect(card).not.toContain('会响铃提醒');
    expect(driver.problems).toEqual([]);
  }, 60000);

  test('帮助与客服 opens with the scam warning, and its 110 button dials', async () => {
    const driver = await newDriver();
    await driver.open('help');
    await driver.waitForText('谨防充值诈骗');
    expect(await driver.text()).toContain('“慢充”');
    await driver.tapText('拨打 110 报警');
    await driver.waitForText('呼叫 110');
    expect(driver.problems).toEqual([]);
  }, 60000);
});
