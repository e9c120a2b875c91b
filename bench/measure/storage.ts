/**
 * Storage for the store figures: the app's own adapter (WxKeyValueStorage) over the one
 * faithful wx storage fake. Stores are filled over a fake without limits, then their keys
 * are copied into a fake with WeChat's limits, which counts every byte read and written.
 */
import { WxKeyValueStorage } from '../../miniprogram/services/wx/storage';
import { WxStorageFake } from '../../test/support/wx-storage-fake';

/** A fake with no limits, for building stores of any size before measuring them. */
export function unlimitedFake(): WxStorageFake {
  return new WxStorageFake({ maxItemBytes: Infinity, maxTotalBytes: Infinity });
}

export function storageOver(fake: WxStorageFake): WxKeyValueStorage {
  return new WxKeyValueStorage(fake);
}

/**
 * Copies every key into a fresh WxStorageFake through setStorageSync, so WeChat's 1 MB
 * per key and 10 MB in all are enforced; a key over a limit is reported, not copied.
 */
export function intoWxFake(source: WxStorageFake): { fake: WxStorageFake; rejected: { key: string; reason: string }[] } {
  const fake = new WxStorageFake();
  const rejected: { key: string; reason: string }[] = [];
  for (const [key, text] of source.entries()) {
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
