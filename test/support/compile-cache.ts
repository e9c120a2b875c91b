/**
 * miniprogram-simulate compiles for every test file anew: WeChat's wcc over every template
 * (a child process), and each component's WXSS through postcss and csso. The answers
 * depend only on their inputs, so they are kept on disk, keyed by a hash of everything
 * that goes in (the templates' and scripts' text, the compiler's version, the options
 * that change the output): a changed file is a new key, never a stale answer.
 * Entries are written whole (a temporary file renamed), so parallel workers never read half
 * of one.
 */
import crypto from 'crypto';
import fs from 'fs';
import path from 'path';

const PROJECT_ROOT = path.resolve(__dirname, '../..');
export const COMPILE_CACHE_DIR = path.join(PROJECT_ROOT, 'node_modules', '.cache', 'simulate-compile');

type WxmlToJs = (rootPath: string, options?: { wxmlList?: string[]; wxsList?: string[] }) => string;
type WxssCompile = (text: string, options?: { prefix?: string; less?: boolean }) => string;

function versionOf(pkg: string): string {
  return (JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string }).version;
}

function hash(parts: readonly string[]): string {
  const h = crypto.createHash('sha1');
  for (const part of parts) h.update(`${part.length}:`).update(part);
  return h.digest('hex');
}

/** The cached answer for `key`, or computes, stores and returns it. */
function cached(dir: string, kind: string, key: string, compute: () => string): string {
  const file = path.join(dir, `${kind}-${key}`);
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    // Not there yet: compile below.
  }
  const value = compute();
  try {
    fs.mkdirSync(dir, { recursive: true });
    const temp = `${file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}`;
    fs.writeFileSync(temp, value);
    fs.renameSync(temp, file);
  } catch {
    // A cache that cannot be written only costs time.
  }
  return value;
}

function readOrEmpty(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return '\u0000missing';
  }
}

/** wcc's output for these templates, keyed by their text (a list must be given: simulateLoadOptions gives one). */
export function cachedWxmlToJs(compile: WxmlToJs, version: string, dir = COMPILE_CACHE_DIR): WxmlToJs {
  return (rootPath, options = {}) => {
    const { wxmlList, wxsList } = options;
    if (!wxmlList || !wxsList) return compile(rootPath, options);
    const parts = [version, JSON.stringify({ ...options, wxmlList: undefined, wxsList: undefined })];
    for (const file of [...wxmlList, ...wxsList]) parts.push(file, readOrEmpty(path.join(rootPath, file)));
    return cached(dir, 'wxml', hash(parts), () => compile(rootPath, options));
  };
}

/** simulate's WXSS compile, keyed by the text and what changes its output (the class prefix, less). */
export function cachedWxssCompile(compile: WxssCompile, version: string, dir = COMPILE_CACHE_DIR): WxssCompile {
  return (text, options = {}) => cached(dir, 'wxss', hash([version, String(options.prefix), String(Boolean(options.less)), text]), () => compile(text, options));
}

/** Puts both caches in front of the compilers simulate uses (call once per test file, before any load). */
export function installCompileCache(): void {
  // The very module objects simulate holds (no types of their own): patched in place.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const wcc = require('miniprogram-compiler') as { wxmlToJs: WxmlToJs };
  wcc.wxmlToJs = cachedWxmlToJs(wcc.wxmlToJs.bind(wcc), versionOf('miniprogram-compiler'));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const wxss = require('miniprogram-simulate/src/wxss') as { compile: WxssCompile };
  wxss.compile = cachedWxssCompile(wxss.compile, versionOf('miniprogram-simulate'));
}
