/**
 * The offline demo backend in one piece: the carrier gateway, WeChat Pay with its 委托代扣
 * contracts, the phone-number grant, SMS and invoicing, standing in for servers. It is a
 * subpackage of its own (app.json): services/container.ts fetches this module on first use
 * with require.async, and tests and the preview hand it over directly.
 */
import type { Backend, OfflineBackendDeps, OfflineBackendModule } from '../../services/contracts';
import { MockAccountService } from './account';
import { MockCarrierGateway } from './gateway';
import { MockInvoicing } from './invoicing';
import { MockPapay } from './papay';
import { MockSmsService } from './sms';
import { MockWeChatPay } from './wechat-pay';

export function createOfflineBackend(deps: OfflineBackendDeps): Backend {
  const { clock, storage, random, paymentSheet, onLookup } = deps;
  const papay = new MockPapay({ clock, storage, random });
  return {
    gateway: new MockCarrierGateway({ clock, storage, onLookup }),
    papay,
    payment: new MockWeChatPay({ clock, storage, sheet: paymentSheet, random, contracts: papay }),
    account: new MockAccountService({ clock }),
    sms: new MockSmsService({ clock, storage, random }),
    invoicing: new MockInvoicing({ clock, storage, random }),
  };
}

export const offlineBackend: OfflineBackendModule = { createOfflineBackend };
