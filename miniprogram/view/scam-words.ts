/**
 * The scam warning's words, kept once for the two pages that say them: the help page
 * tells the whole story (pages/help/scam.ts), the confirm page the short version right
 * before paying. Sources: carriers' and police warnings on "慢充" (discounted top-ups paid
 * with defrauded money, after which the number may be frozen) and on look-alike senders;
 * MIIT's telecom complaint line is 12300.
 */
import type { CarrierId } from '../core/types';
import { CARRIERS, isCarrierId } from '../core/carriers';

export const SCAM_TITLE = '谨防充值诈骗';

export const SCAM_LEAD = '价格远低于面值、承诺“几天内到账”的充值，和替陌生人充值，都是骗子常用的套路。';

export const SLOW_TOPUP_SIGN =
  '“慢充”“低价代充”：比如付 80 元得 100 元话费、3 到 15 天到账。这类充值常用诈骗来的钱付款，你付了钱可能收不到话费，号码还可能因涉诈被冻结。';

export const STRANGER_SIGN = '替陌生人充值、“帮忙代付”：骗子借你的手转移赃款。充到别人号码上的话费，只有对方同意才能退回。';

export const SPOOF_SIGN = '冒充运营商的短信：发件人像 “L0086”“1O086” 这样似是而非，不要点里面的链接，也不要把验证码告诉任何人。';

export const COMPLAINT_STEP = '向工信部电信用户申诉受理中心投诉：12300。';

export const POLICE_STEP = '被骗了钱，请立即拨打 110 报警，并保留付款截图、订单号和聊天记录。';

/** The short warning beside the pay button: the lead, and whom to call for this card's carrier. */
export function scamBrief(carrier: CarrierId | undefined): { title: string; lead: string; act: string } {
  const hotline = carrier && isCarrierId(carrier) ? `${CARRIERS[carrier].shortName} ${CARRIERS[carrier].hotline}` : '运营商客服';
  return { title: SCAM_TITLE, lead: SCAM_LEAD, act: `如果已经上当：先打 ${hotline} 冻结或核实号码，再打 12300 投诉；被骗了钱请拨 110 报警。` };
}
