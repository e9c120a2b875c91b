/**
 * The points of the 委托代扣 (automatic deduction) agreement shown on the signing page, in
 * plain words. Written for this demo from what such agreements cover (who may deduct,
 * limits, notice, how to end it); not WeChat Pay's own text.
 */
export const AGREEMENT_TITLE = '《委托代扣服务协议》';

export const AGREEMENT_POINTS: readonly string[] = [
  '你授权「卡续费」在满足你设定的规则时，通过微信支付从你的零钱或银行卡自动扣款，用于为指定号码充值话费，不需要每次输入密码。',
  '每次扣款不超过你设定的单次金额，每个自然月合计不超过你设定的上限；超过上限的当月不再扣款。',
  '每次扣款后，微信支付会发送扣款通知；小程序的记录里会有这笔订单，并标注「自动充值」。',
  '充值失败的订单会原路退款；连续 3 次失败，自动充值会自动暂停，直到你重新开启。',
  '你可以随时在小程序里暂停或取消；取消即解除本协议。也可以在 微信 → 我 → 服务 → 钱包 → 支付设置 → 自动续费 中关闭。',
];
