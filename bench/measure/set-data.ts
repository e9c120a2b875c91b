/**
 * Counts what crosses from the logic thread to the view: every setData of every
 * component on the page (the page itself, our components, Vant's), as UTF-8 bytes of
 * its JSON, which is what WeChat serialises and sends.
 *
 * miniprogram-simulate builds each component's `this` in j-component and registers it
 * with exparser's Element.setMethodCaller; wrapping that registration wraps setData for
 * every component created afterwards, including the ones a page creates later (a
 * popup's content, a tab's grid). A page's initial `data` is counted once when the page
 * is rendered, since WeChat sends it with the first render too.
 *
 * Two WeChat runtime pieces that miniprogram-simulate lacks and Vant's tabs need are
 * supplied here, for the bench only: `this.groupSetData(fn)` (runs fn; its setData calls
 * are still counted one by one) and `getCurrentPages()` (the page being measured).
 */
import path from 'path';
import simulate from 'miniprogram-simulate';
import type { RootComponent } from 'miniprogram-simulate';
import { Driver, MINIPROGRAM_ROOT, settle, simulateLoadOptions } from '../../test/support/page-driver';
import type { Services } from '../../miniprogram/services/container';
import { pagePath, type PageName } from '../../miniprogram/services/contracts';
import { countNodes, type NodeFigures } from './wxml-nodes';

type ContainerModule = typeof import('../../miniprogram/services/container');

export type CallOrigin = 'page' | 'own' | 'vant';

export interface SetDataCall {
  origin: CallOrigin;
  component: string;
  bytes: number;
  keys: string[];
}

export interface SegmentFigures {
  calls: number;
  totalBytes: number;
  largestBytes: number;
  largestKeys: string[];
  largestComponent: string;
  byOrigin: Record<CallOrigin, { calls: number; bytes: number }>;
  /** The components that sent the most, for finding what to slim. */
  topComponents: { component: string; calls: number; bytes: number }[];
}

export function jsonBytes(value: unknown): number {
  const text = JSON.stringify(value);
  return text === undefined ? 0 : Buffer.byteLength(text, 'utf8');
}

function originOf(component: string): CallOrigin {
  if (component.includes('miniprogram_npm/')) return 'vant';
  if (component.includes('/pages/') || component.startsWith('pages/')) return 'page';
  return 'own';
}

interface ExparserLike {
  Element: { setMethodCaller: (node: { is?: string }, caller: { setData?: (data: unknown, cb?: unknown) => void }) => void };
}

interface JComponentLike {
  register: (definition: { id?: string; path?: string }) => unknown;
}

let active: SetDataCall[] | null = null;
/** The page on screen, for getCurrentPages(). */
let currentPage: unknown = null;
let installed = false;
/** j-component's generated ids (what exparser nodes carry as `is`) to component paths. */
const pathsById = new Map<string, string>();

/** Wraps setData of every component created from now on. Safe to call more than once. */
export function installSetDataProbe(): void {
  if (installed) return;
  installed = true;
  const globals = globalThis as unknown as { getCurrentPages?: () => unknown[] };
  // Replaces the test setup's empty stack: the bench tracks the page being measured.
  globals.getCurrentPages = () => (currentPage ? [currentPage] : []);
  // The same exparser instance j-component uses (one module registry per test file).
  const exparser = jest.requireActual<ExparserLike>('miniprogram-exparser');
  const jComponent = jest.requireActual<JComponentLike>('j-component');
  const register = jComponent.register;
  jComponent.register = function registerProbe(definition) {
    if (definition && definition.id && definition.path) pathsById.set(definition.id, definition.path);
    return register.call(this, definition);
  };
  const original = exparser.Element.setMethodCaller;
  exparser.Element.setMethodCaller = function setMethodCallerProbe(node, caller) {
    const setData = caller && caller.setData;
    if (caller && typeof (caller as { groupSetData?: unknown }).groupSetData !== 'function') {
      (caller as { groupSetData?: (fn: () => void) => void }).groupSetData = (fn) => fn();
    }
    if (typeof setData === 'function') {
      const id = String(node && node.is ? node.is : 'unknown');
      const component = pathsById.get(id) ?? id;
      caller.setData = function probedSetData(this: unknown, data: unknown, callback?: unknown) {
        if (active && data && typeof data === 'object') {
          active.push({ origin: originOf(component), component, bytes: jsonBytes(data), keys: Object.keys(data as object) });
        }
        return setData.call(this, data, callback);
      };
    }
    return original.call(this, node, caller);
  };
}

