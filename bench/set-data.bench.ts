/**
 * setData figures: the first render of every page and each user action of the renewal
 * flow and the records list, measured on the real pages (miniprogram-simulate with the
 * official compiler, real Vant, real services over the storage fake). The user has one
 * bound card and 1,000 past renewals, so lists and filters have something to show.
 */
import type { BoundCard } from '../miniprogram/core/types';
import type { CarrierGateway, PageName } from '../miniprogram/services/contracts';
import { ShardedRecordStore } from '../miniprogram/services/records/store';
import { STATUS_OPTIONS } from '../miniprogram/pages/records/view';
import { TestApp, storageFake } from '../test/support/app';
import type { Driver } from '../test/support/page-driver';
import { orderStream } from './measure/orders';
import { type Failed, failed, writeSection } from './measure/output';
import { type SegmentFigures, recordCalls, renderMeasured, summarize, tap } from './measure/set-data';
import { storageOver, unlimitedFake } from './measure/storage';


const NOW = '2026-11-25T10:00:00+08:00';
const PAST_RENEWALS = 1000;
const PHONE = '13800138000';

interface ActionFigures extends SegmentFigures {
  flow: 'renewal' | 'records';
  page: PageName;
  action: string;
}

type Measured<T> = T | (Failed & { page?: PageName; action?: string; flow?: string });

/** What one renewal journey asked of the carrier gateway, from 充值's 查询 to the result page. */
interface JourneyFigures {
  lookups: number;
  topUps: number;
  statusQueries: number;
  /** The page that was showing at each lookup, in order. */
  lookupsBy: string[];
}

/** Counts the gateway's calls in place (checkout holds the same instance). */
function countGatewayCalls(gateway: CarrierGateway, showing: () => string): { figures: JourneyFigures; reset(): void } {
  const figures: JourneyFigures = { lookups: 0, topUps: 0, statusQueries: 0, lookupsBy: [] };
  const lookup = gateway.lookup.bind(gateway);
  const topUp = gateway.topUp.bind(gateway);
  const topUpStatus = gateway.topUpStatus.bind(gateway);
  gateway.lookup = (query) => {
    figures.lookups += 1;
    figures.lookupsBy.push(showing());
    return lookup(query);
  };
  gateway.topUp = (order) => {
    figures.topUps += 1;
    return topUp(order);
  };
  gateway.topUpStatus = (orderId) => {
    figures.statusQueries += 1;
    return topUpStatus(orderId);
  };
  return {
    figures,
    reset() {
      Object.assign(figures, { lookups: 0, topUps: 0, statusQueries: 0, lookupsBy: [] });
    },
  };
}

/** 1,000 renewals ending before today, written by the real store, then put in wx storage. */
function seedRecords(): void {
  const source = unlimitedFake();
  const store = new ShardedRecordStore(storageOver(source), { now: () => Date.parse(NOW), sleep: async () => undefined });
  store.open();
  const stream = orderStream(11, Date.parse('2024-09-01T09:00:00+08:00'));
  for (let i = 0; i < PAST_RENEWALS; i += 1) {
    const result = store.append(stream.next());
    if (!result.ok) throw new Error(`seeding records failed: ${result.message}`);
  }
  const fake = storageFake();
  fake.clearStorageSync();
  for (const [key, text] of source.entries()) fake.setStorageSync(key, JSON.parse(text));
}

function boundCard(at: number): BoundCard {
  return {
    phone: PHONE,
    region: 'CN',
    carrier: 'cmcc',
    cardType: 'phone',
    nickname: '我的手机',
    isDefault: true,
    boundAt: at,
    verifiedBy: 'sms',
    remindDaysBefore: 3,
  };
}

/**
 * Moves on to the next page (not a measured step). miniprogram-simulate does not update
 * Vant's dynamic `bindtap="{{ disabled ? '' : 'onClick' }}"` after a button is enabled,
 * so when the tap does not navigate, the handler the button is bound to is called.
 */
function pressToNavigate(app: TestApp, driver: Driver, selector: string, handler: string): void {
  const before = app.nav.moves.length;
  tap(driver, selector);
  if (app.nav.moves.length === before && typeof driver.instance[handler] === 'function') driver.instance[handler]();
}

/** Anything still loading is not a first render yet. */
function settled(driver: Driver): boolean {
  return driver.data.status !== 'loading';
}

