/**
 * 绑定手机号's WeChat path: the privacy popup WeChat asks for first, and the number the
 * <phone-grant> button's one-time code is exchanged for. Ready to spread into the page's
 * Component methods (`methods: { ...grantMethods }`); a closed path opens the manual one
 * through the page's offerManual.
 */
import type { PhoneNumber } from '../../core/types';
import { maskPhone } from '../../core/phone';
import { services } from '../../services/container';
import { PrivacyPromptSession } from '../../services/wx/privacy';
import { privateState } from '../../lib/private-state';
import type { GrantRefusal } from './phone-grant/refusal';
import { GRANTED_NOTE, PRIVACY_REFUSED, carrierOptions, grantedNumber, refusalMessage } from './view';

/** What this concern keeps outside `data`. */
export interface GrantState {
  /** The number WeChat granted, until the user asks for another. */
  granted: PhoneNumber | null;
  privacy: PrivacyPromptSession | null;
}

const stateOf = privateState<GrantState>(() => ({ granted: null, privacy: null }));

interface Host {
  setData(data: Record<string, unknown>): void;
  /** The page's: says why, and opens the manual path. */
  offerManual(message: string): void;
  say(message: string, kind: 'info' | 'error'): void;
  /** The page's: carrier and card type as the carrier answers for the number, and forgetting that lookup. */
  applyCardOf(national: string): Promise<void>;
  dropCardLookup(): void;
  /** smsMethods': a code sent earlier stops counting down. */
  stopCountdown(): void;
}

export const grantMethods = {
  /** The popup answers WeChat's privacy question; asked once at load, so it comes before the button. */
  listenForPrivacy(this: Host) {
    const { privacy } = services();
    stateOf(this).privacy = new PrivacyPromptSession(privacy, () => this.setData({ privacyShow: true }));
  },

  /** Ask before the user reaches for the WeChat button, so the popup comes first. */
  askPrivacyFirst(this: Host) {
    void services().privacy.require().then((agreed) => {
      if (!agreed) this.offerManual(PRIVACY_REFUSED);
    });
  },

  closePrivacy(this: Host) {
    const state = stateOf(this);
    state.privacy?.close();
    state.privacy = null;
  },

  onPrivacyAgree(this: Host, event: WechatMiniprogram.CustomEvent<{ buttonId: string }>) {
    stateOf(this).privacy?.agree(event.detail.buttonId);
    this.setData({ privacyShow: false, message: '' });
  },

  onPrivacyDisagree(this: Host) {
    stateOf(this).privacy?.disagree();
    this.setData({ privacyShow: false });
    this.offerManual(PRIVACY_REFUSED);
  },

  onOpenPrivacyContract() {
    services().privacy.openContract();
  },

  onGrantRefused(this: Host, event: WechatMiniprogram.CustomEvent<{ reason: GrantRefusal }>) {
    this.offerManual(refusalMessage(event.detail.reason));
  },

  async onGrantCode(this: Host, event: WechatMiniprogram.CustomEvent<{ code: string }>) {
    const { account, cards } = services();
    this.setData({ exchanging: true, message: '' });
    const exchanged = await account.exchangePhoneCode(event.detail.code);
    this.setData({ exchanging: false });
    if (!exchanged.ok) {
      if (exchanged.error === 'network' || exchanged.error === 'invalid_code') this.say(exchanged.message, 'error');
      else this.offerManual(exchanged.message);
      return;
    }
    const parsed = grantedNumber(exchanged.value, (national) => Boolean(cards.get(national)));
    if (!parsed.ok) {
      this.offerManual(parsed.message);
      return;
    }
    stateOf(this).granted = parsed.value;
    this.stopCountdown();
    this.setData({
      granted: true,
      grantedMasked: maskPhone(parsed.value.national),
      carrier: parsed.value.carrier,
      carrierOptions: carrierOptions(parsed.value.region),
    });
    this.say(GRANTED_NOTE, 'info');
    void this.applyCardOf(parsed.value.national);
  },

  /** 改用其他号码: drops the WeChat number and opens the manual path. */
  onUseOther(this: Host) {
    stateOf(this).granted = null;
    this.dropCardLookup();
    this.setData({ granted: false, grantedMasked: '', manualOpen: true, message: '' });
  },

  /** The number WeChat granted, or null (none yet, or the user chose another). */
  grantedPhone(this: Host): PhoneNumber | null {
    return stateOf(this).granted;
  },
};
