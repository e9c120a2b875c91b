import { services } from './services/container';
import { reconcileSummary } from './services/checkout/reconcile-words';

/**
 * On every launch: open the record store (migrating and setting corrupt data aside)
 * and settle orders a killed app or a lost answer left open, before any page pays.
 */
App({
  onLaunch() {
    const { records, checkout, device } = services();
    const report = records.open();
    if (report.quarantined.length) {
      device.toast(`有 ${report.quarantined.length} 条记录数据损坏，已单独保存，其余记录不受影响`);
    }
    void checkout.reconcile().then((result) => {
      const summary = reconcileSummary(result);
      if (summary) device.toast(summary);
    });
    // Due 自动充值 rules (the engine settles its own open orders first); costs one storage read when there are none.
    void services().autoTopup.run({ kind: 'launch' });
  },
});
