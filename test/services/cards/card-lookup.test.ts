import type { CardProfile, Result } from '../../../miniprogram/core/types';
import type { RateQuote } from '../../../miniprogram/core/charge';
import type { CardQuery, CarrierGateway, GatewayError } from '../../../miniprogram/services/contracts';
import { LOOKUP_MESSAGES, LatestLookup, cardFor, isRetryable, lastKnownOf, lookupCard, rateFor, type LookupDeps } from '../../../miniprogram/services/cards/card-lookup';
import { CARD_FRESH_MS, MemoryRenewalCache } from '../../../miniprogram/services/cards/renewal-cache';
import { cardProfile } from '../../support/card-profiles';
import { FakeClock } from '../../support/fakes';

type Answer = Result<CardProfile, GatewayError>;

/** A gateway whose lookup() is whatever the test says, counting the calls. */
function gatewayAnswering(lookup: (query: CardQuery) => Promise<Answer>): CarrierGateway & { calls: CardQuery[] } {
  const calls: CardQuery[] = [];
  return {
    calls,
    lookup: (query) => {
      calls.push(query);
      return lookup(query);
    },
    exchangeRate: async () => ({ ok: true, value: RATE }),
    topUp: async () => ({ ok: false, error: 'unsupported', message: '' }),
    topUpStatus: async () => ({ ok: false, error: 'unsupported', message: '' }),
  };
}

const NOW = '2026-11-25T10:00:00+08:00';
const RATE: RateQuote = { rate: { from: 'PHP', to: 'CNY', fen: 247, centavos: 2000 }, quotedAt: Date.parse(NOW) };

/** What a page hands lookupCard: the gateway, a fresh renewal cache and a fixed clock. */
function depsOf(gateway: CarrierGateway, clock = new FakeClock(NOW)): LookupDeps & { clock: FakeClock; renewalCache: MemoryRenewalCache } {
  return { gateway, renewalCache: new MemoryRenewalCache(), clock };
}

const AT = Date.parse(NOW);

/** Answers that the test releases one by one, in any order. */
function heldGateway() {
  const held: { query: CardQuery; release: (answer: Answer) => void }[] = [];
  const gateway = gatewayAnswering((query) => new Promise<Answer>((release) => held.push({ query, release })));
  return { gateway, held };
}

const CARD = cardProfile();
const QUERY: CardQuery = { phone: '13800138000' };

describe('the words for each lookup failure', () => {
  test.each<[GatewayError, string, boolean]>([
    ['network', '网络连接失败，请检查网络后重试', true],
    ['timeout', '运营商查询超时，请稍后重试', true],
    ['not_found', '没有查到这张卡，请核对号码或 ICCID 是否输入正确', false],
    ['unsupported', '暂不支持查询这个号码的运营商', false],
    ['rejected', '运营商拒绝了查询，请稍后再试或拨打客服电话', false],
  ])('%s: %s (retry helps: %p)', (error, words, retryable) => {
    expect(LOOKUP_MESSAGES[error]).toBe(words);
    expect(isRetryable(error)).toBe(retryable);
  });
});

describe('lookupCard', () => {
  test('a found card', async () => {
    const gateway = gatewayAnswering(async () => ({ ok: true, value: CARD }));
    await expect(lookupCard(depsOf(gateway), QUERY)).resolves.toEqual({ ok: true, card: CARD, fetchedAt: AT });
    expect(gateway.calls).toEqual([QUERY]);
  });

  test('the gateway\u2019s own words are kept', async () => {
    const gateway = gatewayAnswering(async () => ({ ok: false, error: 'not_found', message: '该号码已销户' }));
    await expect(lookupCard(depsOf(gateway), QUERY)).resolves.toEqual({ ok: false, error: 'not_found', message: '该号码已销户', retryable: false });
  });

  test.each<GatewayError>(['network', 'timeout', 'not_found', 'unsupported', 'rejected'])('no words from the gateway for %s: ours', async (error) => {
    const gateway = gatewayAnswering(async () => ({ ok: false, error, message: '' }));
    await expect(lookupCard(depsOf(gateway), QUERY)).resolves.toEqual({ ok: false, error, message: LOOKUP_MESSAGES[error], retryable: isRetryable(error) });
  });

  test.each([
    ['throws', () => Promise.reject(new Error('socket hang up'))],
    ['throws before it returns a promise', () => { throw new TypeError('wx.request is not a function'); }],
    ['rejects with nothing', () => Promise.reject(undefined)],
  ])('a gateway that %s counts as a lost connection, and may be retried', async (_name, lookup) => {
    const gateway = gatewayAnswering(lookup as never);
    await expect(lookupCard(depsOf(gateway), QUERY)).resolves.toEqual({ ok: false, error: 'network', message: '网络连接失败，请检查网络后重试', retryable: true });
  });

  test.each([
    ['an error code no contract knows', { ok: false, error: 'teapot', message: '' }],
    ['a prototype key as the error', { ok: false, error: '__proto__', message: '' }],
    ['no answer at all', undefined],
    ['null', null],
    ['a bare string', 'error'],
  ])('hostile answer (%s): treated as a lost connection, never a crash', async (_name, answer) => {
    const gateway = gatewayAnswering(async () => answer as never);
    await expect(lookupCard(depsOf(gateway), QUERY)).resolves.toEqual({ ok: false, error: 'network', message: '网络连接失败，请检查网络后重试', retryable: true });
  });

  test('words that are not text are replaced by ours', async () => {
    const gateway = gatewayAnswering(async () => ({ ok: false, error: 'timeout', message: 504 as never }));
    await expect(lookupCard(depsOf(gateway), QUERY)).resolves.toEqual({ ok: false, error: 'timeout', message: '运营商查询超时，请稍后重试', retryable: true });
  });
});

