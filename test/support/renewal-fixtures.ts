/**
 * Helpers for the renewal pages' tests (lookup, packages, confirm, result, payment-sheet,
 * card-summary and the renewal flow):
 * - card profiles to show;
 * - pages and components rendered with their modules loaded afresh (jest keeps a
 *   module loaded once per file, so a second simulate.load of the same page or of a
 *   component it uses would register nothing); the running services are installed into
 *   the fresh module registry, so the page talks to the test's instances;
 * - every setData a page sends, measured from the first one on;
 * - taps and checks that treat miniprogram-simulate's `undefined` (no match) as absent.
 */
import path from 'path';
import simulate from 'miniprogram-simulate';
import type { RootComponent } from 'miniprogram-simulate';
import type { CardProfile } from '../../miniprogram/core/types';
import type { PageName } from '../../miniprogram/services/contracts';
import type { Services } from '../../miniprogram/services/container';
import { money } from '../../miniprogram/core/money';
import { Driver, MINIPROGRAM_ROOT, settle } from './render';
import type { TestApp } from './app';

type ContainerModule = typeof import('../../miniprogram/services/container');

export function cardProfile(patch: Partial<CardProfile> = {}): CardProfile {
  return {
    phone: '13800138000',
    region: 'CN',
    iccid: '89860012345678901234',
    carrier: 'cmcc',
    cardType: 'phone',
    planName: '动感地带 18 元套餐',
    balance: money(1250, 'CNY'),
    dataLeftMb: 2048,
    expiry: '2026-12-20',
    suspended: false,
    ...patch,
  };
}

export function smartProfile(patch: Partial<CardProfile> = {}): CardProfile {
  return cardProfile({
    phone: '09171234567',
    region: 'PH',
    iccid: '8963012345678901234',
    carrier: 'smart',
    planName: 'Smart Prepaid',
    balance: money(5000, 'PHP'),
    ...patch,
  });
}

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

function loadFresh(relativePath: string, services: Services | undefined, properties?: Record<string, unknown>): RootComponent {
  let comp: RootComponent | undefined;
  jest.isolateModules(() => {
    if (services) jest.requireActual<ContainerModule>('../../miniprogram/services/container').installServices({ ...services });
    const id = simulate.load(path.join(MINIPROGRAM_ROOT, relativePath), { rootPath: MINIPROGRAM_ROOT, compiler: 'official' });
    comp = simulate.render(id, properties);
  });
  if (!comp) throw new Error(`${relativePath} did not render`);
  return comp;
}

export interface OpenedPage {
  driver: Driver;
  meter: SetDataMeter;
}

/** Renders pages/<name>/index afresh over these services, then onLoad(query) and onShow. */
export async function openPage(name: PageName, query: Record<string, string>, services: Services): Promise<OpenedPage> {
  const comp = loadFresh(`pages/${name}/index`, services);
  const meter = new SetDataMeter();
  const instance = comp.instance;
  const original = instance.setData;
  instance.setData = function metered(this: unknown, data: Record<string, unknown>, callback?: () => void) {
    meter.record(data);
    return original.call(this, data, callback);
  };
  comp.attach(document.createElement('parent-wrapper'));
  const driver = new Driver(comp);
  await driver.lifecycle('onLoad', query);
  await driver.lifecycle('onShow');
  await settle();
  return { driver, meter };
}

/** Renders components/<name>/index afresh with these properties. */
export async function openComponent(name: string, properties: Record<string, unknown>, services?: Services): Promise<Driver> {
  const comp = loadFresh(`components/${name}/index`, services, properties);
  comp.attach(document.createElement('parent-wrapper'));
  await settle();
  return new Driver(comp);
}

/** Renders the page the app last navigated to, with its query. */
export async function follow(app: TestApp, expected: PageName): Promise<OpenedPage> {
  const move = app.nav.last();
  if (!move || move.page !== expected) {
    throw new Error(`expected navigation to ${expected}, got ${JSON.stringify(move)}`);
  }
  return openPage(expected, move.query, app.services);
}

/** miniprogram-simulate answers undefined (not null) when nothing matches. */
export function has(driver: Driver, selector: string): boolean {
  const found = driver.comp.querySelector(selector);
  return found !== null && found !== undefined;
}

export function vantShown(driver: Driver, hostSelector: string, innerClass: string): boolean {
  return has(driver, `${hostSelector} >>> ${innerClass}`);
}

const TAP_TARGETS = ['.van-button', '.van-cell', '.van-grid-item__content', '.van-tab', '.van-action-sheet__item'];

/** Taps where Vant listens inside the part (its inner element), or the element itself. */
export async function tap(driver: Driver, selector: string): Promise<void> {
  const inner = TAP_TARGETS.map((cls) => driver.comp.querySelector(`${selector} >>> ${cls}`)).find((el) => el !== null && el !== undefined);
  (inner ?? driver.find(selector)).dispatchEvent('tap');
  await settle();
}

/** Types into a Vant field as WeChat reports typing. */
export async function typeInto(driver: Driver, selector: string, value: string): Promise<void> {
  await driver.type(selector, value);
  await settle();
}

/** Waits for the mock services' answers (they resolve on later ticks). */
export async function until(driver: Driver, predicate: () => boolean, what: string): Promise<void> {
  await driver.until(predicate, what, 400);
}
