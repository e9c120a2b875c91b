import { StoredCardBook, CARDS_KEY, RECENT_KEY, RECENT_V1_KEY, QUARANTINE_KEY, MAX_CARDS, checkNickname } from '../../../miniprogram/services/cards/card-book';
import { WxKeyValueStorage } from '../../../miniprogram/services/wx/storage';
import { FakeClock } from '../../support/fakes';
import type { BoundCard } from '../../../miniprogram/core/types';

const storage = () => globalThis.__wxStorage;

function card(phone: string, patch: Partial<BoundCard> = {}): BoundCard {
  return {
    phone,
    region: phone.startsWith('09') ? 'PH' : 'CN',
    carrier: phone.startsWith('09') ? 'smart' : 'cmcc',
    cardType: 'phone',
    nickname: '',
    isDefault: false,
    boundAt: 0,
    verifiedBy: 'sms',
    remindDaysBefore: 3,
    ...patch,
  };
}

function newBook(clock = new FakeClock()) {
  return new StoredCardBook(new WxKeyValueStorage(), clock);
}

/** A mobile number for index i: valid China Mobile 138 segment. */
const num = (i: number) => `138${String(i).padStart(8, '0')}`;

beforeEach(() => storage().clearStorageSync());

describe('binding', () => {
  test('the first bound card becomes the default and gets the clock time', () => {
    const clock = new FakeClock('2026-11-25T10:00:00+08:00');
    const book = newBook(clock);
    expect(book.bind(card('13800138000'))).toEqual({ ok: true, value: undefined });
    const [only] = book.list();
    expect(only.isDefault).toBe(true);
    expect(only.boundAt).toBe(clock.now());
  });

  test('later cards are not default unless asked, and order is kept', () => {
    const book = newBook();
    book.bind(card('13800138000'));
    book.bind(card('13900139000'));
    book.bind(card('09181234567'));
    expect(book.list().map((c) => [c.phone, c.isDefault])).toEqual([
      ['13800138000', true],
      ['13900139000', false],
      ['09181234567', false],
    ]);
  });

  test('binding with isDefault moves the default to the new card', () => {
    const book = newBook();
    book.bind(card('13800138000'));
    book.bind(card('13900139000', { isDefault: true }));
    expect(book.list().filter((c) => c.isDefault).map((c) => c.phone)).toEqual(['13900139000']);
  });

  test.each([
    ['same form', '13800138000'],
    ['with +86 and spaces', '+86 138 0013 8000'],
  ])('a number bound twice is a duplicate (%s)', (_label, again) => {
    const book = newBook();
    book.bind(card('13800138000'));
    const result = book.bind(card(again));
    expect(result).toMatchObject({ ok: false, error: 'duplicate' });
    expect(!result.ok && result.message).toContain('已经绑定');
    expect(book.list()).toHaveLength(1);
  });

  test('a number typed with separators is stored in national form', () => {
    const book = newBook();
    book.bind(card('+86 139-0013-9000'));
    expect(book.get('13900139000')?.phone).toBe('13900139000');
  });

  test(`at most ${MAX_CARDS} cards: the next one is refused with 'limit'`, () => {
    const book = newBook();
    for (let i = 0; i < MAX_CARDS; i += 1) expect(book.bind(card(num(i))).ok).toBe(true);
    const result = book.bind(card(num(99)));
    expect(result).toMatchObject({ ok: false, error: 'limit' });
    expect(!result.ok && result.message).toContain('20');
    expect(book.list()).toHaveLength(MAX_CARDS);
  });

  test('a card with an invalid number is not stored', () => {
    const book = newBook();
    expect(book.bind(card('12345'))).toMatchObject({ ok: false, error: 'failed' });
    expect(book.list()).toEqual([]);
  });

  test('nickname is trimmed and cut to 12 characters on bind', () => {
    const book = newBook();
    book.bind(card('13800138000', { nickname: '  爸爸的保号卡一二三四五六七八  ' }));
    expect(book.get('13800138000')?.nickname).toBe('爸爸的保号卡一二三四五六');
  });

  test('everything lives under one small key', () => {
    const book = newBook();
    for (let i = 0; i < MAX_CARDS; i += 1) book.bind(card(num(i), { nickname: '爸爸的保号卡' }));
    expect(storage().getStorageInfoSync().keys).toEqual([CARDS_KEY]);
    expect(storage().largestItem().bytes).toBeLessThan(8 * 1024);
  });
});

