import simulate from 'miniprogram-simulate';
import { settle, type Driver, openPage } from '../support/page-driver';
import { TestApp } from '../support/app';
import { realOrder, type RealOrderSpec } from '../support/records-orders';
import { countNodes } from '../../bench/measure/wxml-nodes';
import type { BoundCard, Order } from '../../miniprogram/core/types';
import { LIST_TOP_PX, SCROLL_EVERY_MS } from '../../miniprogram/pages/records/window';
import { ROW_PX } from '../../miniprogram/pages/records/list';
import { ORDER_STATE_LABELS } from '../../miniprogram/view/labels';

let app: TestApp;

beforeEach(() => {
  globalThis.__wxStorage.clearStorageSync();
  app = new TestApp({ now: '2026-11-25T10:00:00+08:00' });
});

function seed(specs: RealOrderSpec[]): Order[] {
  return specs.map((spec, i) => {
    const order = realOrder({ serial: i + 1, ...spec });
    const stored = app.services.records.append(order);
    if (!stored.ok) throw new Error(stored.message);
    return order;
  });
}

/** n succeeded orders, one every 20 hours back from 2026-11-25 09:00 (China time). */
function seedMany(n: number): Order[] {
  const start = Date.parse('2026-11-25T09:00:00+08:00');
  return seed(Array.from({ length: n }, (_, i) => ({ at: start - i * 20 * 3600_000, pick: i % 4 })));
}

const openRecords = () => openPage('records', {}, app.services);

/** The order behind each row the page renders, top to bottom (the view holds positions, not ids). */
function rowIds(page: Driver): string[] {
  return page.queryAll('.row__main').map((row) => {
    const dom = row.dom as Element;
    const dataset = { part: Number(dom.getAttribute('data-part')), row: Number(dom.getAttribute('data-row')) };
    return String(page.instance.rowId({ currentTarget: { dataset } }) ?? '');
  });
}

function rowOf(page: Driver, id: string, selector: '.row__main' | '.row__delete') {
  const at = rowIds(page).indexOf(id);
  if (at < 0) throw new Error(`order ${id} is not rendered`);
  return page.queryAll(selector)[at];
}

async function tapRow(page: Driver, id: string): Promise<void> {
  rowOf(page, id, '.row__main').dispatchEvent('tap');
  await settle();
}

async function tapDelete(page: Driver, id: string): Promise<void> {
  rowOf(page, id, '.row__delete').dispatchEvent('tap');
  await settle();
}

/** The list's height as the page lays it out (each block carries its height). */
function listHeight(page: Driver): number {
  return (page.data.blocks as { h: number }[]).reduce((sum, b) => sum + b.h, 0);
}

/** Scrolls the page as WeChat reports it, then waits out the page's scroll throttle. */
async function scrollTo(page: Driver, scrollTop: number): Promise<void> {
  await page.lifecycle('onPageScroll', { scrollTop });
  await simulate.sleep(SCROLL_EVERY_MS + 20);
  await settle();
}

/** Everything setData is asked to send from now on. */
function watchSetData(page: Driver): Record<string, unknown>[] {
  const sent: Record<string, unknown>[] = [];
  const original = page.instance.setData.bind(page.instance);
  page.instance.setData = (data: Record<string, unknown>, callback?: () => void) => {
    sent.push(data);
    return original(data, callback);
  };
  return sent;
}

const bytes = (data: unknown) => Buffer.byteLength(JSON.stringify(data));

async function openFilter(page: Driver, chip: '#filter-phone' | '#filter-status' | '#filter-kind'): Promise<string[]> {
  await page.tap(chip);
  await page.until(() => page.has('#filter-sheet >>> .van-action-sheet__item'), 'the filter sheet');
  return page.queryAll('#filter-sheet >>> .van-action-sheet__item').map((o) => String(o.dom.textContent).trim());
}

/** Opens the chip's sheet and taps the choice with this text, as a finger does. */
async function pick(page: Driver, chip: '#filter-phone' | '#filter-status' | '#filter-kind', text: string): Promise<void> {
  const choices = await openFilter(page, chip);
  const at = choices.findIndex((c) => c.replace(/^✓ /, '') === text);
  if (at < 0) throw new Error(`no choice "${text}" in ${choices.join(', ')}`);
  page.queryAll('#filter-sheet >>> .van-action-sheet__item')[at].dispatchEvent('tap');
  await settle(10);
}

