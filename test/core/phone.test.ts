import {
  MAINLAND_SEGMENTS,
  PHILIPPINE_PREFIXES,
  PHONE_ERROR_MESSAGES,
  formatFullPhone,
  formatPhone,
  guessCarrier,
  maskPhone,
  normalizePhoneInput,
  parsePhone,
  type PhoneError,
} from '../../miniprogram/core/phone';

/** An 11-digit number that falls under this row and under no longer row of the table. */
function sampleUnder(prefix: string, table: readonly { prefix: string }[]): string {
  const digit = '0123456789'
    .split('')
    .find((d) => !table.some((row) => row.prefix.length > prefix.length && row.prefix.startsWith(prefix + d)));
  return `${prefix}${digit}`.padEnd(11, '5');
}

function parsedOrFail(raw: unknown) {
  const result = parsePhone(raw);
  if (!result.ok) throw new Error(`expected ${String(raw)} to parse, got ${result.error}: ${result.message}`);
  return result.value;
}

describe('normalizePhoneInput', () => {
  test.each([
    ['１３８－００１３－８０００', '13800138000'],
    ['+86 (138) 0013.8000', '+8613800138000'],
    ['＋８６　１３８　００１３　８０００', '+8613800138000'],
    ['\u202A+86 138 0013 8000\u202C', '+8613800138000'],
    ['\u00A0138\u200B0013\uFEFF8000\n', '13800138000'],
    ['【138】〔0013〕8000', '13800138000'],
    ['0917—123—4567', '09171234567'],
    ['\u2066+63 918 123 4567\u2069', '+639181234567'],
    ['\u2068138 0013 8000\u2069', '13800138000'],
    ['\u2067\u2066+86\u2069 138\u2069', '+86138'],
    ['138\u00AD0013\u00AD8000', '13800138000'],
    ['\u200E+86\u200F 138\u200D0013\u200C8000\u2060', '+8613800138000'],
    ['\u202D\u202B138\u202E0013\u202C8000', '13800138000'],
    ['\u061C138\u180E0013\u034F8000', '13800138000'],
    ['tel:+86-138-0013-8000', '+8613800138000'],
    ['TEL:13800138000', '13800138000'],
    [' tel://+639181234567', '+639181234567'],
    ['ｔｅｌ：１３８００１３８０００', '13800138000'],
    ['\u2066tel:+8613800138000\u2069', '+8613800138000'],
    ['138tel:00138000', '138tel:00138000'],
    ['138﹣0013﹣8000', '13800138000'],
    ['-138', '-138'],
    [' — (138) 0013', '-1380013'],
    ['- . ( )', ''],
    ['-abc', 'abc'],
    ['abc 1', 'abc1'],
    ['1+2', '1+2'],
  ])('%j → %j', (raw, expected) => {
    expect(normalizePhoneInput(raw)).toBe(expected);
  });

  test.each([
    [null, ''],
    [undefined, ''],
    [{}, ''],
    [13800138000, '13800138000'],
    [-5, ''],
    [1.5, ''],
  ])('non-string %p → %j', (raw, expected) => {
    expect(normalizePhoneInput(raw)).toBe(expected);
  });
});

describe('parsePhone: mainland numbers in every usual written form', () => {
  test.each([
    '13800138000',
    '138 0013 8000',
    '138-0013-8000',
    '(138) 0013.8000',
    '+86 138 0013 8000',
    '+8613800138000',
    '+86-138-0013-8000',
    '008613800138000',
    '0086 138 0013 8000',
    '8613800138000',
    '１３８００１３８０００',
    '＋８６ １３８ ００１３ ８０００',
    '\u202A+86 138 0013 8000\u202C',
    '  13800138000\n',
    '013800138000',
    '\u2066+86 138 0013 8000\u2069',
    '\u2068138\u00AD0013\u00AD8000\u2069',
    'tel:+86-138-0013-8000',
    'tel:13800138000',
    '+86 (0) 138 0013 8000',
    '+86 0138 0013 8000',
    '0086 (0)138 0013 8000',
    '86 (0) 138 0013 8000',
  ])('%j → 13800138000, China Mobile', (raw) => {
    expect(parsedOrFail(raw)).toEqual({
      region: 'CN',
      national: '13800138000',
      e164: '+8613800138000',
      carrier: 'cmcc',
      virtual: false,
    });
  });

  test('a whole number (a form field that came back numeric) parses too', () => {
    expect(parsedOrFail(13800138000).national).toBe('13800138000');
  });
});

