/**
 * The voucher picture: the `<canvas type="2d">` it is drawn on (kept off screen at the
 * picture's size), and a sheet showing the finished picture with 保存到相册 and 发送给朋友.
 * Properties in, events out (save, share, settings, close): the page does the drawing and
 * the saving through the device service (picture/flow.ts).
 */
Component({
  properties: {
    show: { type: Boolean, value: false },
    width: { type: Number, value: 345 },
    height: { type: Number, value: 600 },
    /** The PNG to show once drawn. */
    image: { type: String, value: '' },
    busy: { type: Boolean, value: false },
    message: { type: String, value: '' },
    messageKind: { type: String, value: 'info' },
    offerSettings: { type: Boolean, value: false },
  },

  methods: {
    onSave() {
      if (this.data.image && !this.data.busy) this.triggerEvent('save');
    },
    onShare() {
      if (this.data.image && !this.data.busy) this.triggerEvent('share');
    },
    onSettings() {
      this.triggerEvent('settings');
    },
    onClose() {
      this.triggerEvent('close');
    },
  },
});
