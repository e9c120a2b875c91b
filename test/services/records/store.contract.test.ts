/** The record store contract, run over the sharded store at the app's shard size and at a tiny one. */
import { ShardedRecordStore } from '../../../miniprogram/services/records/store';
import { WxKeyValueStorage } from '../../../miniprogram/services/wx/storage';
import { FakeClock } from '../../support/fakes';
import { FaultyStorage } from '../../support/records-storage';
import { recordStoreContract, type ContractHarness } from '../../support/record-store-contract';
import { MAX_ITEM_BYTES, MAX_TOTAL_BYTES } from '../../support/wx-storage-fake';

const fake = () => globalThis.__wxStorage;

function freshFake(): void {
  fake().clearStorageSync();
  fake().maxItemBytes = MAX_ITEM_BYTES;
  fake().maxTotalBytes = MAX_TOTAL_BYTES;
  fake().resetCounters();
}

function harness(shardSize?: number): ContractHarness {
  freshFake();
  const faults = new FaultyStorage(new WxKeyValueStorage());
  const clock = new FakeClock('2026-11-25T10:00:00+08:00');
  return {
    fake: fake(),
    faults,
    launch() {
      const store = new ShardedRecordStore(faults, clock, shardSize ? { shardSize } : {});
      store.open();
      return store;
    },
  };
}

recordStoreContract('ShardedRecordStore, 50 a shard', () => harness());
recordStoreContract('ShardedRecordStore, 4 a shard (many shards)', () => harness(4));
