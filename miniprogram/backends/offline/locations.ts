/**
 * 归属地 for the offline carrier. A real gateway answers where a number was issued from
 * the carriers' segment tables (号段, the first seven digits); the offline backend has
 * no such table, so it spreads each seven-digit prefix over real provinces and cities
 * by a stable hash. The places are real, the pairing with a prefix is demo data. Some
 * prefixes stay unplaced on purpose, so the app's 归属地未知 is seen and never replaced by
 * a guess. Philippine numbers have no provinces in this sense: their place is 菲律宾.
 *
 * Small on purpose: it ships in the main package.
 */
import type { NumberLocation, Region } from '../../core/types';
import { pick } from './hash';

/** Province:city,city|...; a municipality is its own only city. */
const PLACES =
  '北京:北京|天津:天津|上海:上海|重庆:重庆|河北:石家庄,保定|山西:太原|内蒙古:呼和浩特|辽宁:沈阳,大连|吉林:长春|黑龙江:哈尔滨|江苏:南京,苏州|浙江:杭州,宁波|' +
  '安徽:合肥|福建:福州,厦门|江西:南昌|山东:济南,青岛|河南:郑州|湖北:武汉|湖南:长沙|广东:广州,深圳,东莞|广西:南宁|海南:海口|四川:成都|贵州:贵阳|云南:昆明|' +
  '西藏:拉萨|陕西:西安|甘肃:兰州|青海:西宁|宁夏:银川|新疆:乌鲁木齐';

const CITIES: [string, string][] = PLACES.split('|').flatMap((entry) => {
  const [province, cities] = entry.split(':');
  return cities.split(',').map((city): [string, string] => [province, city]);
});

/** About one prefix in sixteen is left unplaced. */
const UNPLACED_SLOTS = 3;

/** Demo numbers with a place the README can name (null: 归属地未知). */
const PINNED: Record<string, [string, string] | null> = {
  '1380013': ['北京', '北京'],
  '1860018': ['广东', '深圳'],
  '1660016': null,
};

/** Every province and city this backend can answer (tests check the table). */
export const KNOWN_PLACES: readonly (readonly [string, string])[] = CITIES;

/** Where a valid national number belongs, or null when this backend cannot place it. */
export function locationOf(national: string, region: Region): NumberLocation | null {
  if (region === 'PH') return { country: 'PH', province: '', city: '' };
  const prefix = national.slice(0, 7);
  const place = prefix in PINNED ? PINNED[prefix] : CITIES[pick(prefix, 'location', CITIES.length + UNPLACED_SLOTS)];
  return place ? { country: 'CN', province: place[0], city: place[1] } : null;
}