describe('default, update and unbind', () => {
  function threeCards() {
    const book = newBook();
    book.bind(card('13800138000'));
    book.bind(card('13900139000'));
    book.bind(card('13700137000'));
    return book;
  }
  const defaults = (book: StoredCardBook) => book.list().filter((c) => c.isDefault).map((c) => c.phone);

  test('setDefault leaves exactly one default', () => {
    const book = threeCards();
    expect(book.setDefault('13700137000').ok).toBe(true);
    expect(defaults(book)).toEqual(['13700137000']);
  });

  test('setDefault of an unknown number is not_found', () => {
    expect(threeCards().setDefault('13600136000')).toMatchObject({ ok: false, error: 'not_found' });
  });

  test('unbinding the default hands it to the next card', () => {
    const book = threeCards();
    book.unbind('13800138000');
    expect(defaults(book)).toEqual(['13900139000']);
  });

  test('unbinding the last card while default hands it to the one before', () => {
    const book = threeCards();
    book.setDefault('13700137000');
    book.unbind('13700137000');
    expect(defaults(book)).toEqual(['13900139000']);
  });

  test('unbinding a non-default card keeps the default', () => {
    const book = threeCards();
    book.unbind('13900139000');
    expect(book.list().map((c) => c.phone)).toEqual(['13800138000', '13700137000']);
    expect(defaults(book)).toEqual(['13800138000']);
  });

  test('unbinding every card leaves an empty list; unbinding again is not_found', () => {
    const book = newBook();
    book.bind(card('13800138000'));
    expect(book.unbind('13800138000').ok).toBe(true);
    expect(book.list()).toEqual([]);
    expect(book.unbind('13800138000')).toMatchObject({ ok: false, error: 'not_found' });
  });

  test('update changes settings but never the number or the default', () => {
    const book = threeCards();
    expect(book.update('13900139000', { nickname: '妈妈', cardType: 'keep', remindDaysBefore: 7, phone: '13100131000', isDefault: false }).ok).toBe(true);
    const updated = book.get('13900139000');
    expect(updated).toMatchObject({ nickname: '妈妈', cardType: 'keep', remindDaysBefore: 7, isDefault: false });
    expect(book.get('13100131000')).toBeUndefined();
    expect(defaults(book)).toEqual(['13800138000']);
  });

  test('update with isDefault true makes it the default', () => {
    const book = threeCards();
    book.update('13900139000', { isDefault: true });
    expect(defaults(book)).toEqual(['13900139000']);
  });

  test('update refuses a value that would make the card unreadable', () => {
    const book = threeCards();
    expect(book.update('13900139000', { cardType: 'bogus' as never })).toMatchObject({ ok: false, error: 'failed' });
    expect(book.get('13900139000')?.cardType).toBe('phone');
  });

  test('update of an unknown number is not_found', () => {
    expect(threeCards().update('13600136000', { nickname: 'x' })).toMatchObject({ ok: false, error: 'not_found' });
  });

  test('lastKnown figures survive a new book over the same storage', () => {
    const book = threeCards();
    const lastKnown = { balance: { amount: 1234, currency: 'CNY' as const }, dataLeftMb: 512, expiry: '2026-12-01', suspended: false, at: 1 };
    book.update('13800138000', { lastKnown });
    expect(newBook().get('13800138000')?.lastKnown).toEqual(lastKnown);
  });
});

describe('storage failures are typed results', () => {
  test('a full storage answers quota and keeps the previous list', () => {
    const book = newBook();
    book.bind(card('13800138000'));
    storage().failNextWrites(1, 'setStorageSync:fail exceed storage max size 10MB');
    const result = book.bind(card('13900139000'));
    expect(result).toMatchObject({ ok: false, error: 'quota' });
    expect(!result.ok && result.message).toContain('存储空间');
    expect(book.list().map((c) => c.phone)).toEqual(['13800138000']);
  });

  test('an I/O failure answers failed', () => {
    const book = newBook();
    storage().failNextWrites(1);
    expect(book.bind(card('13800138000'))).toMatchObject({ ok: false, error: 'failed' });
  });
});

