import { checksumText, fnv1a } from '../../miniprogram/core/checksum';

describe('fnv1a (32-bit FNV-1a over UTF-16 code units)', () => {
  // Published FNV-1a 32-bit test values (ASCII input, where code units and bytes agree).
  test.each<[string, number]>([
    ['', 0x811c9dc5],
    ['a', 0xe40c292c],
    ['foobar', 0xbf9cf968],
  ])('fnv1a(%p) = %i', (text, hash) => {
    expect(fnv1a(text)).toBe(hash);
  });

  test.each<[string, string]>([
    ['one character flipped', '{"amount":5000}|{"amount":5001}'],
    ['two characters swapped', '13800138000|13800183000'],
    ['Chinese text changed', '充值成功|充值失败'],
    ['a character outside the BMP', '𠀀|𠀁'],
  ])('tells texts apart: %s', (_label, pair) => {
    const [a, b] = pair.split('|');
    expect(fnv1a(a)).not.toBe(fnv1a(b));
  });

  test.each([[undefined], [null], [42], [{}]])('hostile input %p hashes its text form instead of throwing', (value) => {
    expect(fnv1a(value as unknown as string)).toBe(fnv1a(String(value)));
  });

  test('always an unsigned 32-bit integer, and the same for the same text', () => {
    for (const text of ['x', 'x'.repeat(100_000), '\u0000\uffff']) {
      const hash = fnv1a(text);
      expect(Number.isInteger(hash) && hash >= 0 && hash < 2 ** 32).toBe(true);
      expect(fnv1a(text)).toBe(hash);
    }
  });

  test('checksumText is the hash in base 36', () => {
    expect(checksumText('foobar')).toBe((0xbf9cf968).toString(36));
    expect(checksumText('')).toMatch(/^[0-9a-z]{1,7}$/);
  });
});
