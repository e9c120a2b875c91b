/**
 * wx storage for the browser preview, kept in localStorage so records survive a reload.
 * Same rules as WeChat (and the test fake): JSON round trip, '' for a missing key,
 * 1 MB per key and 10 MB in all counted in UTF-8 bytes of key + JSON, and WeChat's
 * error texts when a write does not fit (the old value stays).
 */
export const MAX_ITEM_BYTES = 1024 * 1024;
export const MAX_TOTAL_BYTES = 10 * 1024 * 1024;
/** Keeps the mini-program's keys apart from anything else on the preview's origin. */
export const KEY_PREFIX = 'wx-storage:';

/** UTF-8 length, counted by hand so the same code runs in any browser and in jsdom. */
function bytes(text: string): number {
  let total = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    total += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return total;
}

export class LocalWxStorage {
  constructor(private readonly area: Storage = window.localStorage) {}

  private ownKeys(): string[] {
    const keys: string[] = [];
    for (let i = 0; i < this.area.length; i += 1) {
      const key = this.area.key(i);
      if (key !== null && key.startsWith(KEY_PREFIX)) keys.push(key.slice(KEY_PREFIX.length));
    }
    return keys;
  }

  private usedBytes(): number {
    return this.ownKeys().reduce((sum, key) => sum + bytes(key) + bytes(this.area.getItem(KEY_PREFIX + key) ?? ''), 0);
  }

  setStorageSync(key: string, data: unknown): void {
    if (typeof key !== 'string' || key === '') throw new Error('setStorageSync:fail parameter error: key should be String');
    const text = JSON.stringify(data === undefined ? null : data);
    const size = bytes(key) + bytes(text);
    if (size > MAX_ITEM_BYTES) throw new Error('setStorageSync:fail exceed storage item max length');
    const previous = this.area.getItem(KEY_PREFIX + key);
    const previousSize = previous === null ? 0 : bytes(key) + bytes(previous);
    if (this.usedBytes() - previousSize + size > MAX_TOTAL_BYTES) throw new Error('setStorageSync:fail exceed storage max size 10MB');
    try {
      this.area.setItem(KEY_PREFIX + key, text);
    } catch {
      // The browser's own localStorage quota (often 5 MB) is smaller than WeChat's.
      throw new Error('setStorageSync:fail exceed storage max size 10MB');
    }
  }

  getStorageSync(key: string): unknown {
    const text = this.area.getItem(KEY_PREFIX + key);
    if (text === null) return '';
    try {
      return JSON.parse(text);
    } catch {
      return '';
    }
  }

  removeStorageSync(key: string): void {
    this.area.removeItem(KEY_PREFIX + key);
  }

  clearStorageSync(): void {
    for (const key of this.ownKeys()) this.area.removeItem(KEY_PREFIX + key);
  }

  getStorageInfoSync(): { keys: string[]; currentSize: number; limitSize: number } {
    return {
      keys: this.ownKeys(),
      currentSize: Math.ceil(this.usedBytes() / 1024),
      limitSize: Math.floor(MAX_TOTAL_BYTES / 1024),
    };
  }
}
