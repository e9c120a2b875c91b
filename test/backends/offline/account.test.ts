import { MockAccountService, CODE_LIFETIME_MS, DEMO_GRANTED_PHONE } from '../../../miniprogram/backends/offline/account';
import { QUOTA_ERRNO } from '../../../miniprogram/pages/bind/phone-grant/refusal';
import { FakeClock } from '../../support/fakes';

function setup() {
  const clock = new FakeClock('2026-11-25T10:00:00+08:00');
  return { clock, account: new MockAccountService({ clock }) };
}

describe('MockAccountService: getPhoneNumber code → number', () => {
  test('a fresh code is exchanged for the demo number', async () => {
    const { account } = setup();
    expect(await account.exchangePhoneCode(account.issueCode())).toEqual({ ok: true, value: DEMO_GRANTED_PHONE });
  });

  test('the exchange takes simulated time (a server round trip)', async () => {
    const { account, clock } = setup();
    const before = clock.now();
    await account.exchangePhoneCode(account.issueCode());
    expect(clock.now() - before).toBe(200);
  });

  test('the granted number can be set by a test', async () => {
    const { account } = setup();
    account.setGrantedPhone('13900139000');
    expect(await account.exchangePhoneCode('any-code-from-wechat')).toEqual({ ok: true, value: '13900139000' });
  });

  test('a code works once: the second exchange is invalid_code', async () => {
    const { account } = setup();
    const code = account.issueCode();
    await account.exchangePhoneCode(code);
    const again = await account.exchangePhoneCode(code);
    expect(again).toMatchObject({ ok: false, error: 'invalid_code' });
    expect(!again.ok && again.message).toContain('再点一次');
  });

  test('an issued code expires after five minutes', async () => {
    const { account, clock } = setup();
    const code = account.issueCode();
    clock.advance(CODE_LIFETIME_MS);
    expect(await account.exchangePhoneCode(code)).toMatchObject({ ok: false, error: 'invalid_code' });
  });

  test.each([[''], ['   '], [undefined], [42]])('a missing or malformed code (%j) is invalid_code', async (code) => {
    const { account } = setup();
    expect(await account.exchangePhoneCode(code as unknown as string)).toMatchObject({ ok: false, error: 'invalid_code' });
  });

  test(`'quota' imitates errno ${QUOTA_ERRNO} and points to the SMS path`, async () => {
    const { account } = setup();
    account.failNext('quota');
    const result = await account.exchangePhoneCode(account.issueCode());
    expect(result).toMatchObject({ ok: false, error: 'quota' });
    expect(!result.ok && result.message).toContain('短信验证码');
    expect(QUOTA_ERRNO).toBe(1400001);
  });

  test('a network failure leaves the code usable for a retry', async () => {
    const { account } = setup();
    account.failNext('network');
    const code = account.issueCode();
    expect(await account.exchangePhoneCode(code)).toMatchObject({ ok: false, error: 'network' });
    expect(await account.exchangePhoneCode(code)).toEqual({ ok: true, value: DEMO_GRANTED_PHONE });
  });

  test('failNext(count) fails that many exchanges, then recovers', async () => {
    const { account } = setup();
    account.failNext('network', 2);
    const answers = [];
    for (let i = 0; i < 3; i += 1) answers.push((await account.exchangePhoneCode(account.issueCode())).ok);
    expect(answers).toEqual([false, false, true]);
  });
});
