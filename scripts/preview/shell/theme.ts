/**
 * Light and dark, as WeChat does them with "darkmode": true: app.json values written as
 * "@name" come from theme.json for the current theme, and the mini-program's WXSS
 * switches through its `@media (prefers-color-scheme: dark)` blocks.
 *
 * The preview follows the browser's colour scheme (so Playwright's colorScheme
 * emulation reaches the real media queries), or a choice made beside the phone
 * (?theme=dark|light in the address, remembered in localStorage). A forced choice is
 * applied by rewriting those media rules in the page's style sheets, including the ones
 * miniprogram-simulate adds as pages open.
 */

export type ThemeName = 'light' | 'dark';
export type ThemeChoice = ThemeName | 'auto';
export type ThemeVariables = Record<ThemeName, Record<string, string>>;

const STORAGE_KEY = 'preview:theme';
const SCHEME_QUERY = /prefers-color-scheme\s*:\s*(dark|light)/i;
const ORIGINAL = Symbol('original media text');

function isChoice(value: unknown): value is ThemeChoice {
  return value === 'light' || value === 'dark' || value === 'auto';
}

/** The choice the address or the last visit asked for. */
export function initialChoice(search: string, storage: Pick<Storage, 'getItem'> | null): ThemeChoice {
  const fromUrl = /[?&]theme=(\w+)/.exec(search)?.[1];
  if (isChoice(fromUrl)) return fromUrl;
  let saved: string | null = null;
  try {
    saved = storage?.getItem(STORAGE_KEY) ?? null;
  } catch {
    // Storage may be refused (private mode): follow the system.
  }
  return isChoice(saved) ? saved : 'auto';
}

/** An app.json value as WeChat reads it: "@name" → theme.json's value for this theme. */
export function resolveThemeValue(value: string | undefined, variables: ThemeVariables | undefined, theme: ThemeName): string | undefined {
  if (typeof value !== 'string' || !value.startsWith('@')) return value;
  return variables?.[theme]?.[value.slice(1)];
}

/**
 * What a media query's text becomes under a forced theme: the dark block applies only
 * in dark, a light block only in light; "auto" restores the original query.
 */
export function forcedMediaText(original: string, choice: ThemeChoice): string {
  const match = SCHEME_QUERY.exec(original);
  if (!match || choice === 'auto') return original;
  return match[1].toLowerCase() === choice ? 'all' : 'not all';
}

type MediaRuleLike = CSSMediaRule & { [ORIGINAL]?: string };

function rewriteRules(rules: CSSRuleList, choice: ThemeChoice): void {
  for (const rule of Array.from(rules)) {
    if (typeof CSSMediaRule !== 'undefined' && rule instanceof CSSMediaRule) {
      const media = rule as MediaRuleLike;
      const original = media[ORIGINAL] ?? media.media.mediaText;
      if (SCHEME_QUERY.test(original)) {
        media[ORIGINAL] = original;
        const next = forcedMediaText(original, choice);
        if (media.media.mediaText !== next) media.media.mediaText = next;
      }
    }
    if ('cssRules' in rule && (rule as CSSGroupingRule).cssRules) rewriteRules((rule as CSSGroupingRule).cssRules, choice);
  }
}

export class ThemeSwitch {
  private choice: ThemeChoice;
  private readonly system = window.matchMedia('(prefers-color-scheme: dark)');
  private readonly listeners: ((theme: ThemeName) => void)[] = [];
  private last: ThemeName;

  constructor(choice: ThemeChoice) {
    this.choice = choice;
    this.last = this.current();
    this.system.addEventListener('change', () => this.changed());
    // Headless Chromium can skip the change event when the emulated scheme flips while
    // nothing is painting; a slow look keeps the preview in step all the same.
    window.setInterval(() => this.changed(), 400);
    // simulate inserts a <style> for each page it renders: rewrite those as they come.
    new MutationObserver(() => this.applyToSheets()).observe(document.head, { childList: true, subtree: true, characterData: true });
    this.apply();
  }

  current(): ThemeName {
    if (this.choice !== 'auto') return this.choice;
    return this.system.matches ? 'dark' : 'light';
  }

  selected(): ThemeChoice {
    return this.choice;
  }

  choose(choice: ThemeChoice): void {
    this.choice = choice;
    try {
      window.localStorage.setItem(STORAGE_KEY, choice);
    } catch {
      // Not remembered, still applied.
    }
    this.changed(true);
  }

  onChange(listener: (theme: ThemeName) => void): void {
    this.listeners.push(listener);
  }

  /** Applies the theme if it changed (or always, after a new choice) and tells the listeners. */
  private changed(force = false): void {
    const theme = this.current();
    if (!force && theme === this.last) return;
    this.apply();
    if (theme === this.last) return;
    this.last = theme;
    for (const listener of this.listeners) listener(theme);
  }

  private apply(): void {
    document.documentElement.dataset.theme = this.current();
    document.documentElement.dataset.themeChoice = this.choice;
    this.applyToSheets();
  }

  private applyToSheets(): void {
    for (const sheet of Array.from(document.styleSheets)) {
      try {
        rewriteRules(sheet.cssRules, this.choice);
      } catch {
        // A sheet from another origin cannot be read; the preview has none.
      }
    }
  }
}
