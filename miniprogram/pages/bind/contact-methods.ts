/**
 * 绑定手机号's 从通讯录选择号码 (after the privacy agreement): the contact's number goes into
 * the field as if typed, and the contact's name is offered as the 备注名 unless the user
 * wrote one. Ready to spread into the page's Component methods (`methods: { ...contactMethods }`).
 */
import { services } from '../../services/container';
import { numberOfRow, pickAfterPrivacy, sheetOf, type ContactNumber } from '../../services/cards/contact-pick';
import { privateState } from '../../lib/private-state';
import { CONTACT_SHEET_CANCELLED, contactFilled } from './view';

/** What this concern keeps outside `data`. */
export interface ContactState {
  /** The address book is open (a second tap must not open it twice). */
  picking: boolean;
  /** The contact whose numbers the sheet offers, with the 备注名 its name gives. */
  contact: { nickname: string; numbers: ContactNumber[] } | null;
  /** The 备注名 last filled in from a contact: a later contact may replace it, a typed one it may not. */
  offeredNickname: string;
}

const stateOf = privateState<ContactState>(() => ({ picking: false, contact: null, offeredNickname: '' }));

export interface ContactSheet {
  description: string;
  actions: { name: string; subname: string }[];
}

interface Host {
  data: { nickname: string; showContactSheet: boolean; contactSheet: ContactSheet };
  setData(data: Record<string, unknown>): void;
  say(message: string, kind: 'info' | 'error'): void;
  /** The page's: a number in the field, with the same checks as typing. */
  setPhone(phone: string): void;
  useContactNumber(nickname: string, number: ContactNumber): void;
}

export const contactMethods = {
  /** 从通讯录选择号码: after the privacy agreement; a refusal or a cancel changes nothing and says so. */
  async onContacts(this: Host) {
    const state = stateOf(this);
    if (state.picking) return;
    state.picking = true;
    try {
      const pick = await pickAfterPrivacy(services());
      if (!pick.ok) {
        this.say(pick.message, 'error');
        return;
      }
      if (pick.numbers.length === 1) {
        this.useContactNumber(pick.nickname, pick.numbers[0]);
        return;
      }
      state.contact = { nickname: pick.nickname, numbers: pick.numbers };
      this.setData({ showContactSheet: true, contactSheet: sheetOf(pick) });
    } finally {
      state.picking = false;
    }
  },

  onSelectContactNumber(this: Host, event: { detail: { name?: string } | undefined }) {
    const state = stateOf(this);
    const contact = state.contact;
    const number = contact ? numberOfRow(contact.numbers, this.data.contactSheet.actions, event.detail?.name) : undefined;
    state.contact = null;
    this.setData({ showContactSheet: false });
    if (contact && number) this.useContactNumber(contact.nickname, number);
  },

  onCloseContactSheet(this: Host) {
    if (!this.data.showContactSheet) return;
    stateOf(this).contact = null;
    this.setData({ showContactSheet: false });
    this.say(CONTACT_SHEET_CANCELLED, 'info');
  },

  /** The contact's number as if typed; its name as the 备注名 unless the user wrote one. */
  useContactNumber(this: Host, nickname: string, number: ContactNumber) {
    const state = stateOf(this);
    this.setPhone(number.national);
    const typed = this.data.nickname.trim() !== '' && this.data.nickname !== state.offeredNickname;
    const offer = !typed && nickname !== '';
    if (offer) {
      state.offeredNickname = nickname;
      this.setData({ nickname, nicknameError: '' });
    }
    this.say(contactFilled(number.masked, offer ? nickname : ''), 'info');
  },
};
