import { formatDataMb } from '../../miniprogram/view/format';

describe('formatDataMb', () => {
  test.each([
    [0, '0MB'],
    [512, '512MB'],
    [1023, '1023MB'],
    [1024, '1GB'],
    [1536, '1.5GB'],
    [10 * 1024, '10GB'],
    [1024 + 100, '1GB'],
    [-5, '0MB'],
    [null, '不含流量'],
    [Number.NaN, '不含流量'],
  ])('%p MB → %s', (mb, text) => {
    expect(formatDataMb(mb as number | null)).toBe(text);
  });
});
