import { cardSummaryView } from '../../../miniprogram/components/card-summary/view';
import type { CardProfile } from '../../../miniprogram/core/types';
import { cardProfile, smartProfile } from '../../support/card-profiles';

const TODAY = '2026-11-25';

describe('cardSummaryView: a looked-up card, as the summary shows it', () => {
  test('an active China Mobile card: every field in Chinese, the number masked', () => {
    expect(cardSummaryView(cardProfile(), TODAY)).toEqual({
      carrier: '中国移动',
      place: '归属地未知 · 中国移动',
      carrierColor: '#0085D0',
      typeLabel: '手机卡',
      masked: '138****8000',
      planName: '动感地带 18 元套餐',
      balance: '¥12.50',
      owing: false,
      dataLabel: '剩余流量',
      dataLeft: '2GB',
      expiry: '2026年12月20日',
      daysLabel: '剩余 25 天',
      statusText: '正常',
      tagType: 'success',
    });
  });

  test.each<[string, Partial<CardProfile>, string, string, string]>([
    ['8 days left', { expiry: '2026-12-03' }, '剩余 8 天', '正常', 'success'],
    ['7 days left', { expiry: '2026-12-02' }, '剩余 7 天', '即将到期', 'warning'],
    ['tomorrow', { expiry: '2026-11-26' }, '明天到期', '即将到期', 'warning'],
    ['today, still valid', { expiry: '2026-11-25' }, '今天到期', '即将到期', 'warning'],
    ['expired 3 days ago', { expiry: '2026-11-22' }, '已过期 3 天', '已过期', 'danger'],
    ['expired 60 days: recycling in 30', { expiry: '2026-09-26' }, '即将被回收', '有回收风险', 'danger'],
    ['expired 100 days: past the mainland 90', { expiry: '2026-08-17' }, '可能已被回收', '有回收风险', 'danger'],
    ['suspended outranks the date', { suspended: true }, '剩余 25 天', '已停机', 'danger'],
  ])('%s', (_name, patch, daysLabel, statusText, tagType) => {
    expect(cardSummaryView(cardProfile(patch), TODAY)).toMatchObject({ daysLabel, statusText, tagType });
  });

  test('Smart keeps a number 120 days: expired 100 days is at risk, not lost', () => {
    expect(cardSummaryView(smartProfile({ expiry: '2026-08-17' }), TODAY)).toMatchObject({
      carrier: 'Smart',
      masked: '0917***4567',
      balance: '₱50.00',
      daysLabel: '即将被回收',
      statusText: '有回收风险',
    });
  });

  test('owing money: the balance below zero is marked', () => {
    expect(cardSummaryView(cardProfile({ balance: { amount: -500, currency: 'CNY' } }), TODAY)).toMatchObject({ balance: '-¥5.00', owing: true });
  });

  test.each([
    [null, '不含流量'],
    [0, '0MB'],
    [300, '300MB'],
    [1536, '1.5GB'],
  ])('data left %p → %s', (dataLeftMb, text) => {
    expect(cardSummaryView(cardProfile({ dataLeftMb }), TODAY)?.dataLeft).toBe(text);
  });
});

describe('damaged or missing cards', () => {
  test.each([[null], [undefined], ['13800138000'], [42]])('no card (%p): nothing to show', (card) => {
    expect(cardSummaryView(card as never, TODAY)).toBeNull();
  });

  test('a stray carrier: nothing to show rather than the wrong brand', () => {
    expect(cardSummaryView(cardProfile({ carrier: 'globe' as never }), TODAY)).toBeNull();
  });

  test('a corrupt expiry: 未知, no days, status unknown', () => {
    expect(cardSummaryView(cardProfile({ expiry: '2026-02-30' }), TODAY)).toMatchObject({ expiry: '未知', daysLabel: '', statusText: '状态未知', tagType: 'default' });
  });

  test('an unusable today reads the same', () => {
    expect(cardSummaryView(cardProfile(), 'today')).toMatchObject({ expiry: '未知', statusText: '状态未知' });
  });

  test('a suspended card with a corrupt expiry still says 已停机', () => {
    expect(cardSummaryView(cardProfile({ expiry: '', suspended: true }), TODAY)).toMatchObject({ statusText: '已停机', tagType: 'danger' });
  });

  test('corrupt balance, plan and type: dashes and blanks', () => {
    const broken = cardProfile({ balance: { amount: 1.5, currency: 'CNY' }, planName: 42 as never, cardType: 'sim' as never, dataLeftMb: Number.NaN });
    expect(cardSummaryView(broken, TODAY)).toMatchObject({ balance: '—', owing: false, planName: '', typeLabel: '', dataLeft: '不含流量' });
  });
});

describe('the data label (walk 22)', () => {
  test.each([
    [2048, '剩余流量'],
    [0, '剩余流量'],
    [null, '流量'],
  ])('data left %p → label %s', (dataLeftMb, label) => {
    expect(cardSummaryView(cardProfile({ dataLeftMb }), TODAY)?.dataLabel).toBe(label);
  });
});
