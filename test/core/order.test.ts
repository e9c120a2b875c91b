import { productById } from '../../miniprogram/core/catalog';
import { fen, peso, yuan } from '../../miniprogram/core/money';
import {
  ALLOWED_TRANSITIONS,
  ORDER_STATE_LABELS,
  alternativeOrderId,
  createOrder,
  findDuplicate,
  isPossiblyCharged,
  isTerminal,
  isUnsettled,
  newIdempotencyKey,
  newOrderId,
  ordersToCsv,
  transition,
} from '../../miniprogram/core/order';
import { quote } from '../../miniprogram/core/pricing';
import { walkTo } from '../support/records-orders';
import type { Order, OrderState } from '../../miniprogram/core/types';

const T0 = Date.UTC(2026, 10, 25, 2, 30, 0); // 2026-11-25 10:30:00 China time
const MINUTE = 60_000;

const STATES: OrderState[] = ['created', 'awaiting_payment', 'paid', 'cancelled', 'pay_failed', 'unknown', 'succeeded', 'topup_failed', 'refunding', 'refunded'];

function sequence(...values: number[]): () => number {
  let i = 0;
  return () => values[i++ % values.length];
}

function baseOrder(overrides: Partial<Order> = {}): Order {
  const product = productById('cmcc-recharge-100');
  if (!product) throw new Error('catalog changed');
  const q = quote(product, { expiry: '2026-11-30' }, '2026-11-25');
  const order = createOrder({
    id: 'CR20261125103000123456',
    idempotencyKey: 'key-1',
    now: T0,
    card: { phone: '13800138000', region: 'CN', carrier: 'cmcc', cardType: 'phone', expiry: '2026-11-30' },
    quote: q,
  });
  return { ...order, ...overrides };
}

/** Walks an order through legal moves to the given state. */
function orderIn(state: OrderState, overrides: Partial<Order> = {}): Order {
  return { ...walkTo(baseOrder(), state, T0), ...overrides };
}

describe('newOrderId', () => {
  test.each([
    [T0, 0.123456, 'CR20261125103000123456'],
    [T0, 0, 'CR20261125103000000000'],
    [T0, 0.9999999, 'CR20261125103000999999'],
    [Date.UTC(2026, 10, 24, 16, 0, 0), 0.5, 'CR20261125000000500000'],
    [Date.UTC(2026, 11, 31, 15, 59, 59), 0.000001, 'CR20261231235959000001'],
    // A broken random source must not produce NaN or a 7-digit serial.
    [T0, 1, 'CR20261125103000000000'],
    [T0, NaN, 'CR20261125103000000000'],
    [T0, -0.5, 'CR20261125103000000000'],
  ])('newOrderId(%p, () => %p) → %s', (ms, r, id) => {
    expect(newOrderId(ms, () => r)).toBe(id);
    expect(newOrderId(ms, () => r)).toMatch(/^CR\d{20}$/);
  });

  test.each([[NaN], [Infinity], [1e20]])('an unusable time %p throws', (ms) => {
    expect(() => newOrderId(ms, () => 0.5)).toThrow(RangeError);
  });
});

describe('alternativeOrderId', () => {
  const ID = 'CR20261125103000123456';
  test.each<[string, string, number, RegExp]>([
    ['a standard number keeps its time, new six digits', ID, 1, /^CR20261125103000\d{6}$/],
    ['another prefix keeps its letters', 'IV20261125103000123456', 2, /^IV20261125103000\d{6}$/],
    ['a number of another shape gets a suffix', 'v1-legacy-7', 1, /^v1-legacy-7-\d{6}$/],
    ['a very long number stays within 64 characters', 'X'.repeat(80), 1, /^X{57}-\d{6}$/],
    ['hostile input', undefined as unknown as string, 1, /^undefined-\d{6}$/],
  ])('%s', (_label, id, attempt, shape) => {
    expect(alternativeOrderId(id, 'key-1', attempt)).toMatch(shape);
  });

  test('the same order always gets the same alternatives; another key or attempt gets others', () => {
    expect(alternativeOrderId(ID, 'key-1', 1)).toBe(alternativeOrderId(ID, 'key-1', 1));
    const many = new Set(Array.from({ length: 200 }, (_, i) => alternativeOrderId(ID, `key-${i}`, 1)));
    expect(many.size).toBeGreaterThan(195);
    const attempts = new Set([1, 2, 3, 4, 5, 6, 7].map((a) => alternativeOrderId(ID, 'key-1', a)));
    expect(attempts.size).toBe(7);
    expect(attempts.has(ID)).toBe(false);
  });
});

