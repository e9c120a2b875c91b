/** @jest-environment node */
/**
 * A long records list in a real browser, through the preview: 150 renewals, scrolled with
 * the mouse wheel to the end and back, a row swiped open with the mouse and deleted, and
 * a search cleared by 清除筛选. Skipped, and said so, when Chromium is not installed.
 */
import type { Page } from 'playwright-core';
import { PreviewDriver } from '../../scripts/preview/driver';
import { describeInBrowser, usePreviewSession } from '../support/preview-session';
import { KEY_PREFIX } from '../../scripts/preview/shell/storage';
import { ShardedRecordStore } from '../../miniprogram/services/records/store';
import { WxKeyValueStorage } from '../../miniprogram/services/wx/storage';
import { WxStorageFake } from '../support/wx-storage-fake';
import { realOrder } from '../support/records-orders';

const RECORDS = 150;
const NOW = Date.parse('2026-11-25T10:00:00+08:00');
const CURRENT = '#screen > .page-slot:not([hidden])';

/** 150 succeeded renewals, one every 20 hours back from now, as the real store writes them; one in ten for a second number. */
function seededStorage(): [string, string][] {
  const fake = new WxStorageFake({ maxItemBytes: Infinity, maxTotalBytes: Infinity });
  const store = new ShardedRecordStore(new WxKeyValueStorage(fake), { now: () => NOW, sleep: async () => undefined });
  store.open();
  for (let i = 0; i < RECORDS; i += 1) {
    const stored = store.append(realOrder({ serial: i + 1, at: NOW - 3600_000 - i * 20 * 3600_000, pick: i % 4, ...(i % 10 === 3 ? { phone: '18600186002' } : {}) }));
    if (!stored.ok) throw new Error(stored.message);
  }
  return fake.entries();
}

/** Rows and WXML elements the page on top renders now. */
async function rendered(page: Page): Promise<{ rows: number; nodes: number; first: string; heading: string; scrollTop: number; scrollHeight: number }> {
  return page.evaluate((current) => {
    const slot = document.querySelector(current) as HTMLElement;
    const rows = slot.querySelectorAll('[class*="row__main"]');
    const heading = slot.querySelector('[class*="month__head"]');
    return {
      rows: rows.length,
      nodes: slot.querySelectorAll('*').length,
      first: rows[0] ? (rows[0].textContent ?? '').trim() : '',
      heading: heading ? (heading.textContent ?? '').replace(/\s+/g, ' ').trim() : '',
      scrollTop: slot.scrollTop,
      scrollHeight: slot.scrollHeight,
    };
  }, CURRENT);
}

