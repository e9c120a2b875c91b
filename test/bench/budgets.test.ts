/**
 * @jest-environment node
 */
/**
 * The package budgets of `npm run bench`, asserted so `npm test` catches a regression:
 * what each package uploads and what reaches across packages. Same measuring code and
 * budgets as the bench (bench/measure/*, bench/budgets.json); no timings here. The record
 * store's budgets at 10,000 records (≤ 3 MB, small keys, the newest page's share, an append
 * that costs the same at 10 and 10,000) are asserted once, by
 * test/services/records/store.contract.test.ts; the bench adds the naive-store comparison.
 * (Node environment: the compilers refuse to run under jsdom.)
 */import fs from 'fs';
import path from 'path';
import budgets from '../../bench/budgets.json';
import { measurePackage, type PackageMeasure } from '../../bench/measure/package-size';
import { MINIPROGRAM_ROOT } from '../../bench/measure/paths';

// The first run compiles every file through DevTools' compiler; later runs hit its cache.
const SLOW_MS = 90000;

describe('code package budget', () => {
  let measured: PackageMeasure;

  beforeAll(async () => {
    measured = await measurePackage(MINIPROGRAM_ROOT);
  }, SLOW_MS);

  test('every file a page or component names exists (otherwise the figure is short)', () => {
    expect(measured.missing).toEqual([]);
  });

  test('only the Vant parts the pages use are in the package, not all of Vant', () => {
    const vantRoot = path.join(MINIPROGRAM_ROOT, 'miniprogram_npm', '@vant', 'weapp');
    const allVant = fs.readdirSync(vantRoot).filter((name) => fs.existsSync(path.join(vantRoot, name, 'index.json')));
    expect(measured.vantComponents.length).toBeGreaterThan(0);
    expect(measured.vantComponents.length).toBeLessThan(allVant.length);
    expect(measured.vantComponents.every((name) => allVant.includes(name))).toBe(true);
  });

  test('no main-package file needs a subpackage file, and no subpackage reaches into another', () => {
    expect(measured.crossPackage).toEqual([]);
  });

  test('app.json splits the code into the main package and subpackages', () => {
    expect(measured.packages[0].name).toBe('main');
    expect(measured.packages.length).toBeGreaterThan(1);
    expect(measured.packages.every((part) => part.files > 0)).toBe(true);
  });

  test(`as uploaded (compiled, minified) the main package stays within ${budgets.mainPackageBytes / 1024} KB`, () => {
    expect(measured.packages[0].minifiedBytes).toBeGreaterThan(0);
    expect(measured.packages[0].minifiedBytes).toBeLessThanOrEqual(budgets.mainPackageBytes);
  });

  test(`each subpackage stays within ${budgets.subpackageBytes / 1024} KB`, () => {
    const over = measured.packages.slice(1).filter((part) => part.minifiedBytes > budgets.subpackageBytes);
    expect(over).toEqual([]);
  });

  test("even unminified every package is far inside WeChat's 2 MB per package", () => {
    expect(measured.packages.every((part) => part.bytes <= budgets.packageLimitBytes)).toBe(true);
  });
});
