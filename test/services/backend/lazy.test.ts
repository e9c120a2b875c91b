/**
 * The offline backend is a subpackage fetched on first use; until it arrives the app holds
 * services that wait for it (services/backend/lazy.ts). These rows drive that path the way
 * WeChat would: through the container, with a loader standing in for require.async.
 */
import { offlineBackend } from '../../../miniprogram/backends/offline/index';
import { installServices } from '../../../miniprogram/services/container';
import { BACKEND_UNAVAILABLE, lazyBackend } from '../../../miniprogram/services/backend/lazy';
import type { Backend, OfflineBackendModule, PaymentRequest } from '../../../miniprogram/services/contracts';
import { money } from '../../../miniprogram/core/money';
import { FakeClock, FakeDevice } from '../../support/fakes';

const REQUEST: PaymentRequest = {
  orderId: 'CR20261125100000123456',
  idempotencyKey: 'key-1',
  amount: money(5000, 'CNY'),
  payee: '卡续费',
  description: '中国移动 话费充值 50 元 · 138****8000',
};

beforeEach(() => globalThis.__wxStorage.clearStorageSync());

describe('the container with the backend still to arrive', () => {
  test('nothing is fetched until a service is used; then the calls answer as the backend does', async () => {
    let fetches = 0;
    const load = async (): Promise<OfflineBackendModule> => {
      fetches += 1;
      return offlineBackend;
    };
    const services = installServices({ clock: new FakeClock(), device: new FakeDevice(), loadOfflineBackend: load });
    expect(fetches).toBe(0);
    expect(services.backend()).toBeNull();
    expect(services.sms.sentRecently?.('13800138000')).toBeNull();
    const found = await services.gateway.lookup({ phone: '13800138000' });
    expect(found).toMatchObject({ ok: true, value: { phone: '13800138000', carrier: 'cmcc' } });
    await services.gateway.lookup({ phone: '18600186002' });
    expect(fetches).toBe(1);
    expect(services.backend()).not.toBeNull();
  });

  test('a payment through the waiting service pays once, as the backend itself would', async () => {
    const services = installServices({ clock: new FakeClock(), device: new FakeDevice(), loadOfflineBackend: async () => offlineBackend });
    const outcome = await services.payment.requestPayment(REQUEST);
    expect(outcome.status).toBe('success');
    expect(await services.payment.requestPayment(REQUEST)).toEqual(outcome);
    const status = await services.payment.queryPayment(REQUEST.orderId);
    expect(status).toMatchObject({ ok: true, value: { state: 'paid' } });
  });
});

describe('a backend that cannot be fetched', () => {
  function failing(times: number, real: () => Backend): { backend: ReturnType<typeof lazyBackend>; attempts: () => number } {
    let attempts = 0;
    const backend = lazyBackend(async () => {
      attempts += 1;
      if (attempts <= times) throw new Error('download failed');
      return real();
    });
    return { backend, attempts: () => attempts };
  }

  const real = (): Backend => {
    const services = installServices({ clock: new FakeClock(), device: new FakeDevice(), offlineBackend });
    return services.backend() as Backend;
  };

  test('a lookup rejects (the pages read that as a lost connection); the next call fetches again', async () => {
    const { backend, attempts } = failing(1, real);
    await expect(backend.gateway.lookup({ phone: '13800138000' })).rejects.toThrow('download failed');
    await expect(backend.gateway.lookup({ phone: '13800138000' })).resolves.toMatchObject({ ok: true });
    expect(attempts()).toBe(2);
  });

  test('a payment says plainly that nothing was charged', async () => {
    const { backend } = failing(1, real);
    expect(await backend.payment.requestPayment(REQUEST)).toEqual({ status: 'fail', reason: BACKEND_UNAVAILABLE });
    expect(BACKEND_UNAVAILABLE).toContain('没有扣款');
  });

  test('the container waits on the fetch: require.async missing rejects, never throws at build time', async () => {
    const services = installServices({ clock: new FakeClock(), device: new FakeDevice() });
    await expect(services.gateway.lookup({ phone: '13800138000' })).rejects.toThrow('require.async');
  });
});
