/**
 * The preview's <page-meta root-font-size> without a browser: what a value means in px,
 * and WeChat's font size setting taken from the address.
 */
import { rootFontPx, systemFontScale } from '../../scripts/preview/shell/font-size';

describe('rootFontPx', () => {
  test.each([
    ['system', 16, 16],
    ['system', 25.6, 25.6],
    ['', 16, 16],
    ['25.6px', 16, 25.6],
    ['20', 16, 20],
    ['large', 18, 18],
  ])('%p with the system at %p px is %p px', (value, system, px) => {
    expect(rootFontPx(value, system)).toBe(px);
  });
});

describe('systemFontScale', () => {
  test.each([
    ['', 1],
    ['?font=1.6', 1.6],
    ['?care=1&font=1.25', 1.25],
    ['?font=9', 1],
    ['?font=abc', 1],
  ])('%p → %p', (search, scale) => {
    expect(systemFontScale(search)).toBe(scale);
  });
});
