import { looksLikeIccid, parseCardQuery } from '../../miniprogram/core/card-query';

describe('parseCardQuery: decides phone number or ICCID', () => {
  test.each([
    ['13800138000', 'CN', '13800138000', 'cmcc'],
    ['+86 186 1234 5678', 'CN', '18612345678', 'cucc'],
    ['8613800138000', 'CN', '13800138000', 'cmcc'],
    ['+63 918 123 4567', 'PH', '09181234567', 'smart'],
    ['0918 123 4567', 'PH', '09181234567', 'smart'],
    ['\u2066+63 918 123 4567\u2069', 'PH', '09181234567', 'smart'],
    ['tel:+86-138-0013-8000', 'CN', '13800138000', 'cmcc'],
    ['+86 (0) 138 0013 8000', 'CN', '13800138000', 'cmcc'],
  ])('%j is a phone number (%s %s, %s)', (raw, region, national, carrier) => {
    const result = parseCardQuery(raw);
    expect(result).toMatchObject({ ok: true, value: { kind: 'phone', phone: { region, national, carrier } } });
  });

  test.each([
    ['89860012345678901238', '89860012345678901238', 'cmcc', 'valid'],
    ['8986 0112 3456 7890 1237', '89860112345678901237', 'cucc', 'valid'],
    ['\u20688986\u00AD0112 3456 7890 1237\u2069', '89860112345678901237', 'cucc', 'valid'],
    ['8986001234567890123b', '8986001234567890123B', 'cmcc', 'maker_letter'],
    ['8963031234567890123', '8963031234567890123', 'smart', 'valid'],
    ['89860312345678901230', '89860312345678901230', 'ctcc', 'invalid'],
  ])('%j is an ICCID (%s, %s, check %s)', (raw, value, carrierHint, check) => {
    const result = parseCardQuery(raw);
    expect(result).toMatchObject({ ok: true, value: { kind: 'iccid', iccid: { value, carrierHint, check } } });
  });

  test.each<[unknown, string, string]>([
    ['', 'empty', 'ICCID'],
    [null, 'empty', '手机号码'],
    ['   ', 'empty', '手机号码'],
    ['8986001', 'bad_prefix', '现在只有 7 位'],
    ['898600123456789', 'bad_length', '现在是 15 位'],
    ['89860012345678901238999', 'bad_length', '现在是 23 位'],
    ['8986001234567890123Q', 'bad_chars', '只有最后一位可以是字母'],
    ['09171234567', 'unsupported_carrier', 'Globe'],
    ['1380013800', 'too_short', '少了 1 位'],
    ['-13800138000', 'leading_sign', '“-”号'],
    ['-8986 0112 3456 7890 1237', 'leading_sign', '请删掉它'],
    ['14812345678', 'iot_number', '物联网卡'],
    ['12012345678', 'unknown_segment', '120'],
    [{ phone: '13800138000' }, 'bad_chars', '数字'],
    ["' OR 1=1 --", 'bad_chars', '数字'],
    ['🙂', 'bad_chars', '数字'],
    ['9'.repeat(10 * 1024), 'too_long', '多了'],
  ])('%p → %s (%s)', (raw, error, messagePart) => {
    const result = parseCardQuery(raw);
    expect(result).toMatchObject({ ok: false, error });
    expect(!result.ok && result.message).toContain(messagePart);
  });
});

describe('looksLikeIccid', () => {
  test.each([
    ['89860012345678901238', true],
    ['898600123456789', true],
    ['89860012345678', false],
    ['13800138000', false],
    ['8613800138000', false],
    ['', false],
  ])('%j → %p', (cleaned, expected) => {
    expect(looksLikeIccid(cleaned)).toBe(expected);
  });
});