describe('newIdempotencyKey', () => {
  const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
  test.each([
    ['mid values', sequence(0.5)],
    ['zeros', sequence(0)],
    ['near one', sequence(0.99999)],
    ['mixed', sequence(0.1, 0.7, 0.33, 0.9)],
    ['broken source', sequence(NaN)],
  ])('%s → a UUID v4 shaped key', (_name, random) => {
    expect(newIdempotencyKey(random)).toMatch(UUID_V4);
  });

  test('different randomness gives different keys, the same gives the same', () => {
    expect(newIdempotencyKey(sequence(0.1, 0.2))).not.toBe(newIdempotencyKey(sequence(0.3, 0.4)));
    expect(newIdempotencyKey(sequence(0.1, 0.2))).toBe(newIdempotencyKey(sequence(0.1, 0.2)));
  });
});

describe('createOrder', () => {
  test('copies the card and the quote into a created order with one history event', () => {
    const order = baseOrder();
    expect(order).toEqual({
      id: 'CR20261125103000123456',
      idempotencyKey: 'key-1',
      createdAt: T0,
      updatedAt: T0,
      state: 'created',
      history: [{ state: 'created', at: T0 }],
      phone: '13800138000',
      region: 'CN',
      carrier: 'cmcc',
      cardType: 'phone',
      product: { id: 'cmcc-recharge-100', kind: 'recharge', title: '话费充值 100 元', credit: yuan(100), dataMb: 0, validityDays: 365 },
      original: yuan(100),
      discount: yuan(5),
      payable: yuan(95),
      promotions: ['promo-2026-11-cn-big-recharge-95'],
      bonusDataMb: 0,
      oldExpiry: '2026-11-30',
      newExpiry: '2027-11-30',
    });
  });

  test('a full CardProfile contributes only the order fields (no ICCID, no balance)', () => {
    const product = productById('smart-recharge-100');
    if (!product) throw new Error('catalog changed');
    const order = createOrder({
      id: 'CR1',
      idempotencyKey: 'k',
      now: T0,
      card: {
        phone: '09171234567',
        region: 'PH',
        iccid: '8963000000000000000',
        carrier: 'smart',
        cardType: 'phone',
        planName: 'x',
        balance: peso(5),
        dataLeftMb: null,
        expiry: '2026-12-01',
        suspended: false,
      },
      quote: quote(product, { expiry: '2026-12-01' }, '2026-11-25'),
    });
    expect(order).not.toHaveProperty('iccid');
    expect(order).not.toHaveProperty('balance');
    expect(order).toMatchObject({ phone: '09171234567', region: 'PH', carrier: 'smart', payable: peso(100), newExpiry: '2026-12-31' });
  });
});

