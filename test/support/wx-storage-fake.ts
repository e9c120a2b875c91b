/**
 * A faithful in-memory stand-in for WeChat's key-value storage.
 *
 * miniprogram-simulate's own storage calls are no-ops, so without this every
 * persistence test would pass against nothing. What it imitates:
 * - values are stored as JSON, so what comes back is a copy (no shared references,
 *   undefined fields dropped, Dates turned into strings);
 * - a missing key reads as '' (WeChat's getStorageSync answer);
 * - one key may hold at most 1 MB and all keys together at most 10 MB, and an
 *   over-limit write throws the way WeChat throws, leaving the old value in place.
 * Sizes are counted in UTF-8 bytes of key + JSON text.
 */
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
  maxItemBytes: number;
  maxTotalBytes: number;
  /** Counts every key read, so benchmarks and tests can see what a page touched. */
  readonly reads: { key: string; bytes: number }[] = [];
  readonly writes: { key: string; bytes: number }[] = [];
  private failures: Error[] = [];

  constructor(options: StorageFakeOptions = {}) {
    this.maxItemBytes = options.maxItemBytes ?? MAX_ITEM_BYTES;
    this.maxTotalBytes = options.maxTotalBytes ?? MAX_TOTAL_BYTES;
  }

  /** The next `count` writes fail with this error (an I/O fault, not a quota). */
  failNextWrites(count = 1, message = 'setStorageSync:fail system error'): void {
    for (let i = 0; i < count; i += 1) this.failures.push(new Error(message));
  }

  setStorageSync(key: string, data: unknown): void {
    if (typeof key !== 'string' || key === '') throw new Error('setStorageSync:fail parameter error: key should be String');
    const failure = this.failures.shift();
    if (failure) throw failure;
    const text = JSON.stringify(data === undefined ? null : data);
    const size = utf8Bytes(key) + utf8Bytes(text);
    if (size > this.maxItemBytes) throw new Error('setStorageSync:fail exceed storage item max length');
    const previous = this.items.get(key);
    const previousSize = previous === undefined ? 0 : utf8Bytes(key) + utf8Bytes(previous);
    if (this.usedBytes() - previousSize + size > this.maxTotalBytes) {
      throw new Error('setStorageSync:fail exceed storage max size 10MB');
    }
    this.items.set(key, text);
    this.writes.push({ key, bytes: size });
  }

  getStorageSync(key: string): unknown {
    const text = this.items.get(key);
    if (text === undefined) return '';
    this.reads.push({ key, bytes: utf8Bytes(key) + utf8Bytes(text) });
    return JSON.parse(text);
  }

  removeStorageSync(key: string): void {
    this.items.delete(key);
  }

  clearStorageSync(): void {
    this.items.clear();
  }

  getStorageInfoSync(): { keys: string[]; currentSize: number; limitSize: number } {
    return {
      keys: [...this.items.keys()],
      currentSize: Math.ceil(this.usedBytes() / 1024),
      limitSize: Math.floor(this.maxTotalBytes / 1024),
    };
  }

  /** Puts raw JSON text under a key, bypassing limits: how tests plant corrupt data. */
  plantRaw(key: string, jsonText: string): void {
    this.items.set(key, jsonText);
  }

  rawText(key: string): string | undefined {
    return this.items.get(key);
  }

  usedBytes(): number {
    let total = 0;
    for (const [key, text] of this.items) total += utf8Bytes(key) + utf8Bytes(text);
    return total;
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
