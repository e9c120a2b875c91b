/**
 * An offline e-invoice platform. An application is answered at once with its id; the
 * invoice is issued ISSUE_DELAY_MS later (申请中 → 已开具), or fails with a reason, as a
 * tax platform does. Demo: a title containing DEMO_FAILING_TITLE fails, the way a buyer
 * name that does not match its tax id is refused.
 *
 * Invoice numbers are 20 digits, the length of a 数电发票 (fully digital e-invoice)
 * number: the year's last two digits, a region code, then a serial (State Taxation
 * Administration, 2021 fully digitalised e-invoice pilot).
 */
import { chinaCompactTimestamp } from '../../core/dates';
import { isMoney } from '../../core/money';
import type { Result } from '../../core/types';
import type { Clock, InvoiceApplication, InvoicingError, InvoicingService, InvoicingStatus, KeyValueStorage } from '../../services/contracts';

export const INVOICING_KEY = 'mock.invoicing.v1';
export const ISSUE_DELAY_MS = 3000;
export const INVOICING_LATENCY_MS = 300;
export const DEMO_FAILING_TITLE = '开票失败';
export const DEMO_FAILURE_REASON = '税务平台校验未通过：购买方名称与纳税人识别号不一致，请核对后重新申请';
const MAX_ENTRIES = 300;
/** 31: Shanghai's region code, where the demo merchant is registered. */
const REGION_CODE = '31';

interface Entry {
  applyId: string;
  at: number;
  outcome: { state: 'issued'; number: string } | { state: 'failed'; reason: string };
  sentTo: string[];
}

const MESSAGES: Record<InvoicingError, string> = {
  network: '网络连接失败，没有连上开票平台，请稍后重试',
  not_found: '开票平台没有这张发票的申请记录',
  rejected: '开票信息不完整，开票平台没有受理',
  not_issued: '发票还没有开具，开具后才能发送',
};

function fail(error: InvoicingError, message = MESSAGES[error]): Result<never, InvoicingError> {
  return { ok: false, error, message };
}

function isEntry(value: unknown): value is Entry {
  const e = value as Partial<Entry> | null;
  return !!e && typeof e.applyId === 'string' && typeof e.at === 'number' && !!e.outcome && Array.isArray(e.sentTo);
}

export interface MockInvoicingOptions {
  clock: Clock;
  storage: KeyValueStorage;
  random: () => number;
}

export class MockInvoicing implements InvoicingService {
  private readonly clock: Clock;
  private readonly storage: KeyValueStorage;
  private readonly random: () => number;
  private readonly failures: InvoicingError[] = [];
  private failNextApplication: string | null = null;

  constructor(options: MockInvoicingOptions) {
    this.clock = options.clock;
    this.storage = options.storage;
    this.random = options.random;
  }

  /** Test control: the next `count` calls fail this way before reaching the platform. */
  failNext(kind: 'network' | 'rejected', count = 1): void {
    for (let i = 0; i < count; i += 1) this.failures.push(kind);
  }

  /** Test control: the next application is refused by the tax platform with this reason. */
  refuseNext(reason = DEMO_FAILURE_REASON): void {
    this.failNextApplication = reason;
  }

  async request(application: InvoiceApplication): Promise<Result<{ applyId: string }, InvoicingError>> {
    const failure = await this.travel();
    if (failure) return fail(failure);
    const a = application;
    if (!a || typeof a.applyId !== 'string' || a.applyId === '' || !a.buyer || typeof a.buyer.name !== 'string' || !isMoney(a.total) || a.total.amount <= 0 || !Array.isArray(a.items) || a.items.length === 0) {
      return fail('rejected');
    }
    const entries = this.read();
    if (entries.some((e) => e.applyId === a.applyId)) return { ok: true, value: { applyId: a.applyId } };
    const refusal = this.failNextApplication ?? (a.buyer.name.includes(DEMO_FAILING_TITLE) ? DEMO_FAILURE_REASON : null);
    this.failNextApplication = null;
    const outcome: Entry['outcome'] = refusal ? { state: 'failed', reason: refusal } : { state: 'issued', number: this.newNumber() };
    this.write([...entries, { applyId: a.applyId, at: this.clock.now(), outcome, sentTo: [] }]);
    return { ok: true, value: { applyId: a.applyId } };
  }

  async status(applyId: string): Promise<Result<InvoicingStatus, InvoicingError>> {
    const failure = await this.travel();
    if (failure) return fail(failure);
    const entry = this.read().find((e) => e.applyId === applyId);
    if (!entry) return fail('not_found');
    if (this.clock.now() - entry.at < ISSUE_DELAY_MS) return { ok: true, value: { state: 'requested' } };
    if (entry.outcome.state === 'failed') return { ok: true, value: { state: 'failed', reason: entry.outcome.reason } };
    return { ok: true, value: { state: 'issued', number: entry.outcome.number, issuedAt: entry.at + ISSUE_DELAY_MS } };
  }

  async resend(applyId: string, email: string): Promise<Result<void, InvoicingError>> {
    const failure = await this.travel();
    if (failure) return fail(failure);
    const entries = this.read();
    const at = entries.findIndex((e) => e.applyId === applyId);
    if (at < 0) return fail('not_found');
    const entry = entries[at];
    if (entry.outcome.state !== 'issued' || this.clock.now() - entry.at < ISSUE_DELAY_MS) return fail('not_issued');
    const next = entries.slice();
    next[at] = { ...entry, sentTo: [...entry.sentTo, String(email)] };
    this.write(next);
    return { ok: true, value: undefined };
  }

  // ----------------------------------------------------------------- internals

  private async travel(): Promise<InvoicingError | undefined> {
    await this.clock.sleep(INVOICING_LATENCY_MS);
    return this.failures.shift();
  }

  private newNumber(): string {
    const year = (chinaCompactTimestamp(this.clock.now()) ?? '0000').slice(2, 4);
    let serial = '';
    for (let i = 0; i < 16; i += 1) {
      const r = this.random();
      serial += String(typeof r === 'number' && r >= 0 && r < 1 ? Math.floor(r * 10) : 0);
    }
    return `${year}${REGION_CODE}${serial}`;
  }

  private read(): Entry[] {
    const raw = this.storage.get(INVOICING_KEY) as { version?: unknown; entries?: unknown } | undefined;
    if (!raw || raw.version !== 1 || !Array.isArray(raw.entries)) return [];
    return raw.entries.filter(isEntry);
  }

  /** The platform's side of the demo: a failed local write loses only the relaunch memory. */
  private write(entries: Entry[]): void {
    this.storage.set(INVOICING_KEY, { version: 1, entries: entries.slice(-MAX_ENTRIES) });
  }
}
