/** The voucher page's picture handlers, on a stand-in page: the state the sheet is given at each step. */
import { TestApp } from '../../../support/app';
import { realOrder } from '../../../support/records-orders';
import { NO_PICTURE, voucherPictureMethods, type PictureState } from '../../../../miniprogram/pages/voucher/picture/page-methods';

let app: TestApp;

function host() {
  const order = realOrder({ at: '2026-11-25T10:00:00+08:00', serial: 42 });
  const page = {
    data: { picture: { ...NO_PICTURE } as PictureState },
    setData(patch: Record<string, unknown>) {
      for (const [key, value] of Object.entries(patch)) {
        if (key === 'picture') page.data.picture = value as PictureState;
        else (page.data.picture as unknown as Record<string, unknown>)[key.replace('picture.', '')] = value;
      }
    },
    selectComponent: (selector: string) => ({ selector }),
    pictureOrder: () => order,
    ...voucherPictureMethods,
  };
  return { page, order };
}

beforeEach(() => {
  app = new TestApp({ now: '2026-11-25T10:30:00+08:00' });
});

test('保存凭证图片 draws into the sheet, then saves to the album', async () => {
  const { page, order } = host();
  await page.onSavePicture();
  expect(page.data.picture).toMatchObject({ show: true, busy: false, image: 'wxfile://tmp/voucher-1.png', width: 345 });
  expect(app.device.canvases[0].scope).toEqual({ selector: '#picture' });
  expect(app.device.canvases[0].context.texts()).toContain(order.id);
  await page.onPictureSave();
  expect(app.device.album).toEqual(['wxfile://tmp/voucher-1.png']);
  expect(page.data.picture).toMatchObject({ message: '已保存到相册', messageKind: 'info' });
});

test('a refusal shows in the sheet with 去设置, which saves once allowed', async () => {
  const { page } = host();
  await page.onSavePicture();
  app.device.albumAnswers = ['denied'];
  app.device.confirmAnswers = [false];
  await page.onPictureSave();
  expect(page.data.picture).toMatchObject({ messageKind: 'error', offerSettings: true, message: expect.stringContaining('没有相册权限') });
  await page.onPictureSettings();
  expect(page.data.picture).toMatchObject({ message: '已保存到相册', offerSettings: false });
});

test('no 2D canvas: the sheet says why; sharing and closing', async () => {
  const { page } = host();
  app.device.canvasAvailable = false;
  await page.onSavePicture();
  expect(page.data.picture).toMatchObject({ show: true, image: '', messageKind: 'error', message: expect.stringContaining('画图失败') });
  app.device.canvasAvailable = true;
  await page.onSavePicture();
  await page.onPictureShare();
  expect(app.device.shared).toHaveLength(1);
  page.onPictureClose();
  expect(page.data.picture.show).toBe(false);
});
