/** @jest-environment node */
/** The two helpers the theme rests on: WCAG contrast, and the palette PNG writer. */
import zlib from 'zlib';
import { contrastRatio, relativeLuminance } from '../support/contrast';
import { crc32, encodeIndexedPng, readPngHeader } from '../../scripts/assets/png';

describe('contrastRatio (WCAG 2.x)', () => {
  test.each([
    ['#000000', '#ffffff', 21],
    ['#fff', '#fff', 1],
    ['#777777', '#ffffff', 4.48],
    ['#07c160', '#ffffff', 2.38],
    ['#191919', '#ededed', 15.02],
  ])('%s on %s ≈ %s:1', (a, b, expected) => {
    expect(contrastRatio(a, b)).toBeCloseTo(expected, 1);
    expect(contrastRatio(b, a)).toBeCloseTo(expected, 1);
  });

  test.each(['', 'red', '#12', '#1234567', 'rgb(0,0,0)'])('answers NaN for %j, never a passing ratio', (bad) => {
    expect(relativeLuminance(bad)).toBeNaN();
    expect(contrastRatio(bad, '#ffffff') >= 4.5).toBe(false);
  });
});

/** Minimal reader for what encodeIndexedPng writes: palette, transparency and pixels back as RGBA. */
function decode(png: Buffer): { width: number; height: number; rgba: number[] } {
  const header = readPngHeader(png)!;
  let offset = 8;
  const chunks: Record<string, Buffer[]> = {};
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.subarray(offset + 4, offset + 8).toString('ascii');
    const data = png.subarray(offset + 8, offset + 8 + length);
    expect(png.readUInt32BE(offset + 8 + length)).toBe(crc32(png.subarray(offset + 4, offset + 8 + length)));
    (chunks[type] ??= []).push(data);
    offset += 12 + length;
  }
  const plte = chunks.PLTE[0];
  const trns = chunks.tRNS[0];
  const rows = zlib.inflateSync(Buffer.concat(chunks.IDAT));
  const rgba: number[] = [];
  for (let y = 0; y < header.height; y += 1) {
    expect(rows[y * (header.width + 1)]).toBe(0);
    for (let x = 0; x < header.width; x += 1) {
      const i = rows[y * (header.width + 1) + 1 + x];
      rgba.push(plte[i * 3], plte[i * 3 + 1], plte[i * 3 + 2], i < trns.length ? trns[i] : 255);
    }
  }
  return { width: header.width, height: header.height, rgba };
}

describe('encodeIndexedPng', () => {
  test('round-trips a picture of a few colours and transparency', () => {
    const pixels = [
      [7, 193, 96, 255],
      [0, 0, 0, 0],
      [102, 102, 102, 136],
      [255, 255, 255, 255],
      [7, 193, 96, 255],
      [102, 102, 102, 136],
    ];
    const png = encodeIndexedPng(3, 2, Uint8Array.from(pixels.flat()));
    expect(readPngHeader(png)).toEqual({ width: 3, height: 2, bitDepth: 8, colourType: 3 });
    const back = decode(png);
    expect(back.rgba).toEqual(pixels.flat());
  });

  test('rejects pixel data of the wrong length', () => {
    expect(() => encodeIndexedPng(2, 2, new Uint8Array(15))).toThrow(/expected 16 bytes/);
  });

  test('readPngHeader answers null for what is not a PNG', () => {
    expect(readPngHeader(Buffer.from('GIF89a not a png at all, not at all'))).toBeNull();
    expect(readPngHeader(Buffer.alloc(0))).toBeNull();
  });
});
