/**
 * The money path's module as the main package fetches it (require.async from
 * services/checkout/lazy-checkout.ts): it downloads with the confirm subpackage, which 充值
 * preloads, so the code that pays and settles orders does not weigh on the main package.
 */
import type { Checkout, CheckoutDeps, CheckoutEngineModule } from '../../../services/contracts';
import { CheckoutService } from './checkout';

export const checkoutEngine: CheckoutEngineModule = {
  createCheckout(deps: CheckoutDeps): Checkout {
    return new CheckoutService(deps);
  },
};
