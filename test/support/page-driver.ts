/**
 * The one way tests drive the real pages and components: rendered by miniprogram-simulate
 * with WeChat's own WXML compiler (so Vant's WXS works), Vant resolved from
 * miniprogram/miniprogram_npm, lifecycles run the way WeChat runs them, and taps landing
 * where a finger would.
 *
 * Each open loads the page's modules afresh (jest keeps a module loaded once per file,
 * so a second simulate.load of the same page would register nothing) and installs the
 * test's services into that fresh module registry first, so the page talks to the same
 * instances as the test. Every setData the page sends is measured.
 */
import path from 'path';
import simulate from 'miniprogram-simulate';
import type { RootComponent } from 'miniprogram-simulate';
import { pagePath, type PageName } from '../../miniprogram/services/contracts';
import type { Services } from '../../miniprogram/services/container';
import { allWxmlButCopies, allWxs, collect } from '../../scripts/preview/graph';

type ContainerModule = typeof import('../../miniprogram/services/container');

export const MINIPROGRAM_ROOT = path.resolve(__dirname, '../../miniprogram');

let loadOptions: Record<string, unknown> | null = null;

/**
 * How simulate.load compiles: WeChat's own wcc, over every template but the copies of
 * Vant that subpackages carry, of which only the parts app.json reaches. Left to itself
 * simulate hands wcc every .wxml under the root, each copy of Vant included, once per
 * test file: slower, and past wcc's output buffer. (Components no page uses yet are
 * tested on their own, so the app's own templates all go in.)
 * The .wxs list is every one there is (see allWxs in scripts/preview/graph.js).
 */
export function simulateLoadOptions(): Record<string, unknown> {
  if (!loadOptions) {
    const graph = collect(MINIPROGRAM_ROOT);
    loadOptions = {
      rootPath: MINIPROGRAM_ROOT,
      compiler: 'official',
      compilerOptions: { wxmlList: [...new Set([...allWxmlButCopies(MINIPROGRAM_ROOT), ...graph.wxml])], wxsList: allWxs(MINIPROGRAM_ROOT), maxBuffer: 64 * 1024 * 1024 },
    };
  }
  return loadOptions;
}

/** Lets queued promises, setData callbacks and zero-delay timers run. */
export async function settle(rounds = 3): Promise<void> {
  for (let i = 0; i < rounds; i += 1) {
    await simulate.sleep(0);
  }
}

function normalizeText(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

/** Where Vant listens for a finger inside each of its parts, in the order they are tried. */
const TAP_TARGETS = [
  '.van-button',
  '.van-cell',
  '.van-grid-item__content',
  '.van-tab',
  '.van-tabbar-item',
  '.van-action-sheet__item',
  '.van-checkbox__icon-wrap',
  '.van-radio__icon-wrap',
  '.van-radio__icon',
];

/** UTF-8 JSON sizes of each setData a page sent, in order. */
export class SetDataMeter {
  readonly sizes: number[] = [];
  private mark = 0;

  record(data: unknown): void {
    this.sizes.push(Buffer.byteLength(JSON.stringify(data), 'utf8'));
  }

  /** Sizes sent since the last call (or since rendering began). */
  sinceLast(): number[] {
    const out = this.sizes.slice(this.mark);
    this.mark = this.sizes.length;
    return out;
  }
}

export class Driver {
  constructor(
    readonly comp: RootComponent,
    readonly meter: SetDataMeter = new SetDataMeter(),
  ) {}

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

  has(selector: string): boolean {
    return this.query(selector) !== null;
  }

  /** A Vant part really rendered (not an unknown tag): its inner class exists under the host. */
  vantShown(hostSelector: string, innerClass: string): boolean {
    return this.has(`${hostSelector} >>> ${innerClass}`);
  }

  find(selector: string): RootComponent {
    const found = this.query(selector);
    if (!found) throw new Error(`no element matches "${selector}"\n--- page text: ${this.text()}`);
    return found;
  }

  /** Where a finger's tap lands: inside a Vant part, its inner element, where Vant listens. */
  tapTarget(selector: string): RootComponent {
    return TAP_TARGETS.map((cls) => this.query(`${selector} >>> ${cls}`)).find((el) => el !== null) ?? this.find(selector);
  }

  async tap(selector: string): Promise<void> {
    this.tapTarget(selector).dispatchEvent('tap');
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
  async until(predicate: () => boolean, what = 'condition', rounds = 400): Promise<void> {
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

function loadFresh(relativePath: string, services: Partial<Services> | undefined, properties?: Record<string, unknown>): RootComponent {
  let comp: RootComponent | undefined;
  jest.isolateModules(() => {
    if (services) jest.requireActual<ContainerModule>('../../miniprogram/services/container').installServices({ ...services });
    const id = simulate.load(path.join(MINIPROGRAM_ROOT, relativePath), simulateLoadOptions());
    comp = simulate.render(id, properties);
  });
  if (!comp) throw new Error(`${relativePath} did not render`);
  return comp;
}

/** Renders the page afresh over these services, then runs onLoad(query) and onShow as WeChat would. */
export async function openPage(name: PageName, query: Record<string, string>, services: Partial<Services>): Promise<Driver> {
  const comp = loadFresh(pagePath(name), services);
  const driver = new Driver(comp);
  const instance = comp.instance;
  const original = instance.setData;
  instance.setData = function metered(this: unknown, data: Record<string, unknown>, callback?: () => void) {
    driver.meter.record(data);
    return original.call(this, data, callback);
  };
  comp.attach(document.createElement('parent-wrapper'));
  await driver.lifecycle('onLoad', query);
  await driver.lifecycle('onShow');
  await settle();
  return driver;
}

/** Renders components/<name>/index afresh with these properties. */
export async function openComponent(name: string, properties: Record<string, unknown>, services?: Partial<Services>): Promise<Driver> {
  return openComponentAt(`components/${name}/index`, properties, services);
}

/** Renders a component kept inside a subpackage (pages/<p>/<c>/index), as openComponent does. */
export async function openComponentAt(relativePath: string, properties: Record<string, unknown>, services?: Partial<Services>): Promise<Driver> {
  const comp = loadFresh(relativePath, services, properties);
  comp.attach(document.createElement('parent-wrapper'));
  await settle();
  return new Driver(comp);
}

/** Renders the page the app last navigated to, with its query. */
export async function follow(app: { nav: { last(): { page?: PageName; query: Record<string, string> } | undefined }; services: Services }, expected: PageName): Promise<Driver> {
  const move = app.nav.last();
  if (!move || move.page !== expected) throw new Error(`expected navigation to ${expected}, got ${JSON.stringify(move)}`);
  return openPage(expected, move.query, app.services);
}
