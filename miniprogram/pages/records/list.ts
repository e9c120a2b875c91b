/**
 * The records list as a window over everything loaded: rows are grouped in parts of
 * PART_ROWS, parts in blocks of BLOCK_PARTS. Only the parts near the screen carry rows;
 * every other part is an empty box of its exact height, and a block with no part near the
 * screen is a single box. So however far a user scrolls, the page holds a few parts of
 * rows and at most a few dozen boxes, and the scroll height never jumps.
 *
 * Heights are fixed per row and per month heading (the WXSS uses the same px), so they
 * are known without measuring. The list remembers what the view already holds and
 * render() returns only the setData paths that differ: a scroll sends the rows of a part
 * coming into view and null for one leaving it; a load sends the new parts.
 *
 * Rows carry only what they show, with repeated text (titles, masked numbers, months)
 * sent once in tables the rows point into: a page of rows crosses to the view in about
 * 1 KB.
 */
import { partsInSpan, type Span } from './window';

/** The height of one row and of one month heading, in px (index.wxss says the same). */
export const ROW_PX = 86;
export const HEAD_PX = 40;
/** Rows in one part: what enters or leaves the view in one step. */
export const PART_ROWS = 10;
/** Parts in one block: a block away from the screen is one box (10,000 rows make 25). */
export const BLOCK_PARTS = 40;

/** One order as a row shows it (view.ts makes it). */
export interface RowFacts {
  id: string;
  /** China month, '2026-11': rows of one month follow each other under its heading. */
  month: string;
  title: string;
  phone: string;
  time: string;
  amount: string;
  /** A second, smaller amount ('' for none): a Smart load's ₱ face value beside the yuan charged. */
  face?: string;
  /** Placed by an 自动充值 rule. */
  auto?: boolean;
  /** Position in the page's `states` table (label and tag colour). */
  state: number;
}

/** Marks a row carries only while they are on (picking orders for an invoice): n cannot be picked, c is picked. */
export type RowMark = 'n' | 'c';

export interface MonthFacts {
  title: string;
  totals: string;
}

/** A row in the view's data: keys of one letter, text that repeats as table positions. */
export interface RowView {
  /** Key for wx:for: the row's place in the whole list. */
  k: number;
  /** Position in `titles`. */
  t: number;
  /** Position in `phones`. */
  p: number;
  /** When it was ordered. */
  d: string;
  /** Amount paid. */
  a: string;
  /** The face value under it, when another currency was charged in yuan. */
  f?: string;
  /** 1: an 自动充值 order. */
  u?: 1;
  /** 1: cannot be picked for an invoice (only while picking). */
  n?: 1;
  /** 1: picked for an invoice. */
  c?: 1;
  /** Position in `states`. */
  s: number;
  /** Position in `months`: set on the first row of a month, whose heading goes above it. */
  m?: number;
  /** Deleted: the row is gone (the heading above it stays while its month has rows). */
  x?: 1;
}

export interface PartView {
  k: number;
  /** Height in px, rendered or not. */
  h: number;
  /** The rows, or null while the part is away from the screen. */
  r: RowView[] | null;
}

export interface BlockView {
  k: number;
  /** 1 when some part of the block is near the screen and the block lists its parts. */
  o: 0 | 1;
  h: number;
  parts?: PartView[];
}

export interface MonthView {
  /** 2026年11月 */
  t: string;
  /** The month's totals. */
  s: string;
  /** Every row of the month was deleted: no heading. */
  x?: 1;
}

interface Row {
  id: string;
  month: number;
  view: RowView;
}

interface Month {
  key: string;
  view: MonthView;
  alive: number;
}

/** What the view holds of one block: open or not, its height, and each listed part. */
interface SentBlock {
  open: boolean;
  h: number;
  parts: { h: number; shown: boolean; rows: number }[];
}

interface Sent {
  fresh: boolean;
  blocks: SentBlock[];
  months: number;
  titles: number;
  phones: number;
}

export type Patch = Record<string, unknown>;

function freshSent(): Sent {
  return { fresh: true, blocks: [], months: 0, titles: 0, phones: 0 };
}

/** Adds text to a table once; returns its position. */
function positionIn(table: string[], index: Map<string, number>, text: string): number {
  const known = index.get(text);
  if (known !== undefined) return known;
  index.set(text, table.length);
  table.push(text);
  return table.length - 1;
}

export interface ListShape {
  partRows: number;
  blockParts: number;
}

