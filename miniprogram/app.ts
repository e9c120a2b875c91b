import { services } from './services/container';
import { reconcileSummary } from './services/checkout/reconcile-words';

/**
 * Storage reads block the logic thread: the first page renders before the background work
 * (the record check reads every shard; reconciliation and due auto top-ups read some) begins.
 */
export const BACKGROUND_START_MS = 1500;

/**
 * On every launch: open the record store (merging old records, setting damaged data aside,
 * read-only if storage cannot be listed) and tell the user what it found; then, once the
 * first page is up, check every record in the background and settle orders a killed app or
 * a lost answer left open.
 */
App({
  onLaunch() {
    const { records, checkout, device, clock } = services();
    const report = records.open();
    if (report.notice) device.toast(report.notice);
    void clock.sleep(BACKGROUND_START_MS).then(() => {
      void records.verify().then((checked) => {
        if (checked.notice) device.toast(checked.notice);
      });
      void checkout
        .reconcile()
        .then((result) => {
          const summary = reconcileSummary(result);
          if (summary) device.toast(summary);
        })
        // The money path could not be fetched (offline): open orders stay open for 刷新结果 or the next launch.
        .catch(() => undefined);
      // Due 自动充值 rules (the engine settles its own open orders first); costs one storage read when there are none.
      void services().autoTopup.run({ kind: 'launch' });
    });
  },
});