describe('records page, empty', () => {
  test('a proper empty state with a button that goes to renew', async () => {
    const page = await openRecords();
    expect(page.text()).toContain('还没有续费记录');
    expect(page.vantShown('.empty', '.van-empty')).toBe(true);
    expect(page.has('#export')).toBe(false);
    await page.tap('#go-renew');
    expect(app.nav.last()).toMatchObject({ kind: 'open', page: 'lookup' });
  });
});

describe('records page, list', () => {
  test('newest first, masked numbers, a time that fits one line, a page of 20 then more on scroll', async () => {
    const orders = seedMany(45);
    const page = await openRecords();
    // A page of 20 is read; the part of it that fits the screen and a margin is rendered.
    expect(page.data.visible).toBe(20);
    expect(rowIds(page)).toEqual(orders.slice(0, 10).map((o) => o.id));
    expect(page.text()).toContain('138****8000 · 归属地未知 · 中国移动');
    expect(page.textOf('.row__time')).toBe('11月25日 09:00');
    expect(page.text()).not.toContain('13800138000');
    expect(page.text()).toContain('上滑加载更多');
    expect(page.vantShown('.row', '.van-swipe-cell')).toBe(true);

    const sent = watchSetData(page);
    await page.lifecycle('onReachBottom');
    expect(page.data.visible).toBe(40);
    expect(sent).toHaveLength(1);
    // Only paths under the list and the tables: nothing already shown goes again, and well under 2 KB.
    expect(Object.keys(sent[0]).every((k) => /^(blocks\[\d+\]\.parts\[\d+\]|blocks\[\d+\]\.h|titles\[\d+\]|phones\[\d+\]|months\[\d+\]|visible|hasMore)/.test(k))).toBe(true);
    expect(Object.keys(sent[0])).not.toContain('blocks');
    expect(bytes(sent[0])).toBeLessThan(2 * 1024);

    await page.lifecycle('onReachBottom');
    expect(page.data.visible).toBe(45);
    expect(page.text()).toContain('没有更多了');
    await page.lifecycle('onReachBottom');
    expect(sent).toHaveLength(2);
  });

  test('grouped by month with each month’s charged totals per currency, and a note that says what they count', async () => {
    seed([
      { at: '2026-11-25T09:00:00+08:00', state: 'succeeded', pick: 1 }, // ¥20
      { at: '2026-11-20T09:00:00+08:00', state: 'paid', pick: 2 }, // ¥30, charged, top-up running
      { at: '2026-11-18T09:00:00+08:00', state: 'pay_failed', pick: 4 }, // ¥100 not charged
      { at: '2026-11-12T09:00:00+08:00', state: 'refunding', pick: 3 }, // ¥50 being returned
      { at: '2026-11-10T09:00:00+08:00', state: 'refunded', pick: 3 }, // ¥50 refunded
      { at: '2026-11-08T09:00:00+08:00', state: 'succeeded', carrier: 'smart', pick: 2 }, // ₱100
      { at: '2026-11-01T00:30:00+08:00', state: 'succeeded', pick: 0 }, // ¥10, 2026-10-31 16:30 UTC
      { at: '2026-10-12T09:00:00+08:00', state: 'succeeded', pick: 3 }, // ¥50
      { at: '2026-10-03T09:00:00+08:00', state: 'cancelled', pick: 3 },
    ]);
    const page = await openRecords();
    const heads = page.queryAll('.month__head').map((m) => String(m.dom.textContent).replace(/\s+/g, ' ').trim());
    expect(heads).toEqual(['2026年11月合计 ¥60.00 · ₱100.00', '2026年10月合计 ¥50.00']);
    // The note names what is left out, so a 退款中 order missing from the total is no contradiction.
    expect(page.text()).toContain('月合计为充值成功、已支付订单的实付金额，不含结果待确认和会退回的款项（充值失败、退款中）');
    expect(page.text()).toContain('左滑一条记录可删除');
  });

  test('tags read the words of view/labels.ts, each state its own colour class', async () => {
    const orders = seed([
      { at: '2026-11-25T09:00:00+08:00', state: 'cancelled' },
      { at: '2026-11-24T09:00:00+08:00', state: 'succeeded' },
      { at: '2026-11-23T09:00:00+08:00', state: 'unknown' },
    ]);
    const page = await openRecords();
    const tags = page.queryAll('.row__state');
    expect(tags.map((t) => String(t.dom.textContent).trim())).toEqual(orders.map((o) => ORDER_STATE_LABELS[o.state]));
    // 已取消 is grey, never the blank (white) tag.
    expect(String((tags[0].dom as Element).className)).toMatch(/row__state--default/);
    expect(String((tags[1].dom as Element).className)).toMatch(/row__state--success/);
  });

  test('tapping a record opens its voucher', async () => {
    const [order] = seedMany(1);
    const page = await openRecords();
    await tapRow(page, order.id);
    expect(app.nav.last()).toEqual({ kind: 'open', page: 'voucher', query: { orderId: order.id } });
  });

  test('two quick taps on a record open one voucher; back on the list, a tap opens it again', async () => {
    const [order] = seedMany(1);
    const page = await openRecords();
    const opened = () => app.nav.moves.filter((m) => m.page === 'voucher').length;
    await tapRow(page, order.id);
    await tapRow(page, order.id);
    expect(opened()).toBe(1);
    await page.lifecycle('onShow');
    await tapRow(page, order.id);
    expect(opened()).toBe(2);
  });
});

