import type { KeyValueStorage, StorageError } from '../contracts';
import type { Result } from '../../core/types';

const MESSAGES: Record<StorageError, string> = {
  quota: '手机上的小程序存储空间已满，本次数据没有保存。请在微信“设置 → 通用 → 存储空间”清理后重试',
  item_too_large: '这份数据超过了单项 1 MB 的存储上限，没有保存',
  failed: '保存数据失败，请稍后重试',
};

/**
 * WeChat reports storage failures only as thrown errors with an errMsg text; the
 * wording differs between base library versions, so match the distinctive words.
 */
export function storageErrorOf(thrown: unknown): StorageError {
  const text = String((thrown as { errMsg?: unknown })?.errMsg ?? (thrown as { message?: unknown })?.message ?? thrown);
  if (/item max length|max length/i.test(text)) return 'item_too_large';
  if (/max size|exceed|quota|storage limit/i.test(text)) return 'quota';
  return 'failed';
}

export function storageFailure(error: StorageError): Result<never, StorageError> {
  return { ok: false, error, message: MESSAGES[error] };
}

/** A failed read or listing: never to be taken for a missing key or an empty storage. */
const FAILED: Result<never, 'failed'> = { ok: false, error: 'failed', message: '暂时无法读取手机存储，请稍后重试' };

/** The wx storage calls this adapter uses (tests hand it a faithful fake). */
export interface WxStorageApi {
  getStorageSync(key: string): unknown;
  setStorageSync(key: string, data: unknown): void;
  removeStorageSync(key: string): void;
  getStorageInfoSync(): { keys: string[]; currentSize: number; limitSize: number };
}

/** wx key-value storage behind the KeyValueStorage interface: never throws, errors typed. */
export class WxKeyValueStorage implements KeyValueStorage {
  /** Read lazily: `wx` may be installed after this adapter is built (tests, the preview). */
  constructor(private readonly api?: WxStorageApi) {}

  private get wx(): WxStorageApi {
    return this.api ?? (wx as unknown as WxStorageApi);
  }

  get(key: string): unknown {
    const read = this.read(key);
    return read.ok ? read.value : undefined;
  }

  read(key: string): Result<unknown, 'failed'> {
    try {
      const value: unknown = this.wx.getStorageSync(key);
      // getStorageSync answers '' for a missing key; nothing of ours stores a bare ''.
      return { ok: true, value: value === '' || value === null ? undefined : value };
    } catch {
      return FAILED;
    }
  }

  set(key: string, value: unknown): Result<void, StorageError> {
    try {
      this.wx.setStorageSync(key, value);
      return { ok: true, value: undefined };
    } catch (thrown) {
      return storageFailure(storageErrorOf(thrown));
    }
  }

  remove(key: string): void {
    try {
      this.wx.removeStorageSync(key);
    } catch {
      // A failed removal leaves the value in place, which is never worse than losing it.
    }
  }

  keys(): Result<string[], 'failed'> {
    try {
      const { keys } = this.wx.getStorageInfoSync();
      return Array.isArray(keys) ? { ok: true, value: [...keys] } : FAILED;
    } catch {
      return FAILED;
    }
  }

  info(): Result<{ usedKb: number; limitKb: number }, 'failed'> {
    try {
      const info = this.wx.getStorageInfoSync();
      return { ok: true, value: { usedKb: info.currentSize, limitKb: info.limitSize } };
    } catch {
      return FAILED;
    }
  }
}