describeInBrowser('browser records e2e')('a long records list in the browser preview', () => {
  const session = usePreviewSession('records');
  let driver: PreviewDriver;
  let page: Page;

  beforeAll(async () => {
    page = await session.browser.newPage({ viewport: { width: 375, height: 740 } });
    driver = new PreviewDriver(page, session.url);
    // The records go into the preview's wx storage before the app starts.
    await driver.open('home');
    await page.evaluate(
      ({ entries, prefix }) => {
        window.localStorage.clear();
        for (const [key, text] of entries) window.localStorage.setItem(prefix + key, text);
      },
      { entries: seededStorage(), prefix: KEY_PREFIX },
    );
    // A fresh start over the seeded storage (open() alone only changes the address's #).
    await page.goto('about:blank');
  }, 90000);

  test('scrolled with the wheel to the end and back, the page renders a few rows at a time and finds the top as it was', async () => {
    await driver.open('records');
    await driver.waitForPage('records');
    await driver.waitForText('充值成功');
    const top = await rendered(page);
    expect(top.heading).toContain('2026年11月');
    // Each row's time and its number line stay on one line each (issue 12, item 15).
    const wrapped = await page.evaluate((current) => {
      const lines = Array.from(document.querySelector(current)!.querySelectorAll('[class*="row__time"], [class*="row__sub"]'));
      return {
        count: lines.length,
        wrapped: lines
          .filter((el) => {
            const style = getComputedStyle(el);
            // 'normal' line height is about 1.2 em; a second line would double the box.
            const line = parseFloat(style.lineHeight) || 1.2 * parseFloat(style.fontSize);
            return el.getBoundingClientRect().height > 1.5 * line;
          })
          .map((el) => el.textContent),
      };
    }, CURRENT);
    expect(wrapped.count).toBeGreaterThan(10);
    expect(wrapped.wrapped).toEqual([]);
    await page.mouse.move(187, 400);
    let most = top;
    for (let step = 0; step < 400; step += 1) {
      await page.mouse.wheel(0, 700);
      await page.waitForTimeout(100);
      const now = await rendered(page);
      most = { ...now, rows: Math.max(most.rows, now.rows), nodes: Math.max(most.nodes, now.nodes) };
      if ((await driver.text()).includes('没有更多了') && now.scrollTop + 800 >= now.scrollHeight) break;
    }
    expect(await driver.text()).toContain('没有更多了');
    expect(most.rows).toBeLessThanOrEqual(40);
    expect(most.nodes).toBeLessThan(1000);
    const bottom = await rendered(page);
    for (let step = 0; step < 400 && (await rendered(page)).scrollTop > 0; step += 1) {
      await page.mouse.wheel(0, -700);
      await page.waitForTimeout(100);
    }
    await page.waitForTimeout(200);
    const back = await rendered(page);
    expect(back.scrollHeight).toBe(bottom.scrollHeight);
    expect(back.first).toBe(top.first);
    expect(back.heading).toBe(top.heading);
    expect(driver.problems).toEqual([]);
  }, 180000);

  test('a row swiped left with the mouse shows 删除, which asks and then deletes it', async () => {
    await driver.open('records');
    await driver.waitForText('充值成功');
    const before = await rendered(page);
    const row = page.locator(CURRENT).locator('[class*="row__main"]').first();
    const box = (await row.boundingBox())!;
    await page.mouse.move(box.x + box.width - 30, box.y + box.height / 2);
    await page.mouse.down();
    for (let i = 1; i <= 10; i += 1) await page.mouse.move(box.x + box.width - 30 - i * 12, box.y + box.height / 2);
    await page.mouse.up();
    await page.waitForTimeout(700);
    // Dragging moved the row instead of selecting its text: 删除 is now on the phone's screen.
    expect(await page.evaluate(() => String(window.getSelection() ?? ''))).toBe('');
    const button = (await page.locator(CURRENT).locator('[class*="row__delete"]').first().boundingBox())!;
    const phone = (await page.locator('#screen').boundingBox())!;
    expect(button.x).toBeGreaterThanOrEqual(phone.x + phone.width - button.width - 1);
    expect(button.x + button.width).toBeLessThanOrEqual(phone.x + phone.width + 1);
    await page.mouse.click(button.x + button.width / 2, button.y + button.height / 2);
    await driver.settle();
    await driver.waitForText('删除这条记录？');
    await driver.tapText('删除', { within: '.shell-modal', exact: true });
    await driver.waitForText('已删除');
    const after = await rendered(page);
    expect(after.first).not.toBe(before.first);
    expect(after.scrollHeight).toBeLessThan(before.scrollHeight);
  }, 60000);

  test('清除筛选 empties the search box as well as the filters', async () => {
    await driver.open('records');
    await driver.waitForText('充值成功');
    await driver.type('zzz', { placeholder: '搜索订单号' });
    await driver.waitForText('没有符合条件的记录');
    await driver.tapText('清除筛选');
    await driver.waitForText('充值成功');
    const box = page.locator(CURRENT).locator('input.shell-native-input').first();
    expect(await box.inputValue()).toBe('');
  }, 60000);

  test('a search typed the way the list shows a number (186****6002), or its last four digits, finds that number\'s renewals only (issue 12, item 13)', async () => {
    await driver.open('records');
    await driver.waitForText('充值成功');
    const rowsText = () =>
      page.evaluate((current) => Array.from(document.querySelector(current)!.querySelectorAll('[class*="row__main"]')).map((r) => (r.textContent ?? '').replace(/\s+/g, ' ')), CURRENT);
    expect((await rowsText()).some((t) => t.includes('138****8000'))).toBe(true);
    for (const query of ['186****6002', '6002']) {
      await driver.type(query, { placeholder: '搜索订单号' });
      await page.waitForTimeout(400);
      const rows = await rowsText();
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.every((t) => t.includes('186****6002'))).toBe(true);
      await driver.type('', { placeholder: '搜索订单号' });
      await driver.waitForText('138****8000');
    }
  }, 60000);
});
