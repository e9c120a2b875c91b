/**
 * 绑定手机号: WeChat's phone-number button (<phone-grant>: a one-time code the account
 * service exchanges), or any number typed by hand and proven with an SMS code
 * (<sms-code-field>). The privacy popup comes first when WeChat asks for it; refusing
 * it leaves the manual path open. The page translates events into service calls.
 */
import type { CarrierId, CardType, PhoneNumber } from '../../core/types';
import { maskPhone, parsePhone } from '../../core/phone';
import type { GrantRefusal } from './phone-grant/refusal';
import { services } from '../../services/container';
import { PrivacyPromptSession } from '../../services/wx/privacy';
import { decodeQuery } from '../../services/wx/navigator';
import { checkOptionalNickname } from '../../services/cards/card-book';
import { LatestLookup, cardFor } from '../../services/cards/card-lookup';
import { numberOfRow, pickAfterPrivacy, sheetOf, type ContactNumber } from '../../services/cards/contact-pick';
import { Countdown } from './countdown';
import { eventValue, type ValueEvent } from '../../lib/events';
import { privateState } from '../../lib/private-state';
import * as words from './view';
import { careMode } from '../../services/care/page-behavior';

/** What the page keeps outside `data` (nothing here is rendered). */
interface BindState {
  countdown: Countdown | null;
  granted: PhoneNumber | null;
  privacy: PrivacyPromptSession | null;
  /** The number whose carrier the user picked by hand (携号转网): typing must not undo it. */
  carrierChosenFor: string;
  /** The number whose card type the user picked by hand: the carrier's answer must not undo it. */
  typeChosenFor: string;
  /** The number the last code was sent to: the sent state belongs to it alone. */
  sentTo: string;
  /** Clears the demo code when it expires. */
  hintTimer: ReturnType<typeof setTimeout> | null;
  lookup: LatestLookup;
  /** The address book is open (a second tap must not open it twice). */
  picking: boolean;
  /** The contact whose numbers the sheet offers, with the 备注名 its name gives. */
  contact: { nickname: string; numbers: ContactNumber[] } | null;
  /** The 备注名 last filled in from a contact: a later contact may replace it, a typed one it may not. */
  offeredNickname: string;
}

const stateOf = privateState<BindState>(() => ({
  countdown: null,
  granted: null,
  privacy: null,
  carrierChosenFor: '',
  typeChosenFor: '',
  sentTo: '',
  hintTimer: null,
  lookup: new LatestLookup(),
  picking: false,
  contact: null,
  offeredNickname: '',
}));

