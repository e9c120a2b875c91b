import { addDays, chinaToday, daysBetween, expiryState, newExpiryAfter } from '../../../miniprogram/core/dates';
import { luhnValid, parseIccid } from '../../../miniprogram/core/iccid';
import { parsePhone } from '../../../miniprogram/core/phone';
import { transition } from '../../../miniprogram/core/order';
import { formatRate } from '../../../miniprogram/core/exchange';
import type { CardProfile, Order, Promotion } from '../../../miniprogram/core/types';
import {
  DEMO_NUMBERS,
  DEMO_PESO_RATE,
  GATEWAY_CARDS_KEY,
  MAX_STORED_CARDS,
  MAX_STORED_TOPUPS,
  MockCarrierGateway,
} from '../../../miniprogram/backends/offline/gateway';
import { WxKeyValueStorage } from '../../../miniprogram/services/wx/storage';
import { KNOWN_PLACES, locationOf } from '../../../miniprogram/backends/offline/locations';
import { FakeClock } from '../../support/fakes';
import { fakeKeyValueStorage } from '../../support/wx-storage-fake';
import { backend, orderFor, storageFake, type Backend } from '../../support/checkout-fixtures';

const NOW = '2026-11-25T10:00:00+08:00';
const TODAY = '2026-11-25';

function gateway(clock = new FakeClock(NOW), storage = new WxKeyValueStorage()) {
  return { clock, storage, gateway: new MockCarrierGateway({ clock, storage }) };
}

async function profile(g: MockCarrierGateway, query: { phone: string } | { iccid: string }): Promise<CardProfile> {
  const result = await g.lookup(query);
  if (!result.ok) throw new Error(`lookup failed: ${result.message}`);
  return result.value;
}

/** A paid order (the gateway is only ever asked to credit paid ones). */
function paid(b: Backend, phone: string, productId: string, promotions: Promotion[] = []): Order {
  const created = orderFor(b, phone, productId, promotions);
  const awaiting = transition(created, 'awaiting_payment', b.clock.now());
  if (!awaiting.ok) throw new Error('fixture');
  const done = transition(awaiting.value, 'paid', b.clock.now(), { transactionId: '4200000000202611250000000001' });
  if (!done.ok) throw new Error('fixture');
  return done.value;
}

beforeEach(() => storageFake().clearStorageSync());

describe('derived cards: any valid number answers with a stable profile', () => {
  const numbers = ['13912345678', '13012345678', '18912345678', '19212345678', '17031234567', '09191234567', '09981234567', '15611112222'];

  test.each(numbers)('%s: carrier, ICCID, expiry and money are consistent', async (phone) => {
    const { gateway: g } = gateway();
    const card = await profile(g, { phone });
    const parsed = parsePhone(phone);
    if (!parsed.ok) throw new Error('fixture number must be valid');
    expect(card.phone).toBe(phone);
    expect(card.carrier).toBe(parsed.value.carrier);
    expect(card.region).toBe(parsed.value.region);
    expect(card.balance.currency).toBe(card.region === 'PH' ? 'PHP' : 'CNY');
    expect(Number.isInteger(card.balance.amount) && card.balance.amount >= 0).toBe(true);
    const daysLeft = daysBetween(TODAY, card.expiry);
    expect(daysLeft).toBeGreaterThanOrEqual(5);
    expect(daysLeft).toBeLessThanOrEqual(90);
    expect(card.iccid).toMatch(/^\d{20}$/);
    expect(luhnValid(card.iccid)).toBe(true);
    const iccid = parseIccid(card.iccid);
    expect(iccid.ok && iccid.value.carrierHint).toBe(card.carrier);
    expect(card.suspended).toBe(false);
    expect(card.planName.length).toBeGreaterThan(0);
    if (card.cardType === 'keep') expect(card.dataLeftMb).toBeNull();
    else expect(typeof card.dataLeftMb).toBe('number');
  });

  test('the same number gives the same card on every lookup and after a relaunch', async () => {
    const first = gateway();
    const a = await profile(first.gateway, { phone: '13912345678' });
    const b = await profile(first.gateway, { phone: '139 1234 5678' });
    const c = await profile(new MockCarrierGateway({ clock: first.clock, storage: first.storage }), { phone: '+8613912345678' });
    expect(b).toEqual(a);
    expect(c).toEqual(a);
  });

  test('different numbers spread over every card type and many balances', async () => {
    const { gateway: g } = gateway();
    const types = new Set<string>();
    const balances = new Set<number>();
    for (let i = 0; i < 200; i += 1) {
      const card = g.profileOf(`1391234${String(i).padStart(4, '0')}`);
      types.add(card!.cardType);
      balances.add(card!.balance.amount);
    }
    expect([...types].sort()).toEqual(['data', 'esim', 'keep', 'phone']);
    expect(balances.size).toBeGreaterThan(150);
  });

  test('lookup takes the simulated latency on the clock', async () => {
    const { gateway: g, clock } = gateway();
    const before = clock.now();
    await g.lookup({ phone: '13912345678' });
    expect(clock.now() - before).toBe(400);
  });
});

