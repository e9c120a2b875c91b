/**
 * What `npm run screenshots` photographs: short walks through the app, each from a
 * fresh browser profile (empty storage), with a screenshot at each state worth showing.
 * Steps use the page's own words (button labels, placeholders), so a renamed button
 * fails loudly here instead of silently photographing the wrong state.
 */

/** The number the mock WeChat account grants (backends/offline/account.ts DEMO_GRANTED_PHONE). */
const DEMO_PHONE = '13800138000';
/** A Philippine Smart number (0918 is Smart's range). */
const SMART_PHONE = '09181234567';
/** China Unicom demo card that expires in 2 days (backends/offline/card-data.ts). */
const EXPIRING_PHONE = '18600186002';
const SHOT = { shot: true };
/** The renewal's buttons, in the standard words and in 长辈模式's plainer ones. */
const RENEW = /^(立即续费|给这个号码充值)$/;
const NEXT = /^(下一步|去付款)$/;

/** The page on top of the preview's stack. */
const TOP = '#screen > .page-slot:not([hidden])';

/** From the lookup tab to the packages page of a number. */
async function toPackages(d, phone) {
  await d.go('lookup');
  await d.type(phone, { placeholder: '手机号' });
  await d.tapText('查询', { exact: true });
  await d.waitForText(RENEW);
  await d.tapText(RENEW);
  await d.waitForPage('packages');
  await d.waitForText('已选');
}

/** Opens the mock WeChat Pay sheet from the confirm page; picks a simulated outcome when given. */
async function openPaySheet(d, outcome) {
  await d.tapText(/^确认支付/);
  await d.waitForText('付款给');
  if (outcome) await d.tapText(outcome, { exact: true });
}

/** The sheet's own pay button (the page's button below reads 支付中… meanwhile). */
async function confirmOnSheet(d) {
  await d.tapText('确认支付', { within: '#screen', exact: true });
}

