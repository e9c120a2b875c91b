/**
 * The money path as the main package holds it: a stand-in that fetches the real one
 * (pages/confirm/checkout, with the confirm subpackage) the first time an order must be
 * paid or settled. Until then it answers what it can from the record store alone, which is
 * the whole truth while the engine has not run: a launch with no open order settles
 * nothing and downloads nothing, and the duplicate check needs no download either.
 */
import { DUPLICATE_WINDOW_MS, findDuplicate } from '../../core/order';
import type { Order } from '../../core/types';
import type { Checkout, CheckoutDeps, CheckoutEngineModule, CheckoutResult, ReconcileReport } from '../contracts';

const NOTHING_OPEN: ReconcileReport = { checked: 0, settled: [] };

export class LazyCheckout implements Checkout {
  private engine: Checkout | null = null;
  private loading: Promise<Checkout> | null = null;
  private reconciling: Promise<ReconcileReport> | null = null;

  constructor(
    private readonly deps: CheckoutDeps,
    private readonly load: () => Promise<CheckoutEngineModule>,
  ) {}

  recentDuplicate(phone: string, productId: string): Order | undefined {
    if (this.engine) return this.engine.recentDuplicate(phone, productId);
    const now = this.deps.clock.now();
    return findDuplicate(this.deps.records.recentSimilar(phone, productId, now - DUPLICATE_WINDOW_MS), phone, productId, now);
  }

  /** A download that fails rejects: the confirm page says the connection was lost, and nothing was charged. */
  async pay(order: Order): Promise<CheckoutResult> {
    return (await this.loaded()).pay(order);
  }

  reconcile(): Promise<ReconcileReport> {
    if (this.engine) return this.engine.reconcile();
    if (!this.reconciling) {
      this.reconciling = this.reconcileOnceLoaded().finally(() => {
        this.reconciling = null;
      });
    }
    return this.reconciling;
  }

  settled(): Promise<void> {
    if (this.engine) return this.engine.settled();
    return this.reconciling ? this.reconciling.then(noop, noop) : Promise.resolve();
  }

  private async reconcileOnceLoaded(): Promise<ReconcileReport> {
    let open = true;
    try {
      open = this.deps.records.pending().length > 0;
    } catch {
      // Unreadable records: the engine's own reconcile reports that as it always has.
    }
    if (!open) return NOTHING_OPEN;
    return (await this.loaded()).reconcile();
  }

  private loaded(): Promise<Checkout> {
    if (this.engine) return Promise.resolve(this.engine);
    if (!this.loading) {
      this.loading = this.load().then((module) => (this.engine = module.createCheckout(this.deps)));
      this.loading.catch(() => (this.loading = null));
    }
    return this.loading;
  }
}

function noop(): void {}