describe('parsePhone: mainland segment table', () => {
  test.each([
    ['13012345678', 'cucc', false],
    ['13312345678', 'ctcc', false],
    ['13400000000', 'cmcc', false],
    ['13481234567', 'cmcc', false],
    ['13491234567', 'ctcc', false],
    ['14512345678', 'cucc', false],
    ['14712345678', 'cmcc', false],
    ['14912345678', 'ctcc', false],
    ['15312345678', 'ctcc', false],
    ['15512345678', 'cucc', false],
    ['16212345678', 'ctcc', true],
    ['16512345678', 'cmcc', true],
    ['16612345678', 'cucc', false],
    ['16712345678', 'cucc', true],
    ['17001234567', 'ctcc', true],
    ['17021234567', 'ctcc', true],
    ['17031234567', 'cmcc', true],
    ['17041234567', 'cucc', true],
    ['17061234567', 'cmcc', true],
    ['17091234567', 'cucc', true],
    ['17112345678', 'cucc', true],
    ['17212345678', 'cmcc', false],
    ['17400123456', 'ctcc', false],
    ['17405999999', 'ctcc', false],
    ['16101234567', 'cbn', false],
    ['17812345678', 'cmcc', false],
    ['18612345678', 'cucc', false],
    ['18912345678', 'ctcc', false],
    ['19012345678', 'ctcc', false],
    ['19212345678', 'cbn', false],
    ['19512345678', 'cmcc', false],
    ['19612345678', 'cucc', false],
    ['19712345678', 'cmcc', false],
    ['19912345678', 'ctcc', false],
  ])('%s → %s (virtual %p)', (national, carrier, virtual) => {
    expect(parsedOrFail(national)).toMatchObject({ carrier, virtual });
  });

  test('every row of the table parses to its own carrier (longest prefix wins)', () => {
    const mismatches = MAINLAND_SEGMENTS.filter((row) => {
      const result = parsePhone(sampleUnder(row.prefix, MAINLAND_SEGMENTS));
      return !result.ok || result.value.carrier !== row.carrier || result.value.virtual !== row.virtual;
    });
    expect(mismatches).toEqual([]);
    expect(new Set(MAINLAND_SEGMENTS.map((row) => row.prefix)).size).toBe(MAINLAND_SEGMENTS.length);
  });
});

describe('parsePhone: Philippine Smart / TNT numbers', () => {
  test.each([
    '09181234567',
    '0918 123 4567',
    '0918-123-4567',
    '+63 918 123 4567',
    '+639181234567',
    '+63 0918 123 4567',
    '00639181234567',
    '639181234567',
    '9181234567',
    '０９１８ １２３ ４５６７',
    '+63 (0) 918 123 4567',
    '\u2066+63 918 123 4567\u2069',
    'tel:+63-918-123-4567',
    '\uFEFF\u200B0918\u00AD123\u00AD4567',
  ])('%j → 09181234567 (Smart)', (raw) => {
    expect(parsedOrFail(raw)).toEqual({
      region: 'PH',
      national: '09181234567',
      e164: '+639181234567',
      carrier: 'smart',
      virtual: false,
    });
  });

  test.each(['+63 813 123 4567', '+63813 123 4567', '63 813 123 4567', '813 123 4567', '8131234567'])(
    '%j → 08131234567: a number pasted without its trunk 0 after +63',
    (raw) => {
      expect(parsedOrFail(raw)).toMatchObject({ region: 'PH', national: '08131234567', e164: '+638131234567' });
    },
  );

  test.each(['08131234567', '09071234567', '09131234567', '09211234567', '09221234567', '09301234567', '09391234567', '09421234567', '09461234567', '09491234567', '09511234567', '09611234567', '09701234567', '09731234567', '09741234567', '+63 973 123 4567', '09811234567', '09891234567', '09981234567', '09991234567'])(
    '%s is a Smart / TNT prefix',
    (national) => {
      expect(parsedOrFail(national).carrier).toBe('smart');
    },
  );

  test('every Smart row is accepted and every other operator row is refused', () => {
    const wrong = PHILIPPINE_PREFIXES.filter((row) => {
      const result = parsePhone(sampleUnder(row.prefix, PHILIPPINE_PREFIXES));
      return row.operator === 'Smart' ? !result.ok : result.ok || result.error !== 'unsupported_carrier';
    });
    expect(wrong).toEqual([]);
  });
});

