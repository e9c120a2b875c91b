/**
 * The browser preview's own logic, without a browser: wx storage on localStorage keeps
 * WeChat's limits, and the preview navigator keeps WeChat's page stack rules.
 */
import { LocalWxStorage, MAX_ITEM_BYTES, KEY_PREFIX } from '../../scripts/preview/shell/storage';
import { PreviewNavigator, parseRoute, routeHash } from '../../scripts/preview/shell/navigator';
import type { MountedPage, PageHost } from '../../scripts/preview/shell/page-host';
import type { Frame, FrameState } from '../../scripts/preview/shell/frame';

/** A Storage with no quota of its own, so only LocalWxStorage's limits apply. */
class MemoryStorage implements Storage {
  private readonly items = new Map<string, string>();
  get length(): number {
    return this.items.size;
  }
  key(index: number): string | null {
    return [...this.items.keys()][index] ?? null;
  }
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, String(value));
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
  clear(): void {
    this.items.clear();
  }
}

describe('LocalWxStorage (wx storage in the preview)', () => {
  let area: MemoryStorage;
  let storage: LocalWxStorage;
  beforeEach(() => {
    area = new MemoryStorage();
    storage = new LocalWxStorage(area);
  });

  test('round-trips JSON and answers "" for a missing key, like WeChat', () => {
    storage.setStorageSync('order', { id: 'CR1', amount: 5000, note: undefined });
    expect(storage.getStorageSync('order')).toEqual({ id: 'CR1', amount: 5000 });
    expect(storage.getStorageSync('missing')).toBe('');
    expect(area.getItem(`${KEY_PREFIX}order`)).toBe('{"id":"CR1","amount":5000}');
  });

  test.each([
    ['an item over 1 MB', () => storage.setStorageSync('big', 'x'.repeat(MAX_ITEM_BYTES)), /exceed storage item max length/],
    ['an empty key', () => storage.setStorageSync('', 1), /parameter error/],
  ])('rejects %s with WeChat\'s error and keeps the old value', (_name, write, message) => {
    storage.setStorageSync('big', 'old');
    expect(write).toThrow(message);
    expect(storage.getStorageSync('big')).toBe('old');
  });

  test('counts Chinese text in UTF-8 bytes and stops at 10 MB in all', () => {
    const chunk = '续'.repeat(300 * 1024); // 900 KB of UTF-8 per key
    for (let i = 0; i < 11; i += 1) storage.setStorageSync(`k${i}`, chunk);
    expect(() => storage.setStorageSync('k11', chunk)).toThrow(/exceed storage max size/);
    expect(storage.getStorageInfoSync()).toEqual(expect.objectContaining({ limitSize: 10240 }));
    expect(storage.getStorageInfoSync().keys).toHaveLength(11);
  });

  test('clearStorageSync removes only the mini-program\'s keys', () => {
    area.setItem('preview:privacy-agreed', '1');
    storage.setStorageSync('a', 1);
    storage.clearStorageSync();
    expect(storage.getStorageInfoSync().keys).toEqual([]);
    expect(area.getItem('preview:privacy-agreed')).toBe('1');
  });
});

describe('routes in the address bar', () => {
  test.each([
    ['#/lookup?phone=13800138000', 'lookup', { phone: '13800138000' }],
    ['/pages/result/index?orderId=CR%201', 'result', { orderId: 'CR 1' }],
    ['#/', '', {}],
    ['#/bad%E0?x=%E0', '', { x: '%E0' }],
    ['#/../../etc?', '', {}],
    ['#/invoice/detail?id=IV1', 'invoice/detail', { id: 'IV1' }],
    ['/pages/autotopup/papay/index', 'autotopup/papay', {}],
    ['#/a/b/c', '', {}],
  ])('parseRoute(%s)', (url, page, query) => {
    expect(parseRoute(url)).toEqual({ page, query });
  });

  test('routeHash encodes values and round-trips', () => {
    const hash = routeHash('confirm', { phone: '0918 123 4567', productId: 'r-50' });
    expect(hash).toBe('#/confirm?phone=0918%20123%204567&productId=r-50');
    expect(parseRoute(hash)).toEqual({ page: 'confirm', query: { phone: '0918 123 4567', productId: 'r-50' } });
  });
});

describe('PreviewNavigator (WeChat page stack)', () => {
  const TABS = ['home', 'lookup', 'records', 'mine'];
  let events: string[];
  let frames: FrameState[];
  let nav: PreviewNavigator;

  beforeEach(() => {
    events = [];
    frames = [];
    let serial = 0;
    const host = {
      mount: (name: string, query: Record<string, string>): MountedPage => {
        serial += 1;
        events.push(`mount ${name}${Object.keys(query).length ? ` ${JSON.stringify(query)}` : ''}`);
        return { name, query, slot: document.createElement('div'), comp: null, serial } as MountedPage;
      },
      hide: (page: MountedPage) => events.push(`hide ${page.name}`),
      show: (page: MountedPage) => events.push(`show ${page.name}`),
      unmount: (page: MountedPage) => events.push(`unmount ${page.name}`),
    } as unknown as PageHost;
    const frame = { update: (state: FrameState) => frames.push(state) } as unknown as Frame;
    nav = new PreviewNavigator(host, frame, TABS, { lookup: '充值' }, '卡续费');
  });

  const names = () => nav.pages().map((page) => page.name);

  test('pushes pages over a tab, replaces the top, and goes back', async () => {
    nav.start('lookup', {});
    nav.open('packages', { phone: '13800138000' });
    nav.open('confirm', { phone: '13800138000', productId: 'r-50' });
    nav.replace('result', { orderId: 'CR1' });
    await nav.settled();
    expect(names()).toEqual(['lookup', 'packages', 'result']);
    expect(frames[frames.length - 1]).toEqual({ title: '卡续费', canGoBack: true, showHome: false, activeTab: null });
    expect(window.location.hash).toBe('#/result?orderId=CR1');

    nav.back();
    await nav.settled();
    expect(names()).toEqual(['lookup', 'packages']);
    expect(events.slice(-2)).toEqual(['unmount result', 'show packages']);
  });

  test('switching tabs closes pushed pages, keeps tab pages alive and hands over values once', async () => {
    nav.start('home', {});
    nav.open('lookup');
    nav.open('packages', { phone: '1' });
    nav.open('lookup', { phone: '13800138000' });
    await nav.settled();
    expect(names()).toEqual(['lookup']);
    expect(events).toEqual(['mount home', 'hide home', 'mount lookup', 'hide lookup', 'mount packages {"phone":"1"}', 'unmount packages', 'show lookup']);
    expect(nav.takeHandoff('lookup')).toEqual({ phone: '13800138000' });
    expect(nav.takeHandoff('lookup')).toBeUndefined();
    expect(frames[frames.length - 1]).toEqual({ title: '充值', canGoBack: false, showHome: false, activeTab: 'lookup' });

    nav.open('home');
    await nav.settled();
    expect(events.slice(-2)).toEqual(['hide lookup', 'show home']);
  });

  test('a non-tab first page gets the home button and back does nothing', async () => {
    nav.start('help', {});
    nav.back();
    await nav.settled();
    expect(names()).toEqual(['help']);
    expect(frames[frames.length - 1]).toEqual(expect.objectContaining({ showHome: true, canGoBack: false, activeTab: null }));
  });
});