export class RecordList {
  private readonly partRows: number;
  private readonly blockParts: number;
  // Set by clear(), which the constructor calls: one place says what an empty list is.
  private parts!: Row[][];
  private months!: Month[];
  private readonly monthAt = new Map<string, number>();
  private titles!: string[];
  private readonly titleAt = new Map<string, number>();
  private phones!: string[];
  private readonly phoneAt = new Map<string, number>();
  private readonly byId = new Map<string, { part: number; row: number }>();
  private serial!: number;
  private alive!: number;
  private sent!: Sent;
  /** Rows deleted and months changed since the last render, sent as single paths. */
  private removedRows!: { part: number; row: number }[];
  private changedMonths = new Set<number>();
  /** Marks set or cleared since the last render, sent as one path each for rows on screen. */
  private markedRows!: { part: number; row: number; mark: RowMark }[];

  constructor(shape: Partial<ListShape> = {}) {
    this.partRows = Math.max(1, Math.floor(shape.partRows ?? PART_ROWS));
    this.blockParts = Math.max(1, Math.floor(shape.blockParts ?? BLOCK_PARTS));
    this.clear();
  }

  /** Forgets every row; the next render replaces the view's list whole. */
  clear(): void {
    this.parts = [];
    this.months = [];
    this.monthAt.clear();
    this.titles = [];
    this.titleAt.clear();
    this.phones = [];
    this.phoneAt.clear();
    this.byId.clear();
    this.serial = 0;
    this.alive = 0;
    this.sent = freshSent();
    this.removedRows = [];
    this.changedMonths.clear();
    this.markedRows = [];
  }

  /** Rows loaded and not deleted. */
  get size(): number {
    return this.alive;
  }

  /** Adds rows below the ones loaded (older orders); `monthFacts` is asked once per new month. */
  append(rows: readonly RowFacts[], monthFacts: (month: string) => MonthFacts): void {
    for (const facts of rows) {
      if (this.byId.has(facts.id)) continue;
      let month = this.monthAt.get(facts.month);
      const opensMonth = month === undefined;
      if (month === undefined) {
        const known = monthFacts(facts.month);
        month = this.months.length;
        this.months.push({ key: facts.month, view: { t: known.title, s: known.totals }, alive: 0 });
        this.monthAt.set(facts.month, month);
      }
      if (this.months[month].view.x) {
        // Every loaded row of the month was deleted, and the next page holds more of it.
        delete this.months[month].view.x;
        this.changedMonths.add(month);
      }
      let part = this.parts.length - 1;
      if (part < 0 || this.parts[part].length >= this.partRows) {
        this.parts.push([]);
        part += 1;
      }
      const view: RowView = {
        k: this.serial,
        t: positionIn(this.titles, this.titleAt, facts.title),
        p: positionIn(this.phones, this.phoneAt, facts.phone),
        d: facts.time,
        a: facts.amount,
        s: facts.state,
      };
      if (facts.face) view.f = facts.face;
      if (facts.auto) view.u = 1;
      if (opensMonth) view.m = month;
      this.serial += 1;
      this.byId.set(facts.id, { part, row: this.parts[part].length });
      this.parts[part].push({ id: facts.id, month, view });
      this.months[month].alive += 1;
      this.alive += 1;
    }
  }

  /** Every listed order's id, top to bottom (deleted ones left out). */
  ids(): string[] {
    return this.parts.flatMap((part) => part.filter((row) => !row.view.x).map((row) => row.id));
  }

  /** Sets or clears a mark on the order's row; only a change is sent (one path, if the row is on screen). */
  mark(id: string, mark: RowMark, on: boolean): void {
    const at = this.byId.get(id);
    if (!at) return;
    const view = this.parts[at.part][at.row].view;
    if (!!view[mark] === on) return;
    if (on) view[mark] = 1;
    else delete view[mark];
    this.markedRows.push({ ...at, mark });
  }

  /** The order shown at part `part`, row `row` (what a tap or the delete button names). */
  idAt(part: number, row: number): string | undefined {
    const found = this.parts[part]?.[row];
    return found && !found.view.x ? found.id : undefined;
  }

  /** Marks the order's row deleted; returns its month ('2026-11'), or null when it is not listed. */
  remove(id: string): string | null {
    const at = this.byId.get(id);
    if (!at) return null;
    const row = this.parts[at.part][at.row];
    if (row.view.x) return null;
    row.view.x = 1;
    this.alive -= 1;
    const month = this.months[row.month];
    month.alive -= 1;
    if (month.alive === 0) {
      month.view.x = 1;
      this.changedMonths.add(row.month);
    }
    this.removedRows.push(at);
    return month.key;
  }

  /** New totals for a month already listed (after a deletion). */
  setTotals(monthKey: string, totals: string): void {
    const at = this.monthAt.get(monthKey);
    if (at === undefined || this.months[at].view.s === totals) return;
    this.months[at].view.s = totals;
    this.changedMonths.add(at);
  }

  private partHeight(part: number): number {
    let height = 0;
    for (const row of this.parts[part]) {
      if (!row.view.x) height += ROW_PX;
      if (row.view.m !== undefined && !this.months[row.view.m].view.x) height += HEAD_PX;
    }
    return height;
  }