export function summarize(calls: SetDataCall[], extraBytes = 0, extraLabel = 'initial data'): SegmentFigures {
  const byOrigin: SegmentFigures['byOrigin'] = { page: { calls: 0, bytes: 0 }, own: { calls: 0, bytes: 0 }, vant: { calls: 0, bytes: 0 } };
  let largest: SetDataCall | null = null;
  for (const call of calls) {
    byOrigin[call.origin].calls += 1;
    byOrigin[call.origin].bytes += call.bytes;
    if (!largest || call.bytes > largest.bytes) largest = call;
  }
  const perComponent = new Map<string, { component: string; calls: number; bytes: number }>();
  for (const call of calls) {
    const name = shortName(call.component);
    const entry = perComponent.get(name) ?? { component: name, calls: 0, bytes: 0 };
    entry.calls += 1;
    entry.bytes += call.bytes;
    perComponent.set(name, entry);
  }
  if (extraBytes) perComponent.set(extraLabel, { component: `page ${extraLabel}`, calls: 1, bytes: extraBytes });
  const topComponents = [...perComponent.values()].sort((a, b) => b.bytes - a.bytes).slice(0, 3);
  const initialIsLargest = extraBytes > (largest ? largest.bytes : 0);
  if (extraBytes) byOrigin.page.bytes += extraBytes;
  return {
    calls: calls.length,
    totalBytes: calls.reduce((sum, c) => sum + c.bytes, 0) + extraBytes,
    largestBytes: initialIsLargest ? extraBytes : largest ? largest.bytes : 0,
    largestKeys: initialIsLargest ? [extraLabel] : largest ? largest.keys.slice(0, 8) : [],
    largestComponent: initialIsLargest ? 'page' : largest ? shortName(largest.component) : '',
    byOrigin,
    topComponents,
  };
}

function shortName(component: string): string {
  const at = component.indexOf('miniprogram/');
  return at >= 0 ? component.slice(at + 'miniprogram/'.length) : component;
}

/** Runs an action and returns the setData calls it caused (after the page settled). */
export async function recordCalls(action: () => Promise<void>, settleRounds = 10): Promise<SetDataCall[]> {
  const calls: SetDataCall[] = [];
  const outer = active;
  active = calls;
  try {
    await action();
    await settle(settleRounds);
  } finally {
    active = outer;
  }
  return calls;
}

export interface MeasuredPage {
  driver: Driver;
  firstRender: SegmentFigures & { wxml: NodeFigures };
}

export interface RenderOptions {
  /** The running app's services, installed into the page's fresh module registry. */
  services: Services;
  /** The first render is over when this holds (after onLoad and onShow). */
  ready?: (driver: Driver) => boolean;
}

/**
 * Renders pages/<name>/index and runs onLoad(query) and onShow as WeChat does, counting
 * the page's initial data plus every setData until the page settles (and `ready` holds).
 *
 * Each page is loaded in its own module registry: jest runs a module once per registry,
 * so a second page using the same Vant part would otherwise register it without its
 * Component() definition (a dead button). The app's services go into that registry.
 */
export async function renderMeasured(name: string, query: Record<string, string>, options: RenderOptions): Promise<MeasuredPage> {
  installSetDataProbe();
  const { ready } = options;
  let comp: RootComponent | null = null;
  let initialBytes = 0;
  let driver: Driver | null = null;
  const calls = await recordCalls(async () => {
    jest.isolateModules(() => {
      jest.requireActual<ContainerModule>('../../miniprogram/services/container').installServices({ ...options.services });
      const id = simulate.load(path.join(MINIPROGRAM_ROOT, pagePath(name as PageName)), simulateLoadOptions());
      comp = simulate.render(id);
    });
    if (!comp) throw new Error(`page ${name} did not render`);
    currentPage = (comp as RootComponent).instance;
    initialBytes = jsonBytes((comp as RootComponent).data);
    (comp as RootComponent).attach(document.createElement('parent-wrapper'));
    driver = new Driver(comp as RootComponent);
    await driver.lifecycle('onLoad', query);
    await driver.lifecycle('onShow');
    if (ready) await driver.until(() => ready(driver as Driver), `page ${name} ready`);
  });
  if (!driver) throw new Error(`page ${name} did not render`);
  const rendered = driver as Driver;
  return { driver: rendered, firstRender: { ...summarize(calls, initialBytes), wxml: countNodes(rendered.comp.dom as Element) } };
}

/** Taps what a finger would, without waiting: the bench counts what the tap itself sends. */
export function tap(driver: Driver, selector: string): void {
  driver.tapTarget(selector).dispatchEvent('tap');
}
