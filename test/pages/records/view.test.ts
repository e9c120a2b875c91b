import type { Order } from '../../../miniprogram/core/types';
import type { QuarantinedEntry } from '../../../miniprogram/services/contracts';
import {
  KIND_OPTIONS,
  NO_FILTER,
  PAGE_SIZE,
  STATUS_OPTIONS,
  TOTALS_NOTE,
  appendPatch,
  isFiltered,
  monthTitle,
  phoneOptions,
  quarantineView,
  recordRow,
  toRecordFilter,
  totalsText,
} from '../../../miniprogram/pages/records/view';
import { boundCard } from '../../support/cards-fixtures';
import { realOrder } from '../../support/records-orders';

const china = (local: string) => Date.parse(`${local}+08:00`);

describe('filter choices', () => {
  test('status chips, each a word a person uses', () => {
    expect(STATUS_OPTIONS).toEqual([
      { text: '全部状态', value: '' },
      { text: '成功', value: 'succeeded' },
      { text: '处理中', value: 'processing' },
      { text: '失败', value: 'failed' },
      { text: '已取消', value: 'cancelled' },
      { text: '待确认', value: 'pending' },
    ]);
  });

  test('kind chips', () => {
    expect(KIND_OPTIONS).toEqual([
      { text: '全部类型', value: '' },
      { text: '话费充值', value: 'recharge' },
      { text: '流量包', value: 'data' },
      { text: '保号套餐', value: 'keep' },
    ]);
  });

  test('20 rows a page; the totals say what they count', () => {
    expect(PAGE_SIZE).toBe(20);
    expect(TOTALS_NOTE).toBe('月合计只统计已扣款的订单（充值成功、已支付），按实付金额计算');
  });
});

describe('phoneOptions', () => {
  test('bound cards first with their nicknames, then other numbers seen, all masked', () => {
    const cards = [boundCard('13800138000', { nickname: '妈妈' }), boundCard('18600186002')];
    expect(phoneOptions(cards, ['18600186002', '09181234567', '13300133003'])).toEqual([
      { text: '全部号码', value: '' },
      { text: '妈妈 138****8000', value: '13800138000' },
      { text: '186****6002', value: '18600186002' },
      { text: '0918***4567', value: '09181234567' },
      { text: '133****3003', value: '13300133003' },
    ]);
  });

  test('nothing bound, nothing seen: only 全部号码', () => {
    expect(phoneOptions([], [])).toEqual([{ text: '全部号码', value: '' }]);
  });

  test('a number seen twice is listed once', () => {
    expect(phoneOptions([], ['13800138000', '13800138000']).map((o) => o.value)).toEqual(['', '13800138000']);
  });

  test('no full number ever reaches the text', () => {
    const texts = phoneOptions([boundCard('13800138000', { nickname: '' })], ['18600186002']).map((o) => o.text).join(' ');
    expect(texts).not.toMatch(/\d{7}/);
  });
});

describe('toRecordFilter and isFiltered', () => {
  test('no choice: no filter', () => {
    expect(toRecordFilter(NO_FILTER)).toEqual({});
    expect(isFiltered(NO_FILTER)).toBe(false);
  });

  test.each([
    ['succeeded', ['succeeded']],
    ['processing', ['paid', 'refunding']],
    ['failed', ['pay_failed', 'topup_failed', 'refunded']],
    ['cancelled', ['cancelled']],
    ['pending', ['created', 'awaiting_payment', 'unknown']],
  ])('status chip %s → the states under it', (status, states) => {
    expect(toRecordFilter({ ...NO_FILTER, status })).toEqual({ states });
  });

  test('every state sits under exactly one chip', () => {
    const all = ['succeeded', 'processing', 'failed', 'cancelled', 'pending'].flatMap((status) => toRecordFilter({ ...NO_FILTER, status }).states ?? []);
    expect([...all].sort()).toEqual(['awaiting_payment', 'cancelled', 'created', 'paid', 'pay_failed', 'refunded', 'refunding', 'succeeded', 'topup_failed', 'unknown']);
  });

  test('all four at once; the keyword is trimmed', () => {
    const choice = { phone: '13800138000', status: 'succeeded', kind: 'data', keyword: '  流量 ' };
    expect(toRecordFilter(choice)).toEqual({ phone: '13800138000', states: ['succeeded'], kinds: ['data'], text: '流量' });
    expect(isFiltered(choice)).toBe(true);
  });

  test('a keyword of spaces filters nothing', () => {
    expect(toRecordFilter({ ...NO_FILTER, keyword: ' \u3000 ' })).toEqual({});
    expect(isFiltered({ ...NO_FILTER, keyword: '   ' })).toBe(false);
  });

  test.each([
    ['status', '__proto__'],
    ['status', 'toString'],
    ['status', 'SUCCEEDED'],
    ['kind', '__proto__'],
    ['kind', 'constructor'],
    ['kind', 'Recharge'],
  ])('an unknown %s %p filters nothing rather than everything away', (field, value) => {
    expect(toRecordFilter({ ...NO_FILTER, [field]: value })).toEqual({});
  });
});

