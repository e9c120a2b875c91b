import { openPage } from '../support/page-driver';
import { TestApp } from '../support/app';
import { ScriptedGateway, boundCard, profile } from '../support/cards-fixtures';
import { keepTimeline } from '../../miniprogram/pages/plan/core/keep-plan';
import { exchangeRate } from '../../miniprogram/core/exchange';
import { formatMoney } from '../../miniprogram/core/money';

let app: TestApp;
let gateway: ScriptedGateway;

const TODAY = '2026-11-25';
const RATE = (() => {
  const made = exchangeRate(1235, 10000);
  if (!made.ok) throw new Error('rate');
  return made.value;
})();

function setup() {
  gateway = new ScriptedGateway({
    '13800138000': profile('13800138000', '2026-12-01', { location: { country: 'CN', province: '北京', city: '北京' } }),
    '13300133003': profile('13300133003', '2026-11-22', { carrier: 'ctcc' }),
    '09181234567': profile('09181234567', '2026-08-01', { balance: { amount: 0, currency: 'PHP' }, location: { country: 'PH', province: '', city: '' } }),
  });
  app = new TestApp({ now: '2026-11-25T10:00:00+08:00', override: { gateway } });
}

/** Binds the three cards and gives each the figures a lookup would have left. */
async function bindThree() {
  const { cards } = app.services;
  cards.bind(boundCard('13800138000', { nickname: '工作号' }));
  cards.bind(boundCard('13300133003', { carrier: 'ctcc' }));
  cards.bind(boundCard('09181234567', { cardType: 'keep' }));
  for (const phone of ['13800138000', '13300133003', '09181234567']) {
    const found = await gateway.lookup({ phone });
    if (!found.ok) throw new Error('fixture');
    cards.update(phone, { lastKnown: { balance: found.value.balance, dataLeftMb: found.value.dataLeftMb, expiry: found.value.expiry, suspended: false, at: app.clock.now(), location: found.value.location } });
  }
  gateway.lookups.length = 0;
}

const openPlan = () => openPage('plan', {}, app.services);

beforeEach(() => {
  globalThis.__wxStorage.clearStorageSync();
  setup();
});

describe('保号计划 with no bound card', () => {
  test('says what the page is for and leads to binding', async () => {
    const page = await openPlan();
    expect(page.vantShown('.empty', '.van-empty')).toBe(true);
    expect(page.text()).toContain('一年最少花多少钱');
    await page.tap('.bind-button');
    expect(app.nav.last()).toMatchObject({ page: 'bind' });
  });
});

