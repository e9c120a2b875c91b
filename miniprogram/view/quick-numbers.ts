/**
 * The numbers offered for a quick pick on 充值: the bound ones first (with their 备注名),
 * then the ones looked up lately, each with its carrier and 归属地. Masked for the view;
 * the page keeps the numbers themselves.
 */
import type { BoundCard, RecentNumber } from '../core/types';
import { maskPhone } from '../core/phone';
import { cardTitle } from './card-tile';
import { locationLine } from './location';

export interface QuickRow {
  /** Position in the list: a stable wx:key even when two numbers mask alike. */
  key: string;
  masked: string;
  /** The 备注名, else 移动手机卡; '' for a number only looked up. */
  title: string;
  /** 北京 · 中国移动, 归属地未知 · 中国联通, 菲律宾 · Smart */
  place: string;
  /** Bound numbers are removed by unbinding, not from this list. */
  bound: boolean;
}

export function quickRows(bound: readonly BoundCard[], recent: readonly RecentNumber[]): QuickRow[] {
  const rows: QuickRow[] = bound.map((card, i) => ({
    key: `b${i}`,
    masked: maskPhone(card.phone),
    title: cardTitle(card),
    place: locationLine(card.lastKnown?.location, card.carrier),
    bound: true,
  }));
  const boundPhones = new Set(bound.map((card) => card.phone));
  recent
    .filter((entry) => !boundPhones.has(entry.phone))
    .forEach((entry, i) => rows.push({ key: `r${i}`, masked: maskPhone(entry.phone), title: '', place: locationLine(entry.location, entry.carrier), bound: false }));
  return rows;
}