describe('LatestLookup: only the newest lookup\u2019s answer counts', () => {
  test('one lookup: its answer', async () => {
    const { gateway, held } = heldGateway();
    const latest = new LatestLookup();
    const deps = depsOf(gateway);
    const answer = latest.run(() => lookupCard(deps, QUERY));
    await Promise.resolve();
    held[0].release({ ok: true, value: CARD });
    await expect(answer).resolves.toEqual({ ok: true, card: CARD, fetchedAt: AT });
  });

  test('the user typed another number: the first answer, arriving last, is dropped', async () => {
    const { gateway, held } = heldGateway();
    const latest = new LatestLookup();
    const deps = depsOf(gateway);
    const first = latest.run(() => lookupCard(deps, { phone: '13800138000' }));
    const second = latest.run(() => lookupCard(deps, { phone: '18600186002' }));
    await Promise.resolve();
    held[1].release({ ok: true, value: cardProfile({ phone: '18600186002', carrier: 'cucc' }) });
    await expect(second).resolves.toMatchObject({ ok: true, card: { phone: '18600186002' } });
    held[0].release({ ok: true, value: CARD });
    await expect(first).resolves.toBeNull();
  });

  test('an older answer arriving first is dropped too, and a failure as well', async () => {
    const { gateway, held } = heldGateway();
    const latest = new LatestLookup();
    const deps = depsOf(gateway);
    const first = latest.run(() => lookupCard(deps, QUERY));
    const second = latest.run(() => lookupCard(deps, QUERY));
    await Promise.resolve();
    held[0].release({ ok: false, error: 'timeout', message: '' });
    await expect(first).resolves.toBeNull();
    held[1].release({ ok: true, value: CARD });
    await expect(second).resolves.toEqual({ ok: true, card: CARD, fetchedAt: AT });
  });

  test('drop(): the lookup in flight is forgotten (the page was left)', async () => {
    const { gateway, held } = heldGateway();
    const latest = new LatestLookup();
    const deps = depsOf(gateway);
    const answer = latest.run(() => lookupCard(deps, QUERY));
    latest.drop();
    await Promise.resolve();
    held[0].release({ ok: true, value: CARD });
    await expect(answer).resolves.toBeNull();
  });

  test('lookups one after another each get their answer', async () => {
    const gateway = gatewayAnswering(async (query) => ({ ok: true, value: cardProfile({ phone: 'phone' in query ? query.phone : '' }) }));
    const latest = new LatestLookup();
    const deps = depsOf(gateway);
    await expect(latest.run(() => lookupCard(deps, { phone: '13800138000' }))).resolves.toMatchObject({ card: { phone: '13800138000' } });
    await expect(latest.run(() => lookupCard(deps, { phone: '18600186002' }))).resolves.toMatchObject({ card: { phone: '18600186002' } });
  });

  test('two pages keep apart: one page\u2019s lookup never drops another\u2019s', async () => {
    const { gateway, held } = heldGateway();
    const lookupPage = new LatestLookup();
    const deps = depsOf(gateway);
    const confirmPage = new LatestLookup();
    const a = lookupPage.run(() => lookupCard(deps, QUERY));
    const b = confirmPage.run(() => lookupCard(deps, QUERY));
    await Promise.resolve();
    held.forEach((h) => h.release({ ok: true, value: CARD }));
    await expect(Promise.all([a, b])).resolves.toEqual([{ ok: true, card: CARD, fetchedAt: AT }, { ok: true, card: CARD, fetchedAt: AT }]);
  });

  test('a throwing gateway inside LatestLookup is a lost connection, not a rejection', async () => {
    const gateway = gatewayAnswering(() => Promise.reject(new Error('offline')));
    await expect(new LatestLookup().run(() => lookupCard(depsOf(gateway), QUERY))).resolves.toMatchObject({ ok: false, error: 'network', retryable: true });
  });
});

