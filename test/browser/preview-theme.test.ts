/**
 * The preview's light/dark switch without a browser: app.json "@name" values resolve from
 * theme.json, a forced theme rewrites the mini-program's prefers-color-scheme blocks, and
 * the address or the last choice picks the theme.
 */
import { forcedMediaText, initialChoice, resolveThemeValue, type ThemeVariables } from '../../scripts/preview/shell/theme';

const VARIABLES: ThemeVariables = { light: { nav: '#ededed' }, dark: { nav: '#111111' } };

describe('resolveThemeValue', () => {
  test.each([
    ['@nav', 'light', '#ededed'],
    ['@nav', 'dark', '#111111'],
    ['#ffffff', 'dark', '#ffffff'],
    ['@missing', 'light', undefined],
    [undefined, 'light', undefined],
  ] as const)('%s in %s → %s', (value, theme, expected) => {
    expect(resolveThemeValue(value, VARIABLES, theme)).toBe(expected);
  });

  test('without theme.json an @name has no value (WeChat would not draw it)', () => {
    expect(resolveThemeValue('@nav', undefined, 'light')).toBeUndefined();
  });
});

describe('forcedMediaText', () => {
  test.each([
    ['(prefers-color-scheme: dark)', 'dark', 'all'],
    ['(prefers-color-scheme: dark)', 'light', 'not all'],
    ['(prefers-color-scheme:light)', 'light', 'all'],
    ['(prefers-color-scheme: dark)', 'auto', '(prefers-color-scheme: dark)'],
    ['(max-width: 760px)', 'dark', '(max-width: 760px)'],
  ] as const)('%s under %s → %s', (media, choice, expected) => {
    expect(forcedMediaText(media, choice)).toBe(expected);
  });
});

describe('initialChoice', () => {
  const saved = (value: string | null) => ({ getItem: () => value });
  test.each([
    ['?theme=dark', null, 'dark'],
    ['?shot&theme=light', 'dark', 'light'],
    ['', 'dark', 'dark'],
    ['?theme=sepia', 'sepia', 'auto'],
    ['', null, 'auto'],
  ])('address %j, saved %j → %s', (search, stored, expected) => {
    expect(initialChoice(search, saved(stored))).toBe(expected);
  });

  test('a storage that throws means "follow the system"', () => {
    expect(initialChoice('', { getItem: () => { throw new Error('denied'); } })).toBe('auto');
  });
});
