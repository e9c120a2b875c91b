/** @jest-environment node */
/**
 * Every page of the browser preview, light and dark, as a person sees it: walks the demo
 * stories (scripts/preview/stories.js: every page, the pay sheet, the privacy pop-up, the
 * records filter open), and at each state reads the computed colours in Chromium. Body
 * text must reach 4.5:1 against what is behind it (large text 3:1), nothing may show one
 * of Vant's untouched default colours, dark mode may paint no white surface, and the
 * navigation and tab bars must show what app.json and theme.json declare. In 长辈模式
 * (?care=1, type at 1.6×) every page again, light and dark: the same colour checks, no text
 * cut off or past the phone's edge, and tap targets of at least 48 px.
 * Skipped, and said so, when Chromium is not installed (scripts/install-chromium.sh).
 */
import fs from 'fs';
import os from 'os';
import path from 'path';
import type { Browser, Page } from 'playwright-core';
import { buildPreview } from '../../scripts/preview/build';
import { startPreviewServer, type PreviewServer } from '../../scripts/preview/serve';
import { findChromium, launchChromium } from '../../scripts/preview/browser';
import { PreviewDriver } from '../../scripts/preview/driver';
import { STORIES } from '../../scripts/preview/stories';
import { auditColours, rgbKey, VANT_DEFAULTS, type AuditOptions } from '../support/colour-audit';
import { auditCare, type CareAuditOptions } from '../support/care-audit';
import { CARE_SCALE, STANDARD_ROOT_PX } from '../../miniprogram/view/care';

const chromium = findChromium();
if (!chromium) console.warn('theme e2e skipped: chromium not installed (run scripts/install-chromium.sh as root)');
const describeInBrowser = chromium ? describe : describe.skip;

type Scheme = 'light' | 'dark';
const SCHEMES: Scheme[] = ['light', 'dark'];
const MP = path.resolve(__dirname, '../../miniprogram');
const appJson = JSON.parse(fs.readFileSync(path.join(MP, 'app.json'), 'utf8'));
const themeFile = path.join(MP, appJson.themeLocation ?? 'theme.json');
const themeJson: Record<Scheme, Record<string, string>> = fs.existsSync(themeFile) ? JSON.parse(fs.readFileSync(themeFile, 'utf8')) : { light: {}, dark: {} };

/** An app.json value as WeChat reads it: "@name" comes from theme.json for the current scheme. */
function resolve(value: string | undefined, scheme: Scheme): string | undefined {
  return value && value.startsWith('@') ? themeJson[scheme][value.slice(1)] : value;
}

const STRAY: Record<string, string> = Object.fromEntries(Object.entries(VANT_DEFAULTS).map(([hex, why]) => [rgbKey(hex), `${hex} ${why}`]));
const BRAND = 'rgb(7, 193, 96)';

/** States reached beyond the stories' own steps, after the step that leads there. */
const EXTRA: Record<string, { name: string; run: (d: PreviewDriver) => Promise<void>; undo: (d: PreviewDriver) => Promise<void> }> = {
  'records-filled.png': {
    name: 'records-filter-open',
    run: (d) => d.tapText('全部状态 ▾', { exact: true }),
    // The status chip opens an action sheet (pages/records): its 取消 closes it.
    undo: (d) => d.tapText('取消', { within: '.page-slot:not([hidden]) [class*="action-sheet__cancel"]', exact: true }),
  },
};

interface FrameColours {
  navBackground: string;
  navTitle: string;
  tabBackground: string | null;
  tabs: { text: string; color: string; icon: string | null; active: boolean }[];
  pageBackground: string;
}

