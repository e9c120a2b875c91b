/** @jest-environment node */
import fs from 'fs';
import { findChromium } from '../../scripts/preview/browser';

describe('findChromium', () => {
  const saved = process.env.REQUIRE_BROWSER;
  afterEach(() => {
    jest.restoreAllMocks();
    if (saved === undefined) delete process.env.REQUIRE_BROWSER;
    else process.env.REQUIRE_BROWSER = saved;
  });

  test('without a browser: null on a developer machine, so the journeys say they are skipped', () => {
    jest.spyOn(fs, 'existsSync').mockReturnValue(false);
    delete process.env.REQUIRE_BROWSER;
    expect(findChromium()).toBeNull();
  });

  test('without a browser under REQUIRE_BROWSER=1 (CI): an error, so the journeys fail instead of skipping', () => {
    jest.spyOn(fs, 'existsSync').mockReturnValue(false);
    process.env.REQUIRE_BROWSER = '1';
    expect(() => findChromium()).toThrow(/REQUIRE_BROWSER=1 but chromium is not installed/);
  });

  test('with a browser: its path, whatever REQUIRE_BROWSER says', () => {
    jest.spyOn(fs, 'existsSync').mockImplementation((p) => p === '/usr/bin/chromium');
    process.env.REQUIRE_BROWSER = '1';
    expect(findChromium()).toBe('/usr/bin/chromium');
  });
});
