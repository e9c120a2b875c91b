/**
 * An offline WeChat Pay 委托代扣 (papay): signing answers a contract id, terminating ends
 * the contract for good, and query says what WeChat Pay would. The contracts are kept in
 * storage (WeChat Pay's side of things), so they survive a relaunch; the offline WeChat Pay
 * asks query() before each deduction.
 */
import { chinaCompactTimestamp } from '../../core/dates';
import { isMoney } from '../../core/money';
import type { Money, Result } from '../../core/types';
import type { Clock, KeyValueStorage, PapayContractStatus, PapayError, PapayService, PapaySignRequest, PapaySignature } from '../../services/contracts';

export const PAPAY_CONTRACTS_KEY = 'mock.papay.contracts.v1';
export const PAPAY_LATENCY_MS = 300;
/** Ended contracts beyond this many are forgotten, oldest first (active ones never are). */
const MAX_ENDED = 100;

interface StoredContract {
  code: string;
  id: string;
  perCharge: Money;
  monthlyCap: Money;
  signedAt: number;
  endedAt?: number;
}

const MESSAGES: Record<PapayError, string> = {
  network: '网络连接失败，没有连上微信支付，请检查网络后重试',
  rejected: '微信支付没有受理这次签约，请稍后重试',
  not_found: '微信支付没有找到这份委托代扣协议',
};

function fail(error: PapayError, message = MESSAGES[error]): Result<never, PapayError> {
  return { ok: false, error, message };
}

function isStoredContract(value: unknown): value is StoredContract {
  const c = value as Partial<StoredContract> | null;
  return !!c && typeof c.code === 'string' && typeof c.id === 'string' && isMoney(c.perCharge) && isMoney(c.monthlyCap) && typeof c.signedAt === 'number';
}

export interface MockPapayOptions {
  clock: Clock;
  storage: KeyValueStorage;
  random: () => number;
}

export class MockPapay implements PapayService {
  private readonly clock: Clock;
  private readonly storage: KeyValueStorage;
  private readonly random: () => number;
  private readonly failures: ('network' | 'rejected')[] = [];

  constructor(options: MockPapayOptions) {
    this.clock = options.clock;
    this.storage = options.storage;
    this.random = options.random;
  }

  /** Test control: the next `count` calls fail this way. */
  failNext(kind: 'network' | 'rejected', count = 1): void {
    for (let i = 0; i < count; i += 1) this.failures.push(kind);
  }

  async sign(request: PapaySignRequest): Promise<Result<PapaySignature, PapayError>> {
    const failure = await this.travel();
    if (failure) return fail(failure);
    if (!request || typeof request.contractCode !== 'string' || request.contractCode === '' || !isMoney(request.perCharge) || !isMoney(request.monthlyCap)) {
      return fail('rejected', '签约信息不完整，微信支付没有受理，请返回重新设置');
    }
    const contracts = this.read();
    const known = contracts.find((c) => c.code === request.contractCode);
    if (known) return { ok: true, value: { contractId: known.id, signedAt: known.signedAt } };
    const signed: StoredContract = { code: request.contractCode, id: this.newContractId(), perCharge: request.perCharge, monthlyCap: request.monthlyCap, signedAt: this.clock.now() };
    this.write([...contracts, signed]);
    return { ok: true, value: { contractId: signed.id, signedAt: signed.signedAt } };
  }

  async terminate(contractId: string, _reason?: string): Promise<Result<void, PapayError>> {
    const failure = await this.travel();
    if (failure) return fail(failure);
    const contracts = this.read();
    const at = contracts.findIndex((c) => c.id === contractId);
    if (at < 0) return fail('not_found');
    if (contracts[at].endedAt === undefined) {
      const next = contracts.slice();
      next[at] = { ...contracts[at], endedAt: this.clock.now() };
      this.write(next);
    }
    return { ok: true, value: undefined };
  }

  async query(contractId: string): Promise<Result<PapayContractStatus, PapayError>> {
    const failure = await this.travel();
    if (failure) return fail(failure);
    const found = this.read().find((c) => c.id === contractId);
    if (!found) return fail('not_found');
    return { ok: true, value: { state: found.endedAt === undefined ? 'active' : 'ended', perCharge: found.perCharge, monthlyCap: found.monthlyCap } };
  }

  // ----------------------------------------------------------------- internals

  private async travel(): Promise<'network' | 'rejected' | undefined> {
    await this.clock.sleep(PAPAY_LATENCY_MS);
    return this.failures.shift();
  }

  /** 32 characters like WeChat Pay's contract ids: 2026112510 + 22 digits. */
  private newContractId(): string {
    let digits = '';
    for (let i = 0; i < 22; i += 1) {
      const r = this.random();
      digits += String(typeof r === 'number' && r >= 0 && r < 1 ? Math.floor(r * 10) : 0);
    }
    return `${(chinaCompactTimestamp(this.clock.now()) ?? '0000000000').slice(0, 10)}${digits}`;
  }

  private read(): StoredContract[] {
    const raw = this.storage.get(PAPAY_CONTRACTS_KEY) as { version?: unknown; contracts?: unknown } | undefined;
    if (!raw || raw.version !== 1 || !Array.isArray(raw.contracts)) return [];
    return raw.contracts.filter(isStoredContract);
  }

  /** WeChat Pay's side of the demo: a failed local write loses only the relaunch memory. */
  private write(contracts: StoredContract[]): void {
    const ended = contracts.filter((c) => c.endedAt !== undefined);
    const drop = new Set(ended.slice(0, Math.max(0, ended.length - MAX_ENDED)));
    this.storage.set(PAPAY_CONTRACTS_KEY, { version: 1, contracts: contracts.filter((c) => !drop.has(c)) });
  }
}
