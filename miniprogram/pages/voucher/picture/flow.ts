/**
 * 保存凭证图片, step by step through the device service: draw the voucher on the 2D
 * canvas, make it a PNG, then save it to the album (asking for the permission; after a
 * refusal, explaining and offering WeChat's settings page) or open WeChat's share menu.
 * Every refusal and failure comes back with the words to show.
 */
import type { Order } from '../../../core/types';
import type { DeviceService } from '../../../services/contracts';
import { paint } from './paint';
import { voucherPicture } from './steps';

export const CANVAS_SELECTOR = '#voucher-canvas';

export interface PictureOutcome {
  ok: boolean;
  message: string;
  /** The album was refused: show the way to settings. */
  offerSettings: boolean;
}

/** The voucher drawn on the canvas inside scope, as a temp PNG path. */
export async function drawVoucher(device: DeviceService, scope: object, order: Order, now: number): Promise<{ ok: true; path: string } | { ok: false; message: string }> {
  const picture = voucherPicture(order, now);
  const canvas = await device.canvas2d(scope, CANVAS_SELECTOR, { width: picture.width, height: picture.height });
  if (!canvas.ok) return { ok: false, message: canvas.message };
  paint(canvas.value.context, picture.steps);
  const image = await device.canvasToImage(canvas.value);
  return image.ok ? { ok: true, path: image.value } : { ok: false, message: image.message };
}

const SAVED: PictureOutcome = { ok: true, message: '已保存到相册', offerSettings: false };

export async function saveToAlbum(device: DeviceService, path: string): Promise<PictureOutcome> {
  const saved = await device.saveImageToAlbum(path);
  if (saved.ok) return SAVED;
  if (saved.error !== 'denied') return { ok: false, message: saved.message, offerSettings: false };
  const go = await device.confirm({
    title: '需要相册权限',
    content: '保存凭证图片需要允许小程序「添加到相册」。你之前没有允许，可以在设置里打开后再保存；也可以点「发送给朋友」，在聊天里长按图片保存。',
    confirmText: '去设置',
    cancelText: '暂不',
  });
  if (!go) return { ok: false, message: saved.message, offerSettings: true };
  return retryAfterSettings(device, path);
}

/** The settings page, then the save again when the album is now allowed. */
export async function retryAfterSettings(device: DeviceService, path: string): Promise<PictureOutcome> {
  const granted = await device.openSettings('scope.writePhotosAlbum');
  if (!granted) return { ok: false, message: '设置里没有打开「添加到相册」，图片没有保存', offerSettings: true };
  const again = await device.saveImageToAlbum(path);
  return again.ok ? SAVED : { ok: false, message: again.message, offerSettings: again.error === 'denied' };
}

export async function shareToChat(device: DeviceService, path: string): Promise<PictureOutcome> {
  const shared = await device.shareImage(path);
  if (shared.ok) return { ok: true, message: '', offerSettings: false };
  return { ok: false, message: shared.error === 'cancelled' ? '' : shared.message, offerSettings: false };
}
