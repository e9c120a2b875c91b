/**
 * 统一社会信用代码 (unified social credit code, GB 32100-2015), the tax id an invoice to a
 * 单位 (company) carries: 18 characters over "0123456789ABCDEFGHJKLMNPQRTUWXY" (no I, O,
 * S, V, Z), the last a check character: with character values 0–30 and weights
 * W(i) = 3^(i−1) mod 31 for positions i = 1..17, the check value is
 * 31 − (Σ value × weight mod 31), where 31 is written as 0.
 *
 * API
 *   normalizeTaxId(raw)        → string   (trim, drop spaces, full-width → half-width, upper-case)
 *   taxIdCheckChar(first17)    → string | null
 *   parseTaxId(raw)            → Result<string, TaxIdError>   (the normalised code)
 */
import type { Result } from '../../../core/types';

export const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
export const CREDIT_CODE_LENGTH = 18;

const MODULUS = 31;
/** Longer input is not a code: it is rejected before any work on it. */
const MAX_INPUT_LENGTH = 100;

export type TaxIdError = 'empty' | 'length' | 'bad_char' | 'check_mismatch';

const FULL_WIDTH_ASCII = /[\uFF01-\uFF5E]/g;
const SPACES_AND_INVISIBLES = /[\s\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF]/g;

/** What a person typed or pasted, as the code would be printed: '９１４４ 0300…' → '914403…'. */
export function normalizeTaxId(raw: unknown): string {
  if (typeof raw !== 'string') return '';
  return raw
    .slice(0, MAX_INPUT_LENGTH + 1)
    .replace(FULL_WIDTH_ASCII, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(SPACES_AND_INVISIBLES, '')
    .toUpperCase();
}

/** The check character for the first 17 characters; null when they are not 17 code characters. */
export function taxIdCheckChar(first17: string): string | null {
  if (typeof first17 !== 'string' || first17.length !== CREDIT_CODE_LENGTH - 1) return null;
  let sum = 0;
  let weight = 1;
  for (const ch of first17) {
    const value = CREDIT_CODE_ALPHABET.indexOf(ch);
    if (value < 0) return null;
    sum += value * weight;
    weight = (weight * 3) % MODULUS;
  }
  return CREDIT_CODE_ALPHABET[(MODULUS - (sum % MODULUS)) % MODULUS];
}

/** Letters left out of the alphabet, and the digit a person most likely meant. */
const LOOK_ALIKES: Record<string, string> = { I: '1', O: '0', S: '5', Z: '2' };

function badCharMessage(ch: string, position: number): string {
  const shown = ch.length === 1 && /[\x21-\x7e]/.test(ch) ? `「${ch}」` : '';
  const hint = LOOK_ALIKES[ch] ? `，是不是数字 ${LOOK_ALIKES[ch]}？` : '';
  const rule = /[A-Z]/.test(ch) ? '统一社会信用代码不使用字母 I、O、S、V、Z' : '统一社会信用代码只含数字和大写字母';
  return `第 ${position} 位${shown}不是有效字符：${rule}${hint}`;
}

function reject(error: TaxIdError, message: string): Result<string, TaxIdError> {
  return { ok: false, error, message };
}

/** A 统一社会信用代码 as typed, normalised and checked. */
export function parseTaxId(raw: unknown): Result<string, TaxIdError> {
  if (typeof raw === 'string' && raw.length > MAX_INPUT_LENGTH) {
    return reject('length', '统一社会信用代码应为 18 位，请检查是否粘贴了多余的内容');
  }
  const code = normalizeTaxId(raw);
  if (code === '') return reject('empty', '请填写 18 位统一社会信用代码（营业执照上可以找到）');
  const characters = Array.from(code);
  if (characters.length !== CREDIT_CODE_LENGTH) {
    const old = characters.length === 15 || characters.length === 20 ? '；旧的 15 位或 20 位税号已停用，请填写营业执照上的 18 位代码' : '';
    return reject('length', `统一社会信用代码应为 18 位，现在是 ${characters.length} 位${old}`);
  }
  for (let i = 0; i < characters.length; i += 1) {
    if (!CREDIT_CODE_ALPHABET.includes(characters[i])) return reject('bad_char', badCharMessage(characters[i], i + 1));
  }
  if (taxIdCheckChar(code.slice(0, CREDIT_CODE_LENGTH - 1)) !== code[CREDIT_CODE_LENGTH - 1]) {
    return reject('check_mismatch', '统一社会信用代码校验不通过，可能有一位填错了，请对照营业执照逐位核对');
  }
  return { ok: true, value: code };
}
