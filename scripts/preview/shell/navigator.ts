/**
 * The mini-program's Navigator for the browser: a page stack like WeChat's. Tab pages
 * stay alive once opened (switching tabs hides and shows them, and closes every page
 * above), other pages are pushed and popped, `replace` swaps the top page, and tab
 * pages get their values through a one-time handoff. Moves run one at a time, after
 * the current event handler, as wx.navigateTo does.
 */
import type { Navigator, PageName, Query } from '../../../miniprogram/services/contracts';
import type { Frame } from './frame';
import type { MountedPage, PageHost } from './page-host';

export function parseRoute(url: string): { page: string; query: Query } {
  const [pathPart, search = ''] = url.replace(/^#?\/?/, '').split('?');
  // A page in a subpackage's folder has a two-part name: invoice/detail is pages/invoice/detail/index.
  const match = /^([\w-]+(?:\/[\w-]+)?)$/.exec(pathPart.replace(/^pages\//, '').replace(/\/index$/, ''));
  const query: Query = {};
  for (const pair of search.split('&').filter(Boolean)) {
    const [key, value = ''] = pair.split('=');
    try {
      query[decodeURIComponent(key)] = decodeURIComponent(value);
    } catch {
      query[key] = value;
    }
  }
  return { page: match ? match[1] : '', query };
}

export function routeHash(page: string, query: Query): string {
  const search = Object.keys(query)
    .map((key) => `${encodeURIComponent(key)}=${encodeURIComponent(query[key])}`)
    .join('&');
  return `#/${page}${search ? `?${search}` : ''}`;
}

export class PreviewNavigator implements Navigator {
  private stack: MountedPage[] = [];
  private readonly tabs = new Map<string, MountedPage>();
  private readonly handoffs = new Map<string, Query>();
  private readonly titles = new Map<MountedPage, string>();
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly host: PageHost,
    private readonly frame: Frame,
    private readonly tabPages: readonly string[],
    private readonly defaultTitles: Record<string, string>,
    private readonly fallbackTitle: string,
  ) {}

  private isTab(page: string): boolean {
    return this.tabPages.includes(page);
  }

  /** Runs a move after the current handler returns; moves never interleave. */
  private enqueue(move: () => void): void {
    this.queue = this.queue.then(() => {
      move();
      this.changed();
    }).catch((error) => console.error('[preview] navigation failed', error));
  }

  /** Resolves once every queued move has run (screenshots and tests wait on it). */
  settled(): Promise<void> {
    return this.queue;
  }

  /** The page stack, bottom first (getCurrentPages). */
  pages(): readonly MountedPage[] {
    return this.stack;
  }

  current(): MountedPage | undefined {
    return this.stack[this.stack.length - 1];
  }

  open(page: PageName, query: Query = {}): void {
    this.enqueue(() => {
      if (this.isTab(page)) this.switchTo(page, query);
      else this.push(page, query);
    });
  }

  replace(page: PageName, query: Query = {}): void {
    this.enqueue(() => {
      if (this.isTab(page)) {
        this.switchTo(page, query);
        return;
      }
      const top = this.current();
      if (top && !this.isTab(top.name)) {
        this.stack.pop();
        this.host.unmount(top);
      } else if (top) {
        this.host.hide(top);
      }
      this.stack.push(this.host.mount(page, query));
    });
  }

  /** wx.reLaunch: every page closes, this one opens alone (a tab page is switched to). */
  relaunch(page: PageName, query: Query = {}): void {
    this.enqueue(() => {
      if (this.isTab(page)) {
        this.switchTo(page, query);
        return;
      }
      for (const open of this.stack) {
        if (this.isTab(open.name)) this.host.hide(open);
        else {
          this.host.unmount(open);
          this.titles.delete(open);
        }
      }
      this.stack = [this.host.mount(page, query)];
    });
  }

  back(): void {
    this.enqueue(() => {
      if (this.stack.length <= 1) return;
      const top = this.stack.pop()!;
      this.host.unmount(top);
      this.host.show(this.current()!);
    });
  }

  takeHandoff(page: PageName): Query | undefined {
    const query = this.handoffs.get(page);
    this.handoffs.delete(page);
    return query && Object.keys(query).length ? query : undefined;
  }

  /** WeChat's navigation bar title for the page on top (wx.setNavigationBarTitle). */
  setTitle(title: string): void {
    const top = this.current();
    if (top) this.titles.set(top, title);
    this.changed();
  }

  /** First page on launch: a tab page, or any page with the home tab beneath a home button. */
  start(page: string, query: Query): void {
    this.enqueue(() => {
      if (this.isTab(page)) this.switchTo(page, query);
      else this.stack.push(this.host.mount(page, query));
    });
  }

  private push(page: string, query: Query): void {
    const top = this.current();
    if (top) this.host.hide(top);
    this.stack.push(this.host.mount(page, query));
  }

  private switchTo(page: string, query: Query): void {
    if (Object.keys(query).length) this.handoffs.set(page, query);
    for (const open of this.stack) {
      if (this.isTab(open.name)) {
        if (open.name !== page) this.host.hide(open);
      } else {
        this.host.unmount(open);
        this.titles.delete(open);
      }
    }
    const wasShown = this.stack.length === 1 && this.stack[0].name === page;
    let tab = this.tabs.get(page);
    if (!tab) {
      tab = this.host.mount(page, {});
      this.tabs.set(page, tab);
    } else if (!wasShown) {
      this.host.show(tab);
    } else if (this.handoffs.has(page)) {
      // Already on this tab: WeChat does not re-show it, but a handoff must still arrive.
      this.host.hide(tab);
      this.host.show(tab);
    }
    this.stack = [tab];
  }

  private changed(): void {
    const top = this.current();
    if (!top) return;
    const isTab = this.isTab(top.name);
    this.frame.update({
      title: this.titles.get(top) ?? this.defaultTitles[top.name] ?? this.fallbackTitle,
      canGoBack: this.stack.length > 1,
      showHome: this.stack.length === 1 && !isTab,
      activeTab: isTab ? top.name : null,
    });
    const hash = routeHash(top.name, top.query);
    if (window.location.hash !== hash) window.history.replaceState(null, '', hash);
  }
}
