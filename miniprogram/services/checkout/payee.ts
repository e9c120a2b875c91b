/** Shown on the payment sheet as 商户名称, and on the 委托代扣 page as the party the user signs with. */
export const PAYEE_NAME = '卡续费（演示商户）';
