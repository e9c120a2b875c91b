/**
 * What 长辈模式 changes on every page. WXSS type sizes are in rem, so the root font size
 * set through <page-meta root-font-size> scales all of them: the system's size as the
 * user set it in WeChat, or in care mode 1.6 times the standard 16 px (body text then
 * comes to about 24 px, close to WeChat's own care mode).
 */
export const CARE_SCALE = 1.6;
export const STANDARD_ROOT_PX = 16;

export interface CareLook {
  /** Turns on the `.care` rules (styles/care.wxss) and the care-only wording in WXML. */
  care: boolean;
  /** For <page-meta root-font-size>: 'system' follows WeChat's font size setting. */
  fontRoot: string;
}

export function careLook(on: boolean): CareLook {
  return { care: on, fontRoot: on ? `${STANDARD_ROOT_PX * CARE_SCALE}px` : 'system' };
}
