/**
 * A storage wrapper for record-store tests: it can crash the app between two writes, make
 * one chosen write fail, and make listings, storage info or reads fail (as WeChat's
 * getStorageInfoSync and getStorageSync can throw).
 */
import type { KeyValueStorage, StorageError } from '../../miniprogram/services/contracts';
import type { Result } from '../../miniprogram/core/types';

/** Thrown out of a write to stand for the app being killed: the store instance is dead. */
export class SimulatedCrash extends Error {
  constructor() {
    super('simulated crash');
  }
}

const FAILED: Result<never, 'failed'> = { ok: false, error: 'failed', message: 'injected failure' };

/** Passes everything to `inner`, except the calls it was told to crash on or fail. */
export class FaultyStorage implements KeyValueStorage {
  private crashIn: number | null = null;
  /** Once dead, every write throws: the app is gone, only what was written stays. */
  private dieIn: number | null = null;
  private dead = false;
  private readonly failures = new Map<number, StorageError>();
  private writeNo = 0;
  /** How many more keys() / info() calls fail (Infinity: until told otherwise). */
  failingListings = 0;
  failingInfo = 0;
  /** Reads that fail: how many more, and of which keys (all when the test is null). */
  failingReads = 0;
  failingReadsOf: ((key: string) => boolean) | null = null;
  /** Keys written (and removed, as '-key'), in order, to see what an operation touched. */
  readonly written: string[] = [];
  /** How many set() and remove() calls reached storage. */
  steps = 0;

  constructor(readonly inner: KeyValueStorage) {}

  /** The app dies instead of performing a write (set or remove) after `n` more that succeed. */
  crashAfter(n: number): void {
    this.crashIn = n;
  }

  /** Like crashAfter, but every write after that throws too (for code that catches a throw and goes on). */
  dieAfter(n: number): void {
    this.dieIn = n;
  }

  /** The k-th set() from now (1-based) fails with this error, leaving the old value. */
  failWrite(k: number, error: StorageError = 'failed'): void {
    this.failures.set(this.writeNo + k, error);
  }

  failListing(times = Infinity): void {
    this.failingListings = times;
  }

  failReads(times = Infinity, which: ((key: string) => boolean) | null = null): void {
    this.failingReads = times;
    this.failingReadsOf = which;
  }

  disarm(): void {
    this.crashIn = null;
    this.dieIn = null;
    this.dead = false;
    this.failures.clear();
    this.failingListings = 0;
    this.failingInfo = 0;
    this.failingReads = 0;
    this.failingReadsOf = null;
  }

  private step(): void {
    if (this.dead || this.dieIn === 0) {
      this.dead = true;
      throw new SimulatedCrash();
    }
    if (this.dieIn !== null) this.dieIn -= 1;
    if (this.crashIn !== null) {
      if (this.crashIn === 0) {
        this.crashIn = null;
        throw new SimulatedCrash();
      }
      this.crashIn -= 1;
    }
    this.steps += 1;
  }

  private readFails(key: string): boolean {
    if (this.failingReads <= 0 || (this.failingReadsOf && !this.failingReadsOf(key))) return false;
    this.failingReads -= 1;
    return true;
  }

  get(key: string): unknown {
    const read = this.read(key);
    return read.ok ? read.value : undefined;
  }

  read(key: string): Result<unknown, 'failed'> {
    return this.readFails(key) ? FAILED : this.inner.read(key);
  }

  set(key: string, value: unknown): Result<void, StorageError> {
    this.step();
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
    this.step();
    this.inner.remove(key);
    this.written.push(`-${key}`);
  }

  keys(): Result<string[], 'failed'> {
    if (this.failingListings > 0) {
      this.failingListings -= 1;
      return FAILED;
    }
    return this.inner.keys();
  }

  info(): Result<{ usedKb: number; limitKb: number }, 'failed'> {
    if (this.failingInfo > 0) {
      this.failingInfo -= 1;
      return FAILED;
    }
    return this.inner.info();
  }
}
