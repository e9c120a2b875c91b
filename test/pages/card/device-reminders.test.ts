import { EXPIRY_TEMPLATE_ID, addEventToCalendar, subscribeExpiryReminder } from '../../../miniprogram/pages/card/device-reminders';
import { FakeDevice } from '../../support/fakes';
import type { CalendarEvent } from '../../../miniprogram/core/types';

const EVENT: CalendarEvent = { title: '【保号提醒】138****8000 将于 2026年12月1日 到期', description: '…', startTime: 1, allDay: false, alarmOffsetSec: 0 };

describe('device calls', () => {
  test('addEventToCalendar hands the event to the device', async () => {
    const device = new FakeDevice();
    expect(await addEventToCalendar(device, EVENT)).toEqual({ ok: true, value: undefined });
    expect(device.calendar).toEqual([EVENT]);
  });

  test('a denied calendar permission says how to allow it', async () => {
    const device = new FakeDevice();
    device.calendarAnswer = { ok: false, error: 'denied', message: 'auth deny' };
    const result = await addEventToCalendar(device, EVENT);
    expect(result).toMatchObject({ ok: false, error: 'denied' });
    expect(!result.ok && result.message).toContain('设置');
  });

  test('another failure keeps the device words, or says to try later', async () => {
    const device = new FakeDevice();
    device.calendarAnswer = { ok: false, error: 'failed', message: '' };
    expect(await addEventToCalendar(device, EVENT)).toMatchObject({ ok: false, error: 'failed', message: '添加到日历失败，请稍后再试' });
  });

  test('subscribe asks for the expiry template and reports acceptance', async () => {
    const device = new FakeDevice();
    expect(await subscribeExpiryReminder(device)).toBe(true);
    expect(device.subscribeRequests).toEqual([[EXPIRY_TEMPLATE_ID]]);
    device.subscribeAccepts = false;
    expect(await subscribeExpiryReminder(device)).toBe(false);
  });
});
