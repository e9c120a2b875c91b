/** @jest-environment node */
/**
 * The preview build (no browser needed): every page of app.json is bundled, templates are
 * compiled by wcc, and the patches to miniprogram-simulate still apply.
 */
import fs from 'fs';
import os from 'os';
import path from 'path';
import { allPages } from '../../scripts/preview/graph';
import { buildPreview, patchSimulate, sharedClassRules, windowHeightUnits, type PreviewBuild } from '../../scripts/preview/build';

const appJson = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../miniprogram/app.json'), 'utf8')) as { pages: string[] };

describe('preview build', () => {
  let outDir = '';
  let build: PreviewBuild;
  const read = (name: string) => fs.readFileSync(path.join(outDir, name), 'utf8');

  beforeAll(async () => {
    outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'preview-build-'));
    build = await buildPreview({ outDir });
  }, 60000);

  afterAll(() => {
    if (outDir) fs.rmSync(outDir, { recursive: true, force: true });
  });

  test('bundles every page listed in app.json, subpackages included', () => {
    expect(build.missingPages).toEqual([]);
    const declared = allPages(appJson);
    expect(declared.length).toBeGreaterThan(appJson.pages.length);
    expect(build.pages).toEqual(declared);
    const files = read('files.js');
    for (const page of declared) {
      expect(files).toContain(`"/mp/${page}.json"`);
      expect(files).toContain(`window.__preview.defineComponent(\\"${page}\\")`);
      expect(files).toContain(`window.__GWX__("${page}.wxml")`);
    }
  });

  test('ships real Vant parts and one app bundle with the services', () => {
    const files = read('files.js');
    expect(files).toContain('"/mp/miniprogram_npm/@vant/weapp/button/index.json"');
    expect(files).toContain('var exports = module.exports;');
    const app = read('app.js');
    expect(app).toContain('installServices');
    expect(app).toContain('MockCarrierGateway');
    expect(read('index.html')).toMatch(/simulate\.js[\s\S]*wxml\.js[\s\S]*files\.js[\s\S]*app\.js/);
  });

  test('patches simulate for a 375 px phone and measures from the page window', () => {
    const simulate = read('simulate.js');
    expect(simulate).toContain('window.__RPX_SCALE__');
    expect(simulate).toContain('window.__wxRect');
    expect(simulate).toContain('caller.groupSetData');
    expect(() => patchSimulate('a bundle without the expected code')).toThrow(/miniprogram-simulate's build.js changed/);
  });

  test.each([
    ['.a{min-height:100vh}', '.a{min-height:calc(var(--wx-vh, 1vh) * 100)}'],
    ['.a{max-height: 60.5vh; top: 30vh}', '.a{max-height: calc(var(--wx-vh, 1vh) * 60.5); top: calc(var(--wx-vh, 1vh) * 30)}'],
    ['.vh-note{width:10px}', '.vh-note{width:10px}'],
  ])('vh means the page window: %s', (input, output) => {
    expect(windowHeightUnits(input)).toBe(output);
  });

  test("carries theme.json and the mini-program's pictures, served at their app.json paths", () => {
    expect(read('app.js')).toContain('"tabSelectedColor"');
    const icon = path.join(outDir, 'assets', 'tab', 'home.png');
    expect(fs.readFileSync(icon)).toEqual(fs.readFileSync(path.resolve(__dirname, '../../miniprogram/assets/tab/home.png')));
  });

  test("gives each Vant component app.wxss's rules for Vant classes (addGlobalClass), as WeChat does", () => {
    const files = read('files.js');
    const cell = /"\/mp\/miniprogram_npm\/@vant\/weapp\/cell\/index.wxss":"((?:[^"\\]|\\.)*)"/.exec(files)?.[1] ?? '';
    expect(cell).toContain('.van-cell::after');
    expect(cell).toContain('var(--theme-line) !important');
  });

  test.each([
    ['.van-a{color:red} .page{color:blue}', '.van-a{color:red}'],
    ['/* .van-x */ page{--x:1} @media (prefers-color-scheme: dark){page{--x:2}.van-b::after{color:red}}', '@media (prefers-color-scheme: dark){.van-b::after{color:red}}'],
    ['@media (min-width: 1px){.page{color:red}}', ''],
    ['', ''],
  ])('sharedClassRules(%j)', (input, output) => {
    expect(sharedClassRules(input)).toBe(output);
  });
});
