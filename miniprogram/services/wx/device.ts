import type { AlbumError, Canvas2D, Canvas2DContext, CalendarEvent, ContactChoice, ContactError, DeviceService } from '../contracts';
import type { Result } from '../../core/types';

const ALBUM_SCOPE = 'scope.writePhotosAlbum';
/** Sharper than 3 device pixels per CSS pixel only makes the file bigger. */
const MAX_PIXEL_RATIO = 3;

export const ALBUM_MESSAGES: Record<AlbumError, string> = {
  denied: '没有相册权限，图片没有保存。可以在设置里允许「保存到相册」后再试',
  privacy: '需要先同意《用户隐私保护指引》，才能把图片保存到相册',
  failed: '保存到相册失败，请稍后再试，或用「发送给朋友」保存',
};

function albumError(err: unknown): AlbumError {
  const text = String((err as { errMsg?: unknown })?.errMsg ?? '');
  if (/privacy/i.test(text)) return 'privacy';
  if (/auth|deny|denied|permission/i.test(text)) return 'denied';
  return 'failed';
}

function albumFailure(error: AlbumError): Result<never, AlbumError> {
  return { ok: false, error, message: ALBUM_MESSAGES[error] };
}

function pixelRatio(): number {
  try {
    const info = typeof wx.getWindowInfo === 'function' ? wx.getWindowInfo() : wx.getSystemInfoSync();
    const ratio = Number(info.pixelRatio);
    return ratio >= 1 ? Math.min(ratio, MAX_PIXEL_RATIO) : 2;
  } catch {
    return 2;
  }
}

/** WeChat's own small APIs, each answered as a promise that never rejects. */
export class WxDeviceService implements DeviceService {
  toast(message: string, kind: 'success' | 'fail' | 'none' = 'none'): void {
    // showToast truncates icon toasts to 7 characters; long messages go without an icon.
    const icon = kind === 'none' || message.length > 7 ? 'none' : kind === 'success' ? 'success' : 'error';
    wx.showToast({ title: message, icon, duration: 2500 });
  }

  confirm(options: { title: string; content: string; confirmText?: string; cancelText?: string }): Promise<boolean> {
    return new Promise((resolve) => {
      wx.showModal({
        title: options.title,
        content: options.content,
        confirmText: options.confirmText ?? '确定',
        cancelText: options.cancelText ?? '取消',
        success: (res) => resolve(Boolean(res.confirm)),
        fail: () => resolve(false),
      });
    });
  }

  copy(text: string): Promise<boolean> {
    return new Promise((resolve) => {
      wx.setClipboardData({ data: text, success: () => resolve(true), fail: () => resolve(false) });
    });
  }

  call(phoneNumber: string): Promise<boolean> {
    return new Promise((resolve) => {
      wx.makePhoneCall({ phoneNumber, success: () => resolve(true), fail: () => resolve(false) });
    });
  }

  addCalendar(event: CalendarEvent): Promise<Result<void, 'denied' | 'failed'>> {
    return new Promise((resolve) => {
      wx.addPhoneCalendar({
        title: event.title,
        description: event.description,
        startTime: event.startTime,
        allDay: event.allDay,
        alarm: true,
        alarmOffset: event.alarmOffsetSec,
        success: () => resolve({ ok: true, value: undefined }),
        fail: (err: { errMsg?: string }) => {
          const denied = /auth|deny|denied/i.test(err?.errMsg ?? '');
          resolve(
            denied
              ? { ok: false, error: 'denied', message: '没有日历权限，请在设置中允许小程序写入日历' }
              : { ok: false, error: 'failed', message: '添加到日历失败，请稍后再试' },
          );
        },
      });
    });
  }

  subscribe(templateIds: string[]): Promise<string[]> {
    return new Promise((resolve) => {
      wx.requestSubscribeMessage({
        tmplIds: templateIds,
        success: (res: Record<string, string>) => resolve(templateIds.filter((id) => res[id] === 'accept')),
        fail: () => resolve([]),
      } as WechatMiniprogram.RequestSubscribeMessageOption);
    });
  }

