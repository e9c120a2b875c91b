import type { BoundCard } from '../../miniprogram/core/types';
import { cardTile, cardTitle } from '../../miniprogram/view/card-tile';
import { boundCard } from '../support/cards-fixtures';

const TODAY = '2026-11-25';
const known = (expiry: string, patch: Partial<NonNullable<BoundCard['lastKnown']>> = {}): Pick<BoundCard, 'lastKnown'> => ({
  lastKnown: { balance: { amount: 1250, currency: 'CNY' }, dataLeftMb: 2048, expiry, suspended: false, at: 0, ...patch },
});

describe('cardTitle', () => {
  test.each<[string, Partial<BoundCard>, string]>([
    ['the nickname when there is one', { nickname: '妈妈' }, '妈妈'],
    ['else carrier and card type', {}, '移动手机卡'],
    ['a Unicom data card', { carrier: 'cucc', cardType: 'data' }, '联通流量卡'],
    ['an eSIM', { cardType: 'esim' }, '移动 eSIM'],
    ['a stray carrier: the type alone', { carrier: 'globe' as never }, '手机卡'],
    ['a stray carrier and type: blank', { carrier: 'globe' as never, cardType: 'sim' as never }, ''],
  ])('%s', (_name, patch, title) => {
    expect(cardTitle(boundCard('13800138000', patch))).toBe(title);
  });
});

describe('cardTile', () => {
  test('never looked up: 待查询, no dates, nothing urgent', () => {
    expect(cardTile(boundCard('13800138000', { isDefault: true }), TODAY)).toEqual({
      masked: '138****8000',
      carrier: '中国移动',
      carrierColor: '#0085D0',
      typeLabel: '手机卡',
      title: '移动手机卡',
      isDefault: true,
      badge: '待查询',
      badgeKind: 'default',
      daysText: '到期日未知',
      expiryText: '',
      balanceText: '',
      location: '',
      dataText: '',
      suspendedText: '',
      urgent: false,
      warning: '',
      reminderHint: '',
    });
  });

  test('looked up and well: days left, expiry, balance', () => {
    expect(cardTile(boundCard('13800138000', known('2026-12-20')), TODAY)).toMatchObject({
      badge: '正常',
      badgeKind: 'success',
      daysText: '剩余 25 天',
      expiryText: '到期 2026年12月20日',
      balanceText: '余额 ¥12.50',
      urgent: false,
      warning: '',
    });
  });

  test.each<[string, Partial<BoundCard>, string, string, boolean]>([
    ['8 days left', known('2026-12-03'), '正常', '剩余 8 天', false],
    ['7 days left: expiring (a week at least)', known('2026-12-02'), '即将到期', '剩余 7 天', true],
    ['expired 3 days ago', known('2026-11-22'), '已过期', '已过期 3 天', true],
    ['expired 70 days: recycle risk', known('2026-09-16'), '有回收风险', '即将被回收', true],
    ['suspended', known('2026-12-20', { suspended: true }), '已停机', '剩余 25 天', true],
  ])('%s', (_name, patch, badge, daysText, urgent) => {
    expect(cardTile(boundCard('13800138000', patch), TODAY)).toMatchObject({ badge, daysText, urgent });
  });

  test('a card reminded 7 days before and one reminded 1 day before both warn a week ahead', () => {
    const at7 = cardTile(boundCard('13800138000', { remindDaysBefore: 7, ...known('2026-12-02') }), TODAY);
    const at1 = cardTile(boundCard('13800138000', { remindDaysBefore: 1, ...known('2026-12-02') }), TODAY);
    expect([at7.badge, at1.badge]).toEqual(['即将到期', '即将到期']);
  });

  test('a keep-number card warns that the number itself is at stake', () => {
    const tile = cardTile(boundCard('13800138000', { cardType: 'keep', ...known('2026-11-30') }), TODAY);
    expect(tile).toMatchObject({ title: '移动保号卡', badge: '即将到期', warning: '保号套餐 2026年11月30日 到期，还剩 5 天，请在到期前续费，以免号码被回收' });
  });

  test('a Smart card in pesos, with Smart\u2019s 120 days of grace', () => {
    const tile = cardTile(boundCard('09181234567', known('2026-08-17', { balance: { amount: 0, currency: 'PHP' } })), TODAY);
    expect(tile).toMatchObject({ masked: '0918***4567', carrier: 'Smart', badge: '有回收风险', daysText: '即将被回收', balanceText: '余额 ₱0.00' });
  });

  test.each<[string, Partial<BoundCard>, Record<string, unknown>]>([
    ['a stray carrier', { carrier: 'globe' as never, ...known('2026-12-20') }, { carrier: '未知运营商', carrierColor: '#969799', badge: '正常' }],
    ['a corrupt expiry', known('2026-02-30'), { badge: '待查询', daysText: '到期日未知', urgent: false }],
    ['a corrupt balance', known('2026-12-20', { balance: { amount: 1.5, currency: 'CNY' } }), { balanceText: '', badge: '正常' }],
    ['no number', { phone: undefined as never }, { masked: '' }],
  ])('damaged: %s', (_name, patch, fields) => {
    expect(cardTile(boundCard('13800138000', patch), TODAY)).toMatchObject(fields);
  });

  test('an unusable today is treated as not looked up', () => {
    expect(cardTile(boundCard('13800138000', known('2026-12-20')), '')).toMatchObject({ badge: '待查询', urgent: false });
  });
});

// The home page's notice and order (urgentNotice, byUrgency): test/view/card-tile-urgency.test.ts.
