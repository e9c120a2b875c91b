import { EXPIRY_TEMPLATE_ID, addReminderToCalendar, subscribeExpiryReminder } from '../../miniprogram/pages/card/reminders';
import { FakeDevice } from '../support/fakes';
import type { BoundCard } from '../../miniprogram/core/types';

const TODAY = '2026-11-25';

function card(patch: Partial<BoundCard> = {}): BoundCard {
  return {
    phone: '13800138000',
    region: 'CN',
    carrier: 'cmcc',
    cardType: 'keep',
    nickname: '',
    isDefault: true,
    boundAt: 0,
    verifiedBy: 'sms',
    remindDaysBefore: 3,
    ...patch,
  };
}

describe('device calls', () => {
  test('addReminderToCalendar hands the planned event to the device', async () => {
    const device = new FakeDevice();
    const result = await addReminderToCalendar(device, card(), '2026-12-01', TODAY);
    expect(result.ok).toBe(true);
    expect(device.calendar).toHaveLength(1);
    expect(device.calendar[0].title).toBe('【保号提醒】138****8000 将于 2026年12月1日 到期');
  });

  test('a denied calendar permission says how to allow it', async () => {
    const device = new FakeDevice();
    device.calendarAnswer = { ok: false, error: 'denied', message: 'auth deny' };
    const result = await addReminderToCalendar(device, card(), '2026-12-01', TODAY);
    expect(result).toMatchObject({ ok: false, error: 'denied' });
    expect(!result.ok && result.message).toContain('设置');
  });

  test('a plan that cannot be made never reaches the device', async () => {
    const device = new FakeDevice();
    const result = await addReminderToCalendar(device, card(), undefined, TODAY);
    expect(result).toMatchObject({ ok: false, error: 'no_expiry' });
    expect(device.calendar).toHaveLength(0);
  });

  test('subscribe asks for the expiry template and reports acceptance', async () => {
    const device = new FakeDevice();
    expect(await subscribeExpiryReminder(device)).toBe(true);
    expect(device.subscribeRequests).toEqual([[EXPIRY_TEMPLATE_ID]]);
    device.subscribeAccepts = false;
    expect(await subscribeExpiryReminder(device)).toBe(false);
  });
});
