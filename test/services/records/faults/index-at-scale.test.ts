/** Issue-14 fault trials: the index of 10,000 records damaged (the world and the invariants: test/support/records-faults.ts). */
import { ShardedRecordStore } from '../../../../miniprogram/services/records/store';
import { makeOrder } from '../../../support/records-fixtures';
import { T0, HOUR, World, reportFaultTally } from '../../../support/records-faults';

reportFaultTally();

describe('6. index summaries changed behind the store, at 10,000 records', () => {
  test('all summaries of 10,000 records reading 0: found at open, nothing hidden', () => {
    // Built once with the app's shard size, then planted afresh for each kind of damage.
    const built = new World(41, 0);
    const store = new ShardedRecordStore(built.faults, built.clock);
    store.open();
    const orders = Array.from({ length: 10_000 }, (_, i) => makeOrder({ at: T0 + i * HOUR, serial: i, state: i % 7 ? 'succeeded' : 'cancelled' }));
    for (const o of orders) store.append(o);
    const snapshot = built.fake.entries();
    for (const edit of ['counts 0', 'garbage page', 'page deleted'] as const) {
      built.fake.clearStorageSync();
      for (const [key, text] of snapshot) built.fake.plantRaw(key, text);
      for (const key of built.keys('rec.v2.index.')) {
        if (edit === 'page deleted') built.fake.removeStorageSync(key);
        else if (edit === 'garbage page') built.fake.plantRaw(key, '{"v":2,"s":[[');
        else {
          const page = JSON.parse(built.fake.rawText(key)!);
          for (const meta of page.s) meta[1] = 0;
          built.fake.plantRaw(key, JSON.stringify(page));
        }
      }
      built.fake.resetCounters();
      const opened = new ShardedRecordStore(built.faults, built.clock);
      opened.open();
      const readAtOpen = built.fake.bytesRead();
      built.orders = orders;
      built.judge('6 index damage at 10,000', opened, [], edit !== 'page deleted');
      console.log(`10,000 records, index ${edit}: open() read ${readAtOpen} bytes to rebuild`);
    }
  });
});
