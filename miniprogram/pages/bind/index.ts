/**
 * 绑定手机号: WeChat's phone-number button (a one-time code the account service
 * exchanges), or any number typed by hand and proven with an SMS code. The privacy
 * popup comes first when WeChat asks for it; refusing it leaves the manual path open.
 */
import type { CarrierId, CardType, PhoneNumber, Region } from '../../core/types';
import { carriersOf } from '../../core/carriers';
import { maskPhone, parsePhone } from '../../core/phone';
import { services } from '../../services/container';
import { decodeQuery } from '../../services/wx/navigator';
import { privacy, type PrivacyResolve } from '../../services/wx/privacy';
import { PHONE_GRANT_MESSAGES, QUOTA_ERRNO } from '../../backends/offline/account';
import { checkNickname, DEFAULT_REMIND_DAYS } from '../../services/cards/card-book';
import { CARD_TYPE_LABELS, CARD_TYPES } from '../../view/card-tile';

const PRIVACY_REFUSED = '你没有同意《用户隐私保护指引》，暂时不能用微信手机号一键绑定。可以在下方手动输入号码，用短信验证码绑定';

/** What the page keeps outside `data` (nothing here is rendered). */
interface BindState {
  timer: ReturnType<typeof setInterval> | null;
  resendAt: number;
  granted: PhoneNumber | null;
  privacyResolve: PrivacyResolve | null;
  unregisterPrivacy: (() => void) | null;
  /** The number whose carrier the user picked by hand (携号转网): typing must not undo it. */
  carrierChosenFor: string;
}

const states = new WeakMap<object, BindState>();

function stateOf(page: object): BindState {
  let state = states.get(page);
  if (!state) {
    state = { timer: null, resendAt: 0, granted: null, privacyResolve: null, unregisterPrivacy: null, carrierChosenFor: '' };
    states.set(page, state);
  }
  return state;
}

function carrierOptions(region: Region): { id: CarrierId; name: string }[] {
  return carriersOf(region).map((info) => ({ id: info.id, name: info.name }));
}

/** Vant's field and radio group send the new value itself as the event detail. */
interface ValueEvent {
  detail: unknown;
}

