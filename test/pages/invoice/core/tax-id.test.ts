import { CREDIT_CODE_ALPHABET, normalizeTaxId, parseTaxId, taxIdCheckChar } from '../../../../miniprogram/pages/invoice/core/tax-id';

/**
 * An independent check: the weights of GB 32100-2015 written out as the standard's table
 * lists them (3^(i−1) mod 31), and a lookup by character code instead of indexOf.
 */
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const VALUE: Record<string, number> = Object.fromEntries([...'0123456789ABCDEFGHJKLMNPQRTUWXY'].map((ch, i) => [ch, i]));
function referenceCheck(first17: string): string {
  const sum = [...first17].reduce((s, ch, i) => s + VALUE[ch] * WEIGHTS[i], 0);
  const c = 31 - (sum % 31);
  return c === 31 ? '0' : '0123456789ABCDEFGHJKLMNPQRTUWXY'[c];
}
const withCheck = (first17: string): string => first17 + referenceCheck(first17);

describe('taxIdCheckChar agrees with the reference', () => {
  test('the weight table is 3^(i−1) mod 31', () => {
    let w = 1;
    for (const weight of WEIGHTS) {
      expect(weight).toBe(w);
      w = (w * 3) % 31;
    }
  });

  test.each([
    // Real published codes, checked by hand against the formula.
    ['914403001922038216'],
    ['9144030071526726XG'],
    // Constructed codes: registration authority 9 (工商) / 1 (机构编制) / 5 (民政) / Y (其他), category, area, organisation code.
    [withCheck('91350100M00010000')],
    [withCheck('12100000400000000')],
    [withCheck('51110000500000000')],
    [withCheck('Y1110108MA00AAAAA')],
    [withCheck('00000000000000000')],
    [withCheck('YYYYYYYYYYYYYYYYY')],
  ])('%s is valid', (code) => {
    expect(taxIdCheckChar(code.slice(0, 17))).toBe(code[17]);
    expect(parseTaxId(code)).toEqual({ ok: true, value: code });
  });

  test('a check value of 31 is written 0, of 30 is Y', () => {
    expect(referenceCheck('00000000000000000')).toBe('0');
    expect(taxIdCheckChar('00000000000000000')).toBe('0');
    // 1 × weight 1 = 1 → 31 − 1 = 30 → Y.
    expect(taxIdCheckChar('10000000000000000')).toBe('Y');
  });

  test('agrees with the reference on 2,000 pseudo-random prefixes', () => {
    let seed = 20261125;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed;
    };
    for (let n = 0; n < 2000; n += 1) {
      const prefix = Array.from({ length: 17 }, () => CREDIT_CODE_ALPHABET[next() % 31]).join('');
      expect(taxIdCheckChar(prefix)).toBe(referenceCheck(prefix));
    }
  });

  test.each([[''], ['1234567890123456'], ['123456789012345678'], ['9135010OM00010000'], [null], [17]])('%p → null', (prefix) => {
    expect(taxIdCheckChar(prefix as string)).toBeNull();
  });
});

describe('normalizeTaxId and parseTaxId', () => {
  const valid = '914403001922038216';
  test.each([
    [` ${valid} `],
    ['9144 0300 1922 0382 16'],
    ['９１４４０３００１９２２０３８２１６'],
    ['\u200B914403001922038216\uFEFF'],
    ['9144030019220382\u300016'],
  ])('%p normalises to the code', (raw) => {
    expect(parseTaxId(raw)).toEqual({ ok: true, value: valid });
  });

  test('lower case and full-width letters become upper case', () => {
    expect(normalizeTaxId('9144030071526726xg')).toBe('9144030071526726XG');
    expect(parseTaxId('9144030071526726ｘｇ')).toEqual({ ok: true, value: '9144030071526726XG' });
  });

  test.each([
    ['', 'empty', '请填写 18 位'],
    ['   ', 'empty', '请填写 18 位'],
    [null, 'empty', '请填写'],
    [undefined, 'empty', '请填写'],
    [914403001922038216, 'empty', '请填写'],
    [{}, 'empty', '请填写'],
    ['91440300192203821', 'length', '现在是 17 位'],
    ['9144030019220382166', 'length', '现在是 19 位'],
    ['440301103086000', 'length', '旧的 15 位或 20 位税号已停用'],
    ['44030110308600012345', 'length', '20 位'],
    ['9'.repeat(101), 'length', '多余的内容'],
    ['9'.repeat(100_000), 'length', '多余的内容'],
    ['91440300192203821I', 'bad_char', '第 18 位「I」不是有效字符：统一社会信用代码不使用字母 I、O、S、V、Z，是不是数字 1？'],
    ['9144030O1922038216', 'bad_char', '第 8 位「O」不是有效字符'],
    ['914403001922038S16', 'bad_char', '是不是数字 5？'],
    ['91440300V922038216', 'bad_char', '不使用字母 I、O、S、V、Z'],
    ['9144030019220382-6', 'bad_char', '第 17 位「-」不是有效字符：统一社会信用代码只含数字和大写字母'],
    ['91440300192203821中', 'bad_char', '第 18 位不是有效字符'],
    ['91440300192203821😀', 'bad_char', '第 18 位不是有效字符'],
    ['914403001922038217', 'check_mismatch', '逐位核对'],
    ['914403001922038261', 'check_mismatch', '逐位核对'],
    ['9144030071526726X0', 'check_mismatch', '校验不通过'],
  ])('%p → %s', (raw, error, message) => {
    const result = parseTaxId(raw);
    expect(result).toMatchObject({ ok: false, error });
    if (!result.ok) expect(result.message).toContain(message);
  });

  test('every single-character change of a valid code is caught', () => {
    for (let i = 0; i < 18; i += 1) {
      for (const ch of CREDIT_CODE_ALPHABET) {
        if (ch === valid[i]) continue;
        const changed = valid.slice(0, i) + ch + valid.slice(i + 1);
        expect(parseTaxId(changed).ok).toBe(false);
      }
    }
  });
});
