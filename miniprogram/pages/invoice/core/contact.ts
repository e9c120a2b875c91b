/**
 * Contact details the user types for delivery, such as the address an e-invoice is sent to.
 *
 * parseEmail is practical, not RFC 5322: local@domain.tld with the characters mail
 * services really accept, and the length limits of RFC 5321 (local part 64, whole
 * address 254, each domain label 63). Quoted local parts, IP-literal domains and
 * non-ASCII addresses are refused with a message, since invoice platforms refuse them too.
 *
 * API
 *   normalizeEmail(raw) → string   (trim, full-width → half-width, 。→ ., domain in lower case)
 *   parseEmail(raw)     → Result<string, EmailError>
 */
import type { Result } from '../../../core/types';

export type EmailError = 'empty' | 'too_long' | 'space' | 'no_at' | 'many_at' | 'bad_local' | 'bad_domain' | 'non_ascii';

export const MAX_EMAIL_LENGTH = 254;
const MAX_LOCAL_LENGTH = 64;
const MAX_LABEL_LENGTH = 63;

const FULL_WIDTH_ASCII = /[\uFF01-\uFF5E]/g;
const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF]/g;
const LOCAL_PART = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const LABEL = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/;
/** A top-level domain: letters only, or an IDN's punycode form. */
const TOP_LEVEL = /^(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;

const MESSAGES: Record<EmailError, string> = {
  empty: '请填写接收发票的邮箱，例如 name@example.com',
  too_long: '邮箱太长了，请检查是否多粘贴了内容',
  space: '邮箱中间不能有空格，请删除空格',
  no_at: '邮箱缺少 @，格式应为 name@example.com',
  many_at: '邮箱里只能有一个 @，请检查',
  bad_local: '邮箱 @ 前面的部分格式不对：只能用英文字母、数字和 . _ - + 等符号，且不能以 . 开头或结尾、不能有连续的 .',
  bad_domain: '邮箱 @ 后面的域名格式不对，例如 qq.com、163.com',
  non_ascii: '邮箱只能包含英文字母、数字和符号，请不要输入中文或全角字符',
};

function reject(error: EmailError): Result<string, EmailError> {
  return { ok: false, error, message: MESSAGES[error] };
}

/** Spaces around it dropped, full-width letters and ＠ made half-width, 。 read as a dot, the domain lower-cased. */
export function normalizeEmail(raw: unknown): string {
  if (typeof raw !== 'string') return '';
  const text = raw
    .slice(0, MAX_EMAIL_LENGTH * 4)
    .replace(FULL_WIDTH_ASCII, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/[\u3002\uFF61]/g, '.')
    .replace(INVISIBLE, '')
    .trim();
  const at = text.lastIndexOf('@');
  return at < 0 ? text : `${text.slice(0, at)}@${text.slice(at + 1).toLowerCase()}`;
}

/** An email address as typed, normalised and checked. */
export function parseEmail(raw: unknown): Result<string, EmailError> {
  if (typeof raw === 'string' && raw.length > MAX_EMAIL_LENGTH * 4) return reject('too_long');
  const email = normalizeEmail(raw);
  if (email === '') return reject('empty');
  if (email.length > MAX_EMAIL_LENGTH) return reject('too_long');
  if (/\s/.test(email)) return reject('space');
  // Anything outside printable ASCII (Chinese, control characters) is refused here, whichever part holds it.
  if (!/^[\x21-\x7e]+$/.test(email)) return reject('non_ascii');
  const parts = email.split('@');
  if (parts.length < 2) return reject('no_at');
  if (parts.length > 2) return reject('many_at');
  const [local, domain] = parts;
  if (local === '' || local.length > MAX_LOCAL_LENGTH || !LOCAL_PART.test(local)) return reject('bad_local');
  const labels = domain.split('.');
  if (labels.length < 2 || labels.some((label) => label.length > MAX_LABEL_LENGTH || !LABEL.test(label))) return reject('bad_domain');
  if (!TOP_LEVEL.test(labels[labels.length - 1])) return reject('bad_domain');
  return { ok: true, value: email };
}