describe('demo numbers', () => {
  test('every demo number is valid and described in Chinese', () => {
    expect(DEMO_NUMBERS.length).toBeGreaterThanOrEqual(7);
    for (const demo of DEMO_NUMBERS) {
      expect(parsePhone(demo.phone).ok).toBe(true);
      expect(demo.description).toMatch(/[\u4e00-\u9fa5]/);
    }
    expect(DEMO_NUMBERS.map((d) => d.phone)).toEqual(expect.arrayContaining(['13800138000', '09181234567']));
  });

  test.each([
    ['13800138000', 'active', 45, false, 'phone'],
    ['18600186002', 'expiring', 2, false, 'phone'],
    ['13300133003', 'expired', -3, false, 'phone'],
    ['15900159000', 'active', 30, true, 'phone'],
    ['17300173005', 'expiring', 5, false, 'keep'],
    ['19200192000', 'active', 20, false, 'data'],
    ['16600166000', 'active', 60, false, 'esim'],
    ['09181234567', 'active', 12, false, 'phone'],
  ])('%s shows %s (%i days left), suspended %s, a %s card', async (phone, status, daysLeft, suspended, cardType) => {
    const { gateway: g } = gateway();
    const card = await profile(g, { phone });
    const state = expiryState(card.expiry, TODAY);
    expect(state.status).toBe(status);
    expect(state.daysLeft).toBe(daysLeft);
    expect(card.suspended).toBe(suspended);
    expect(card.cardType).toBe(cardType);
  });

  test('demo statuses follow the clock: 2 days left stays 2 days left a month later', async () => {
    const { gateway: g, clock } = gateway();
    clock.advance(30 * 24 * 3600 * 1000);
    const card = await profile(g, { phone: '18600186002' });
    expect(daysBetween(chinaToday(clock.now()), card.expiry)).toBe(2);
  });

  test('the suspended demo card owes money, the data demo card is low on data, Smart is in pesos', async () => {
    const { gateway: g } = gateway();
    expect((await profile(g, { phone: '15900159000' })).balance).toEqual({ amount: -1230, currency: 'CNY' });
    expect((await profile(g, { phone: '19200192000' })).dataLeftMb).toBe(300);
    const smart = await profile(g, { phone: '+63 918 123 4567' });
    expect(smart).toMatchObject({ phone: '09181234567', carrier: 'smart', region: 'PH', balance: { amount: 3500, currency: 'PHP' } });
    expect(smart.iccid.startsWith('896303')).toBe(true);
  });
});

