/**
 * Where the page that pays (confirm) attaches its pay sheet while it is on screen. The
 * offline WeChat Pay presents its sheet through here; WeChat's real one raises its own.
 * Kept in the main package: the page attaches at once, before any backend has loaded.
 */
import type { PaymentSheetHost, PaymentSheetSlot } from '../contracts';

export function createPaymentSheetSlot(): PaymentSheetSlot {
  const hosts: PaymentSheetHost[] = [];
  return {
    attach(host) {
      hosts.push(host);
      return () => {
        const at = hosts.lastIndexOf(host);
        if (at >= 0) hosts.splice(at, 1);
      };
    },
    current() {
      return hosts.length ? hosts[hosts.length - 1] : null;
    },
  };
}
