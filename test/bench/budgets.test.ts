/**
 * @jest-environment node
 */
/**
 * The deterministic budgets of `npm run bench`, asserted so `npm test` catches a
 * regression: package bytes, record storage bytes, the largest key, the share of stored
 * bytes the newest page reads, and the bytes one append writes against the naive store.
 * Same measuring code and budgets as the bench (bench/measure/*, bench/budgets.json);
 * no timings here. (Node environment: the compilers refuse to run under jsdom.)
 */
import fs from 'fs';
import path from 'path';
import budgets from '../../bench/budgets.json';
import { measurePackage, type PackageMeasure } from '../../bench/measure/package-size';
import { MINIPROGRAM_ROOT } from '../../bench/measure/paths';
import { compareStores, type StoreComparison } from '../../bench/measure/store-figures';

const RECORDS = 10000;
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

describe(`record store budgets at ${RECORDS.toLocaleString('en-US')} orders`, () => {
  let comparison: StoreComparison;

  beforeAll(() => {
    comparison = compareStores({ counts: [RECORDS] });
  }, SLOW_MS);

  test('all of them fit, within the storage budget', () => {
    const [sharded] = comparison.sharded;
    expect(sharded.count).toBe(RECORDS);
    expect(sharded.fits).toBe(true);
    expect(sharded.storageBytes).toBeLessThanOrEqual(budgets.recordsAt10kBytes);
  });

  test('no key comes near the 1 MB per-key limit', () => {
    const [sharded] = comparison.sharded;
    expect(sharded.largestKey.bytes).toBeLessThanOrEqual(budgets.itemLimitBytes / 16);
  });

  test('the newest page after a relaunch reads a small share of what is stored', () => {
    const [sharded] = comparison.sharded;
    expect(sharded.newestPage.items).toBe(sharded.newestPage.limit);
    expect(sharded.newestPage.share).toBeLessThanOrEqual(budgets.newestPageReadShare);
  });

  test(`an append writes at least ${budgets.appendCheaperThanNaive}× fewer bytes than the naive store would`, () => {
    const [naive] = comparison.naive;
    // The baseline cannot even hold this many: its one key would pass 1 MB.
    expect(naive.fits).toBe(false);
    expect(comparison.naiveCapacity).toBeLessThan(RECORDS);
    expect(comparison.appendBytesRatio[RECORDS].worst).toBeGreaterThanOrEqual(budgets.appendCheaperThanNaive);
  });
});
