/** The records page's pure view rules (pages/records/view.ts): filters, search, rows, months, the set-aside banner. */
import type { Order, OrderState } from '../../../miniprogram/core/types';
import type { QuarantinedEntry } from '../../../miniprogram/services/contracts';
import {
  KIND_OPTIONS,
  NO_FILTER,
  PAGE_SIZE,
  STATES,
  STATUS_OPTIONS,
  TOTALS_NOTE,
  chips,
  filterSheet,
  isFiltered,
  monthTitle,
  phoneOptions,
  quarantineView,
  rowFacts,
  rowTime,
  searchText,
  stateIndex,
  toRecordFilter,
  totalsText,
} from '../../../miniprogram/pages/records/view';
import { ORDER_STATE_LABELS, stateTag } from '../../../miniprogram/view/labels';
import { boundCard } from '../../support/cards-fixtures';
import { realOrder } from '../../support/records-orders';

const china = (local: string) => Date.parse(`${local}+08:00`);

describe('filter choices', () => {
  test('kind chips', () => {
    expect(KIND_OPTIONS).toEqual([
      { text: '全部类型', value: '' },
      { text: '话费充值', value: 'recharge' },
      { text: '流量包', value: 'data' },
      { text: '保号套餐', value: 'keep' },
    ]);
  });

  test('20 rows a page; the totals note says what they count and what they leave out', () => {
    expect(PAGE_SIZE).toBe(20);
    expect(TOTALS_NOTE).toContain('月合计为充值成功、已支付订单的实付金额，不含结果待确认和会退回的款项（充值失败、退款中）');
  });
});

describe('searchText: what the store is asked to match', () => {
  test.each<[string, unknown, string]>([
    ['a whole mainland number as typed', '18600186002', '18600186002'],
    ['grouped with spaces', '186 0018 6002', '18600186002'],
    ['+86 with spaces', '+86 186 0018 6002', '18600186002'],
    ['+86 without spaces', '+8618600186002', '18600186002'],
    ['0086', '008618600186002', '18600186002'],
    ['a tel: link', 'tel:+86-186-0018-6002', '18600186002'],
    ['a Philippine number in +63 form', '+63 918 123 4567', '09181234567'],
    ['a Philippine number pasted without its 0', '9181234567', '09181234567'],
    ['isolate marks from a chat app', '\u2066186 0018 6002\u2069', '18600186002'],
    ['the masked form', '186****6002', '186****6002'],
    ['the masked form in full-width stars', '186＊＊＊＊6002', '186****6002'],
    ['a masked Philippine number', '0918***4567', '0918***4567'],
    ['the last four digits', '6002', '6002'],
    ['+86 in front of part of a number', '+86 186', '186'],
    ['+63 in front of part of a number', '+63 918', '0918'],
    ['a country code alone', '+86', ''],
    ['part of an order number keeps its letters', 'cr2026 1125', 'cr20261125'],
    ['full-width digits', '１８６００', '18600'],
    ['only spaces', '   ', ''],
    ['empty', '', ''],
    ['not a string', 42, ''],
    ['null', null, ''],
  ])('%s', (_label, typed, expected) => {
    expect(searchText(typed)).toBe(expected);
  });
});

describe('status choices', () => {
  test('say exactly what the tags say, most wanted first, one choice per word', () => {
    const texts = STATUS_OPTIONS.slice(1).map((o) => o.text);
    expect(STATUS_OPTIONS[0]).toEqual({ text: '全部状态', value: '' });
    expect(texts.slice(0, 2)).toEqual(['充值成功', '结果待确认']);
    expect(new Set(texts).size).toBe(texts.length);
    expect(new Set(texts)).toEqual(new Set(Object.values(ORDER_STATE_LABELS)));
  });

  test.each(Object.keys(ORDER_STATE_LABELS) as OrderState[])('a %s order falls under the choice that reads its tag', (state) => {
    const choice = STATUS_OPTIONS.find((o) => o.text === ORDER_STATE_LABELS[state])!;
    expect(toRecordFilter({ ...NO_FILTER, status: choice.value }).states).toContain(state);
  });

  test.each<[string, string]>([
    ['an unknown status value', 'nonsense'],
    ['the empty choice', ''],
  ])('%s filters nothing', (_label, value) => {
    expect(toRecordFilter({ ...NO_FILTER, status: value }).states).toBeUndefined();
  });
});

describe('toRecordFilter and isFiltered', () => {
  test.each<[string, Partial<typeof NO_FILTER>, Record<string, unknown>, boolean]>([
    ['nothing chosen', {}, {}, false],
    ['a number', { phone: '13800138000' }, { phone: '13800138000' }, true],
    ['a kind', { kind: 'data' }, { kinds: ['data'] }, true],
    ['a kind no version knows', { kind: 'gift' }, {}, true],
    ['a search', { keyword: ' +86 138 0013 8000 ' }, { text: '13800138000' }, true],
    ['a blank search', { keyword: '   ' }, {}, false],
  ])('%s', (_label, choice, filter, filtered) => {
    const full = { ...NO_FILTER, ...choice };
    expect(toRecordFilter(full)).toEqual(filter);
    expect(isFiltered(full)).toBe(filtered);
  });
});

