/**
 * The records list scrolled the way a finger scrolls it: one screen at a time down to
 * the end of what is loaded (where WeChat calls onReachBottom and a page loads), until
 * `rows` rows have been loaded, then one screen at a time back up to the top. After each
 * step the page's WXML nodes are counted and its setData measured (every component).
 *
 * The page is told its scroll position through onPageScroll, as WeChat does; the bench
 * finds the list's height from the heights the page renders (blocks[].h), since
 * miniprogram-simulate has no layout of its own.
 */
import type { Services } from '../../miniprogram/services/container';
import simulate from 'miniprogram-simulate';
import type { Driver } from '../../test/support/page-driver';
import { recordCalls, renderMeasured, summarize, type SegmentFigures } from './set-data';
import { countNodes, type NodeFigures } from './wxml-nodes';
import { LIST_TOP_PX, SCROLL_EVERY_MS } from '../../miniprogram/pages/records/window';
import { ROW_PX } from '../../miniprogram/pages/records/list';

/** What sits above the list, as the page reckons it: only where the bench scrolls to. */
const ABOVE_LIST_PX = LIST_TOP_PX;
/** Longer than the page waits between two scroll updates, so each step is one a finger makes. */
const BETWEEN_STEPS_MS = SCROLL_EVERY_MS + 40;

export interface StepFigures {
  scrollTop: number;
  rows: number;
  wxml: NodeFigures;
  setData: { calls: number; totalBytes: number; largestBytes: number };
}

export interface ListScrollFigures {
  firstRender: SegmentFigures & { wxml: NodeFigures };
  /** After loading `rows` rows, scrolled to the end. */
  atDepth: StepFigures;
  /** Back at the top after scrolling all the way up. */
  backAtTop: StepFigures;
  /** The most over every step, down and up. */
  worst: { nodes: number; depth: number; maxChildren: number; stepBytes: number; loadMoreBytes: number };
  steps: number;
  /** The first month heading and its totals at first render, and again back at the top. */
  topHeading: { first: string; back: string };
  /** The list's height at the end of the way down and the top of the way up: they must agree. */
  listHeight: { down: number; up: number };
  windowHeight: number;
}

function listHeight(driver: Driver): number {
  const blocks = driver.data.blocks as { h?: number }[] | undefined;
  if (Array.isArray(blocks)) return blocks.reduce((sum, b) => sum + (b && typeof b.h === 'number' ? b.h : 0), 0);
  // A page without a windowed list: only its row count says how far there is to go.
  return Number(driver.data.visible ?? 0) * ROW_PX;
}

function heading(driver: Driver): string {
  const head = driver.query('.month__head');
  return head ? String(head.dom.textContent ?? '').replace(/\s+/g, ' ').trim() : '';
}

async function step(driver: Driver, scrollTop: number, extra?: () => Promise<void>): Promise<{ figures: StepFigures; loadBytes: number }> {
  let loadBytes = 0;
  const calls = await recordCalls(async () => {
    await driver.lifecycle('onPageScroll', { scrollTop });
    await simulate.sleep(BETWEEN_STEPS_MS);
  });
  if (extra) {
    const loaded = await recordCalls(extra);
    loadBytes = summarize(loaded).totalBytes;
    calls.push(...loaded);
  }
  const seg = summarize(calls);
  return {
    figures: {
      scrollTop,
      rows: Number(driver.data.visible ?? 0),
      wxml: countNodes(driver.comp.dom as Element),
      setData: { calls: seg.calls, totalBytes: seg.totalBytes, largestBytes: seg.largestBytes },
    },
    loadBytes,
  };
}

export async function measureListScroll(services: Services, rows: number): Promise<ListScrollFigures> {
  const measured = await renderMeasured('records', {}, { services, ready: (d) => d.data.loaded === true });
  const driver = measured.driver;
  const windowHeight = typeof services.device.windowHeight === 'function' ? services.device.windowHeight() : 600;
  const worst = { nodes: measured.firstRender.wxml.nodes, depth: measured.firstRender.wxml.depth, maxChildren: measured.firstRender.wxml.maxChildren, stepBytes: 0, loadMoreBytes: 0 };
  const track = (s: StepFigures, loadBytes: number) => {
    worst.nodes = Math.max(worst.nodes, s.wxml.nodes);
    worst.depth = Math.max(worst.depth, s.wxml.depth);
    worst.maxChildren = Math.max(worst.maxChildren, s.wxml.maxChildren);
    worst.stepBytes = Math.max(worst.stepBytes, s.setData.totalBytes - loadBytes);
    worst.loadMoreBytes = Math.max(worst.loadMoreBytes, loadBytes);
  };
  const first = heading(driver);
  let scrollTop = 0;
  let steps = 0;
  let last: StepFigures | null = null;
  const bottom = () => Math.max(0, ABOVE_LIST_PX + listHeight(driver) - windowHeight);
  // Down: a screen at a time; at the end of what is loaded, WeChat's onReachBottom.
  for (let guard = 0; guard < 10000; guard += 1) {
    const atEnd = scrollTop >= bottom();
    const wantMore = Number(driver.data.visible ?? 0) < rows && driver.data.hasMore;
    if (atEnd && !wantMore) break;
    scrollTop = Math.min(scrollTop + windowHeight, bottom());
    const reached = scrollTop >= bottom() && wantMore;
    const { figures, loadBytes } = await step(driver, scrollTop, reached ? () => driver.lifecycle('onReachBottom') : undefined);
    track(figures, loadBytes);
    last = figures;
    steps += 1;
  }
  const atDepth = last ?? (await step(driver, scrollTop)).figures;
  const down = listHeight(driver);
  // Up: a screen at a time back to the top.
  let back: StepFigures = atDepth;
  while (scrollTop > 0) {
    scrollTop = Math.max(0, scrollTop - windowHeight);
    const { figures } = await step(driver, scrollTop);
    track(figures, 0);
    back = figures;
    steps += 1;
  }
  const figures: ListScrollFigures = {
    firstRender: measured.firstRender,
    atDepth,
    backAtTop: back,
    worst,
    steps,
    topHeading: { first, back: heading(driver) },
    listHeight: { down, up: listHeight(driver) },
    windowHeight,
  };
  driver.unload();
  return figures;
}
