/**
 * Browser files early, each paired with a CPU-bound file: they partly wait on Chromium, so
 * started beside the busy files they overlap them instead of running alone at the end.
 * Jest's own order (slowest first by its timing cache, else largest file first) holds
 * within each group; a clean clone has no timing cache.
 */
const Sequencer = require('@jest/test-sequencer').default;

const isBrowser = (test) => /[\\/]test[\\/]browser[\\/].*\.e2e\.test\.ts$/.test(test.path);

class BrowserBesideBusySequencer extends Sequencer {
  sort(tests) {
    const sorted = super.sort(tests);
    const browser = sorted.filter(isBrowser);
    const rest = sorted.filter((t) => !isBrowser(t));
    const order = [];
    while (browser.length) order.push(browser.shift(), ...rest.splice(0, 1));
    return [...order, ...rest];
  }
}

module.exports = BrowserBesideBusySequencer;