describe('toRecordFilter, more', () => {
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

describe('chips and sheets', () => {
  const options = { phone: phoneOptions([], ['13800138000']), status: STATUS_OPTIONS, kind: KIND_OPTIONS };

  test('a chip reads the choice made, highlighted; 全部… when none', () => {
    expect(chips(NO_FILTER, options)).toEqual({
      phone: { t: '全部号码', on: false },
      status: { t: '全部状态', on: false },
      kind: { t: '全部类型', on: false },
    });
    expect(chips({ ...NO_FILTER, phone: '13800138000', kind: 'keep' }, options)).toMatchObject({ phone: { t: '138****8000', on: true }, kind: { t: '保号套餐', on: true } });
  });

  test('a choice that is no longer offered (a number deleted meanwhile) reads 全部…, not highlighted', () => {
    expect(chips({ ...NO_FILTER, phone: '19900000000' }, options).phone).toEqual({ t: '全部号码', on: false });
  });

  test('the sheet ticks the current choice in the theme colour', () => {
    const sheet = filterSheet('kind', { ...NO_FILTER, kind: 'data' }, KIND_OPTIONS);
    expect(sheet.title).toBe('按类型筛选');
    expect(sheet.actions).toEqual([
      { name: '全部类型', value: '' },
      { name: '话费充值', value: 'recharge' },
      { name: '✓ 流量包', value: 'data', color: 'var(--theme-brand-text)' },
      { name: '保号套餐', value: 'keep' },
    ]);
  });
});

describe('rows', () => {
  test.each<[string, number, string]>([
    ['China time, one line', Date.parse('2026-11-25T01:30:00Z'), '11月25日 09:30'],
    ['just after midnight in China is the next day', Date.parse('2026-10-31T16:30:00Z'), '11月1日 00:30'],
    ['not a time', NaN, '—'],
  ])('rowTime: %s', (_label, ms, expected) => {
    expect(rowTime(ms)).toBe(expected);
  });

  test('every state has a label and a tag colour class; one no version knows reads 未知状态', () => {
    for (const state of Object.keys(ORDER_STATE_LABELS) as OrderState[]) {
      expect(STATES[stateIndex(state)]).toEqual({ l: ORDER_STATE_LABELS[state], c: stateTag(state) || 'default' });
    }
    expect(STATES[stateIndex('lost' as OrderState)]).toEqual({ l: '未知状态', c: 'default' });
  });
});

describe('rowFacts', () => {
  test('a succeeded China Mobile recharge', () => {
    const order = realOrder({ at: '2026-11-25T10:30:45+08:00' });
    expect(rowFacts({ ...order, location: { country: 'CN', province: '广东', city: '深圳' } })).toEqual({
      id: order.id,
      month: '2026-11',
      title: '话费充值 10 元',
      phone: '138****8000 · 广东 深圳 · 中国移动',
      time: '11月25日 10:30',
      amount: '¥10.00',
      face: '',
      auto: false,
      state: stateIndex('succeeded'),
    });
  });

  test('an order placed before orders kept the place says 归属地未知', () => {
    expect(rowFacts(realOrder({ at: '2026-11-25T10:30:45+08:00' })).phone).toBe('138****8000 · 归属地未知 · 中国移动');
  });

  test('a Smart load charged in yuan shows the yuan, its ₱ face value beside', () => {
    const order = realOrder({ at: '2026-11-25T10:30:00+08:00', carrier: 'smart', phone: '09181234567', location: { country: 'PH', province: '', city: '' } });
    const charged = { ...order, charged: { amount: 247, currency: 'CNY' as const }, fx: { rate: { from: 'PHP' as const, to: 'CNY' as const, fen: 247, centavos: 2000 }, quotedAt: order.createdAt } };
    expect(rowFacts(charged)).toMatchObject({ title: '充值 ₱20', phone: '0918***4567 · 菲律宾 · Smart', amount: '¥2.47', face: '面值 ₱20.00' });
  });

  test('a Smart order from before yuan charging (no charged) still shows its pesos, and no face value twice', () => {
    const row = rowFacts(realOrder({ at: '2026-11-25T10:30:00+08:00', carrier: 'smart', phone: '09181234567' }));
    expect(row).toMatchObject({ amount: '₱20.00', face: '' });
  });

  test('an 自动充值 order is marked', () => {
    const order = realOrder({ at: '2026-11-25T10:30:00+08:00' });
    expect(rowFacts({ ...order, autoTopup: { ruleId: 'r', period: 'M2026-11', contractId: 'c' } }).auto).toBe(true);
  });

  test('the time and the month are China time whatever the phone\u2019s zone: 23:59 UTC is the next morning', () => {
    expect(rowFacts(realOrder({ at: Date.UTC(2026, 10, 30, 23, 59) }))).toMatchObject({ month: '2026-12', time: '12月1日 07:59' });
  });

  test('damaged fields give neutral text, not a crash', () => {
    const order = { ...realOrder({ at: '2026-11-25T10:30:00+08:00' }), carrier: 'globe', state: '__proto__', createdAt: Number.NaN, payable: { amount: 1.5, currency: 'CNY' } } as unknown as Order;
    const row = rowFacts(order);
    expect(row).toMatchObject({ title: '话费充值 10 元', time: '—', amount: '—' });
    expect(STATES[row.state]).toEqual({ l: '未知状态', c: 'default' });
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
