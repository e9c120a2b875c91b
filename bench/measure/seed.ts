/**
 * Puts a long history of renewals into the test's wx storage fake, written by the real
 * record store (so keys and sizes are what the app writes), ending before `now`.
 */
import { ShardedRecordStore } from '../../miniprogram/services/records/store';
import { storageFake } from '../../test/support/app';
import { orderStream } from './orders';
import { storageOver, unlimitedFake } from './storage';

/** The bench's orders come one every 18.5 hours on average (measure/orders.ts). */
const MEAN_GAP_MS = 18.5 * 3600 * 1000;

export function seedRecords(count: number, now: string, seed = 11): void {
  const source = unlimitedFake();
  const nowMs = Date.parse(now);
  const store = new ShardedRecordStore(storageOver(source), { now: () => nowMs, sleep: async () => undefined });
  store.open();
  // Started early enough that the newest order is still in the past at `now`.
  const stream = orderStream(seed, nowMs - count * MEAN_GAP_MS * 1.05);
  for (let i = 0; i < count; i += 1) {
    const result = store.append(stream.next());
    if (!result.ok) throw new Error(`seeding records failed at ${i}: ${result.message}`);
  }
  const fake = storageFake();
  fake.clearStorageSync();
  for (const [key, text] of source.entries()) fake.setStorageSync(key, JSON.parse(text));
  fake.resetCounters();
}
