/**
 * An offline SMS verification service with the rules a real one enforces: a 6-digit
 * code, one send per number every 60 seconds, codes valid for 5 minutes, and at most
 * 5 wrong tries before a new code is needed. State is kept in storage, so closing and
 * reopening the mini-program does not reset the resend limit or the attempt count.
 */
import type { Result } from '../../core/types';
import { normalizePhoneInput, parsePhone } from '../../core/phone';
import type { Clock, KeyValueStorage, SmsError, SmsSent, SmsService } from '../../services/contracts';

export const SMS_STATE_KEY = 'sms.v1';
export const CODE_LENGTH = 6;
export const RESEND_INTERVAL_MS = 60 * 1000;
export const CODE_LIFETIME_MS = 5 * 60 * 1000;
export const MAX_ATTEMPTS = 5;

interface PhoneState {
  /** The live code, or null once used or given up on. */
  code: string | null;
  sentAt: number;
  expiresAt: number;
  resendAt: number;
  wrongAttempts: number;
}

type SmsState = Record<string, PhoneState>;

export interface MockSmsOptions {
  clock: Clock;
  storage: KeyValueStorage;
  random: () => number;
  latencyMs?: number;
}

function fail(error: SmsError, message: string): Result<never, SmsError> {
  return { ok: false, error, message };
}

function keyOf(phone: string): string {
  const parsed = parsePhone(phone);
  return parsed.ok ? parsed.value.national : normalizePhoneInput(phone);
}

function isPhoneState(value: unknown): value is PhoneState {
  const v = value as PhoneState;
  return (
    typeof v === 'object' &&
    v !== null &&
    (v.code === null || typeof v.code === 'string') &&
    [v.sentAt, v.expiresAt, v.resendAt, v.wrongAttempts].every((n) => typeof n === 'number')
  );
}

export class MockSmsService implements SmsService {
  private readonly clock: Clock;
  private readonly storage: KeyValueStorage;
  private readonly random: () => number;
  private readonly latencyMs: number;
  private networkFailures = 0;

  constructor(options: MockSmsOptions) {
    this.clock = options.clock;
    this.storage = options.storage;
    this.random = options.random;
    this.latencyMs = options.latencyMs ?? 300;
  }

  // ------------------------------------------------------- demo and test aids

  /** The code last sent to this number while it is usable: the demo shows it, tests type it. */
  lastCode(phone: string): string | undefined {
    const entry = this.read()[keyOf(phone)];
    return entry && entry.code && this.clock.now() < entry.expiresAt ? entry.code : undefined;
  }

  /** Whole seconds until another code may be sent (0 when allowed now). */
  secondsUntilResend(phone: string): number {
    const entry = this.read()[keyOf(phone)];
    return entry ? Math.max(0, Math.ceil((entry.resendAt - this.clock.now()) / 1000)) : 0;
  }

  sentRecently(phone: string): SmsSent | null {
    const entry = this.read()[keyOf(phone)];
    const now = this.clock.now();
    if (!entry || now >= entry.resendAt) return null;
    const usable = entry.code !== null && now < entry.expiresAt;
    return { expiresAt: entry.expiresAt, resendAt: entry.resendAt, ...(usable && entry.code ? { demoCode: entry.code } : {}) };
  }

  /** The next `count` sends fail as if the SMS gateway could not be reached. */
  failNext(count = 1): void {
    this.networkFailures += count;
  }

  // ------------------------------------------------------------------ service

  /** The demo has no phone to text, so the answer carries the code (SmsSent.demoCode). */
  async send(phone: string): Promise<Result<SmsSent, SmsError>> {
    const key = keyOf(phone);
    const waitSeconds = this.secondsUntilResend(key);
    if (waitSeconds > 0) return fail('rate_limited', `验证码发送太频繁，请 ${waitSeconds} 秒后再获取`);
    await this.clock.sleep(this.latencyMs);
    if (this.networkFailures > 0) {
      this.networkFailures -= 1;
      return fail('network', '验证码没有发出去，请检查网络后重试');
    }
    const now = this.clock.now();
    const entry: PhoneState = {
      code: this.newCode(),
      sentAt: now,
      expiresAt: now + CODE_LIFETIME_MS,
      resendAt: now + RESEND_INTERVAL_MS,
      wrongAttempts: 0,
    };
    this.write(key, entry);
    return { ok: true, value: { expiresAt: entry.expiresAt, resendAt: entry.resendAt, demoCode: entry.code ?? undefined } };
  }

  async verify(phone: string, code: string): Promise<Result<void, SmsError>> {
    const key = keyOf(phone);
    const entry = this.read()[key];
    const typed = normalizePhoneInput(code);
    if (!entry || (entry.code === null && entry.wrongAttempts < MAX_ATTEMPTS)) {
      return fail('no_code', '请先点“获取验证码”，收到短信后再填写');
    }
    if (entry.wrongAttempts >= MAX_ATTEMPTS) {
      return fail('too_many_attempts', '验证码错误次数太多，这个验证码已失效，请重新获取');
    }
    if (this.clock.now() >= entry.expiresAt) {
      return fail('expired', '验证码已过期（5 分钟内有效），请重新获取');
    }
    if (!new RegExp(`^\\d{${CODE_LENGTH}}$`).test(typed)) {
      // A malformed entry is a typo, not a guess: it does not use up an attempt.
      return fail('wrong_code', `请输入短信里的 ${CODE_LENGTH} 位数字验证码`);
    }
    if (typed !== entry.code) {
      const wrongAttempts = entry.wrongAttempts + 1;
      const exhausted = wrongAttempts >= MAX_ATTEMPTS;
      // A spent code needs a new one, which may then be sent at once: 请重新获取 must be possible.
      this.write(key, { ...entry, wrongAttempts, code: exhausted ? null : entry.code, resendAt: exhausted ? Math.min(entry.resendAt, this.clock.now()) : entry.resendAt });
      return exhausted
        ? fail('too_many_attempts', '验证码错误次数太多，这个验证码已失效，请重新获取')
        : fail('wrong_code', `验证码不对，还可以再试 ${MAX_ATTEMPTS - wrongAttempts} 次`);
    }
    // Used once: the resend limit stays, the code goes.
    this.write(key, { ...entry, code: null, wrongAttempts: 0 });
    return { ok: true, value: undefined };
  }

  // ------------------------------------------------------------------ storage

  private newCode(): string {
    const n = Math.floor(Math.min(Math.max(this.random(), 0), 0.9999999) * 10 ** CODE_LENGTH);
    return String(n).padStart(CODE_LENGTH, '0');
  }

  private read(): SmsState {
    const raw = this.storage.get(SMS_STATE_KEY);
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return {};
    const state: SmsState = {};
    for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
      if (isPhoneState(value)) state[key] = value;
    }
    return state;
  }

  /** Saves one number's state and drops entries whose code and resend limit have both lapsed. */
  private write(key: string, entry: PhoneState): void {
    const now = this.clock.now();
    const state = this.read();
    for (const [k, v] of Object.entries(state)) {
      if (v.expiresAt <= now && v.resendAt <= now) delete state[k];
    }
    state[key] = entry;
    // Losing this state only relaxes a mock's limits; a failed write is not worth an error.
    this.storage.set(SMS_STATE_KEY, state);
  }
}