describe('lookup by ICCID', () => {
  test.each(['13800138000', '13912345678', '09181234567', '19212345678'])('the ICCID of %s finds the same card', async (phone) => {
    const { gateway: g } = gateway();
    const byPhone = await profile(g, { phone });
    expect(await profile(g, { iccid: byPhone.iccid })).toEqual(byPhone);
  });

  test('a misread check digit, a maker letter or a 19-character ICCID still finds the card', async () => {
    const { gateway: g } = gateway();
    const card = await profile(g, { phone: '13912345678' });
    const head = card.iccid.slice(0, 19);
    const wrongDigit = `${head}${(Number(card.iccid[19]) + 1) % 10}`;
    for (const iccid of [wrongDigit, `${head}H`, head, `${head.slice(0, 4)} ${head.slice(4)}${card.iccid[19]}`]) {
      expect((await profile(g, { iccid })).phone).toBe('13912345678');
    }
  });

  test('an ICCID we never issued gets a stable card on the carrier its issuer names', async () => {
    const first = gateway();
    const unicom = '89860112345678901234';
    const a = await profile(first.gateway, { iccid: unicom });
    const b = await profile(first.gateway, { iccid: unicom });
    const again = await profile(new MockCarrierGateway({ clock: first.clock, storage: first.storage }), { iccid: unicom });
    expect(a.carrier).toBe('cucc');
    expect(a.iccid).toBe(unicom);
    expect(b).toEqual(a);
    expect(again.phone).toBe(a.phone);
    expect(parsePhone(a.phone).ok).toBe(true);
    // The number found that way shows the same card, ICCID included.
    expect(await profile(first.gateway, { phone: a.phone })).toEqual(a);
  });

  test('a Philippine SIM that is not Smart is unsupported', async () => {
    const { gateway: g } = gateway();
    const result = await g.lookup({ iccid: '8963020000000000001' });
    expect(result).toMatchObject({ ok: false, error: 'unsupported' });
    expect(!result.ok && result.message).toContain('Smart');
  });
});

describe('bad queries get a typed error and a Chinese message', () => {
  test.each([
    [{ phone: '' }, 'not_found', '请输入手机号码'],
    [{ phone: '1380013800' }, 'not_found', '少了 1 位'],
    [{ phone: '12345678901' }, 'not_found', '号段'],
    [{ phone: '09171234567' }, 'unsupported', 'Globe'],
    [{ iccid: '1234' }, 'not_found', '89'],
    [{ iccid: '8986001234' }, 'not_found', '19 或 20 位'],
    [{}, 'not_found', '手机号'],
    [null, 'not_found', '手机号'],
  ])('%j → %s', async (query, error, words) => {
    const { gateway: g } = gateway();
    const result = await g.lookup(query as never);
    expect(result).toMatchObject({ ok: false, error });
    expect(!result.ok && result.message).toContain(words);
  });
});

describe('exchange rate quote', () => {
  test('quotes the demo peso rate with the time it was quoted, after the round trip', async () => {
    const { gateway: g, clock } = gateway();
    const quoted = await g.exchangeRate();
    expect(quoted).toEqual({ ok: true, value: { rate: DEMO_PESO_RATE, quotedAt: clock.now() } });
    expect(clock.now()).toBe(Date.parse(NOW) + g.latencyMs);
    expect(formatRate(DEMO_PESO_RATE)).toBe('₱1 ≈ ¥0.1235');
  });

  test('a changed rate is quoted from then on, as a copy the caller cannot change', async () => {
    const { gateway: g } = gateway();
    g.rate = { from: 'PHP', to: 'CNY', fen: 1, centavos: 8 };
    const quoted = await g.exchangeRate();
    expect(quoted.ok && quoted.value.rate).toEqual({ from: 'PHP', to: 'CNY', fen: 1, centavos: 8 });
    if (quoted.ok) (quoted.value.rate as { fen: number }).fen = 99;
    expect(g.rate.fen).toBe(1);
  });

  test('network trouble answers a typed error, no rate', async () => {
    const { gateway: g } = gateway();
    g.failNext('network');
    expect(await g.exchangeRate()).toMatchObject({ ok: false, error: 'network' });
  });
});

