/**
 * WeChat's picture APIs for the browser: a real <canvas> behind <canvas type="2d"> (the
 * selector query's `node`), canvasToTempFilePath as a PNG data URL, the album permission
 * (scope.writePhotosAlbum) asked once with WeChat's wording and remembered like WeChat
 * does, wx.openSetting to change it, the album itself as a strip beside the phone, and
 * showShareImageMenu as WeChat's action sheet.
 */
import type { BuiltinInstance, ComponentDefinition } from './types';
import { showActionSheet, showModal, showToast } from './ui';

const ALBUM_SCOPE = 'scope.writePhotosAlbum';
const PERMISSION_KEY = 'preview:album-permission';

type Callbacks = { success?: (res: any) => void; fail?: (err: any) => void; complete?: (res: any) => void };

function permission(): boolean | undefined {
  const value = window.localStorage.getItem(PERMISSION_KEY);
  return value === 'granted' ? true : value === 'denied' ? false : undefined;
}

function remember(granted: boolean): void {
  window.localStorage.setItem(PERMISSION_KEY, granted ? 'granted' : 'denied');
}

/** The callback shape of wx's async APIs: errMsg "<name>:ok" or "<name>:fail <why>". */
function answer(name: string, options: Callbacks, run: () => Promise<Record<string, unknown>>): void {
  void run().then(
    (res) => {
      const out = { errMsg: `${name}:ok`, ...res };
      options.success?.(out);
      options.complete?.(out);
    },
    (error: unknown) => {
      const out = { errMsg: `${name}:fail ${error instanceof Error ? error.message : String(error)}` };
      options.fail?.(out);
      options.complete?.(out);
    },
  );
}

/** <canvas type="2d">: a real canvas inside the host, handed out as the query's node. */
export const canvasDefinition: ComponentDefinition = {
  id: 'canvas',
  tagName: 'wx-canvas',
  template: '<slot/>',
  properties: { type: { type: String, value: '' }, canvasId: { type: String, value: '' } },
  lifetimes: {
    attached(this: BuiltinInstance) {
      const host = this._exparserNode.$$;
      if (host.querySelector('canvas')) return;
      const canvas = document.createElement('canvas');
      canvas.className = 'shell-native-canvas';
      canvas.style.width = '100%';
      canvas.style.height = '100%';
      host.style.display = host.style.display || 'block';
      host.appendChild(canvas);
    },
  },
};

function addToAlbum(src: string): void {
  const strip = document.getElementById('album-items');
  if (!strip) return;
  const img = document.createElement('img');
  img.src = src;
  img.alt = '已保存的图片';
  strip.prepend(img);
  strip.parentElement?.removeAttribute('hidden');
}

async function ask(): Promise<boolean> {
  const granted = await showModal({ title: '「卡续费」申请', content: '保存图片或视频到你的相册', confirmText: '允许', cancelText: '拒绝' });
  remember(granted);
  return granted;
}

export function installPictureApis(wx: Record<string, any>): void {
  (window as unknown as Record<string, unknown>).__wxNode = (node: { $$?: HTMLElement } | null) => node?.$$?.querySelector('canvas.shell-native-canvas') ?? null;

  Object.assign(wx, {
    canvasToTempFilePath: (o: Callbacks & { canvas?: HTMLCanvasElement; fileType?: string }) =>
      answer('canvasToTempFilePath', o, async () => {
        if (!o.canvas || typeof o.canvas.toDataURL !== 'function') throw new Error('canvas is empty');
        return { tempFilePath: o.canvas.toDataURL(o.fileType === 'jpg' ? 'image/jpeg' : 'image/png') };
      }),
    getSetting: (o: Callbacks) =>
      answer('getSetting', o, async () => {
        const known = permission();
        return { authSetting: known === undefined ? {} : { [ALBUM_SCOPE]: known } };
      }),
    authorize: (o: Callbacks & { scope: string }) =>
      answer('authorize', o, async () => {
        if (o.scope !== ALBUM_SCOPE) return {};
        const known = permission();
        if (known === false || (known === undefined && !(await ask()))) throw new Error('auth deny');
        return {};
      }),
    saveImageToPhotosAlbum: (o: Callbacks & { filePath: string }) =>
      answer('saveImageToPhotosAlbum', o, async () => {
        const known = permission();
        if (known === false || (known === undefined && !(await ask()))) throw new Error('auth deny');
        addToAlbum(o.filePath);
        return {};
      }),
    openSetting: (o: Callbacks) =>
      answer('openSetting', o, async () => {
        const granted = await showModal({ title: '设置', content: '允许「卡续费」添加到相册？（预览中的设置页）', confirmText: '允许', cancelText: '不允许' });
        remember(granted);
        return { authSetting: { [ALBUM_SCOPE]: granted } };
      }),
    showShareImageMenu: (o: Callbacks & { path: string }) =>
      answer('showShareImageMenu', o, async () => {
        const picked = await showActionSheet(['发送给朋友', '保存图片', '收藏']);
        if (picked < 0) throw new Error('cancel');
        if (picked === 1) addToAlbum(o.path);
        showToast({ title: picked === 1 ? '已保存到相册' : '预览中不会真的发送', icon: picked === 1 ? 'success' : 'none' });
        return {};
      }),
  });
}