describe('records page, a long list', () => {
  test('however far it is scrolled, only the rows near the screen are rendered, and scrolling back up finds the same rows, headings and totals', async () => {
    const orders = seedMany(120);
    const page = await openRecords();
    // Two screens a step: a quick flick, the hardest case for the window (bench/ scrolls 500 rows a screen at a time).
    const screen = app.device.windowHeight();
    const step = screen * 2;
    const firstHeads = page.queryAll('.month__head').map((m) => String(m.dom.textContent).trim());
    const firstRows = rowIds(page);
    const sent = watchSetData(page);
    let top = 0;
    let most = { rows: 0, nodes: 0, children: 0 };
    for (let guard = 0; guard < 200 && (page.data.hasMore || top < LIST_TOP_PX + listHeight(page) - screen); guard += 1) {
      top = Math.min(top + step, LIST_TOP_PX + listHeight(page) - screen);
      await scrollTo(page, top);
      if (top >= LIST_TOP_PX + listHeight(page) - screen && page.data.hasMore) await page.lifecycle('onReachBottom');
      const counted = countNodes(page.comp.dom as Element);
      most = { rows: Math.max(most.rows, rowIds(page).length), nodes: Math.max(most.nodes, counted.nodes), children: Math.max(most.children, counted.maxChildren) };
    }
    expect(page.data.visible).toBe(120);
    // The rows on screen at the bottom are the oldest orders, in order.
    const bottomRows = rowIds(page);
    expect(bottomRows[bottomRows.length - 1]).toBe(orders[119].id);
    expect(orders.map((o) => o.id).join()).toContain(bottomRows.join());
    // A few parts of rows at most, whatever was scrolled: the page stays far inside the audit's limits.
    expect(most.rows).toBeLessThanOrEqual(40);
    expect(most.nodes).toBeLessThan(1000);
    expect(most.children).toBeLessThanOrEqual(60);
    expect(Math.max(...sent.map(bytes))).toBeLessThan(2 * 1024);
    // Nothing rendered changed the list's height: every row and heading has its fixed height.
    const height = listHeight(page);
    expect(height).toBe(120 * ROW_PX + page.data.months.length * 40);

    // Back up again: the same height all the way, and the first screen exactly as it was.
    while (top > 0) {
      top = Math.max(0, top - step);
      await scrollTo(page, top);
      expect(listHeight(page)).toBe(height);
    }
    expect(rowIds(page).slice(0, firstRows.length)).toEqual(firstRows);
    expect(page.queryAll('.month__head').slice(0, firstHeads.length).map((m) => String(m.dom.textContent).trim())).toEqual(firstHeads);
  });

  test('deleting a row far down the list updates its month and keeps the rest in place', async () => {
    const orders = seedMany(60);
    const page = await openRecords();
    await page.lifecycle('onReachBottom');
    await page.lifecycle('onReachBottom');
    const target = orders[55];
    const y = LIST_TOP_PX + listHeight(page) - app.device.windowHeight();
    await scrollTo(page, y);
    expect(rowIds(page)).toContain(target.id);
    const before = listHeight(page);
    app.device.confirmAnswers = [true];
    await tapDelete(page, target.id);
    await page.until(() => !rowIds(page).includes(target.id), 'the row removed');
    expect(listHeight(page)).toBe(before - ROW_PX);
    expect(app.services.records.get(target.id)).toBeUndefined();
    expect(page.data.visible).toBe(59);
  });

  test('coming back to the tab keeps the place; a new record brings the list back to the top', async () => {
    seedMany(60);
    const page = await openRecords();
    await page.lifecycle('onReachBottom');
    await scrollTo(page, 1500);
    const shown = rowIds(page);
    const sent = watchSetData(page);
    await page.lifecycle('onShow');
    expect(sent).toHaveLength(0);
    expect(rowIds(page)).toEqual(shown);
    expect(app.device.scrolledToTop).toBe(0);

    const [fresh] = seed([{ at: '2026-11-25T09:30:00+08:00', serial: 999 }]);
    await page.lifecycle('onShow');
    expect(app.device.scrolledToTop).toBe(1);
    expect(rowIds(page)[0]).toBe(fresh.id);
    expect(page.data.visible).toBe(20);
  });
});

