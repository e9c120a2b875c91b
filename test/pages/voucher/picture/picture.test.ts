/**
 * The voucher picture: its content read back from the canvas calls, its layout, the save
 * and share steps with every refusal the device can answer, and the sheet that shows it.
 */
import { openComponentAt } from '../../../support/page-driver';
import { FakeDevice, RecordingContext } from '../../../support/fakes';
import { realOrder } from '../../../support/records-orders';
import { PICTURE_WIDTH, textWidth, voucherPicture, wrap } from '../../../../miniprogram/pages/voucher/picture/steps';
import { paint } from '../../../../miniprogram/pages/voucher/picture/paint';
import { CANVAS_SELECTOR, drawVoucher, retryAfterSettings, saveToAlbum, shareToChat } from '../../../../miniprogram/pages/voucher/picture/flow';
import type { Order } from '../../../../miniprogram/core/types';

const NOW = Date.parse('2026-11-25T10:30:00+08:00');
const SCOPE = { is: 'voucher-page' };

function order(spec: Partial<Parameters<typeof realOrder>[0]> = {}): Order {
  return realOrder({ at: '2026-11-25T10:00:00+08:00', serial: 42, pick: 4, ...spec });
}

async function drawn(o: Order): Promise<{ device: FakeDevice; context: RecordingContext; path: string }> {
  const device = new FakeDevice();
  const result = await drawVoucher(device, SCOPE, o, NOW);
  if (!result.ok) throw new Error(result.message);
  return { device, context: device.canvases[0].context, path: result.path };
}

