/**
 * Set-aside copies of damaged record data, each under 'rec.quarantine.<fingerprint>'.
 *
 * The key comes from the content (the damaged key's name and its raw value), never from a
 * listing: copying the same damage again lands on its own copy and changes nothing (so a
 * repair cut short by a crash can simply run again), and a different copy can never
 * overwrite an earlier one — a key already holding something else is passed over. Nothing
 * is written until a read has said the key is free; a failed read writes nothing.
 *
 * A raw value too large for one key (WeChat allows 1 MB a key) is kept as JSON text in
 * parts '<key>/<i>', written before the entry that names them, so the copy never blocks
 * later writes by not fitting.
 */
import { checksumText } from '../../core/checksum';
import type { KeyValueStorage, QuarantinedEntry } from '../contracts';
import { QUARANTINE_KEY_PREFIX } from './schema';

/** Characters of JSON text a part holds: under 1 MB even if every one is stored escaped. */
const PART_CHARS = 100_000;

interface StoredCopy {
  key: string;
  raw: unknown;
  reason: string;
  at: number;
  orders?: number;
  /** The raw value's JSON text is in this many part keys (raw is then null). */
  parts?: number;
}

function isCopy(value: unknown): value is StoredCopy {
  return typeof value === 'object' && value !== null && typeof (value as StoredCopy).key === 'string';
}

export class Quarantine {
  constructor(private readonly storage: KeyValueStorage) {}

  /** True once a copy of exactly this raw value of this key is on storage. */
  keep(entry: QuarantinedEntry): boolean {
    const text = JSON.stringify(entry.raw ?? null);
    const base = `${QUARANTINE_KEY_PREFIX}${checksumText(`${entry.key}\n${text}`)}`;
    for (let i = 0; i < 4; i += 1) {
      const key = i ? `${base}-${i}` : base;
      const found = this.storage.read(key);
      if (!found.ok) return false;
      if (found.value === undefined) return this.write(key, entry, text);
      if (isCopy(found.value) && found.value.key === entry.key && this.rawText(key, found.value) === text) return true;
    }
    return false;
  }

  private write(key: string, entry: QuarantinedEntry, text: string): boolean {
    const copy: StoredCopy = { key: entry.key, raw: entry.raw ?? null, reason: entry.reason, at: entry.at };
    if (entry.orders !== undefined) copy.orders = entry.orders;
    if (text.length > PART_CHARS) {
      let parts = 0;
      for (let from = 0; from < text.length; parts += 1) {
        let to = Math.min(from + PART_CHARS, text.length);
        // Never cut between the two halves of a character outside the BMP.
        if (/[\udc00-\udfff]/.test(text.charAt(to))) to -= 1;
        if (!this.storage.set(`${key}/${parts}`, text.slice(from, to)).ok) return false;
        from = to;
      }
      copy.raw = null;
      copy.parts = parts;
    }
    return this.storage.set(key, copy).ok;
  }

  private rawText(key: string, copy: StoredCopy): string | null {
    if (typeof copy.parts !== 'number') return JSON.stringify(copy.raw ?? null);
    let text = '';
    for (let i = 0; i < copy.parts; i += 1) {
      const part = this.storage.read(`${key}/${i}`);
      if (!part.ok || typeof part.value !== 'string') return null;
      text += part.value;
    }
    return text;
  }

  private rawOf(key: string, copy: StoredCopy): unknown {
    if (typeof copy.parts !== 'number') return copy.raw ?? null;
    try {
      return JSON.parse(this.rawText(key, copy) ?? 'null');
    } catch {
      return null;
    }
  }

  /** Every copy on storage, or null when storage cannot be listed. */
  list(): QuarantinedEntry[] | null {
    const keys = this.storage.keys();
    if (!keys.ok) return null;
    const entries: QuarantinedEntry[] = [];
    for (const key of keys.value.filter((k) => k.startsWith(QUARANTINE_KEY_PREFIX) && !k.includes('/')).sort()) {
      const value = this.storage.get(key);
      if (!isCopy(value)) {
        entries.push({ key, raw: value ?? null, reason: '另存的数据无法识别', at: 0 });
        continue;
      }
      const entry: QuarantinedEntry = { key: value.key, raw: this.rawOf(key, value), reason: String(value.reason ?? ''), at: Number(value.at) || 0 };
      if (typeof value.orders === 'number') entry.orders = value.orders;
      entries.push(entry);
    }
    return entries;
  }
}
