/**
 * The words for each contract error, for a backend that answers without words of its
 * own and for the pages that meet the error before any backend is asked.
 */
import type { GatewayError, PhoneGrantError } from './contracts';

export const LOOKUP_MESSAGES: Record<GatewayError, string> = {
  network: '网络连接失败，请检查网络后重试',
  timeout: '运营商查询超时，请稍后重试',
  not_found: '没有查到这张卡，请核对号码或 ICCID 是否输入正确',
  unsupported: '暂不支持查询这个号码的运营商',
  rejected: '运营商拒绝了查询，请稍后再试或拨打客服电话',
};

export const PHONE_GRANT_MESSAGES: Record<PhoneGrantError, string> = {
  declined: '你没有允许使用微信绑定的手机号。可以在下方手动输入号码，用短信验证码绑定',
  quota: '微信手机号快捷绑定今天的次数已用完，请在下方手动输入号码，用短信验证码绑定',
  invalid_code: '授权已失效，请再点一次“微信手机号一键绑定”',
  network: '网络不太好，没有取到手机号，请重试，或手动输入号码绑定',
};
