/**
 * The peso-to-yuan rate behind the plan's yuan figures. For now a fixed demo rate: the
 * carrier gateway is gaining an exchange-rate quote (CarrierGateway, issue 12), and once
 * it has one this function asks it instead; the page and the rules stay as they are.
 */
import { exchangeRate, type ExchangeRate } from '../../core/exchange';
import type { CarrierGateway } from '../../services/contracts';

export interface PlanRate {
  rate: ExchangeRate | null;
  /** Where the rate comes from, for the page's footnote. */
  source: string;
}

/** ₱100 = ¥12.35: close to recent market rates, and labelled as a demo figure on the page. */
const DEMO_RATE = exchangeRate(1235, 10000);

export async function planRate(_gateway: CarrierGateway): Promise<PlanRate> {
  return { rate: DEMO_RATE.ok ? DEMO_RATE.value : null, source: '演示汇率' };
}
