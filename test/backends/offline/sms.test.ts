import { MockSmsService, SMS_STATE_KEY, MAX_ATTEMPTS } from '../../../miniprogram/backends/offline/sms';
import { WxKeyValueStorage } from '../../../miniprogram/services/wx/storage';
import { FakeClock } from '../../support/fakes';

const PHONE = '13800138000';

/** A repeatable random source (kept local: the app harness pulls in every service). */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 0x100000000;
  };
}

function setup(random: () => number = seededRandom(1)) {
  const clock = new FakeClock('2026-11-25T10:00:00+08:00');
  const storage = new WxKeyValueStorage();
  const sms = new MockSmsService({ clock, storage, random });
  return { clock, storage, sms, again: () => new MockSmsService({ clock, storage, random }) };
}

beforeEach(() => globalThis.__wxStorage.clearStorageSync());

describe('sending', () => {
  test('sends a 6-digit code valid 5 minutes, next send after 60 s', async () => {
    const { sms, clock } = setup();
    const result = await sms.send(PHONE);
    if (!result.ok) throw new Error(result.message);
    expect(result.value.expiresAt - clock.now()).toBe(5 * 60 * 1000);
    expect(result.value.resendAt - clock.now()).toBe(60 * 1000);
    expect(sms.lastCode(PHONE)).toMatch(/^\d{6}$/);
    // The demo backend cannot text, so its answer carries the code for the page to show.
    expect(result.value.demoCode).toBe(sms.lastCode(PHONE));
  });

  test.each([
    [0, '000000'],
    [0.123456, '123456'],
    [0.999999999, '999999'],
  ])('random %p gives code %s (leading zeros kept, never 7 digits)', async (r, code) => {
    const { sms } = setup(() => r);
    await sms.send(PHONE);
    expect(sms.lastCode(PHONE)).toBe(code);
  });

  test('a second send within 60 s is rate_limited with the seconds left', async () => {
    const { sms, clock } = setup();
    await sms.send(PHONE);
    clock.advance(15_000);
    const result = await sms.send(PHONE);
    expect(result).toMatchObject({ ok: false, error: 'rate_limited' });
    expect(!result.ok && result.message).toContain('45 秒');
    expect(sms.secondsUntilResend(PHONE)).toBe(45);
  });

  test('after 60 s a new code replaces the old one', async () => {
    const { sms, clock } = setup();
    await sms.send(PHONE);
    const first = sms.lastCode(PHONE);
    clock.advance(60_000);
    expect((await sms.send(PHONE)).ok).toBe(true);
    expect(sms.lastCode(PHONE)).not.toBe(first);
    expect(await sms.verify(PHONE, first ?? '')).toMatchObject({ ok: false, error: 'wrong_code' });
  });

  test('the resend limit is per number and survives a restart', async () => {
    const { sms, again } = setup();
    await sms.send(PHONE);
    expect((await sms.send('13900139000')).ok).toBe(true);
    expect(await again().send('+86 138 0013 8000')).toMatchObject({ ok: false, error: 'rate_limited' });
  });

  test('a network failure sends nothing and does not start the countdown', async () => {
    const { sms } = setup();
    sms.failNext();
    expect(await sms.send(PHONE)).toMatchObject({ ok: false, error: 'network' });
    expect(sms.lastCode(PHONE)).toBeUndefined();
    expect((await sms.send(PHONE)).ok).toBe(true);
  });
});

