/**
 * The backend's services before the backend has arrived. Every call of a backend contract
 * is asynchronous, so each service here waits for the backend to load, then calls it: the
 * pages see the contracts and nothing else. Until it has loaded, the one synchronous aid
 * (SmsService.sentRecently) answers "nothing known".
 *
 * A backend that cannot be fetched (no network on first use) rejects each call; the callers
 * already treat a rejection as a lost connection. A payment is the exception: nothing was
 * asked of WeChat Pay, so it answers a plain failure that says nothing was charged.
 */
import type {
  AccountService,
  Backend,
  CarrierGateway,
  InvoicingService,
  PapayService,
  PaymentOutcome,
  PaymentService,
  SmsService,
} from '../contracts';

export const BACKEND_UNAVAILABLE = '演示服务没有加载成功，本次没有发起支付、没有扣款，请检查网络后重试';

export interface LazyBackend extends Backend {
  /** The loaded backend, or null until it has arrived. */
  loaded(): Backend | null;
}

export function lazyBackend(load: () => Promise<Backend>): LazyBackend {
  let ready: Promise<Backend> | null = null;
  let backend: Backend | null = null;
  const get = (): Promise<Backend> => {
    if (!ready) {
      ready = load().then((b) => (backend = b));
      // A failed fetch is tried again on the next call, not remembered as final.
      ready.catch(() => (ready = null));
    }
    return ready;
  };

  const gateway: CarrierGateway = {
    lookup: (query) => get().then((b) => b.gateway.lookup(query)),
    exchangeRate: () => get().then((b) => b.gateway.exchangeRate()),
    topUp: (order) => get().then((b) => b.gateway.topUp(order)),
    topUpStatus: (orderId) => get().then((b) => b.gateway.topUpStatus(orderId)),
  };
  const payment: PaymentService = {
    requestPayment: (request) =>
      get().then(
        (b) => b.payment.requestPayment(request),
        (): PaymentOutcome => ({ status: 'fail', reason: BACKEND_UNAVAILABLE }),
      ),
    queryPayment: (orderId) => get().then((b) => b.payment.queryPayment(orderId)),
  };
  const papay: PapayService = {
    sign: (request) => get().then((b) => b.papay.sign(request)),
    terminate: (contractId, reason) => get().then((b) => b.papay.terminate(contractId, reason)),
    query: (contractId) => get().then((b) => b.papay.query(contractId)),
  };
  const account: AccountService = {
    exchangePhoneCode: (code) => get().then((b) => b.account.exchangePhoneCode(code)),
  };
  const sms: SmsService = {
    send: (phone) => get().then((b) => b.sms.send(phone)),
    verify: (phone, code) => get().then((b) => b.sms.verify(phone, code)),
    sentRecently: (phone) => backend?.sms.sentRecently?.(phone) ?? null,
  };
  const invoicing: InvoicingService = {
    request: (application) => get().then((b) => b.invoicing.request(application)),
    status: (applyId) => get().then((b) => b.invoicing.status(applyId)),
    resend: (applyId, email) => get().then((b) => b.invoicing.resend(applyId, email)),
  };
  return { gateway, payment, papay, account, sms, invoicing, loaded: () => backend };
}
