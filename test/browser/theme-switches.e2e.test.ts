/** @jest-environment node */
/**
 * The preview's own switches for theme and 长辈模式 (its side panel, ?theme=, ?care=, ?font=),
 * and what a screen reader finds on the renewal path.
 */
import { PreviewDriver } from '../../scripts/preview/driver';
import { STORIES } from '../../scripts/preview/stories';
import { describeInBrowser, usePreviewSession } from '../support/preview-session';
import { appJson, frameColours, frameProblems, resolve, rgbOf, themeJson } from '../support/theme-audit';

describeInBrowser('theme switches e2e')('theme and 长辈模式 switches in the browser preview', () => {
  const session = usePreviewSession('switches');

  test('长辈模式 from the side panel or ?care=1 is the app\u2019s own setting; ?font=1.6 is WeChat\u2019s font size', async () => {
    const context = await session.browser.newContext({ viewport: { width: 1100, height: 800 } });
    const page = await context.newPage();
    const d = new PreviewDriver(page, session.url);
    try {
      const shown = () =>
        page.evaluate(() => ({
          root: document.documentElement.style.fontSize,
          // The page root's class `care` (scoped by simulate as page--care / main--care).
          care: Array.from(document.querySelectorAll('#screen > .page-slot:not([hidden]) *')).some((el) => /(^|\s|--)care(\s|$)/.test(el.getAttribute('class') ?? '')),
          panel: document.getElementById('care-switch')?.getAttribute('aria-checked'),
        }));
      await d.open('mine');
      expect(await shown()).toEqual({ root: '16px', care: false, panel: 'false' });
      await page.locator('#care-switch').click();
      await d.settle();
      expect(await shown()).toEqual({ root: '25.6px', care: true, panel: 'true' });
      // The same setting as 我的's switch: the app stored it and reads it back after a reload.
      await page.reload();
      await page.waitForFunction(() => (window as any).__preview?.ready);
      expect(await shown()).toEqual({ root: '25.6px', care: true, panel: 'true' });
      await d.tap('#screen > .page-slot:not([hidden]) [class*="care-switch"]');
      expect(await shown()).toEqual({ root: '16px', care: false, panel: 'false' });

      await page.goto(`${session.url}?care=1#/lookup`);
      await page.waitForFunction(() => (window as any).__preview?.ready);
      expect((await shown()).root).toBe('25.6px');
      await page.goto(`${session.url}?care=0&font=1.6#/lookup`);
      await page.waitForFunction(() => (window as any).__preview?.ready);
      expect(await shown()).toEqual({ root: '25.6px', care: false, panel: 'false' });
      expect(d.problems).toEqual([]);
    } finally {
      await context.close();
    }
  }, 60000);

  test('a screen reader in the preview finds the labels: amount chips, the confirm page\u2019s number and amount, the pay sheet\u2019s ✕', async () => {
    const context = await session.browser.newContext({ viewport: { width: 375, height: 1400 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const page = await context.newPage();
    const d = new PreviewDriver(page, session.url);
    const phone = page.locator('#phone');
    const seen: string[] = [];
    try {
      const renewal = STORIES.find((story) => story.name === 'renewal')!;
      for (const step of renewal.steps) {
        if (step.do) await step.do(d);
        await d.settle();
        if (step.shot === 'packages.png') {
          await expect(phone.getByRole('radio', { name: '充值 ¥50，推荐' }).getAttribute('aria-checked')).resolves.toBe('true');
          seen.push('packages');
        }
        if (step.shot === 'confirm.png') {
          await expect(phone.locator('[aria-label^="充值号码"]').first().getAttribute('aria-label')).resolves.toBe('充值号码 138 0013 8000，支付 ¥50.00，请核对号码');
          seen.push('confirm');
        }
        if (step.shot === 'pay-sheet.png') {
          await expect(phone.getByRole('button', { name: '关闭，取消支付' }).isVisible()).resolves.toBe(true);
          await expect(phone.getByRole('radio', { name: '模拟结果：正常支付' }).getAttribute('aria-checked')).resolves.toBe('true');
          seen.push('pay sheet');
          break;
        }
      }
      expect(seen).toEqual(['packages', 'confirm', 'pay sheet']);
      expect(d.problems).toEqual([]);
    } finally {
      await context.close();
    }
  }, 90000);

  test('the side panel switches light/dark over the system theme; ?theme=dark asks for dark', async () => {
    const context = await session.browser.newContext({ viewport: { width: 1100, height: 800 }, colorScheme: 'light' });
    const page = await context.newPage();
    const d = new PreviewDriver(page, session.url);
    try {
      const shown = () =>
        page.evaluate(() => ({
          theme: (window as any).wx.getSystemInfoSync().theme,
          page: getComputedStyle(document.querySelector('#screen > .page-slot:not([hidden]) page')!).backgroundColor,
          icon: document.querySelector('#tabbar .tabbar__item.is-active img')?.getAttribute('src'),
        }));
      await d.open('home');
      expect(await shown()).toEqual({ theme: 'light', page: rgbOf(themeJson.light.bgColor), icon: resolve(appJson.tabBar.list[0].selectedIconPath, 'light') });
      await page.getByRole('button', { name: '深色', exact: true }).click();
      await d.settle();
      expect(await shown()).toEqual({ theme: 'dark', page: rgbOf(themeJson.dark.bgColor), icon: resolve(appJson.tabBar.list[0].selectedIconPath, 'dark') });
      expect(frameProblems(await frameColours(page), 'dark')).toEqual([]);
      // A forced choice holds when the system changes, and survives a reload.
      await page.emulateMedia({ colorScheme: 'light' });
      await page.reload();
      await page.waitForFunction(() => (window as any).__preview?.ready);
      expect((await shown()).theme).toBe('dark');
      await page.getByRole('button', { name: '跟随系统', exact: true }).click();
      await d.settle();
      expect((await shown()).theme).toBe('light');

      await page.goto(`${session.url}?theme=dark#/records`);
      await page.waitForFunction(() => (window as any).__preview?.ready);
      expect((await shown()).page).toBe(rgbOf(themeJson.dark.bgColor));
      expect(d.problems).toEqual([]);
    } finally {
      await context.close();
    }
  }, 60000);
});
