import { recommendedOption } from '../../../miniprogram/pages/lookup/recommendation';
import { money } from '../../../miniprogram/core/money';
import type { RateQuote } from '../../../miniprogram/core/charge';
import { cardProfile, smartProfile } from '../../support/card-profiles';

const TODAY = '2026-11-25';
const NOW = Date.parse('2026-11-25T10:00:00+08:00');
const RATE: RateQuote = { rate: { from: 'PHP', to: 'CNY', fen: 247, centavos: 2000 }, quotedAt: NOW - 60_000 };

describe('recommendedOption: what 充值 suggests for a looked-up card', () => {
  test('an active mainland card: the usual ¥50, priced in yuan, with the expiry it gives', () => {
    expect(recommendedOption(cardProfile(), TODAY, null, NOW)).toEqual({
      productId: 'cmcc-recharge-50',
      title: '话费充值 50 元',
      price: '¥50.00',
      detail: '',
      expiry: '续费后到期日 2027年6月18日',
      reason: expect.stringContaining('¥50'),
    });
  });

  test('a Smart card with a usable rate: the yuan charged first, the peso face value and the rate beside it', () => {
    const option = recommendedOption(smartProfile(), TODAY, RATE, NOW);
    expect(option).toMatchObject({ productId: 'smart-recharge-100', price: '¥12.35' });
    expect(option?.detail).toBe('面值 ₱100.00 · ₱1 ≈ ¥0.1235（09:59 报价）');
  });

  test('a Smart card before the rate arrives (or with a stale one): the face value, and the yuan said to come', () => {
    for (const rate of [null, { ...RATE, quotedAt: NOW - 11 * 60_000 }]) {
      const option = recommendedOption(smartProfile(), TODAY, rate, NOW);
      expect(option?.price).toBe('面值 ₱100.00');
      expect(option?.detail).toBe('人民币金额待汇率确认');
    }
  });

  test('a suspended line: the recharge that clears its debt, and says so', () => {
    const option = recommendedOption(cardProfile({ suspended: true, balance: money(-1230, 'CNY') }), TODAY, null, NOW);
    expect(option?.reason).toContain('停机');
    expect(option?.price).toMatch(/^¥\d+\.00$/);
  });

  test('a keep-number card about to lapse: its cheapest keep plan', () => {
    const option = recommendedOption(cardProfile({ cardType: 'keep', expiry: '2026-11-27' }), TODAY, null, NOW);
    expect(option?.title).toContain('保号');
    expect(option?.expiry).toMatch(/^续费后到期日 2026年12月\d+日$/);
  });

  test('a data card running dry: a data pack, which leaves the number\u2019s expiry as it is', () => {
    const option = recommendedOption(cardProfile({ carrier: 'cbn', cardType: 'data', dataLeftMb: 300 }), TODAY, null, NOW);
    expect(option?.title).toContain('流量');
    expect(option?.expiry).toBe('号码到期日不变（2026年12月20日）');
  });

  test('nothing to suggest without a card or a real expiry; never a throw', () => {
    expect(recommendedOption(null, TODAY, null, NOW)).toBeNull();
    expect(recommendedOption(cardProfile({ expiry: 'soon' as never }), TODAY, null, NOW)).toBeNull();
    expect(recommendedOption(cardProfile(), 'today' as never, null, NOW)).toBeNull();
  });
});
