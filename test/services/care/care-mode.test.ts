import { CARE_MODE_KEY, StoredCareMode } from '../../../miniprogram/services/care/care-mode';
import { fakeKeyValueStorage } from '../../support/wx-storage-fake';

describe('StoredCareMode (长辈模式)', () => {
  test('off until turned on; the choice is kept and read back by a new instance (a relaunch)', () => {
    const { storage, fake } = fakeKeyValueStorage();
    const care = new StoredCareMode(storage);
    expect(care.enabled()).toBe(false);
    expect(care.set(true)).toEqual({ ok: true, value: undefined });
    expect(fake.getStorageSync(CARE_MODE_KEY)).toBe(true);
    expect(new StoredCareMode(storage).enabled()).toBe(true);
    care.set(false);
    expect(new StoredCareMode(storage).enabled()).toBe(false);
  });

  test.each([['yes'], [1], [{ on: true }], [null]])('a damaged value (%p) means the standard look', (value) => {
    const { storage, fake } = fakeKeyValueStorage();
    fake.setStorageSync(CARE_MODE_KEY, value);
    expect(new StoredCareMode(storage).enabled()).toBe(false);
  });

  test('listeners hear each change until they unsubscribe', () => {
    const { storage } = fakeKeyValueStorage();
    const care = new StoredCareMode(storage);
    const heard: boolean[] = [];
    const off = care.subscribe((on) => heard.push(on));
    care.set(true);
    care.set(false);
    off();
    care.set(true);
    expect(heard).toEqual([true, false]);
  });

  test('a full storage: nothing changes, nobody is told, the message says what to do', () => {
    const { storage, fake } = fakeKeyValueStorage();
    const care = new StoredCareMode(storage);
    const heard: boolean[] = [];
    care.subscribe((on) => heard.push(on));
    fake.maxTotalBytes = 0;
    const result = care.set(true);
    expect(result).toMatchObject({ ok: false, error: 'quota' });
    expect(!result.ok && result.message).toContain('存储空间');
    expect(care.enabled()).toBe(false);
    expect(heard).toEqual([]);
  });
});