  /** Every part's height, top to bottom. */
  heights(): number[] {
    return this.parts.map((_, i) => this.partHeight(i));
  }

  height(): number {
    return this.heights().reduce((sum, h) => sum + h, 0);
  }

  private partView(part: number, height: number, shown: boolean): PartView {
    return { k: part, h: height, r: shown ? this.parts[part].map((row) => ({ ...row.view })) : null };
  }

  /**
   * The setData that brings the view to this window: the parts overlapping `span` carry
   * rows, all others are boxes. Only what differs from what the view holds is sent.
   */
  render(span: Span | null): Patch {
    const heights = this.heights();
    const range = span ? partsInSpan(heights, span) : null;
    const shown = (part: number) => range !== null && part >= range[0] && part <= range[1];
    const blockCount = Math.ceil(this.parts.length / this.blockParts);
    const blockHeight = (b: number) => heights.slice(b * this.blockParts, (b + 1) * this.blockParts).reduce((sum, h) => sum + h, 0);
    const partsOf = (b: number) => Array.from({ length: Math.min(this.blockParts, this.parts.length - b * this.blockParts) }, (_, i) => b * this.blockParts + i);
    const isOpen = (b: number) => partsOf(b).some(shown);
    const patch: Patch = {};
    const sentBlocks: SentBlock[] = this.sent.fresh ? [] : this.sent.blocks;

    const blockView = (b: number): BlockView => {
      const open = isOpen(b);
      const h = blockHeight(b);
      sentBlocks[b] = { open, h, parts: open ? partsOf(b).map((g) => ({ h: heights[g], shown: shown(g), rows: this.parts[g].length })) : [] };
      return open ? { k: b, o: 1, h, parts: partsOf(b).map((g) => this.partView(g, heights[g], shown(g))) } : { k: b, o: 0, h };
    };

    if (this.sent.fresh) {
      patch.blocks = Array.from({ length: blockCount }, (_, b) => blockView(b));
      patch.months = this.months.map((m) => ({ ...m.view }));
      patch.titles = [...this.titles];
      patch.phones = [...this.phones];
    } else {
      for (let k = this.sent.titles; k < this.titles.length; k += 1) patch[`titles[${k}]`] = this.titles[k];
      for (let k = this.sent.phones; k < this.phones.length; k += 1) patch[`phones[${k}]`] = this.phones[k];
      // A changed month goes whole: a few bytes, and a heading that comes back loses its x.
      for (const m of this.changedMonths) if (m < this.sent.months) patch[`months[${m}]`] = { ...this.months[m].view };
      for (let m = this.sent.months; m < this.months.length; m += 1) patch[`months[${m}]`] = { ...this.months[m].view };
      for (let b = 0; b < blockCount; b += 1) {
        const before = sentBlocks[b];
        const open = isOpen(b);
        const h = blockHeight(b);
        if (!before || before.open !== open) {
          patch[`blocks[${b}]`] = blockView(b);
          continue;
        }
        if (before.h !== h) patch[`blocks[${b}].h`] = h;
        before.h = h;
        if (!open) continue;
        for (const g of partsOf(b)) {
          const p = g - b * this.blockParts;
          const had = before.parts[p];
          if (!had) {
            patch[`blocks[${b}].parts[${p}]`] = this.partView(g, heights[g], shown(g));
            before.parts[p] = { h: heights[g], shown: shown(g), rows: this.parts[g].length };
            continue;
          }
          const rows = this.parts[g].length;
          if (had.h !== heights[g]) patch[`blocks[${b}].parts[${p}].h`] = heights[g];
          if (had.shown !== shown(g)) {
            patch[`blocks[${b}].parts[${p}].r`] = shown(g) ? this.partView(g, heights[g], true).r : null;
          } else if (shown(g)) {
            // The last part filled up by a load: its new rows, one path each.
            for (let i = had.rows; i < rows; i += 1) patch[`blocks[${b}].parts[${p}].r[${i}]`] = { ...this.parts[g][i].view };
            // A deleted row of a part that stays on screen: one flag, not the part again.
            for (const gone of this.removedRows) if (gone.part === g && gone.row < had.rows) patch[`blocks[${b}].parts[${p}].r[${gone.row}].x`] = 1;
            // A mark set or cleared on a row that stays on screen: one flag.
            for (const marked of this.markedRows) {
              if (marked.part === g && marked.row < had.rows) patch[`blocks[${b}].parts[${p}].r[${marked.row}].${marked.mark}`] = this.parts[g][marked.row].view[marked.mark] ?? 0;
            }
          }
          before.parts[p] = { h: heights[g], shown: shown(g), rows };
        }
      }
    }
    this.sent = { fresh: false, blocks: sentBlocks, months: this.months.length, titles: this.titles.length, phones: this.phones.length };
    this.removedRows = [];
    this.changedMonths.clear();
    this.markedRows = [];
    return patch;
  }
}
