/**
 * A small PNG writer for the mini-program's pictures: RGBA pixels in, an indexed PNG
 * (8-bit palette with per-entry transparency) out. Line icons and flat illustrations have
 * few colours, so a palette image is a fraction of the size of the 32-bit PNG a browser
 * screenshot gives, and the main package budget is tight.
 */
const zlib = require('zlib');

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n += 1) {
    let c = n;
    for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** Nearest palette entry, alpha weighted like a colour channel. */
function nearest(palette, r, g, b, a) {
  let best = 0;
  let bestDistance = Infinity;
  for (let i = 0; i < palette.length; i += 1) {
    const p = palette[i];
    const d = (p[0] - r) ** 2 + (p[1] - g) ** 2 + (p[2] - b) ** 2 + 2 * (p[3] - a) ** 2;
    if (d < bestDistance) {
      bestDistance = d;
      best = i;
      if (d === 0) break;
    }
  }
  return best;
}

/**
 * Up to 256 colours: fully transparent first, then the most frequent colours after
 * rounding each channel to 16 levels, each entry the mean of the exact colours it stands
 * for (so a flat colour keeps its exact value); every pixel takes its nearest entry.
 */
function quantize(rgba) {
  const buckets = new Map();
  for (let i = 0; i < rgba.length; i += 4) {
    if (rgba[i + 3] < 8) continue;
    const key = [0, 1, 2, 3].map((c) => Math.round(rgba[i + c] / 17)).join(',');
    let bucket = buckets.get(key);
    if (!bucket) buckets.set(key, (bucket = { count: 0, sum: [0, 0, 0, 0] }));
    bucket.count += 1;
    for (let c = 0; c < 4; c += 1) bucket.sum[c] += rgba[i + c];
  }
  const palette = [[0, 0, 0, 0]];
  const ranked = [...buckets.values()].sort((x, y) => y.count - x.count).slice(0, 255);
  for (const { count, sum } of ranked) palette.push(sum.map((v) => Math.round(v / count)));
  const indices = new Uint8Array(rgba.length / 4);
  const memo = new Map();
  for (let i = 0; i < rgba.length; i += 4) {
    const [r, g, b, a] = [rgba[i], rgba[i + 1], rgba[i + 2], rgba[i + 3]];
    if (a < 8) continue;
    const key = (r << 24) ^ (g << 16) ^ (b << 8) ^ a;
    let index = memo.get(key);
    if (index === undefined) {
      index = nearest(palette, r, g, b, a);
      memo.set(key, index);
    }
    indices[i / 4] = index;
  }
  return { palette, indices };
}

/**
 * @param {number} width
 * @param {number} height
 * @param {Uint8Array | Buffer} rgba width × height × 4 bytes, not premultiplied
 * @returns {Buffer} the PNG file
 */
function encodeIndexedPng(width, height, rgba) {
  if (rgba.length !== width * height * 4) throw new Error(`expected ${width * height * 4} bytes of RGBA, got ${rgba.length}`);
  const { palette, indices } = quantize(rgba);
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 3; // colour type: indexed
  const plte = Buffer.from(palette.flatMap((p) => p.slice(0, 3)));
  // tRNS may stop at the last entry that is not opaque.
  let lastTranslucent = 0;
  palette.forEach((p, i) => {
    if (p[3] < 255) lastTranslucent = i;
  });
  const trns = Buffer.from(palette.slice(0, lastTranslucent + 1).map((p) => p[3]));
  const rows = Buffer.alloc((width + 1) * height);
  for (let y = 0; y < height; y += 1) {
    rows[y * (width + 1)] = 0; // filter: none (best for palette images)
    rows.set(indices.subarray(y * width, (y + 1) * width), y * (width + 1) + 1);
  }
  const idat = zlib.deflateSync(rows, { level: 9, memLevel: 9 });
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('PLTE', plte),
    chunk('tRNS', trns),
    chunk('IDAT', idat),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Width, height, bit depth and colour type from a PNG's IHDR, or null if it is not a PNG. */
function readPngHeader(buffer) {
  const signature = '89504e470d0a1a0a';
  if (buffer.length < 33 || buffer.subarray(0, 8).toString('hex') !== signature || buffer.subarray(12, 16).toString('ascii') !== 'IHDR') return null;
  return { width: buffer.readUInt32BE(16), height: buffer.readUInt32BE(20), bitDepth: buffer[24], colourType: buffer[25] };
}

module.exports = { encodeIndexedPng, readPngHeader, crc32 };
