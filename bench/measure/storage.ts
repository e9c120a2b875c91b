/**
 * Storage for the store figures. Stores are filled over plain JSON in a Map (fast: the
 * fake's limit checks rescan every key on each write), then the keys are copied into a
 * WxStorageFake, which enforces WeChat's limits and counts every byte read and written.
 */
import type { KeyValueStorage, StorageError } from '../../miniprogram/services/contracts';
import type { Result } from '../../miniprogram/core/types';
import { WxStorageFake } from '../../test/support/wx-storage-fake';

function failure(error: StorageError, message: string): Result<void, StorageError> {
  return { ok: false, error, message };
}

/** JSON text in a Map: the same round trip as wx storage, without limits or counters. */
export class JsonMapStorage implements KeyValueStorage {
  readonly items = new Map<string, string>();

  get(key: string): unknown {
    const text = this.items.get(key);
    return text === undefined ? undefined : JSON.parse(text);
  }

  set(key: string, value: unknown): Result<void, StorageError> {
    this.items.set(key, JSON.stringify(value === undefined ? null : value));
    return { ok: true, value: undefined };
  }

  remove(key: string): void {
    this.items.delete(key);
  }

  keys(): string[] {
    return [...this.items.keys()];
  }

  info(): { usedKb: number; limitKb: number } {
    let bytes = 0;
    for (const [key, text] of this.items) bytes += Buffer.byteLength(key) + Buffer.byteLength(text);
    return { usedKb: Math.ceil(bytes / 1024), limitKb: 10240 };
  }

  clone(): JsonMapStorage {
    const copy = new JsonMapStorage();
    for (const [key, text] of this.items) copy.items.set(key, text);
    return copy;
  }
}

/** The KeyValueStorage contract over a WxStorageFake, with WeChat's errors typed as the app's adapter types them. */
export class FakeWxStorage implements KeyValueStorage {
  constructor(readonly fake: WxStorageFake) {}

  get(key: string): unknown {
    const value = this.fake.getStorageSync(key);
    return value === '' ? undefined : value;
  }

  set(key: string, value: unknown): Result<void, StorageError> {
    try {
      this.fake.setStorageSync(key, value);
      return { ok: true, value: undefined };
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      if (message.includes('item max length')) return failure('item_too_large', message);
      if (message.includes('max size')) return failure('quota', message);
      return failure('failed', message);
    }
  }

  remove(key: string): void {
    this.fake.removeStorageSync(key);
  }

  keys(): string[] {
    return this.fake.getStorageInfoSync().keys;
  }

  info(): { usedKb: number; limitKb: number } {
    const info = this.fake.getStorageInfoSync();
    return { usedKb: info.currentSize, limitKb: info.limitSize };
  }
}

/**
 * Copies every key into a fresh WxStorageFake through setStorageSync, so WeChat's 1 MB
 * per key and 10 MB in all are enforced; a key over a limit is reported, not copied.
 */
export function intoWxFake(source: JsonMapStorage): { fake: WxStorageFake; rejected: { key: string; reason: string }[] } {
  const fake = new WxStorageFake();
  const rejected: { key: string; reason: string }[] = [];
  for (const [key, text] of source.items) {
    try {
      fake.setStorageSync(key, JSON.parse(text));
    } catch (err) {
      rejected.push({ key, reason: err instanceof Error ? err.message : String(err) });
    }
  }
  fake.resetCounters();
  return { fake, rejected };
}

export function bytesWritten(fake: WxStorageFake): number {
  return fake.writes.reduce((sum, w) => sum + w.bytes, 0);
}
