import { SCAM_WARNING } from '../../../miniprogram/pages/help/scam';

describe('the scam warning', () => {
  const all = [SCAM_WARNING.lead, ...SCAM_WARNING.signs, ...SCAM_WARNING.steps].join('\n');

  test.each([
    ['"慢充" offers', '“慢充”'],
    ['a price far under face value', '付 80 元得 100 元话费'],
    ['credit promised in days', '3 到 15 天到账'],
    ['the number may be frozen', '号码还可能因涉诈被冻结'],
    ['top-ups for strangers', '替陌生人充值'],
    ['a wrong top-up comes back only if the other side agrees', '只有对方同意才能退回'],
    ['look-alike senders', 'L0086'],
    ['call the carrier first', '移动 10086、联通 10010、电信 10000、广电 10099'],
    ['MIIT complaints', '12300'],
    ['police for fraud', '110 报警'],
  ])('says: %s', (_what, words) => {
    expect(all).toContain(words);
  });

  test('the buttons dial digits only', () => {
    expect(SCAM_WARNING.buttons.map((b) => b.dial)).toEqual(['110', '12300']);
  });
});
