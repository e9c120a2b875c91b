/**
 * The one search box of the lookup page takes a phone number or an ICCID: decide which
 * the user meant and validate it as that.
 */
import type { PhoneNumber, Result } from './types';
import { normalizePhoneInput, parsePhone, type PhoneError } from './phone';
import { parseIccid, type Iccid, type IccidError } from './iccid';

export type CardQueryInput = { kind: 'phone'; phone: PhoneNumber } | { kind: 'iccid'; iccid: Iccid };

export type CardQueryError = PhoneError | IccidError;

/** No phone number in any accepted form starts with 89 and is this long; every ICCID does. */
const ICCID_MIN_LENGTH = 15;

export function looksLikeIccid(cleaned: string): boolean {
  return cleaned.startsWith('89') && cleaned.length >= ICCID_MIN_LENGTH;
}

export function parseCardQuery(raw: unknown): Result<CardQueryInput, CardQueryError> {
  const cleaned = normalizePhoneInput(raw);

  if (looksLikeIccid(cleaned)) {
    const iccid = parseIccid(raw);
    return iccid.ok ? { ok: true, value: { kind: 'iccid', iccid: iccid.value } } : iccid;
  }

  const phone = parsePhone(raw);
  if (phone.ok) return { ok: true, value: { kind: 'phone', phone: phone.value } };
  if (phone.error === 'empty') {
    return { ok: false, error: 'empty', message: '请输入手机号码，或 SIM 卡背面 89 开头的 ICCID' };
  }
  if (phone.error === 'bad_prefix' && cleaned.startsWith('89')) {
    return {
      ok: false,
      error: 'bad_prefix',
      message: `手机号应以 1 或 09 开头；如果输入的是 ICCID，应为 89 开头的 19–20 位，现在只有 ${cleaned.length} 位`,
    };
  }
  return phone;
}
