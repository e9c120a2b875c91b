/**
 * A user with 10,000 saved renewals: what a launch reads from storage, and what the
 * records list costs however far it is scrolled (WXML nodes, depth, children of one
 * node, setData per scroll step), down through 500 rows and back up to the top.
 */
import { installServices, type Services } from '../miniprogram/services/container';
import { FakeClock, FakeDevice, RecordingNavigator } from '../test/support/fakes';
import { seededRandom } from '../test/support/app';
import { measureLaunch, type LaunchFigures } from './measure/launch';
import { measureListScroll, type ListScrollFigures } from './measure/list-scroll';
import { type Failed, failed, writeSection } from './measure/output';
import { seedRecords } from './measure/seed';

const NOW = '2026-11-25T10:00:00+08:00';
const RECORDS = 10000;
const SCROLL_ROWS = 500;

function freshServices(): Services {
  return installServices({ clock: new FakeClock(NOW), random: seededRandom(7), device: new FakeDevice(), navigator: new RecordingNavigator() });
}

describe(`${RECORDS.toLocaleString('en-US')} records`, () => {
  let launch: LaunchFigures | Failed = { error: 'not measured' };
  let list: ListScrollFigures | Failed = { error: 'not measured' };

  beforeAll(() => seedRecords(RECORDS, NOW), 120000);

  afterAll(() => writeSection('records-10k', { now: NOW, records: RECORDS, launch, list }));

  test('launch', async () => {
    try {
      launch = await measureLaunch(freshServices(), RECORDS);
    } catch (err) {
      launch = failed(err);
      throw err;
    }
  });

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
