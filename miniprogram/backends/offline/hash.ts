/**
 * The offline backend's stable spread: the same number always lands on the same demo
 * card, 归属地 and ICCID, on every lookup and every launch.
 */

/** FNV-1a, 32 bits: small, fast and good enough to spread numbers over demo profiles. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/** A whole number in [0, n) derived from the text and a salt, one salt per property. */
export function pick(text: string, salt: string, n: number): number {
  return fnv1a(`${salt}|${text}`) % n;
}
