/** What the getPhoneNumber button's event means when it carries no code. */

/** WeChat's errno when the mini-program's paid phone-number quota is used up. */
export const QUOTA_ERRNO = 1400001;

export type GrantRefusal = 'quota' | 'privacy' | 'declined';

export interface PhoneButtonDetail {
  code?: string;
  errMsg?: string;
  errno?: number;
}

/** Why the button gave no code: the quota, the privacy agreement, or the user said no. */
export function refusalOf(detail: PhoneButtonDetail): GrantRefusal {
  if (detail.errno === QUOTA_ERRNO) return 'quota';
  if (/privacy/i.test(detail.errMsg ?? '')) return 'privacy';
  return 'declined';
}
