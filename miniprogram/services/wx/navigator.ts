import type { Navigator, PageName, Query } from '../contracts';
import { TAB_PAGES, pagePath } from '../contracts';

/** Builds `/pages/<name>/index?a=1&b=2` with every value URI-encoded. */
export function pageUrl(page: PageName, query: Query = {}): string {
  const parts = Object.keys(query)
    .filter((key) => query[key] !== undefined)
    .map((key) => `${encodeURIComponent(key)}=${encodeURIComponent(query[key])}`);
  return `/${pagePath(page)}${parts.length ? `?${parts.join('&')}` : ''}`;
}

/** Page queries arrive URI-encoded in some base library versions: decode each value once, safely. */
export function decodeQuery(raw: Record<string, string | undefined> | undefined): Query {
  const out: Query = {};
  if (!raw) return out;
  for (const key of Object.keys(raw)) {
    const value = raw[key];
    if (typeof value !== 'string') continue;
    try {
      out[key] = decodeURIComponent(value);
    } catch {
      out[key] = value;
    }
  }
  return out;
}

/** Navigation on wx: tabs via switchTab (queries travel as a one-time handoff). */
export class WxNavigator implements Navigator {
  private readonly handoffs = new Map<PageName, Query>();

  open(page: PageName, query: Query = {}): void {
    if (TAB_PAGES.includes(page)) {
      if (Object.keys(query).length) this.handoffs.set(page, query);
      wx.switchTab({ url: pageUrl(page) });
      return;
    }
    wx.navigateTo({ url: pageUrl(page, query) });
  }

  replace(page: PageName, query: Query = {}): void {
    if (TAB_PAGES.includes(page)) {
      this.open(page, query);
      return;
    }
    wx.redirectTo({ url: pageUrl(page, query) });
  }

  relaunch(page: PageName, query: Query = {}): void {
    if (TAB_PAGES.includes(page)) {
      this.open(page, query);
      return;
    }
    wx.reLaunch({ url: pageUrl(page, query) });
  }

  back(): void {
    wx.navigateBack({ delta: 1 });
  }

  takeHandoff(page: PageName): Query | undefined {
    const query = this.handoffs.get(page);
    this.handoffs.delete(page);
    return query;
  }
}
