/**
 * The privacy agreement popup WeChat requires before a privacy-guarded API works (the
 * phone-number button on binding, the address book on 充值 and binding).
 * Properties: `show`, and `hint` (what the user can still do after refusing).
 * The agree button must be WeChat's own `open-type="agreePrivacyAuthorization"` and its
 * id travels with the answer: WeChat checks that this very button was tapped.
 */
export const AGREE_BUTTON_ID = 'privacy-agree';

Component({
  properties: {
    show: { type: Boolean, value: false },
    hint: { type: String, value: '' },
  },

  data: {
    agreeButtonId: AGREE_BUTTON_ID,
  },

  methods: {
    onAgree() {
      this.triggerEvent('agree', { buttonId: AGREE_BUTTON_ID });
    },

    onDisagree() {
      this.triggerEvent('disagree', {});
    },

    /** The page opens the guide (WeChat's openPrivacyContract) through its services. */
    onOpenContract() {
      this.triggerEvent('opencontract', {});
    },
  },
});