describe('verifying', () => {
  test('the right code verifies once', async () => {
    const { sms } = setup();
    await sms.send(PHONE);
    const code = sms.lastCode(PHONE) as string;
    expect(await sms.verify(PHONE, code)).toEqual({ ok: true, value: undefined });
    expect(await sms.verify(PHONE, code)).toMatchObject({ ok: false, error: 'no_code' });
  });

  test('full-width digits and spaces in the typed code are accepted', async () => {
    const { sms } = setup(() => 0.123456);
    await sms.send(PHONE);
    expect((await sms.verify(PHONE, ' １２３ ４５６ ')).ok).toBe(true);
  });

  test('without a sent code: no_code', async () => {
    const { sms } = setup();
    const result = await sms.verify(PHONE, '123456');
    expect(result).toMatchObject({ ok: false, error: 'no_code' });
    expect(!result.ok && result.message).toContain('获取验证码');
  });

  test('a wrong code says how many tries are left', async () => {
    const { sms } = setup(() => 0.123456);
    await sms.send(PHONE);
    const result = await sms.verify(PHONE, '654321');
    expect(result).toMatchObject({ ok: false, error: 'wrong_code' });
    expect(!result.ok && result.message).toContain('还可以再试 4 次');
  });

  test('a code of the wrong shape does not use up a try', async () => {
    const { sms } = setup(() => 0.123456);
    await sms.send(PHONE);
    expect(await sms.verify(PHONE, '12')).toMatchObject({ ok: false, error: 'wrong_code' });
    const next = await sms.verify(PHONE, '000000');
    expect(!next.ok && next.message).toContain('还可以再试 4 次');
  });

  test('an expired code is refused even when right', async () => {
    const { sms, clock } = setup();
    await sms.send(PHONE);
    const code = sms.lastCode(PHONE) as string;
    clock.advance(5 * 60 * 1000);
    const result = await sms.verify(PHONE, code);
    expect(result).toMatchObject({ ok: false, error: 'expired' });
    expect(!result.ok && result.message).toContain('重新获取');
  });

  test(`${MAX_ATTEMPTS} wrong tries → too_many_attempts, even the right code is refused until a new one`, async () => {
    const { sms, clock } = setup(() => 0.123456);
    await sms.send(PHONE);
    const errors = [];
    for (let i = 0; i < MAX_ATTEMPTS; i += 1) {
      const r = await sms.verify(PHONE, '000000');
      errors.push(r.ok ? 'ok' : r.error);
    }
    expect(errors).toEqual(['wrong_code', 'wrong_code', 'wrong_code', 'wrong_code', 'too_many_attempts']);
    expect(await sms.verify(PHONE, '123456')).toMatchObject({ ok: false, error: 'too_many_attempts' });
    clock.advance(60_000);
    await sms.send(PHONE);
    expect((await sms.verify(PHONE, '123456')).ok).toBe(true);
  });

  test('attempts are counted in storage, so a restart does not reset them', async () => {
    const { sms, again } = setup(() => 0.123456);
    await sms.send(PHONE);
    for (let i = 0; i < MAX_ATTEMPTS - 1; i += 1) await sms.verify(PHONE, '000000');
    expect(await again().verify(PHONE, '000000')).toMatchObject({ ok: false, error: 'too_many_attempts' });
  });

  test('corrupt stored state reads as no state', async () => {
    globalThis.__wxStorage.plantRaw(SMS_STATE_KEY, '{"13800138000":{"code":5}}');
    const { sms } = setup();
    expect(await sms.verify(PHONE, '123456')).toMatchObject({ ok: false, error: 'no_code' });
    expect((await sms.send(PHONE)).ok).toBe(true);
  });

  test('stale numbers are pruned so the state key stays small', async () => {
    const { sms, clock } = setup();
    for (let i = 0; i < 30; i += 1) {
      await sms.send(`1390013${String(9000 + i)}`);
      clock.advance(60_000);
    }
    const stored = JSON.parse(globalThis.__wxStorage.rawText(SMS_STATE_KEY) ?? '{}');
    expect(Object.keys(stored).length).toBeLessThanOrEqual(6);
  });
});

describe('a code sent a moment ago (a page opened again)', () => {
  test('sentRecently names its resend time and, while usable, the demo code; nothing once the resend time passed', async () => {
    const { sms, clock } = setup();
    expect(sms.sentRecently(PHONE)).toBeNull();
    const sent = await sms.send(PHONE);
    if (!sent.ok) throw new Error(sent.message);
    expect(sms.sentRecently(PHONE)).toEqual({ expiresAt: sent.value.expiresAt, resendAt: sent.value.resendAt, demoCode: sent.value.demoCode });
    clock.advance(60_000);
    expect(sms.sentRecently(PHONE)).toBeNull();
  });

  test('five wrong codes spend the code, and a new one may be sent at once', async () => {
    const { sms } = setup();
    const sent = await sms.send(PHONE);
    if (!sent.ok) throw new Error(sent.message);
    const wrong = sent.value.demoCode === '000000' ? '111111' : '000000';
    for (let i = 0; i < 5; i += 1) await sms.verify(PHONE, wrong);
    expect(sms.secondsUntilResend(PHONE)).toBe(0);
    expect(sms.sentRecently(PHONE)).toBeNull();
    expect((await sms.send(PHONE)).ok).toBe(true);
  });
});
