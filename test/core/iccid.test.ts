import {
  ICCID_CHECK_WARNING,
  ICCID_ERROR_MESSAGES,
  luhnValid,
  maskIccid,
  parseIccid,
  type Iccid,
  type IccidError,
} from '../../miniprogram/core/iccid';
import type { CarrierId } from '../../miniprogram/core/types';

function parsedOrFail(raw: unknown): Iccid {
  const result = parseIccid(raw);
  if (!result.ok) throw new Error(`expected ${String(raw)} to parse, got ${result.error}: ${result.message}`);
  return result.value;
}

describe('luhnValid', () => {
  test.each<[unknown, boolean]>([
    ['79927398713', true],
    ['79927398710', false],
    ['89860012345678901238', true],
    ['89860012345678901239', false],
    ['00', true],
    ['0', false],
    ['', false],
    ['8986001234567890123B', false],
    [null, false],
    [89860012345678901238, false],
  ])('%p → %p', (digits, expected) => {
    expect(luhnValid(digits as string)).toBe(expected);
  });
});

describe('parseIccid: accepted cards and their carrier hint', () => {
  test.each<[string, string, CarrierId | null]>([
    ['89860012345678901238', '89860012345678901238', 'cmcc'],
    ['8986021234567890126', '8986021234567890126', 'cmcc'],
    ['89860712345678901231', '89860712345678901231', 'cmcc'],
    ['89860812345678901230', '89860812345678901230', 'cmcc'],
    ['89860112345678901237', '89860112345678901237', 'cucc'],
    ['89860612345678901232', '89860612345678901232', 'cucc'],
    ['89860912345678901239', '89860912345678901239', 'cucc'],
    ['89860312345678901235', '89860312345678901235', 'ctcc'],
    ['89861112345678901235', '89861112345678901235', 'ctcc'],
    ['89861512345678901231', '89861512345678901231', 'cbn'],
    ['8963031234567890123', '8963031234567890123', 'smart'],
    ['89630212345678901233', '89630212345678901233', null],
    ['89860412345678901234', '89860412345678901234', null],
    ['8986 0012 3456 7890 1238', '89860012345678901238', 'cmcc'],
    ['8986-0012-3456-7890-1238', '89860012345678901238', 'cmcc'],
    ['８９８６００１２３４５６７８９０１２３８', '89860012345678901238', 'cmcc'],
    ['\u00A08986 0012 3456 7890 1238\n', '89860012345678901238', 'cmcc'],
  ])('%j → %s (%p), check digit valid', (raw, value, carrierHint) => {
    expect(parsedOrFail(raw)).toEqual({ value, carrierHint, check: 'valid', warning: null });
  });

  test.each([
    ['8986001234567890123B', '8986001234567890123B'],
    ['8986001234567890123b', '8986001234567890123B'],
    ['8986011234567890123H', '8986011234567890123H'],
    ['8986001234567890123W', '8986001234567890123W'],
    ['8986001234567890123Y', '8986001234567890123Y'],
    ['8986001234567890123X', '8986001234567890123X'],
    ['8986031234567890123C', '8986031234567890123C'],
    ['8986001234567890123Ｇ', '8986001234567890123G'],
    ['898600123456789012B', '898600123456789012B'],
  ])('%j ends in a card maker letter → accepted as %s without a warning', (raw, value) => {
    expect(parsedOrFail(raw)).toMatchObject({ value, check: 'maker_letter', warning: null });
  });

  test.each(['89860012345678901239', '89860012345678901230', '8963031234567890124'])(
    '%s has a wrong check digit: accepted with a warning to re-read the card',
    (raw) => {
      const iccid = parsedOrFail(raw);
      expect(iccid.check).toBe('invalid');
      expect(iccid.warning).toBe(ICCID_CHECK_WARNING);
      expect(iccid.warning).toContain('请核对卡背面的 ICCID');
    },
  );
});

describe('parseIccid: rejections', () => {
  test.each<[unknown, IccidError, string]>([
    ['', 'empty', '请输入'],
    ['   ', 'empty', '请输入'],
    [null, 'empty', '请输入'],
    [undefined, 'empty', '请输入'],
    [{}, 'bad_chars', '只能包含数字'],
    [['89860012345678901238'], 'bad_chars', '只能包含数字'],
    ['ICCID:89860012345678901238', 'bad_chars', '只能包含数字'],
    ['8986001234567890123A', 'bad_chars', '只有最后一位可以是字母'],
    ['89860012345678B01238', 'bad_chars', '只有最后一位可以是字母'],
    ['8986001234567890123BB', 'bad_chars', '只有最后一位可以是字母'],
    ['B', 'bad_chars', '只有最后一位可以是字母'],
    ['💳89860012345678901238', 'bad_chars', '只能包含数字'],
    ["8986'; DROP TABLE cards;--", 'bad_chars', '只能包含数字'],
    ['898600123456789012', 'bad_length', '现在是 18 位'],
    ['898600123456789012345', 'bad_length', '现在是 21 位'],
    ['8', 'bad_length', '19 或 20 位'],
    [`8986${'0'.repeat(10 * 1024)}`, 'bad_length', '19 或 20 位'],
    [`8986${'0'.repeat(10 * 1024)}B`, 'bad_length', '19 或 20 位'],
    ['12345678901234567890', 'bad_prefix', '89 开头'],
    ['9', 'bad_prefix', '89 开头'],
    ['89441234567890123456', 'bad_prefix', '8986'],
    ['89011234567890123456', 'bad_prefix', '8963'],
    [89860012345678901238, 'bad_chars', '只能包含数字'],
    [12345, 'bad_prefix', '89 开头'],
  ])('%p → %s (%s)', (raw, error, messagePart) => {
    const result = parseIccid(raw);
    expect(result).toMatchObject({ ok: false, error });
    expect(!result.ok && result.message).toContain(messagePart);
  });

  test('a 10 KB string of letters is refused without throwing', () => {
    expect(parseIccid('Z'.repeat(10 * 1024))).toMatchObject({ ok: false, error: 'bad_chars' });
  });

  test('every reason has a Chinese message', () => {
    for (const message of Object.values(ICCID_ERROR_MESSAGES)) expect(message).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe('maskIccid', () => {
  test.each([
    ['89860012345678901238', '8986 **** **** 1238'],
    ['8963031234567890123', '8963 **** **** 0123'],
    ['8986001234567890123B', '8986 **** **** 123B'],
    ['1234567', '1234567'],
    ['', ''],
    [null, ''],
  ])('%p → %j', (value, expected) => {
    expect(maskIccid(value as string)).toBe(expected);
  });
});
