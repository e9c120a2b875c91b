/**
 * 绑定手机号: WeChat's phone-number button (<phone-grant>: a one-time code the account
 * service exchanges), or any number typed by hand and proven with an SMS code
 * (<sms-code-field>). The privacy popup comes first when WeChat asks for it; refusing
 * it leaves the manual path open. The page translates events into service calls.
 */
import type { CarrierId, CardType, PhoneNumber } from '../../core/types';
import { maskPhone, parsePhone } from '../../core/phone';
import type { GrantRefusal } from '../../components/phone-grant/refusal';
import { services } from '../../services/container';
import { PrivacyPromptSession } from '../../services/wx/privacy';
import { decodeQuery } from '../../services/wx/navigator';
import { checkOptionalNickname } from '../../services/cards/card-book';
import { Countdown } from './countdown';
import { eventValue, type ValueEvent } from '../../lib/events';
import { privateState } from '../../lib/private-state';
import * as words from './view';

/** What the page keeps outside `data` (nothing here is rendered). */
interface BindState {
  countdown: Countdown | null;
  granted: PhoneNumber | null;
  privacy: PrivacyPromptSession | null;
  /** The number whose carrier the user picked by hand (携号转网): typing must not undo it. */
  carrierChosenFor: string;
}

const stateOf = privateState<BindState>(() => ({ countdown: null, granted: null, privacy: null, carrierChosenFor: '' }));

