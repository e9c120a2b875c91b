/** @jest-environment node */
/**
 * The colour table without a browser: one table (styles/theme.wxss) that every wxss
 * uses, the same tokens in light and dark, theme.json agreeing with it, text pairs
 * reaching WCAG's 4.5:1, and the pictures app.json and the pages point at existing,
 * small, WeChat-sized PNGs. test/support/theme-audit.ts (the theme-*.e2e tests) measures the rendered pages.
 */
import fs from 'fs';
import path from 'path';
import { readPngHeader } from '../../scripts/assets/png';
import { contrastRatio } from '../support/contrast';

const MP = path.resolve(__dirname, '../../miniprogram');
const read = (rel: string) => fs.readFileSync(path.join(MP, rel), 'utf8');
const THEME_WXSS = 'styles/theme.wxss';

function walk(dir: string, ext: string): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync(path.join(MP, dir), { withFileTypes: true })) {
    const rel = path.posix.join(dir, entry.name);
    if (entry.isDirectory() && entry.name !== 'miniprogram_npm') found.push(...walk(rel, ext));
    else if (entry.isFile() && entry.name.endsWith(ext)) found.push(rel);
  }
  return found;
}

/** `--theme-*` declarations of the light block (the first `page {}`) and the dark one. */
function palette(): Record<'light' | 'dark', Record<string, string>> {
  const css = read(THEME_WXSS).replace(/\/\*[\s\S]*?\*\//g, '');
  const dark = /@media\s*\(prefers-color-scheme:\s*dark\)\s*\{([\s\S]*?\})\s*\}/.exec(css);
  if (!dark) throw new Error(`${THEME_WXSS} has no dark block`);
  const declarations = (block: string) => Object.fromEntries([...block.matchAll(/(--theme-[\w-]+):\s*([^;]+);/g)].map((m) => [m[1], m[2].trim()]));
  const light = css.slice(0, dark.index);
  return { light: declarations(light), dark: declarations(dark[1]) };
}

const appJson = JSON.parse(read('app.json'));
const themeJson = JSON.parse(read(appJson.themeLocation ?? 'theme.json')) as Record<'light' | 'dark', Record<string, string>>;
const table = palette();
const COLOUR_LITERAL = /#[0-9a-f]{3,8}\b|\b(?:rgba?|hsla?)\(/i;