describe('setData', () => {
  const firstRender: Partial<Record<PageName, Measured<SegmentFigures>>> = {};
  const actions: Measured<ActionFigures>[] = [];
  let app: TestApp;
  let orderId = '';
  let showing = '';
  let gatewayCalls: ReturnType<typeof countGatewayCalls>;
  let journey: Measured<JourneyFigures> = { error: 'the renewal journey did not run' };

  beforeAll(() => {
    seedRecords();
    app = new TestApp({ now: NOW });
    const bound = app.services.cards.bind(boundCard(app.clock.now()));
    if (!bound.ok) throw new Error(`binding the demo card failed: ${bound.message}`);
    gatewayCalls = countGatewayCalls(app.services.gateway, () => showing);
  });

  afterAll(() => {
    writeSection('set-data', {
      context: { now: NOW, pastRenewals: PAST_RENEWALS, boundCards: 1, counted: 'UTF-8 bytes of JSON.stringify(data), every component (page, own, Vant); first render adds the page initial data' },
      firstRender,
      actions,
      journey,
    });
  });

  async function page(name: PageName, query: Record<string, string> = {}): Promise<Driver | null> {
    showing = name;
    try {
      const measured = await renderMeasured(name, query, { services: app.services, ready: settled });
      firstRender[name] = measured.firstRender;
      return measured.driver;
    } catch (err) {
      firstRender[name] = failed(err);
      return null;
    }
  }

  async function action(flow: ActionFigures['flow'], pageName: PageName, label: string, run: () => Promise<void>): Promise<boolean> {
    try {
      const calls = await recordCalls(run);
      actions.push({ flow, page: pageName, action: label, ...summarize(calls) });
      return true;
    } catch (err) {
      actions.push({ flow, page: pageName, action: label, ...failed(err) });
      return false;
    }
  }

  test('home', async () => {
    const driver = await page('home');
    driver?.unload();
  });

  test('renewal flow: lookup → packages → confirm → pay → result', async () => {
    gatewayCalls.reset();
    const lookup = await page('lookup');
    if (lookup) {
      await action('renewal', 'lookup', 'type a number', () => lookup.type('#query', PHONE));
      await action('renewal', 'lookup', 'look up', async () => {
        tap(lookup, '#submit');
        await lookup.until(() => lookup.data.status !== 'loading' && lookup.data.status !== 'idle', 'lookup answer');
      });
      pressToNavigate(app, lookup, '#renew', 'onRenew');
      lookup.unload();
    }

    const packagesQuery = app.nav.last()?.page === 'packages' ? app.nav.last()?.query ?? { phone: PHONE } : { phone: PHONE };
    const packages = await page('packages', packagesQuery);
    if (packages) {
      const tabs = (packages.data.tabs ?? []) as { kind: string; tiles: { id: string }[] }[];
      const other = tabs.findIndex((_, i) => i !== packages.data.activeTab);
      await action('renewal', 'packages', 'choose a tab', async () => {
        const kind = other >= 0 ? tabs[other].kind : '';
        if (!kind || !packages.has(`#kind-${kind}`)) throw new Error(`no second tab to choose (tabs: ${tabs.map((t) => t.kind).join(', ')})`);
        tap(packages, `#kind-${kind}`);
        await packages.until(() => packages.data.activeTab === other, 'the tab chosen');
      });
      const tile = tabs[other]?.tiles.find((t) => t.id !== packages.data.selectedId);
      await action('renewal', 'packages', 'choose a package', async () => {
        if (!tile) throw new Error('no package tile to choose');
        tap(packages, `#tile-${tile.id}`);
        await packages.until(() => packages.data.selectedId === tile.id, 'the package selected');
      });
      pressToNavigate(app, packages, '#next', 'onNext');
      packages.unload();
    }

    const move = app.nav.last();
    const confirmQuery = move?.page === 'confirm' ? move.query : null;
    const confirm = confirmQuery ? await page('confirm', confirmQuery) : null;
    if (!confirmQuery) firstRender.confirm = { error: `packages did not open confirm (last move: ${JSON.stringify(move)})` };
    if (confirm) {
      await action('renewal', 'confirm', 'pay', async () => {
        tap(confirm, '#pay');
        await confirm.until(() => confirm.has('#sheet >>> .payment-sheet__pay'), 'the payment sheet');
        tap(confirm, '#sheet >>> .payment-sheet__pay');
        await confirm.until(() => app.nav.last()?.page === 'result', 'navigation to the result');
      });
      confirm.unload();
    }

    const paid = app.nav.last();
    orderId = paid?.page === 'result' ? paid.query.orderId ?? '' : '';
    if (orderId) (await page('result', { orderId }))?.unload();
    else firstRender.result = { error: 'no paid order to show (the pay step failed)' };
    journey = orderId ? { ...gatewayCalls.figures, lookupsBy: [...gatewayCalls.figures.lookupsBy] } : { error: 'the journey did not reach a paid order' };
    if (orderId) (await page('voucher', { orderId }))?.unload();
    else firstRender.voucher = { error: 'no paid order to show (the pay step failed)' };
    expect(actions.filter((a) => 'error' in a)).toEqual([]);
  });

  test('records list: first page, scroll, load more, filter', async () => {
    const records = await page('records');
    const first = firstRender.records;
    if (first && !('error' in first)) actions.push({ flow: 'records', page: 'records', action: 'first page (first render)', ...first });
    if (records) {
      const screen = app.services.device.windowHeight();
      await action('records', 'records', 'scroll a screen', async () => {
        // The page takes the first scroll of a burst at once (later ones at most every 80 ms).
        await records.lifecycle('onPageScroll', { scrollTop: screen });
      });
      await action('records', 'records', 'load more', async () => {
        const before = records.data.visible;
        await records.lifecycle('onReachBottom');
        if (records.data.visible <= before) throw new Error('load more showed no new rows');
      });
      await action('records', 'records', 'open a filter', async () => {
        tap(records, '#filter-status');
        await records.until(() => records.has('#filter-sheet >>> .van-action-sheet__item'), 'the filter sheet');
      });
      const status = STATUS_OPTIONS.findIndex((o) => o.value !== '');
      await action('records', 'records', 'filter', async () => {
        const items = records.queryAll('#filter-sheet >>> .van-action-sheet__item');
        if (status < 0 || !items[status]) throw new Error('no status filter to choose');
        items[status].dispatchEvent('tap');
        await records.until(() => records.data.filtered === true, 'the filter applied');
      });
      records.unload();
    }
  });

  test('other pages', async () => {
    for (const [name, query] of [
      ['mine', {}],
      ['bind', {}],
      ['card', { phone: PHONE }],
      ['help', {}],
      ['plan', {}],
      ['autotopup', { phone: PHONE }],
      ['invoice', orderId ? { orderIds: orderId } : {}],
    ] as [PageName, Record<string, string>][]) {
      (await page(name, query))?.unload();
    }
    expect(Object.entries(firstRender).filter(([, f]) => f && 'error' in f)).toEqual([]);
  });
});