describe('failure controls', () => {
  test("failNext('network') fails the next call only", async () => {
    const { gateway: g } = gateway();
    g.failNext('network');
    const failed = await g.lookup({ phone: '13800138000' });
    expect(failed).toMatchObject({ ok: false, error: 'network' });
    expect(!failed.ok && failed.message).toContain('网络');
    expect((await g.lookup({ phone: '13800138000' })).ok).toBe(true);
  });

  test('failNext(kind, count) fails that many calls in order', async () => {
    const { gateway: g } = gateway();
    g.failNext('network', 2);
    g.failNext('timeout');
    const answers = [];
    for (let i = 0; i < 4; i += 1) {
      const r = await g.lookup({ phone: '13800138000' });
      answers.push(r.ok ? 'ok' : r.error);
    }
    expect(answers).toEqual(['network', 'network', 'timeout', 'ok']);
  });

  test("failNext('timeout') answers after timeoutMs on the clock", async () => {
    const { gateway: g, clock } = gateway();
    g.failNext('timeout');
    const before = clock.now();
    const result = await g.lookup({ phone: '13800138000' });
    expect(result).toMatchObject({ ok: false, error: 'timeout' });
    expect(clock.now() - before).toBe(g.timeoutMs);
  });

  test('a carrier slower than timeoutMs answers timeout', async () => {
    const { gateway: g, clock } = gateway();
    g.latencyMs = 20_000;
    g.timeoutMs = 5_000;
    const before = clock.now();
    expect(await g.lookup({ phone: '13800138000' })).toMatchObject({ ok: false, error: 'timeout' });
    expect(clock.now() - before).toBe(5_000);
  });
});