describe('the state machine', () => {
  test.each([
    ['created', ['awaiting_payment']],
    ['awaiting_payment', ['paid', 'cancelled', 'pay_failed', 'unknown']],
    ['unknown', ['paid', 'cancelled', 'pay_failed']],
    ['paid', ['succeeded', 'topup_failed']],
    ['topup_failed', ['refunding']],
    ['refunding', ['refunded']],
    ['cancelled', []],
    ['pay_failed', []],
    ['succeeded', []],
    ['refunded', []],
  ])('from %s the only legal moves are %j', (from, legal) => {
    const order = orderIn(from as OrderState);
    const allowed = STATES.filter((to) => transition(order, to, T0 + MINUTE).ok);
    expect(allowed).toEqual(STATES.filter((s) => (legal as string[]).includes(s)));
    expect([...ALLOWED_TRANSITIONS[from as OrderState]].sort()).toEqual([...legal].sort());
  });

  test.each([
    ['created', 'paid', '订单当前为「待支付」，不能变为「已支付，充值中」'],
    ['succeeded', 'refunding', '订单当前为「充值成功」，不能变为「退款中」'],
    ['cancelled', 'paid', '订单当前为「已取消」，不能变为「已支付，充值中」'],
    ['paid', 'paid', '订单当前为「已支付，充值中」，不能变为「已支付，充值中」'],
    ['refunded', 'refunding', '订单当前为「已退款」'],
    ['paid', 'refunded', '不能变为「已退款」'],
    ['paid', 'bogus', '不能变为「未知状态」'],
    ['paid', '__proto__', '不能变为「未知状态」'],
  ])('%s → %s is refused: %s', (from, to, message) => {
    const result = transition(orderIn(from as OrderState), to as OrderState, T0 + MINUTE);
    expect(result).toMatchObject({ ok: false, error: 'illegal_transition' });
    if (!result.ok) expect(result.message).toContain(message);
  });

  test('a legal move returns a new order: state, updatedAt, patch and one history event; the input is untouched', () => {
    const before = orderIn('awaiting_payment');
    const snapshot = JSON.stringify(before);
    const result = transition(before, 'paid', T0 + 5 * MINUTE, { transactionId: '4200001234202611251234567890' }, '微信支付成功');
    expect(JSON.stringify(before)).toBe(snapshot);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value).not.toBe(before);
    expect(result.value.history).not.toBe(before.history);
    expect(result.value).toMatchObject({ state: 'paid', updatedAt: T0 + 5 * MINUTE, createdAt: T0, transactionId: '4200001234202611251234567890' });
    expect(result.value.history.slice(-1)).toEqual([{ state: 'paid', at: T0 + 5 * MINUTE, note: '微信支付成功' }]);
    expect(result.value.history.length).toBe(before.history.length + 1);
  });

  test('works on a frozen order (never writes to its input)', () => {
    const frozen = Object.freeze({ ...orderIn('paid'), history: Object.freeze([...orderIn('paid').history]) }) as Order;
    expect(transition(frozen, 'succeeded', T0 + MINUTE).ok).toBe(true);
  });

  test('a patch cannot rewrite identity, state or history', () => {
    const result = transition(orderIn('paid'), 'topup_failed', T0 + MINUTE, {
      id: 'HACK',
      idempotencyKey: 'HACK',
      createdAt: 1,
      updatedAt: 1,
      state: 'succeeded',
      history: [],
      failureReason: '运营商系统繁忙',
    });
    expect(result.ok && result.value).toMatchObject({
      id: 'CR20261125103000123456',
      idempotencyKey: 'key-1',
      createdAt: T0,
      updatedAt: T0 + MINUTE,
      state: 'topup_failed',
      failureReason: '运营商系统繁忙',
    });
    expect(result.ok && result.value.history.map((e) => e.state)).toEqual(['created', 'awaiting_payment', 'paid', 'topup_failed']);
  });

  test('an event without a note has no note key', () => {
    const result = transition(baseOrder(), 'awaiting_payment', T0 + 1);
    expect(result.ok && result.value.history[1]).toEqual({ state: 'awaiting_payment', at: T0 + 1 });
  });

  test.each([
    ['a corrupt state', { state: 'bogus' as OrderState }],
    ['a missing state', { state: undefined as unknown as OrderState }],
  ])('an order with %s cannot move', (_name, overrides) => {
    expect(transition(baseOrder(overrides), 'awaiting_payment', T0).ok).toBe(false);
  });

  test('a corrupt history is replaced by the one new event instead of crashing', () => {
    const result = transition(baseOrder({ history: null as unknown as [] }), 'awaiting_payment', T0 + 1);
    expect(result.ok && result.value.history).toEqual([{ state: 'awaiting_payment', at: T0 + 1 }]);
  });
});

describe('state predicates and labels', () => {
  test.each([
    ['created', false, false, false, '待支付'],
    ['awaiting_payment', false, true, true, '待支付'],
    ['paid', false, true, true, '已支付，充值中'],
    ['cancelled', true, false, false, '已取消'],
    ['pay_failed', true, false, false, '支付失败'],
    ['unknown', false, true, true, '结果待确认'],
    ['succeeded', true, false, true, '充值成功'],
    ['topup_failed', false, true, true, '充值失败'],
    ['refunding', false, true, true, '退款中'],
    ['refunded', true, false, false, '已退款'],
    ['bogus', true, false, false, undefined],
  ])('%s: terminal %p, unsettled %p, possibly charged %p, label %p', (state, terminal, unsettled, charged, label) => {
    const s = state as OrderState;
    expect(isTerminal(s)).toBe(terminal);
    expect(isUnsettled(s)).toBe(unsettled);
    expect(isPossiblyCharged(s)).toBe(charged);
    expect(ORDER_STATE_LABELS[s]).toBe(label);
  });
});

