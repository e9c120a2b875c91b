import { HELP_SECTIONS, HOTLINES } from '../../../miniprogram/pages/help/content';

describe('hotlines', () => {
  test('every carrier, mainland first, with the number to dial and what it is for', () => {
    expect(HOTLINES.map((h) => [h.carrier, h.buttons.map((b) => [b.label, b.dial]), h.note])).toEqual([
      ['中国移动', [['拨打 10086', '10086']], '话费、套餐、停机复机、保号套餐办理'],
      ['中国联通', [['拨打 10010', '10010']], '话费、套餐、停机复机、保号套餐办理'],
      ['中国电信', [['拨打 10000', '10000']], '话费、套餐、停机复机、保号套餐办理'],
      ['中国广电', [['拨打 10099', '10099']], '广电 192 号段的话费和套餐'],
      [
        'Smart',
        [
          ['拨打 *888', '*888'],
          ['拨打 +63 2 8888 1111', '+63288881111'],
        ],
        'Smart / TNT 手机拨 *888；在国内或用其他电话拨打国际号码',
      ],
    ]);
  });

  test('what is dialled is digits only, with at most a leading + or *', () => {
    for (const button of HOTLINES.flatMap((h) => h.buttons)) expect(button.dial).toMatch(/^[+*]?\d+$/);
  });

  test('each card has its brand colour', () => {
    for (const hotline of HOTLINES) expect(hotline.color).toMatch(/^#[0-9A-F]{6}$/i);
  });
});

describe('help sections', () => {
  test('the four sections, in order: this mini-program\u2019s own customer service first (walk 14)', () => {
    expect(HELP_SECTIONS.map((s) => s.title)).toEqual(['本小程序客服：扣款、到账、退款、发票', '去营业厅办理', '付款前后的安全提醒', 'Smart（菲律宾）号码']);
  });

  const all = HELP_SECTIONS.flatMap((s) => s.items).join('\n');

  test.each([
    ['bring the ID card', '身份证原件'],
    ['ask for an invoice', '发票'],
    ['check the number before paying', '付款前再核对一遍号码'],
    ['do not pay twice', '不要重复付款'],
    ['official channels only', '官方渠道'],
    ['keep the voucher', '保留好每笔充值的凭证'],
    ['never give away an SMS code', '短信验证码'],
    ['cheap top-up offers are scams', '“低价代充”“打折话费”多是骗局'],
    ['Smart keeps a number 120 days after the balance runs out', '号码还能保留 120 天'],
  ])('says: %s', (_what, words) => {
    expect(all).toContain(words);
  });

  test('every item is a full sentence in Chinese, ending with 。', () => {
    for (const item of HELP_SECTIONS.flatMap((s) => s.items)) expect(item).toMatch(/^[^\s].*[\u4e00-\u9fff）].*。$/);
  });

  test('the Smart hotline in the text is the one on its button', () => {
    expect(all).toContain('+63 2 8888 1111');
    expect(HOTLINES.find((h) => h.carrier === 'Smart')?.buttons.map((b) => b.label)).toContain('拨打 +63 2 8888 1111');
  });
});
