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
    ['pay_failed', 'failed', 'clear', '支付失败', '原因：零钱余额不足', '', false],
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
      ['订单号', succeeded.id],
      ['当前余额', '¥22.00'],
      ['剩余流量', '不含流量'],
      ['新到期日', '2026年12月31日'],
    ]);
  });

  test('data left is shown in GB when the carrier says so', () => {
    const succeeded = order('succeeded', { after: { balance: { amount: 0, currency: 'CNY' }, dataLeftMb: 6 * 1024, expiry: '2027-01-19' } });
    expect(lines(succeeded).slice(-3)).toEqual([['当前余额', '¥0.00'], ['剩余流量', '6GB'], ['新到期日', '2027年1月19日']]);
  });

  test.each<OrderState>(['paid', 'succeeded'])('%s without the carrier\u2019s figures: the expected expiry', (state) => {
    expect(lines(order(state, { after: undefined })).slice(4)).toEqual([['预计到期日', '2026年12月31日']]);
  });

  test.each<OrderState>(['cancelled', 'pay_failed', 'unknown', 'topup_failed', 'refunded'])('%s: no expiry promised', (state) => {
    expect(lines(order(state)).map(([label]) => label)).toEqual(['充值号码', '套餐', '实付金额', '订单号']);
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