describe('findDuplicate', () => {
  const phone = '13800138000';
  const productId = 'cmcc-recharge-100';
  const now = T0 + 5 * MINUTE;

  test.each([
    ['a paid order 5 minutes ago', [orderIn('paid')], 'CR20261125103000123456'],
    ['an order awaiting payment', [orderIn('awaiting_payment')], 'CR20261125103000123456'],
    ['an order whose payment answer was lost', [orderIn('unknown')], 'CR20261125103000123456'],
    ['a succeeded order', [orderIn('succeeded')], 'CR20261125103000123456'],
    ['a refunding order', [orderIn('refunding')], 'CR20261125103000123456'],
    ['a cancelled order does not count', [orderIn('cancelled')], undefined],
    ['a failed payment does not count', [orderIn('pay_failed')], undefined],
    ['a refunded order does not count', [orderIn('refunded')], undefined],
    ['a created, never-paid order does not count', [orderIn('created')], undefined],
    ['another number', [orderIn('paid', { phone: '13900139000' })], undefined],
    ['another product', [orderIn('paid', { product: { ...orderIn('paid').product, id: 'cmcc-recharge-50' } })], undefined],
    ['exactly 10 minutes ago still counts', [orderIn('paid', { id: 'A', createdAt: now - 10 * MINUTE })], 'A'],
    ['10 minutes and 1 ms ago is outside', [orderIn('paid', { createdAt: now - 10 * MINUTE - 1 })], undefined],
    ['a clock that moved back 2 minutes still counts', [orderIn('paid', { id: 'B', createdAt: now + 2 * MINUTE })], 'B'],
    ['the newest of several wins', [orderIn('paid', { id: 'OLD', createdAt: now - 8 * MINUTE }), orderIn('succeeded', { id: 'NEW', createdAt: now - MINUTE })], 'NEW'],
    ['a corrupt createdAt is ignored', [orderIn('paid', { createdAt: NaN })], undefined],
    ['garbage entries are skipped', [null, 42, orderIn('paid', { id: 'C' })], 'C'],
  ])('%s', (_name, orders, expectedId) => {
    expect(findDuplicate(orders as Order[], phone, productId, now)?.id).toBe(expectedId);
  });

  test('a custom window', () => {
    const orders = [orderIn('paid', { createdAt: now - 20 * MINUTE })];
    expect(findDuplicate(orders, phone, productId, now)).toBeUndefined();
    expect(findDuplicate(orders, phone, productId, now, 30 * MINUTE)?.id).toBe('CR20261125103000123456');
  });

  test.each([
    ['not a list', null, phone],
    ['an empty phone', [], ''],
    ['a non-string phone', [], 13800138000],
  ])('hostile input (%s) → undefined', (_name, orders, p) => {
    expect(findDuplicate(orders as Order[], p as string, productId, now)).toBeUndefined();
  });
});

