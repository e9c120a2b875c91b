import { MAX_EMAIL_LENGTH, normalizeEmail, parseEmail } from '../../../../miniprogram/pages/invoice/core/contact';

describe('parseEmail: practical addresses pass', () => {
  test.each([
    ['name@example.com', 'name@example.com'],
    ['12345678@qq.com', '12345678@qq.com'],
    ['li.ming@163.com', 'li.ming@163.com'],
    ['first.last+invoice@company.com.cn', 'first.last+invoice@company.com.cn'],
    ['o\'brien@example.co.uk', 'o\'brien@example.co.uk'],
    ['a_b-c@sub-domain.example.org', 'a_b-c@sub-domain.example.org'],
    ['  Name@Example.COM  ', 'Name@example.com'],
    ['ｎａｍｅ＠ｑｑ．ｃｏｍ', 'name@qq.com'],
    ['name@qq。com', 'name@qq.com'],
    ['name@example.xn--fiqs8s', 'name@example.xn--fiqs8s'],
    ['\u200Bname@qq.com', 'name@qq.com'],
    [`${'a'.repeat(64)}@qq.com`, `${'a'.repeat(64)}@qq.com`],
  ])('%p → %p', (raw, email) => {
    expect(parseEmail(raw)).toEqual({ ok: true, value: email });
  });

  test('normalizeEmail keeps the local part’s case and lowers the domain', () => {
    expect(normalizeEmail('Li.Ming@QQ.Com')).toBe('Li.Ming@qq.com');
    expect(normalizeEmail(42)).toBe('');
  });

  test('the longest allowed address is 254 characters', () => {
    const domain = `${['a'.repeat(63), 'b'.repeat(63), 'c'.repeat(63)].join('.')}.com`; // 195
    const local = 'x'.repeat(MAX_EMAIL_LENGTH - domain.length - 1); // 58
    expect(parseEmail(`${local}@${domain}`).ok).toBe(true);
    expect(parseEmail(`${local}y@${domain}`)).toMatchObject({ ok: false, error: 'too_long' });
  });
});

describe('parseEmail: what it refuses, in Chinese', () => {
  test.each([
    ['', 'empty', '请填写接收发票的邮箱'],
    ['   ', 'empty', '请填写'],
    [null, 'empty', '请填写'],
    [12345, 'empty', '请填写'],
    ['name.qq.com', 'no_at', '缺少 @'],
    ['name@@qq.com', 'many_at', '只能有一个 @'],
    ['a@b@qq.com', 'many_at', '只能有一个 @'],
    ['@qq.com', 'bad_local', '@ 前面'],
    ['.name@qq.com', 'bad_local', '不能以 . 开头'],
    ['name.@qq.com', 'bad_local', '结尾'],
    ['na..me@qq.com', 'bad_local', '连续的 .'],
    ['"name"@qq.com', 'bad_local', '@ 前面'],
    [`${'a'.repeat(65)}@qq.com`, 'bad_local', '@ 前面'],
    ['name@', 'bad_domain', '域名'],
    ['name@qq', 'bad_domain', '域名'],
    ['name@qq.', 'bad_domain', '域名'],
    ['name@.com', 'bad_domain', '域名'],
    ['name@qq..com', 'bad_domain', '域名'],
    ['name@-qq.com', 'bad_domain', '域名'],
    ['name@qq-.com', 'bad_domain', '域名'],
    ['name@qq.c', 'bad_domain', '域名'],
    ['name@qq.123', 'bad_domain', '域名'],
    ['name@[127.0.0.1]', 'bad_domain', '域名'],
    ['name@qq_mail.com', 'bad_domain', '域名'],
    [`name@${'a'.repeat(64)}.com`, 'bad_domain', '域名'],
    ['name @qq.com', 'space', '不能有空格'],
    ['name@qq .com', 'space', '不能有空格'],
    ['name\t@qq.com', 'space', '空格'],
    ['李明@qq.com', 'non_ascii', '不要输入中文'],
    ['name@腾讯.com', 'non_ascii', '中文'],
    ['name@qq.com\u007f', 'non_ascii', '中文'],
    [`${'a'.repeat(300)}@qq.com`, 'too_long', '太长'],
    ['a'.repeat(1_000_000), 'too_long', '太长'],
  ])('%p → %s', (raw, error, message) => {
    const result = parseEmail(raw);
    expect(result).toMatchObject({ ok: false, error });
    if (!result.ok) expect(result.message).toContain(message);
  });
});
