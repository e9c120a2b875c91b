import type { CalendarEvent, ContactChoice, ContactError, DeviceService } from '../contracts';
import type { Result } from '../../core/types';

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
}