describe('one colour table', () => {
  test('light and dark define the same tokens', () => {
    expect(Object.keys(table.light).length).toBeGreaterThan(20);
    expect(Object.keys(table.dark).sort()).toEqual(Object.keys(table.light).sort());
  });

  test.each(walk('.', '.wxss').filter((f) => f !== THEME_WXSS))('%s writes no colour of its own', (file) => {
    const lines = read(file)
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .split('\n')
      .filter((line) => COLOUR_LITERAL.test(line));
    expect(lines).toEqual([]);
  });

  test('every --theme-* a wxss uses is in the table', () => {
    const used = new Set<string>();
    for (const file of walk('.', '.wxss')) for (const m of read(file).matchAll(/var\((--theme-[\w-]+)/g)) used.add(m[1]);
    expect([...used].filter((name) => !(name in table.light))).toEqual([]);
  });

  // Text tokens against the surfaces they are used on; WCAG AA body text needs 4.5:1.
  const TEXT_ON: [string, string[]][] = [
    ['--theme-text', ['--theme-page', '--theme-surface', '--theme-surface-sunken', '--theme-brand-tint', '--theme-warning-tint', '--theme-danger-tint']],
    ['--theme-text-muted', ['--theme-page', '--theme-surface', '--theme-surface-sunken', '--theme-bar', '--theme-brand-tint', '--theme-warning-tint', '--theme-danger-tint']],
    ['--theme-brand-text', ['--theme-page', '--theme-surface', '--theme-surface-sunken', '--theme-bar', '--theme-brand-tint']],
    ['--theme-danger', ['--theme-page', '--theme-surface', '--theme-danger-tint']],
    ['--theme-warning', ['--theme-page', '--theme-surface', '--theme-warning-tint']],
    ['--theme-link', ['--theme-surface']],
    ['--theme-tag-text', ['--theme-brand-text', '--theme-danger', '--theme-warning', '--theme-text-muted']],
    ['--theme-on-fill', ['--theme-danger-fill']],
  ];
  test.each(['light', 'dark'] as const)('%s: text tokens reach 4.5:1 on their surfaces', (scheme) => {
    const weak: string[] = [];
    for (const [text, surfaces] of TEXT_ON) {
      for (const surface of surfaces) {
        const ratio = contrastRatio(table[scheme][text], table[scheme][surface]);
        if (!(ratio >= 4.5)) weak.push(`${text} on ${surface}: ${ratio.toFixed(2)}:1`);
      }
    }
    expect(weak).toEqual([]);
  });
});

describe('theme.json and app.json', () => {
  test('dark mode is on and every @name app.json uses exists in light and dark', () => {
    expect(appJson.darkmode).toBe(true);
    expect(appJson.themeLocation).toBe('theme.json');
    const names = JSON.stringify({ window: appJson.window, tabBar: appJson.tabBar }).match(/"@[\w]+"/g) ?? [];
    expect(names.length).toBeGreaterThan(10);
    for (const quoted of names) {
      const name = quoted.slice(2, -1);
      expect([name, themeJson.light[name] !== undefined, themeJson.dark[name] !== undefined]).toEqual([name, true, true]);
    }
    expect(Object.keys(themeJson.dark).sort()).toEqual(Object.keys(themeJson.light).sort());
  });

  test.each(['light', 'dark'] as const)('%s: the bars WeChat draws use the table colours', (scheme) => {
    const t = themeJson[scheme];
    const p = table[scheme];
    expect({ nav: t.navBgColor, window: t.bgColor, tab: t.tabBgColor, tabText: t.tabColor, tabSelected: t.tabSelectedColor }).toEqual({
      nav: p['--theme-page'],
      window: p['--theme-page'],
      tab: p['--theme-bar'],
      tabText: p['--theme-text-muted'],
      tabSelected: p['--theme-brand-text'],
    });
    expect(t.navTextStyle).toBe(scheme === 'dark' ? 'white' : 'black');
    expect(t.bgTextStyle).toBe(scheme === 'dark' ? 'light' : 'dark');
  });
});

describe('pictures in the package', () => {
  const png = (rel: string) => {
    const file = path.join(MP, rel);
    expect([rel, fs.existsSync(file)]).toEqual([rel, true]);
    const bytes = fs.readFileSync(file);
    return { header: readPngHeader(bytes), size: bytes.length };
  };

  test.each(['light', 'dark'] as const)('%s: each tab has a normal and a selected PNG icon, 81 × 81, at most 40 KB', (scheme) => {
    const list = appJson.tabBar.list as { text: string; iconPath: string; selectedIconPath: string }[];
    expect(list).toHaveLength(4);
    for (const tab of list) {
      for (const value of [tab.iconPath, tab.selectedIconPath]) {
        const rel = value.startsWith('@') ? themeJson[scheme][value.slice(1)] : value;
        const { header, size } = png(rel);
        expect({ rel, width: header?.width, height: header?.height }).toEqual({ rel, width: 81, height: 81 });
        expect(size).toBeLessThanOrEqual(40 * 1024);
      }
    }
  });

  test('every <van-empty> shows a small local picture, not a name Vant loads from its CDN', () => {
    const empties = walk('.', '.wxml').flatMap((file) => [...read(file).matchAll(/<van-empty\b[^>]*>/g)].map((m) => ({ file, tag: m[0] })));
    expect(empties.length).toBeGreaterThanOrEqual(4);
    for (const { file, tag } of empties) {
      const image = /\bimage="([^"]*)"/.exec(tag)?.[1] ?? '';
      expect([file, image]).toEqual([file, expect.stringMatching(/^\/assets\/.+\.png$/)]);
      const { header, size } = png(image.slice(1));
      expect(header).not.toBeNull();
      expect([image, size <= 8 * 1024]).toEqual([image, true]);
    }
  });
});
