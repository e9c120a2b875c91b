/**
 * The voucher page's side of 保存凭证图片, ready to spread into its Component methods
 * (`methods: { ...voucherPictureMethods, ... }`) with `<voucher-picture id="picture" ...>`
 * bound to `picture` in its data. Kept here so the voucher page needs only the entry: a
 * button calling onSavePicture, the element, and the json entry.
 */
import type { Order } from '../../../core/types';
import { services } from '../../../services/container';
import { drawVoucher, retryAfterSettings, saveToAlbum, shareToChat, type PictureOutcome } from './flow';
import { voucherPicture } from './steps';

export interface PictureState {
  show: boolean;
  width: number;
  height: number;
  image: string;
  busy: boolean;
  message: string;
  messageKind: 'info' | 'error';
  offerSettings: boolean;
}

export const NO_PICTURE: PictureState = { show: false, width: 345, height: 600, image: '', busy: false, message: '', messageKind: 'info', offerSettings: false };

interface Host {
  data: { picture: PictureState };
  setData(data: Record<string, unknown>): void;
  selectComponent(selector: string): object | null;
  /** The order on screen (the voucher page's own lookup). */
  pictureOrder(): Order | undefined;
}

function shown(host: Host, outcome: PictureOutcome): void {
  host.setData({ 'picture.busy': false, 'picture.message': outcome.message, 'picture.messageKind': outcome.ok ? 'info' : 'error', 'picture.offerSettings': outcome.offerSettings });
}

export const voucherPictureMethods = {
  async onSavePicture(this: Host): Promise<void> {
    // A second tap while the first picture is being drawn draws nothing more.
    if (this.data.picture.show && this.data.picture.busy) return;
    const order = this.pictureOrder();
    const scope = this.selectComponent('#picture');
    if (!order || !scope) return;
    const { device, clock } = services();
    const now = clock.now();
    const { width, height } = voucherPicture(order, now);
    this.setData({ picture: { ...NO_PICTURE, show: true, busy: true, width, height } });
    const drawn = await drawVoucher(device, scope, order, now);
    if (!drawn.ok) {
      this.setData({ 'picture.busy': false, 'picture.message': drawn.message, 'picture.messageKind': 'error' });
      return;
    }
    this.setData({ 'picture.busy': false, 'picture.image': drawn.path });
  },

  async onPictureSave(this: Host): Promise<void> {
    const path = this.data.picture.image;
    if (!path) return;
    this.setData({ 'picture.busy': true, 'picture.message': '' });
    const outcome = await saveToAlbum(services().device, path);
    shown(this, outcome);
    if (outcome.ok) services().device.toast('已保存到相册', 'success');
  },

  async onPictureSettings(this: Host): Promise<void> {
    const path = this.data.picture.image;
    if (!path) return;
    const outcome = await retryAfterSettings(services().device, path);
    shown(this, outcome);
  },

  async onPictureShare(this: Host): Promise<void> {
    const path = this.data.picture.image;
    if (!path) return;
    shown(this, await shareToChat(services().device, path));
  },

  onPictureClose(this: Host): void {
    this.setData({ 'picture.show': false });
  },
};
