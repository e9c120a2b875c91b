/**
 * The scam warning's shared words. The help page tells the whole story around them
 * (pages/help/scam.ts: the signs, what to do, whom to call); confirm says them short right
 * before paying, and 充值 among its first tips, where the user chooses how to top up.
 */
import type { CarrierId } from '../core/types';
import { CARRIERS, isCarrierId } from '../core/carriers';

export const SCAM_TITLE = '谨防充值诈骗';

export const SCAM_LEAD = '价格远低于面值、承诺“几天内到账”的充值，和替陌生人充值，都是骗子常用的套路。';

/** The short warning beside the pay button: the lead, and whom to call for this card's carrier. */
export function scamBrief(carrier: CarrierId | undefined): { title: string; lead: string; act: string } {
  const hotline = carrier && isCarrierId(carrier) ? `${CARRIERS[carrier].shortName} ${CARRIERS[carrier].hotline}` : '运营商客服';
  return { title: SCAM_TITLE, lead: SCAM_LEAD, act: `如果已经上当：先打 ${hotline} 冻结或核实号码，再打 12300 投诉；被骗了钱请拨 110 报警。` };
}
