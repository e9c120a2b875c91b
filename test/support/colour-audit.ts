/**
 * Reads the colours a person sees in the browser preview and reports what is hard to
 * read or off-theme. `auditColours` runs inside the page (Playwright serialises it), so
 * it is one self-contained function: no imports, no helpers from this module.
 *
 * Contrast follows WCAG 2.x: relative luminance of sRGB colours, ratio
 * (L1 + 0.05) / (L2 + 0.05); body text needs 4.5:1, large text (24 px, or 18.66 px
 * bold) 3:1. A text's background is found by walking up its ancestors and compositing
 * each background colour until an opaque one; text under a modal mask or outside the
 * viewport is not seen, so it is not judged. Background images are not considered
 * (the app uses none behind text).
 */

export interface AuditOptions {
  /** Where text is judged: the whole phone (page, pop-ups, navigation bar, tab bar). */
  scope: string;
  /** Where colours must come from the theme: the mini-program's own drawing. */
  themedScope: string[];
  /** Colours that must not appear, "r,g,b" → why (Vant's untouched defaults). */
  stray: Record<string, string>;
  /** In dark mode nothing of the mini-program may paint an opaque white surface. */
  dark: boolean;
  /**
   * WeChat's own primary button: white label on the brand green (#07c160), 2.4:1.
   * Counted and reported apart instead of failing, so the brand fill stays WeChat's.
   */
  brandFill: string;
}

export interface AuditFinding {
  kind: 'contrast' | 'stray' | 'white-in-dark';
  where: string;
  text: string;
  detail: string;
}

export interface AuditResult {
  findings: AuditFinding[];
  /** Text elements judged (seen, not disabled). */
  judged: number;
  /** White labels on the brand fill (WeChat's primary button), by text. */
  brandLabels: string[];
  /** The lowest ratio met by judged body text, and where, for the report. */
  lowest: number;
  lowestAt: string;
}