describe('保号计划 over three cards', () => {
  test('one timeline, most urgent first, each with the date, why, the cheapest option and its cost', async () => {
    await bindThree();
    const page = await openPlan();
    expect(gateway.lookups).toEqual([]);
    const rows = [0, 1, 2].map((i) => page.textOf(`.entry-${i}`));
    expect(rows[0]).toContain('133****3003');
    expect(rows[0]).toContain('已过期');
    expect(rows[0]).toContain('2027年2月20日');
    expect(rows[0]).toContain('最晚 2027年2月20日 前续费，否则号码可能被回收');
    expect(rows[1]).toContain('0918***4567');
    expect(rows[1]).toContain('菲律宾 · Smart · 保号卡');
    expect(rows[1]).toContain('120 天内须充值，最晚 2026年11月29日');
    expect(rows[1]).toContain('约 ¥');
    expect(rows[2]).toContain('工作号 · 北京 · 中国移动 · 手机卡');
    expect(rows[2]).toContain('还有 6 天');

    // The page shows what the rules say.
    const cards = app.services.cards.list();
    const timeline = keepTimeline(cards, { today: TODAY, rate: RATE });
    if (!timeline.ok) throw new Error('timeline');
    const [lapsed] = timeline.value.entries;
    expect(rows[0]).toContain(lapsed.option?.summary ?? 'missing');
    expect(page.textOf('.summary__total')).toBe(formatMoney(timeline.value.total.yearlyYuan));
    expect(page.textOf('.summary')).toContain('3 张卡 · 2026年11月25日 到 2027年11月24日 的 12 个月');
    expect(page.vantShown('.entry-0 .entry__badge', '.van-tag')).toBe(true);
  });

  test('one tap renews the card due next with its option', async () => {
    await bindThree();
    const page = await openPlan();
    expect(page.textOf('.summary__headline')).toContain('133****3003');
    expect(page.textOf('.renew-next')).toMatch(/^续费 133\*{4}3003 · .+ ¥\d+\.\d\d$/);
    await page.tap('.renew-next');
    const move = app.nav.last();
    expect(move).toMatchObject({ kind: 'open', page: 'packages', query: { phone: '13300133003' } });
    expect(move?.query.productId).toMatch(/^ctcc-/);
  });

  test('each row renews with its own option, and opens its card for reminders', async () => {
    await bindThree();
    const page = await openPlan();
    await page.tap('.entry-1 .renew-row');
    expect(app.nav.last()).toMatchObject({ page: 'packages', query: { phone: '09181234567', productId: 'smart-keep-10' } });
    await page.tap('.entry-2 .remind-row');
    expect(app.nav.last()).toMatchObject({ page: 'card', query: { phone: '13800138000' } });
  });

  test('the notes say how pesos were converted and that the Smart day is an estimate', async () => {
    await bindThree();
    const page = await openPlan();
    const notes = page.textOf('.notes');
    expect(notes).toMatch(/比索按 ₱1 ≈ ¥0\.1235 换算（\d\d:\d\d 运营商报价）/);
    expect(notes).toContain('按查到余额为 0 的那天估算');
  });

  test('the Smart yearly cost in yuan is at the rate the carrier gateway quotes, not a fixed one', async () => {
    await bindThree();
    // The gateway now quotes ₱1 ≈ ¥0.2000: the plan's yuan follow it.
    const doubled = exchangeRate(2000, 10000);
    if (!doubled.ok) throw new Error('rate');
    gateway.exchangeRate = async () => ({ ok: true, value: { rate: doubled.value, quotedAt: app.clock.now() } });
    const page = await openPlan();
    const timeline = keepTimeline(app.services.cards.list(), { today: TODAY, rate: doubled.value });
    if (!timeline.ok) throw new Error('timeline');
    const smart = timeline.value.entries.find((e) => e.phone === '09181234567');
    expect(page.textOf('.entry-1')).toContain(`约 ${formatMoney(smart!.option!.yearlyYuan!)} / 年`);
    expect(page.textOf('.summary__total')).toBe(formatMoney(timeline.value.total.yearlyYuan));
    expect(page.textOf('.notes')).toContain('比索按 ₱1 ≈ ¥0.2000 换算（10:00 运营商报价）');
  });

  test('no quote from the gateway: Smart in pesos alone, and the page says why', async () => {
    await bindThree();
    gateway.exchangeRate = async () => ({ ok: false, error: 'network', message: '网络连接失败' });
    const page = await openPlan();
    expect(page.textOf('.notes')).toContain('暂时没有比索汇率，Smart 的费用只按比索显示。');
    expect(page.textOf('.entry-1')).toContain('₱');
    expect(page.textOf('.entry-1')).not.toContain('约 ¥');
  });

  test('a recorded first zero day makes the Smart date exact', async () => {
    await bindThree();
    app.services.cards.update('09181234567', { lastKnown: { balance: { amount: 0, currency: 'PHP' }, dataLeftMb: null, expiry: '2026-12-31', suspended: false, at: app.clock.now() } });
    app.services.cards.update('09181234567', { zeroBalanceSince: '2026-10-01' });
    const page = await openPlan();
    expect(page.text()).toContain('余额 2026年10月1日 起为 0，120 天内须充值，最晚 2027年1月28日');
    expect(page.textOf('.notes')).not.toContain('估算');
  });

  test('a number past its grace is never offered for payment, and the total says it is left out', async () => {
    app.services.cards.bind(boundCard('13900139000', { lastKnown: { balance: { amount: 0, currency: 'CNY' }, dataLeftMb: null, expiry: '2026-08-01', suspended: false, at: 1 } }));
    const page = await openPlan();
    expect(page.textOf('.entry-0')).toContain('可能已被回收');
    expect(page.textOf('.entry-0')).toContain('拨打 10086 确认号码还在');
    expect(page.has('.entry-0 .renew-row')).toBe(false);
    expect(page.has('.renew-next')).toBe(false);
    expect(page.textOf('.summary__total')).toBe('至少 ¥0.00');
    expect(page.textOf('.notes')).toContain('合计不含：139****9000（号码可能已被回收）');
  });
});

describe('保号计划 figures', () => {
  test('a card never looked up is looked up on show', async () => {
    app.services.cards.bind(boundCard('13800138000'));
    const page = await openPlan();
    await page.until(() => gateway.lookups.length === 1, 'the lookup');
    await page.untilText('还有 6 天');
    expect(app.services.cards.get('13800138000')?.lastKnown?.expiry).toBe('2026-12-01');
  });

  test('a failed lookup says so and keeps the estimate', async () => {
    app.services.cards.bind(boundCard('13800138000'));
    gateway.failWith = 'network';
    const page = await openPlan();
    await page.untilText('有 1 张卡没有查到最新情况');
    expect(page.text()).toContain('网络不好，查询失败');
    expect(page.textOf('.entry-0')).toContain('待查询');
    expect(page.textOf('.notes')).toContain('按今天就要续费估算');
  });

  test('pull-down looks every card up again and stops the spinner', async () => {
    await bindThree();
    const page = await openPlan();
    gateway.profiles['13800138000'] = profile('13800138000', '2027-03-01');
    await page.lifecycle('onPullDownRefresh');
    expect(gateway.lookups.sort()).toEqual(['09181234567', '13300133003', '13800138000']);
    expect(app.device.pullDownStops).toBe(1);
    expect(page.text()).toContain('2027年3月1日');
  });

  test('the first render stays small', async () => {
    await bindThree();
    const page = await openPlan();
    expect(Math.max(...page.meter.sizes)).toBeLessThan(8192);
  });
});