describe('recordRow', () => {
  test('a succeeded China Mobile recharge', () => {
    const order = realOrder({ at: '2026-11-25T10:30:45+08:00' });
    expect(recordRow(order)).toEqual({
      id: order.id,
      title: '移动 话费充值 10 元',
      phone: '138****8000',
      time: '2026-11-25 10:30',
      amount: '¥10.00',
      state: '充值成功',
      tag: 'success',
      removed: false,
    });
  });

  test('a Smart load in pesos', () => {
    const row = recordRow(realOrder({ at: '2026-11-25T10:30:00+08:00', carrier: 'smart', phone: '09181234567' }));
    expect(row).toMatchObject({ title: 'Smart 充值 ₱20', phone: '0918***4567', amount: '₱20.00' });
  });

  test.each([
    ['unknown', '结果待确认', 'warning'],
    ['paid', '已支付，充值中', 'primary'],
    ['pay_failed', '支付失败', 'danger'],
    ['cancelled', '已取消', 'default'],
  ] as const)('a %s order reads %s', (state, words, tag) => {
    expect(recordRow(realOrder({ at: '2026-11-25T10:30:00+08:00', state }))).toMatchObject({ state: words, tag });
  });

  test('the time is China time whatever the phone\u2019s zone: 23:59 UTC is the next morning', () => {
    expect(recordRow(realOrder({ at: Date.UTC(2026, 10, 30, 23, 59) })).time).toBe('2026-12-01 07:59');
  });

  test('damaged fields give neutral text, not a crash', () => {
    const order = { ...realOrder({ at: '2026-11-25T10:30:00+08:00' }), carrier: 'globe', state: '__proto__', createdAt: Number.NaN, payable: { amount: 1.5, currency: 'CNY' } } as unknown as Order;
    expect(recordRow(order)).toMatchObject({ title: '话费充值 10 元', time: '—', amount: '—', state: '未知状态', tag: 'default' });
  });
});

describe('months and their totals', () => {
  test.each([
    ['2026-11', '2026年11月'],
    ['2026-01', '2026年1月'],
    ['2027-12', '2027年12月'],
  ])('monthTitle(%s) → %s', (month, title) => {
    expect(monthTitle(month)).toBe(title);
  });

  test.each([
    [[], '¥0.00'],
    [[{ amount: 9500, currency: 'CNY' }], '¥95.00'],
    [[{ amount: 9500, currency: 'CNY' }, { amount: 30000, currency: 'PHP' }], '¥95.00 · ₱300.00'],
    [[{ amount: 1.5, currency: 'CNY' }], '—'],
  ])('totalsText(%j) → %s', (totals, text) => {
    expect(totalsText(totals as never)).toBe(text);
  });
});

