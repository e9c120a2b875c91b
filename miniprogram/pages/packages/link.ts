/**
 * The card a packages link names (lookup's 立即续费 and the home page open it with a
 * number; an older link may carry an ICCID), read as if typed. Pure.
 */
import { parseIccid } from '../../core/iccid';
import { parsePhone } from '../../core/phone';
import type { CardQuery } from '../../services/contracts';

/** The card a page link names, validated as if typed; null when the link is broken. */
export function cardQueryOf(query: Record<string, string>): CardQuery | null {
  if (query.phone) {
    const phone = parsePhone(query.phone);
    return phone.ok ? { phone: phone.value.national } : null;
  }
  if (query.iccid) {
    const iccid = parseIccid(query.iccid);
    return iccid.ok ? { iccid: iccid.value.value } : null;
  }
  return null;
}