Component({
  data: {
    message: '',
    messageKind: 'info' as 'info' | 'error',
    privacyShow: false,
    exchanging: false,
    granted: false,
    grantedMasked: '',
    manualOpen: false,
    phone: '',
    phoneError: '',
    code: '',
    codeError: '',
    countdown: 0,
    sending: false,
    demoHint: '',
    carrier: 'cmcc' as CarrierId,
    carrierOptions: words.carrierOptions('CN'),
    cardType: 'phone' as CardType,
    cardTypeOptions: words.cardTypeOptions(),
    nickname: '',
    nicknameError: '',
    binding: false,
  },

  lifetimes: {
    detached() {
      this.cleanUp();
    },
  },

  methods: {
    onLoad(query: Record<string, string | undefined>) {
      const state = stateOf(this);
      const { privacy, clock } = services();
      state.countdown = new Countdown(() => clock.now(), (left) => this.setData({ countdown: left }));
      state.privacy = new PrivacyPromptSession(privacy, () => this.setData({ privacyShow: true }));
      const prefill = decodeQuery(query).phone;
      if (prefill) {
        this.setData({ manualOpen: true, phone: prefill });
        this.applyCarrierFor(prefill);
      }
      // Ask before the user reaches for the WeChat button, so the popup comes first.
      void privacy.require().then((agreed) => {
        if (!agreed) this.offerManual(words.PRIVACY_REFUSED);
      });
    },

    onUnload() {
      this.cleanUp();
    },

    cleanUp() {
      const state = stateOf(this);
      state.countdown?.stop();
      state.privacy?.close();
      state.privacy = null;
    },

    onPrivacyAgree(event: WechatMiniprogram.CustomEvent<{ buttonId: string }>) {
      stateOf(this).privacy?.agree(event.detail.buttonId);
      this.setData({ privacyShow: false, message: '' });
    },

    onPrivacyDisagree() {
      stateOf(this).privacy?.disagree();
      this.setData({ privacyShow: false });
      this.offerManual(words.PRIVACY_REFUSED);
    },

    onOpenPrivacyContract() {
      services().privacy.openContract();
    },

    onGrantRefused(event: WechatMiniprogram.CustomEvent<{ reason: GrantRefusal }>) {
      this.offerManual(words.refusalMessage(event.detail.reason));
    },

    async onGrantCode(event: WechatMiniprogram.CustomEvent<{ code: string }>) {
      const { account, cards } = services();
      this.setData({ exchanging: true, message: '' });
      const exchanged = await account.exchangePhoneCode(event.detail.code);
      this.setData({ exchanging: false });
      if (!exchanged.ok) {
        if (exchanged.error === 'network' || exchanged.error === 'invalid_code') this.say(exchanged.message, 'error');
        else this.offerManual(exchanged.message);
        return;
      }
      const parsed = words.grantedNumber(exchanged.value, (national) => Boolean(cards.get(national)));
      if (!parsed.ok) {
        this.offerManual(parsed.message);
        return;
      }
      const state = stateOf(this);
      state.granted = parsed.value;
      state.countdown?.stop();
      this.setData({
        granted: true,
        grantedMasked: maskPhone(parsed.value.national),
        carrier: parsed.value.carrier,
        carrierOptions: words.carrierOptions(parsed.value.region),
      });
      this.say(words.GRANTED_NOTE, 'info');
    },

    offerManual(message: string) {
      this.setData({ message, messageKind: 'error', ...(this.data.manualOpen ? {} : { manualOpen: true }) });
    },

    onOpenManual() {
      this.setData({ manualOpen: true });
    },

    onPhoneInput(event: ValueEvent) {
      const phone = eventValue(event);
      this.setData({ phone, phoneError: '' });
      this.applyCarrierFor(phone);
    },

    applyCarrierFor(raw: string) {
      const patch = words.carrierPatch(raw, stateOf(this).carrierChosenFor, this.data.carrier, this.data.carrierOptions[0]?.id);
      if (patch) this.setData(patch);
    },

    /** The resend countdown, re-read from the clock (its timer calls this each second). */
    tick() {
      stateOf(this).countdown?.tick();
    },

    onCodeInput(event: ValueEvent) {
      this.setData({ code: eventValue(event), codeError: '' });
    },

    async onSendCode() {
      if (this.data.countdown > 0 || this.data.sending) return;
      const { sms, cards } = services();
      const parsed = words.numberToVerify(this.data.phone, (national) => Boolean(cards.get(national)));
      if (!parsed.ok) {
        this.setData({ phoneError: parsed.message });
        return;
      }
      const national = parsed.value;
      this.setData({ sending: true, phoneError: '', codeError: '', message: '' });
      const sent = await sms.send(national);
      this.setData({ sending: false });
      if (!sent.ok) {
        this.say(sent.message, 'error');
        return;
      }
      stateOf(this).countdown?.start(sent.value.resendAt);
      this.setData({ message: words.codeSent(national), messageKind: 'info', demoHint: words.demoHint(sent.value.demoCode) });
    },

    onCarrierChange(event: ValueEvent) {
      const state = stateOf(this);
      const parsed = state.granted ? null : parsePhone(this.data.phone);
      state.carrierChosenFor = state.granted ? state.granted.national : parsed?.ok ? parsed.value.national : '';
      this.setData({ carrier: event.detail as CarrierId });
    },

    onCardTypeChange(event: ValueEvent) {
      this.setData({ cardType: event.detail as CardType });
    },

    onNicknameInput(event: ValueEvent) {
      this.setData({ nickname: eventValue(event), nicknameError: '' });
    },

    async onBind() {
      if (this.data.binding) return;
      const nickname = checkOptionalNickname(this.data.nickname);
      if (!nickname.ok) {
        this.setData({ nicknameError: nickname.message });
        return;
      }
      const number = await this.provenNumber();
      if (!number) return;
      const { cards, clock, device, navigator } = services();
      this.setData({ binding: true });
      const { carrier, cardType } = this.data;
      const bound = cards.bind(words.newBoundCard({ ...number, carrier, cardType, nickname: nickname.value, now: clock.now() }));
      this.setData({ binding: false });
      if (!bound.ok) {
        this.say(bound.message, 'error');
        return;
      }
      stateOf(this).countdown?.stop();
      device.toast(`已绑定 ${maskPhone(number.phone.national)}`, 'success');
      navigator.open('home');
    },

    /** The number to bind, once WeChat granted it or its SMS code checked out; null after showing why not. */
    async provenNumber(): Promise<{ phone: PhoneNumber; verifiedBy: 'wechat' | 'sms' } | null> {
      const granted = stateOf(this).granted;
      if (granted) return { phone: granted, verifiedBy: 'wechat' };
      const parsed = parsePhone(this.data.phone);
      if (!parsed.ok) {
        this.setData({ phoneError: parsed.message });
        return null;
      }
      if (this.data.code.trim() === '') {
        this.setData({ codeError: words.CODE_MISSING });
        return null;
      }
      this.setData({ binding: true });
      const verified = await services().sms.verify(parsed.value.national, this.data.code);
      this.setData({ binding: false });
      if (!verified.ok) {
        const spent = verified.error === 'expired' || verified.error === 'too_many_attempts';
        this.setData({ codeError: verified.message, ...(spent ? { code: '' } : {}) });
        return null;
      }
      return { phone: parsed.value, verifiedBy: 'sms' };
    },

    say(message: string, kind: 'info' | 'error') {
      this.setData({ message, messageKind: kind });
    },
  },
});
