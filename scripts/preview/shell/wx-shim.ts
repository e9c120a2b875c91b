/**
 * The wx APIs the app reaches through its services, answered by the browser:
 * storage on localStorage, WeChat's overlays drawn in the phone frame, and the device
 * features (clipboard, phone call, calendar, subscriptions, contacts) as visible stand-ins that
 * say what WeChat would do. Everything else stays miniprogram-simulate's no-op stub.
 */
import { installPictureApis } from './pictures';
import { askPrivacy, onNeedPrivacyAuthorization, privacyAgreed } from './privacy';
import { LocalWxStorage } from './storage';
import { hideToast, showActionSheet, showModal, showToast } from './ui';

type Callbacks = { success?: (res: any) => void; fail?: (err: any) => void; complete?: (res: any) => void };

/** WeChat's async shape: callbacks when given, otherwise a promise. */
function asyncApi<O extends Callbacks>(name: string, run: (options: O) => Promise<Record<string, unknown>>) {
  return (options: O = {} as O): Promise<unknown> | void => {
    const settled = run(options).then(
      (res) => ({ ok: true, res: { errMsg: `${name}:ok`, ...res } }),
      (err: unknown) => ({ ok: false, res: { errMsg: `${name}:fail ${err instanceof Error ? err.message : String(err)}` } }),
    );
    if (options.success || options.fail || options.complete) {
      void settled.then(({ ok, res }) => {
        if (ok) options.success?.(res);
        else options.fail?.(res);
        options.complete?.(res);
      });
      return undefined;
    }
    return settled.then(({ ok, res }) => (ok ? res : Promise.reject(res)));
  };
}

/**
 * The preview's address book: a few contacts that show each case of the contact pick
 * (one number, several numbers, a Philippine number, a landline only).
 */
export const DEMO_CONTACTS: readonly { name: string; numbers: string[] }[] = [
  { name: '妈妈', numbers: ['138 0013 8000'] },
  { name: '爸爸', numbers: ['173 0017 3005', '+86 186-0018-6002'] },
  { name: 'Maria（菲律宾）', numbers: ['+63 918 123 4567'] },
  { name: '小区物业', numbers: ['010-12345678'] },
];

/** The last row of the picker: what WeChat answers when the user refuses the permission. */
const REFUSE_ROW = '（演示）不允许使用通讯录';

export interface RouteHandler {
  (kind: 'navigateTo' | 'redirectTo' | 'switchTab' | 'reLaunch' | 'navigateBack', url?: string): void;
}

export interface ShimHooks {
  route: RouteHandler;
  setTitle(title: string): void;
  startPullDownRefresh(): void;
  stopPullDownRefresh(): void;
  /** Scrolls the page on top (wx.pageScrollTo). */
  scrollTo(top: number): void;
  /** Screen width the app sees (the phone frame's). */
  windowWidth: number;
  windowHeight: number;
  /** The theme showing ("light" | "dark"), as wx.getSystemInfoSync().theme reports it. */
  theme(): 'light' | 'dark';
}

type ThemeListener = (res: { theme: 'light' | 'dark' }) => void;
const themeListeners = new Set<ThemeListener>();

/** Tells wx.onThemeChange listeners, as WeChat does when the system theme flips. */
export function notifyThemeChange(theme: 'light' | 'dark'): void {
  for (const listener of [...themeListeners]) listener({ theme });
}

