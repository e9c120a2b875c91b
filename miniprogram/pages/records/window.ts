/**
 * Which parts of a long list to render: the ones that overlap the screen and a margin
 * around it. Everything else stays a placeholder of the same height, so the page's
 * scroll height, and where each row sits, never change when parts come and go.
 * Pure arithmetic over heights in px, so it can be tested without a layout.
 */

/** At most this often a scroll moves the window (WeChat's audit flags over 20 setData a second). */
export const SCROLL_EVERY_MS = 80;
/** What sits above the list (search, chips, note), about: the window's margins absorb the rest. */
export const LIST_TOP_PX = 200;

/** The list's own coordinates: 0 is the top of its first part. */
export interface Span {
  top: number;
  bottom: number;
}

/** First and last index (inclusive) of the parts that overlap `span`; null when none do. */
export function partsInSpan(heights: readonly number[], span: Span): [number, number] | null {
  if (!(span.bottom >= span.top) || !heights.length) return null;
  let first = -1;
  let last = -1;
  let top = 0;
  for (let i = 0; i < heights.length; i += 1) {
    const height = Math.max(0, heights[i] || 0);
    const bottom = top + height;
    // A part touching the span's edge counts: it is about to scroll in.
    if (bottom >= span.top && top <= span.bottom) {
      if (first < 0) first = i;
      last = i;
    } else if (top > span.bottom) {
      break;
    }
    top = bottom;
  }
  return first < 0 ? null : [first, last];
}

export interface Viewport {
  /** The page's scrollTop, as onPageScroll reports it. */
  scrollTop: number;
  /** The page window's height. */
  height: number;
  /** Where the list starts on the page (what sits above it). */
  listTop: number;
}

/**
 * The span to render for a viewport: the screen plus half a screen above and below, so
 * a part is in place before it scrolls into view and a misjudged listTop (a banner
 * above the list) costs nothing visible.
 */
export function spanFor(viewport: Viewport): Span {
  const height = Math.max(0, viewport.height || 0);
  const margin = height / 2;
  const top = (viewport.scrollTop || 0) - (viewport.listTop || 0);
  return { top: top - margin, bottom: top + height + margin };
}
