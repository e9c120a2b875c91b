import { WxKeyValueStorage, storageErrorOf } from '../../../miniprogram/services/wx/storage';
import { MAX_ITEM_BYTES, MAX_TOTAL_BYTES } from '../../support/wx-storage-fake';

const fake = () => globalThis.__wxStorage;

beforeEach(() => {
  fake().clearStorageSync();
  fake().maxItemBytes = MAX_ITEM_BYTES;
  fake().maxTotalBytes = MAX_TOTAL_BYTES;
});

describe('WxKeyValueStorage', () => {
  const storage = new WxKeyValueStorage();

  test('reads back a copy of what was stored', () => {
    const value = { a: 1, list: [1, 2], nested: { s: '中文' } };
    expect(storage.set('k', value)).toEqual({ ok: true, value: undefined });
    const back = storage.get('k');
    expect(back).toEqual(value);
    expect(back).not.toBe(value);
  });

  test.each([
    ['a missing key', null],
    ['a key holding an empty string', '""'],
    ['a key holding JSON null', 'null'],
    ['a key holding text that is not JSON', '{"broken'],
  ])('get() answers undefined for %s and never throws', (_label, planted) => {
    if (planted !== null) fake().plantRaw('k', planted);
    expect(() => storage.get('k')).not.toThrow();
    expect(storage.get('k')).toBeUndefined();
  });

  test('a value over 1 MB is refused as item_too_large and the old value stays', () => {
    storage.set('k', 'old');
    const result = storage.set('k', 'x'.repeat(MAX_ITEM_BYTES));
    expect(result).toMatchObject({ ok: false, error: 'item_too_large' });
    expect(!result.ok && result.message).toContain('1 MB');
    expect(storage.get('k')).toBe('old');
  });

  test('a full storage is refused as quota with a message that says what to do', () => {
    fake().maxTotalBytes = 2000;
    storage.set('a', 'x'.repeat(1500));
    const result = storage.set('b', 'y'.repeat(1000));
    expect(result).toMatchObject({ ok: false, error: 'quota' });
    expect(!result.ok && result.message).toContain('存储空间');
    expect(storage.get('b')).toBeUndefined();
    expect(storage.get('a')).toBe('x'.repeat(1500));
  });

  test('any other write failure is failed', () => {
    fake().failNextWrites(1);
    expect(storage.set('k', 1)).toMatchObject({ ok: false, error: 'failed' });
    expect(storage.set('k', 2)).toEqual({ ok: true, value: undefined });
    expect(storage.get('k')).toBe(2);
  });

  test('remove, keys and info', () => {
    storage.set('a', 1);
    storage.set('b', 'x'.repeat(3000));
    expect(storage.keys()).toMatchObject({ ok: true });
    expect([...(storage.keys() as { value: string[] }).value].sort()).toEqual(['a', 'b']);
    expect(storage.info()).toEqual({ ok: true, value: { usedKb: Math.ceil(fake().usedBytes() / 1024), limitKb: 10240 } });
    expect(storage.info()).toMatchObject({ value: { usedKb: 3 } });
    storage.remove('b');
    storage.remove('never-there');
    expect(storage.keys()).toEqual({ ok: true, value: ['a'] });
  });

  test('a listing or info call WeChat cannot answer is failed, never an empty storage', () => {
    storage.set('a', 1);
    fake().failNextInfo(2);
    expect(storage.keys()).toMatchObject({ ok: false, error: 'failed' });
    expect(storage.info()).toMatchObject({ ok: false, error: 'failed' });
    expect(storage.keys()).toEqual({ ok: true, value: ['a'] });
    const original = wx.getStorageInfoSync;
    (wx as any).getStorageInfoSync = () => ({ currentSize: 0, limitSize: 0 });
    try {
      // An answer without a key list is no listing either.
      expect(storage.keys()).toMatchObject({ ok: false, error: 'failed' });
    } finally {
      (wx as any).getStorageInfoSync = original;
    }
  });

  test('read() tells a missing key from one that could not be read; get() answers undefined for both', () => {
    storage.set('a', { x: 1 });
    expect(storage.read('a')).toEqual({ ok: true, value: { x: 1 } });
    expect(storage.read('nothing')).toEqual({ ok: true, value: undefined });
    fake().failNextReads(1);
    expect(storage.read('a')).toMatchObject({ ok: false, error: 'failed' });
    fake().failNextReads(1);
    expect(storage.get('a')).toBeUndefined();
    fake().plantRaw('broken', '{"oops');
    expect(storage.read('broken')).toMatchObject({ ok: false, error: 'failed' });
    expect(storage.get('a')).toEqual({ x: 1 });
  });
});

describe('storageErrorOf', () => {
  test.each([
    [new Error('setStorageSync:fail exceed storage item max length'), 'item_too_large'],
    [new Error('setStorageSync:fail exceed storage max size 10MB'), 'quota'],
    [{ errMsg: 'setStorageSync:fail exceed storage max size' }, 'quota'],
    [{ errMsg: 'setStorage:fail storage limit reached' }, 'quota'],
    [new Error('setStorageSync:fail system error'), 'failed'],
    ['just a string', 'failed'],
    [undefined, 'failed'],
    [null, 'failed'],
  ])('%p → %s', (thrown, expected) => {
    expect(storageErrorOf(thrown)).toBe(expected);
  });
});
