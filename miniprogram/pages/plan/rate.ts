/**
 * The peso-to-yuan rate behind the plan's yuan figures: the carrier gateway's quote, the
 * same one packages and confirm convert at (services/cards/card-lookup.ts rateFor, reused
 * while it is fresh). No quote, no yuan: the page then shows Smart's cost in pesos alone
 * and says why, rather than convert at a rate nobody quoted.
 */
import type { ExchangeRate } from '../../core/exchange';
import { formatChinaTime } from '../../core/dates';
import { rateFor, type RenewalLookupDeps } from '../../services/cards/card-lookup';

export interface PlanRate {
  rate: ExchangeRate | null;
  /** Where the rate comes from, for the page's footnote: 10:00 运营商报价. */
  source: string;
}

export async function planRate(deps: RenewalLookupDeps): Promise<PlanRate> {
  try {
    const quoted = await rateFor(deps);
    return quoted.ok ? { rate: quoted.value.rate, source: `${formatChinaTime(quoted.value.quotedAt)} 运营商报价` } : { rate: null, source: '' };
  } catch {
    return { rate: null, source: '' };
  }
}