describe('what the picture shows (read from the canvas calls)', () => {
  test('amounts, the full order and WeChat Pay numbers, the masked number, the times and the state', async () => {
    const o = order({ state: 'succeeded' });
    const { context } = await drawn(o);
    const texts = context.texts();
    expect(texts).toEqual(expect.arrayContaining(['充值凭证', '¥95.00', '中国移动 话费充值 100 元', '充值成功']));
    expect(texts).toEqual(expect.arrayContaining([o.id, o.transactionId!, '138****8000']));
    expect(texts).toEqual(expect.arrayContaining(['原价', '¥100.00', '优惠', '-¥5.00', '实付金额', '¥95.00']));
    expect(texts).toEqual(expect.arrayContaining(['下单时间', '2026-11-25 10:00:00', '支付时间', '2026-11-25 10:00:04', '充值状态']));
    expect(texts).toContain('图片生成于 2026-11-25 10:30:00');
    // A picture may be forwarded: the number is masked, never in full.
    expect(texts.join('\n')).not.toContain('13800138000');
    expect(texts.join('\n')).not.toContain('138 0013 8000');
  });

  test('each label sits left and its value right, in the voucher order', async () => {
    const o = order();
    const { context } = await drawn(o);
    const at = (text: string) => context.calls.find((c) => c.op === 'fillText' && c.args[0] === text)!;
    expect(at('订单号').textAlign).toBe('left');
    expect(at(o.id).textAlign).toBe('right');
    expect(at(o.id).args[2]).toBe(at('订单号').args[2]);
    expect((at('充值号码').args[2] as number) > (at('订单号').args[2] as number)).toBe(true);
  });

  test('a failed payment shows its state and why, with no transaction number', async () => {
    const { context } = await drawn(order({ state: 'pay_failed' }));
    expect(context.texts()).toEqual(expect.arrayContaining(['支付失败', '支付失败（零钱余额不足）', '微信支付单号', '—']));
  });

  test('an automatic top-up says how it was placed', async () => {
    const o = { ...order(), autoTopup: { ruleId: 'AT20261125000000000001', period: 'M2026-11', contractId: 'C1' } };
    const { context } = await drawn(o);
    expect(context.texts()).toEqual(expect.arrayContaining(['下单方式', '自动充值（微信支付委托代扣）']));
  });

  test('the canvas is the one in the voucher picture component, sized to the picture, on white paper', async () => {
    const o = order();
    const { device, context } = await drawn(o);
    const picture = voucherPicture(o, NOW);
    expect(device.canvases[0]).toMatchObject({ scope: SCOPE, selector: CANVAS_SELECTOR, size: { width: PICTURE_WIDTH, height: picture.height } });
    expect(context.calls[0]).toMatchObject({ op: 'fillRect', args: [0, 0, PICTURE_WIDTH, picture.height], fillStyle: '#ffffff' });
    expect(device.images).toHaveLength(1);
  });

  test('no text runs past the picture edge, long values wrap under their label', () => {
    const o = { ...order({ state: 'topup_failed' }), failureReason: '运营商系统繁忙，充值未到账，请稍后再试；如多次失败请拨打客服热线 10086 咨询' };
    const picture = voucherPicture(o, NOW);
    for (const step of picture.steps) {
      if (step.op !== 'text') continue;
      const width = textWidth(step.text, step.size);
      const left = step.align === 'left' ? step.x : step.align === 'right' ? step.x - width : step.x - width / 2;
      expect([step.text, left >= 0 && left + width <= PICTURE_WIDTH]).toEqual([step.text, true]);
    }
    const reason = picture.steps.filter((s) => s.op === 'text' && s.text.startsWith('运营商系统繁忙'));
    expect(reason.length).toBe(1);
    expect(picture.steps.filter((s) => s.op === 'text' && s.align === 'right' && s.y > (reason[0] as { y: number }).y && s.y < (reason[0] as { y: number }).y + 40).length).toBeGreaterThan(1);
  });

  test.each([
    ['', 13, 100, ['']],
    ['abc', 10, 100, ['abc']],
    ['一二三四五六', 10, 30, ['一二三', '四五六']],
    ['CR20261125100000123456', 13, 80, ['CR2026125', '1000001234', '56'].map(() => expect.any(String))],
  ])('wrap(%j) fits %ipx text into %ipx', (text, size, max, expected) => {
    const lines = wrap(text, size, max);
    expect(lines).toEqual(expected);
    expect(lines.join('')).toBe(text);
    for (const line of lines) expect(textWidth(line, size) <= max || Array.from(line).length === 1).toBe(true);
  });

  test('paint draws dashed rules and resets the dash', () => {
    const context = new RecordingContext();
    paint(context, [{ op: 'dash', x1: 10, x2: 100, y: 50, color: '#d6d6d6' }]);
    expect(context.calls.map((c) => c.op)).toEqual(['setLineDash', 'beginPath', 'moveTo', 'lineTo', 'stroke', 'setLineDash']);
  });
});

describe('drawing fails', () => {
  test('no 2D canvas (old WeChat): the words to show', async () => {
    const device = new FakeDevice();
    device.canvasAvailable = false;
    expect(await drawVoucher(device, SCOPE, order(), NOW)).toEqual({ ok: false, message: '画图失败：这台手机的微信版本不支持，请升级微信后重试' });
  });

  test('the PNG cannot be made', async () => {
    const device = new FakeDevice();
    device.imageAnswer = { ok: false, error: 'failed', message: 'x' };
    expect(await drawVoucher(device, SCOPE, order(), NOW)).toEqual({ ok: false, message: '生成图片失败，请稍后再试' });
  });
});

