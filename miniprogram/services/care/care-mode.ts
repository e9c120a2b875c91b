/**
 * The 长辈模式 switch, kept in storage under one small key. Listeners are the open pages
 * (services/care/page-behavior.ts), so a change in 我的 reaches the tabs already open.
 */
import type { CareMode, KeyValueStorage, StorageError } from '../contracts';
import type { Result } from '../../core/types';

export const CARE_MODE_KEY = 'settings:care';

export class StoredCareMode implements CareMode {
  private readonly listeners = new Set<(on: boolean) => void>();
  private cached: boolean | null = null;

  constructor(private readonly storage: KeyValueStorage) {}

  enabled(): boolean {
    // Anything but a stored true (missing, damaged, unreadable) means the standard look.
    if (this.cached === null) this.cached = this.storage.get(CARE_MODE_KEY) === true;
    return this.cached;
  }

  set(on: boolean): Result<void, StorageError> {
    const written = this.storage.set(CARE_MODE_KEY, on);
    if (!written.ok) return written;
    this.cached = on;
    for (const listener of [...this.listeners]) listener(on);
    return { ok: true, value: undefined };
  }

  subscribe(listener: (on: boolean) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
