/** @jest-environment node */
/** The preview's idle signal (scripts/preview/shell/idle.ts), on a stand-in window with real timers. */
import { installIdleTracker, AFTER_SCROLL_MS, SHORT_TIMER_MS } from '../../scripts/preview/shell/idle';

function standInWindow() {
  const listeners: Record<string, (() => void)[]> = {};
  const win = {
    setTimeout: ((fn: () => void, ms?: number) => setTimeout(fn, ms)) as unknown as Window['setTimeout'],
    clearTimeout: ((id?: number) => clearTimeout(id as unknown as NodeJS.Timeout)) as Window['clearTimeout'],
    requestAnimationFrame: ((fn: FrameRequestCallback) => setTimeout(() => fn(Date.now()), 4)) as unknown as Window['requestAnimationFrame'],
    addEventListener: ((type: string, fn: () => void) => (listeners[type] = [...(listeners[type] ?? []), fn])) as unknown as Window["addEventListener"],
  };
  return { win, scroll: () => listeners.scroll?.forEach((fn) => fn()) };
}

describe('the preview is idle once its short work is done', () => {
  test('a short timer keeps it busy until it has run; a cleared one does not', async () => {
    const { win } = standInWindow();
    const idle = installIdleTracker(win);
    let ran = false;
    win.setTimeout(() => (ran = true), 120);
    const cleared = win.setTimeout(() => undefined, 200);
    win.clearTimeout(cleared);
    expect(idle.pending()).toBe(1);
    await expect(idle.whenIdle()).resolves.toBe(true);
    expect(ran).toBe(true);
    expect(idle.pending()).toBe(0);
  });

  test('a timer longer than a second (a toast, a payment timeout) is not waited for', async () => {
    const { win } = standInWindow();
    const idle = installIdleTracker(win);
    const long = win.setTimeout(() => undefined, SHORT_TIMER_MS + 1);
    const started = Date.now();
    await expect(idle.whenIdle()).resolves.toBe(true);
    expect(Date.now() - started).toBeLessThan(SHORT_TIMER_MS);
    win.clearTimeout(long);
  });

  test('a scroll counts as busy for a moment: a tap right after it would be taken for the scroll', async () => {
    const { win, scroll } = standInWindow();
    const idle = installIdleTracker(win);
    scroll();
    const started = Date.now();
    await idle.whenIdle();
    expect(Date.now() - started).toBeGreaterThanOrEqual(AFTER_SCROLL_MS);
  });

  test('work that never stops gives up at the cap and says so', async () => {
    const { win } = standInWindow();
    const idle = installIdleTracker(win);
    let stop = false;
    const again = () => {
      if (!stop) win.setTimeout(again, 10);
    };
    again();
    await expect(idle.whenIdle(150)).resolves.toBe(false);
    stop = true;
  });
});
