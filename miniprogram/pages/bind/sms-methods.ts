/**
 * 绑定手机号's SMS path (<sms-code-field>): 获取验证码 with its resend countdown, the demo
 * backend's code shown until it expires, and checking the code the user typed. Ready to
 * spread into the page's Component methods (`methods: { ...smsMethods }`). The sent state
 * belongs to one number: the page forgets it when the field names another.
 */
import { services } from '../../services/container';
import { eventValue, type ValueEvent } from '../../lib/events';
import { privateState } from '../../lib/private-state';
import { Countdown } from './countdown';
import { CODE_MISSING, codeSent, codeStillValid, demoHint, numberToVerify } from './view';

/** What this concern keeps outside `data`. */
export interface SmsState {
  countdown: Countdown | null;
  /** The number the last code was sent to: the sent state belongs to it alone. */
  sentTo: string;
  /** Clears the demo code when it expires. */
  hintTimer: ReturnType<typeof setTimeout> | null;
}

const stateOf = privateState<SmsState>(() => ({ countdown: null, sentTo: '', hintTimer: null }));

interface Host {
  data: { phone: string; code: string; countdown: number; sending: boolean };
  setData(data: Record<string, unknown>): void;
  say(message: string, kind: 'info' | 'error'): void;
  forgetSent(): Record<string, unknown>;
  showSent(national: string, sent: { resendAt: number; expiresAt: number; demoCode?: string }, again?: boolean): void;
}

function clearHintTimer(state: SmsState): void {
  if (state.hintTimer !== null) clearTimeout(state.hintTimer);
  state.hintTimer = null;
}

export const smsMethods = {
  /** The resend countdown, shown in the field's button. */
  prepareCountdown(this: Host) {
    const { clock } = services();
    stateOf(this).countdown = new Countdown(() => clock.now(), (left) => this.setData({ countdown: left }));
  },

  stopCountdown(this: Host) {
    stateOf(this).countdown?.stop();
  },

  /** Leaving the page: no timer may call it again. */
  stopSmsTimers(this: Host) {
    const state = stateOf(this);
    state.countdown?.stop();
    clearHintTimer(state);
  },

  /** The patch that clears what a sent code put on screen: its message, demo code and countdown. */
  forgetSent(this: Host): Record<string, unknown> {
    const state = stateOf(this);
    state.sentTo = '';
    state.countdown?.stop();
    clearHintTimer(state);
    return { message: '', demoHint: '', countdown: 0, code: '', codeError: '' };
  },

  /** A code sent to another number says nothing about this one (walk 16): the patch that forgets it, or nothing. */
  forgetSentUnlessTo(this: Host, national: string): Record<string, unknown> {
    const state = stateOf(this);
    return state.sentTo && national !== state.sentTo ? this.forgetSent() : {};
  },

  /** Shows that a code went to this number: message, demo code until it expires, the resend countdown. */
  showSent(this: Host, national: string, sent: { resendAt: number; expiresAt: number; demoCode?: string }, again = false) {
    const state = stateOf(this);
    const { clock } = services();
    state.sentTo = national;
    state.countdown?.start(sent.resendAt);
    clearHintTimer(state);
    const hint = sent.expiresAt > clock.now() ? demoHint(sent.demoCode) : '';
    if (hint) state.hintTimer = setTimeout(() => this.setData({ demoHint: '' }), sent.expiresAt - clock.now());
    this.setData({ message: again ? codeStillValid(national) : codeSent(national), messageKind: 'info', demoHint: hint });
  },

  /** The resend countdown, re-read from the clock (its timer calls this each second). */
  tick(this: Host) {
    stateOf(this).countdown?.tick();
  },

  onCodeInput(this: Host, event: ValueEvent) {
    this.setData({ code: eventValue(event), codeError: '' });
  },

  async onSendCode(this: Host) {
    if (this.data.countdown > 0 || this.data.sending) return;
    const { sms, cards } = services();
    const parsed = numberToVerify(this.data.phone, (national) => Boolean(cards.get(national)));
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

  /** Whether the typed code proves this number; false after showing why not (it shows 绑定中 meanwhile). */
  async codeProves(this: Host, national: string): Promise<boolean> {
    if (this.data.code.trim() === '') {
      this.setData({ codeError: CODE_MISSING });
      return false;
    }
    this.setData({ binding: true });
    const verified = await services().sms.verify(national, this.data.code);
    this.setData({ binding: false });
    if (!verified.ok) {
      // A spent code is gone for good: its demo hint goes, and a new one may be asked for at once (item 11).
      const spent = verified.error === 'expired' || verified.error === 'too_many_attempts';
      this.setData({ ...(spent ? this.forgetSent() : {}), codeError: verified.message });
      return false;
    }
    return true;
  },
};
