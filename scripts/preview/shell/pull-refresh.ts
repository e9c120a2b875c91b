/**
 * WeChat's pull-down refresh for pages whose json sets enablePullDownRefresh: drag the
 * page down from its top (finger or mouse, both arrive here as touch events), release
 * past the threshold, and the page's onPullDownRefresh runs; the three dots stay until
 * the page calls wx.stopPullDownRefresh (or after a few seconds, as WeChat does).
 */
const THRESHOLD_PX = 50;
const MAX_PULL_PX = 80;
const AUTO_STOP_MS = 3000;

export interface PullTarget {
  /** The scrolling slot of the page on top, when that page enables pull-down refresh. */
  slot(): HTMLElement | null;
  refresh(): void;
}

function firstY(event: Event): number | null {
  const list = (event as unknown as { touches?: ArrayLike<{ pageY: number }>; changedTouches?: ArrayLike<{ pageY: number }> });
  const touch = list.touches?.[0] ?? list.changedTouches?.[0];
  return touch ? touch.pageY : null;
}

export class PullRefresh {
  private startY: number | null = null;
  private pulled = 0;
  private active: HTMLElement | null = null;
  private stopTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly indicator: HTMLElement;

  constructor(
    private readonly screen: HTMLElement,
    private readonly target: PullTarget,
  ) {
    this.indicator = document.createElement('div');
    this.indicator.className = 'pull-indicator';
    this.indicator.innerHTML = '<span></span><span></span><span></span>';
    screen.prepend(this.indicator);
    screen.addEventListener('touchstart', (e) => this.begin(e), { capture: true, passive: true });
    screen.addEventListener('touchmove', (e) => this.move(e), { capture: true, passive: true });
    screen.addEventListener('touchend', () => this.end(), { capture: true, passive: true });
    screen.addEventListener('touchcancel', () => this.end(), { capture: true, passive: true });
  }

  private begin(event: Event): void {
    const slot = this.target.slot();
    const y = firstY(event);
    if (!slot || y === null || slot.scrollTop > 0) return;
    this.active = slot;
    this.startY = y;
    this.pulled = 0;
  }

  private move(event: Event): void {
    const y = firstY(event);
    if (this.startY === null || !this.active || y === null) return;
    this.pulled = Math.max(0, Math.min(MAX_PULL_PX, (y - this.startY) / 2));
    this.active.style.transform = this.pulled ? `translateY(${this.pulled}px)` : '';
    this.indicator.style.height = `${this.pulled}px`;
  }

  private end(): void {
    if (this.startY === null || !this.active) return;
    const slot = this.active;
    const fire = this.pulled >= THRESHOLD_PX;
    this.startY = null;
    this.active = null;
    if (!fire) {
      this.reset(slot);
      return;
    }
    this.start(slot);
  }

  /** Shows the refreshing state and calls the page (also wx.startPullDownRefresh). */
  start(slot: HTMLElement | null = this.target.slot()): void {
    if (!slot) return;
    slot.style.transform = `translateY(${THRESHOLD_PX}px)`;
    this.indicator.style.height = `${THRESHOLD_PX}px`;
    this.indicator.classList.add('is-loading');
    if (this.stopTimer) clearTimeout(this.stopTimer);
    this.stopTimer = setTimeout(() => this.stop(), AUTO_STOP_MS);
    this.target.refresh();
  }

  /** wx.stopPullDownRefresh. */
  stop(): void {
    if (this.stopTimer) clearTimeout(this.stopTimer);
    this.stopTimer = undefined;
    this.screen.querySelectorAll<HTMLElement>('.page-slot').forEach((slot) => this.reset(slot));
  }

  private reset(slot: HTMLElement): void {
    slot.style.transform = '';
    this.indicator.style.height = '0';
    this.indicator.classList.remove('is-loading');
  }
}