describe('corrupt data is set aside, never lost', () => {
  test.each([
    ['not JSON object', '"garbage"'],
    ['an array', '[1,2,3]'],
    ['wrong version', '{"version":9,"cards":[]}'],
    ['cards not a list', '{"version":1,"cards":"x"}'],
  ])('%s → empty list, raw value in quarantine', (_label, raw) => {
    storage().plantRaw(CARDS_KEY, raw);
    const book = newBook();
    expect(book.list()).toEqual([]);
    expect(book.quarantined()).toEqual([expect.objectContaining({ key: CARDS_KEY, raw: JSON.parse(raw) })]);
    expect(storage().rawText(CARDS_KEY)).toBeUndefined();
    expect(book.bind(card('13800138000')).ok).toBe(true);
    expect(book.quarantined()).toHaveLength(1);
  });

  test('bad cards are set aside; the good ones stay and one becomes default', () => {
    const good = card('13800138000', { boundAt: 5 });
    storage().plantRaw(CARDS_KEY, JSON.stringify({ version: 1, cards: [{ phone: 42 }, good, { ...good, nickname: 'twin' }] }));
    const book = newBook();
    expect(book.list()).toEqual([{ ...good, isDefault: true }]);
    expect(book.quarantined()[0].raw).toEqual([{ phone: 42 }, { ...good, nickname: 'twin' }]);
    // A second read does not quarantine again.
    newBook().list();
    expect(newBook().quarantined()).toHaveLength(1);
  });

  test('quarantine appends: a second corruption keeps the first', () => {
    storage().plantRaw(CARDS_KEY, '"first"');
    newBook().list();
    storage().plantRaw(CARDS_KEY, '"second"');
    const book = newBook();
    book.list();
    expect(book.quarantined().map((q) => q.raw)).toEqual(['first', 'second']);
  });

  test('when quarantine cannot be written, the raw value stays and writes are refused', () => {
    storage().plantRaw(CARDS_KEY, '"precious"');
    const book = newBook();
    storage().failNextWrites(1, 'setStorageSync:fail exceed storage max size 10MB');
    const result = book.bind(card('13800138000'));
    expect(result).toMatchObject({ ok: false, error: 'quota' });
    expect(storage().rawText(CARDS_KEY)).toBe('"precious"');
  });

  test('corrupt recent list → empty and quarantined', () => {
    storage().plantRaw(RECENT_KEY, '{"oops":true}');
    const book = newBook();
    expect(book.recent()).toEqual([]);
    expect(JSON.parse(storage().rawText(QUARANTINE_KEY) ?? '[]')[0]).toMatchObject({ key: RECENT_KEY, raw: { oops: true } });
  });
});

describe('recent lookups', () => {
  test('newest first, deduplicated, at most 10', () => {
    const book = newBook();
    for (let i = 0; i < 12; i += 1) book.pushRecent(num(i));
    book.pushRecent(num(5));
    const recent = book.recent();
    expect(recent).toHaveLength(10);
    expect(recent[0]).toBe(num(5));
    expect(recent[1]).toBe(num(11));
    expect(new Set(recent).size).toBe(10);
    expect(recent).not.toContain(num(0));
  });

  test('numbers are kept in national form; invalid input is ignored', () => {
    const book = newBook();
    book.pushRecent('+86 138 0013 8000');
    book.pushRecent('138 0013 8000');
    book.pushRecent('hello');
    expect(book.recent()).toEqual(['13800138000']);
  });

  test('bound numbers are not offered as recent', () => {
    const book = newBook();
    book.pushRecent('13800138000');
    book.pushRecent('13900139000');
    book.bind(card('13800138000'));
    expect(book.recent()).toEqual(['13900139000']);
  });

  test('each keeps the carrier and 归属地 the lookup answered, and when', () => {
    const clock = new FakeClock('2026-11-25T10:00:00+08:00');
    const book = newBook(clock);
    book.pushRecent('13800138000', { carrier: 'cucc', location: { country: 'CN', province: '北京', city: '北京' } });
    clock.advance(1000);
    book.pushRecent('09181234567', { location: null });
    book.pushRecent('13900139000');
    expect(book.recentNumbers()).toEqual([
      { phone: '13900139000', carrier: 'cmcc', at: clock.now() },
      { phone: '09181234567', carrier: 'smart', location: null, at: clock.now() },
      { phone: '13800138000', carrier: 'cucc', location: { country: 'CN', province: '北京', city: '北京' }, at: clock.now() - 1000 },
    ]);
  });

  test('a carrier that is not one is replaced by the segment\'s', () => {
    const book = newBook();
    book.pushRecent('13800138000', { carrier: 'globe' as never });
    expect(book.recentNumbers()[0].carrier).toBe('cmcc');
  });

  test('remove one, or clear all', () => {
    const book = newBook();
    book.pushRecent('13800138000');
    book.pushRecent('13900139000');
    book.pushRecent('18600186002');
    expect(book.removeRecent('139 0013 9000')).toEqual({ ok: true, value: undefined });
    expect(book.recent()).toEqual(['18600186002', '13800138000']);
    expect(book.removeRecent('13900139000')).toMatchObject({ ok: false, error: 'not_found' });
    expect(book.clearRecent()).toEqual({ ok: true, value: undefined });
    expect(book.recent()).toEqual([]);
  });

  test('a failed write says why and keeps the list', () => {
    const book = newBook();
    book.pushRecent('13800138000');
    storage().failNextWrites(1, 'setStorageSync:fail exceed storage max size 10MB');
    expect(book.clearRecent()).toMatchObject({ ok: false, error: 'quota' });
    expect(book.recent()).toEqual(['13800138000']);
  });

  test('the first layout (numbers only) is read, then replaced on the next write', () => {
    storage().setStorageSync(RECENT_V1_KEY, ['13800138000', 'junk', '13800138000', '09181234567']);
    const book = newBook();
    expect(book.recentNumbers()).toEqual([
      { phone: '13800138000', carrier: 'cmcc', at: 0 },
      { phone: '09181234567', carrier: 'smart', at: 0 },
    ]);
    book.pushRecent('13900139000');
    expect(book.recent()).toEqual(['13900139000', '13800138000', '09181234567']);
    expect(storage().getStorageSync(RECENT_V1_KEY)).toBe('');
  });

  test('a damaged entry quarantines the list instead of crashing', () => {
    storage().setStorageSync(RECENT_KEY, [{ phone: '13800138000', carrier: 'cmcc', at: 1 }, { phone: 'x' }]);
    const book = newBook();
    expect(book.recentNumbers()).toEqual([]);
    expect(book.quarantined()[0]).toMatchObject({ key: RECENT_KEY });
  });
});

