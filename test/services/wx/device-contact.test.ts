import { WxDeviceService } from '../../../miniprogram/services/wx/device';

type Answer = { success?: Record<string, unknown>; fail?: { errMsg: string } };

function stubChooseContact(answer: Answer): void {
  (globalThis as any).wx.chooseContact = (options: { success?: (res: unknown) => void; fail?: (err: unknown) => void }) => {
    if (answer.success) options.success?.(answer.success);
    else options.fail?.(answer.fail);
  };
}

const original = (globalThis as any).wx.chooseContact;
afterAll(() => {
  (globalThis as any).wx.chooseContact = original;
});

describe('WxDeviceService.chooseContact', () => {
  test.each<[string, Record<string, unknown>, { name: string; numbers: string[] }]>([
    ['the chosen number and the list, each once', { displayName: ' 妈妈 ', phoneNumber: '13800138000', phoneNumberList: ['13800138000', '186 0018 6002'] }, { name: '妈妈', numbers: ['13800138000', '186 0018 6002'] }],
    ['a list given as one string', { displayName: '爸爸', phoneNumber: '13800138000', phoneNumberList: '13800138000,18600186002' }, { name: '爸爸', numbers: ['13800138000', '18600186002'] }],
    ['no list, no name', { phoneNumber: '13800138000' }, { name: '', numbers: ['13800138000'] }],
    ['nothing usable', { displayName: 3, phoneNumberList: [null, ''] }, { name: '', numbers: [] }],
  ])('%s', async (_name, res, value) => {
    stubChooseContact({ success: { errMsg: 'chooseContact:ok', ...res } });
    expect(await new WxDeviceService().chooseContact()).toEqual({ ok: true, value });
  });

  test.each([
    ['chooseContact:fail cancel', 'cancelled'],
    ['chooseContact:fail auth deny', 'denied'],
    ['chooseContact:fail privacy permission is not authorized', 'denied'],
    ['chooseContact:fail system error', 'failed'],
  ])('%s → %s', async (errMsg, error) => {
    stubChooseContact({ fail: { errMsg } });
    expect(await new WxDeviceService().chooseContact()).toMatchObject({ ok: false, error });
  });
});
