/**
 * A number from the phone's contacts, for the 通讯录 buttons on 充值 and on binding.
 * Every number the contact has goes through the same parsing as typing (parsePhone);
 * the ones that are not rechargeable are left out; several left lets the user pick
 * (sheetOf gives a Vant action sheet its rows). The contact's name is offered as the
 * card's 备注名. A refusal, a cancelled picker or a contact without a usable number
 * changes nothing on the page, and says so.
 */
import type { CarrierId } from '../../core/types';
import { carrierName } from '../../core/carriers';
import { maskPhone, parsePhone, type PhoneError } from '../../core/phone';
import type { ContactError, DeviceService, PrivacyService } from '../contracts';
import { MAX_NICKNAME_CHARS } from './card-book';

export interface ContactNumber {
  /** National number, for the page's private state; never sent to the view. */
  national: string;
  masked: string;
  carrier: CarrierId;
}

export type ContactPick =
  | { ok: true; name: string; /** The name cut to a valid 备注名 ('' without a name). */ nickname: string; numbers: ContactNumber[] }
  | { ok: false; error: ContactError | 'no_number' | 'privacy'; message: string };

const UNCHANGED = '号码没有改动';

export const CONTACTS_PRIVACY_REFUSED = `没有同意《用户隐私保护指引》，不能打开通讯录，${UNCHANGED}。可以直接输入号码`;

const MESSAGES: Record<ContactError, string> = {
  cancelled: `没有选择联系人，${UNCHANGED}`,
  denied: `没有通讯录权限，${UNCHANGED}。可以点右上角“···”→“设置”允许使用通讯录，或直接输入号码`,
  failed: `打开通讯录失败，${UNCHANGED}，请直接输入号码`,
};

/**
 * Refusals that say something about a real mobile number (another operator, an IoT line).
 * The others are the field's typing advice (请输入…, 位数不够), which would read as an
 * instruction to type into a contact: a landline gets the general words instead.
 */
const TELLING_REFUSALS: readonly PhoneError[] = ['unsupported_carrier', 'iot_number'];

/** The contact's numbers that can be renewed here, each once, in the phone's order; and why the first telling other one cannot. */
export function contactNumbers(raw: readonly unknown[]): { numbers: ContactNumber[]; firstRefusal: string } {
  const numbers: ContactNumber[] = [];
  let firstRefusal = '';
  for (const entry of Array.isArray(raw) ? raw : []) {
    const parsed = parsePhone(entry);
    if (!parsed.ok) {
      if (TELLING_REFUSALS.includes(parsed.error)) firstRefusal = firstRefusal || parsed.message;
      continue;
    }
    const { national, carrier } = parsed.value;
    if (!numbers.some((n) => n.national === national)) numbers.push({ national, masked: maskPhone(national), carrier });
  }
  return { numbers, firstRefusal };
}

/** Opens the address book and answers the usable numbers, or why there are none. */
export async function pickFromContacts(device: DeviceService): Promise<ContactPick> {
  let answer;
  try {
    answer = await device.chooseContact();
  } catch {
    answer = { ok: false as const, error: 'failed' as ContactError, message: '' };
  }
  if (!answer.ok) {
    const error: ContactError = answer.error in MESSAGES ? answer.error : 'failed';
    return { ok: false, error, message: MESSAGES[error] };
  }
  const name = typeof answer.value.name === 'string' ? answer.value.name.trim() : '';
  const { numbers, firstRefusal } = contactNumbers(answer.value.numbers);
  if (!numbers.length) {
    const who = name ? `「${name}」` : '这个联系人';
    const why = firstRefusal ? `的号码不能在这里充值：${firstRefusal}` : '没有能在这里充值的手机号（只支持中国大陆手机号和菲律宾 Smart / TNT 号码）';
    return { ok: false, error: 'no_number', message: `${who}${why}。${UNCHANGED}` };
  }
  return { ok: true, name, nickname: Array.from(name).slice(0, MAX_NICKNAME_CHARS).join(''), numbers };
}

/**
 * 通讯录 on a page: the privacy agreement first (WeChat holds chooseContact until it is
 * given, and the page's popup answers), then the address book.
 */
export async function pickAfterPrivacy(deps: { device: DeviceService; privacy: PrivacyService }): Promise<ContactPick> {
  if (!(await deps.privacy.require())) return { ok: false, error: 'privacy', message: CONTACTS_PRIVACY_REFUSED };
  return pickFromContacts(deps.device);
}

/** The number behind the sheet row the user chose (rows are sheetOf's, in the contact's order). */
export function numberOfRow(numbers: readonly ContactNumber[], rows: readonly { name: string }[], chosen: unknown): ContactNumber | undefined {
  const index = rows.findIndex((row) => row.name === chosen);
  return index >= 0 ? numbers[index] : undefined;
}

/** A Vant action sheet's rows for a contact with several numbers: masked, with the carrier. */
export function sheetOf(pick: Extract<ContactPick, { ok: true }>): { description: string; actions: { name: string; subname: string }[] } {
  const masks = pick.numbers.map((n) => n.masked);
  return {
    description: `${pick.name ? `「${pick.name}」` : '这个联系人'}有 ${pick.numbers.length} 个号码，要用哪一个？`,
    // Two numbers that mask alike are told apart by their last five digits.
    actions: pick.numbers.map((n) => ({
      name: masks.indexOf(n.masked) === masks.lastIndexOf(n.masked) ? n.masked : `${n.masked}（尾号 ${n.national.slice(-5)}）`,
      subname: carrierName(n.carrier),
    })),
  };
}
