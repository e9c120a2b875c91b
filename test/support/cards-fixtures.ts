/**
 * Bound cards and a scripted carrier gateway for the account pages' tests (home, mine,
 * card, bind): every figure is chosen by the test, so days left and badges are exact.
 */
import type { BoundCard, CardProfile, Result } from '../../miniprogram/core/types';
import type { RateQuote } from '../../miniprogram/core/charge';
import type { CardQuery, CarrierGateway, GatewayError, TopUpReceipt } from '../../miniprogram/services/contracts';

export function boundCard(phone: string, patch: Partial<BoundCard> = {}): BoundCard {
  const ph = phone.startsWith('09');
  return {
    phone,
    region: ph ? 'PH' : 'CN',
    carrier: ph ? 'smart' : 'cmcc',
    cardType: 'phone',
    nickname: '',
    isDefault: false,
    boundAt: Date.parse('2026-11-01T10:00:00+08:00'),
    verifiedBy: 'sms',
    remindDaysBefore: 3,
    ...patch,
  };
}

export function profile(phone: string, expiry: string, patch: Partial<CardProfile> = {}): CardProfile {
  const ph = phone.startsWith('09');
  return {
    phone,
    region: ph ? 'PH' : 'CN',
    iccid: '89860012345678901234',
    carrier: ph ? 'smart' : 'cmcc',
    cardType: 'phone',
    planName: '测试套餐',
    balance: { amount: 1250, currency: ph ? 'PHP' : 'CNY' },
    dataLeftMb: 2048,
    expiry,
    suspended: false,
    ...patch,
  };
}

/** Answers lookups from a table; a number not in it is not_found. Counts the calls. */
export class ScriptedGateway implements CarrierGateway {
  readonly lookups: string[] = [];
  failWith: GatewayError | null = null;

  constructor(readonly profiles: Record<string, CardProfile> = {}) {}

  async lookup(query: CardQuery): Promise<Result<CardProfile, GatewayError>> {
    const key = 'phone' in query ? query.phone : query.iccid;
    this.lookups.push(key);
    await Promise.resolve();
    if (this.failWith) return { ok: false, error: this.failWith, message: '网络不好，查询失败' };
    const found = this.profiles[key];
    return found ? { ok: true, value: found } : { ok: false, error: 'not_found', message: '没有查到这个号码' };
  }

  async exchangeRate(): Promise<Result<RateQuote, GatewayError>> {
    return { ok: true, value: { rate: { from: 'PHP', to: 'CNY', fen: 247, centavos: 2000 }, quotedAt: Date.now() } };
  }

  async topUp(): Promise<Result<TopUpReceipt, GatewayError>> {
    return { ok: false, error: 'unsupported', message: '测试网关不充值' };
  }

  async topUpStatus(): Promise<Result<'credited' | 'not_received' | 'failed', GatewayError>> {
    return { ok: false, error: 'unsupported', message: '测试网关不充值' };
  }
}
