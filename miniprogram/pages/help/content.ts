/**
 * The help page's text: what the carriers' own guides tell prepaid users, said plainly.
 * Hotline numbers come from core/carriers so they are written in one place only.
 */
import { CARRIERS, CARRIER_IDS } from '../../core/carriers';

export interface HotlineButton {
  label: string;
  /** What is dialled: digits only (and a leading + or *), no spaces. */
  dial: string;
}

export interface HotlineCard {
  carrier: string;
  color: string;
  note: string;
  buttons: HotlineButton[];
}

export interface HelpSection {
  title: string;
  items: string[];
}

const NOTES: Record<string, string> = {
  cmcc: '话费、套餐、停机复机、保号套餐办理',
  cucc: '话费、套餐、停机复机、保号套餐办理',
  ctcc: '话费、套餐、停机复机、保号套餐办理',
  cbn: '广电 192 号段的话费和套餐',
  smart: 'Smart / TNT 手机拨 *888；在国内或用其他电话拨打国际号码',
};

function dialable(number: string): string {
  return number.replace(/\s+/g, '');
}

export const HOTLINES: HotlineCard[] = CARRIER_IDS.map((id) => {
  const info = CARRIERS[id];
  const buttons: HotlineButton[] = [{ label: `拨打 ${info.hotline}`, dial: dialable(info.hotline) }];
  if (info.hotlineAlt) buttons.push({ label: `拨打 ${info.hotlineAlt}`, dial: dialable(info.hotlineAlt) });
  return { carrier: info.name, color: info.color, note: NOTES[id], buttons };
});

export const HELP_SECTIONS: HelpSection[] = [
  {
    // The carriers cannot see this mini-program's order numbers: money questions come here first (walk 14).
    title: '本小程序客服：扣款、到账、退款、发票',
    items: [
      '先在「记录」里打开这笔订单的凭证，复制订单号和微信支付单号。',
      '点下方「联系客服」，把订单号发给我们：扣了款没到账、退款没收到、要开发票，都由我们处理。运营商查不到本小程序的订单号。',
      '显示“结果待确认”的订单，我们会自动向微信支付核对，通常几分钟内有结果；核对前请不要重复付款。',
      '充值失败会原路退款，一般 1–3 个工作日到账；超过 3 个工作日还没收到，请联系客服。',
      '对处理结果不满意，可以向运营商客服投诉，仍未解决可向工信部电信用户申诉受理中心（12300）申诉。',
    ],
  },
  {
    title: '去营业厅办理',
    items: [
      '带上机主本人的身份证原件；复印件、照片都不行。',
      '给爸妈的卡办业务：最好机主本人去；代办时请带上机主和代办人两个人的身份证原件。',
      '充值或交费后可以向营业员要发票，报销或对账都用得上。',
      '很多营业厅有自助终端，可以自己充值、打印发票，不用排队。',
      '停机、销号、补卡、改套餐这类业务，营业厅办理最稳妥。',
    ],
  },
  {
    title: '付款前后的安全提醒',
    items: [
      '付款前再核对一遍号码，尤其是给别人充值时，充错号码很难追回。',
      '不要重复付款：如果没看到结果，先去“记录”里看看；结果不明的订单会自动核对，不用再付一次。',
      '只用运营商官方渠道或可信的小程序充值，不要把钱转给个人。',
      '保留好每笔充值的凭证，出了问题可以凭订单号找客服。',
      '运营商工作人员不会向你索要短信验证码，谁要都不要给。',
      '收到“号码即将停机，请点链接处理”之类的短信，不要点链接，直接打官方客服电话核实。',
      '“低价代充”“打折话费”多是骗局，付了钱往往收不到话费。',
    ],
  },
  {
    title: 'Smart（菲律宾）号码',
    items: [
      '余额用完后，号码还能保留 120 天；120 天内不充值（load），号码会被收回。',
      '不同面额的充值有效期不同，请在 120 天期限结束前充值。',
      '人在国内时，可以拨打 +63 2 8888 1111 联系 Smart 客服（按国际长途计费）。',
    ],
  },
];
