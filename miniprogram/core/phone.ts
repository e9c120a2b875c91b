/**
 * Mobile numbers as people type or paste them: clean-up, region (mainland China or the
 * Philippines), the carrier the number segment was issued to, masking and grouping.
 * Every function is total: bad input gives a typed reason with a Chinese message.
 */
import type { CarrierId, PhoneNumber, Region, Result } from './types';
import { MAINLAND_IOT_PREFIXES, MAINLAND_SEGMENTS, PHILIPPINE_PREFIXES, type PhilippineOperator } from './phone-segments';

export { MAINLAND_IOT_PREFIXES, MAINLAND_SEGMENTS, PHILIPPINE_PREFIXES, type PhilippineOperator };

export type PhoneError =
  | 'empty'
  | 'bad_chars'
  | 'leading_sign'
  | 'too_short'
  | 'too_long'
  | 'bad_prefix'
  | 'unknown_segment'
  | 'iot_number'
  | 'unsupported_carrier';

/** The general message per reason; parsePhone often returns a more precise one (digit counts, operator name). */
export const PHONE_ERROR_MESSAGES: Record<PhoneError, string> = {
  empty: '请输入手机号码',
  bad_chars: '手机号只能包含数字（开头可带 +），请删除字母或其他符号',
  leading_sign: '号码前面多了一个“-”号，请删掉它（手机号前面只能带国家代码的 +）',
  too_short: '手机号位数不够，请检查是否漏输了数字',
  too_long: '手机号位数太多，请检查是否多输了数字',
  bad_prefix: '请输入中国大陆手机号（1 开头，11 位）或菲律宾 Smart 号码（09 开头，11 位）',
  unknown_segment: '这个号段不是已知的手机号段，请核对号码',
  iot_number: '这是 13 位的物联网卡号码，不是手机号，这里不能按手机号续费',
  unsupported_carrier: '暂只支持中国大陆号码和菲律宾 Smart / TNT 号码',
};

const OPERATOR_LABELS: Record<Exclude<PhilippineOperator, 'Smart'>, string> = {
  Globe: 'Globe / TM',
  DITO: 'DITO',
};

function longestPrefixMatch<T extends { prefix: string }>(table: readonly T[], digits: string): T | undefined {
  let best: T | undefined;
  for (const row of table) {
    if (digits.startsWith(row.prefix) && (!best || row.prefix.length > best.prefix.length)) best = row;
  }
  return best;
}

// ---------------------------------------------------------------------------------
// Clean-up of typed or pasted text
// ---------------------------------------------------------------------------------

/** Full-width ASCII (０-９, ＋, （）, Ａ-Ｚ ...) as typed with a Chinese input method. */
const FULL_WIDTH_ASCII = /[\uFF01-\uFF5E]/g;
/**
 * Invisible marks that contact cards and chat apps wrap around or put inside a copied
 * number: soft hyphen, combining grapheme joiner, Arabic letter mark, Mongolian vowel
 * separator, zero-width and direction marks, embeddings and isolates (U+2066–U+2069),
 * word joiners and invisible operators, the byte-order mark.
 */
const INVISIBLE = /[\u00AD\u034F\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u206F\uFEFF]/g;
/** Dashes of every width, which people put between digits and also use as a minus. */
const DASHES = '\\-\\u2010-\\u2015\\u2212\\uFE58\\uFE63';
/** Dots and brackets, ASCII and CJK, and the katakana long mark an IME gives for a dash. */
const DOTS_BRACKETS = '.\\u00B7\\u3002()[\\]{}\\u3010\\u3011\\u3014\\u3015\\u30FC';
/** What people put between digits: whitespace (incl. no-break and ideographic space), dashes, dots, brackets. */
const SEPARATORS = new RegExp(`[\\s${DASHES}${DOTS_BRACKETS}]`, 'g');
/**
 * A minus sign (or a dash standing for one) before the first digit or +, with only
 * separators around it: "-138…", "( −138 …". A negative number is not a phone number,
 * and dropping the sign silently would hide a paste that went wrong.
 */