const STORIES = [
  {
    name: 'renewal',
    steps: [
      {
        shot: 'lookup-filled.png',
        title: '充值 · 查到的卡',
        do: async (d) => {
          await d.open('lookup', SHOT);
          await d.type(DEMO_PHONE, { placeholder: '手机号' });
          await d.tapText('查询', { exact: true });
          await d.waitForText(RENEW);
        },
      },
      {
        shot: 'packages.png',
        title: '选择充值金额或套餐',
        do: async (d) => {
          await d.tapText(RENEW);
          await d.waitForPage('packages');
          await d.tapText('¥50', { exact: true });
          await d.waitForText('已选：');
        },
      },
      {
        shot: 'confirm.png',
        title: '确认订单 · 请核对号码',
        do: async (d) => {
          await d.tapText(NEXT);
          await d.waitForPage('confirm');
          await d.waitForText('请核对号码');
        },
      },
      { shot: 'pay-sheet.png', title: '模拟的微信支付', do: (d) => openPaySheet(d, null) },
      {
        shot: 'result-success.png',
        title: '支付结果 · 充值成功',
        do: async (d) => {
          await confirmOnSheet(d);
          await d.waitForPage('result');
          await d.waitForText('成功');
        },
      },
      {
        shot: 'records-filled.png',
        title: '记录 · 续费记录',
        do: async (d) => {
          await d.tapText('返回首页');
          await d.waitForPage('home');
          await d.tapText('记录', { within: '#tabbar' });
          await d.waitForPage('records');
          await d.waitForText('充值成功');
        },
      },
      {
        shot: 'voucher.png',
        title: '充值凭证',
        do: async (d) => {
          await d.tapText('话费充值 50 元', { within: '.page-slot:not([hidden])' });
          await d.waitForPage('voucher');
          await d.waitForText('实付金额');
        },
      },
      {
        shot: 'confirm-duplicate.png',
        title: '确认订单 · 10 分钟内已付过同样的订单',
        do: async (d) => {
          await d.tapText('再次充值');
          await d.waitForPage('confirm');
          await d.waitForText('10 分钟内');
        },
      },
    ],
  },
  {
    name: 'first-visit',
    steps: [
      { shot: 'home-empty.png', title: '首页 · 还没有绑定号码', do: (d) => d.open('home', SHOT) },
      { shot: 'lookup-empty.png', title: '充值 · 输入号码', do: (d) => d.go('lookup') },
      {
        shot: 'lookup-error.png',
        title: '充值 · 号码位数不对',
        do: async (d) => {
          await d.type('1380013800', { placeholder: '手机号' });
          await d.tapText('查询', { exact: true });
        },
      },
      { shot: 'records-empty.png', title: '记录 · 还没有续费记录', do: (d) => d.go('records') },
      { shot: 'mine-empty.png', title: '我的 · 未绑定号码', do: (d) => d.go('mine') },
      { shot: 'help.png', title: '帮助与客服', do: (d) => d.go('help') },
    ],
  },
  {
    name: 'bind',
    steps: [
      {
        shot: 'bind-privacy.png',
        title: '绑定 · 先同意隐私保护指引',
        do: async (d) => {
          await d.open('bind', SHOT);
          await d.waitForText('用户隐私保护提示');
        },
      },
      {
        shot: 'bind.png',
        title: '绑定号码 · 微信手机号或手动输入',
        do: async (d) => {
          await d.tapText('同意', { exact: true });
          await d.settle(500);
        },
      },
      {
        shot: 'bind-error.png',
        title: '绑定 · 手动输入的号码有误',
        do: async (d) => {
          await d.tapText('手动输入其他号码');
          await d.type('1380013800', { placeholder: '大陆或 Smart' });
          await d.tapText('获取验证码');
        },
      },
      {
        shot: 'bind-wechat.png',
        title: '绑定 · 微信授权手机号（模拟）',
        do: async (d) => {
          await d.go('bind');
          await d.tapText('微信手机号一键绑定');
          await d.tapText('允许');
          await d.waitForText('微信绑定的手机号');
        },
      },
      {
        shot: 'home-filled.png',
        title: '首页 · 已绑定的卡',
        do: async (d) => {
          await d.tapText('绑定', { exact: true });
          await d.waitForPage('home');
          await d.waitForText('138****8000');
        },
      },
      {
        shot: 'card.png',
        title: '号码设置与到期提醒',
        do: async (d) => {
          await d.tapText('138****8000');
          await d.waitForPage('card');
          await d.waitForText('到期提醒');
        },
      },
      { shot: 'mine-filled.png', title: '我的 · 已绑定号码', do: (d) => d.go('mine') },
    ],
  },
  {
    name: 'payment-fails',
    steps: [
      {
        shot: 'packages-smart.png',
        title: 'Smart 号码 · 比索面值，按汇率付人民币',
        do: async (d) => {
          await d.open('home', SHOT);
          await toPackages(d, SMART_PHONE);
          await d.tapText('₱100', { exact: true, within: TOP });
          await d.waitForText('折合人民币支付');
        },
      },
      {
        // To confirm: ¥12.35 to pay, with the face value and the rate (not photographed: packages shows it).
        do: async (d) => {
          await d.tapText(NEXT);
          await d.waitForPage('confirm');
          await d.waitForText('汇率');
        },
      },
      {
        shot: 'result-failed.png',
        title: '支付结果 · 余额不足，可重新支付',
        do: async (d) => {
          await openPaySheet(d, '余额不足');
          await confirmOnSheet(d);
          await d.waitForPage('result');
          await d.waitForText('重新支付');
        },
      },
      {
        // 重新支付, then 取消 on the sheet: back on confirm, nothing charged; then the records.
        do: async (d) => {
          await d.tapText('重新支付', { exact: true });
          await d.waitForPage('confirm');
          await d.waitForText('请核对号码');
          await d.tapText(/^确认支付/);
          await d.waitForText('付款给');
          await d.tapText('取消', { within: '#screen', exact: true });
          await d.waitForText('已取消支付，没有扣款');
          await d.go('records');
          await d.waitForPage('records');
          await d.waitForText('已取消');
        },
      },
      {
        shot: 'voucher-cancelled.png',
        title: '凭证 · 已取消（灰色标签），未扣款，可重新支付',
        do: async (d) => {
          await d.tapText('已取消', { within: TOP, exact: true });
          await d.waitForPage('voucher');
          await d.waitForText('未扣款');
        },
      },
    ],
  },
];

STORIES.push({
  name: 'payment-no-answer',
  steps: [
    {
      shot: 'lookup-expiring.png',
      title: '充值 · 2 天后到期的卡',
      do: async (d) => {
        // The mock WeChat Pay waits 15 s for an answer: let the test clock skip it.
        await d.page.clock.install();
        await d.open('lookup', SHOT);
        await d.type(EXPIRING_PHONE, { placeholder: '手机号' });
        await d.tapText('查询', { exact: true });
        await d.waitForText(RENEW);
      },
    },
    {
      shot: 'result-unknown.png',
      title: '支付结果 · 没有收到支付结果',
      do: async (d) => {
        await d.tapText(RENEW);
        await d.waitForPage('packages');
        await d.tapText(NEXT);
        await d.waitForPage('confirm');
        await d.waitForText('请核对号码');
        await openPaySheet(d, '无响应');
        await confirmOnSheet(d);
        await d.page.clock.fastForward(20000);
        await d.waitForPage('result');
      },
    },
  ],
});

