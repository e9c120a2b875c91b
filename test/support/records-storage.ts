/**
 * A storage wrapper for record-store tests: it can crash the app between two writes or
 * make one chosen write fail.
 */
import type { KeyValueStorage, StorageError } from '../../miniprogram/services/contracts';
import type { Result } from '../../miniprogram/core/types';

/** Thrown out of a write to stand for the app being killed: the store instance is dead. */
export class SimulatedCrash extends Error {
  constructor() {
    super('simulated crash');
  }
}

/** Passes everything to `inner`, except the writes it was told to crash on or fail. */
export class FaultyStorage implements KeyValueStorage {
  private crashIn: number | null = null;
  private readonly failures = new Map<number, StorageError>();
  private writeNo = 0;
  /** Keys written, in order (to see what an operation touched). */
  readonly written: string[] = [];

  constructor(readonly inner: KeyValueStorage) {}

  /** The app dies instead of performing the write after `n` more successful writes. */
  crashAfter(n: number): void {
    this.crashIn = n;
  }

  /** The k-th write from now (1-based) fails with this error, leaving the old value. */
  failWrite(k: number, error: StorageError = 'failed'): void {
    this.failures.set(this.writeNo + k, error);
  }

  disarm(): void {
    this.crashIn = null;
    this.failures.clear();
  }

  get(key: string): unknown {
    return this.inner.get(key);
  }

  set(key: string, value: unknown): Result<void, StorageError> {
    if (this.crashIn !== null) {
      if (this.crashIn === 0) {
        this.crashIn = null;
        throw new SimulatedCrash();
      }
      this.crashIn -= 1;
    }
    this.writeNo += 1;
    const failure = this.failures.get(this.writeNo);
    if (failure) {
      this.failures.delete(this.writeNo);
      return { ok: false, error: failure, message: `injected ${failure}` };
    }
    const result = this.inner.set(key, value);
    if (result.ok) this.written.push(key);
    return result;
  }

  remove(key: string): void {
    this.inner.remove(key);
  }

  keys(): string[] {
    return this.inner.keys();
  }

  info(): { usedKb: number; limitKb: number } {
    return this.inner.info();
  }
}
