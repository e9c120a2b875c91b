/**
 * <page-meta root-font-size>, as WeChat applies it: 1rem of the page on screen is the size
 * the page asks for, "system" being the font size set in WeChat (16 px as standard; the
 * preview takes another scale from ?font=1.6). Each page's page-meta keeps its value on
 * its host; whenever another page comes to the front, its value is applied to the
 * document root, which is what rem measures against in the browser.
 */
import type { BuiltinInstance, ComponentDefinition } from './types';

const STANDARD_PX = 16;

/** WeChat's font size setting as a scale of the standard, from the address (?font=1.6). */
export function systemFontScale(search: string): number {
  const scale = Number(/[?&]font=([\d.]+)/.exec(search)?.[1]);
  return Number.isFinite(scale) && scale >= 0.5 && scale <= 3 ? scale : 1;
}

/** The root size in px a page-meta value stands for ('system', '', '20px', '1.25em' …). */
export function rootFontPx(value: string, systemPx: number): number {
  const match = /^([\d.]+)(px)?$/.exec(value.trim());
  if (!value || value === 'system' || !match) return systemPx;
  return Number(match[1]);
}

let systemPx = STANDARD_PX;

function applyFrontPage(): void {
  const meta = document.querySelector<HTMLElement>('#screen > .page-slot:not([hidden]) wx-page-meta');
  const px = rootFontPx(meta?.dataset.rootFontSize ?? '', systemPx);
  const text = `${px}px`;
  if (document.documentElement.style.fontSize !== text) document.documentElement.style.fontSize = text;
}

export function followPageFonts(screen: HTMLElement, scale: number): void {
  systemPx = STANDARD_PX * scale;
  document.documentElement.dataset.systemFontScale = String(scale);
  new MutationObserver(applyFrontPage).observe(screen, { childList: true, subtree: true, attributes: true, attributeFilter: ['hidden', 'data-root-font-size'] });
  applyFrontPage();
}

function syncMeta(this: BuiltinInstance): void {
  const host = this._exparserNode.$$;
  host.dataset.rootFontSize = String(this.data.rootFontSize ?? '');
  host.style.display = 'none';
  applyFrontPage();
}

export const pageMetaDefinition: ComponentDefinition = {
  id: 'page-meta',
  tagName: 'wx-page-meta',
  template: '<slot/>',
  properties: {
    rootFontSize: { type: String, value: '', observer: syncMeta },
    pageFontSize: { type: String, value: '' },
  },
  lifetimes: { attached: syncMeta },
};
