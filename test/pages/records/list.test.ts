/**
 * The records list's window (pages/records/list.ts, window.ts) without a page: which parts
 * render, what each render sends, and, over random scrolling, loading and deleting, that
 * the view built from the sent paths alone is always what a fresh render would show.
 */
import { HEAD_PX, ROW_PX, RecordList, type Patch, type RowFacts } from '../../../miniprogram/pages/records/list';
import { partsInSpan, spanFor } from '../../../miniprogram/pages/records/window';
import { seededRandom } from '../../support/app';

/** Applies setData paths ('blocks[2].parts[0].r', 'months[3].s') to a plain object, as WeChat does. */
function applyPatch(view: Record<string, unknown>, patch: Patch): void {
  for (const [path, value] of Object.entries(patch)) {
    const keys = path.match(/[^.[\]]+/g) ?? [];
    let at: Record<string, unknown> = view;
    keys.slice(0, -1).forEach((key, i) => {
      if (at[key] === undefined || at[key] === null) at[key] = /^\d+$/.test(keys[i + 1]) ? [] : {};
      at = at[key] as Record<string, unknown>;
    });
    at[keys[keys.length - 1]] = JSON.parse(JSON.stringify(value));
  }
}

/** Orders 1..n of `perMonth` a month, newest first. */
function facts(n: number, perMonth = 7, from = 0): RowFacts[] {
  return Array.from({ length: n }, (_, i) => {
    const k = from + i;
    const month = 100 - Math.floor(k / perMonth);
    return { id: `O${k}`, month: `20${String(Math.floor(month / 12)).padStart(2, '0')}-${String((month % 12) + 1).padStart(2, '0')}`, title: `T${k % 3}`, phone: `P${k % 2}`, time: `t${k}`, amount: `¥${k}`, state: k % 5 };
  });
}

const monthFacts = (month: string) => ({ title: `M ${month}`, totals: `¥ ${month}` });

function rendered(view: Record<string, unknown>): string[] {
  const blocks = (view.blocks ?? []) as { parts?: { r: { k: number; x?: 1 }[] | null }[] }[];
  return blocks.flatMap((b) => (b.parts ?? []).flatMap((p) => (p.r ?? []).filter((r) => !r.x).map((r) => `O${r.k}`)));
}

describe('partsInSpan', () => {
  test.each<[string, number[], { top: number; bottom: number }, [number, number] | null]>([
    ['the parts a span covers', [100, 100, 100, 100], { top: 150, bottom: 250 }, [1, 2]],
    ['a part touching the edge counts', [100, 100, 100], { top: 200, bottom: 200 }, [1, 2]],
    ['a span above the list', [100, 100], { top: -500, bottom: -10 }, null],
    ['a span below the list', [100, 100], { top: 500, bottom: 900 }, null],
    ['a span taller than the list', [100, 100], { top: -50, bottom: 5000 }, [0, 1]],
    ['empty parts (all rows deleted) in between', [100, 0, 0, 100], { top: 100, bottom: 100 }, [0, 3]],
    ['no parts', [], { top: 0, bottom: 100 }, null],
    ['an upside-down span', [100], { top: 50, bottom: 10 }, null],
    ['NaN heights count as empty', [NaN, 100], { top: 0, bottom: 10 }, [0, 1]],
    ['a NaN span', [100], { top: NaN, bottom: NaN }, null],
  ])('%s', (_label, heights, span, expected) => {
    expect(partsInSpan(heights, span)).toEqual(expected);
  });
});

describe('spanFor', () => {
  test.each<[string, Parameters<typeof spanFor>[0], { top: number; bottom: number }]>([
    ['the screen plus half a screen either side, in list coordinates', { scrollTop: 1000, height: 600, listTop: 150 }, { top: 550, bottom: 1750 }],
    ['at the top', { scrollTop: 0, height: 600, listTop: 150 }, { top: -450, bottom: 750 }],
    ['a missing height makes an empty margin', { scrollTop: 100, height: NaN, listTop: 0 }, { top: 100, bottom: 100 }],
    ['a negative height counts as none', { scrollTop: 100, height: -5, listTop: 0 }, { top: 100, bottom: 100 }],
  ])('%s', (_label, viewport, expected) => {
    expect(spanFor(viewport)).toEqual(expected);
  });
});

