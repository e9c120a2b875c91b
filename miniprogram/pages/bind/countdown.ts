/**
 * Whole seconds left until a moment, re-read from the clock on every tick so a timer
 * that was paused (the app in the background) never drifts. Calls onTick with each new
 * value, 0 last, and stops itself there.
 */
export class Countdown {
  private timer: ReturnType<typeof setInterval> | null = null;
  private until = 0;
  private shown = -1;

  constructor(
    private readonly now: () => number,
    private readonly onTick: (secondsLeft: number) => void,
  ) {}

  start(until: number): void {
    this.stop();
    this.until = until;
    this.shown = -1;
    this.tick();
    if (this.shown > 0) this.timer = setInterval(() => this.tick(), 1000);
  }

  stop(): void {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
  }

  /** Re-reads the clock now (the timer calls this every second). */
  tick(): void {
    const left = Math.max(0, Math.ceil((this.until - this.now()) / 1000));
    if (left !== this.shown) {
      this.shown = left;
      this.onTick(left);
    }
    if (left === 0) this.stop();
  }
}
