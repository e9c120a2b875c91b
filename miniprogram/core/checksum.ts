/**
 * A checksum for stored text: 32-bit FNV-1a over the text's UTF-16 code units (offset
 * basis 2166136261, prime 16777619, as Fowler, Noll and Vo define it; IETF draft
 * "The FNV Non-Cryptographic Hash Algorithm"). It catches accidental damage — a flipped
 * character, a cut-off or swapped value — cheaply; it is no defence against forgery.
 */
// Looked up once: a global lookup inside the loop is many times slower in sandboxed runtimes (vm contexts).
const imul = Math.imul;

export function fnv1a(text: string): number {
  const s = typeof text === 'string' ? text : String(text);
  let hash = 0x811c9dc5;
  for (let i = 0; i < s.length; i += 1) {
    hash ^= s.charCodeAt(i);
    hash = imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** fnv1a as a short base-36 text, the form stored beside the data it checks. */
export function checksumText(text: string): string {
  return fnv1a(text).toString(36);
}
