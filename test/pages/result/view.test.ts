import type { Order, OrderState } from '../../../miniprogram/core/types';
import { resultView } from '../../../miniprogram/pages/result/view';
import { realOrder } from '../../support/records-orders';

const AT = '2026-11-25T10:30:00+08:00';
const order = (state: OrderState, patch: Partial<Order> = {}): Order => ({ ...realOrder({ at: AT, state }), ...patch });
const lines = (o: Order) => resultView(o).lines.map((l) => [l.label, l.value]);

describe('resultView: what the result page says, by state', () => {
  test.each<[OrderState, string, string, string, string, string, boolean]>([
    ['succeeded', 'success', 'checked', '充值成功', '中国移动 138****8000 已到账', '', false],
    ['paid', 'processing', 'clock', '已支付，运营商处理中', '款项已支付，运营商正在为号码充值，通常几分钟内到账，请勿重复支付', '', true],
    ['cancelled', 'cancelled', 'info', '已取消支付', '你取消了支付，没有扣款', '', false],
    ['pay_failed', 'failed', 'clear', '支付失败', '原因：零钱余额不足，没有扣款', '', false],
    ['topup_failed', 'failed', 'clear', '充值失败', '原因：运营商系统繁忙，充值未到账', '款项将原路退回，一般 1–3 个工作日到账', true],
    ['refunding', 'failed', 'clear', '充值失败', '原因：运营商系统繁忙，充值未到账', '款项将原路退回，一般 1–3 个工作日到账', true],
    ['refunded', 'refunded', 'passed', '已退款', '原因：运营商系统繁忙，充值未到账', '款项已原路退回', false],
    ['unknown', 'unknown', 'question', '支付结果待确认 — 请勿重复支付', '暂时没有收到支付结果，可能已经扣款。请点「刷新结果」查询，确认前不要再次付款', '', true],
    ['awaiting_payment', 'unknown', 'question', '支付结果待确认 — 请勿重复支付', '暂时没有收到支付结果，可能已经扣款。请点「刷新结果」查询，确认前不要再次付款', '', true],
  ])('%s', (state, kind, icon, title, subtitle, refundNote, canRefresh) => {
    expect(resultView(order(state))).toMatchObject({ kind, icon, title, subtitle, refundNote, canRefresh });
  });

  test('never "success" before the carrier has credited the card', () => {
    const notYet: OrderState[] = ['created', 'awaiting_payment', 'unknown', 'paid', 'topup_failed', 'refunding'];
    for (const state of notYet) expect(resultView(order(state)).title).not.toContain('成功');
  });

  test.each<[OrderState, string]>([
    ['pay_failed', '支付没有成功，没有扣款'],
    ['topup_failed', '运营商没能为号码充值'],
    ['refunding', '运营商没能为号码充值'],
    ['refunded', '运营商没能为号码充值'],
  ])('%s without a reason: a plain sentence', (state, subtitle) => {
    expect(resultView(order(state, { failureReason: undefined })).subtitle).toBe(subtitle);
  });
});

