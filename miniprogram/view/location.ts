/** 归属地 as the user reads it beside the carrier: 广东 深圳 · 中国移动, 菲律宾 · Smart. */
import type { CarrierId, NumberLocation } from '../core/types';
import { carrierName, isCarrierId } from '../core/carriers';

export const UNKNOWN_LOCATION = '归属地未知';

/** 广东 深圳, 北京 (a municipality is named once), 菲律宾; 归属地未知 when not placed or not answered. */
export function locationText(location: NumberLocation | null | undefined): string {
  if (!location || typeof location !== 'object') return UNKNOWN_LOCATION;
  if (location.country === 'PH') return '菲律宾';
  const province = typeof location.province === 'string' ? location.province : '';
  const city = typeof location.city === 'string' && location.city !== province ? location.city : '';
  return province ? `${province}${city ? ` ${city}` : ''}` : UNKNOWN_LOCATION;
}

/** The place and the carrier on one line. */
export function locationLine(location: NumberLocation | null | undefined, carrier: CarrierId): string {
  return isCarrierId(carrier) ? `${locationText(location)} · ${carrierName(carrier)}` : locationText(location);
}