describe('appendPatch: one page of rows below what is shown', () => {
  const nov = (day: number, serial: number): Order => realOrder({ at: china(`2026-11-${String(day).padStart(2, '0')}T10:00:00`), serial });
  const oct = (day: number, serial: number): Order => realOrder({ at: china(`2026-10-${String(day).padStart(2, '0')}T10:00:00`), serial });
  const totals = (month: string) => `合计 ${month}`;

  test('the first page: one group per month, newest first, each with its title and totals', () => {
    const orders = [nov(25, 1), nov(3, 2), oct(31, 3)];
    const { patch, shape } = appendPatch([], orders, totals);
    expect(Object.keys(patch)).toEqual(['groups[0]', 'groups[1]']);
    expect(patch['groups[0]']).toEqual({ key: '2026-11', title: '2026年11月', totals: '合计 2026-11', items: [recordRow(orders[0]), recordRow(orders[1])] });
    expect(patch['groups[1]']).toEqual({ key: '2026-10', title: '2026年10月', totals: '合计 2026-10', items: [recordRow(orders[2])] });
    expect(shape).toEqual([{ key: '2026-11', size: 2 }, { key: '2026-10', size: 1 }]);
  });

  test('the next page continues the last month row by row and sends nothing shown again', () => {
    const shown = [{ key: '2026-11', size: 20 }];
    const orders = [nov(2, 21), oct(30, 22)];
    const totalsFor = jest.fn(totals);
    const { patch, shape } = appendPatch(shown, orders, totalsFor);
    expect(patch).toEqual({
      'groups[0].items[20]': recordRow(orders[0]),
      'groups[1]': { key: '2026-10', title: '2026年10月', totals: '合计 2026-10', items: [recordRow(orders[1])] },
    });
    expect(totalsFor.mock.calls).toEqual([['2026-10']]);
    expect(shape).toEqual([{ key: '2026-11', size: 21 }, { key: '2026-10', size: 1 }]);
    expect(shown).toEqual([{ key: '2026-11', size: 20 }]);
  });

  test('months are China months: 16:30 UTC on 30 November is already December', () => {
    const { shape } = appendPatch([], [realOrder({ at: Date.UTC(2026, 10, 30, 16, 30) })], totals);
    expect(shape).toEqual([{ key: '2026-12', size: 1 }]);
  });

  test('an empty page changes nothing', () => {
    const shown = [{ key: '2026-11', size: 3 }];
    expect(appendPatch(shown, [], totals)).toEqual({ patch: {}, shape: shown });
  });
});

describe('quarantineView: data set aside, said plainly', () => {
  const entry = (patch: Partial<QuarantinedEntry>): QuarantinedEntry => ({ key: 'rec.v2.shard.3', raw: '{', reason: '数据无法解析', at: china('2026-11-25T10:30:00'), ...patch });

  test('nothing set aside: no banner', () => {
    expect(quarantineView([])).toBeNull();
  });

  test('each part named, numbered where it has a number, with the time', () => {
    const view = quarantineView([
      entry({ source: 'records' }),
      entry({ key: 'rec.v2.index', source: 'index', reason: '索引与分组不一致' }),
      entry({ key: 'records', source: 'legacy', reason: '金额不是整数' }),
      entry({ key: 'rec.quarantine.1', source: 'copy', at: 0 }),
      entry({ key: 'x', source: undefined }),
    ]);
    expect(view).toEqual({
      summary: '有 5 份记录数据无法正常读取，已原样另存、没有删除，其余记录不受影响。如有疑问请联系客服并提供下列信息。',
      lines: [
        '记录分组 3：数据无法解析（2026-11-25 10:30）',
        '记录索引：索引与分组不一致（2026-11-25 10:30）',
        '旧版记录：金额不是整数（2026-11-25 10:30）',
        '另存的数据：数据无法解析',
        '其他数据：数据无法解析（2026-11-25 10:30）',
      ],
    });
  });

  test('a records key without a number is named without one', () => {
    expect(quarantineView([entry({ key: 'rec.v2.shard.', source: 'records' })])?.lines).toEqual(['记录分组：数据无法解析（2026-11-25 10:30）']);
  });

  test('an unknown source or an unusable time never shows as garbage', () => {
    expect(quarantineView([entry({ source: 'cloud' as never, at: Number.NaN })])?.lines).toEqual(['其他数据：数据无法解析']);
  });
});
