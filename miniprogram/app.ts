import { services } from './services/container';
import { reconcileSummary } from './services/checkout/reconcile-words';

/**
 * On every launch: open the record store (merging old records, setting damaged data aside,
 * read-only if storage cannot be listed) and tell the user what it found; then check every
 * record in the background and settle orders a killed app or a lost answer left open.
 */
App({
  onLaunch() {
    const { records, checkout, device } = services();
    const report = records.open();
    if (report.notice) device.toast(report.notice);
    void records.verify().then((checked) => {
      if (checked.notice) device.toast(checked.notice);
    });
    void checkout.reconcile().then((result) => {
      const summary = reconcileSummary(result);
      if (summary) device.toast(summary);
    });
    // Due 自动充值 rules (the engine settles its own open orders first); costs one storage read when there are none.
    void services().autoTopup.run({ kind: 'launch' });
  },
});
