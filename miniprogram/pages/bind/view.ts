/**
 * The bind page's words and choices: the carrier and card-type options, and what to say
 * when a path to a number is closed. Pure; the page only moves these into setData.
 */
import type { BoundCard, CardType, CarrierId, PhoneNumber, Region, Result } from '../../core/types';
import { carriersOf } from '../../core/carriers';
import { maskPhone, parsePhone } from '../../core/phone';
import { DEFAULT_REMIND_DAYS } from '../../services/cards/card-book';
import type { GrantRefusal } from './phone-grant/refusal';
import { PHONE_GRANT_MESSAGES } from '../../services/messages';
import { CARD_TYPE_LABELS, CARD_TYPES } from '../../view/labels';

export const PRIVACY_REFUSED = '你没有同意《用户隐私保护指引》，暂时不能用微信手机号一键绑定。可以在下方手动输入号码，用短信验证码绑定';

export const GRANTED_NOTE = '已取到微信绑定的手机号。请确认运营商和卡类型后点“绑定”';

export const CODE_MISSING = '请输入短信验证码；还没收到的话，先点“获取验证码”';

export const CONTACT_SHEET_CANCELLED = '没有选择号码，号码没有改动';

/** After a number came from the address book: which one, and the 备注名 offered from the contact's name. */
export function contactFilled(masked: string, nickname: string): string {
  const offered = nickname ? `，备注名填了「${nickname}」，可以修改` : '';
  return `已填入通讯录里的号码 ${masked}${offered}。请获取验证码完成绑定`;
}

export const ALREADY_BOUND = '这个号码已经绑定过了，不用重复绑定';

export function carrierOptions(region: Region): { id: CarrierId; name: string }[] {
  return carriersOf(region).map((info) => ({ id: info.id, name: info.name }));
}

export function cardTypeOptions(): { id: CardType; label: string }[] {
  return CARD_TYPES.map((id) => ({ id, label: CARD_TYPE_LABELS[id] }));
}

/** What to say when the WeChat button gave no code. */
export function refusalMessage(reason: GrantRefusal): string {
  if (reason === 'privacy') return PRIVACY_REFUSED;
  return reason === 'quota' ? PHONE_GRANT_MESSAGES.quota : PHONE_GRANT_MESSAGES.declined;
}

/** The number WeChat granted, if it can be bound here: renewable, and not bound yet. */
export function grantedNumber(raw: string, isBound: (national: string) => boolean): Result<PhoneNumber> {
  const parsed = parsePhone(raw);
  if (!parsed.ok) return { ok: false, error: parsed.error, message: `微信绑定的号码暂时不能在这里续费：${parsed.message}。可以手动输入其他号码` };
  if (isBound(parsed.value.national)) {
    return { ok: false, error: 'bound', message: `微信绑定的号码 ${maskPhone(parsed.value.national)} 已经绑定过了。要绑定其他号码，请在下方手动输入` };
  }
  return parsed;
}

/** The typed number to send a code to (national form), if it parses and is not bound yet. */
export function numberToVerify(raw: string, isBound: (national: string) => boolean): Result<string> {
  const parsed = parsePhone(raw);
  if (!parsed.ok) return parsed;
  if (isBound(parsed.value.national)) return { ok: false, error: 'bound', message: ALREADY_BOUND };
  return { ok: true, value: parsed.value.national };
}

export function codeSent(national: string): string {
  return `验证码已发送到 ${maskPhone(national)}，5 分钟内有效`;
}

export function codeStillValid(national: string): string {
  return `刚才已向 ${maskPhone(national)} 发过验证码，5 分钟内有效，请直接填写短信里的验证码`;
}

/** The demo backend's code, marked as a demo; '' for a real SMS backend. */
export function demoHint(demoCode: string | undefined): string {
  return demoCode ? `演示环境不发真短信，验证码是 ${demoCode}` : '';
}

/**
 * The carrier and carrier options to pre-select for a typed number: the carrier its
 * segment was issued to, unless the user already corrected it for this number
 * (携号转网). Null when nothing changes.
 */
export function carrierPatch(raw: string, chosenFor: string, carrier: CarrierId, firstOption: CarrierId | undefined): Record<string, unknown> | null {
  const parsed = parsePhone(raw);
  if (!parsed.ok || chosenFor === parsed.value.national) return null;
  const patch: Record<string, unknown> = {};
  if (parsed.value.carrier !== carrier) patch.carrier = parsed.value.carrier;
  const options = carrierOptions(parsed.value.region);
  if (options[0].id !== firstOption) patch.carrierOptions = options;
  return Object.keys(patch).length ? patch : null;
}

/**
 * The number a carrier or card type picked by hand belongs to: the WeChat number while it
 * is granted, else the typed one once it parses; '' while there is none. Typing or the
 * carrier's answer must not undo a choice made for the same number.
 */
export function choiceOwner(granted: PhoneNumber | null, typed: string): string {
  if (granted) return granted.national;
  const parsed = parsePhone(typed);
  return parsed.ok ? parsed.value.national : '';
}

export interface BindDraft {
  phone: PhoneNumber;
  verifiedBy: BoundCard['verifiedBy'];
  carrier: CarrierId;
  cardType: CardType;
  nickname: string;
  now: number;
}

/** The card as the card book stores it, from what the user proved and chose. */
export function newBoundCard(draft: BindDraft): BoundCard {
  return {
    phone: draft.phone.national,
    region: draft.phone.region,
    carrier: draft.carrier,
    cardType: draft.cardType,
    nickname: draft.nickname,
    isDefault: false,
    boundAt: draft.now,
    verifiedBy: draft.verifiedBy,
    remindDaysBefore: DEFAULT_REMIND_DAYS,
  };
}