/** A small RFC 4180 reader, to check what a spreadsheet would see. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 1;
    } else field += ch;
  }
  return rows;
}

describe('ordersToCsv', () => {
  const HEADER = ['订单号', '下单时间', '充值号码', '运营商', '套餐', '币种', '原价', '优惠', '订单金额', '支付状态', '微信支付单号', '原到期日', '新到期日', '人民币实付', '汇率'];
  const paid = orderIn('succeeded', { transactionId: '4200001234202611251234567890' });

  test('a UTF-8 BOM, a Chinese header, CRLF line ends, one row per order', () => {
    const csv = ordersToCsv([paid, paid]);
    expect(csv.startsWith('\uFEFF订单号,下单时间,充值号码,')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const rows = parseCsv(csv.slice(1));
    expect(rows[0]).toEqual(HEADER);
    expect(rows.length).toBe(3);
  });

  test('a row: identifiers kept as text with a leading tab, amounts as 50.00 with a currency column', () => {
    const [, row] = parseCsv(ordersToCsv([paid]).slice(1));
    expect(row).toEqual([
      'CR20261125103000123456',
      '2026-11-25 10:30:00',
      '\t13800138000',
      '中国移动',
      '话费充值 100 元',
      'CNY',
      '100.00',
      '5.00',
      '95.00',
      '充值成功',
      '\t4200001234202611251234567890',
      '2026-11-30',
      '2027-11-30',
      '95.00',
      '',
    ]);
  });

  test('a Smart order charged in yuan: the peso price, the yuan taken and the rate', () => {
    const smart = {
      ...paid,
      carrier: 'smart' as const,
      phone: '09171234567',
      original: peso(150),
      discount: peso(0),
      payable: peso(150),
      charged: fen(1852),
      fx: { rate: { from: 'PHP' as const, to: 'CNY' as const, fen: 247, centavos: 2000 }, quotedAt: Date.UTC(2026, 10, 25, 2, 5) },
    };
    const [, row] = parseCsv(ordersToCsv([smart]).slice(1));
    expect(row.slice(5, 9)).toEqual(['PHP', '150.00', '0.00', '150.00']);
    expect(row.slice(13)).toEqual(['18.52', '₱1 ≈ ¥0.1235']);
  });

  test.each([
    ['cancelled', 'cancelled'],
    ['failed', 'pay_failed'],
    ['refunded', 'refunded'],
  ] as const)('a %s order renewed nothing and was not charged for good: no new expiry', (_name, state) => {
    const [, row] = parseCsv(ordersToCsv([orderIn(state)]).slice(1));
    expect(row[12]).toBe('—');
    expect(row[13]).toBe(state === 'refunded' ? '95.00' : '');
  });

  test('a Smart number keeps its leading zero and pesos are labelled PHP', () => {
    const smart = { ...paid, carrier: 'smart' as const, phone: '09171234567', original: peso(300), discount: peso(0), payable: peso(300) };
    const [, row] = parseCsv(ordersToCsv([smart]).slice(1));
    expect(row.slice(2, 9)).toEqual(['\t09171234567', 'Smart', '话费充值 100 元', 'PHP', '300.00', '0.00', '300.00']);
  });

  test.each([
    ['=HYPERLINK("http://evil","点我")', '\'=HYPERLINK("http://evil","点我")'],
    ['+1+cmd|\' /C calc\'!A0', '\'+1+cmd|\' /C calc\'!A0'],
    ['-2+3', "'-2+3"],
    ['@SUM(A1:A9)', "'@SUM(A1:A9)"],
    ['\t=1+1', "'\t=1+1"],
    ['\r=1+1', "'\r=1+1"],
    ['套餐, 含"引号"', '套餐, 含"引号"'],
    ['两行\r\n标题', '两行\r\n标题'],
    ['普通 = 标题', '普通 = 标题'],
  ])('the title %p reaches the spreadsheet as %p', (title, cell) => {
    const order = { ...paid, product: { ...paid.product, title } };
    const [, row] = parseCsv(ordersToCsv([order]).slice(1));
    expect(row[4]).toBe(cell);
    expect(row.length).toBe(HEADER.length);
  });

  test.each([
    ['a phone with a formula', { phone: '=1+2' }, 2, "'=1+2"],
    ['an id starting with a minus', { id: '-123' }, 0, "'-123"],
    ['a negative (corrupt) discount', { discount: fen(-500) }, 7, "'-5.00"],
    ['a corrupt amount', { payable: { amount: 'x', currency: 'CNY' } as never }, 8, ''],
    ['a missing transaction id', { transactionId: undefined }, 10, ''],
    ['a corrupt state', { state: 'bogus' as OrderState }, 9, '未知状态'],
    ['a corrupt time', { createdAt: NaN }, 1, '—'],
  ])('%s → column %p is %p', (_name, overrides, column, cell) => {
    const [, row] = parseCsv(ordersToCsv([{ ...paid, ...overrides } as Order]).slice(1));
    expect(row[column]).toBe(cell);
  });

  test.each([
    ['no orders', []],
    ['not a list', null],
    ['only garbage', [null, undefined]],
  ])('%s → just the header', (_name, orders) => {
    expect(ordersToCsv(orders as unknown as Order[])).toBe(`\uFEFF${HEADER.join(',')}\r\n`);
  });
});
