/**
 * The scam warning: what the carriers and the police warn prepaid users about, and what
 * to do once it has happened. Its title and lead are view/scam-words.ts's, which 充值 and
 * confirm say too; the hotlines come from core/carriers.
 * Sources: carriers' and police warnings on "慢充" (discounted top-ups paid with
 * defrauded money, after which the number may be frozen) and on look-alike senders;
 * MIIT's telecom complaint line is 12300.
 */
import { CARRIERS, carriersOf } from '../../core/carriers';
import { SCAM_LEAD, SCAM_TITLE } from '../../view/scam-words';
import type { HotlineButton } from './content';

export interface ScamWarning {
  title: string;
  lead: string;
  signs: string[];
  /** What to do if it happened, in order. */
  steps: string[];
  buttons: HotlineButton[];
}

const MAINLAND_HOTLINES = carriersOf('CN')
  .map((info) => `${info.shortName} ${info.hotline}`)
  .join('、');

export const SCAM_WARNING: ScamWarning = {
  title: SCAM_TITLE,
  lead: SCAM_LEAD,
  signs: [
    '“慢充”“低价代充”：比如付 80 元得 100 元话费、3 到 15 天到账。这类充值常用诈骗来的钱付款，你付了钱可能收不到话费，号码还可能因涉诈被冻结。',
    '替陌生人充值、“帮忙代付”：骗子借你的手转移赃款。充到别人号码上的话费，只有对方同意才能退回。',
    '冒充运营商的短信：发件人像 “L0086”“1O086” 这样似是而非，不要点里面的链接，也不要把验证码告诉任何人。',
  ],
  steps: [
    `先打运营商客服说明情况、冻结或核实号码：${MAINLAND_HOTLINES}；菲律宾 Smart 拨 ${CARRIERS.smart.hotline}。`,
    '向工信部电信用户申诉受理中心投诉：12300。',
    '被骗了钱，请立即拨打 110 报警，并保留付款截图、订单号和聊天记录。',
  ],
  buttons: [
    { label: '拨打 110 报警', dial: '110' },
    { label: '拨打 12300 投诉', dial: '12300' },
  ],
};