describe('topUp: a paid order changes the card as bought', () => {
  let b: Backend;
  beforeEach(() => {
    b = backend();
  });

  test('a recharge adds the credit and extends the expiry from the current one', async () => {
    const before = b.gateway.profileOf('13800138000')!;
    const order = paid(b, '13800138000', 'cmcc-recharge-50');
    const receipt = await b.gateway.topUp(order);
    const expectedExpiry = newExpiryAfter(before.expiry, TODAY, 180);
    expect(receipt).toEqual({ ok: true, value: { orderId: order.id, balance: { amount: 8650 + 5000, currency: 'CNY' }, dataLeftMb: before.dataLeftMb, expiry: expectedExpiry } });
    expect(await profile(b.gateway, { phone: '13800138000' })).toMatchObject({ balance: { amount: 13650 }, expiry: expectedExpiry });
  });

  test('a data pack adds its data and the promotion bonus', async () => {
    const bonus: Promotion = { id: 'p-bonus', title: '加赠 1GB', carriers: 'all', kinds: ['data'], startsOn: '2026-11-01', endsOn: '2026-11-30', effect: { type: 'bonus_data', dataMb: 1024 } };
    const order = paid(b, '19200192000', 'cbn-data-10gb', [bonus]);
    const receipt = await b.gateway.topUp(order);
    expect(receipt.ok && receipt.value.dataLeftMb).toBe(300 + 10240 + 1024);
    expect(receipt.ok && receipt.value.balance.amount).toBe(1000);
  });

  test('extra days from a promotion are honoured', async () => {
    const extra: Promotion = { id: 'p-days', title: '续费多送 7 天', carriers: 'all', kinds: ['recharge'], startsOn: '2026-11-01', endsOn: '2026-11-30', effect: { type: 'extra_days', days: 7 } };
    const order = paid(b, '13800138000', 'cmcc-recharge-10', [extra]);
    const receipt = await b.gateway.topUp(order);
    expect(receipt.ok && receipt.value.expiry).toBe(addDays(TODAY, 45 + 30 + 7));
    expect(receipt.ok && receipt.value.expiry).toBe(order.newExpiry);
  });

  test('an expired card restarts from today', async () => {
    const order = paid(b, '13300133003', 'ctcc-recharge-10');
    const receipt = await b.gateway.topUp(order);
    expect(receipt.ok && receipt.value.expiry).toBe(addDays(TODAY, 29));
  });

  test('a keep-number plan leaves a card without data allowance at null', async () => {
    const order = paid(b, '17300173005', 'ctcc-keep-5');
    const receipt = await b.gateway.topUp(order);
    expect(receipt.ok && receipt.value.dataLeftMb).toBeNull();
    expect(receipt.ok && receipt.value.expiry).toBe(addDays(TODAY, 35));
  });

  test.each([
    ['cmcc-recharge-10', -230, true],
    ['cmcc-recharge-20', 770, false],
  ])('the suspended card after %s: balance %i, suspended %s', async (productId, balance, suspended) => {
    await b.gateway.topUp(paid(b, '15900159000', productId));
    expect(b.gateway.profileOf('15900159000')).toMatchObject({ balance: { amount: balance }, suspended });
  });

  test('a Smart load credits pesos', async () => {
    const receipt = await b.gateway.topUp(paid(b, '09181234567', 'smart-recharge-100'));
    expect(receipt.ok && receipt.value.balance).toEqual({ amount: 13500, currency: 'PHP' });
  });

  test('the change survives a relaunch and only changed cards are stored', async () => {
    const order = paid(b, '13800138000', 'cmcc-recharge-50');
    await b.gateway.topUp(order);
    await b.gateway.lookup({ phone: '13912345678' });
    const relaunched = new MockCarrierGateway({ clock: b.clock, storage: b.storage });
    expect(relaunched.profileOf('13800138000')!.balance.amount).toBe(13650);
    const stored = b.storage.get(GATEWAY_CARDS_KEY) as { cards: CardProfile[] };
    expect(stored.cards.map((c) => c.phone)).toEqual(['13800138000']);
  });

  test('topUp is idempotent by order id, also after a relaunch', async () => {
    const order = paid(b, '13800138000', 'cmcc-recharge-50');
    const first = await b.gateway.topUp(order);
    const second = await b.gateway.topUp(order);
    const relaunched = new MockCarrierGateway({ clock: b.clock, storage: b.storage });
    const third = await relaunched.topUp(order);
    expect(second).toEqual(first);
    expect(third).toEqual(first);
    expect(relaunched.profileOf('13800138000')!.balance.amount).toBe(13650);
  });

  test('topUpStatus: not_received, then credited', async () => {
    const order = paid(b, '13800138000', 'cmcc-recharge-50');
    expect(await b.gateway.topUpStatus(order.id)).toEqual({ ok: true, value: 'not_received' });
    await b.gateway.topUp(order);
    expect(await b.gateway.topUpStatus(order.id)).toEqual({ ok: true, value: 'credited' });
  });

  test('failTopUpFor(orderId) refuses that order: rejected, status failed, card unchanged, a repeat refused too', async () => {
    const order = paid(b, '13800138000', 'cmcc-recharge-50');
    b.gateway.failTopUpFor(order.id);
    const refused = await b.gateway.topUp(order);
    expect(refused).toMatchObject({ ok: false, error: 'rejected' });
    expect(!refused.ok && refused.message).toContain('退回');
    expect(await b.gateway.topUpStatus(order.id)).toEqual({ ok: true, value: 'failed' });
    expect(await b.gateway.topUp(order)).toMatchObject({ ok: false, error: 'rejected' });
    expect(b.gateway.profileOf('13800138000')!.balance.amount).toBe(8650);
  });

  test("failTopUpFor('next') refuses one order only", async () => {
    b.gateway.failTopUpFor('next');
    const first = await b.gateway.topUp(paid(b, '13800138000', 'cmcc-recharge-10'));
    const second = await b.gateway.topUp(paid(b, '13800138000', 'cmcc-recharge-10'));
    expect([first.ok, second.ok]).toEqual([false, true]);
  });

  test('a network failure credits nothing; a timeout credits but loses the answer', async () => {
    const lost = paid(b, '13800138000', 'cmcc-recharge-10');
    b.gateway.failNext('network');
    expect(await b.gateway.topUp(lost)).toMatchObject({ ok: false, error: 'network' });
    expect(await b.gateway.topUpStatus(lost.id)).toEqual({ ok: true, value: 'not_received' });
    const slow = paid(b, '13800138000', 'cmcc-recharge-20');
    b.gateway.failNext('timeout');
    expect(await b.gateway.topUp(slow)).toMatchObject({ ok: false, error: 'timeout' });
    expect(await b.gateway.topUpStatus(slow.id)).toEqual({ ok: true, value: 'credited' });
    expect(b.gateway.profileOf('13800138000')!.balance.amount).toBe(8650 + 2000);
  });

  test('an order in the wrong currency for the number is refused', async () => {
    const order = paid(b, '13800138000', 'cmcc-recharge-10');
    const smartMoney = { ...order, product: { ...order.product, credit: { amount: 1000, currency: 'PHP' as const } } };
    expect(await b.gateway.topUp(smartMoney)).toMatchObject({ ok: false, error: 'rejected' });
    expect(b.gateway.profileOf('13800138000')!.balance.amount).toBe(8650);
  });
});

