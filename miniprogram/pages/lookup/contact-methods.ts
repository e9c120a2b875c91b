/**
 * 充值's 通讯录 button and the privacy popup WeChat asks for before it opens the address
 * book, ready to spread into the page's Component methods (`methods: { ...contactMethods }`).
 * A number the user picks goes into the field through the page's own fill and is looked up
 * as if typed.
 */
import { services } from '../../services/container';
import { numberOfRow, pickAfterPrivacy, sheetOf, type ContactNumber } from '../../services/cards/contact-pick';
import { PrivacyPromptSession } from '../../services/wx/privacy';
import { privateState } from '../../lib/private-state';
import type { CarrierId } from '../../core/types';
import { contactFilled, contactSheetCancelled } from './words';

/** What this concern keeps outside `data`. */
export interface ContactState {
  /** The address book is open (a second tap must not open it twice). */
  picking: boolean;
  /** The contact whose numbers the sheet offers. */
  contact: { name: string; numbers: ContactNumber[] } | null;
  privacy: PrivacyPromptSession | null;
}

const stateOf = privateState<ContactState>(() => ({ picking: false, contact: null, privacy: null }));

export interface ContactSheet {
  description: string;
  actions: { name: string; subname: string }[];
}

interface Host {
  data: { privacyShow: boolean; contactHint: string; showContactSheet: boolean; contactSheet: ContactSheet };
  setData(data: Record<string, unknown>): void;
  /** The page's: puts a number in the field as if typed. */
  fill(value: string, override: CarrierId | null): void;
  /** The page's: looks up what the field says. */
  onSubmit(): Promise<void>;
  useContactNumber(name: string, number: ContactNumber): void;
}

export const contactMethods = {
  /**
   * WeChat asks before it opens the address book; the answer comes from this page's popup,
   * but only while the page shows: a tab page stays alive behind others, and a question
   * it took there would wait unseen (the voucher's album, say).
   */
  listenForPrivacy(this: Host) {
    const state = stateOf(this);
    if (!state.privacy) state.privacy = new PrivacyPromptSession(services().privacy, () => this.setData({ privacyShow: true }));
  },

  stopPrivacy(this: Host) {
    const state = stateOf(this);
    state.privacy?.close();
    state.privacy = null;
    if (this.data.privacyShow) this.setData({ privacyShow: false });
  },

  /**
   * 通讯录 (after the privacy agreement): one number goes into the field and is looked up;
   * several are offered in a sheet; a refusal or a cancel leaves the page as it was, and says so.
   */
  async onContacts(this: Host) {
    const state = stateOf(this);
    if (state.picking) return;
    state.picking = true;
    try {
      const pick = await pickAfterPrivacy(services());
      if (!pick.ok) {
        this.setData({ contactHint: pick.message });
        return;
      }
      if (pick.numbers.length === 1) {
        this.useContactNumber(pick.name, pick.numbers[0]);
        return;
      }
      state.contact = { name: pick.name, numbers: pick.numbers };
      this.setData({ showContactSheet: true, contactSheet: sheetOf(pick), ...(this.data.contactHint ? { contactHint: '' } : {}) });
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
    if (contact && number) this.useContactNumber(contact.name, number);
  },

  /** The sheet closed without a choice: the field keeps what it had. */
  onCloseContactSheet(this: Host) {
    const state = stateOf(this);
    if (!this.data.showContactSheet) return;
    const name = state.contact?.name ?? '';
    state.contact = null;
    this.setData({ showContactSheet: false, contactHint: contactSheetCancelled(name) });
  },

  useContactNumber(this: Host, name: string, number: ContactNumber) {
    this.fill(number.national, null);
    this.setData({ contactHint: contactFilled(name, number.masked) });
    void this.onSubmit();
  },

  onPrivacyAgree(this: Host, event: WechatMiniprogram.CustomEvent<{ buttonId: string }>) {
    stateOf(this).privacy?.agree(event.detail.buttonId);
    this.setData({ privacyShow: false });
  },

  onPrivacyDisagree(this: Host) {
    stateOf(this).privacy?.disagree();
    this.setData({ privacyShow: false });
  },

  onOpenPrivacyContract() {
    services().privacy.openContract();
  },
};
