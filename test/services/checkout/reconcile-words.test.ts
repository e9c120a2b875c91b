import { reconcileSummary } from '../../../miniprogram/services/checkout/reconcile-words';

/** What the launch check says about what it settled (issue 12 item 16: it said only how many). */
describe('reconcileSummary', () => {
  test.each([
    ['nothing settled', { checked: 2, settled: [] }, ''],
    ['one order: which, and what became of it', { checked: 1, settled: [{ id: 'CR20261125100000123456', from: 'unknown', to: 'succeeded' }] }, '订单尾号 123456 已核对：充值成功'],
    [
      'several: counted by outcome',
      {
        checked: 3,
        settled: [
          { id: 'CR1', from: 'unknown', to: 'succeeded' },
          { id: 'CR2', from: 'awaiting_payment', to: 'cancelled' },
          { id: 'CR3', from: 'paid', to: 'succeeded' },
        ],
      },
      '已核对 3 笔订单：2 笔充值成功，1 笔已取消',
    ],
    ['no report', null, ''],
    ['a report without a list', { checked: 1 }, ''],
    ['a state no version wrote', { checked: 1, settled: [{ id: 'CR9', from: 'unknown', to: 'teapot' }] }, '订单尾号 CR9 已核对：未知状态'],
  ])('%s', (_name, report, words) => {
    expect(reconcileSummary(report as never)).toBe(words);
  });
});
