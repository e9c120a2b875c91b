/** @jest-environment node */
/** The page tests' compile cache (test/support/compile-cache.ts) answers only for the very same inputs. */
import fs from 'fs';
import os from 'os';
import path from 'path';
import { cachedWxmlToJs, cachedWxssCompile } from '../support/compile-cache';

describe('compile cache', () => {
  let dir = '';
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'compile-cache-store-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('the same WXSS and prefix compile once; other text or another prefix compile again', () => {
    const seen: string[] = [];
    const compile = cachedWxssCompile((text, options) => {
      seen.push(`${options?.prefix}:${text}`);
      return `compiled ${options?.prefix} ${text}`;
    }, 'test', dir);
    expect(compile('.a{color:red}', { prefix: 'main' })).toBe('compiled main .a{color:red}');
    expect(compile('.a{color:red}', { prefix: 'main' })).toBe('compiled main .a{color:red}');
    expect(compile('.a{color:blue}', { prefix: 'main' })).toBe('compiled main .a{color:blue}');
    expect(compile('.a{color:red}', { prefix: 'van-button' })).toBe('compiled van-button .a{color:red}');
    expect(seen).toEqual(['main:.a{color:red}', 'main:.a{color:blue}', 'van-button:.a{color:red}']);
  });

  test('a template edited on disk is compiled afresh, not answered from the cache', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'compile-cache-'));
    try {
      fs.writeFileSync(path.join(root, 'a.wxml'), '<view>one</view>');
      fs.writeFileSync(path.join(root, 'b.wxs'), 'module.exports = 1');
      let runs = 0;
      const compile = cachedWxmlToJs((where) => `run ${(runs += 1)}: ${fs.readFileSync(path.join(where, 'a.wxml'), 'utf8')}`, 'test', dir);
      const options = { wxmlList: ['a.wxml'], wxsList: ['b.wxs'] };
      expect(compile(root, options)).toBe('run 1: <view>one</view>');
      expect(compile(root, options)).toBe('run 1: <view>one</view>');
      fs.writeFileSync(path.join(root, 'a.wxml'), '<view>two</view>');
      expect(compile(root, options)).toBe('run 2: <view>two</view>');
      fs.writeFileSync(path.join(root, 'b.wxs'), 'module.exports = 2');
      expect(compile(root, options)).toBe('run 3: <view>two</view>');
      // Without the lists there is nothing to key on: it compiles every time.
      expect(compile(root, {})).toBe('run 4: <view>two</view>');
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
