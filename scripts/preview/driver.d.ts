import type { Locator, Page } from 'playwright-core';
export const CURRENT: string;
export class PreviewDriver {
  constructor(page: Page, baseUrl: string, options?: { query?: string });
  readonly page: Page;
  readonly baseUrl: string;
  readonly query: string;
  readonly problems: string[];
  open(route?: string, options?: { shot?: boolean }): Promise<void>;
  go(route: string): Promise<void>;
  settle(ms?: number): Promise<void>;
  afterAnimations(timeout?: number): Promise<void>;
  current(): Locator;
  currentPage(): Promise<string | null>;
  text(): Promise<string>;
  waitForText(fragment: string | RegExp, timeout?: number): Promise<void>;
  waitForPage(name: string, timeout?: number): Promise<void>;
  tapText(text: string | RegExp, options?: { within?: string; exact?: boolean }): Promise<void>;
  tap(selector: string): Promise<void>;
  type(value: string, options?: { placeholder?: string; index?: number; clear?: boolean }): Promise<void>;
  withServices<R, A>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  shot(file: string): Promise<void>;
}
