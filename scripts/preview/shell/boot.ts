/**
 * Starts the mini-program in the browser: WeChat stand-ins on `wx`, the native tags,
 * the mouse-to-touch bridge, the real services (installServices) with the preview's
 * navigator, App().onLaunch, then the first page from the address (#/lookup?phone=...)
 * or app.json's first page.
 */
import { installBuiltins } from './builtins';
import { installIdleTracker, type IdleTracker } from './idle';
import { Frame } from './frame';
import { installLateReady } from './late-ready';
import { ComponentModules } from './modules';
import { PageHost } from './page-host';
import { PreviewNavigator, parseRoute } from './navigator';
import { PullRefresh } from './pull-refresh';
import { installMouseTouches } from './touch';
import { initialChoice, ThemeSwitch, type ThemeChoice } from './theme';
import { followPageFonts, systemFontScale } from './font-size';
import { mirrorAria } from './aria';
import { showModal } from './ui';
import { installWxShims, notifyThemeChange } from './wx-shim';
import type { BootConfig, SimulateApi } from './types';
import { pageNameOf, pagePath, type PageName } from '../../../miniprogram/services/contracts';

/** What scripts (screenshots, the browser test) and curious people can reach from the console. */
export interface PreviewHandle {
  defineComponent(path: string): void;
  services(): Record<string, any>;
  navigator: PreviewNavigator;
  /** Whether the app is still busy after a tap (short timers pending): what scripts wait on. */
  idle: IdleTracker;
  /** Light or dark: follow the browser ("auto") or force one, as the side panel does. */
  theme: ThemeSwitch;
  errors: string[];
  ready: boolean;
  /** Clears the mini-program's storage and reloads at the first page. */
  reset(): void;
}

const PHONE_WIDTH = 375;
const PHONE_HEIGHT = 667;

