import { type Driver, openPage } from '../support/page-driver';
import { TestApp } from '../support/app';
import { ScriptedGateway, boundCard, profile } from '../support/cards-fixtures';

let app: TestApp;
let gateway: ScriptedGateway;

function setup(profiles: Record<string, ReturnType<typeof profile>> = {}) {
  gateway = new ScriptedGateway(profiles);
  app = new TestApp({ now: '2026-11-25T10:00:00+08:00', override: { gateway } });
}

const openHome = () => openPage('home', {}, app.services);

async function settled(page: Driver, lookups: number) {
  await page.until(() => gateway.lookups.length >= lookups, `${lookups} lookups`);
  await page.until(() => !page.text().includes('待查询') || gateway.failWith !== null, 'tiles refreshed');
}

beforeEach(() => globalThis.__wxStorage.clearStorageSync());

describe('home with no bound card', () => {
  test('shows the empty state with 绑定手机号, which opens bind', async () => {
    setup();
    const page = await openHome();
    expect(page.text()).toContain('还没有绑定号码');
    expect(page.vantShown('.empty', '.van-empty')).toBe(true);
    await page.tap('.bind-button');
    expect(app.nav.last()).toMatchObject({ kind: 'open', page: 'bind' });
    expect(gateway.lookups).toEqual([]);
  });
});

