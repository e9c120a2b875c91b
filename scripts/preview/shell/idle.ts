/**
 * When the app has finished what a tap set going. A person waits until the screen stops
 * changing; a script needs a signal. The app's short waits are all timers: Vant's
 * transitions (300 ms), the offline backends' latencies (300–400 ms), a debounce, the
 * records list's scroll tick. So the preview counts pending timers of up to a second, and
 * the app is idle once none is pending over two consecutive frames. Longer timers are not
 * work in progress but a later event (a toast's 1.5 s, a payment's 15 s timeout, a poll),
 * and are not waited for. A scroll also counts as busy for a moment: simulate, like WeChat,
 * takes a touch within 150 ms of a scroll for the end of the scroll, not a tap.
 */

/** Timers up to this long are the app still busy; longer ones are something later. */
export const SHORT_TIMER_MS = 1000;
/** simulate's SCROLL_PROTECTED (150 ms), with a frame to spare. */
export const AFTER_SCROLL_MS = 170;

export interface IdleTracker {
  /** Short timers pending now. */
  pending(): number;
  /** Resolves true once idle, or false after capMs if the app keeps scheduling work. */
  whenIdle(capMs?: number): Promise<boolean>;
}

type TimerWindow = Pick<Window, 'setTimeout' | 'clearTimeout' | 'requestAnimationFrame' | 'addEventListener'>;

export function installIdleTracker(win: TimerWindow = window): IdleTracker {
  const pending = new Set<number>();
  const setTimeoutOf = win.setTimeout.bind(win);
  const clearTimeoutOf = win.clearTimeout.bind(win);

  win.setTimeout = ((handler: TimerHandler, delay?: number, ...args: unknown[]) => {
    const short = (Number(delay) || 0) <= SHORT_TIMER_MS;
    if (typeof handler !== 'function' || !short) return setTimeoutOf(handler, delay, ...args);
    const id: number = setTimeoutOf(() => {
      pending.delete(id);
      handler(...args);
    }, delay);
    pending.add(id);
    return id;
  }) as typeof win.setTimeout;
  win.clearTimeout = ((id?: number) => {
    if (id !== undefined) pending.delete(id);
    clearTimeoutOf(id);
  }) as typeof win.clearTimeout;

  let lastScroll = -Infinity;
  win.addEventListener('scroll', () => (lastScroll = Date.now()), { capture: true, passive: true });
  const busy = () => pending.size > 0 || Date.now() - lastScroll < AFTER_SCROLL_MS;

  const frame = () => new Promise<void>((done) => win.requestAnimationFrame(() => done()));

  return {
    pending: () => pending.size,
    async whenIdle(capMs = 3000) {
      const until = Date.now() + capMs;
      let quietFrames = 0;
      while (quietFrames < 2) {
        if (Date.now() > until) return false;
        await frame();
        quietFrames = busy() ? 0 : quietFrames + 1;
      }
      return true;
    },
  };
}
