/**
 * Renders a page with its module loaded afresh, so one test file can open the same page
 * any number of times (render.ts's renderPage can load a page only once per file: jest
 * does not let miniprogram-simulate drop a module from its cache, so the page's
 * Component() call never runs a second time).
 *
 * The page module is loaded in an isolated module registry; the running app's services
 * (and the privacy service, when given) are installed into that registry's container
 * first, so the page talks to the same instances as the test.
 */
import path from 'path';
import simulate from 'miniprogram-simulate';
import { Driver, MINIPROGRAM_ROOT, settle } from './render';
import type { Services } from '../../miniprogram/services/container';
import type { PrivacyService } from '../../miniprogram/services/wx/privacy';

/** Spelled through render() so it type-checks whichever typing of the package tsc picks up. */
type RootComponent = ReturnType<typeof simulate.render>;
type ContainerModule = typeof import('../../miniprogram/services/container');
type PrivacyModule = typeof import('../../miniprogram/services/wx/privacy');

export interface FreshPageOptions {
  services: Services;
  privacy?: PrivacyService;
}

export async function renderFreshPage(name: string, query: Record<string, string>, options: FreshPageOptions): Promise<Driver> {
  let comp: RootComponent | undefined;
  jest.isolateModules(() => {
    jest.requireActual<ContainerModule>('../../miniprogram/services/container').installServices({ ...options.services });
    if (options.privacy) jest.requireActual<PrivacyModule>('../../miniprogram/services/privacy').installPrivacy(options.privacy);
    const id = simulate.load(path.join(MINIPROGRAM_ROOT, `pages/${name}/index`), { rootPath: MINIPROGRAM_ROOT, compiler: 'official' });
    comp = simulate.render(id);
  });
  if (!comp) throw new Error(`page ${name} did not render`);
  comp.attach(document.createElement('parent-wrapper'));
  const driver = new Driver(comp);
  await driver.lifecycle('onLoad', query);
  await driver.lifecycle('onShow');
  return driver;
}

/** miniprogram-simulate's querySelector answers undefined (not null) when nothing matches. */
function isElement(found: RootComponent | null | undefined): found is RootComponent {
  return found !== null && found !== undefined;
}

/** Where Vant listens for a finger inside each part the account pages use. */
const TAP_TARGETS = ['.van-button', '.van-cell', '.van-radio__icon-wrap', '.van-tabbar-item'];

/**
 * Taps what a finger would, like Driver.tap. (Driver.tap and Driver.exists compare
 * querySelector's answer with null, but miniprogram-simulate answers undefined when
 * nothing matches, so they stop at the first candidate class; these check both.)
 */
export async function tapOn(driver: Driver, selector: string): Promise<void> {
  const inner = TAP_TARGETS.map((cls) => driver.comp.querySelector(`${selector} >>> ${cls}`)).find(isElement);
  (inner ?? driver.find(selector)).dispatchEvent('tap');
  await settle();
}

export function present(driver: Driver, selector: string): boolean {
  return isElement(driver.comp.querySelector(selector));
}

/** vantRendered with the undefined-safe check: the Vant part's inner element really exists. */
export function vantPresent(driver: Driver, hostSelector: string, innerClass: string): boolean {
  return present(driver, `${hostSelector} >>> ${innerClass}`);
}
