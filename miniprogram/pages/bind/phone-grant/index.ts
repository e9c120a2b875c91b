/**
 * WeChat's one-tap phone-number grant: `<button open-type="getPhoneNumber">`, which hands
 * over a one-time code (never the number) for the page to exchange, or says why not.
 * Properties: `loading` while the page exchanges the code; `granted`, the masked number
 * once it is known. Events: `code` { code }, `refused` { reason }.
 */

import { refusalOf, type PhoneButtonDetail } from './refusal';

Component({
  properties: {
    loading: { type: Boolean, value: false },
    granted: { type: String, value: '' },
  },

  methods: {
    onGetPhoneNumber(event: WechatMiniprogram.CustomEvent<PhoneButtonDetail>) {
      const detail = event.detail ?? {};
      if (typeof detail.code === 'string' && detail.code !== '') this.triggerEvent('code', { code: detail.code });
      else this.triggerEvent('refused', { reason: refusalOf(detail) });
    },
  },
});
