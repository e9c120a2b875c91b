/**
 * Two things WeChat gives every page that miniprogram-simulate lacks, and Vant uses:
 * - groupSetData(callback) (base library ≥ 2.4.0): van-tabs update their panes with it
 *   and otherwise throw and show no pane. Running the callback at once is what it does
 *   apart from batching.
 * - getCurrentPages(): Vant's sticky header (inside van-tabs) asks for the page stack;
 *   an empty stack means no page scroller, which is true under jsdom.
 */
export function fillSimulatorGaps(): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const exparser = require('miniprogram-exparser') as { Component: { prototype: Record<string, unknown> } };
  if (typeof exparser.Component.prototype.groupSetData !== 'function') {
    exparser.Component.prototype.groupSetData = function groupSetData(callback: () => void): void {
      callback();
    };
  }
  const globals = globalThis as unknown as { getCurrentPages?: () => unknown[] };
  if (typeof globals.getCurrentPages !== 'function') globals.getCurrentPages = () => [];
}
