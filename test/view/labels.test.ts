import type { CardType, OrderState, ProductKind } from '../../miniprogram/core/types';
import { ALLOWED_TRANSITIONS } from '../../miniprogram/core/order';
import {
  CARD_TYPE_LABELS,
  CARD_TYPES,
  EXPIRY_BADGES,
  ORDER_STATE_LABELS,
  PRODUCT_KIND_LABELS,
  PRODUCT_KINDS,
  SUSPENDED_BADGE,
  stateLabel,
  stateTag,
} from '../../miniprogram/view/labels';

const ALL_STATES = Object.keys(ALLOWED_TRANSITIONS) as OrderState[];

describe('order states: the words and the tag colour', () => {
  test.each<[OrderState, string, string]>([
    ['created', '待支付', 'warning'],
    ['awaiting_payment', '待支付', 'warning'],
    ['unknown', '结果待确认', 'warning'],
    ['paid', '已支付，充值中', 'primary'],
    ['refunding', '退款中', 'primary'],
    ['succeeded', '充值成功', 'success'],
    ['pay_failed', '支付失败', 'danger'],
    ['topup_failed', '充值失败', 'danger'],
    ['refunded', '已退款', 'danger'],
    // Vant's grey; '' would be white text on no background (issue 12 item 2).
    ['cancelled', '已取消', 'default'],
  ])('%s → %s, tag %p', (state, words, tag) => {
    expect(stateLabel(state)).toBe(words);
    expect(stateTag(state)).toBe(tag);
  });

  test('the table covers every state of the state machine, and no other', () => {
    expect(Object.keys(ORDER_STATE_LABELS).sort()).toEqual([...ALL_STATES].sort());
  });

  test.each([['__proto__'], ['toString'], ['constructor'], [''], ['SUCCEEDED'], [undefined], [null], [42]])(
    'a state read from damaged storage (%p) gets neutral words and the grey tag',
    (state) => {
      expect(stateLabel(state as never)).toBe('未知状态');
      expect(stateTag(state as never)).toBe('default');
    },
  );
});

describe('product kinds and card types', () => {
  test.each<[ProductKind, string]>([
    ['recharge', '话费充值'],
    ['data', '流量包'],
    ['keep', '保号套餐'],
  ])('%s → %s', (kind, words) => {
    expect(PRODUCT_KIND_LABELS[kind]).toBe(words);
  });

  test('the filter order lists each kind once', () => {
    expect(PRODUCT_KINDS).toEqual(['recharge', 'data', 'keep']);
  });

  test.each<[CardType, string]>([
    ['phone', '手机卡'],
    ['data', '流量卡'],
    ['keep', '保号卡'],
    ['esim', 'eSIM'],
  ])('card type %s → %s', (type, words) => {
    expect(CARD_TYPE_LABELS[type]).toBe(words);
  });

  test('card types are offered phone first, each once', () => {
    expect(CARD_TYPES).toEqual(['phone', 'data', 'keep', 'esim']);
    expect([...CARD_TYPES].sort()).toEqual(Object.keys(CARD_TYPE_LABELS).sort());
  });
});

describe('expiry badges', () => {
  test.each([
    ['active', '正常', 'success'],
    ['expiring', '即将到期', 'warning'],
    ['expired', '已过期', 'danger'],
    ['recycle_risk', '有回收风险', 'danger'],
  ] as const)('%s → %s (%s)', (status, text, kind) => {
    expect(EXPIRY_BADGES[status]).toEqual({ text, kind });
  });

  test('a suspended line has its own red badge', () => {
    expect(SUSPENDED_BADGE).toEqual({ text: '已停机', kind: 'danger' });
  });
});
