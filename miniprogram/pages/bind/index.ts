/**
 * 绑定手机号: WeChat's phone-number button (<phone-grant>: a one-time code the account
 * service exchanges), or any number typed by hand and proven with an SMS code
 * (<sms-code-field>). The privacy popup comes first when WeChat asks for it; refusing
 * it leaves the manual path open. The page translates events into service calls.
 *
 * The page itself is the form (number, carrier, card type, 备注名, 绑定); each path to a
 * number is a module of methods it spreads in: the WeChat grant and its privacy popup
 * (grant-methods.ts), the SMS code and its countdown (sms-methods.ts), and the address
 * book (contact-methods.ts).
 */
import type { CarrierId, CardType, PhoneNumber } from '../../core/types';
import { maskPhone, parsePhone } from '../../core/phone';
import { services } from '../../services/container';
import { decodeQuery } from '../../services/wx/navigator';
import { checkOptionalNickname } from '../../services/cards/card-book';
import { LatestLookup, cardFor } from '../../services/cards/card-lookup';
import { eventValue, type ValueEvent } from '../../lib/events';
import { privateState } from '../../lib/private-state';
import { contactMethods, type ContactSheet } from './contact-methods';
import { grantMethods } from './grant-methods';
import { smsMethods } from './sms-methods';
import { cardTypeOptions, carrierOptions, carrierPatch, choiceOwner, newBoundCard } from './view';

/** What the form keeps outside `data` (nothing here is rendered). */
interface FormState {
  /** The number whose carrier the user picked by hand (携号转网): typing must not undo it. */
  carrierChosenFor: string;
  /** The number whose card type the user picked by hand: the carrier's answer must not undo it. */
  typeChosenFor: string;
  lookup: LatestLookup;
}

const stateOf = privateState<FormState>(() => ({ carrierChosenFor: '', typeChosenFor: '', lookup: new LatestLookup() }));

Component({
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
    carrierOptions: carrierOptions('CN'),
    cardType: 'phone' as CardType,
    cardTypeOptions: cardTypeOptions(),
    nickname: '',
    nicknameError: '',
    binding: false,
    showContactSheet: false,
    contactSheet: { description: '', actions: [] } as ContactSheet,
  },

  lifetimes: {
    detached() {
      this.cleanUp();
    },
  },

  methods: {
    ...grantMethods,
    ...smsMethods,
    ...contactMethods,

    onLoad(query: Record<string, string | undefined>) {
      this.prepareCountdown();
      this.listenForPrivacy();
      const wechat = services().cards.list().find((card) => card.verifiedBy === 'wechat');
      if (wechat) this.setData({ wechatBound: maskPhone(wechat.phone), manualOpen: true });
      const prefill = decodeQuery(query).phone;
      if (prefill) {
        this.setData({ manualOpen: true, phone: prefill });
        this.applyCarrierFor(prefill);
      }
      this.askPrivacyFirst();
    },

    onUnload() {
      this.cleanUp();
    },

    cleanUp() {
      this.stopSmsTimers();
      this.dropCardLookup();
      this.closePrivacy();
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

    /** An answer still coming for an earlier number is not applied. */
    dropCardLookup() {
      stateOf(this).lookup.drop();
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

    /** A number in the field, typed or picked: the same checks either way. */
    setPhone(phone: string) {
      const parsed = parsePhone(phone);
      const national = parsed.ok ? parsed.value.national : '';
      const patch: Record<string, unknown> = { phone, phoneError: '', ...this.forgetSentUnlessTo(national) };
      this.setData(patch);
      this.applyCarrierFor(phone);
      if (national) void this.applyCardOf(national);
      else this.dropCardLookup();
    },

    applyCarrierFor(raw: string) {
      const patch = carrierPatch(raw, stateOf(this).carrierChosenFor, this.data.carrier, this.data.carrierOptions[0]?.id);
      if (patch) this.setData(patch);
    },

    onCarrierChange(event: ValueEvent) {
      stateOf(this).carrierChosenFor = choiceOwner(this.grantedPhone(), this.data.phone);
      this.setData({ carrier: event.detail as CarrierId });
    },

    onCardTypeChange(event: ValueEvent) {
      stateOf(this).typeChosenFor = choiceOwner(this.grantedPhone(), this.data.phone);
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
      const bound = cards.bind(newBoundCard({ ...number, carrier, cardType, nickname: nickname.value, now: clock.now() }));
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
      const granted = this.grantedPhone();
      if (granted) return { phone: granted, verifiedBy: 'wechat' };
      const parsed = parsePhone(this.data.phone);
      if (!parsed.ok) {
        this.setData({ phoneError: parsed.message });
        return null;
      }
      if (!(await this.codeProves(parsed.value.national))) return null;
      return { phone: parsed.value, verifiedBy: 'sms' };
    },

    say(message: string, kind: 'info' | 'error') {
      this.setData({ message, messageKind: kind });
    },
  },
});
