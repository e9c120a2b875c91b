import { services } from './services/container';

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
      if (result.settled.length) device.toast(`已核对 ${result.settled.length} 笔未完成的订单`);
    });
  },
});