describe('home with bound cards', () => {
  function bindThree() {
    const { cards } = app.services;
    cards.bind(boundCard('13800138000', { nickname: '爸爸的保号卡', cardType: 'keep' }));
    cards.bind(boundCard('13900139000', { cardType: 'data', carrier: 'cucc' }));
    cards.bind(boundCard('09181234567', { cardType: 'esim' }));
  }

  test('every card shows carrier, masked number, nickname, type, days left and a status badge, most urgent first', async () => {
    setup({
      '13800138000': profile('13800138000', '2026-11-28'),
      '13900139000': profile('13900139000', '2027-01-31'),
      '09181234567': profile('09181234567', '2026-11-20'),
    });
    bindThree();
    const page = await openHome();
    await settled(page, 3);
    const first = page.textOf('.card-0');
    expect(first).toContain('中国移动');
    expect(first).toContain('138****8000');
    expect(first).toContain('爸爸的保号卡');
    expect(first).toContain('保号卡');
    expect(first).toContain('剩余 3 天');
    expect(first).toContain('即将到期');
    expect(first).toContain('默认');
    expect(first).not.toContain('13800138000');

    const second = page.textOf('.card-1');
    expect(second).toContain('中国联通');
    expect(second).toContain('联通流量卡');
    expect(second).toContain('剩余 67 天');
    expect(second).toContain('正常');
    expect(second).not.toContain('默认');

    // Smart's load lapsed 5 days ago, but its unspent pesos start 120 more days: last.
    const third = page.textOf('.card-2');
    expect(third).toContain('Smart');
    expect(third).toContain('0918***4567');
    expect(third).toContain('eSIM');
    expect(third).toContain('已过期 5 天');
    expect(page.vantShown('.card-0 .card__badge', '.van-tag')).toBe(true);
  });

  test('the order is what needs doing: suspended and expired first, then by days left, never looked up last', async () => {
    setup({
      '13800138000': profile('13800138000', '2027-03-01'),
      '13900139000': profile('13900139000', '2026-11-20'),
      '15900159000': profile('15900159000', '2027-05-01', { suspended: true, balance: { amount: -1230, currency: 'CNY' } }),
      '18600186002': profile('18600186002', '2026-11-27', { carrier: 'cucc' }),
    });
    for (const phone of ['13800138000', '13700137000', '18600186002', '13900139000', '15900159000']) app.services.cards.bind(boundCard(phone));
    const page = await openHome();
    await page.until(() => gateway.lookups.length >= 5, '5 lookups');
    await page.until(() => page.textOf('.card-0').includes('159****9000'), 'the order settled');
    const order = [0, 1, 2, 3, 4].map((i) => /\d{3}\*{4}\d{4}/.exec(page.textOf(`.card-${i}`))?.[0]);
    expect(order).toEqual(['159****9000', '139****9000', '186****6002', '138****8000', '137****7000']);
  });

  test('the notice bar names the most urgent card and opens its renewal', async () => {
    setup({
      '13800138000': profile('13800138000', '2026-11-27'),
      '13900139000': profile('13900139000', '2027-01-31'),
    });
    app.services.cards.bind(boundCard('13900139000'));
    app.services.cards.bind(boundCard('13800138000'));
    const page = await openHome();
    await settled(page, 2);
    await page.untilText('还有 2 天到期');
    expect(page.vantShown('.notice', '.van-notice-bar')).toBe(true);
    expect(page.textOf('.notice')).toBe('138****8000 还有 2 天到期 · 去续费');
    await page.fire('.notice', 'click');
    expect(app.nav.last()).toMatchObject({ kind: 'open', page: 'packages', query: { phone: '13800138000' } });
  });

  test.each([
    ['suspended in debt', profile('13800138000', '2027-05-01', { suspended: true, balance: { amount: -1230, currency: 'CNY' } }), '138****8000 已停机，欠费 ¥12.30 · 去充值'],
    ['expired', profile('13800138000', '2026-11-22'), '138****8000 已过期，2027年2月20日前续费才能保住号码 · 去续费'],
    ['expiring today', profile('13800138000', '2026-11-25'), '138****8000 今天到期 · 去续费'],
  ])('notice for a card %s', async (_name, answer, text) => {
    setup({ '13800138000': answer });
    app.services.cards.bind(boundCard('13800138000'));
    const page = await openHome();
    await settled(page, 1);
    await page.until(() => page.has('.notice'), 'the notice');
    expect(page.textOf('.notice')).toBe(text);
  });

  test('a data card shows the data left; a suspended card says what it owes and what lifts it; each shows its 归属地', async () => {
    setup({
      '19200192000': profile('19200192000', '2026-12-15', { carrier: 'cbn', cardType: 'data', dataLeftMb: 300, location: { country: 'CN', province: '广东', city: '深圳' } }),
      '15900159000': profile('15900159000', '2026-12-25', { suspended: true, balance: { amount: -1230, currency: 'CNY' }, location: null }),
    });
    app.services.cards.bind(boundCard('19200192000', { carrier: 'cbn', cardType: 'data' }));
    app.services.cards.bind(boundCard('15900159000'));
    const page = await openHome();
    await settled(page, 2);
    await page.untilText('剩余流量 300MB');
    expect(page.textOf('.card-0')).toContain('已欠费 ¥12.30 停机，充值 ¥13 以上可恢复');
    expect(page.textOf('.card-0 .card__location')).toBe('归属地未知');
    expect(page.textOf('.card-1 .card__location')).toBe('广东 深圳');
    expect(page.textOf('.card-1')).toContain('剩余流量 300MB');
  });

  test('a keep card with nothing set up to remind says so, until a calendar event is added', async () => {
    setup({ '13800138000': profile('13800138000', '2027-03-01') });
    app.services.cards.bind(boundCard('13800138000', { cardType: 'keep' }));
    const page = await openHome();
    await settled(page, 1);
    expect(page.textOf('.card-0 .card__hint')).toBe('还没有设置到期提醒：点这里添加到手机日历或订阅微信提醒');
    app.services.cards.update('13800138000', { calendar: { remindOn: '2027-02-26', actBy: '2027-03-01' } });
    await page.lifecycle('onShow');
    await settled(page, 2);
    expect(page.has('.card-0 .card__hint')).toBe(false);
  });

  test('保号计划 opens the plan page', async () => {
    setup();
    app.services.cards.bind(boundCard('13800138000'));
    const page = await openHome();
    await page.tap('.plan-button');
    expect(app.nav.last()).toMatchObject({ kind: 'open', page: 'plan' });
  });

  test('refresh writes lastKnown through the card book', async () => {
    setup({ '13800138000': profile('13800138000', '2026-12-01', { balance: { amount: 880, currency: 'CNY' } }) });
    app.services.cards.bind(boundCard('13800138000'));
    const page = await openHome();
    await settled(page, 1);
    expect(app.services.cards.get('13800138000')?.lastKnown).toMatchObject({ expiry: '2026-12-01', balance: { amount: 880 }, at: app.clock.now() });
    expect(page.text()).toContain('余额 ¥8.80');
    expect(page.text()).toContain('到期 2026年12月1日');
  });

  test('when the gateway fails, the stored figures are shown', async () => {
    setup();
    gateway.failWith = 'network';
    app.services.cards.bind(
      boundCard('13800138000', { lastKnown: { balance: { amount: 100, currency: 'CNY' }, dataLeftMb: null, expiry: '2026-12-05', suspended: false, at: 1 } }),
    );
    const page = await openHome();
    await page.until(() => gateway.lookups.length === 1);
    expect(page.textOf('.card-0')).toContain('剩余 10 天');
  });

  test('a card never looked up shows 待查询 and 到期日未知', async () => {
    setup();
    app.services.cards.bind(boundCard('13800138000'));
    const page = await openHome();
    await page.until(() => gateway.lookups.length === 1);
    expect(page.textOf('.card-0')).toContain('待查询');
    expect(page.textOf('.card-0')).toContain('到期日未知');
  });

  test('no notice while every card is fine', async () => {
    setup({ '13800138000': profile('13800138000', '2027-05-01') });
    app.services.cards.bind(boundCard('13800138000'));
    const page = await openHome();
    await settled(page, 1);
    expect(page.html()).not.toContain('van-notice-bar');
  });

  test('a suspended card is flagged 已停机 and named in the notice', async () => {
    setup({ '13800138000': profile('13800138000', '2027-05-01', { suspended: true }) });
    app.services.cards.bind(boundCard('13800138000'));
    const page = await openHome();
    await settled(page, 1);
    await page.untilText('已停机 · 去续费');
    expect(page.textOf('.card-0')).toContain('已停机');
  });

  test('a keep-number card due soon shows what to do', async () => {
    setup({ '13800138000': profile('13800138000', '2026-11-28') });
    app.services.cards.bind(boundCard('13800138000', { cardType: 'keep' }));
    const page = await openHome();
    await settled(page, 1);
    expect(page.textOf('.card-0 .card__warning')).toContain('保号套餐 2026年11月28日 到期，还剩 3 天');
  });

  test('each answer is sent as a small per-card setData', async () => {
    setup({ '13800138000': profile('13800138000', '2026-12-01'), '13900139000': profile('13900139000', '2026-12-09') });
    app.services.cards.bind(boundCard('13800138000'));
    app.services.cards.bind(boundCard('13900139000'));
    const page = await openHome();
    const sent: string[][] = [];
    const original = page.instance.setData.bind(page.instance);
    page.instance.setData = (patch: Record<string, unknown>, cb?: () => void) => {
      sent.push(Object.keys(patch));
      original(patch, cb);
    };
    await page.lifecycle('onPullDownRefresh');
    await settled(page, 4);
    const perCard = sent.filter((keys) => keys.some((k) => /^cards\[\d\]$/.test(k)));
    expect(perCard).toEqual([['cards[0]'], ['cards[1]']]);
    // The order did not change, so the whole list is not sent again.
    expect(sent.some((keys) => keys.includes('cards') && keys.length === 1)).toBe(false);
  });

  test('pull-down looks every card up again and stops the spinner', async () => {
    setup({ '13800138000': profile('13800138000', '2026-12-01') });
    app.services.cards.bind(boundCard('13800138000'));
    const page = await openHome();
    await settled(page, 1);
    gateway.profiles['13800138000'] = profile('13800138000', '2027-03-01');
    await page.lifecycle('onPullDownRefresh');
    expect(gateway.lookups).toEqual(['13800138000', '13800138000']);
    expect(app.device.pullDownStops).toBe(1);
    expect(page.textOf('.card-0')).toContain('到期 2027年3月1日');
  });

  test('续费 opens packages for that card; tapping the card opens its settings', async () => {
    setup();
    bindThree();
    const page = await openHome();
    // Never looked up: the bound order stays.
    await page.tap('.card-1 .renew-button');
    expect(app.nav.last()).toMatchObject({ page: 'packages', query: { phone: '13900139000' } });
    await page.tap('.card-2 .card__body');
    expect(app.nav.last()).toMatchObject({ page: 'card', query: { phone: '09181234567' } });
  });

  test('绑定其他号码 opens bind', async () => {
    setup();
    bindThree();
    const page = await openHome();
    await page.tap('.add-button');
    expect(app.nav.last()).toMatchObject({ page: 'bind' });
  });
});
