/** @jest-environment node */
/**
 * The npm build keeps only the Vant glyphs the app can show (scripts/vant-icons.js). Every
 * icon our pages name must survive it, and the trimmed stylesheet must really be smaller.
 */
import fs from 'fs';
import os from 'os';
import path from 'path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { GLYPH_RULE, pruneIconStylesheet } = require('../../scripts/vant-icons') as {
  GLYPH_RULE: RegExp;
  pruneIconStylesheet(root: string, tokens?: Set<string>): { kept: string[]; savedBytes: number };
};

const ROOT = path.resolve(__dirname, '../..');
const MP = path.join(ROOT, 'miniprogram');
const built = fs.readFileSync(path.join(MP, 'miniprogram_npm/@vant/weapp/icon/index.wxss'), 'utf8');
const shipped = fs.readFileSync(path.join(ROOT, 'node_modules/@vant/weapp/dist/icon/index.wxss'), 'utf8');
const glyphs = (css: string) => new Set([...css.matchAll(GLYPH_RULE)].map((m) => m[1]));

/** Icon names our own templates and view models hand to Vant (name=, icon=, left-icon=, ICONS tables). */
function namedByUs(): string[] {
  const names = new Set<string>();
  const visit = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'miniprogram_npm') visit(full);
      } else if (entry.name.endsWith('.wxml')) {
        const text = fs.readFileSync(full, 'utf8');
        for (const m of text.matchAll(/<van-[a-z-]+[^>]*?\b(?:name|icon|left-icon|right-icon|close-icon)="([a-z][a-z0-9-]*)"/g)) names.add(m[1]);
      } else if (entry.name.endsWith('.ts')) {
        const text = fs.readFileSync(full, 'utf8');
        for (const m of text.matchAll(/\bicon: '([a-z][a-z0-9-]*)'/g)) names.add(m[1]);
      }
    }
  };
  visit(MP);
  return [...names].filter((name) => glyphs(shipped).has(name)).sort();
}

test('every icon the pages name is still in the trimmed stylesheet', () => {
  const named = namedByUs();
  expect(named.length).toBeGreaterThan(3);
  const kept = glyphs(built);
  expect(named.filter((name) => !kept.has(name))).toEqual([]);
});

test('the trimmed stylesheet drops the glyphs nothing uses, and keeps what a token names', () => {
  expect(glyphs(built).size).toBeLessThan(glyphs(shipped).size / 2);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'icons-'));
  const target = path.join(dir, 'miniprogram_npm/@vant/weapp/icon');
  fs.mkdirSync(target, { recursive: true });
  fs.writeFileSync(path.join(target, 'index.wxss'), shipped);
  const { kept, savedBytes } = pruneIconStylesheet(dir, new Set(['arrow', 'success']));
  expect(kept).toEqual(expect.arrayContaining(['arrow', 'arrow-down', 'arrow-left', 'arrow-up', 'success']));
  expect(kept).not.toContain('fire');
  expect(savedBytes).toBeGreaterThan(8000);
  fs.rmSync(dir, { recursive: true, force: true });
});