const LEADING_SIGN = new RegExp(`^[\\s${DOTS_BRACKETS}]*[${DASHES}][\\s${DASHES}${DOTS_BRACKETS}]*(?=[+\\d])`);
/** A tapped or copied phone link (RFC 3966): tel:+86-138-0013-8000. */
const TEL_LINK = /^\s*tel:(?:\/\/)?/i;

/**
 * Removes invisible marks, a tel: link's scheme and separators, and turns full-width
 * characters into ASCII; keeps everything else (a leading +, a leading minus as "-",
 * letters) so the parser can say what is wrong. Never throws: a non-string gives ''
 * (a whole non-negative number gives its digits).
 */
export function normalizePhoneInput(raw: unknown): string {
  let text: string;
  if (typeof raw === 'string') text = raw;
  else if (typeof raw === 'number' && Number.isSafeInteger(raw) && raw >= 0) text = String(raw);
  else return '';
  const visible = text
    .replace(FULL_WIDTH_ASCII, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(INVISIBLE, '')
    .replace(TEL_LINK, '');
  const sign = LEADING_SIGN.test(visible) ? '-' : '';
  return sign + visible.replace(SEPARATORS, '');
}

// ---------------------------------------------------------------------------------
// Parsing
// ---------------------------------------------------------------------------------

interface Located {
  region: Region;
  /** Digits in national form: mainland 1XXXXXXXXXX, Philippines 0XXXXXXXXXX. */
  national: string;
}

/** Takes off a country code (+86, 0086, 86; +63, 0063, 63) or recognises a national form. */
function locate(digitsWithPlus: string): Located | null {
  const s = digitsWithPlus;
  const international = s.startsWith('+') ? s.slice(1) : s.startsWith('00') ? s.slice(2) : null;
  if (international !== null) {
    if (international.startsWith('86')) return mainland(international.slice(2));
    if (international.startsWith('63')) return philippine(international.slice(2));
    return null;
  }
  // National numbers never start with 8 or 6, so a bare 86 / 63 is a country code.
  if (/^861/.test(s) || /^8601\d{10}$/.test(s)) return mainland(s.slice(2));
  if (/^63[89]/.test(s)) return philippine(s.slice(2));
  if (s.startsWith('1')) return { region: 'CN', national: s };
  // A mainland mobile dialled with the long-distance 0 (013800138000).
  if (/^01\d{10}$/.test(s)) return { region: 'CN', national: s.slice(1) };
  if (/^0[89]/.test(s)) return { region: 'PH', national: s };
  // +63 9XX XXX XXXX copied without the +63.
  if (s.startsWith('9')) return { region: 'PH', national: `0${s}` };
  // +63 813 / 817 XXX XXXX copied without the +63: only a complete one, as other runs
  // of digits starting with 8 are country codes (86…) or ICCIDs (89…).
  if (/^81\d{8}$/.test(s)) return { region: 'PH', national: `0${s}` };
  return null;
}

function mainland(afterCountryCode: string): Located {
  // "+86 (0) 138 …": the trunk 0 written in brackets after the country code.
  // Only before a mobile segment: +86 (0)10 … is a Beijing landline, refused as such.
  const national = /^01[3-9]/.test(afterCountryCode) ? afterCountryCode.slice(1) : afterCountryCode;
  return { region: 'CN', national };
}

function philippine(afterCountryCode: string): Located {
  // People often keep the trunk 0 after +63 (+63 0917 ...): accept both.
  const national = afterCountryCode.startsWith('0') ? afterCountryCode : `0${afterCountryCode}`;
  return { region: 'PH', national };
}

type PhoneResult = Result<PhoneNumber, PhoneError>;

function fail(error: PhoneError, message: string = PHONE_ERROR_MESSAGES[error]): PhoneResult {
  return { ok: false, error, message };
}

const NATIONAL_LENGTH = 11;

function lengthError(regionLabel: string, rule: string, length: number): PhoneResult | null {
  if (length < NATIONAL_LENGTH) {
    return fail('too_short', `${regionLabel}手机号${rule}是 11 位，现在只有 ${length} 位（少了 ${NATIONAL_LENGTH - length} 位），请检查`);
  }
  if (length > NATIONAL_LENGTH) {
    return fail('too_long', `${regionLabel}手机号${rule}是 11 位，现在有 ${length} 位（多了 ${length - NATIONAL_LENGTH} 位），请检查`);
  }
  return null;
}

function parseMainland(national: string): PhoneResult {
  if (!national.startsWith('1')) return fail('bad_prefix', '中国大陆手机号以 1 开头，请检查号码');
  // Before the length check: an IoT number is 13 digits, and "2 digits too many" would mislead.
  const iot = MAINLAND_IOT_PREFIXES.find((prefix) => national.startsWith(prefix));
  if (iot) {
    return fail(
      'iot_number',
      `${iot} 开头的是 13 位的物联网卡号码（手表、车载等设备用），不是手机号，这里不能按手机号续费。请核对号码；物联网卡请找发卡方续费`,
    );
  }
  const wrongLength = lengthError('中国大陆', '', national.length);
  if (wrongLength) return wrongLength;
  const segment = longestPrefixMatch(MAINLAND_SEGMENTS, national);
  if (!segment && national.startsWith('174')) {
    return fail(
      'unknown_segment',
      `${national.slice(0, 5)} 开头不是手机号段：174 号段里只有 17400–17405 是中国电信的卫星电话号码，请核对号码`,
    );
  }
  if (!segment) {
    return fail('unknown_segment', `${national.slice(0, 3)} 开头不是已知的手机号段，请核对号码`);
  }
  return {
    ok: true,
    value: { region: 'CN', national, e164: `+86${national}`, carrier: segment.carrier, virtual: segment.virtual },
  };
}

function parsePhilippine(national: string): PhoneResult {
  if (!/^0[89]/.test(national)) {
    return fail('bad_prefix', '菲律宾手机号以 09 开头（或 +63 9），请检查号码；座机号码不能充值');
  }
  const wrongLength = lengthError('菲律宾', '（09 开头）', national.length);
  if (wrongLength) return wrongLength;
  const segment = longestPrefixMatch(PHILIPPINE_PREFIXES, national);
  if (!segment) {
    return fail('unknown_segment', `${national.slice(0, 4)} 不是已知的菲律宾手机号段，请核对号码`);
  }
  if (segment.operator !== 'Smart') {
    const operator = OPERATOR_LABELS[segment.operator];
    return fail('unsupported_carrier', `这是 ${operator} 的号码，暂只支持 Smart / TNT 号码续费`);
  }
  return {
    ok: true,
    value: { region: 'PH', national, e164: `+63${national.slice(1)}`, carrier: 'smart', virtual: false },
  };
}

/** Validates a mainland or Philippine Smart/TNT mobile number in any usual written form. */
export function parsePhone(raw: unknown): PhoneResult {
  if (raw === null || raw === undefined) return fail('empty');
  if (typeof raw !== 'string' && typeof raw !== 'number') return fail('bad_chars');
  if (typeof raw === 'number' && !(Number.isSafeInteger(raw) && raw >= 0)) return fail('bad_chars');

  const cleaned = normalizePhoneInput(raw);
  if (cleaned === '') return fail('empty');
  if (cleaned.startsWith('-')) return fail('leading_sign');
  if (!/^\+?\d+$/.test(cleaned)) return fail('bad_chars');

  const located = locate(cleaned);
  if (!located) {
    return fail(
      'bad_prefix',
      cleaned.startsWith('+') || cleaned.startsWith('00')
        ? '只支持中国大陆（+86）和菲律宾（+63）的手机号，请检查国家代码'
        : PHONE_ERROR_MESSAGES.bad_prefix,
    );
  }
  return located.region === 'CN' ? parseMainland(located.national) : parsePhilippine(located.national);
}

/**
 * The carrier a partly typed number points to, once the digits settle it (3 digits for
 * most mainland segments, 4 for 134x / 161x / 170x and Philippine prefixes, 5 for 1740x).
 * Null while it is
 * still open, and for numbers this service cannot renew (Globe, DITO).
 */
export function guessCarrier(partialRaw: string): { carrier: CarrierId; virtual: boolean } | null {
  const cleaned = normalizePhoneInput(partialRaw);
  if (!/^\+?\d+$/.test(cleaned)) return null;
  const located = locate(cleaned);
  if (!located) return null;
  const digits = located.national.slice(0, NATIONAL_LENGTH);

  if (located.region === 'CN') {
    const row = settledMatch(MAINLAND_SEGMENTS, digits, (a, b) => a.carrier === b.carrier && a.virtual === b.virtual);
    return row ? { carrier: row.carrier, virtual: row.virtual } : null;
  }
  const row = settledMatch(PHILIPPINE_PREFIXES, digits, (a, b) => a.operator === b.operator);
  return row && row.operator === 'Smart' ? { carrier: 'smart', virtual: false } : null;
}

/** The matching row, unless a longer row the user may still type would change the answer. */
function settledMatch<T extends { prefix: string }>(
  table: readonly T[],
  digits: string,
  sameOutcome: (a: T, b: T) => boolean,
): T | undefined {
  const best = longestPrefixMatch(table, digits);
  if (!best) return undefined;
  const stillOpen = table.some(
    (row) => row.prefix.length > digits.length && row.prefix.startsWith(digits) && !sameOutcome(row, best),
  );
  return stillOpen ? undefined : best;
}

// ---------------------------------------------------------------------------------
// Display
// ---------------------------------------------------------------------------------

/** National form of a stored e164 number, so callers may pass either. */
function toNational(value: string): string {
  if (/^\+861\d{10}$/.test(value)) return value.slice(3);
  if (/^\+63\d{10}$/.test(value)) return `0${value.slice(3)}`;
  return value;
}

/** 138****8000, 0917***4567: shown everywhere except the confirm step. */
export function maskPhone(national: string): string {
  if (typeof national !== 'string') return '';
  const value = toNational(national);
  if (/^0\d{10}$/.test(value)) return `${value.slice(0, 4)}***${value.slice(7)}`;
  if (value.length < 7) return value;
  return `${value.slice(0, 3)}${'*'.repeat(value.length - 7)}${value.slice(-4)}`;
}

/**
 * The full number as the confirm page and the voucher read it back: a mainland number
 * in the 3-4-4 grouping people in China read (138 0013 8000), a Philippine one in the
 * grouped international form (+63 918 123 4567), as it is dialled from China. Takes the
 * national or the e164 form; anything else comes back unchanged.
 */
export function formatFullPhone(value: string): string {
  if (typeof value !== 'string') return '';
  const national = toNational(value);
  if (/^0\d{10}$/.test(national)) return `+63 ${national.slice(1, 4)} ${national.slice(4, 7)} ${national.slice(7)}`;
  return formatPhone(national);
}

/**
 * 138 0013 8000, 0917 123 4567: the national grouping, as dialled inside each country.
 * @deprecated for display: the confirm page and the voucher call formatFullPhone, which
 * reads a Philippine number back as +63 917 123 4567.
 */
export function formatPhone(national: string): string {
  if (typeof national !== 'string') return '';
  const value = toNational(national);
  if (/^1\d{10}$/.test(value)) return `${value.slice(0, 3)} ${value.slice(3, 7)} ${value.slice(7)}`;
  if (/^0\d{10}$/.test(value)) return `${value.slice(0, 4)} ${value.slice(4, 7)} ${value.slice(7)}`;
  return value;
}
