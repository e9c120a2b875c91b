/**
 * A faithful in-memory stand-in for WeChat's key-value storage.
 *
 * miniprogram-simulate's own storage calls are no-ops, so without this every
 * persistence test would pass against nothing. What it imitates:
 * - values are stored as JSON, so what comes back is a copy (no shared references,
 *   undefined fields dropped, Dates turned into strings);
 * - a missing key reads as '' (WeChat's getStorageSync answer);
 * - one key may hold at most 1 MB and all keys together at most 10 MB, and an
 *   over-limit write throws the way WeChat throws, leaving the old value in place;
 * - getStorageInfoSync and getStorageSync can be told to throw (failNextInfo,
 *   failNextReads), as they do on a device whose storage is in trouble.
 * Sizes are counted in UTF-8 bytes of key + JSON text.
 */
import { WxKeyValueStorage } from '../../miniprogram/services/wx/storage';

export const MAX_ITEM_BYTES = 1024 * 1024;
export const MAX_TOTAL_BYTES = 10 * 1024 * 1024;

export interface StorageFakeOptions {
  maxItemBytes?: number;
  maxTotalBytes?: number;
}

function utf8Bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

export class WxStorageFake {
  private readonly items = new Map<string, string>();
  /** Bytes of every key + JSON text, kept up to date on each change (a write costs the same at any size). */
  private total = 0;
  maxItemBytes: number;
  maxTotalBytes: number;
  /** Counts every key read, so benchmarks and tests can see what a page touched. */
  readonly reads: { key: string; bytes: number }[] = [];
  readonly writes: { key: string; bytes: number }[] = [];
  private failures: Error[] = [];
  private infoFailures = 0;
  private readFailures = 0;

  constructor(options: StorageFakeOptions = {}) {
    this.maxItemBytes = options.maxItemBytes ?? MAX_ITEM_BYTES;
    this.maxTotalBytes = options.maxTotalBytes ?? MAX_TOTAL_BYTES;
  }

  /** The next `count` writes fail with this error (an I/O fault, not a quota). */
  failNextWrites(count = 1, message = 'setStorageSync:fail system error'): void {
    for (let i = 0; i < count; i += 1) this.failures.push(new Error(message));
  }

  /** The next `count` getStorageInfoSync calls throw. */
  failNextInfo(count = 1): void {
    this.infoFailures += count;
  }

  /** The next `count` getStorageSync calls throw (whatever the key). */
  failNextReads(count = 1): void {
    this.readFailures += count;
  }

  /** getStorageInfoSync and getStorageSync work again. */
  healFaults(): void {
    this.infoFailures = 0;
    this.readFailures = 0;
  }

  setStorageSync(key: string, data: unknown): void {
    if (typeof key !== 'string' || key === '') throw new Error('setStorageSync:fail parameter error: key should be String');
    const failure = this.failures.shift();
    if (failure) throw failure;
    const text = JSON.stringify(data === undefined ? null : data);
    const size = utf8Bytes(key) + utf8Bytes(text);
    if (size > this.maxItemBytes) throw new Error('setStorageSync:fail exceed storage item max length');
    const previousSize = this.sizeOf(key);
    if (this.total - previousSize + size > this.maxTotalBytes) {
      throw new Error('setStorageSync:fail exceed storage max size 10MB');
    }
    this.put(key, text);
    this.writes.push({ key, bytes: size });
  }

  getStorageSync(key: string): unknown {
    if (this.readFailures > 0) {
      this.readFailures -= 1;
      throw new Error('getStorageSync:fail system error');
    }
    const text = this.items.get(key);
    if (text === undefined) return '';
    this.reads.push({ key, bytes: utf8Bytes(key) + utf8Bytes(text) });
    return JSON.parse(text);
  }

  removeStorageSync(key: string): void {
    this.total -= this.sizeOf(key);
    this.items.delete(key);
  }

  clearStorageSync(): void {
    this.items.clear();
    this.total = 0;
    this.infoFailures = 0;
    this.readFailures = 0;
    this.failures = [];
  }

  getStorageInfoSync(): { keys: string[]; currentSize: number; limitSize: number } {
    if (this.infoFailures > 0) {
      this.infoFailures -= 1;
      throw new Error('getStorageInfoSync:fail system error');
    }
    return {
      keys: [...this.items.keys()],
      currentSize: Math.ceil(this.usedBytes() / 1024),
      limitSize: Math.floor(this.maxTotalBytes / 1024),
    };
  }

  /** Puts raw JSON text under a key, bypassing limits: how tests plant corrupt data. */
  plantRaw(key: string, jsonText: string): void {
    this.put(key, jsonText);
  }

  rawText(key: string): string | undefined {
    return this.items.get(key);
  }

  usedBytes(): number {
    return this.total;
  }

  /** Every key with its stored JSON text. */
  entries(): [string, string][] {
    return [...this.items.entries()];
  }

  /** An independent copy with the same items and limits (counters start at zero). */
  clone(): WxStorageFake {
    const copy = new WxStorageFake({ maxItemBytes: this.maxItemBytes, maxTotalBytes: this.maxTotalBytes });
    for (const [key, text] of this.items) copy.put(key, text);
    return copy;
  }

  private sizeOf(key: string): number {
    const text = this.items.get(key);
    return text === undefined ? 0 : utf8Bytes(key) + utf8Bytes(text);
  }

  private put(key: string, text: string): void {
    this.total += utf8Bytes(key) + utf8Bytes(text) - this.sizeOf(key);
    this.items.set(key, text);
  }

  largestItem(): { key: string; bytes: number } {
    let best = { key: '', bytes: 0 };
    for (const [key, text] of this.items) {
      const bytes = utf8Bytes(key) + utf8Bytes(text);
      if (bytes > best.bytes) best = { key, bytes };
    }
    return best;
  }

  resetCounters(): void {
    this.reads.length = 0;
    this.writes.length = 0;
  }

  bytesRead(): number {
    return this.reads.reduce((sum, r) => sum + r.bytes, 0);
  }

  /** Installs this fake's storage calls on a wx object (sync and callback forms). */
  installOn(wxObject: Record<string, unknown>): void {
    wxObject.setStorageSync = (key: string, data: unknown) => this.setStorageSync(key, data);
    wxObject.getStorageSync = (key: string) => this.getStorageSync(key);
    wxObject.removeStorageSync = (key: string) => this.removeStorageSync(key);
    wxObject.clearStorageSync = () => this.clearStorageSync();
    wxObject.getStorageInfoSync = () => this.getStorageInfoSync();
  }
}

/**
 * The app's own storage adapter over a fresh fake of its own: what a service under test
 * gets when it should not share the global wx storage. Limits default to WeChat's;
 * pass Infinity to fill a store in bulk before copying it into a limited fake.
 */
export function fakeKeyValueStorage(options: StorageFakeOptions = {}): { storage: WxKeyValueStorage; fake: WxStorageFake } {
  const fake = new WxStorageFake(options);
  return { storage: new WxKeyValueStorage(fake), fake };
}
