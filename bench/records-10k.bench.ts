/**
 * A user with 10,000 saved renewals: what a launch reads from storage, and what the
 * records list costs however far it is scrolled (WXML nodes, depth, children of one
 * node, setData per scroll step), down through 500 rows and back up to the top.
 */
import { offlineBackend } from '../miniprogram/backends/offline/index';
import { checkoutEngine } from '../miniprogram/pages/confirm/checkout';
import { installServices, type Services } from '../miniprogram/services/container';
import type { Clock } from '../miniprogram/services/contracts';
import { FakeClock, FakeDevice, RecordingNavigator } from '../test/support/fakes';
import { seededRandom } from '../test/support/app';
import { measureLaunch, type LaunchFigures } from './measure/launch';
import { measureListScroll, type ListScrollFigures } from './measure/list-scroll';
import { type Failed, failed, writeSection } from './measure/output';
import { seedRecords } from './measure/seed';

const NOW = '2026-11-25T10:00:00+08:00';
const RECORDS = 10000;
const SCROLL_ROWS = 500;

function freshServices(clock: Clock = new FakeClock(NOW)): Services {
  return installServices({ clock, random: seededRandom(7), device: new FakeDevice(), navigator: new RecordingNavigator(), offlineBackend, loadCheckoutEngine: async () => checkoutEngine });
}

/** The launch's background work pauses between shards on real timers, as on the phone. */
const launchClock: Clock = { now: () => Date.parse(NOW), sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)) };

describe(`${RECORDS.toLocaleString('en-US')} records`, () => {
  let launch: LaunchFigures | Failed = { error: 'not measured' };
  let list: ListScrollFigures | Failed = { error: 'not measured' };

  beforeAll(() => seedRecords(RECORDS, NOW), 120000);

  afterAll(() => writeSection('records-10k', { now: NOW, records: RECORDS, launch, list }));

  test('launch', async () => {
    // The background record check alone pauses 16 ms between 200 shards.
    try {
      launch = await measureLaunch(freshServices(launchClock), RECORDS);
    } catch (err) {
      launch = failed(err);
      throw err;
    }
  }, 60000);

  test(`records list, scrolled through ${SCROLL_ROWS} rows and back`, async () => {
    try {
      const services = freshServices();
      services.records.open();
      list = await measureListScroll(services, SCROLL_ROWS);
    } catch (err) {
      list = failed(err);
      throw err;
    }
  });
});
