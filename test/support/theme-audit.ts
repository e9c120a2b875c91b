/**
 * The browser theme audit (test/browser/theme-*.e2e.test.ts): walks the demo stories
 * (scripts/preview/stories.js: every page, the pay sheet, the privacy pop-up, the records
 * filter open), and at each state reads the computed colours in Chromium, light and dark.
 * Body text must reach 4.5:1 against what is behind it (large text 3:1), nothing may show
 * one of Vant's untouched default colours, dark mode may paint no white surface, and the
 * navigation and tab bars must show what app.json and theme.json declare. In 长辈模式 the
 * same again, and no text cut off or past the phone's edge, tap targets of at least 48 px.
 */
import fs from 'fs';
import path from 'path';
import type { Page } from 'playwright-core';
import { PreviewDriver } from '../../scripts/preview/driver';
import { STORIES } from '../../scripts/preview/stories';
import { auditColours, rgbKey, VANT_DEFAULTS, type AuditOptions } from './colour-audit';
import { auditCare, type CareAuditOptions } from './care-audit';
import type { PreviewSession } from './preview-session';
import { CARE_SCALE, STANDARD_ROOT_PX } from '../../miniprogram/view/care';

export type Scheme = 'light' | 'dark';
export const SCHEMES: Scheme[] = ['light', 'dark'];
const MP = path.resolve(__dirname, '../../miniprogram');
export const appJson = JSON.parse(fs.readFileSync(path.join(MP, 'app.json'), 'utf8'));
const themeFile = path.join(MP, appJson.themeLocation ?? 'theme.json');
export const themeJson: Record<Scheme, Record<string, string>> = fs.existsSync(themeFile) ? JSON.parse(fs.readFileSync(themeFile, 'utf8')) : { light: {}, dark: {} };

/** An app.json value as WeChat reads it: "@name" comes from theme.json for the current scheme. */
export function resolve(value: string | undefined, scheme: Scheme): string | undefined {
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

export interface FrameColours {
  navBackground: string;
  navTitle: string;
  tabBackground: string | null;
  tabs: { text: string; color: string; icon: string | null; active: boolean }[];
  pageBackground: string;
}

export async function frameColours(page: Page): Promise<FrameColours> {
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

export function rgbOf(hex: string | undefined): string {
  return hex ? `rgb(${rgbKey(hex).split(',').join(', ')})` : '(not declared)';
}

/** What the frame shows against what WeChat would draw from app.json + theme.json. */
export function frameProblems(frame: FrameColours, scheme: Scheme): string[] {
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

/** Every story's states, light and dark (care: in 长辈模式, with its own checks), judged as above. */
export async function auditEveryPage(session: PreviewSession, care: boolean): Promise<void> {
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
      // Vant's radios fade their colours over 0.2 s: judge the colours they end on.
      await d.afterAnimations();
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
    const context = await session.browser.newContext({ viewport: { width: 375, height: 2400 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', colorScheme: 'light' });
    const page = await context.newPage();
    const d = new PreviewDriver(page, session.url, { query: care ? 'care=1' : '' });
    try {
      for (const step of story.steps) {
        if (step.do) await step.do(d);
        if (!step.shot) continue;
        await d.settle();
        await audit(d, step.shot.replace(/\.png$/, ''));
        const extra = EXTRA[step.shot];
        if (extra) {
          await extra.run(d);
          await d.settle();
          await audit(d, extra.name);
          await extra.undo(d);
          await d.settle();
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
}
