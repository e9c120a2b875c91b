/**
 * ICCID: the SIM card number printed on the card and its holder (19–20 characters
 * from 89). Used to find a card when the user does not know its phone number.
 */
import type { CarrierId, Result } from './types';
import { normalizePhoneInput } from './phone';

export type IccidError = 'empty' | 'bad_chars' | 'bad_length' | 'bad_prefix';

export interface Iccid {
  /** Upper-case, without separators. */
  value: string;
  /** The carrier its issuer prefix points to; null when the prefix is not one we know. */
  carrierHint: CarrierId | null;
  /**
   * valid / invalid: the last digit is (not) a correct Luhn check digit;
   * maker_letter: the card maker printed a letter where the check digit would be;
   * none: no check digit to test (kept for callers; parseIccid does not return it today).
   */
  check: 'valid' | 'invalid' | 'maker_letter' | 'none';
  /** Chinese advice to re-read the card, or null. Never a reason to refuse the ICCID. */
  warning: string | null;
}

export const ICCID_ERROR_MESSAGES: Record<IccidError, string> = {
  empty: '请输入 SIM 卡背面的 ICCID（89 开头的 19–20 位号码）',
  bad_chars: 'ICCID 只能包含数字，最后一位可能是字母，请删除其他符号',
  bad_length: 'ICCID 应为 19 或 20 位，请核对卡背面的号码',
  bad_prefix: 'ICCID 以 89 开头，请核对卡背面的号码',
};

export const ICCID_CHECK_WARNING = 'ICCID 最后一位校验不符，可能抄错了一位，请核对卡背面的 ICCID';

/** Letters Chinese card makers print instead of a check digit in the last place. */
export const ICCID_MAKER_LETTERS: readonly string[] = ['B', 'H', 'W', 'Y', 'X', 'C', 'G'];

/**
 * Issuer prefixes (89 telecom, 86 / 63 country, then the issuer), as listed in the
 * project GUIDE and the team's domain notes (2026); 896303 is Smart. A hint only: the
 * user confirms the carrier.
 */
const ICCID_ISSUERS: readonly { prefix: string; carrier: CarrierId }[] = [
  { prefix: '898600', carrier: 'cmcc' },
  { prefix: '898602', carrier: 'cmcc' },
  { prefix: '898607', carrier: 'cmcc' },
  { prefix: '898608', carrier: 'cmcc' },
  { prefix: '898601', carrier: 'cucc' },
  { prefix: '898606', carrier: 'cucc' },
  { prefix: '898609', carrier: 'cucc' },
  { prefix: '898603', carrier: 'ctcc' },
  { prefix: '898611', carrier: 'ctcc' },
  { prefix: '898615', carrier: 'cbn' },
  { prefix: '896303', carrier: 'smart' },
];

/** Country codes of the cards this service renews: mainland China and the Philippines. */
const SUPPORTED_COUNTRY_PREFIXES = ['8986', '8963'];

/** Luhn (mod 10) check over a string of digits, the last one being the check digit. */
export function luhnValid(digits: string): boolean {
  if (typeof digits !== 'string' || !/^\d{2,}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

function fail(error: IccidError, message: string = ICCID_ERROR_MESSAGES[error]): Result<Iccid, IccidError> {
  return { ok: false, error, message };
}

function carrierHintOf(value: string): CarrierId | null {
  const issuer = ICCID_ISSUERS.find((row) => value.startsWith(row.prefix));
  return issuer ? issuer.carrier : null;
}

/** Validates an ICCID as typed or pasted; a doubtful check digit is a warning, not a rejection. */
export function parseIccid(raw: unknown): Result<Iccid, IccidError> {
  if (raw === null || raw === undefined) return fail('empty');
  if (typeof raw !== 'string' && typeof raw !== 'number') return fail('bad_chars');
  // No ICCID fits in a JS number without losing digits; a short whole number is judged as text.
  if (typeof raw === 'number' && !(Number.isSafeInteger(raw) && raw >= 0)) return fail('bad_chars');

  // Same paste clean-up as phone numbers (spaces, dashes, full-width characters).
  const value = normalizePhoneInput(raw).toUpperCase();
  if (value === '') return fail('empty');
  if (!/^[0-9A-Z]+$/.test(value)) return fail('bad_chars');
  const last = value.slice(-1);
  if (!/^\d+[A-Z]?$/.test(value) || (/[A-Z]/.test(last) && !ICCID_MAKER_LETTERS.includes(last))) {
    return fail('bad_chars', `ICCID 只有最后一位可以是字母（${ICCID_MAKER_LETTERS.join('、')}），请核对是否把数字看成了字母`);
  }
  // Judge the prefix on what is there, so a short wrong start is named as such.
  if (!value.startsWith('89'.slice(0, value.length))) return fail('bad_prefix');
  if (value.length >= 4 && !SUPPORTED_COUNTRY_PREFIXES.includes(value.slice(0, 4))) {
    return fail('bad_prefix', '只支持中国大陆（8986 开头）和菲律宾（8963 开头）的 SIM 卡，请核对 ICCID');
  }
  if (value.length !== 19 && value.length !== 20) {
    return fail('bad_length', `ICCID 应为 19 或 20 位，现在是 ${value.length} 位，请核对卡背面的号码`);
  }

  const makerLetter = /[A-Z]$/.test(value);
  const check: Iccid['check'] = makerLetter ? 'maker_letter' : luhnValid(value) ? 'valid' : 'invalid';
  return {
    ok: true,
    value: {
      value,
      carrierHint: carrierHintOf(value),
      check,
      warning: check === 'invalid' ? ICCID_CHECK_WARNING : null,
    },
  };
}

/** 8986 **** **** 1234: enough to recognise the card without showing its number. */
export function maskIccid(v: string): string {
  if (typeof v !== 'string') return '';
  if (v.length < 8) return v;
  return `${v.slice(0, 4)} **** **** ${v.slice(-4)}`;
}