function pageName(path: string): string {
  return pageNameOf(path) ?? path.replace(/^pages\//, '').replace(/\/index$/, '');
}

/** The side panel's 外观 buttons: follow the system, or force light or dark. */
function wireThemeButtons(theme: ThemeSwitch): void {
  const buttons = Array.from(document.querySelectorAll<HTMLButtonElement>('[data-theme-choice]'));
  const mark = () => {
    for (const button of buttons) button.setAttribute('aria-pressed', String(button.dataset.themeChoice === theme.selected()));
  };
  for (const button of buttons) {
    button.addEventListener('click', () => {
      theme.choose(button.dataset.themeChoice as ThemeChoice);
      mark();
    });
  }
  mark();
}

/**
 * The side panel's 长辈模式 switch: the app's own setting (services().care, as 我的 sets it),
 * so the open pages follow at once. ?care=1 or ?care=0 in the address sets it on load.
 */
function wireCareSwitch(care: { enabled(): boolean; set(on: boolean): unknown; subscribe(listener: (on: boolean) => void): unknown }): void {
  const asked = /[?&]care=([01])\b/.exec(window.location.search)?.[1];
  if (asked !== undefined && care.enabled() !== (asked === '1')) care.set(asked === '1');
  const button = document.getElementById('care-switch');
  if (!button) return;
  const mark = (on: boolean) => {
    button.setAttribute('aria-checked', String(on));
    button.textContent = on ? '已开启' : '已关闭';
  };
  button.addEventListener('click', () => care.set(!care.enabled()));
  care.subscribe(mark);
  mark(care.enabled());
}

/** Links beside the phone that open the lookup tab with a demo number filled in. */
function listDemoNumbers(config: BootConfig): void {
  const list = document.getElementById('demo-numbers');
  if (!list) return;
  let numbers: readonly { phone: string; description: string }[] = [];
  try {
    numbers = config.demoNumbers();
  } catch (error) {
    console.warn('[preview] demo numbers unavailable', error);
  }
  for (const demo of numbers) {
    const item = document.createElement('li');
    const link = document.createElement('a');
    link.href = `#/lookup?phone=${encodeURIComponent(demo.phone)}`;
    link.textContent = demo.phone;
    item.append(link, document.createTextNode(` ${demo.description}`));
    list.appendChild(item);
  }
  list.parentElement?.toggleAttribute('hidden', numbers.length === 0);
}

export function boot(config: BootConfig): void {
  const win = window as unknown as Record<string, any>;
  const simulate = win.simulate as SimulateApi;
  const errors: string[] = [];
  const reportError = (where: string, error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    errors.push(`${where}: ${message}`);
    console.error(`[preview] ${where}`, error);
  };
  window.addEventListener('error', (event) => reportError('script', event.error ?? event.message));
  window.addEventListener('unhandledrejection', (event) => reportError('promise', event.reason));

  installLateReady(win as { Component: (options: Record<string, any>) => unknown });
  const modules = new ComponentModules(config.modules);
  const handle: Partial<PreviewHandle> = { defineComponent: (path) => modules.defineComponent(path), errors, ready: false, idle: installIdleTracker() };
  win.__preview = handle;

  const screen = document.getElementById('screen')!;
  // createSelectorQuery measures from the page's window (below the navigation bar), as in WeChat.
  win.__wxRect = (el: Element) => {
    const rect = el.getBoundingClientRect();
    const origin = screen.getBoundingClientRect();
    return { left: rect.left - origin.left, right: rect.right - origin.left, top: rect.top - origin.top, bottom: rect.bottom - origin.top, width: rect.width, height: rect.height };
  };
  win.__wxViewport = () => ({ width: screen.clientWidth, height: screen.clientHeight });
  let appOptions: Record<string, any> = {};
  const tabs = (config.appJson.tabBar?.list ?? []).map((item) => ({
    page: pageName(item.pagePath),
    text: item.text,
    iconPath: item.iconPath,
    selectedIconPath: item.selectedIconPath,
  }));
  const tabPages = tabs.map((tab) => tab.page);
  let navigator: PreviewNavigator | null = null;
  const frame = new Frame(tabs, config.appJson, config.theme, {
    back: () => navigator?.back(),
    home: () => navigator?.open(tabPages[0] as never),
    tab: (page) => navigator?.open(page as never),
  });
  const theme = new ThemeSwitch(initialChoice(window.location.search, window.localStorage));
  handle.theme = theme;
  frame.setTheme(theme.current());
  theme.onChange((name) => {
    frame.setTheme(name);
    notifyThemeChange(name);
    try {
      appOptions.onThemeChange?.call(appOptions, { theme: name });
    } catch (error) {
      reportError('App.onThemeChange', error);
    }
  });
  wireThemeButtons(theme);
  const titles: Record<string, string> = {};
  const pullable = new Set<string>();
  for (const [path, settings] of Object.entries(config.pageWindows)) {
    if (settings.title) titles[pageName(path)] = settings.title;
    if (settings.pullDownRefresh) pullable.add(pageName(path));
  }
  const host = new PageHost(simulate, config.root, screen, new Set(config.pages), (page, error) => reportError(`page ${page}`, error));
  navigator = new PreviewNavigator(host, frame, tabPages, titles, config.appJson.window?.navigationBarTitleText ?? '');
  const nav = navigator;
  const pull = new PullRefresh(screen, {
    slot: () => {
      const top = nav.current();
      return top && pullable.has(top.name) ? top.slot : null;
    },
    refresh: () => {
      const top = nav.current();
      if (top) host.lifecycle(top, 'onPullDownRefresh');
    },
  });

  installWxShims(win.wx, {
    route: (kind, url) => {
      if (kind === 'navigateBack') return nav.back();
      const { page, query } = parseRoute(url ?? '');
      if (kind === 'redirectTo') nav.replace(page as never, query);
      else if (kind === 'reLaunch') nav.relaunch(page as never, query);
      else nav.open(page as never, query);
    },
    setTitle: (title) => nav.setTitle(title),
    startPullDownRefresh: () => pull.start(),
    stopPullDownRefresh: () => pull.stop(),
    scrollTo: (top) => {
      const page = nav.current();
      if (page) page.slot.scrollTop = top;
    },
    windowWidth: PHONE_WIDTH,
    windowHeight: PHONE_HEIGHT,
    theme: () => theme.current(),
  });
  installBuiltins(simulate);
  followPageFonts(screen, systemFontScale(window.location.search));
  mirrorAria([screen, document.getElementById('overlay')!].filter(Boolean));
  installMouseTouches(document.getElementById('phone')!);
  screen.addEventListener(
    'scroll',
    (event) => {
      const slot = event.target as HTMLElement;
      const top = nav.current();
      if (!top || slot !== top.slot) return;
      host.lifecycle(top, 'onPageScroll', { scrollTop: slot.scrollTop });
      if (slot.scrollTop + slot.clientHeight >= slot.scrollHeight - 50) host.lifecycle(top, 'onReachBottom');
    },
    { capture: true, passive: true },
  );
  win.getCurrentPages = () => {
    const pages = nav.pages().map((page) => page.comp?.instance).filter(Boolean);
    const mounting = host.mountingInstance();
    if (mounting && !pages.includes(mounting)) pages.push(mounting);
    return pages;
  };

  const container = config.container();
  // WeChat fetches the auto top-up engine with its subpackage (require.async); the bundle already holds it.
  // WeChat fetches the offline backend with its subpackage on first use: the preview takes the same lazy path.
  container.installServices({
    navigator: nav,
    loadAutoTopupEngine: async () => config.lazyModules.autoTopupEngine(),
    loadInvoiceRules: async () => config.lazyModules.invoiceRules().invoiceRules,
    loadCheckoutEngine: async () => config.lazyModules.checkoutEngine().checkoutEngine,
    loadOfflineBackend: async () => config.lazyModules.offlineBackend().offlineBackend,
  });
  handle.services = () => container.services();
  wireCareSwitch(container.services().care);
  handle.navigator = nav;
  handle.reset = () => {
    window.localStorage.clear();
    window.history.replaceState(null, '', window.location.pathname + window.location.search);
    window.location.reload();
  };

  win.App = (options: Record<string, any>) => {
    appOptions = options;
  };
  win.getApp = () => appOptions;
  try {
    config.app();
  } catch (error) {
    reportError('app.ts', error);
  }
  const route = parseRoute(window.location.hash);
  const known = route.page && config.pages.includes(pagePath(route.page as PageName));
  const first = known ? route.page : pageName(config.appJson.pages[0]);
  try {
    appOptions.onLaunch?.call(appOptions, { path: pagePath(first as PageName), query: route.query, scene: 1001 });
    appOptions.onShow?.call(appOptions, { path: pagePath(first as PageName), query: route.query, scene: 1001 });
  } catch (error) {
    reportError('App.onLaunch', error);
  }
  nav.start(first, known ? route.query : {});
  void nav.settled().then(() => {
    handle.ready = true;
    document.body.classList.add('is-ready');
  });

  document.getElementById('reset')?.addEventListener('click', async () => {
    if (await showModal({ title: '清空演示数据', content: '删除预览里保存的记录、绑定的卡和设置，回到首页？' })) handle.reset!();
  });
  // The side panel's links (and a hand-edited address) move the app like a tap would.
  window.addEventListener('hashchange', () => {
    const next = parseRoute(window.location.hash);
    if (next.page && config.pages.includes(pagePath(next.page as PageName))) nav.open(next.page as never, next.query);
  });
  listDemoNumbers(config);
  const missing = document.getElementById('missing');
  if (missing && config.missingPages.length) {
    missing.textContent = `尚未完成的页面：${config.missingPages.map(pageName).join('、')}`;
  }
}
