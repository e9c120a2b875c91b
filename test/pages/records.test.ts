import { settle, type Driver, openPage } from '../support/page-driver';
import { TestApp } from '../support/app';
import { realOrder, type RealOrderSpec } from '../support/records-orders';
import type { BoundCard, Order } from '../../miniprogram/core/types';

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

function rowIds(page: Driver): string[] {
  return page.queryAll('.row').map((row) => {
    const cls = String(row.dom.className).split(/\s+/).find((c: string) => /row-CR/.test(c)) ?? '';
    return cls.replace(/^.*row-/, '');
  });
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
  test('newest first, masked numbers, a page of 20 then more on scroll, sending only the new rows', async () => {
    const orders = seedMany(45);
    const page = await openRecords();
    expect(rowIds(page)).toEqual(orders.slice(0, 20).map((o) => o.id));
    expect(page.text()).toContain('138****8000');
    expect(page.text()).not.toContain('13800138000');
    expect(page.text()).toContain('上滑加载更多');
    expect(page.vantShown('.row', '.van-swipe-cell')).toBe(true);
    expect(page.vantShown('.row', '.van-cell')).toBe(true);

    const sent = watchSetData(page);
    await page.lifecycle('onReachBottom');
    expect(rowIds(page)).toEqual(orders.slice(0, 40).map((o) => o.id));
    expect(sent).toHaveLength(1);
    const keys = Object.keys(sent[0]);
    expect(keys.every((k) => /^groups\[\d+\](\.items\[\d+\])?$/.test(k) || k === 'visible' || k === 'hasMore')).toBe(true);
    // Exactly the 20 new rows: single rows appended to the month on screen, whole groups for new months.
    const rowsSent = keys.reduce((n, k) => n + (/\.items\[/.test(k) ? 1 : /^groups\[\d+\]$/.test(k) ? (sent[0][k] as { items: unknown[] }).items.length : 0), 0);
    expect(rowsSent).toBe(20);
    expect(keys.filter((k) => /^groups\[\d+\]$/.test(k))).toEqual(['groups[1]']);
    expect(keys).not.toContain('groups');
    expect(Buffer.byteLength(JSON.stringify(sent[0]))).toBeLessThan(8 * 1024);

    await page.lifecycle('onReachBottom');
    expect(rowIds(page)).toEqual(orders.map((o) => o.id));
    expect(page.text()).toContain('没有更多了');
    await page.lifecycle('onReachBottom');
    expect(sent).toHaveLength(2);

    // Coming back to the tab shows the first page again: one setData, under the 8 KB first-render budget.
    await page.lifecycle('onShow');
    expect(sent).toHaveLength(3);
    expect(rowIds(page)).toEqual(orders.slice(0, 20).map((o) => o.id));
    expect(Buffer.byteLength(JSON.stringify(sent[2]))).toBeLessThan(8 * 1024);
  });

  test('grouped by month with each month’s charged totals per currency, and a note saying so', async () => {
    seed([
      { at: '2026-11-25T09:00:00+08:00', state: 'succeeded', pick: 1 }, // ¥20
      { at: '2026-11-20T09:00:00+08:00', state: 'paid', pick: 2 }, // ¥30, charged, top-up running
      { at: '2026-11-18T09:00:00+08:00', state: 'pay_failed', pick: 4 }, // ¥100 not charged
      { at: '2026-11-10T09:00:00+08:00', state: 'refunded', pick: 3 }, // ¥50 refunded
      { at: '2026-11-08T09:00:00+08:00', state: 'succeeded', carrier: 'smart', pick: 2 }, // ₱100
      { at: '2026-11-01T00:30:00+08:00', state: 'succeeded', pick: 0 }, // ¥10, 2026-10-31 16:30 UTC
      { at: '2026-10-12T09:00:00+08:00', state: 'succeeded', pick: 3 }, // ¥50
      { at: '2026-10-03T09:00:00+08:00', state: 'cancelled', pick: 3 },
    ]);
    const page = await openRecords();
    const months = page.queryAll('.month').map((m) => m.dom.textContent!.replace(/\s+/g, ' '));
    expect(months).toHaveLength(2);
    expect(months[0]).toContain('2026年11月');
    expect(months[0]).toContain('合计 ¥60.00 · ₱100.00');
    expect(months[1]).toContain('2026年10月');
    expect(months[1]).toContain('合计 ¥50.00');
    expect(page.text()).toContain('月合计只统计已扣款的订单（充值成功、已支付）');
  });

  test('tapping a record opens its voucher', async () => {
    const [order] = seedMany(1);
    const page = await openRecords();
    await page.tap(`.row-${order.id}`);
    expect(app.nav.last()).toEqual({ kind: 'open', page: 'voucher', query: { orderId: order.id } });
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
      { at: '2026-11-22T09:00:00+08:00', state: 'cancelled', kind: 'recharge', phone: '18612345678', carrier: 'cucc' },
      { at: '2026-11-21T09:00:00+08:00', state: 'topup_failed', kind: 'recharge', phone: '13912345678' },
      { at: '2026-11-20T09:00:00+08:00', state: 'paid', kind: 'data' },
    ]);
  });

  test('number choices: bound cards with their nickname, then numbers seen in records', async () => {
    const page = await openRecords();
    expect(page.data.phoneOptions).toEqual([
      { text: '全部号码', value: '' },
      { text: '妈妈 139****5678', value: '13912345678' },
      { text: '138****8000', value: '13800138000' },
      { text: '186****5678', value: '18612345678' },
    ]);
    expect(page.vantShown('.filters', '.van-dropdown-menu')).toBe(true);
    expect(page.textOf('.filters')).toContain('全部号码');
  });

  test.each<[string, string, string, number[]]>([
    ['number', '#filter-phone', '13912345678', [1, 4]],
    ['status 失败', '#filter-status', 'failed', [1, 4]],
    ['status 待确认', '#filter-status', 'pending', [2]],
    ['status 处理中', '#filter-status', 'processing', [5]],
    ['status 已取消', '#filter-status', 'cancelled', [3]],
    ['status 成功', '#filter-status', 'succeeded', [0]],
    ['kind 流量包', '#filter-kind', 'data', [1, 5]],
    ['kind 保号套餐', '#filter-kind', 'keep', [2]],
  ])('filter by %s', async (_label, selector, value, expected) => {
    const page = await openRecords();
    await page.fire(selector, 'change', value);
    expect(rowIds(page)).toEqual(expected.map((i) => orders[i].id));
    expect(page.text()).toContain('导出筛选结果');
  });

  test('a filter chosen the way a finger does: open the menu, tap the option', async () => {
    const page = await openRecords();
    page.queryAll('.filters >>> .van-dropdown-menu__item')[2].dispatchEvent('tap');
    await settle(10);
    const options = page.queryAll('#filter-kind >>> .van-dropdown-item__option');
    expect(options.map((o) => o.dom.textContent!.trim())).toEqual(['全部类型', '话费充值', '流量包', '保号套餐']);
    options[3].dispatchEvent('tap');
    await settle(10);
    expect(rowIds(page)).toEqual([orders[2].id]);
    expect(page.textOf('.filters >>> .van-dropdown-menu')).toContain('保号套餐');
  });

  test('filters combine, and a filter with no match offers to clear it', async () => {
    const page = await openRecords();
    await page.fire('#filter-phone', 'change', '13912345678');
    await page.fire('#filter-kind', 'change', 'recharge');
    expect(rowIds(page)).toEqual([orders[4].id]);
    await page.fire('#filter-status', 'change', 'succeeded');
    expect(rowIds(page)).toEqual([]);
    expect(page.text()).toContain('没有符合条件的记录');
    expect(page.text()).not.toContain('还没有续费记录');
    await page.tap('#clear-filters');
    expect(rowIds(page)).toEqual(orders.map((o) => o.id));
    expect(page.textOf('.filters')).toContain('全部状态');
  });

  test('search by part of an order number or of a phone number', async () => {
    const page = await openRecords();
    expect(page.vantShown('#search', '.van-search')).toBe(true);
    await page.type('#search', orders[3].id.slice(-10).toLowerCase());
    expect(rowIds(page)).toEqual([orders[3].id]);
    await page.type('#search', '1391234');
    expect(rowIds(page)).toEqual([orders[1].id, orders[4].id]);
    await page.type('#search', '');
    expect(rowIds(page)).toHaveLength(6);
  });

  test('month totals follow the filter', async () => {
    const page = await openRecords();
    expect(page.textOf('.month')).toContain('合计 ¥');
    const all = page.textOf('.month');
    await page.fire('#filter-phone', 'change', '18612345678');
    expect(page.textOf('.month')).toContain('合计 ¥0.00');
    expect(page.textOf('.month')).not.toBe(all);
  });
});