describe('the lines under the headline', () => {
  test('succeeded with the carrier\u2019s figures: balance, data and the new expiry', () => {
    const succeeded = order('succeeded');
    expect(lines(succeeded)).toEqual([
      ['充值号码', '138****8000'],
      ['套餐', '话费充值 10 元'],
      ['实付金额', '¥10.00'],
      ['当前余额', '¥22.00'],
      ['剩余流量', '不含流量'],
      ['新到期日', '2026年12月31日'],
    ]);
    // The ids a user reads out to customer service, in a block of their own (item 7).
    expect(resultView(succeeded).ids).toEqual([
      { label: '订单号', value: succeeded.id },
      { label: '微信支付单号', value: succeeded.transactionId },
    ]);
  });

  test('data left is shown in GB when the carrier says so', () => {
    const succeeded = order('succeeded', { after: { balance: { amount: 0, currency: 'CNY' }, dataLeftMb: 6 * 1024, expiry: '2027-01-19' } });
    expect(lines(succeeded).slice(-3)).toEqual([['当前余额', '¥0.00'], ['剩余流量', '6GB'], ['新到期日', '2027年1月19日']]);
  });

  test.each<OrderState>(['paid', 'succeeded'])('%s without the carrier\u2019s figures: the expected expiry', (state) => {
    expect(lines(order(state, { after: undefined })).slice(3)).toEqual([['预计到期日', '2026年12月31日']]);
  });

  test.each<[OrderState, string]>([
    ['cancelled', '订单金额 ¥10.00（未扣款）'],
    ['pay_failed', '订单金额 ¥10.00（未扣款）'],
    ['unknown', '订单金额 ¥10.00（扣款待确认）'],
    ['topup_failed', '实付金额 ¥10.00（退款中）'],
    ['refunding', '实付金额 ¥10.00（退款中）'],
    ['refunded', '实付金额 ¥10.00（已原路退回）'],
  ])('%s: no expiry promised, and the amount says whether money was taken (item 3): %s', (state, amount) => {
    const shown = lines(order(state));
    expect(shown.map(([label]) => label)).toEqual(['充值号码', '套餐', amount.split(' ')[0]]);
    expect(shown[2].join(' ')).toBe(amount);
  });

  test.each<[OrderState, boolean, string]>([
    ['cancelled', true, '你取消了支付，没有扣款。核对号码和套餐无误后，可以重新支付'],
    ['pay_failed', true, '零钱余额不足 — 换一种支付方式（如银行卡）后重新支付'],
    ['succeeded', false, ''],
    ['unknown', false, ''],
    ['refunded', false, ''],
  ])('%s: 重新支付 offered %p (item 6)', (state, canRetry, hint) => {
    expect(resultView(order(state))).toMatchObject({ canRetry, retryHint: hint });
  });

  test('a failure reason other than the balance: no 换一种支付方式', () => {
    expect(resultView(order('pay_failed', { failureReason: '订单已关闭，请重新下单' })).retryHint).toBe('订单已关闭，请重新下单 — 没有扣款，可以重新支付');
  });

  test('a refund promised by the carrier\u2019s reason is said once (walk 22)', () => {
    const view = resultView(order('refunding', { failureReason: '运营商暂时无法为这个号码充值，款项将原路退回' }));
    expect(view.subtitle).toBe('原因：运营商暂时无法为这个号码充值');
    expect(view.refundNote).toBe('款项将原路退回，一般 1–3 个工作日到账');
  });

  test('a top-up that leaves the line in debt: not a plain success (walk 1)', () => {
    const owing = order('succeeded', { after: { balance: { amount: -230, currency: 'CNY' }, dataLeftMb: null, expiry: '2026-12-31' } });
    expect(resultView(owing)).toMatchObject({ kind: 'owing', title: '已到账，号码仍欠费停机', subtitle: '充值后余额 -¥2.30，至少再充 ¥3 才能复机', owing: true });
  });

  test('a keep plan is 已办理', () => {
    expect(resultView(order('succeeded', { product: { ...order('succeeded').product, kind: 'keep' } })).subtitle).toBe('中国移动 138****8000 保号套餐已办理');
  });

  test('a data pack: 号码到期日, and no expiry promised before it is credited (walk 13)', () => {
    const data = order('succeeded', { product: { ...order('succeeded').product, kind: 'data' } });
    expect(lines(data).find(([label]) => label === '号码到期日')).toBeDefined();
    expect(lines({ ...data, state: 'paid', after: undefined }).map(([label]) => label)).not.toContain('预计到期日');
  });

  test('a Smart order charged in yuan: the yuan, the face value and the rate (item 8)', () => {
    const smart = { ...realOrder({ at: AT, carrier: 'smart', phone: '09181234567' }), charged: { amount: 247, currency: 'CNY' as const }, fx: { rate: { from: 'PHP' as const, to: 'CNY' as const, fen: 247, centavos: 2000 }, quotedAt: Date.parse(AT) } };
    expect(lines(smart).slice(2, 5)).toEqual([['实付金额', '¥2.47'], ['面值', '₱20.00'], ['汇率', '₱1 ≈ ¥0.1235（10:30 报价）']]);
  });

  test('a Smart order in pesos, masked the Philippine way', () => {
    const smart = { ...realOrder({ at: AT, carrier: 'smart', phone: '09181234567' }) };
    expect(resultView(smart).subtitle).toBe('Smart 0918***4567 已到账');
    expect(lines(smart).slice(0, 3)).toEqual([['充值号码', '0918***4567'], ['套餐', '充值 ₱20'], ['实付金额', '₱20.00']]);
  });

  test('the full number never appears', () => {
    expect(JSON.stringify(resultView(order('succeeded')))).not.toContain('13800138000');
  });
});

describe('damaged orders never break the page', () => {
  test.each([
    ['a corrupt amount', { payable: { amount: 1.5, currency: 'CNY' } }, '实付金额', '—'],
    ['a missing product', { product: undefined }, '套餐', '—'],
    ['a corrupt balance after top-up', { after: { balance: null, dataLeftMb: null, expiry: '2026-12-31' } }, '当前余额', '—'],
    ['a corrupt expiry after top-up', { after: { balance: { amount: 0, currency: 'CNY' }, dataLeftMb: Number.NaN, expiry: '2026-02-30' } }, '新到期日', '—'],
  ])('%s shows a dash', (_name, patch, label, value) => {
    const view = resultView(order('succeeded', patch as never));
    expect(view.lines.find((l) => l.label === label)?.value).toBe(value);
  });

  test('a stray carrier id is named neutrally', () => {
    expect(resultView(order('succeeded', { carrier: 'globe' as never })).subtitle).toBe('未知运营商 138****8000 已到账');
  });

  test('a state no version of the app wrote reads as "unknown, do not pay again"', () => {
    expect(resultView(order('succeeded', { state: 'teapot' as never }))).toMatchObject({ kind: 'unknown', icon: 'question', title: '支付结果待确认 — 请勿重复支付' });
  });
});