describe('RecordList', () => {
  test('rows go into parts, a month heading above the first row of each month, repeated text in tables', () => {
    const list = new RecordList({ partRows: 4, blockParts: 3 });
    list.append(facts(9, 5), monthFacts);
    const view: Record<string, unknown> = {};
    applyPatch(view, list.render({ top: 0, bottom: 10_000 }));
    expect(list.size).toBe(9);
    expect(view.titles).toEqual(['T0', 'T1', 'T2']);
    expect(view.phones).toEqual(['P0', 'P1']);
    expect((view.months as { t: string }[]).map((m) => m.t)).toEqual(['M 2008-05', 'M 2008-04']);
    const blocks = view.blocks as { o: number; h: number; parts: { h: number; r: { m?: number }[] }[] }[];
    expect(blocks).toHaveLength(1);
    expect(blocks[0].parts.map((p) => p.r.length)).toEqual([4, 4, 1]);
    // Months open at rows 0 and 5: headings there, and in the heights.
    expect(blocks[0].parts[0].r[0].m).toBe(0);
    expect(blocks[0].parts[1].r[1].m).toBe(1);
    expect(blocks[0].parts.map((p) => p.h)).toEqual([4 * ROW_PX + HEAD_PX, 4 * ROW_PX + HEAD_PX, ROW_PX]);
    expect(list.height()).toBe(9 * ROW_PX + 2 * HEAD_PX);
  });

  test('a part away from the span is an empty box of its height; a block with none near is one box', () => {
    const list = new RecordList({ partRows: 2, blockParts: 2 });
    list.append(facts(12, 100), monthFacts);
    const view: Record<string, unknown> = {};
    // Part 1 (rows 2-3) only: from just below part 0 to the middle of part 1.
    applyPatch(view, list.render({ top: HEAD_PX + 2 * ROW_PX + 1, bottom: HEAD_PX + 3 * ROW_PX }));
    const blocks = view.blocks as { o: number; h: number; parts?: { r: unknown[] | null }[] }[];
    expect(blocks.map((b) => b.o)).toEqual([1, 0, 0]);
    expect(blocks[0].parts!.map((p) => p.r !== null)).toEqual([false, true]);
    expect(blocks[1].parts).toBeUndefined();
    expect(blocks.reduce((sum, b) => sum + b.h, 0)).toBe(list.height());
    expect(rendered(view)).toEqual(['O2', 'O3']);
  });

  test('moving the span sends the part coming in and null for the one going out, nothing else', () => {
    const list = new RecordList({ partRows: 2, blockParts: 10 });
    list.append(facts(10, 100), monthFacts);
    const first = list.render({ top: 0, bottom: 1 });
    expect(Object.keys(first)).toEqual(['blocks', 'months', 'titles', 'phones']);
    const part = (n: number) => HEAD_PX + n * 2 * ROW_PX;
    const moved = list.render({ top: part(2) + 1, bottom: part(2) + 2 });
    expect(moved).toEqual({ 'blocks[0].parts[0].r': null, 'blocks[0].parts[2].r': expect.any(Array) });
    expect(list.render({ top: part(2) + 1, bottom: part(2) + 2 })).toEqual({});
  });

  test('loading more adds only the new parts and table entries', () => {
    const list = new RecordList({ partRows: 2, blockParts: 2 });
    list.append(facts(3, 100), monthFacts);
    list.render({ top: 0, bottom: 10_000 });
    list.append(facts(4, 100, 3), monthFacts);
    const patch = list.render({ top: 0, bottom: 10_000 });
    // Part 1 had one row and got one more (sent alone); parts 2 and 3 are new, in a new block.
    expect(Object.keys(patch).sort()).toEqual(['blocks[0].h', 'blocks[0].parts[1].h', 'blocks[0].parts[1].r[1]', 'blocks[1]'].sort());
  });

  test('the same order twice is listed once', () => {
    const list = new RecordList();
    list.append(facts(3), monthFacts);
    list.append(facts(3), monthFacts);
    expect(list.size).toBe(3);
  });

  test('deleting a row on screen sends its flag, the new heights and its month’s totals', () => {
    const list = new RecordList({ partRows: 3, blockParts: 5 });
    list.append(facts(6, 100), monthFacts);
    list.render({ top: 0, bottom: 10_000 });
    expect(list.idAt(1, 1)).toBe('O4');
    expect(list.remove('O4')).toBe('2008-05');
    list.setTotals('2008-05', '¥ 1');
    const patch = list.render({ top: 0, bottom: 10_000 });
    expect(patch).toEqual({ 'months[0]': { t: 'M 2008-05', s: '¥ 1' }, 'blocks[0].h': HEAD_PX + 5 * ROW_PX, 'blocks[0].parts[1].h': 2 * ROW_PX, 'blocks[0].parts[1].r[1].x': 1 });
    expect(list.idAt(1, 1)).toBeUndefined();
    expect(list.remove('O4')).toBeNull();
    expect(list.remove('nope')).toBeNull();
    expect(list.size).toBe(5);
  });

  test('the last row of a month gone takes its heading with it', () => {
    const list = new RecordList({ partRows: 5, blockParts: 5 });
    list.append(facts(3, 2), monthFacts);
    list.render({ top: 0, bottom: 10_000 });
    list.remove('O2');
    const patch = list.render({ top: 0, bottom: 10_000 });
    expect(patch['months[1]']).toEqual({ t: 'M 2008-04', s: '¥ 2008-04', x: 1 });
    expect(list.height()).toBe(2 * ROW_PX + HEAD_PX);
  });

  test('hostile positions name no order', () => {
    const list = new RecordList();
    list.append(facts(2), monthFacts);
    expect([list.idAt(-1, 0), list.idAt(0, 99), list.idAt(NaN, NaN), list.idAt(1.5, 0)]).toEqual([undefined, undefined, undefined, undefined]);
  });

  test('clear() makes the next render replace the list whole', () => {
    const list = new RecordList();
    list.append(facts(5), monthFacts);
    list.render({ top: 0, bottom: 100 });
    list.clear();
    list.append(facts(2, 7, 50), monthFacts);
    const patch = list.render({ top: 0, bottom: 100 });
    expect(Object.keys(patch)).toEqual(['blocks', 'months', 'titles', 'phones']);
    expect(list.size).toBe(2);
  });

  test('random scrolling, loading and deleting: the view built from the sent paths is always a fresh render', () => {
    const random = seededRandom(5);
    for (let run = 0; run < 25; run += 1) {
      const shape = { partRows: 1 + Math.floor(random() * 5), blockParts: 1 + Math.floor(random() * 4) };
      const list = new RecordList(shape);
      const view: Record<string, unknown> = {};
      const batches: RowFacts[][] = [];
      const deleted: string[] = [];
      let loaded = 0;
      let span = { top: 0, bottom: 300 };
      for (let step = 0; step < 60; step += 1) {
        const roll = random();
        if (roll < 0.25) {
          const batch = facts(1 + Math.floor(random() * 8), 1 + Math.floor(random() * 6), loaded);
          list.append(batch, monthFacts);
          batches.push(batch);
          loaded += batch.length;
        } else if (roll < 0.4 && loaded) {
          const id = `O${Math.floor(random() * loaded)}`;
          if (list.remove(id)) deleted.push(id);
        } else {
          const top = random() * Math.max(1, list.height());
          span = { top, bottom: top + random() * 600 };
        }
        applyPatch(view, list.render(span));

        const fresh = new RecordList(shape);
        for (const batch of batches) fresh.append(batch, monthFacts);
        for (const id of deleted) fresh.remove(id);
        const freshView: Record<string, unknown> = {};
        applyPatch(freshView, fresh.render(span));
        expect(view).toEqual(freshView);
        expect(blocksHeight(view)).toBe(list.height());
        expect(rendered(view).filter((id) => deleted.includes(id))).toEqual([]);
      }
    }
  });
});

function blocksHeight(view: Record<string, unknown>): number {
  return ((view.blocks ?? []) as { h: number }[]).reduce((sum, b) => sum + b.h, 0);
}