async function frameColours(page: Page): Promise<FrameColours> {
  return page.evaluate(() => {
    const css = (el: Element | null, prop: string) => (el ? getComputedStyle(el).getPropertyValue(prop) : '');
    const tabbar = document.getElementById('tabbar');
    const pageEl = document.querySelector('#screen > .page-slot:not([hidden]) page');
    return {
      navBackground: css(document.querySelector('.navbar'), 'background-color'),
      navTitle: css(document.getElementById('nav-title'), 'color'),
      tabBackground: tabbar && !tabbar.hidden ? css(tabbar, 'background-color') : null,
      tabs: Array.from(document.querySelectorAll('#tabbar .tabbar__item')).map((item) => ({
        text: item.textContent?.trim() ?? '',
        color: css(item.querySelector('.tabbar__label') ?? item, 'color'),
        icon: item.querySelector('img')?.getAttribute('src') ?? null,
        active: item.classList.contains('is-active'),
      })),
      pageBackground: css(pageEl, 'background-color'),
    };
  });
}

function rgbOf(hex: string | undefined): string {
  return hex ? `rgb(${rgbKey(hex).split(',').join(', ')})` : '(not declared)';
}

/** What the frame shows against what WeChat would draw from app.json + theme.json. */
function frameProblems(frame: FrameColours, scheme: Scheme): string[] {
  const problems: string[] = [];
  const nav = rgbOf(resolve(appJson.window?.navigationBarBackgroundColor, scheme));
  if (frame.navBackground !== nav) problems.push(`navigation bar ${frame.navBackground}, declared ${nav}`);
  const navText = resolve(appJson.window?.navigationBarTextStyle, scheme) === 'white' ? 'rgb(255, 255, 255)' : 'rgb(0, 0, 0)';
  if (frame.navTitle !== navText) problems.push(`navigation title ${frame.navTitle}, declared ${navText}`);
  if (frame.tabBackground === null) return problems;
  const tabBar = appJson.tabBar ?? {};
  const tabBg = rgbOf(resolve(tabBar.backgroundColor, scheme));
  if (frame.tabBackground !== tabBg) problems.push(`tab bar ${frame.tabBackground}, declared ${tabBg}`);
  frame.tabs.forEach((tab, i) => {
    const item = tabBar.list?.[i] ?? {};
    const color = rgbOf(resolve(tab.active ? tabBar.selectedColor : tabBar.color, scheme));
    if (tab.color !== color) problems.push(`tab ${tab.text} label ${tab.color}, declared ${color}`);
    const icon = resolve(tab.active ? item.selectedIconPath : item.iconPath, scheme) ?? null;
    if (tab.icon !== icon) problems.push(`tab ${tab.text} icon ${tab.icon}, declared ${icon}`);
  });
  return problems;
}