describe('the renewal cache: one lookup per renewal, never another number\u2019s card (issue 12 item 1, issue 13 item 4)', () => {
  test('a lookup puts the card there, under its own number, with the time it was fetched', async () => {
    const deps = depsOf(gatewayAnswering(async () => ({ ok: true, value: CARD })));
    await lookupCard(deps, QUERY);
    expect(deps.renewalCache.card('+86 138 0013 8000')).toEqual({ card: CARD, fetchedAt: AT });
    expect(deps.renewalCache.card('18600186002')).toBeUndefined();
  });

  test('cardFor reuses a card fetched under 5 minutes ago, asks again after, or when told to refresh', async () => {
    const gateway = gatewayAnswering(async () => ({ ok: true, value: CARD }));
    const deps = depsOf(gateway);
    await lookupCard(deps, QUERY);
    deps.clock.advance(CARD_FRESH_MS);
    await expect(cardFor(deps, '13800138000')).resolves.toEqual({ ok: true, card: CARD, fetchedAt: AT });
    expect(gateway.calls).toHaveLength(1);
    await cardFor(deps, '13800138000', { refresh: true });
    expect(gateway.calls).toHaveLength(2);
    deps.clock.advance(CARD_FRESH_MS + 1);
    await cardFor(deps, '13800138000');
    expect(gateway.calls).toHaveLength(3);
  });

  test('a card held for one number is never handed out for another', async () => {
    const gateway = gatewayAnswering(async (query) => ({ ok: true, value: cardProfile({ phone: 'phone' in query ? query.phone : '' }) }));
    const deps = depsOf(gateway);
    await lookupCard(deps, { phone: '18600186002' });
    await expect(cardFor(deps, '13800138000')).resolves.toMatchObject({ card: { phone: '13800138000' } });
    expect(gateway.calls).toEqual([{ phone: '18600186002' }, { phone: '13800138000' }]);
  });

  test('an older answer does not replace a newer one; a credited top-up updates the held card', () => {
    const cache = new MemoryRenewalCache();
    cache.putCard(CARD, AT + 10);
    cache.putCard({ ...CARD, expiry: '2020-01-01' }, AT);
    expect(cache.card('13800138000')?.card.expiry).toBe(CARD.expiry);
    cache.credited('13800138000', { orderId: 'CR1', balance: { amount: 13650, currency: 'CNY' }, dataLeftMb: 12288, expiry: '2027-07-08' }, AT + 20);
    expect(cache.card('13800138000')).toEqual({ card: { ...CARD, balance: { amount: 13650, currency: 'CNY' }, dataLeftMb: 12288, expiry: '2027-07-08' }, fetchedAt: AT + 20 });
    cache.credited('18600186002', { orderId: 'CR2', balance: { amount: 1, currency: 'CNY' }, dataLeftMb: null, expiry: '2027-01-01' }, AT);
    expect(cache.card('18600186002')).toBeUndefined();
  });

  test('what comes back is a copy: changing it changes nothing held', () => {
    const cache = new MemoryRenewalCache();
    cache.putCard(CARD, AT);
    const held = cache.card('13800138000')!;
    (held.card.balance as { amount: number }).amount = 0;
    expect(cache.card('13800138000')?.card.balance.amount).toBe(CARD.balance.amount);
  });

  test.each([['an invalid number', { ...CARD, phone: '123' }], ['no card', null]])('%s is not held', (_name, card) => {
    const cache = new MemoryRenewalCache();
    cache.putCard(card as never, AT);
    expect(cache.card('123')).toBeUndefined();
  });
});

describe('rateFor: a rate the renewal may charge at', () => {
  test('asks the gateway once, then reuses the quote while it is usable', async () => {
    const gateway = gatewayAnswering(async () => ({ ok: true, value: CARD }));
    const asked = jest.spyOn(gateway, 'exchangeRate');
    const deps = depsOf(gateway);
    await expect(rateFor(deps)).resolves.toEqual({ ok: true, value: RATE });
    await rateFor(deps);
    expect(asked).toHaveBeenCalledTimes(1);
    await rateFor(deps, { refresh: true });
    expect(asked).toHaveBeenCalledTimes(2);
  });

  test('a gateway that fails or throws: a typed error with words, no rate held', async () => {
    const gateway = gatewayAnswering(async () => ({ ok: true, value: CARD }));
    const deps = depsOf(gateway);
    jest.spyOn(gateway, 'exchangeRate').mockResolvedValueOnce({ ok: false, error: 'timeout', message: '' }).mockRejectedValueOnce(new Error('offline'));
    await expect(rateFor(deps)).resolves.toEqual({ ok: false, error: 'timeout', message: LOOKUP_MESSAGES.timeout });
    await expect(rateFor(deps)).resolves.toEqual({ ok: false, error: 'network', message: LOOKUP_MESSAGES.network });
    expect(deps.renewalCache.rate()).toBeUndefined();
  });
});

describe('lastKnownOf', () => {
  test('what a bound card remembers of the answer, stamped with the time', () => {
    expect(lastKnownOf(cardProfile({ suspended: true, dataLeftMb: null }), 1_764_000_000_000)).toEqual({
      balance: { amount: 1250, currency: 'CNY' },
      dataLeftMb: null,
      expiry: '2026-12-20',
      suspended: true,
      at: 1_764_000_000_000,
    });
  });
});