export function auditColours(options: AuditOptions): AuditResult {
  type Rgba = [number, number, number, number];
  const parse = (value: string): Rgba | null => {
    const m = /rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)/.exec(value);
    if (!m) return null;
    let alpha = m[4] === undefined ? 1 : parseFloat(m[4]);
    if (m[4] && m[4].endsWith('%')) alpha /= 100;
    return [Number(m[1]), Number(m[2]), Number(m[3]), alpha];
  };
  const over = (top: Rgba, below: Rgba): Rgba => {
    const a = top[3] + below[3] * (1 - top[3]);
    if (a === 0) return [0, 0, 0, 0];
    const mix = (i: number) => (top[i] * top[3] + below[i] * below[3] * (1 - top[3])) / a;
    return [mix(0), mix(1), mix(2), a];
  };
  const channel = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
  };
  const luminance = (c: Rgba) => 0.2126 * channel(c[0]) + 0.7152 * channel(c[1]) + 0.0722 * channel(c[2]);
  const ratio = (a: Rgba, b: Rgba) => {
    const [x, y] = [luminance(a), luminance(b)];
    return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
  };
  const key = (c: Rgba) => `${Math.round(c[0])},${Math.round(c[1])},${Math.round(c[2])}`;
  const hex = (c: Rgba) => `#${c.slice(0, 3).map((n) => Math.round(n).toString(16).padStart(2, '0')).join('')}${c[3] < 1 ? ` @${c[3].toFixed(2)}` : ''}`;

  /** A short readable path: the preview prefixes classes per component ("van-tag--van-tag"). */
  const describe = (el: Element) => {
    const parts: string[] = [];
    for (let n: Element | null = el; n && parts.length < 3 && n.id !== 'phone'; n = n.parentElement) {
      const cls = Array.from(n.classList).map((c) => c.replace(/^[\w-]+?--(?=[a-z])/, '')).filter(Boolean)[0];
      parts.unshift(cls ? `${n.tagName.toLowerCase()}.${cls}` : n.tagName.toLowerCase());
    }
    return parts.join(' > ');
  };

  /** Background behind an element: its own and its ancestors', composited to opaque. */
  const backgroundOf = (el: Element): { color: Rgba; first: Rgba | null } => {
    const layers: Rgba[] = [];
    for (let n: Element | null = el; n; n = n.parentElement) {
      const bg = parse(getComputedStyle(n).backgroundColor);
      if (bg && bg[3] > 0) {
        layers.push(bg);
        if (bg[3] >= 1) break;
      }
    }
    let color: Rgba = [255, 255, 255, 1];
    for (let i = layers.length - 1; i >= 0; i -= 1) color = over(layers[i], color);
    return { color, first: layers[0] ?? null };
  };

  const opacityOf = (el: Element) => {
    let value = 1;
    for (let n: Element | null = el; n; n = n.parentElement) value *= parseFloat(getComputedStyle(n).opacity || '1');
    return value;
  };

  const ownText = (el: Element) =>
    Array.from(el.childNodes)
      .filter((n) => n.nodeType === 3)
      .map((n) => n.textContent ?? '')
      .join('')
      .replace(/\s+/g, ' ')
      .trim();

  /**
   * Whether the text shows at (x, y): walking down from the topmost box there, the first
   * one that paints a background (a modal mask, a sheet) must be the text or its own box.
   * Transparent layers (the preview's overlay container) are looked through.
   */
  const seenAt = (el: Element, x: number, y: number) => {
    for (const hit of Array.from(document.elementsFromPoint(x, y))) {
      if (hit === el || el.contains(hit) || hit.contains(el)) return true;
      const bg = parse(getComputedStyle(hit).backgroundColor);
      if ((bg && bg[3] > 0) || hit.tagName === 'IMG') return false;
    }
    return false;
  };

  // Hit-testing must find text drawn with pointer-events: none too (placeholders, toasts).
  const probe = document.createElement('style');
  probe.textContent = '* { pointer-events: auto !important; }';
  document.head.appendChild(probe);

  const findings: AuditFinding[] = [];
  const brandLabels: string[] = [];
  let judged = 0;
  let lowest = Infinity;
  let lowestAt = '';
  const brand = parse(options.brandFill)!;
  const root = document.querySelector(options.scope);
  try {
    const candidates = root ? [root, ...Array.from(root.querySelectorAll('*'))] : [];
    for (const el of candidates) {
      const isField = el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement;
      const text = isField ? (el as HTMLInputElement).value.trim() : ownText(el);
      if (!text) continue;
      if (/placeholder/.test(el.className && typeof el.className === 'string' ? el.className : '')) continue;
      const rect = el.getBoundingClientRect();
      if (rect.width < 1 || rect.height < 1) continue;
      const style = getComputedStyle(el);
      if (style.visibility !== 'visible') continue;
      // Faded text is a disabled control (WCAG exempts inactive controls) or a transition.
      if (opacityOf(el) < 0.99) continue;
      const x = Math.min(Math.max(rect.left + rect.width / 2, 0), window.innerWidth - 1);
      const y = rect.top + Math.min(rect.height / 2, 8);
      if (y < 0 || y >= window.innerHeight) continue;
      if (!seenAt(el, x, y)) continue;
      const fg = parse(style.color);
      if (!fg || fg[3] === 0) continue;
      const bg = backgroundOf(el);
      const seen = over(fg, bg.color);
      const r = ratio(seen, bg.color);
      const size = parseFloat(style.fontSize);
      const bold = Number(style.fontWeight) >= 700;
      const large = size >= 24 || (bold && size >= 18.66);
      const needed = large ? 3 : 4.5;
      const onBrand = bg.first && bg.first[3] >= 1 && key(bg.first) === key(brand) && Math.min(seen[0], seen[1], seen[2]) >= 250;
      if (onBrand) {
        brandLabels.push(text.slice(0, 20));
        continue;
      }
      judged += 1;
      if (!large && r < lowest) {
        lowest = r;
        lowestAt = `${describe(el)} "${text.slice(0, 20)}" ${hex(seen)} on ${hex(bg.color)}`;
      }
      if (r < needed - 0.005) {
        findings.push({
          kind: 'contrast',
          where: describe(el),
          text: text.slice(0, 30),
          detail: `${r.toFixed(2)}:1 < ${needed}:1 (${hex(seen)} on ${hex(bg.color)}, ${size}px)`,
        });
      }
    }

    const themed = options.themedScope.flatMap((selector) => Array.from(document.querySelectorAll(selector)));
    const seenEls = new Set<Element>();
    for (const top of themed) {
      for (const el of [top, ...Array.from(top.querySelectorAll('*'))]) {
        if (seenEls.has(el)) continue;
        seenEls.add(el);
        if (!el.getClientRects().length) continue;
        const boxes: [CSSStyleDeclaration, string][] = [[getComputedStyle(el), '']];
        for (const pseudo of ['::before', '::after']) {
          const ps = getComputedStyle(el, pseudo);
          if (ps.content && ps.content !== 'none' && ps.content !== 'normal') boxes.push([ps, pseudo]);
        }
        if (getComputedStyle(el).visibility !== 'visible') continue;
        const drawsText = Boolean(ownText(el));
        for (const [style, pseudo] of boxes) {
          const used: [string, string][] = [['background-color', style.backgroundColor]];
          if (drawsText || pseudo) used.push(['color', style.color]);
          for (const side of ['top', 'right', 'bottom', 'left']) {
            const width = parseFloat(style.getPropertyValue(`border-${side}-width`));
            if (width > 0 && style.getPropertyValue(`border-${side}-style`) !== 'none') used.push([`border-${side}-color`, style.getPropertyValue(`border-${side}-color`)]);
          }
          for (const [property, value] of used) {
            const c = parse(value);
            if (!c || c[3] === 0) continue;
            const why = options.stray[key(c)];
            if (why) {
              findings.push({ kind: 'stray', where: `${describe(el)}${pseudo}`, text: ownText(el).slice(0, 30), detail: `${property} ${hex(c)}: ${why}` });
            } else if (options.dark && property === 'background-color' && c[3] >= 1 && key(c) === '255,255,255') {
              findings.push({ kind: 'white-in-dark', where: `${describe(el)}${pseudo}`, text: ownText(el).slice(0, 30), detail: 'opaque white background in dark mode' });
            }
          }
        }
      }
    }
  } finally {
    probe.remove();
  }
  return { findings, judged, brandLabels, lowest: lowest === Infinity ? 0 : lowest, lowestAt };
}

/** "#1989fa" → "25,137,250", the form auditColours compares. */
export function rgbKey(hexColour: string): string {
  const h = hexColour.replace('#', '');
  const full = h.length === 3 ? [...h].map((c) => c + c).join('') : h;
  return [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16)).join(',');
}

/**
 * Vant Weapp 1.11's own colours (its less variables' defaults), each replaced by the theme.
 * Any of them on screen means a component was left unthemed.
 */
export const VANT_DEFAULTS: Record<string, string> = {
  '#1989fa': "Vant's blue (radio/checkbox checked, primary tag, info)",
  '#ee0a24': "Vant's red (dropdown active, tabs line, danger)",
  '#ff976a': "Vant's orange (warning tag/button)",
  '#ed6a0c': "Vant's notice-bar orange",
  '#fffbe8': "Vant's notice-bar background",
  '#323233': "Vant's text black",
  '#646566': "Vant's secondary grey",
  '#969799': "Vant's tertiary grey",
  '#c8c9cc': "Vant's disabled grey",
  '#dcdee0': "Vant's border grey",
  '#ebedf0': "Vant's hairline grey",
  '#f2f3f5': "Vant's active grey",
  '#f7f8fa': "Vant's background grey",
};