describeInBrowser('theme in the browser preview: light and dark', () => {
  let outDir = '';
  let server: PreviewServer | null = null;
  let browser: Browser;
  let closeBrowser: (() => Promise<void>) | null = null;

  beforeAll(async () => {
    outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'preview-theme-'));
    await buildPreview({ outDir });
    server = await startPreviewServer({ dir: outDir, port: 0 });
    const launched = await launchChromium();
    browser = launched.browser;
    closeBrowser = launched.close;
  }, 60000);

  afterAll(async () => {
    await closeBrowser?.();
    await server?.close();
    if (outDir) fs.rmSync(outDir, { recursive: true, force: true });
  });


  const everyPage = (care: boolean) => async () => {
    const findings: string[] = [];
    const careFindings: string[] = [];
    const bodySizes = new Set<number>();
    const problems: string[] = [];
    const pageBackgrounds: Record<Scheme, Set<string>> = { light: new Set(), dark: new Set() };
    const lowest: Record<Scheme, number> = { light: Infinity, dark: Infinity };
    const lowestAt: Record<Scheme, string> = { light: '', dark: '' };
    const brandLabels = new Set<string>();
    const audited = new Set<string>();
    let judged = 0;

    const audit = async (d: PreviewDriver, state: string) => {
      // WeChat's toasts pass in a second or two: judge the page, not the passing message.
      await d.page.waitForSelector('#overlay .shell-toast', { state: 'detached', timeout: 2500 }).catch(() => undefined);
      for (const scheme of SCHEMES) {
        await d.page.emulateMedia({ colorScheme: scheme });
        // The preview follows the browser's scheme on its next frames, as WeChat follows the system.
        await d.page.waitForFunction((name) => document.documentElement.dataset.theme === name, scheme, { polling: 'raf', timeout: 5000 }).catch(async (error) => {
          const seen = await d.page.evaluate(() => ({ shown: document.documentElement.dataset.theme, systemDark: window.matchMedia('(prefers-color-scheme: dark)').matches }));
          throw new Error(`${state}: the preview did not follow the ${scheme} scheme (${JSON.stringify(seen)}): ${error}`);
        });
        // Vant's radios fade their colours over 0.2 s.
        await d.page.waitForTimeout(300);
        const frame = await frameColours(d.page);
        for (const problem of frameProblems(frame, scheme)) problems.push(`${scheme} ${state}: ${problem}`);
        if (frame.pageBackground) pageBackgrounds[scheme].add(frame.pageBackground);
        const options: AuditOptions = { scope: '#phone', themedScope: ['#screen', '#tabbar', '.navbar'], stray: STRAY, dark: scheme === 'dark', brandFill: BRAND };
        const result = await d.page.evaluate(auditColours, options);
        for (const f of result.findings) findings.push(`${scheme} ${state}: [${f.kind}] ${f.where} "${f.text}" ${f.detail}`);
        result.brandLabels.forEach((label) => brandLabels.add(label));
        if (result.judged && result.lowest < lowest[scheme]) {
          lowest[scheme] = result.lowest;
          lowestAt[scheme] = `${state}: ${result.lowestAt}`;
        }
        judged += result.judged;
        if (care && scheme === 'light') {
          const careOptions: CareAuditOptions = { scope: ['#screen > .page-slot:not([hidden])', '#overlay'], frame: '#phone', minTarget: 48 };
          const seen = await d.page.evaluate(auditCare, careOptions);
          const root = await d.page.evaluate(() => parseFloat(document.documentElement.style.fontSize));
          if (root !== STANDARD_ROOT_PX * CARE_SCALE) careFindings.push(`${state}: root font ${root}px, care asks ${STANDARD_ROOT_PX * CARE_SCALE}px`);
          if (seen.texts > 3) bodySizes.add(seen.bodyPx);
          for (const f of seen.findings) careFindings.push(`care ${state}: [${f.kind}] ${f.where} "${f.text}" ${f.detail}`);
        }
      }
      await d.page.emulateMedia({ colorScheme: 'light' });
      audited.add(state);
    };

    const runStory = async (story: (typeof STORIES)[number]) => {
      const context = await browser.newContext({ viewport: { width: 375, height: 2400 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', colorScheme: 'light' });
      const page = await context.newPage();
      const d = new PreviewDriver(page, server!.url, { query: care ? 'care=1' : '' });
      try {
        for (const step of story.steps) {
          if (step.do) await step.do(d);
          if (!step.shot) continue;
          await d.settle(400);
          await audit(d, step.shot.replace(/\.png$/, ''));
          const extra = EXTRA[step.shot];
          if (extra) {
            await extra.run(d);
            await d.settle(400);
            await audit(d, extra.name);
            await extra.undo(d);
            await d.settle(400);
          }
        }
        expect(d.problems).toEqual([]);
      } finally {
        await context.close();
      }
    };
    // A story mostly waits on the preview (settling after each step): three run at a time,
    // each in its own browser context (its own storage), which keeps this file off the
    // critical path of npm test.
    const queue = [...STORIES];
    await Promise.all(
      Array.from({ length: 3 }, async () => {
        for (let story = queue.shift(); story; story = queue.shift()) await runStory(story);
      }),
    );

    console.log(
      [
        `theme audit${care ? ' (长辈模式)' : ''}: ${audited.size} states × light/dark, ${judged} text elements judged${care ? `; body text ${[...bodySizes].sort().join('/')} px` : ''}`,
        `lowest body-text contrast: light ${lowest.light.toFixed(2)}:1 (${lowestAt.light}), dark ${lowest.dark.toFixed(2)}:1 (${lowestAt.dark})`,
        `white labels on WeChat green (#07c160, 2.4:1, WeChat's own primary button): ${[...brandLabels].join(' / ') || 'none'}`,
      ].join('\n'),
    );
    const kinds = new Map<string, number>();
    for (const line of [...problems.map(() => '[frame]'), ...findings]) {
      const kind = /\[([\w-]+)\]/.exec(line)?.[1] ?? 'frame';
      kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
    }
    const strays = new Map<string, number>();
    for (const line of findings) {
      const hex = /\[stray\].* (#[0-9a-f]{6}):/.exec(line)?.[1];
      if (hex) strays.set(hex, (strays.get(hex) ?? 0) + 1);
    }
    if (kinds.size) {
      console.log(
        `theme audit failures by kind: ${[...kinds].map(([k, n]) => `${k} ${n}`).join(', ')}` +
          (strays.size ? `; stray colours: ${[...strays].map(([hex, n]) => `${hex} ×${n}`).join(', ')}` : ''),
      );
    }
    expect(audited.size).toBeGreaterThanOrEqual(25);
    // One line per failure (the first 80), so a run shows everything left to fix.
    expect({ problems: problems.slice(0, 20), findings: findings.slice(0, 80) }).toEqual({ problems: [], findings: [] });
    // Dark mode really is dark, and differs from light.
    for (const bg of pageBackgrounds.dark) expect(Number(/\d+/.exec(bg)?.[0] ?? 255)).toBeLessThan(64);
    for (const bg of pageBackgrounds.light) expect(Number(/\d+/.exec(bg)?.[0] ?? 0)).toBeGreaterThan(200);
    if (care) {
      expect(careFindings.slice(0, 80)).toEqual([]);
      // Most pages' body text is at WeChat's care size (about 24 px) or near it.
      expect(Math.max(...bodySizes)).toBeGreaterThanOrEqual(22);
    }
  };

  test('every page: body text ≥ 4.5:1, no Vant default colours, bars as theme.json declares', everyPage(false), 300000);

  test('长辈模式, type at 1.6×: every page as above, no clipped or off-screen text, tap targets ≥ 48 px', everyPage(true), 300000);

  test('长辈模式 from the side panel or ?care=1 is the app\u2019s own setting; ?font=1.6 is WeChat\u2019s font size', async () => {
    const context = await browser.newContext({ viewport: { width: 1100, height: 800 } });
    const page = await context.newPage();
    const d = new PreviewDriver(page, server!.url);
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

      await page.goto(`${server!.url}?care=1#/lookup`);
      await page.waitForFunction(() => (window as any).__preview?.ready);
      expect((await shown()).root).toBe('25.6px');
      await page.goto(`${server!.url}?care=0&font=1.6#/lookup`);
      await page.waitForFunction(() => (window as any).__preview?.ready);
      expect(await shown()).toEqual({ root: '25.6px', care: false, panel: 'false' });
      expect(d.problems).toEqual([]);
    } finally {
      await context.close();
    }
  }, 60000);

  test('a screen reader in the preview finds the labels: amount chips, the confirm page\u2019s number and amount, the pay sheet\u2019s ✕', async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 1400 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const page = await context.newPage();
    const d = new PreviewDriver(page, server!.url);
    const phone = page.locator('#phone');
    const seen: string[] = [];
    try {
      const renewal = STORIES.find((story) => story.name === 'renewal')!;
      for (const step of renewal.steps) {
        if (step.do) await step.do(d);
        await d.settle(300);
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
    const context = await browser.newContext({ viewport: { width: 1100, height: 800 }, colorScheme: 'light' });
    const page = await context.newPage();
    const d = new PreviewDriver(page, server!.url);
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

      await page.goto(`${server!.url}?theme=dark#/records`);
      await page.waitForFunction(() => (window as any).__preview?.ready);
      expect((await shown()).page).toBe(rgbOf(themeJson.dark.bgColor));
      expect(d.problems).toEqual([]);
    } finally {
      await context.close();
    }
  }, 60000);
});
