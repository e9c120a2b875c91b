/** The records page's pure view rules (pages/records/view.ts): search, filters, rows. */
import type { OrderState } from '../../miniprogram/core/types';
import {
  KIND_OPTIONS,
  NO_FILTER,
  STATES,
  STATUS_OPTIONS,
  chips,
  filterSheet,
  isFiltered,
  monthTitle,
  phoneOptions,
  rowTime,
  searchText,
  stateIndex,
  toRecordFilter,
} from '../../miniprogram/pages/records/view';
import { ORDER_STATE_LABELS, stateTag } from '../../miniprogram/view/labels';

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
      { name: '✓ 流量包', value: 'data', color: '#07c160' },
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

  test.each<[string, string]>([
    ['2026-11', '2026年11月'],
    ['2026-01', '2026年1月'],
  ])('monthTitle(%s)', (month, expected) => {
    expect(monthTitle(month)).toBe(expected);
  });
});