describe('parsePhone: rejections say what to fix', () => {
  test.each<[unknown, PhoneError, string]>([
    ['', 'empty', '请输入手机号码'],
    ['   ', 'empty', '请输入手机号码'],
    ['- . ( )', 'empty', '请输入手机号码'],
    [null, 'empty', '请输入手机号码'],
    [undefined, 'empty', '请输入手机号码'],
    ['1380013800', 'too_short', '现在只有 10 位（少了 1 位）'],
    ['138', 'too_short', '少了 8 位'],
    ['+86 138 0013 800', 'too_short', '少了 1 位'],
    ['138001380001', 'too_long', '现在有 12 位（多了 1 位）'],
    ['+86 138 0013 80001', 'too_long', '多了 1 位'],
    ['0918123456', 'too_short', '菲律宾手机号（09 开头）是 11 位'],
    ['+63 918 123 45678', 'too_long', '多了 1 位'],
    ['23800138000', 'bad_prefix', '1 开头'],
    ['02112345678', 'bad_prefix', '09 开头'],
    ['+44 7700 900123', 'bad_prefix', '+86'],
    ['0044 7700 900123', 'bad_prefix', '+63'],
    ['+63 2 8888 1111', 'bad_prefix', '座机'],
    ['+86 238 0013 8000', 'bad_prefix', '1 开头'],
    ['+86 (0)10 8888 8888', 'bad_prefix', '1 开头'],
    ['813 123 456', 'bad_prefix', '09 开头'],
    ['8171234567', 'unsupported_carrier', 'Globe'],
    ['12012345678', 'unknown_segment', '120 开头不是已知的手机号段'],
    ['14012345678', 'unknown_segment', '140'],
    ['15412345678', 'unknown_segment', '154'],
    ['17912345678', 'unknown_segment', '179'],
    ['19412345678', 'unknown_segment', '194'],
    ['17406123456', 'unknown_segment', '17406 开头不是手机号段'],
    ['17409123456', 'unknown_segment', '只有 17400–17405 是中国电信的卫星电话号码'],
    ['17412345678', 'unknown_segment', '17412'],
    ['17499999999', 'unknown_segment', '17499'],
    ['+86 174 1000 0000', 'unknown_segment', '17410'],
    ['16112345678', 'unknown_segment', '161 开头不是已知的手机号段'],
    ['14612345678', 'iot_number', '146 开头的是 13 位的物联网卡号码'],
    ['14812345678', 'iot_number', '不是手机号，这里不能按手机号续费'],
    ['1461234567890', 'iot_number', '146 开头'],
    ['+86 148 1234 5678 90', 'iot_number', '148 开头'],
    ['1440123456789', 'iot_number', '1440 开头'],
    ['1410123456789', 'iot_number', '1410 开头'],
    ['146', 'iot_number', '物联网卡'],
    ['09011234567', 'unknown_segment', '0901 不是已知的菲律宾手机号段'],
    ['08001234567', 'unknown_segment', '0800'],
    ['09171234567', 'unsupported_carrier', 'Globe'],
    ['+63 917 123 4567', 'unsupported_carrier', 'Globe'],
    ['09261234567', 'unsupported_carrier', 'Globe'],
    ['09271234567', 'unsupported_carrier', 'Globe'],
    ['09451234567', 'unsupported_carrier', 'Globe'],
    ['09531234567', 'unsupported_carrier', 'Globe'],
    ['09571234567', 'unsupported_carrier', 'Globe'],
    ['09791234567', 'unsupported_carrier', 'Globe'],
    ['08171234567', 'unsupported_carrier', '这是 Globe / TM 的号码，暂只支持 Smart / TNT 号码续费'],
    ['+63 817 123 4567', 'unsupported_carrier', 'Globe'],
    ['09401234567', 'unknown_segment', '0940 不是已知的菲律宾手机号段'],
    ['09411234567', 'unknown_segment', '0941'],
    ['08901234567', 'unknown_segment', '0890'],
    ['08991234567', 'unknown_segment', '0899'],
    ['09911234567', 'unsupported_carrier', 'DITO'],
    ['09921234567', 'unsupported_carrier', 'DITO'],
    ['09241234567', 'unsupported_carrier', 'DITO'],
    ['08951234567', 'unsupported_carrier', 'DITO'],
  ])('%j → %s (%s)', (raw, error, messagePart) => {
    const result = parsePhone(raw);
    expect(result).toMatchObject({ ok: false, error });
    expect(!result.ok && result.message).toContain(messagePart);
  });

  test.each([
    '-13800138000',
    '- 138 0013 8000',
    '−13800138000',
    '－１３８００１３８０００',
    '–138 0013 8000',
    '﹣13800138000',
    '(-138) 0013 8000',
    '  -+86 138 0013 8000',
    '\u2066-13800138000\u2069',
    'tel:-13800138000',
    '-09181234567',
    '--13800138000',
  ])('a sign in front of %j is refused, not dropped', (raw) => {
    const result = parsePhone(raw);
    expect(result).toMatchObject({ ok: false, error: 'leading_sign' });
    expect(!result.ok && result.message).toContain('号码前面多了一个“-”号，请删掉它');
  });

  test.each(['13800138000-', '138-0013-8000', '+86-138-0013-8000', '(138)-0013-8000'])(
    'a dash after the first digit or + is a separator: %j',
    (raw) => {
      expect(parsedOrFail(raw).national).toBe('13800138000');
    },
  );

  test('every reason has a Chinese message', () => {
    for (const message of Object.values(PHONE_ERROR_MESSAGES)) expect(message).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe('parsePhone: hostile input never throws', () => {
  const tenKb = 10 * 1024;
  test.each<[string, unknown, PhoneError]>([
    ['an object', {}, 'bad_chars'],
    ['an array', ['13800138000'], 'bad_chars'],
    ['a boolean', true, 'bad_chars'],
    ['a function', () => '13800138000', 'bad_chars'],
    ['a symbol', Symbol('x'), 'bad_chars'],
    ['NaN', Number.NaN, 'bad_chars'],
    ['Infinity', Number.POSITIVE_INFINITY, 'bad_chars'],
    ['a negative number', -13800138000, 'bad_chars'],
    ['a fraction', 1380013800.5, 'bad_chars'],
    ['letters', 'abc', 'bad_chars'],
    ['letters inside digits', '138abc00138', 'bad_chars'],
    ['an emoji', '📱13800138000', 'bad_chars'],
    ['SQL-ish text', "13800138000' OR '1'='1", 'bad_chars'],
    ['markup', '<script>alert(1)</script>', 'bad_chars'],
    ['a plus in the middle', '138+00138000', 'bad_chars'],
    ['two leading pluses', '++8613800138000', 'bad_chars'],
    ['10 KB of digits', '1'.repeat(tenKb), 'too_long'],
    ['10 KB of letters', 'x'.repeat(tenKb), 'bad_chars'],
    ['10 KB of spaces', ' '.repeat(tenKb), 'empty'],
  ])('%s → %s', (_label, raw, error) => {
    expect(() => parsePhone(raw)).not.toThrow();
    expect(parsePhone(raw)).toMatchObject({ ok: false, error });
  });

  // Leading dashes used to be dropped like any separator; they now read as a sign
  // (refused below), so the padding in front is spaces and the dashes go behind.
  test('10 KB of separators around a real number still finds the number', () => {
    expect(parsedOrFail(`${' '.repeat(tenKb)}13800138000${'-'.repeat(tenKb)}`).national).toBe('13800138000');
    expect(parsedOrFail(`${'('.repeat(tenKb)}138${'-'.repeat(tenKb)}00138000`).national).toBe('13800138000');
  });

  test('10 KB of dashes in front of a number read as a sign, quickly', () => {
    const started = process.hrtime.bigint();
    expect(parsePhone(`${' '.repeat(tenKb)}${'-'.repeat(tenKb)}13800138000`)).toMatchObject({ ok: false, error: 'leading_sign' });
    expect(parsePhone(`${' -'.repeat(tenKb)}x`)).toMatchObject({ ok: false, error: 'bad_chars' });
    expect(Number(process.hrtime.bigint() - started) / 1e6).toBeLessThan(200);
  });
});

describe('guessCarrier while typing', () => {
  test.each([
    ['138', { carrier: 'cmcc', virtual: false }],
    ['1380013', { carrier: 'cmcc', virtual: false }],
    ['1349', { carrier: 'ctcc', virtual: false }],
    ['1345', { carrier: 'cmcc', virtual: false }],
    ['1700', { carrier: 'ctcc', virtual: true }],
    ['1705', { carrier: 'cmcc', virtual: true }],
    ['1708', { carrier: 'cucc', virtual: true }],
    ['171', { carrier: 'cucc', virtual: true }],
    ['165', { carrier: 'cmcc', virtual: true }],
    ['192', { carrier: 'cbn', virtual: false }],
    ['1610', { carrier: 'cbn', virtual: false }],
    ['17403', { carrier: 'ctcc', virtual: false }],
    ['+86 186', { carrier: 'cucc', virtual: false }],
    ['86189', { carrier: 'ctcc', virtual: false }],
    ['0918', { carrier: 'smart', virtual: false }],
    ['0922', { carrier: 'smart', virtual: false }],
    ['+63 918', { carrier: 'smart', virtual: false }],
    ['918', { carrier: 'smart', virtual: false }],
    ['0973', { carrier: 'smart', virtual: false }],
    ['0946', { carrier: 'smart', virtual: false }],
  ])('%j → %j', (partial, expected) => {
    expect(guessCarrier(partial)).toEqual(expected);
  });

  test.each([
    ['', 'nothing typed'],
    ['1', 'one digit'],
    ['13', 'two digits'],
    ['134', '134 is open until the 4th digit (1349 is Telecom)'],
    ['146', 'an IoT range, not a phone segment'],
    ['1481234', 'an IoT range, not a phone segment'],
    ['170', '170 is open until the 4th digit'],
    ['174', '174 is open until the 5th digit (only 17400–17405 are Telecom)'],
    ['1740', '1740 is open until the 5th digit'],
    ['17406', 'not a phone segment'],
    ['161', '161 is open until the 4th digit (only 1610 is Broadnet)'],
    ['120', 'not a mobile segment'],
    ['092', '092 is open (0924 DITO, 0926 Globe)'],
    ['0917', 'Globe: not a carrier we renew'],
    ['0991', 'DITO'],
    ['0979', 'Globe'],
    ['0940', 'no valid range'],
    ['094', '094 is open (0944 DITO, 0945 Globe, 0940 none)'],
    ['8618', 'country code plus two digits'],
    ['abc', 'letters'],
    ['-138', 'a sign in front'],
    ['2', 'no region starts with 2'],
  ])('%j → null (%s)', (partial) => {
    expect(guessCarrier(partial)).toBeNull();
  });

  test('non-string input gives null', () => {
    expect(guessCarrier(undefined as unknown as string)).toBeNull();
    expect(guessCarrier({} as unknown as string)).toBeNull();
  });
});

describe('maskPhone and formatPhone', () => {
  test.each([
    ['13800138000', '138****8000'],
    ['09171234567', '0917***4567'],
    ['+8613800138000', '138****8000'],
    ['+639171234567', '0917***4567'],
    ['10086', '10086'],
    ['', ''],
    [null, ''],
    [12345678901, ''],
  ])('maskPhone(%p) → %j', (input, expected) => {
    expect(maskPhone(input as string)).toBe(expected);
  });

  test.each([
    ['13800138000', '138 0013 8000'],
    ['09171234567', '0917 123 4567'],
    ['+639181234567', '0918 123 4567'],
    ['abc', 'abc'],
    [undefined, ''],
  ])('formatPhone(%p) → %j', (input, expected) => {
    expect(formatPhone(input as string)).toBe(expected);
  });

  test.each([
    ['13800138000', '138 0013 8000'],
    ['+8613800138000', '138 0013 8000'],
    ['09181234567', '+63 918 123 4567'],
    ['+639181234567', '+63 918 123 4567'],
    ['08131234567', '+63 813 123 4567'],
    ['0918123456', '0918123456'],
    ['10086', '10086'],
    ['abc', 'abc'],
    ['', ''],
    [undefined, ''],
    [null, ''],
    [9181234567, ''],
  ])('formatFullPhone(%p) → %j: what confirm and the voucher show', (input, expected) => {
    expect(formatFullPhone(input as string)).toBe(expected);
  });

  test('formatFullPhone reads back what parsePhone accepted, whatever the typed form', () => {
    for (const raw of ['0918-123-4567', '+63 0918 123 4567', '9181234567', '\u2066+63 918 123 4567\u2069']) {
      expect(formatFullPhone(parsedOrFail(raw).national)).toBe('+63 918 123 4567');
      expect(formatFullPhone(parsedOrFail(raw).e164)).toBe('+63 918 123 4567');
    }
    expect(formatFullPhone(parsedOrFail('+86 (0) 138 0013 8000').e164)).toBe('138 0013 8000');
  });
});