Component({
  behaviors: [careMode],
  data: {
    message: '',
    messageKind: 'info' as 'info' | 'error',
    privacyShow: false,
    exchanging: false,
    granted: false,
    grantedMasked: '',
    /** The WeChat number is bound already (a card was bound through the button): no one-tap offer. */
    wechatBound: '',
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
    showContactSheet: false,
    contactSheet: { description: '', actions: [] as { name: string; subname: string }[] },
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
      const wechat = services().cards.list().find((card) => card.verifiedBy === 'wechat');
      if (wechat) this.setData({ wechatBound: maskPhone(wechat.phone), manualOpen: true });
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
      if (state.hintTimer !== null) clearTimeout(state.hintTimer);
      state.hintTimer = null;
      state.lookup.drop();
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
      void this.applyCardOf(parsed.value.national);
    },

    /** 改用其他号码: drops the WeChat number and opens the manual path. */
    onUseOther() {
      const state = stateOf(this);
      state.granted = null;
      state.lookup.drop();
      this.setData({ granted: false, grantedMasked: '', manualOpen: true, message: '' });
    },

    /**
     * The card type (and carrier, after 携号转网) as the carrier answers for this number,
     * unless the user already chose them: a keep-number card binds as 保号卡.
     */
    async applyCardOf(national: string) {
      const state = stateOf(this);
      const answer = await state.lookup.run(() => cardFor(services(), national));
      if (!answer || !answer.ok || answer.card.phone !== national) return;
      const patch: Record<string, unknown> = {};
      if (state.typeChosenFor !== national && answer.card.cardType !== this.data.cardType) patch.cardType = answer.card.cardType;
      if (state.carrierChosenFor !== national && answer.card.carrier !== this.data.carrier) patch.carrier = answer.card.carrier;
      if (Object.keys(patch).length) this.setData(patch);
    },

    offerManual(message: string) {
      this.setData({ message, messageKind: 'error', ...(this.data.manualOpen ? {} : { manualOpen: true }) });
    },

    onOpenManual() {
      this.setData({ manualOpen: true });
    },

    onPhoneInput(event: ValueEvent) {
      this.setPhone(eventValue(event));
    },

    /** 从通讯录选择号码: after the privacy agreement; a refusal or a cancel changes nothing and says so. */
    async onContacts() {
      const state = stateOf(this);
      if (state.picking) return;
      state.picking = true;
      try {
        const pick = await pickAfterPrivacy(services());
        if (!pick.ok) {
          this.say(pick.message, 'error');
          return;
        }
        if (pick.numbers.length === 1) {
          this.useContactNumber(pick.nickname, pick.numbers[0]);
          return;
        }
        state.contact = { nickname: pick.nickname, numbers: pick.numbers };
        this.setData({ showContactSheet: true, contactSheet: sheetOf(pick) });
      } finally {
        state.picking = false;
      }
    },

    onSelectContactNumber(event: { detail: { name?: string } | undefined }) {
      const state = stateOf(this);
      const contact = state.contact;
      const number = contact ? numberOfRow(contact.numbers, this.data.contactSheet.actions, event.detail?.name) : undefined;
      state.contact = null;
      this.setData({ showContactSheet: false });
      if (contact && number) this.useContactNumber(contact.nickname, number);
    },

    onCloseContactSheet() {
      if (!this.data.showContactSheet) return;
      stateOf(this).contact = null;
      this.setData({ showContactSheet: false });
      this.say(words.CONTACT_SHEET_CANCELLED, 'info');
    },

    /** The contact's number as if typed; its name as the 备注名 unless the user wrote one. */
    useContactNumber(nickname: string, number: ContactNumber) {
      const state = stateOf(this);
      this.setPhone(number.national);
      const typed = this.data.nickname.trim() !== '' && this.data.nickname !== state.offeredNickname;
      const offer = !typed && nickname !== '';
      if (offer) {
        state.offeredNickname = nickname;
        this.setData({ nickname, nicknameError: '' });
      }
      this.say(words.contactFilled(number.masked, offer ? nickname : ''), 'info');
    },

    /** A number in the field, typed or picked: the same checks either way. */
    setPhone(phone: string) {
      const state = stateOf(this);
      const parsed = parsePhone(phone);
      const national = parsed.ok ? parsed.value.national : '';
      const patch: Record<string, unknown> = { phone, phoneError: '' };
      // A code sent to another number says nothing about this one (walk 16).
      if (state.sentTo && national !== state.sentTo) Object.assign(patch, this.forgetSent());
      this.setData(patch);
      this.applyCarrierFor(phone);
      if (national) void this.applyCardOf(national);
      else state.lookup.drop();
    },

    /** The patch that clears what a sent code put on screen: its message, demo code and countdown. */
    forgetSent(): Record<string, unknown> {
      const state = stateOf(this);
      state.sentTo = '';
      state.countdown?.stop();
      if (state.hintTimer !== null) clearTimeout(state.hintTimer);
      state.hintTimer = null;
      return { message: '', demoHint: '', countdown: 0, code: '', codeError: '' };
    },

    /** Shows that a code went to this number: message, demo code until it expires, the resend countdown. */
    showSent(national: string, sent: { resendAt: number; expiresAt: number; demoCode?: string }, again = false) {
      const state = stateOf(this);
      const { clock } = services();
      state.sentTo = national;
      state.countdown?.start(sent.resendAt);
      if (state.hintTimer !== null) clearTimeout(state.hintTimer);
      state.hintTimer = null;
      const hint = sent.expiresAt > clock.now() ? words.demoHint(sent.demoCode) : '';
      if (hint) state.hintTimer = setTimeout(() => this.setData({ demoHint: '' }), sent.expiresAt - clock.now());
      this.setData({ message: again ? words.codeStillValid(national) : words.codeSent(national), messageKind: 'info', demoHint: hint });
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
        // Sent a moment ago (before a relaunch, say): count down from then, the code still works (walk 17).
        const earlier = sent.error === 'rate_limited' && sms.sentRecently ? sms.sentRecently(national) : null;
        if (earlier) this.showSent(national, earlier, true);
        else this.say(sent.message, 'error');
        return;
      }
      this.showSent(national, sent.value);
    },

    onCarrierChange(event: ValueEvent) {
      const state = stateOf(this);
      const parsed = state.granted ? null : parsePhone(this.data.phone);
      state.carrierChosenFor = state.granted ? state.granted.national : parsed?.ok ? parsed.value.national : '';
      this.setData({ carrier: event.detail as CarrierId });
    },

    onCardTypeChange(event: ValueEvent) {
      const state = stateOf(this);
      const parsed = state.granted ? null : parsePhone(this.data.phone);
      state.typeChosenFor = state.granted ? state.granted.national : parsed?.ok ? parsed.value.national : '';
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
        // A spent code is gone for good: its demo hint goes, and a new one may be asked for at once (item 11).
        const spent = verified.error === 'expired' || verified.error === 'too_many_attempts';
        this.setData({ ...(spent ? this.forgetSent() : {}), codeError: verified.message });
        return null;
      }
      return { phone: parsed.value, verifiedBy: 'sms' };
    },

    say(message: string, kind: 'info' | 'error') {
      this.setData({ message, messageKind: kind });
    },
  },
});
