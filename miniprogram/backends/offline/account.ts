/**
 * An offline stand-in for the server half of WeChat's phone-number grant.
 *
 * In WeChat, `<button open-type="getPhoneNumber">` hands the page a one-time `code`;
 * a server exchanges it with WeChat (phonenumber.getPhoneNumber) for the number. Each
 * code works once and for about five minutes, the exchange is a paid call, and an
 * exhausted quota answers errno 1400001. This mock keeps that shape — the page never
 * gets a number without spending a code — so a real backend can replace it unchanged.
 */
import type { Result } from '../../core/types';
import type { AccountService, Clock, PhoneGrantError } from '../../services/contracts';
import { PHONE_GRANT_MESSAGES } from '../../services/messages';
/** How long a code stays usable (WeChat: five minutes). */
export const CODE_LIFETIME_MS = 5 * 60 * 1000;
/** The number the mock grants until a test or the demo picks another. */
export const DEMO_GRANTED_PHONE = '13800138000';

function fail(error: PhoneGrantError): Result<never, PhoneGrantError> {
  return { ok: false, error, message: PHONE_GRANT_MESSAGES[error] };
}

export interface MockAccountOptions {
  clock: Clock;
  /** Simulated round trip to the server and WeChat. */
  latencyMs?: number;
}

export class MockAccountService implements AccountService {
  private readonly clock: Clock;
  private readonly latencyMs: number;
  private grantedPhone = DEMO_GRANTED_PHONE;
  private readonly spent = new Set<string>();
  /** Codes this mock handed out itself (tests, demo), with when: they expire. */
  private readonly issued = new Map<string, number>();
  private readonly failures: ('network' | 'quota')[] = [];
  private serial = 0;

  constructor(options: MockAccountOptions) {
    this.clock = options.clock;
    this.latencyMs = options.latencyMs ?? 200;
  }

  // ------------------------------------------------------------ test controls

  /** The number the next exchanges grant (the number bound to the user's WeChat). */
  setGrantedPhone(phone: string): void {
    this.grantedPhone = phone;
  }

  /** The next `count` exchanges fail this way ('quota' imitates errno 1400001). */
  failNext(kind: 'network' | 'quota', count = 1): void {
    for (let i = 0; i < count; i += 1) this.failures.push(kind);
  }

  /** A fresh code, as the getPhoneNumber button would hand to the page. */
  issueCode(): string {
    this.serial += 1;
    const code = `mock-phone-code-${this.clock.now().toString(36)}-${this.serial}`;
    this.issued.set(code, this.clock.now());
    return code;
  }

  // ------------------------------------------------------------------ service

  async exchangePhoneCode(code: string): Promise<Result<string, PhoneGrantError>> {
    await this.clock.sleep(this.latencyMs);
    if (typeof code !== 'string' || code.trim() === '') return fail('invalid_code');
    const failure = this.failures.shift();
    // A network failure never reached WeChat: the code is still good for a retry.
    if (failure === 'network') return fail('network');
    if (failure === 'quota') return fail('quota');
    if (this.spent.has(code)) return fail('invalid_code');
    const issuedAt = this.issued.get(code);
    if (issuedAt !== undefined && this.clock.now() - issuedAt >= CODE_LIFETIME_MS) return fail('invalid_code');
    this.spent.add(code);
    this.issued.delete(code);
    return { ok: true, value: this.grantedPhone };
  }
}
