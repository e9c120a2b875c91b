/**
 * The voucher picture as a pure list of drawing steps, built from the voucher's own lines
 * (voucher.ts voucherText: order and WeChat Pay numbers, the masked number, times, state),
 * so a test reads the picture's content from the canvas calls, and the page only paints.
 *
 * Layout in CSS pixels (the device pixel ratio is the device service's business): a green
 * band with the title, the amount paid and the product, a dashed rule, then one row per
 * line (label left, value right; a long value wraps under its label), and a footer.
 * Text width is estimated (wide characters one em, others 0.6 em), which is what keeps
 * this pure; the estimate errs wide, so text never runs past the edge.
 */
import type { Order } from '../../../core/types';
import { formatDateTime } from '../../../core/dates';
import { voucherText, voucherView } from '../voucher';

export type DrawStep =
  | { op: 'rect'; x: number; y: number; w: number; h: number; color: string }
  | { op: 'text'; x: number; y: number; text: string; size: number; bold: boolean; color: string; align: 'left' | 'right' | 'center' }
  | { op: 'dash'; x1: number; x2: number; y: number; color: string };

export interface VoucherPicture {
  width: number;
  height: number;
  steps: DrawStep[];
}

export const PICTURE_WIDTH = 345;
const PAD = 20;
const ROW_SIZE = 13;
const ROW_GAP = 10;
const LABEL_WIDTH = 84;
const COLOURS = { brand: '#07c160', onBrand: '#ffffff', paper: '#ffffff', text: '#191919', muted: '#666666', rule: '#d6d6d6' } as const;

/** Estimated width of text at a font size: wide (CJK, full-width) characters one em, others 0.6 em. */
export function textWidth(text: string, size: number): number {
  let em = 0;
  for (const ch of Array.from(text)) em += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 1 : 0.6;
  return em * size;
}

/** Text broken into lines no wider than maxWidth (at character boundaries: Chinese has no spaces to break at). */
export function wrap(text: string, size: number, maxWidth: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const ch of Array.from(text)) {
    if (line !== '' && textWidth(line + ch, size) > maxWidth) {
      lines.push(line);
      line = '';
    }
    line += ch;
  }
  if (line !== '' || lines.length === 0) lines.push(line);
  return lines;
}

/** The lines the picture shows: the voucher's own (下单方式 and 归属地 included). */
export function pictureLines(order: Order): { label: string; value: string }[] {
  return voucherText(order).map(({ label, value }) => ({ label, value }));
}

export function voucherPicture(order: Order, madeAt: number): VoucherPicture {
  const view = voucherView(order);
  const width = PICTURE_WIDTH;
  const steps: DrawStep[] = [];
  const text = (x: number, y: number, value: string, size: number, color: string, align: 'left' | 'right' | 'center' = 'left', bold = false) =>
    steps.push({ op: 'text', x, y, text: value, size, bold, color, align });

  // The paper first (a picture must read the same in dark mode), then the band.
  steps.push({ op: 'rect', x: 0, y: 0, w: width, h: 0, color: COLOURS.paper });
  steps.push({ op: 'rect', x: 0, y: 0, w: width, h: 56, color: COLOURS.brand });
  text(width / 2, 24, '充值凭证', 18, COLOURS.onBrand, 'center', true);
  text(width / 2, 44, '卡续费（演示商户）', 12, COLOURS.onBrand, 'center');

  let y = 96;
  text(width / 2, y, view.paid, 30, COLOURS.text, 'center', true);
  y += 26;
  for (const line of wrap(view.title, 14, width - PAD * 2)) {
    text(width / 2, y, line, 14, COLOURS.muted, 'center');
    y += 20;
  }
  text(width / 2, y, view.state, 14, COLOURS.brand, 'center', true);
  y += 22;
  steps.push({ op: 'dash', x1: PAD, x2: width - PAD, y, color: COLOURS.rule });
  y += 24;

  const valueWidth = width - PAD * 2 - LABEL_WIDTH;
  for (const { label, value } of pictureLines(order)) {
    text(PAD, y, label, ROW_SIZE, COLOURS.muted);
    const pieces = wrap(value, ROW_SIZE, valueWidth);
    pieces.forEach((piece, i) => text(width - PAD, y + i * (ROW_SIZE + 5), piece, ROW_SIZE, COLOURS.text, 'right'));
    y += pieces.length * (ROW_SIZE + 5) + ROW_GAP;
  }

  y += 6;
  steps.push({ op: 'dash', x1: PAD, x2: width - PAD, y, color: COLOURS.rule });
  y += 22;
  text(width / 2, y, '凭订单号和微信支付单号可向客服或运营商核对', 11, COLOURS.muted, 'center');
  y += 18;
  text(width / 2, y, `图片生成于 ${formatDateTime(madeAt)}`, 11, COLOURS.muted, 'center');
  const height = Math.ceil(y + PAD);
  (steps[0] as { h: number }).h = height;
  return { width, height, steps };
}
