/**
 * Renders one page of the mini-program into the phone's screen with miniprogram-simulate
 * (the same engine and compiled templates as the page tests) and drives its lifecycle
 * the way WeChat does: onLoad(query) → onShow → onReady, onHide when covered, onShow
 * when uncovered, onUnload when closed. Each page keeps its own scroll position.
 */
import type { SimulateApi, SimulatedComponent } from './types';
import { pagePath, type PageName } from '../../../miniprogram/services/contracts';

export interface MountedPage {
  name: string;
  query: Record<string, string>;
  slot: HTMLElement;
  comp: SimulatedComponent | null;
}

export class PageHost {
  private readonly ids = new Map<string, string>();
  /** The page being rendered: WeChat's getCurrentPages() already lists it while its components attach. */
  private mounting: Record<string, any> | null = null;

  constructor(
    private readonly simulate: SimulateApi,
    private readonly root: string,
    private readonly screen: HTMLElement,
    private readonly available: ReadonlySet<string>,
    private readonly onError: (page: string, error: unknown) => void,
  ) {}

  private call(page: MountedPage, hook: string, ...args: unknown[]): void {
    const fn = page.comp?.instance?.[hook];
    if (typeof fn !== 'function') return;
    try {
      const result = fn.apply(page.comp!.instance, args);
      if (result && typeof (result as Promise<unknown>).then === 'function') {
        (result as Promise<unknown>).then(undefined, (error) => this.onError(page.name, error));
      }
    } catch (error) {
      this.onError(page.name, error);
    }
  }

  private notice(slot: HTMLElement, title: string, detail: string): void {
    const box = document.createElement('div');
    box.className = 'shell-notice';
    const heading = document.createElement('div');
    heading.className = 'shell-notice__title';
    heading.textContent = title;
    const body = document.createElement('pre');
    body.className = 'shell-notice__detail';
    body.textContent = detail;
    box.append(heading, body);
    slot.appendChild(box);
  }

  mount(name: string, query: Record<string, string>): MountedPage {
    const slot = document.createElement('div');
    slot.className = 'page-slot';
    slot.dataset.page = name;
    this.screen.appendChild(slot);
    const page: MountedPage = { name, query, slot, comp: null };
    const path = pagePath(name as PageName);
    if (!this.available.has(path)) {
      this.notice(slot, '这个页面还没有写好', `${path} 尚未完成，预览构建时没有找到它的文件。`);
      return page;
    }
    try {
      let id = this.ids.get(path);
      if (!id) {
        id = this.simulate.load(`${this.root}/${path}`, 'page', { rootPath: this.root, compiler: 'official' });
        this.ids.set(path, id);
      }
      page.comp = this.simulate.render(id);
      // What WeChat's page objects carry (Vant and pages may read them).
      page.comp.instance.route = path;
      page.comp.instance.options = { ...query };
      this.mounting = page.comp.instance;
      page.comp.attach(slot);
    } catch (error) {
      this.onError(name, error);
      this.notice(slot, '页面渲染失败', error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error));
      return page;
    } finally {
      this.mounting = null;
    }
    this.call(page, 'onLoad', { ...query });
    this.call(page, 'onShow');
    this.call(page, 'onReady');
    return page;
  }

  hide(page: MountedPage): void {
    page.slot.hidden = true;
    this.call(page, 'onHide');
  }

  show(page: MountedPage): void {
    page.slot.hidden = false;
    this.call(page, 'onShow');
  }

  unmount(page: MountedPage): void {
    this.call(page, 'onUnload');
    try {
      page.comp?.detach();
    } catch (error) {
      this.onError(page.name, error);
    }
    page.slot.remove();
  }

  /** Scroll and pull-down hooks of the page on top. */
  lifecycle(page: MountedPage, hook: 'onReachBottom' | 'onPullDownRefresh' | 'onPageScroll', ...args: unknown[]): void {
    this.call(page, hook, ...args);
  }

  mountingInstance(): Record<string, any> | null {
    return this.mounting;
  }
}