describe('gateway storage stays small and tolerant', () => {
  test(`at most ${MAX_STORED_CARDS} cards and ${MAX_STORED_TOPUPS} top-ups are kept`, async () => {
    const clock = new FakeClock(NOW);
    const { storage, fake } = fakeKeyValueStorage();
    const g = new MockCarrierGateway({ clock, storage, latencyMs: 0 });
    const b = backend({ clock });
    for (let i = 0; i < 520; i += 1) {
      const phone = `1391234${String(i).padStart(4, '0')}`;
      const order = { ...paid(b, '13800138000', 'cmcc-recharge-10'), phone };
      expect((await g.topUp(order)).ok).toBe(true);
    }
    const stored = storage.get(GATEWAY_CARDS_KEY) as { cards: unknown[]; topUps: unknown[] };
    expect(stored.cards.length).toBe(MAX_STORED_CARDS);
    expect(stored.topUps.length).toBe(MAX_STORED_TOPUPS);
    expect(fake.rawText(GATEWAY_CARDS_KEY)!.length).toBeLessThan(300 * 1024);
  });

  test.each([['"not an object"'], ['{"version":1,"cards":"x","topUps":[null,{"orderId":5}]}'], ['{"version":9}']])(
    'damaged stored data (%s) is ignored',
    async (raw) => {
      storageFake().plantRaw(GATEWAY_CARDS_KEY, raw);
      const { gateway: g } = gateway();
      expect((await profile(g, { phone: '13800138000' })).balance.amount).toBe(8650);
    },
  );
});

describe('归属地: where each number belongs', () => {
  const PROVINCES = ['北京', '天津', '上海', '重庆', '河北', '山西', '内蒙古', '辽宁', '吉林', '黑龙江', '江苏', '浙江', '安徽', '福建', '江西', '山东', '河南', '湖北', '湖南', '广东', '广西', '海南', '四川', '贵州', '云南', '西藏', '陕西', '甘肃', '青海', '宁夏', '新疆'];

  test('the table names only the 31 mainland provinces, each at least once', () => {
    expect(new Set(KNOWN_PLACES.map(([province]) => province))).toEqual(new Set(PROVINCES));
    expect(KNOWN_PLACES.every(([, city]) => city.length >= 2)).toBe(true);
  });

  test('the demo numbers the README names', async () => {
    const { gateway: g } = gateway();
    expect((await profile(g, { phone: '13800138000' })).location).toEqual({ country: 'CN', province: '北京', city: '北京' });
    expect((await profile(g, { phone: '18600186002' })).location).toEqual({ country: 'CN', province: '广东', city: '深圳' });
    expect((await profile(g, { phone: '16600166000' })).location).toBeNull();
    expect((await profile(g, { phone: '09181234567' })).location).toEqual({ country: 'PH', province: '', city: '' });
  });

  test('the first seven digits decide: the same prefix, the same place; a derived card carries it', async () => {
    const { gateway: g } = gateway();
    const a = await profile(g, { phone: '13912340001' });
    const b = await profile(g, { phone: '13912349999' });
    expect(b.location).toEqual(a.location);
    expect(locationOf('13912340001', 'CN')).toEqual(a.location);
  });

  test('over many prefixes: real places, and some left unplaced instead of guessed', () => {
    const found = Array.from({ length: 400 }, (_, i) => locationOf(`1391${String(i).padStart(3, '0')}0000`, 'CN'));
    const unplaced = found.filter((l) => l === null).length;
    expect(unplaced).toBeGreaterThan(4);
    expect(unplaced).toBeLessThan(60);
    for (const l of found) if (l) expect(KNOWN_PLACES.some(([p, c]) => p === l.province && c === l.city)).toBe(true);
    expect(new Set(found.map((l) => l?.province)).size).toBeGreaterThan(20);
  });

  test('a card looked up by ICCID, and a card changed by a top-up, still answer it', async () => {
    const b = backend();
    const before = await profile(b.gateway, { phone: '13800138000' });
    expect((await profile(b.gateway, { iccid: before.iccid })).location).toEqual(before.location);
    await b.gateway.topUp(paid(b, '13800138000', 'cmcc-recharge-50'));
    expect((await profile(b.gateway, { phone: '13800138000' })).location).toEqual({ country: 'CN', province: '北京', city: '北京' });
  });
});