/** Binds demo numbers in the running app the way the bind page leaves them. */
async function bindDemo(d, cards) {
  await d.withServices((list) => {
    const { cards: book, clock } = window.__preview.services();
    for (const card of list) {
      book.bind({
        phone: card.phone,
        region: card.carrier === 'smart' ? 'PH' : 'CN',
        carrier: card.carrier,
        cardType: card.cardType,
        nickname: card.nickname || '',
        isDefault: false,
        boundAt: clock.now(),
        verifiedBy: 'sms',
        remindDaysBefore: 3,
      });
    }
  }, cards);
}

STORIES.push({
  name: 'numbers',
  steps: [
    {
      shot: 'home-urgent.png',
      title: '首页 · 最急的卡在最前，提示条直达续费',
      do: async (d) => {
        await d.open('mine', SHOT);
        await bindDemo(d, [
          { phone: DEMO_PHONE, carrier: 'cmcc', cardType: 'phone' },
          { phone: EXPIRING_PHONE, carrier: 'cucc', cardType: 'phone', nickname: '妈妈' },
          { phone: '15900159000', carrier: 'cmcc', cardType: 'phone', nickname: '爸爸' },
          { phone: '19200192000', carrier: 'cbn', cardType: 'data' },
        ]);
        await d.tapText('首页', { within: '#tabbar' });
        await d.waitForPage('home');
        await d.waitForText('已欠费');
        await d.waitForText('剩余流量');
      },
    },
    {
      shot: 'card-location.png',
      title: '号码设置 · 归属地与到期提醒',
      do: async (d) => {
        await d.tapText('妈妈');
        await d.waitForPage('card');
        await d.waitForText('广东 深圳');
        await d.tapText('添加到手机日历', { exact: true });
        await d.tapText('添加', { exact: true, within: '.shell-modal' });
        await d.waitForText('会响铃提醒');
      },
    },
    {
      shot: 'plan.png',
      title: '保号计划 · 每张卡的期限和一年的花费',
      do: async (d) => {
        await bindDemo(d, [{ phone: SMART_PHONE, carrier: 'smart', cardType: 'keep', nickname: '菲律宾卡' }]);
        await d.go('mine');
        await d.tapText('每张卡最晚哪天续费，一年最少花多少钱');
        await d.waitForPage('plan');
        await d.waitForText('菲律宾 · Smart');
      },
    },
  ],
});

STORIES.push({
  name: 'contacts',
  steps: [
    {
      shot: 'lookup-contacts.png',
      title: '充值 · 从通讯录选择，联系人有两个号码',
      do: async (d) => {
        await d.open('lookup', SHOT);
        await d.withServices(() => {
          const { cards } = window.__preview.services();
          cards.pushRecent('13800138000', { carrier: 'cmcc', location: { country: 'CN', province: '北京', city: '北京' } });
        });
        await d.go('mine');
        await d.go('lookup');
        await d.tapText('通讯录', { within: TOP, exact: true });
        // The address book is privacy-guarded: the page's popup first.
        await d.waitForText('用户隐私保护提示');
        await d.tapText('同意', { exact: true });
        await d.tapText('爸爸 ·');
        await d.waitForText('要用哪一个？');
      },
    },
    {
      shot: 'lookup-location.png',
      title: '充值 · 归属地、推荐的续费方式和最近查询',
      do: async (d) => {
        await d.tapText('186****6002');
        await d.waitForText('广东 深圳 · 中国联通');
        await d.waitForText('续费后到期日');
      },
    },
  ],
});

/** Binds the demo number as the bind page stores it (the bind story shows that page itself). */
async function bindDemoCard(d) {
  await d.withServices((phone) => {
    window.__preview.services().cards.bind({ phone, region: 'CN', carrier: 'cmcc', cardType: 'phone', nickname: '我的主卡', isDefault: true, boundAt: Date.now(), verifiedBy: 'sms', remindDaysBefore: 3 });
  }, DEMO_PHONE);
}

