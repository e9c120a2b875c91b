/**
 * WeChat hands a page's aria-role / aria-label / aria-checked … to the phone's screen
 * reader; miniprogram-simulate keeps them only on its own nodes (camel-cased, ariaLabel),
 * not on the DOM. So the browser's accessibility tree (and Playwright's getByRole) sees
 * them, the preview copies them onto each element after every render.
 */

type WithRendered = Element & { __wxElement?: { _vt?: { attrs?: { name: string; value: unknown }[] } } };

const ARIA = /^aria-?([a-z]+)$/i;

export function domAriaName(name: string): string | null {
  const match = ARIA.exec(name);
  if (!match) return null;
  const key = match[1].toLowerCase();
  return key === 'role' ? 'role' : `aria-${key}`;
}

function copy(root: Element): void {
  for (const el of Array.from(root.querySelectorAll('*')) as WithRendered[]) {
    const attrs = el.__wxElement?._vt?.attrs;
    if (!attrs) continue;
    for (const { name, value } of attrs) {
      const target = domAriaName(name);
      if (!target) continue;
      const text = value === undefined || value === null ? '' : String(value);
      if (el.getAttribute(target) !== text) el.setAttribute(target, text);
    }
  }
}

export function mirrorAria(roots: HTMLElement[]): void {
  let queued = false;
  const run = () => {
    queued = false;
    for (const root of roots) copy(root);
  };
  const observer = new MutationObserver((records) => {
    // Our own attribute writes come back as mutations: ignore those.
    if (queued || records.every((r) => r.type === 'attributes' && r.attributeName !== null && /^(role|aria-)/.test(r.attributeName))) return;
    queued = true;
    requestAnimationFrame(run);
  });
  for (const root of roots) observer.observe(root, { childList: true, subtree: true, characterData: true, attributes: true });
  run();
}