describe('records page, swipe to delete', () => {
  test('the delete button asks first; cancel keeps the record, confirm removes it and updates the totals', async () => {
    const orders = seed([
      { at: '2026-11-25T09:00:00+08:00', pick: 1 }, // ¥20
      { at: '2026-11-24T09:00:00+08:00', pick: 2 }, // ¥30
    ]);
    const page = await openRecords();
    expect(page.textOf('.month')).toContain('合计 ¥50.00');

    app.device.confirmAnswers = [false];
    await page.tap(`#delete-${orders[0].id}`);
    expect(app.device.confirms).toHaveLength(1);
    expect(app.device.confirms[0].title).toBe('删除这条记录？');
    expect(app.device.confirms[0].content).toContain(orders[0].id);
    expect(rowIds(page)).toEqual([orders[0].id, orders[1].id]);
    expect(app.services.records.get(orders[0].id)).toBeDefined();

    app.device.confirmAnswers = [true];
    await page.tap(`#delete-${orders[0].id}`);
    await page.until(() => rowIds(page).length === 1, 'row removed');
    expect(rowIds(page)).toEqual([orders[1].id]);
    expect(app.services.records.get(orders[0].id)).toBeUndefined();
    expect(app.device.lastToast()).toBe('已删除');
    expect(page.textOf('.month')).toContain('合计 ¥30.00');

    app.restart();
    const again = await openRecords();
    expect(rowIds(again)).toEqual([orders[1].id]);
  });

  test('deleting the last record shows the empty state', async () => {
    const [order] = seed([{ at: '2026-11-25T09:00:00+08:00' }]);
    const page = await openRecords();
    await page.tap(`#delete-${order.id}`);
    await page.until(() => !page.has('.month'), 'month hidden');
    expect(page.text()).toContain('还没有续费记录');
  });

  test('an order still being settled cannot be deleted', async () => {
    const [order] = seed([{ at: '2026-11-25T09:00:00+08:00', state: 'unknown' }]);
    const page = await openRecords();
    await page.tap(`#delete-${order.id}`);
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
    expect(app.device.lastToast()).toBe('已复制 25 条记录（CSV），可粘贴到表格或备忘录');
  });

  test('with a filter, copies only the filtered records', async () => {
    const orders = seed([
      { at: '2026-11-25T09:00:00+08:00', kind: 'data' },
      { at: '2026-11-24T09:00:00+08:00', kind: 'recharge' },
      { at: '2026-11-23T09:00:00+08:00', kind: 'data' },
    ]);
    const page = await openRecords();
    await page.fire('#filter-kind', 'change', 'data');
    await page.tap('#export');
    const csv = app.device.copied[0];
    expect(csv).toContain(orders[0].id);
    expect(csv).toContain(orders[2].id);
    expect(csv).not.toContain(orders[1].id);
    expect(app.device.lastToast()).toBe('已复制筛选出的 2 条记录（CSV），可粘贴到表格或备忘录');
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
