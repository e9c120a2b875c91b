import type { CardProfile, Result } from '../../../miniprogram/core/types';
import type { CardQuery, CarrierGateway, GatewayError } from '../../../miniprogram/services/contracts';
import { LOOKUP_MESSAGES, LatestLookup, isRetryable, lastKnownOf, lookupCard } from '../../../miniprogram/services/cards/card-lookup';
import { cardProfile } from '../../support/card-profiles';

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
    topUp: async () => ({ ok: false, error: 'unsupported', message: '' }),
    topUpStatus: async () => ({ ok: false, error: 'unsupported', message: '' }),
  };
}

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
    await expect(lookupCard(gateway, QUERY)).resolves.toEqual({ ok: true, card: CARD });
    expect(gateway.calls).toEqual([QUERY]);
  });

  test('the gateway\u2019s own words are kept', async () => {
    const gateway = gatewayAnswering(async () => ({ ok: false, error: 'not_found', message: '该号码已销户' }));
    await expect(lookupCard(gateway, QUERY)).resolves.toEqual({ ok: false, error: 'not_found', message: '该号码已销户', retryable: false });
  });

  test.each<GatewayError>(['network', 'timeout', 'not_found', 'unsupported', 'rejected'])('no words from the gateway for %s: ours', async (error) => {
    const gateway = gatewayAnswering(async () => ({ ok: false, error, message: '' }));
    await expect(lookupCard(gateway, QUERY)).resolves.toEqual({ ok: false, error, message: LOOKUP_MESSAGES[error], retryable: isRetryable(error) });
  });

  test.each([
    ['throws', () => Promise.reject(new Error('socket hang up'))],
    ['throws before it returns a promise', () => { throw new TypeError('wx.request is not a function'); }],
    ['rejects with nothing', () => Promise.reject(undefined)],
  ])('a gateway that %s counts as a lost connection, and may be retried', async (_name, lookup) => {
    const gateway = gatewayAnswering(lookup as never);
    await expect(lookupCard(gateway, QUERY)).resolves.toEqual({ ok: false, error: 'network', message: '网络连接失败，请检查网络后重试', retryable: true });
  });

  test.each([
    ['an error code no contract knows', { ok: false, error: 'teapot', message: '' }],
    ['a prototype key as the error', { ok: false, error: '__proto__', message: '' }],
    ['no answer at all', undefined],
    ['null', null],
    ['a bare string', 'error'],
  ])('hostile answer (%s): treated as a lost connection, never a crash', async (_name, answer) => {
    const gateway = gatewayAnswering(async () => answer as never);
    await expect(lookupCard(gateway, QUERY)).resolves.toEqual({ ok: false, error: 'network', message: '网络连接失败，请检查网络后重试', retryable: true });
  });

  test('words that are not text are replaced by ours', async () => {
    const gateway = gatewayAnswering(async () => ({ ok: false, error: 'timeout', message: 504 as never }));
    await expect(lookupCard(gateway, QUERY)).resolves.toEqual({ ok: false, error: 'timeout', message: '运营商查询超时，请稍后重试', retryable: true });
  });
});

describe('LatestLookup: only the newest lookup\u2019s answer counts', () => {
  test('one lookup: its answer', async () => {
    const { gateway, held } = heldGateway();
    const latest = new LatestLookup();
    const answer = latest.run(gateway, QUERY);
    await Promise.resolve();
    held[0].release({ ok: true, value: CARD });
    await expect(answer).resolves.toEqual({ ok: true, card: CARD });
  });

  test('the user typed another number: the first answer, arriving last, is dropped', async () => {
    const { gateway, held } = heldGateway();
    const latest = new LatestLookup();
    const first = latest.run(gateway, { phone: '13800138000' });
    const second = latest.run(gateway, { phone: '18600186002' });
    await Promise.resolve();
    held[1].release({ ok: true, value: cardProfile({ phone: '18600186002', carrier: 'cucc' }) });
    await expect(second).resolves.toMatchObject({ ok: true, card: { phone: '18600186002' } });
    held[0].release({ ok: true, value: CARD });
    await expect(first).resolves.toBeNull();
  });

  test('an older answer arriving first is dropped too, and a failure as well', async () => {
    const { gateway, held } = heldGateway();
    const latest = new LatestLookup();
    const first = latest.run(gateway, QUERY);
    const second = latest.run(gateway, QUERY);
    await Promise.resolve();
    held[0].release({ ok: false, error: 'timeout', message: '' });
    await expect(first).resolves.toBeNull();
    held[1].release({ ok: true, value: CARD });
    await expect(second).resolves.toEqual({ ok: true, card: CARD });
  });

  test('drop(): the lookup in flight is forgotten (the page was left)', async () => {
    const { gateway, held } = heldGateway();
    const latest = new LatestLookup();
    const answer = latest.run(gateway, QUERY);
    latest.drop();
    await Promise.resolve();
    held[0].release({ ok: true, value: CARD });
    await expect(answer).resolves.toBeNull();
  });

  test('lookups one after another each get their answer', async () => {
    const gateway = gatewayAnswering(async (query) => ({ ok: true, value: cardProfile({ phone: 'phone' in query ? query.phone : '' }) }));
    const latest = new LatestLookup();
    await expect(latest.run(gateway, { phone: '13800138000' })).resolves.toMatchObject({ card: { phone: '13800138000' } });
    await expect(latest.run(gateway, { phone: '18600186002' })).resolves.toMatchObject({ card: { phone: '18600186002' } });
  });

  test('two pages keep apart: one page\u2019s lookup never drops another\u2019s', async () => {
    const { gateway, held } = heldGateway();
    const lookupPage = new LatestLookup();
    const confirmPage = new LatestLookup();
    const a = lookupPage.run(gateway, QUERY);
    const b = confirmPage.run(gateway, QUERY);
    await Promise.resolve();
    held.forEach((h) => h.release({ ok: true, value: CARD }));
    await expect(Promise.all([a, b])).resolves.toEqual([{ ok: true, card: CARD }, { ok: true, card: CARD }]);
  });

  test('a throwing gateway inside LatestLookup is a lost connection, not a rejection', async () => {
    const gateway = gatewayAnswering(() => Promise.reject(new Error('offline')));
    await expect(new LatestLookup().run(gateway, QUERY)).resolves.toMatchObject({ ok: false, error: 'network', retryable: true });
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
