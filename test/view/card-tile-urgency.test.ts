import { byUrgency, cardTile, urgentNotice } from '../../miniprogram/view/card-tile';
import type { BoundCard, Money } from '../../miniprogram/core/types';

const TODAY = '2026-11-25';
const cny = (amount: number): Money => ({ amount, currency: 'CNY' });

function card(phone: string, known: Partial<NonNullable<BoundCard['lastKnown']>> | null, patch: Partial<BoundCard> = {}): BoundCard {
  const base: BoundCard = { phone, region: 'CN', carrier: 'cmcc', cardType: 'phone', nickname: '', isDefault: false, boundAt: 0, verifiedBy: 'sms', remindDaysBefore: 3, ...patch };
  if (known === null) return base;
  return { ...base, lastKnown: { balance: cny(500), dataLeftMb: null, expiry: '2026-12-20', suspended: false, at: Date.UTC(2026, 10, 25, 2), ...known } };
}

describe('byUrgency', () => {
  test('suspended and expired first, then by days left; cards never looked up keep their order, last', () => {
    const cards = [
      card('13700137000', null),
      card('13800138000', { expiry: '2027-01-01' }),
      card('13600136000', null),
      card('13900139000', { expiry: '2026-11-20' }),
      card('15900159000', { suspended: true, balance: cny(-100) }),
      card('18600186002', { expiry: '2026-11-27' }),
    ];
    expect(byUrgency(cards, TODAY).map((c) => c.phone)).toEqual(['15900159000', '13900139000', '18600186002', '13800138000', '13700137000', '13600136000']);
  });

  test('a day that is not a day keeps the list as it is', () => {
    const cards = [card('13800138000', { expiry: '2027-01-01' }), card('13900139000', { expiry: '2026-11-20' })];
    expect(byUrgency(cards, 'soon').map((c) => c.phone)).toEqual(['13800138000', '13900139000']);
  });
});

describe('urgentNotice', () => {
  test.each<[string, BoundCard[], string | null]>([
    ['due in 2 days', [card('13800138000', { expiry: '2026-11-27' })], '138****8000 还有 2 天到期 · 去续费'],
    ['with a nickname', [card('13800138000', { expiry: '2026-11-27' }, { nickname: '爸爸' })], '爸爸 138****8000 还有 2 天到期 · 去续费'],
    ['due today', [card('13800138000', { expiry: TODAY })], '138****8000 今天到期 · 去续费'],
    ['suspended in debt', [card('13800138000', { suspended: true, balance: cny(-1230) })], '138****8000 已停机，欠费 ¥12.30 · 去充值'],
    ['expired', [card('13800138000', { expiry: '2026-11-22' })], '138****8000 已过期，2027年2月20日前续费才能保住号码 · 去续费'],
    ['Smart inside its 120 days', [card('09181234567', { expiry: '2026-08-01', balance: { amount: 0, currency: 'PHP' } }, { carrier: 'smart', region: 'PH' })], '0918***4567 4 天内须充值，否则停号 · 去充值'],
    ['everything fine', [card('13800138000', { expiry: '2027-01-01' })], null],
    ['past the grace: left to its tile', [card('13800138000', { expiry: '2026-08-01' })], null],
    ['never looked up', [card('13800138000', null)], null],
  ])('%s', (_name, cards, text) => {
    expect(urgentNotice(cards, TODAY)?.text ?? null).toBe(text);
  });

  test('the most urgent of several, and which number it opens', () => {
    const notice = urgentNotice([card('13800138000', { expiry: '2026-11-27' }), card('13900139000', { expiry: '2026-11-22' })], TODAY);
    expect(notice?.phone).toBe('13900139000');
  });
});

describe('tile lines for data and suspended cards', () => {
  test.each<[number, string]>([
    [-1230, '已欠费 ¥12.30 停机，充值 ¥13 以上可恢复'],
    [-1200, '已欠费 ¥12.00 停机，充值 ¥12 以上可恢复'],
    [-1, '已欠费 ¥0.01 停机，充值 ¥1 以上可恢复'],
    [0, '已停机，请充值，或拨打 10086 问清停机原因'],
  ])('suspended with balance %p fen: %s', (balance, text) => {
    expect(cardTile(card('13800138000', { suspended: true, balance: cny(balance) }), TODAY).suspendedText).toBe(text);
  });

  test('a data card shows its data left; other cards do not; 归属地 once looked up', () => {
    expect(cardTile(card('19200192000', { dataLeftMb: 300 }, { cardType: 'data' }), TODAY).dataText).toBe('剩余流量 300MB');
    expect(cardTile(card('13800138000', { dataLeftMb: 300 }), TODAY).dataText).toBe('');
    expect(cardTile(card('13800138000', { location: { country: 'CN', province: '广东', city: '深圳' } }), TODAY).location).toBe('广东 深圳');
    expect(cardTile(card('13800138000', {}), TODAY).location).toBe('归属地未知');
    expect(cardTile(card('13800138000', null), TODAY).location).toBe('');
  });

  test.each<[string, string]>([
    ['2026-11-28', '保号套餐 2026年11月28日 到期，还剩 3 天，请在到期前续费，以免号码被回收'],
    [TODAY, '保号套餐今天（2026年11月25日）到期，请今天续费，以免停机后号码被回收'],
    ['2026-11-15', '保号套餐已过期 10 天，号码已停机；再过 80 天不续费，号码将被回收，请尽快续费'],
    ['2026-09-01', '号码还有 5 天就会被回收，请立即续费保号套餐，或到营业厅办理'],
    ['2026-01-01', '号码可能已被运营商回收，请尽快拨打客服电话或到营业厅确认'],
    ['2027-01-01', ''],
  ])('keep card expiring %s warns: %s', (expiry, text) => {
    expect(cardTile(card('13800138000', { expiry }, { cardType: 'keep' }), TODAY).warning).toBe(text);
  });
});

describe('reminderHint: a keep card nothing will remind of', () => {
  test.each<[string, Partial<BoundCard>, boolean]>([
    ['keep card, no channel', { cardType: 'keep' }, true],
    ['keep card, calendar added', { cardType: 'keep', calendar: { remindOn: '2026-12-17', actBy: '2026-12-20' } }, false],
    ['keep card, subscribed', { cardType: 'keep', subscription: { actBy: '2026-12-20', remindOn: '2026-12-17', at: 1 } }, false],
    ['keep card, reminders off', { cardType: 'keep', remindDaysBefore: null }, false],
    ['phone card, no channel', {}, false],
  ])('%s', (_name, patch, hinted) => {
    expect(cardTile(card('13800138000', {}, patch), TODAY).reminderHint !== '').toBe(hinted);
  });
});