interface PhoneButtonDetail {
  code?: string;
  errMsg?: string;
  errno?: number;
}

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
    carrierOptions: carrierOptions('CN'),
    cardType: 'phone' as CardType,
    cardTypeOptions: CARD_TYPES.map((id) => ({ id, label: CARD_TYPE_LABELS[id] })),
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
      state.unregisterPrivacy = privacy().onNeed((resolve) => {
        state.privacyResolve = resolve;
        this.setData({ privacyShow: true });
      });
      const prefill = decodeQuery(query).phone;
      if (prefill) {
        this.setData({ manualOpen: true, phone: prefill });
        this.applyCarrierFor(prefill);
      }
      // Ask before the user reaches for the WeChat button, so the popup comes first.
      void privacy()
        .require()
        .then((agreed) => {
          if (!agreed) this.showPrivacyRefused();
        });
    },

    onUnload() {
      this.cleanUp();
    },

    cleanUp() {
      const state = stateOf(this);
      this.stopCountdown();
      state.unregisterPrivacy?.();
      state.unregisterPrivacy = null;
      // WeChat holds the guarded call until resolve: never leave it hanging.
      state.privacyResolve?.({ event: 'disagree' });
      state.privacyResolve = null;
    },

    // ------------------------------------------------------------- privacy

    onPrivacyAgree(event: WechatMiniprogram.CustomEvent<{ buttonId: string }>) {
      const state = stateOf(this);
      state.privacyResolve?.({ event: 'agree', buttonId: event.detail.buttonId });
      state.privacyResolve = null;
      this.setData({ privacyShow: false, message: '' });
    },

    onPrivacyDisagree() {
      const state = stateOf(this);
      state.privacyResolve?.({ event: 'disagree' });
      state.privacyResolve = null;
      this.setData({ privacyShow: false });
      this.showPrivacyRefused();
    },

    showPrivacyRefused() {
      this.say(PRIVACY_REFUSED, 'error');
      if (!this.data.manualOpen) this.setData({ manualOpen: true });
    },

    // -------------------------------------------------------- WeChat button

    async onGetPhoneNumber(event: WechatMiniprogram.CustomEvent<PhoneButtonDetail>) {
      const detail = event.detail ?? {};
      if (typeof detail.code !== 'string' || detail.code === '') {
        if (detail.errno === QUOTA_ERRNO) this.offerManual(PHONE_GRANT_MESSAGES.quota);
        else if (/privacy/i.test(detail.errMsg ?? '')) this.showPrivacyRefused();
        else this.offerManual(PHONE_GRANT_MESSAGES.declined);
        return;
      }
      const { account, cards } = services();
      this.setData({ exchanging: true, message: '' });
      const exchanged = await account.exchangePhoneCode(detail.code);
      this.setData({ exchanging: false });
      if (!exchanged.ok) {
        if (exchanged.error === 'network' || exchanged.error === 'invalid_code') this.say(exchanged.message, 'error');
        else this.offerManual(exchanged.message);
        return;
      }
      const parsed = parsePhone(exchanged.value);
      if (!parsed.ok) {
        this.offerManual(`微信绑定的号码暂时不能在这里续费：${parsed.message}。可以手动输入其他号码`);
        return;
      }
      if (cards.get(parsed.value.national)) {
        this.offerManual(`微信绑定的号码 ${maskPhone(parsed.value.national)} 已经绑定过了。要绑定其他号码，请在下方手动输入`);
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
      this.say('已取到微信绑定的手机号。请确认运营商和卡类型后点“绑定”', 'info');
    },

    offerManual(message: string) {
      this.say(message, 'error');
      if (!this.data.manualOpen) this.setData({ manualOpen: true });
    },

    onOpenManual() {
      this.setData({ manualOpen: true });
    },

    // -------------------------------------------------------------- manual

    onPhoneInput(event: ValueEvent) {
      const phone = String(event.detail ?? '');
      this.setData({ phone, phoneError: '' });
      this.applyCarrierFor(phone);
    },

    /** Pre-selects the carrier the number segment was issued to, unless the user corrected it for this number. */
    applyCarrierFor(raw: string) {
      const parsed = parsePhone(raw);
      if (!parsed.ok || stateOf(this).carrierChosenFor === parsed.value.national) return;
      const patch: Record<string, unknown> = {};
      if (parsed.value.carrier !== this.data.carrier) patch.carrier = parsed.value.carrier;
      const options = carrierOptions(parsed.value.region);
      if (options[0].id !== this.data.carrierOptions[0]?.id) patch.carrierOptions = options;
      if (Object.keys(patch).length) this.setData(patch);
    },

    onCodeInput(event: ValueEvent) {
      this.setData({ code: String(event.detail ?? ''), codeError: '' });
    },

    async onSendCode() {
      if (this.data.countdown > 0 || this.data.sending) return;
      const { sms, cards } = services();
      const parsed = parsePhone(this.data.phone);
      if (!parsed.ok) {
        this.setData({ phoneError: parsed.message });
        return;
      }
      const national = parsed.value.national;
      if (cards.get(national)) {
        this.setData({ phoneError: '这个号码已经绑定过了，不用重复绑定' });
        return;
      }
      this.setData({ sending: true, phoneError: '', codeError: '', message: '' });
      const sent = await sms.send(national);
      this.setData({ sending: false });
      if (!sent.ok) {
        this.say(sent.message, 'error');
        return;
      }
      stateOf(this).resendAt = sent.value.resendAt;
      this.startCountdown();
      this.say(`验证码已发送到 ${maskPhone(national)}，5 分钟内有效`, 'info');
      // The offline mock has no phone to text: show the code, clearly marked as a demo.
      const demo = (sms as { lastCode?: (phone: string) => string | undefined }).lastCode?.(national);
      this.setData({ demoHint: demo ? `演示环境不发真短信，验证码是 ${demo}` : '' });
    },

    startCountdown() {
      this.stopCountdown();
      this.tick();
      if (this.data.countdown > 0) stateOf(this).timer = setInterval(() => this.tick(), 1000);
    },

    /** Recomputes the seconds left from the clock (so a paused timer never drifts); sends only a change. */
    tick() {
      const left = Math.max(0, Math.ceil((stateOf(this).resendAt - services().clock.now()) / 1000));
      if (left !== this.data.countdown) this.setData({ countdown: left });
      if (left === 0) this.stopCountdown();
    },

    stopCountdown() {
      const state = stateOf(this);
      if (state.timer !== null) clearInterval(state.timer);
      state.timer = null;
    },

    // ------------------------------------------------------------- details

    onCarrierChange(event: ValueEvent) {
      const carrier = event.detail as CarrierId;
      const granted = stateOf(this).granted;
      const parsed = granted ? null : parsePhone(this.data.phone);
      stateOf(this).carrierChosenFor = granted ? granted.national : parsed && parsed.ok ? parsed.value.national : '';
      this.setData({ carrier });
    },

    onCardTypeChange(event: ValueEvent) {
      this.setData({ cardType: event.detail as CardType });
    },

    onNicknameInput(event: ValueEvent) {
      this.setData({ nickname: String(event.detail ?? ''), nicknameError: '' });
    },

    async onBind() {
      if (this.data.binding) return;
      let nickname = '';
      if (this.data.nickname.trim() !== '') {
        const checked = checkNickname(this.data.nickname);
        if (!checked.ok) {
          this.setData({ nicknameError: checked.message });
          return;
        }
        nickname = checked.value;
      }
      const number = await this.provenNumber();
      if (!number) return;
      const { cards, clock, device, navigator } = services();
      this.setData({ binding: true });
      const bound = cards.bind({
        phone: number.phone.national,
        region: number.phone.region,
        carrier: this.data.carrier,
        cardType: this.data.cardType,
        nickname,
        isDefault: false,
        boundAt: clock.now(),
        verifiedBy: number.verifiedBy,
        remindDaysBefore: DEFAULT_REMIND_DAYS,
      });
      this.setData({ binding: false });
      if (!bound.ok) {
        this.say(bound.message, 'error');
        return;
      }
      this.stopCountdown();
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
        this.setData({ codeError: '请输入短信验证码；还没收到的话，先点“获取验证码”' });
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
