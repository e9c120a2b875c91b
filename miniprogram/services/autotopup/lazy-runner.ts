/**
 * The 自动充值 runner the offline demo uses. A real backend runs the rules on its server; here
 * the phone does, at launch and when a lookup sees a balance. Launch stays cheap: one
 * storage read decides whether any rule could be due, and only then is the engine loaded
 * (it lives in the autotopup subpackage and downloads on demand). Runs never overlap.
 */
import { AUTO_TOPUP_RULES_KEY } from '../contracts';
import type { AutoTopupDeps, AutoTopupEngineModule, AutoTopupOccasion, AutoTopupReport, AutoTopupRunner } from '../contracts';

const NOTHING: AutoTopupReport = { results: [] };

/** Whether the stored rules could hold one this occasion runs (unreadable data counts: the engine sets it aside). */
export function mayRun(raw: unknown, occasion: AutoTopupOccasion): boolean {
  if (raw === undefined) return false;
  const rules = (raw as { rules?: unknown } | null)?.rules;
  if (!Array.isArray(rules)) return true;
  return rules.some((rule) => {
    if (typeof rule !== 'object' || rule === null) return true;
    const r = rule as { state?: unknown; phone?: unknown; trigger?: { kind?: unknown } };
    if (r.state !== 'active') return false;
    return occasion.kind !== 'balance' || (r.phone === occasion.card.phone && r.trigger?.kind === 'low_balance');
  });
}

export class LazyAutoTopupRunner implements AutoTopupRunner {
  private engine: Promise<AutoTopupRunner> | null = null;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly deps: AutoTopupDeps,
    private readonly load: () => Promise<AutoTopupEngineModule>,
  ) {}

  run(occasion: AutoTopupOccasion): Promise<AutoTopupReport> {
    const next = this.queue.then(() => this.runNow(occasion));
    this.queue = next;
    return next;
  }

  private async runNow(occasion: AutoTopupOccasion): Promise<AutoTopupReport> {
    if (!mayRun(this.deps.storage.get(AUTO_TOPUP_RULES_KEY), occasion)) return NOTHING;
    try {
      const engine = await this.loaded();
      return await engine.run(occasion);
    } catch (error) {
      // Not downloaded (offline) or broken: nothing was charged; the rules run on a later launch.
      console.warn('[auto-topup] engine unavailable', error);
      return NOTHING;
    }
  }

  private loaded(): Promise<AutoTopupRunner> {
    if (!this.engine) {
      this.engine = this.load().then((module) => module.createAutoTopupEngine(this.deps));
      this.engine.catch(() => (this.engine = null));
    }
    return this.engine;
  }
}
