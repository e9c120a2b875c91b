/**
 * A number and the SMS code that proves it: the phone field with its 获取验证码 button
 * (counting down until a resend is allowed) and the code field. Everything shown comes
 * in as properties; typing and the send tap go out as events (`phoneinput` { value },
 * `codeinput` { value }, `send`, and `contacts` for 从通讯录选择). The page owns the rules
 * and the countdown.
 */
Component({
  properties: {
    phone: { type: String, value: '' },
    phoneError: { type: String, value: '' },
    code: { type: String, value: '' },
    codeError: { type: String, value: '' },
    /** Seconds until another code may be sent; 0 when allowed. */
    countdown: { type: Number, value: 0 },
    sending: { type: Boolean, value: false },
    /** Shown only by a demo backend that cannot text: the code itself, marked as a demo. */
    demoHint: { type: String, value: '' },
  },

  methods: {
    onPhoneInput(event: { detail: unknown }) {
      this.triggerEvent('phoneinput', { value: String(event.detail ?? '') });
    },

    onCodeInput(event: { detail: unknown }) {
      this.triggerEvent('codeinput', { value: String(event.detail ?? '') });
    },

    onSend() {
      this.triggerEvent('send', {});
    },

    onContacts() {
      this.triggerEvent('contacts', {});
    },
  },
});