describe('records page, filters and search', () => {
  let orders: Order[];

  beforeEach(() => {
    app.services.cards.bind({
      phone: '13912345678',
      region: 'CN',
      carrier: 'cmcc',
      cardType: 'keep',
      nickname: '妈妈',
      isDefault: true,
      boundAt: 0,
      verifiedBy: 'sms',
      remindDaysBefore: 3,
    } as BoundCard);
    orders = seed([
      { at: '2026-11-25T09:00:00+08:00', state: 'succeeded', kind: 'recharge' },
      { at: '2026-11-24T09:00:00+08:00', state: 'pay_failed', kind: 'data', phone: '13912345678' },
      { at: '2026-11-23T09:00:00+08:00', state: 'unknown', kind: 'keep' },
      { at: '2026-11-22T09:00:00+08:00', state: 'cancelled', kind: 'recharge', phone: '18600186002', carrier: 'cucc' },
      { at: '2026-11-21T09:00:00+08:00', state: 'topup_failed', kind: 'recharge', phone: '13912345678' },
      { at: '2026-11-20T09:00:00+08:00', state: 'paid', kind: 'data' },
      { at: '2026-11-19T09:00:00+08:00', state: 'succeeded', carrier: 'smart', phone: '09181234567' },
    ]);
  });

  test('number choices: bound cards with their nickname, then numbers seen in records', async () => {
    const page = await openRecords();
    expect(await openFilter(page, '#filter-phone')).toEqual(['✓ 全部号码', '妈妈 139****5678', '138****8000', '186****6002', '0918***4567']);
    expect(page.textOf('#filter-sheet >>> .van-action-sheet__header')).toContain('按号码筛选');
  });

  test('status choices say what the tags say (充值成功, 结果待确认 …), every state under one of them', async () => {
    const page = await openRecords();
    const choices = (await openFilter(page, '#filter-status')).map((c) => c.replace(/^✓ /, ''));
    expect(choices[0]).toBe('全部状态');
    expect(choices.slice(1, 3)).toEqual(['充值成功', '结果待确认']);
    expect(new Set(choices.slice(1))).toEqual(new Set(Object.values(ORDER_STATE_LABELS)));
  });

  test.each<[string, '#filter-phone' | '#filter-status' | '#filter-kind', string, number[]]>([
    ['number', '#filter-phone', '妈妈 139****5678', [1, 4]],
    ['status 支付失败', '#filter-status', '支付失败', [1]],
    ['status 充值失败', '#filter-status', '充值失败', [4]],
    ['status 结果待确认', '#filter-status', '结果待确认', [2]],
    ['status 已支付，充值中', '#filter-status', '已支付，充值中', [5]],
    ['status 已取消', '#filter-status', '已取消', [3]],
    ['status 充值成功', '#filter-status', '充值成功', [0, 6]],
    ['kind 流量包', '#filter-kind', '流量包', [1, 5]],
    ['kind 保号套餐', '#filter-kind', '保号套餐', [2]],
  ])('filter by %s, chosen the way a finger does', async (_label, chip, text, expected) => {
    const page = await openRecords();
    await pick(page, chip, text);
    expect(rowIds(page)).toEqual(expected.map((i) => orders[i].id));
    expect(page.textOf(chip)).toContain(text);
    expect(String((page.find(chip).dom as Element).className)).toMatch(/chip--on/);
    expect(page.text()).toContain('导出筛选结果');
    expect(page.data.sheet.show).toBe(false);
  });

  test('the sheet marks the current choice, and cancelling it changes nothing', async () => {
    const page = await openRecords();
    await pick(page, '#filter-kind', '流量包');
    const choices = await openFilter(page, '#filter-kind');
    expect(choices).toContain('✓ 流量包');
    page.find('#filter-sheet >>> .van-action-sheet__cancel').dispatchEvent('tap');
    await settle(10);
    expect(page.data.sheet.show).toBe(false);
    expect(rowIds(page)).toEqual([orders[1].id, orders[5].id]);
  });

  test('filters combine; with no match 清除筛选 clears every filter and the search box too', async () => {
    const page = await openRecords();
    await page.type('#search', '1391234');
    await pick(page, '#filter-kind', '话费充值');
    expect(rowIds(page)).toEqual([orders[4].id]);
    await pick(page, '#filter-status', '充值成功');
    expect(rowIds(page)).toEqual([]);
    expect(page.text()).toContain('没有符合条件的记录');
    expect(page.text()).not.toContain('还没有续费记录');
    await page.tap('#clear-filters');
    expect(rowIds(page)).toEqual(orders.map((o) => o.id));
    expect(page.textOf('#filter-status')).toContain('全部状态');
    expect(page.textOf('#filter-kind')).toContain('全部类型');
    // The box is empty again (walk finding 19): the input's value is the page's keyword.
    expect(page.data.keyword).toBe('');
    expect(page.has('#clear-search')).toBe(false);
    expect(page.text()).toContain('导出全部');
  });

  test.each<[string, string, number[]]>([
    ['part of an order number, any case', '', [3]],
    ['part of a phone number', '1391234', [1, 4]],
    ['the last four digits', '6002', [3]],
    ['the masked form the list shows', '186****6002', [3]],
    ['the masked form with full-width stars', '186＊＊＊＊6002', [3]],
    ['a +86 number with spaces', '+86 186 0018 6002', [3]],
    ['a +86 number without spaces', '+8618600186002', [3]],
    ['+86 in front of part of a number', '+86 139', [1, 4]],
    ['a +63 number', '+639181234567', [6]],
    ['the masked form of a Philippine number', '0918***4567', [6]],
    ['a tel: link', 'tel:+86-186-0018-6002', [3]],
  ])('search by %s', async (_label, typed, expected) => {
    const page = await openRecords();
    expect(page.has('#search')).toBe(true);
    await page.type('#search', typed || orders[3].id.slice(-10).toLowerCase());
    expect(rowIds(page)).toEqual(expected.map((i) => orders[i].id));
  });

  test('a search that matches nothing, then emptied or cleared with its ✕, shows everything', async () => {
    const page = await openRecords();
    await page.type('#search', 'zzz');
    expect(rowIds(page)).toEqual([]);
    await page.type('#search', '');
    expect(rowIds(page)).toHaveLength(orders.length);
    await page.type('#search', 'zzz');
    expect(page.vantShown('#clear-search', '.van-icon')).toBe(true);
    page.find('#clear-search >>> .van-icon').dispatchEvent('tap');
    await settle();
    expect(page.data.keyword).toBe('');
    expect(rowIds(page)).toHaveLength(orders.length);
  });

  test('month totals follow the filter', async () => {
    const page = await openRecords();
    const all = page.textOf('.month__head');
    expect(all).toContain('合计 ¥');
    await pick(page, '#filter-phone', '186****6002');
    expect(page.textOf('.month__head')).toContain('合计 ¥0.00');
  });

  test('the sheet is sent only when it opens, and a filter sends well under 2 KB', async () => {
    const page = await openRecords();
    expect(JSON.stringify(page.data)).not.toContain('按类型筛选');
    const sent = watchSetData(page);
    await pick(page, '#filter-kind', '流量包');
    expect(Math.max(...sent.map(bytes))).toBeLessThan(2 * 1024);
  });
});

