/**
 * The privacy agreement popup WeChat requires before the phone-number button works.
 * The agree button must be WeChat's own `open-type="agreePrivacyAuthorization"` and its
 * id travels with the answer: WeChat checks that this very button was tapped.
 */
export const AGREE_BUTTON_ID = 'privacy-agree';

Component({
  properties: {
    show: { type: Boolean, value: false },
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