  /**
   * wx.chooseContact answers the chosen number and, on most phones, all of the contact's
   * numbers (phoneNumberList: an array, or on some systems one string).
   */
  chooseContact(): Promise<Result<ContactChoice, ContactError>> {
    return new Promise((resolve) => {
      wx.chooseContact({
        success: (res: { displayName?: string; phoneNumber?: string; phoneNumberList?: unknown }) => {
          const listed = Array.isArray(res.phoneNumberList) ? res.phoneNumberList : typeof res.phoneNumberList === 'string' ? res.phoneNumberList.split(/[,;，；\n]/) : [];
          const numbers = [res.phoneNumber, ...listed].filter((n): n is string => typeof n === 'string' && n.trim() !== '');
          resolve({ ok: true, value: { name: typeof res.displayName === 'string' ? res.displayName.trim() : '', numbers: [...new Set(numbers.map((n) => n.trim()))] } });
        },
        fail: (err: { errMsg?: string }) => {
          const text = err?.errMsg ?? '';
          if (/cancel/i.test(text)) resolve({ ok: false, error: 'cancelled', message: '' });
          else if (/auth|deny|denied|permission|privacy/i.test(text)) resolve({ ok: false, error: 'denied', message: '' });
          else resolve({ ok: false, error: 'failed', message: '' });
        },
      } as WechatMiniprogram.ChooseContactOption);
    });
  }

  stopPullDownRefresh(): void {
    wx.stopPullDownRefresh();
  }

  vibrate(): void {
    wx.vibrateShort({ type: 'light' });
  }

  canvas2d(scope: object, selector: string, size: { width: number; height: number }): Promise<Result<Canvas2D, 'unavailable'>> {
    const unavailable: Result<never, 'unavailable'> = { ok: false, error: 'unavailable', message: '画图失败：这台手机的微信版本不支持，请升级微信后重试' };
    return new Promise((resolve) => {
      try {
        wx.createSelectorQuery()
          .in(scope as WechatMiniprogram.Component.TrivialInstance)
          .select(selector)
          .fields({ node: true, size: true }, () => undefined)
          .exec((res: { node?: { width: number; height: number; getContext(kind: '2d'): Canvas2DContext } }[]) => {
            const node = res?.[0]?.node;
            if (!node || typeof node.getContext !== 'function') {
              resolve(unavailable);
              return;
            }
            const ratio = pixelRatio();
            node.width = Math.round(size.width * ratio);
            node.height = Math.round(size.height * ratio);
            const context = node.getContext('2d');
            context.scale(ratio, ratio);
            resolve({ ok: true, value: { node, context, width: size.width, height: size.height } });
          });
      } catch {
        resolve(unavailable);
      }
    });
  }

  canvasToImage(canvas: Canvas2D): Promise<Result<string, 'failed'>> {
    return new Promise((resolve) => {
      wx.canvasToTempFilePath({
        canvas: canvas.node as WechatMiniprogram.IAnyObject,
        fileType: 'png',
        success: (res) => resolve({ ok: true, value: res.tempFilePath }),
        fail: () => resolve({ ok: false, error: 'failed', message: '生成图片失败，请稍后再试' }),
      } as WechatMiniprogram.CanvasToTempFilePathOption);
    });
  }

  async saveImageToAlbum(filePath: string): Promise<Result<void, AlbumError>> {
    const allowed = await this.allowAlbum();
    if (allowed !== 'granted') return albumFailure(allowed);
    return new Promise((resolve) => {
      wx.saveImageToPhotosAlbum({
        filePath,
        success: () => resolve({ ok: true, value: undefined }),
        fail: (err) => resolve(albumFailure(albumError(err))),
      });
    });
  }

  /** WeChat asks for a scope once; after a refusal only the settings page can allow it. */
  private allowAlbum(): Promise<'granted' | AlbumError> {
    return new Promise((resolve) => {
      wx.getSetting({
        success: (res) => {
          const known = res.authSetting?.[ALBUM_SCOPE as keyof typeof res.authSetting];
          if (known === true) resolve('granted');
          else if (known === false) resolve('denied');
          else wx.authorize({ scope: ALBUM_SCOPE, success: () => resolve('granted'), fail: (err) => resolve(albumError(err) === 'privacy' ? 'privacy' : 'denied') });
        },
        fail: () => resolve('failed'),
      });
    });
  }

  openSettings(scope: 'scope.writePhotosAlbum'): Promise<boolean> {
    return new Promise((resolve) => {
      wx.openSetting({
        success: (res) => resolve(Boolean(res.authSetting?.[scope as keyof typeof res.authSetting])),
        fail: () => resolve(false),
      });
    });
  }

  shareImage(filePath: string): Promise<Result<void, 'cancelled' | 'failed'>> {
    return new Promise((resolve) => {
      wx.showShareImageMenu({
        path: filePath,
        success: () => resolve({ ok: true, value: undefined }),
        fail: (err: { errMsg?: string }) =>
          resolve(/cancel/i.test(err?.errMsg ?? '') ? { ok: false, error: 'cancelled', message: '已取消' } : { ok: false, error: 'failed', message: '打开分享失败，请先保存到相册再发送' }),
      });
    });
  }
}
