/**
 * Renders a real page or component with miniprogram-simulate: the official WXML
 * compiler (so Vant's WXS works), Vant resolved from miniprogram/miniprogram_npm,
 * and page lifecycles driven the way WeChat drives them.
 */
import path from 'path';
import simulate from 'miniprogram-simulate';
import type { RootComponent } from 'miniprogram-simulate';

export const MINIPROGRAM_ROOT = path.resolve(__dirname, '../../miniprogram');

/** Lets queued promises, setData callbacks and zero-delay timers run. */
export async function settle(rounds = 3): Promise<void> {
  for (let i = 0; i < rounds; i += 1) {
    await simulate.sleep(0);
  }
}

function normalizeText(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

export class Driver {
  constructor(readonly comp: RootComponent) {}

  get instance(): any {
    return this.comp.instance;
  }

  get data(): Record<string, any> {
    return this.comp.data;
  }

  /** All text the user can read, whitespace folded. */
  text(): string {
    return normalizeText(this.comp.dom.textContent);
  }

  /** Text under the first element matching selector (which may pierce with `>>>`). */
  textOf(selector: string): string {
    return normalizeText(this.find(selector).dom.textContent);
  }

  html(): string {
    return this.comp.dom.innerHTML;
  }

  /** simulate answers a miss with undefined or null depending on the selector: both mean none. */
  query(selector: string): RootComponent | null {
    return this.comp.querySelector(selector) ?? null;
  }

  queryAll(selector: string): RootComponent[] {
    return this.comp.querySelectorAll(selector);
  }

  exists(selector: string): boolean {
    return this.query(selector) !== null;
  }

  find(selector: string): RootComponent {
    const found = this.query(selector);
    if (!found) throw new Error(`no element matches "${selector}"\n--- page text: ${this.text()}`);
    return found;
  }

  /**
   * Taps what a finger would: inside a Vant button, cell or grid item the tap lands on
   * its inner element, which is where Vant listens.
   */
  async tap(selector: string): Promise<void> {
    const inner = ['.van-button', '.van-cell', '.van-grid-item__content', '.van-tab', '.van-tabbar-item', '.van-checkbox__icon-wrap', '.van-radio__icon']
      .map((cls) => this.query(`${selector} >>> ${cls}`))
      .find((el) => el !== null);
    (inner ?? this.find(selector)).dispatchEvent('tap');
    await settle();
  }

  /** Types into a Vant field (or a bare <input>) as WeChat reports typing. */
  async type(selector: string, value: string): Promise<void> {
    const candidates = this.comp.querySelectorAll(`${selector} >>> .van-field__control`);
    const input = candidates.find((c) => c.dom.tagName === 'WX-INPUT' || c.dom.tagName === 'WX-TEXTAREA') ?? this.find(selector);
    input.dispatchEvent('input', { detail: { value, cursor: value.length } });
    await settle();
  }

  async fire(selector: string, eventName: string, detail?: unknown): Promise<void> {
    this.find(selector).dispatchEvent(eventName, { detail });
    await settle();
  }

  /** Calls a page lifecycle (onShow, onPullDownRefresh, onReachBottom...) if the page has it. */
  async lifecycle(name: string, ...args: unknown[]): Promise<void> {
    const fn = this.comp.instance[name];
    if (typeof fn === 'function') await fn.apply(this.comp.instance, args);
    await settle();
  }

  /** Waits until predicate holds (mocks answer on later ticks). */
  async until(predicate: () => boolean, what = 'condition', rounds = 200): Promise<void> {
    for (let i = 0; i < rounds; i += 1) {
      if (predicate()) return;
      await simulate.sleep(1);
    }
    throw new Error(`timed out waiting for ${what}\n--- page text: ${this.text()}`);
  }

  async untilText(fragment: string): Promise<void> {
    await this.until(() => this.text().includes(fragment), `text "${fragment}"`);
  }

  unload(): void {
    const fn = this.comp.instance.onUnload;
    if (typeof fn === 'function') fn.call(this.comp.instance);
    this.comp.detach();
  }
}

function load(relativePath: string): RootComponent {
  const id = simulate.load(path.join(MINIPROGRAM_ROOT, relativePath), { rootPath: MINIPROGRAM_ROOT, compiler: 'official' });
  const comp = simulate.render(id);
  comp.attach(document.createElement('parent-wrapper'));
  return comp;
}

/** Renders pages/<name>/index, then runs onLoad(query) and onShow as WeChat would. */
export async function renderPage(name: string, query: Record<string, string> = {}): Promise<Driver> {
  const driver = new Driver(load(`pages/${name}/index`));
  await driver.lifecycle('onLoad', query);
  await driver.lifecycle('onShow');
  return driver;
}

/** Renders components/<name>/index with the given properties. */
export async function renderComponent(name: string, properties: Record<string, unknown> = {}): Promise<Driver> {
  const id = simulate.load(path.join(MINIPROGRAM_ROOT, `components/${name}/index`), { rootPath: MINIPROGRAM_ROOT, compiler: 'official' });
  const comp = simulate.render(id, properties);
  comp.attach(document.createElement('parent-wrapper'));
  await settle();
  return new Driver(comp);
}

/** Asserts that a Vant component really rendered (not an unknown tag): its inner class exists. */
export function vantRendered(driver: Driver, hostSelector: string, innerClass: string): boolean {
  return driver.query(`${hostSelector} >>> ${innerClass}`) !== null;
}