describe('saving and sharing', () => {
  const PATH = 'wxfile://tmp/voucher-1.png';

  test('saved to the album', async () => {
    const device = new FakeDevice();
    expect(await saveToAlbum(device, PATH)).toEqual({ ok: true, message: '已保存到相册', offerSettings: false });
    expect(device.album).toEqual([PATH]);
  });

  test('refused: explains, and after 去设置 with the album allowed, saves', async () => {
    const device = new FakeDevice();
    device.albumAnswers = ['denied'];
    const outcome = await saveToAlbum(device, PATH);
    expect(device.confirms[0]).toMatchObject({ title: '需要相册权限' });
    expect(device.confirms[0].content).toContain('可以在设置里打开后再保存');
    expect(device.settingsOpened).toEqual(['scope.writePhotosAlbum']);
    expect(outcome).toEqual({ ok: true, message: '已保存到相册', offerSettings: false });
    expect(device.album).toEqual([PATH]);
  });

  test('refused, and 暂不: nothing saved, the way to settings stays offered', async () => {
    const device = new FakeDevice();
    device.albumAnswers = ['denied'];
    device.confirmAnswers = [false];
    expect(await saveToAlbum(device, PATH)).toEqual({ ok: false, message: '没有相册权限，图片没有保存。可以在设置里允许「保存到相册」后再试', offerSettings: true });
    expect(device.settingsOpened).toEqual([]);
  });

  test('settings left off: says so', async () => {
    const device = new FakeDevice();
    device.settingsGrant = false;
    expect(await retryAfterSettings(device, PATH)).toEqual({ ok: false, message: '设置里没有打开「添加到相册」，图片没有保存', offerSettings: true });
    expect(device.album).toEqual([]);
  });

  test.each([
    ['privacy', '需要先同意《用户隐私保护指引》，才能把图片保存到相册'],
    ['failed', '保存到相册失败，请稍后再试，或用「发送给朋友」保存'],
  ] as const)('%s: the words to show, no settings detour', async (answer, message) => {
    const device = new FakeDevice();
    device.albumAnswers = [answer];
    expect(await saveToAlbum(device, PATH)).toEqual({ ok: false, message, offerSettings: false });
    expect(device.confirms).toEqual([]);
  });

  test('shared to a chat; a cancelled share says nothing; a failed one says what to do', async () => {
    const device = new FakeDevice();
    expect((await shareToChat(device, PATH)).ok).toBe(true);
    expect(device.shared).toEqual([PATH]);
    device.shareAnswer = 'cancelled';
    expect(await shareToChat(device, PATH)).toEqual({ ok: false, message: '', offerSettings: false });
    device.shareAnswer = 'failed';
    expect((await shareToChat(device, PATH)).message).toBe('打开分享失败，请先保存到相册再发送');
  });
});

describe('the picture sheet component', () => {
  const open = (props: Record<string, unknown>) => openComponentAt('pages/voucher/voucher-picture/index', { show: true, width: 345, height: 700, ...props });

  test('holds the 2D canvas at the picture size, and while drawing says so', async () => {
    const sheet = await open({ image: '', busy: true });
    const canvas = sheet.find('#voucher-canvas');
    // simulate registers <canvas> without its properties: the tag and its size are what can be seen.
    expect(canvas.dom.tagName).toBe('WX-CANVAS');
    expect(canvas.dom.getAttribute('style')).toContain('width: 345px; height: 700px');
    expect(sheet.vantShown('.save-picture', '.van-button')).toBe(true);
    expect(sheet.textOf('.sheet__loading')).toContain('正在生成凭证图片');
  });

  test('shows the picture; 保存到相册 and 发送给朋友 ask the page', async () => {
    const sheet = await open({ image: 'wxfile://tmp/voucher-1.png' });
    expect(sheet.find('.sheet__image').dom.tagName).toBe('WX-IMAGE');
    expect(sheet.has('.sheet__loading')).toBe(false);
    const save = jest.fn();
    const share = jest.fn();
    sheet.comp.addEventListener('save', save);
    sheet.comp.addEventListener('share', share);
    await sheet.tap('.save-picture');
    await sheet.tap('.share-picture');
    expect(save).toHaveBeenCalledTimes(1);
    expect(share).toHaveBeenCalledTimes(1);
  });

  test('a refusal shows its message and 去设置', async () => {
    const sheet = await open({ image: 'x.png', message: '没有相册权限，图片没有保存', messageKind: 'error', offerSettings: true });
    const settings = jest.fn();
    sheet.comp.addEventListener('settings', settings);
    expect(sheet.textOf('.sheet__message')).toContain('没有相册权限，图片没有保存去设置');
    await sheet.fire('.sheet__settings', 'tap');
    expect(settings).toHaveBeenCalled();
  });
});