export function installWxShims(wx: Record<string, any>, hooks: ShimHooks): LocalWxStorage {
  const storage = new LocalWxStorage();
  Object.assign(wx, {
    setStorageSync: (key: string, data: unknown) => storage.setStorageSync(key, data),
    getStorageSync: (key: string) => storage.getStorageSync(key),
    removeStorageSync: (key: string) => storage.removeStorageSync(key),
    clearStorageSync: () => storage.clearStorageSync(),
    getStorageInfoSync: () => storage.getStorageInfoSync(),
    setStorage: asyncApi('setStorage', async (o: Callbacks & { key: string; data: unknown }) => {
      storage.setStorageSync(o.key, o.data);
      return {};
    }),
    getStorage: asyncApi('getStorage', async (o: Callbacks & { key: string }) => {
      const data = storage.getStorageSync(o.key);
      if (data === '') throw new Error('data not found');
      return { data };
    }),
    removeStorage: asyncApi('removeStorage', async (o: Callbacks & { key: string }) => {
      storage.removeStorageSync(o.key);
      return {};
    }),

    showToast: asyncApi('showToast', async (o: Callbacks & { title: string; icon?: string; duration?: number }) => {
      showToast(o);
      return {};
    }),
    hideToast: asyncApi('hideToast', async () => {
      hideToast();
      return {};
    }),
    showLoading: asyncApi('showLoading', async (o: Callbacks & { title: string }) => {
      showToast({ title: o.title, loading: true });
      return {};
    }),
    hideLoading: asyncApi('hideLoading', async () => {
      hideToast();
      return {};
    }),
    showModal: asyncApi('showModal', async (o: Callbacks & Parameters<typeof showModal>[0]) => {
      const confirm = await showModal(o);
      return { confirm, cancel: !confirm };
    }),
    showActionSheet: asyncApi('showActionSheet', async (o: Callbacks & { itemList: string[] }) => {
      const tapIndex = await showActionSheet(o.itemList);
      if (tapIndex < 0) throw new Error('cancel');
      return { tapIndex };
    }),

    setClipboardData: asyncApi('setClipboardData', async (o: Callbacks & { data: string }) => {
      try {
        await window.navigator.clipboard?.writeText(o.data);
      } catch {
        // Clipboard access may be refused (no user gesture, headless): WeChat would still copy.
      }
      showToast({ title: '内容已复制', icon: 'success' });
      return {};
    }),
    makePhoneCall: asyncApi('makePhoneCall', async (o: Callbacks & { phoneNumber: string }) => {
      const ok = await showModal({ title: `呼叫 ${o.phoneNumber}`, content: '预览中不会真的拨打；在手机微信里这里会打开拨号。', confirmText: '呼叫' });
      if (!ok) throw new Error('cancel');
      return {};
    }),
    addPhoneCalendar: asyncApi('addPhoneCalendar', async (o: Callbacks & { title: string; startTime: number; description?: string }) => {
      // The event is set in China time whatever the machine's zone, as the page says it.
      const when = new Date(o.startTime * 1000).toLocaleString('zh-CN', { hour12: false, timeZone: 'Asia/Shanghai' });
      const ok = await showModal({ title: '添加到手机日历', content: `${o.title}\n${when}\n（预览中只演示，不会写入日历）`, confirmText: '添加' });
      if (!ok) throw new Error('cancel');
      return {};
    }),
    requestSubscribeMessage: asyncApi('requestSubscribeMessage', async (o: Callbacks & { tmplIds: string[] }) => {
      const ok = await showModal({ title: '订阅消息', content: '允许小程序给你发送到期提醒？（预览演示）', confirmText: '允许', cancelText: '拒绝' });
      const answer: Record<string, string> = {};
      for (const id of o.tmplIds) answer[id] = ok ? 'accept' : 'reject';
      return answer;
    }),
    chooseContact: asyncApi('chooseContact', async () => {
      // As in WeChat, the address book is privacy-guarded: held until the user agrees.
      if (!(await askPrivacy('chooseContact'))) throw new Error('privacy permission is not authorized');
      const rows = [...DEMO_CONTACTS.map((c) => `${c.name} · ${c.numbers.join('，')}`), REFUSE_ROW];
      const index = await showActionSheet(rows);
      if (index < 0) throw new Error('cancel');
      if (index === DEMO_CONTACTS.length) throw new Error('auth deny');
      const contact = DEMO_CONTACTS[index];
      return { displayName: contact.name, phoneNumber: contact.numbers[0], phoneNumberList: [...contact.numbers] };
    }),
    vibrateShort: asyncApi('vibrateShort', async () => {
      window.navigator.vibrate?.(15);
      return {};
    }),
    stopPullDownRefresh: asyncApi('stopPullDownRefresh', async () => {
      hooks.stopPullDownRefresh();
      return {};
    }),
    startPullDownRefresh: asyncApi('startPullDownRefresh', async () => {
      hooks.startPullDownRefresh();
      return {};
    }),
    pageScrollTo: asyncApi('pageScrollTo', async (o: Callbacks & { scrollTop?: number }) => {
      hooks.scrollTo(Math.max(0, Number(o.scrollTop) || 0));
      return {};
    }),
    setNavigationBarTitle: asyncApi('setNavigationBarTitle', async (o: Callbacks & { title: string }) => {
      hooks.setTitle(o.title);
      return {};
    }),
    getPrivacySetting: asyncApi('getPrivacySetting', async () => ({ needAuthorization: !privacyAgreed(), privacyContractName: '《用户隐私保护指引》' })),
    requirePrivacyAuthorize: asyncApi('requirePrivacyAuthorize', async () => {
      if (!(await askPrivacy('requirePrivacyAuthorize'))) throw new Error('privacy permission is not authorized');
      return {};
    }),
    openPrivacyContract: asyncApi('openPrivacyContract', async () => {
      await showModal({ title: '隐私保护指引', content: '预览中无法打开微信的隐私协议页面。', showCancel: false });
      return {};
    }),
    onNeedPrivacyAuthorization,
    onThemeChange: (listener: ThemeListener) => themeListeners.add(listener),
    offThemeChange: (listener?: ThemeListener) => (listener ? themeListeners.delete(listener) : themeListeners.clear()),
    login: asyncApi('login', async () => ({ code: `preview-login-${Date.now()}` })),

    navigateTo: asyncApi('navigateTo', async (o: Callbacks & { url: string }) => (hooks.route('navigateTo', o.url), {})),
    redirectTo: asyncApi('redirectTo', async (o: Callbacks & { url: string }) => (hooks.route('redirectTo', o.url), {})),
    switchTab: asyncApi('switchTab', async (o: Callbacks & { url: string }) => (hooks.route('switchTab', o.url), {})),
    reLaunch: asyncApi('reLaunch', async (o: Callbacks & { url: string }) => (hooks.route('reLaunch', o.url), {})),
    navigateBack: asyncApi('navigateBack', async () => (hooks.route('navigateBack'), {})),
  });

  installPictureApis(wx);

  const screen = { windowWidth: hooks.windowWidth, windowHeight: hooks.windowHeight, screenWidth: hooks.windowWidth, screenHeight: hooks.windowHeight, pixelRatio: 2, statusBarHeight: 20 };
  const safeArea = { left: 0, right: hooks.windowWidth, top: 20, bottom: hooks.windowHeight, width: hooks.windowWidth, height: hooks.windowHeight - 20 };
  const systemInfo = { ...(typeof wx.getSystemInfoSync === 'function' ? wx.getSystemInfoSync() : {}), ...screen, safeArea, platform: 'devtools' };
  wx.getWindowInfo = () => ({ ...screen, safeArea, screenTop: 0 });
  wx.getSystemInfoSync = () => ({ ...systemInfo, theme: hooks.theme() });
  wx.getAppBaseInfo = () => ({ SDKVersion: systemInfo.SDKVersion, language: 'zh_CN', version: systemInfo.version, theme: hooks.theme(), enableDebug: false, fontSizeSetting: 16 });
  return storage;
}
