/**
 * The launch report (app.ts): what the user is told at launch about the records — damage
 * found by open() at once, damage found by verify() when it is done, a storage that could
 * not be listed — each in one short Chinese toast, and nothing when all is well.
 */
import { offlineBackend } from '../miniprogram/backends/offline/index';
import { checkoutEngine } from '../miniprogram/pages/confirm/checkout';
import { installServices } from '../miniprogram/services/container';
import type { KeyValueStorage } from '../miniprogram/services/contracts';
import { WxKeyValueStorage } from '../miniprogram/services/wx/storage';
import { FakeClock, FakeDevice } from './support/fakes';
import { FaultyStorage } from './support/records-storage';
import { makeOrder } from './support/records-fixtures';
import { settleMicrotasks } from './support/checkout-fixtures';

let launch: () => void;
(globalThis as unknown as { App: (definition: { onLaunch(): void }) => void }).App = (definition) => {
  launch = () => definition.onLaunch();
};
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { BACKGROUND_START_MS } = require('../miniprogram/app') as { BACKGROUND_START_MS: number };

const fake = () => globalThis.__wxStorage;
const T0 = Date.parse('2026-11-01T09:00:00+08:00');

function seed(count: number): void {
  const services = installServices({ clock: new FakeClock(), device: new FakeDevice(), offlineBackend, loadCheckoutEngine: async () => checkoutEngine });
  for (let i = 0; i < count; i += 1) services.records.append(makeOrder({ at: T0 + i * 3_600_000, serial: i }));
}

async function launched(storage: KeyValueStorage = new WxKeyValueStorage()): Promise<{ device: FakeDevice }> {
  const device = new FakeDevice();
  installServices({ clock: new FakeClock(), device, storage, offlineBackend, loadCheckoutEngine: async () => checkoutEngine });
  launch();
  await settleMicrotasks(400);
  return { device };
}

beforeEach(() => fake().clearStorageSync());

test('all is well: no toast about the records', async () => {
  seed(120);
  const { device } = await launched();
  expect(device.toasts).toEqual([]);
});

test('a shard gone since the last launch: one toast at once, with how many orders', async () => {
  seed(120);
  fake().removeStorageSync('rec.v2.shard.0');
  const { device } = await launched();
  expect(device.toasts[0].message).toBe('有 50 笔订单的记录损坏或丢失，详情见“记录”页，其余记录完好');
  expect(device.toasts).toHaveLength(1);
});

test('an order changed inside an old shard: found by the check after launch, told then', async () => {
  seed(120);
  const text = fake().rawText('rec.v2.shard.0')!;
  fake().plantRaw('rec.v2.shard.0', text.replace('"13800138000"', '"13800138001"'));
  const { device } = await launched();
  expect(device.toasts.map((t) => t.message)).toEqual(['有 1 笔订单的记录损坏或丢失，详情见“记录”页，其余记录完好']);
});

test('storage that cannot be listed: the user is told records are read-only and nothing can be paid', async () => {
  seed(10);
  const faults = new FaultyStorage(new WxKeyValueStorage());
  faults.failListing();
  const { device } = await launched(faults);
  expect(device.toasts[0].message).toBe('暂时读不到手机存储，记录只能查看、暂不能支付，请稍后重开小程序');
});

test('the background work waits for the first page: nothing but the index is read until the pause is over', async () => {
  seed(120);
  const device = new FakeDevice();
  const pauses: number[] = [];
  let release: () => void = () => undefined;
  const clock = new FakeClock();
  clock.sleep = (ms: number) => {
    pauses.push(ms);
    return new Promise<void>((resolve) => (release = resolve));
  };
  installServices({ clock, device, offlineBackend, loadCheckoutEngine: async () => checkoutEngine });
  launch();
  // What open() itself read is onLaunch's; from here on only the first page may read.
  fake().resetCounters();
  await settleMicrotasks(50);
  const shardReads = () => fake().reads.filter((r) => r.key.startsWith('rec.v2.shard.')).length;
  expect(pauses[0]).toBe(BACKGROUND_START_MS);
  expect(fake().reads.filter((r) => r.key.startsWith('rec.v2.shard.')).map((r) => r.key)).toEqual([]);
  clock.sleep = async () => undefined;
  release();
  await settleMicrotasks(200);
  expect(shardReads()).toBeGreaterThan(0);
});