/** Today's day of the month in China, as the rule form takes it. */
function chinaDayToday() {
  return String(Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', day: 'numeric' }).format(new Date())));
}

STORIES.push({
  name: 'after-payment',
  steps: [
    {
      shot: 'autotopup-setup.png',
      title: '自动充值 · 设置规则',
      do: async (d) => {
        await d.open('home', SHOT);
        await bindDemoCard(d);
        await d.go(`card?phone=${DEMO_PHONE}`);
        await d.waitForPage('card');
        await d.tapText('余额不足或每月固定日期自动充值，可随时暂停、取消');
        await d.waitForPage('autotopup');
        await d.tapText('每月固定日期');
        await d.type(chinaDayToday(), { placeholder: '1–31' });
        await d.waitForText('每月最多 ¥100');
      },
    },
    {
      shot: 'autotopup-papay.png',
      title: '开通微信免密支付（委托代扣，模拟）',
      do: async (d) => {
        await d.tapText('下一步：开通微信免密支付');
        await d.waitForPage('autotopup/papay');
        await d.tapText('《委托代扣服务协议》');
        await d.waitForText('取消即解除本协议');
      },
    },
    {
      shot: 'autotopup-active.png',
      title: '自动充值 · 已开启，今天已自动充值',
      do: async (d) => {
        await d.tapText('开通', { exact: true });
        await d.waitForPage('autotopup');
        await d.waitForText('已充值');
      },
    },
    {
      shot: 'invoice-request.png',
      title: '开发票 · 选择订单、抬头和邮箱',
      do: async (d) => {
        await d.go('invoice');
        await d.waitForPage('invoice');
        await d.tapText(/138\*\*\*\*8000 · 话费充值 50 元/);
        await d.tapText('单位', { exact: true });
        await d.type('深圳市示例科技有限公司', { placeholder: '营业执照' });
        await d.type('914403001922038216', { placeholder: '统一社会信用代码' });
        await d.type('finance@example.com', { placeholder: 'name@example.com' });
        await d.waitForText('共 1 笔订单');
      },
    },
    {
      shot: 'invoice-issued.png',
      title: '电子发票 · 已开具',
      do: async (d) => {
        await d.tapText('提交申请');
        await d.waitForPage('invoice/detail');
        await d.waitForText('已开具', 20000);
      },
    },
    {
      shot: 'voucher-invoiced.png',
      title: '凭证 · 归属地、自动充值下单、发票已开具',
      do: async (d) => {
        const orderId = await d.withServices(() => window.__preview.services().records.all()[0].id);
        await d.go(`voucher?orderId=${orderId}`);
        await d.waitForPage('voucher');
        await d.waitForText('已开具');
        await d.page.evaluate(() => {
          const slot = document.querySelector('#screen > .page-slot:not([hidden])');
          const row = slot && Array.from(slot.querySelectorAll('*')).find((el) => el.textContent === '下单方式');
          if (row) row.scrollIntoView({ block: 'start' });
        });
      },
    },
    {
      shot: 'voucher-picture.png',
      title: '保存凭证图片 · 画好的凭证，存相册或发给朋友',
      do: async (d) => {
        await d.tapText('保存凭证图片');
        await d.page.locator(`${TOP} [class*="sheet__image"] img`).waitFor({ state: 'visible', timeout: 15000 });
      },
    },
    {
      shot: 'voucher-picture-refused.png',
      title: '凭证图片 · 没有相册权限时说明原因，可去设置',
      do: async (d) => {
        await d.tapText('保存到相册', { within: TOP });
        await d.waitForText('保存图片或视频到你的相册');
        await d.tapText('拒绝', { exact: true });
        await d.waitForText('需要相册权限');
        await d.tapText('暂不', { exact: true });
        await d.waitForText('去设置');
      },
    },
  ],
});

STORIES.push({
  name: 'records-invoice',
  steps: [
    {
      shot: 'records-invoice-pick.png',
      title: '记录 · 选几笔充值成功的订单开发票',
      do: async (d) => {
        await d.open('lookup', SHOT);
        for (const [phone, tile] of [[EXPIRING_PHONE, '¥30'], [SMART_PHONE, '₱100'], [DEMO_PHONE, '¥50']]) {
          await toPackages(d, phone);
          await d.tapText(tile, { exact: true, within: TOP });
          await d.tapText(NEXT);
          await d.waitForPage('confirm');
          await d.waitForText('请核对号码');
          await openPaySheet(d, null);
          await confirmOnSheet(d);
          await d.waitForPage('result');
          await d.waitForText('充值成功');
        }
        await d.tapText('返回首页');
        await d.waitForPage('home');
        await d.tapText('记录', { within: '#tabbar' });
        await d.waitForPage('records');
        await d.tapText('开发票', { within: TOP, exact: true });
        const rows = d.page.locator(`${TOP} [class*="row__main"]`);
        await rows.nth(0).click();
        await rows.nth(2).click();
        await d.waitForText('已选 2 笔');
      },
    },
  ],
});

module.exports = { STORIES, DEMO_PHONE, SMART_PHONE };
