/**
 * The card page's 自动充值 row: what it says (auto-topup-status.ts, from the rules and
 * executions the autotopup subpackage stores) and the tap that opens that subpackage.
 * Ready to spread into the page's Component methods (`methods: { ...autoTopupMethods }`).
 */
import { services } from '../../services/container';
import { AUTO_TOPUP_EXECUTIONS_KEY, AUTO_TOPUP_RULES_KEY } from '../../services/contracts';
import { autoTopupStatus, type AutoTopupStatus } from './auto-topup-status';

interface Host {
  /** The page's: the number it was opened for. */
  cardPhone(): string;
}

export const autoTopupMethods = {
  /** The 自动充值 row: on, paused, or the last failure and its reason (told once as a toast, kept here). */
  autoTopupStatus(this: Host, phone: string): AutoTopupStatus {
    const { storage } = services();
    return autoTopupStatus(phone, storage.get(AUTO_TOPUP_RULES_KEY), storage.get(AUTO_TOPUP_EXECUTIONS_KEY));
  },

  onAutoTopup(this: Host) {
    const phone = this.cardPhone();
    if (phone) services().navigator.open('autotopup', { phone });
  },
};