describe('records page, swipe to delete', () => {
  test('the delete button asks first; cancel keeps the record, confirm removes it and updates the totals', async () => {
    const orders = seed([
      { at: '2026-11-25T09:00:00+08:00', pick: 1 }, // ¥20
      { at: '2026-11-24T09:00:00+08:00', pick: 2 }, // ¥30
    ]);
    const page = await openRecords();
    expect(page.textOf('.month__head')).toContain('合计 ¥50.00');

    app.device.confirmAnswers = [false];
    await tapDelete(page, orders[0].id);
    expect(app.device.confirms).toHaveLength(1);
    expect(app.device.confirms[0].title).toBe('删除这条记录？');
    expect(app.device.confirms[0].content).toContain(orders[0].id);
    expect(rowIds(page)).toEqual([orders[0].id, orders[1].id]);
    expect(app.services.records.get(orders[0].id)).toBeDefined();

    app.device.confirmAnswers = [true];
    const sent = watchSetData(page);
    await tapDelete(page, orders[0].id);
    await page.until(() => rowIds(page).length === 1, 'row removed');
    expect(rowIds(page)).toEqual([orders[1].id]);
    expect(app.services.records.get(orders[0].id)).toBeUndefined();
    expect(app.device.lastToast()).toBe('已删除');
    // The month heading stays above the remaining row, with the new total.
    expect(page.textOf('.month__head')).toContain('合计 ¥30.00');
    expect(bytes(sent[0])).toBeLessThan(300);

    app.restart();
    const again = await openRecords();
    expect(rowIds(again)).toEqual([orders[1].id]);
  });

  test('deleting the last record shows the empty state', async () => {
    const [order] = seed([{ at: '2026-11-25T09:00:00+08:00' }]);
    const page = await openRecords();
    await tapDelete(page, order.id);
    await page.until(() => !page.has('.month__head'), 'month heading hidden');
    expect(page.text()).toContain('还没有续费记录');
  });

  test('an order still being settled cannot be deleted', async () => {
    const [order] = seed([{ at: '2026-11-25T09:00:00+08:00', state: 'unknown' }]);
    const page = await openRecords();
    await tapDelete(page, order.id);
    expect(app.device.confirms).toHaveLength(0);
    expect(app.device.lastToast()).toContain('处理完成后才能删除');
    expect(app.services.records.get(order.id)).toBeDefined();
  });
});

