/**
 * A whole app under test: real services over the storage fake, with a fixed clock, a
 * recording navigator and a fake device. `restart()` throws the services away and
 * builds new ones over the same storage, as a killed and relaunched mini-program would.
 */
import { offlineBackend } from '../../miniprogram/backends/offline/index';
import { installServices, type Services } from '../../miniprogram/services/container';
import { FakeClock, FakeDevice, RecordingNavigator } from './fakes';
import { Driver, follow, openPage } from './page-driver';
import type { PageName } from '../../miniprogram/services/contracts';
import * as autoTopupEngine from '../../miniprogram/pages/autotopup/engine';
import { invoiceRules } from '../../miniprogram/pages/invoice/rules';
import { checkoutEngine } from '../../miniprogram/pages/confirm/checkout';

export interface TestAppOptions {
  now?: number | string;
  /** Services to replace (a failing gateway, a scripted payment...). */
  override?: Partial<Services>;
}

/** A deterministic random source, so order numbers and mock codes repeat run to run. */
export function seededRandom(seed = 42): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 0x100000000;
  };
}

export class TestApp {
  readonly clock: FakeClock;
  device = new FakeDevice();
  nav = new RecordingNavigator();
  services!: Services;
  private readonly override: Partial<Services>;

  constructor(options: TestAppOptions = {}) {
    this.clock = new FakeClock(options.now);
    this.override = options.override ?? {};
    this.boot();
  }

  private boot(): void {
    this.services = installServices({
      clock: this.clock,
      random: seededRandom(this.nav.moves.length + 7),
      device: this.device,
      navigator: this.nav,
      // In WeChat the engine arrives with its subpackage (require.async); here it is at hand.
      loadAutoTopupEngine: async () => autoTopupEngine,
      // In WeChat the money path arrives with the confirm subpackage; here it is at hand.
      loadCheckoutEngine: async () => checkoutEngine,
      // In WeChat the invoice rules arrive with the invoice subpackage; here they are at hand.
      loadInvoiceRules: async () => invoiceRules,
      // In WeChat the offline backend is a subpackage fetched on first use; here it is at hand.
      offlineBackend,
      ...this.override,
    });
    this.services.records.open();
  }

  /** Relaunch over the same storage: new service instances, new navigation stack. */
  restart(override: Partial<Services> = {}): void {
    this.device = new FakeDevice();
    this.nav = new RecordingNavigator();
    Object.assign(this.override, override);
    this.boot();
  }

  open(page: PageName, query: Record<string, string> = {}): Promise<Driver> {
    return openPage(page, query, this.services);
  }

  /** Renders the page the app last navigated to, with its query. */
  follow(expected: PageName): Promise<Driver> {
    return follow(this, expected);
  }
}

export function storageFake() {
  return globalThis.__wxStorage;
}