describe('what a lookup leaves on a bound card', () => {
  const known = (amount: number, at: number, extra: Partial<NonNullable<BoundCard['lastKnown']>> = {}) => ({
    balance: { amount, currency: 'PHP' as const },
    dataLeftMb: null,
    expiry: '2026-12-31',
    suspended: false,
    at,
    ...extra,
  });
  const day = (iso: string) => Date.parse(`${iso}T10:00:00+08:00`);

  test('seen positive, then at zero: the day after the positive one is kept (the earliest it can be) until it is positive again', () => {
    const book = newBook();
    book.bind(card('09181234567'));
    book.update('09181234567', { lastKnown: known(500, day('2026-11-01')) });
    expect(book.get('09181234567')?.zeroBalanceSince).toBeUndefined();
    book.update('09181234567', { lastKnown: known(0, day('2026-11-10')) });
    book.update('09181234567', { lastKnown: known(0, day('2026-11-20')) });
    expect(book.get('09181234567')?.zeroBalanceSince).toBe('2026-11-02');
    book.update('09181234567', { lastKnown: known(1000, day('2026-11-21')) });
    expect(book.get('09181234567')?.zeroBalanceSince).toBeUndefined();
  });

  test('positive and zero on the same day: that day', () => {
    const book = newBook();
    book.bind(card('09181234567'));
    book.update('09181234567', { lastKnown: known(500, day('2026-11-10')) });
    book.update('09181234567', { lastKnown: known(0, day('2026-11-10') + 3_600_000) });
    expect(book.get('09181234567')?.zeroBalanceSince).toBe('2026-11-10');
  });

  test('at zero the first time it is seen: no day is recorded (the plan says it estimates)', () => {
    const book = newBook();
    book.bind(card('09181234567'));
    book.update('09181234567', { lastKnown: known(0, day('2026-11-10')) });
    expect(book.get('09181234567')?.zeroBalanceSince).toBeUndefined();
  });

  test('a lookup time that is not a time records no day', () => {
    const book = newBook();
    book.bind(card('09181234567'));
    book.update('09181234567', { lastKnown: known(500, 1e20) });
    book.update('09181234567', { lastKnown: known(0, day('2026-11-10')) });
    expect(book.get('09181234567')?.zeroBalanceSince).toBeUndefined();
  });

  test('figures without a 归属地 (a top-up receipt) keep the one known', () => {
    const book = newBook();
    book.bind(card('09181234567'));
    const location = { country: 'PH' as const, province: '', city: '' };
    book.update('09181234567', { lastKnown: known(500, 1, { location }) });
    book.update('09181234567', { lastKnown: known(800, 2) });
    expect(book.get('09181234567')?.lastKnown).toMatchObject({ balance: { amount: 800 }, location });
    book.update('09181234567', { lastKnown: known(800, 3, { location: null }) });
    expect(book.get('09181234567')?.lastKnown?.location).toBeNull();
  });
});

describe('checkNickname', () => {
  test.each([
    ['  爸爸的保号卡 ', { ok: true, value: '爸爸的保号卡' }],
    ['一二三四五六七八九十一二', { ok: true, value: '一二三四五六七八九十一二' }],
    ['📱📱📱📱📱📱📱📱📱📱📱📱', { ok: true, value: '📱📱📱📱📱📱📱📱📱📱📱📱' }],
  ])('accepts %j', (raw, expected) => {
    expect(checkNickname(raw)).toEqual(expected);
  });

  test.each([
    ['', 'empty'],
    ['    ', 'empty'],
    [null, 'empty'],
    [42, 'empty'],
    ['一二三四五六七八九十一二三', 'too_long'],
  ])('rejects %j with %s', (raw, error) => {
    const result = checkNickname(raw);
    expect(result).toMatchObject({ ok: false, error });
    expect(!result.ok && result.message.length).toBeGreaterThan(4);
  });
});
