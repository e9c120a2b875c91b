/**
 * One invoice (query { id }): its number, date, title, amount and orders. While 申请中 it
 * asks the platform now and then; once 已开具 it can be sent again to another address; a
 * failure says why and offers 重新申请; a refund of one of its orders shows it 已作废.
 */
import { services } from '../../../services/container';
import { eventValue, type ValueEvent } from '../../../lib/events';
import { privateState } from '../../../lib/private-state';
import { decodeQuery } from '../../../services/wx/navigator';
import type { Invoice } from '../core/invoice';
import { followInvoice, invoiceStore, resend } from '../store/invoicing';
import { invoiceView, type InvoiceView } from '../view';
import { careMode } from '../../../services/care/page-behavior';

/** How often, and how many times, an invoice still 申请中 is asked about while the page shows. */
export const POLL_INTERVAL_MS = 2000;
export const MAX_POLLS = 15;

const stateOf = privateState<{ id: string; alive: boolean; polling: boolean; sending: boolean }>(() => ({ id: '', alive: false, polling: false, sending: false }));

Component({
  behaviors: [careMode],
  data: {
    missing: '',
    invoice: null as InvoiceView | null,
    problem: '',
    email: '',
    emailError: '',
    sent: '',
    sending: false,
  },

  methods: {
    onLoad(query: Record<string, string | undefined>) {
      stateOf(this).id = decodeQuery(query).id ?? '';
    },

    onShow() {
      const state = stateOf(this);
      state.alive = true;
      const invoice = invoiceStore(services()).get(state.id);
      if (!invoice) {
        this.setData({ missing: state.id ? `找不到发票申请 ${state.id}，它可能不是在这台手机上申请的。` : '没有指定要查看的发票。', invoice: null });
        return;
      }
      this.show(invoice);
      void this.follow();
    },

    onHide() {
      stateOf(this).alive = false;
    },

    onUnload() {
      stateOf(this).alive = false;
    },

    show(invoice: Invoice, problem = '') {
      this.setData({ invoice: invoiceView(invoice), missing: '', problem });
    },

    /** Asks until the invoice is settled, the page goes away, or MAX_POLLS is reached. */
    async follow() {
      const state = stateOf(this);
      if (state.polling) return;
      state.polling = true;
      const deps = services();
      try {
        for (let i = 0; i < MAX_POLLS && state.alive; i += 1) {
          const current = invoiceStore(deps).get(state.id);
          if (!current) return;
          const followed = await followInvoice(deps, current);
          if (!state.alive) return;
          this.show(followed.invoice, followed.problem);
          if (followed.invoice.state !== 'requested') return;
          await deps.clock.sleep(POLL_INTERVAL_MS);
        }
      } finally {
        state.polling = false;
      }
    },

    onRefresh() {
      void this.follow();
    },

    onEmailInput(event: ValueEvent) {
      this.setData({ email: eventValue(event), emailError: '', sent: '' });
    },

    async onResend() {
      const state = stateOf(this);
      const invoice = invoiceStore(services()).get(state.id);
      if (!invoice || state.sending) return;
      state.sending = true;
      this.setData({ sending: true, emailError: '', sent: '' });
      const sent = await resend(services(), invoice, this.data.email);
      state.sending = false;
      if (!sent.ok) {
        this.setData({ sending: false, emailError: sent.message });
        return;
      }
      const address = sent.value.sentTo[sent.value.sentTo.length - 1];
      this.setData({ sending: false, email: '', sent: `已重新发送到 ${address}，请查收邮件（也请看看垃圾邮件）` });
      this.show(sent.value);
      services().device.toast('发票已重新发送', 'success');
    },

    onApplyAgain() {
      const view = this.data.invoice;
      if (view) services().navigator.replace('invoice', { orderIds: view.orderIds });
    },

    onCopyNumber() {
      const view = this.data.invoice;
      const number = view?.fields.find((f) => f.key === 'number')?.value;
      if (!number || number === '—') return;
      const { device } = services();
      void device.copy(number).then((ok) => device.toast(ok ? '发票号码已复制' : '复制失败，请长按号码手动复制', ok ? 'success' : 'none'));
    },

    onBack() {
      services().navigator.back();
    },
  },
});