describe('records page, export', () => {
  test('copies every record as CSV and says how many', async () => {
    const orders = seedMany(25);
    const page = await openRecords();
    await page.tap('#export');
    expect(app.device.copied).toHaveLength(1);
    const lines = app.device.copied[0].replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines).toHaveLength(26);
    expect(lines[0]).toContain('订单号');
    expect(lines[1]).toContain(orders[0].id);
    expect(lines[25]).toContain(orders[24].id);
    // Plain words for where the records went: the clipboard, no bare "CSV".
    expect(app.device.lastToast()).toBe('已把 25 条记录复制到剪贴板，可粘贴到表格或备忘录中保存');
    expect(app.device.lastToast()).not.toContain('CSV');
  });

  test('with a filter, copies only the filtered records', async () => {
    const orders = seed([
      { at: '2026-11-25T09:00:00+08:00', kind: 'data' },
      { at: '2026-11-24T09:00:00+08:00', kind: 'recharge' },
      { at: '2026-11-23T09:00:00+08:00', kind: 'data' },
    ]);
    const page = await openRecords();
    await pick(page, '#filter-kind', '流量包');
    await page.tap('#export');
    const csv = app.device.copied[0];
    expect(csv).toContain(orders[0].id);
    expect(csv).toContain(orders[2].id);
    expect(csv).not.toContain(orders[1].id);
    expect(app.device.lastToast()).toBe('已把筛选出的 2 条记录复制到剪贴板，可粘贴到表格或备忘录中保存');
  });
});

describe('records page, set-aside data', () => {
  test('a banner lists what was set aside; the other records still show', async () => {
    const orders = seedMany(60);
    globalThis.__wxStorage.plantRaw('rec.v2.shard.0', '{"v":2,"p":[],"o":[[');
    app.restart();
    const page = await openRecords();
    expect(page.vantShown('.quarantine', '.van-notice-bar')).toBe(true);
    expect(page.text()).toContain('有 1 份记录数据无法正常读取，已原样另存、没有删除');
    expect(page.text()).toContain('记录分组 0：数据无法读取');
    // Shard 0 held the first 50 appended (seedMany appends newest first); the other 10 are intact.
    expect(rowIds(page)).toEqual(orders.slice(50).map((o) => o.id));
  });

  test('no banner when nothing was set aside', async () => {
    seedMany(3);
    const page = await openRecords();
    expect(page.has('.quarantine')).toBe(false);
    expect(page.text()).not.toContain('无法正常读取');
  });
});
