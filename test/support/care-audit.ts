/**
 * What large type must not do, read in the browser preview: text cut off by its box
 * (an overflow hidden or an ellipsis with more text than room), text running past the
 * phone's edge, and tap targets smaller than 48 × 48 px. `auditCare` runs inside the
 * page (Playwright serialises it): one self-contained function, no imports.
 *
 * A tap target is an element the mini-program listens to for taps (exparser keeps the
 * events it listens to on each node, `__wxEvents`); Vant's own inner listeners count too,
 * as a finger meets them the same way. Text inside a native field (typed text and
 * placeholders scroll, as in WeChat) is not judged for clipping, nor a swipe cell's actions
 * waiting beside its row.
 */

export interface CareAuditOptions {
  /** The page on screen and the pop-ups over it. */
  scope: string[];
  /** The phone's frame: text must stay within it. */
  frame: string;
  minTarget: number;
}

export interface CareFinding {
  kind: 'clipped' | 'off-screen' | 'small-target';
  where: string;
  text: string;
  detail: string;
}

export interface CareAuditResult {
  findings: CareFinding[];
  texts: number;
  targets: number;
  /** The body text size seen most often, px. */
  bodyPx: number;
}

export function auditCare(options: CareAuditOptions): CareAuditResult {
  const findings: CareFinding[] = [];
  const frame = document.querySelector(options.frame)!.getBoundingClientRect();
  const name = (el: Element) => {
    const cls = (el.getAttribute('class') ?? '').split(/\s+/).filter(Boolean).slice(-2).join('.');
    return `${el.tagName.toLowerCase()}${cls ? `.${cls}` : ''}`;
  };
  const shown = (el: Element) => {
    const rect = el.getBoundingClientRect();
    if (rect.width < 1 || rect.height < 1) return false;
    for (let node: Element | null = el; node; node = node.parentElement) {
      const style = getComputedStyle(node);
      if (style.display === 'none' || style.visibility === 'hidden' || Number(style.opacity) === 0) return false;
    }
    return true;
  };
  const ownText = (el: Element) =>
    Array.from(el.childNodes)
      .filter((n) => n.nodeType === Node.TEXT_NODE)
      .map((n) => n.textContent ?? '')
      .join('')
      .trim();
  const roots = options.scope.flatMap((s) => Array.from(document.querySelectorAll(s)));
  const sizes = new Map<number, number>();
  let texts = 0;
  let targets = 0;
  const seenTargets = new Set<Element>();
  for (const root of roots) {
    for (const el of [root, ...Array.from(root.querySelectorAll('*'))]) {
      if (el.closest('wx-input, wx-textarea, input, textarea')) continue;
      const text = ownText(el);
      if (text && shown(el)) {
        texts += 1;
        const style = getComputedStyle(el);
        const px = Math.round(parseFloat(style.fontSize));
        sizes.set(px, (sizes.get(px) ?? 0) + text.length);
        // Clipped: the text runs past the box of the nearest ancestor (or itself) that hides
        // its overflow (an ellipsis included: the text is laid out whole, then cut).
        const range = document.createRange();
        range.selectNodeContents(el);
        const rect = range.getBoundingClientRect();
        for (let box: Element | null = el; box && box !== root.parentElement; box = box.parentElement) {
          const s = getComputedStyle(box);
          const hides = s.overflowX !== 'visible' || s.overflowY !== 'visible' || s.textOverflow === 'ellipsis';
          if (!hides) continue;
          // Scrolling boxes (the page slot, scroll-views) let the user reach what is beyond.
          if (/auto|scroll/.test(s.overflowX + s.overflowY)) break;
          // A swipe cell hides its actions (删除) beside the row until the row is swiped.
          if ((box.getAttribute('class') ?? '').includes('van-swipe-cell')) break;
          const he = box as HTMLElement;
          const inner = he.getBoundingClientRect();
          const left = inner.left + he.clientLeft;
          const top = inner.top + he.clientTop;
          if (rect.right > left + he.clientWidth + 1 || rect.bottom > top + he.clientHeight + 1 || rect.left < left - 1 || rect.top < top - 1) {
            findings.push({ kind: 'clipped', where: name(box), text: text.slice(0, 30), detail: `text ${Math.round(rect.width)}×${Math.round(rect.height)} in ${he.clientWidth}×${he.clientHeight}` });
          }
          break;
        }
        if (rect.width && !el.closest('[class*="van-swipe-cell"]') && (rect.right > frame.right + 1 || rect.left < frame.left - 1)) {
          findings.push({ kind: 'off-screen', where: name(el), text: text.slice(0, 30), detail: `text spans x ${Math.round(rect.left)}–${Math.round(rect.right)}, phone ${Math.round(frame.left)}–${Math.round(frame.right)}` });
        }
      }
      const events = (el as Element & { __wxElement?: { __wxEvents?: Record<string, unknown> } }).__wxElement?.__wxEvents;
      if (events && ('tap' in events || 'longpress' in events) && shown(el) && !seenTargets.has(el)) {
        // A target inside another target is reached through it: judge the outer one.
        let outer: Element | null = el.parentElement;
        let inside = false;
        for (; outer && outer !== root.parentElement; outer = outer.parentElement) {
          if (seenTargets.has(outer)) inside = true;
        }
        seenTargets.add(el);
        if (inside) continue;
        targets += 1;
        const rect = el.getBoundingClientRect();
        if (rect.width < options.minTarget - 0.5 || rect.height < options.minTarget - 0.5) {
          findings.push({ kind: 'small-target', where: name(el), text: (el.textContent ?? '').trim().slice(0, 30), detail: `${Math.round(rect.width)}×${Math.round(rect.height)} px` });
        }
      }
    }
  }
  let bodyPx = 0;
  let most = 0;
  for (const [px, count] of sizes) {
    if (count > most) {
      most = count;
      bodyPx = px;
    }
  }
  return { findings, texts, targets, bodyPx };
}
