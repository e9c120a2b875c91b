/**
 * The 委托代扣 signing step, imitating WeChat Pay's own contract page: who asks, for what,
 * the rule and its limits, the agreement's points, then 开通. In WeChat this page is WeChat
 * Pay's (the mini-program jumps to it); here the offline papay backend stands behind it.
 * The rule arrives as query text and is checked again by core before anything is signed.
 */
import { PAYEE_NAME } from '../../../services/contracts';
import { services } from '../../../services/container';
import { privateState } from '../../../lib/private-state';
import { decodeQuery } from '../../../services/wx/navigator';
import type { RuleDraft } from '../core/auto-topup';
import { contractLimits, contractName, openRule } from '../engine/rule-actions';
import { draftFromQuery } from '../view';
import { AGREEMENT_POINTS, AGREEMENT_TITLE } from './terms';
import { careMode } from '../../../services/care/page-behavior';

const stateOf = privateState<{ draft: RuleDraft | null; signing: boolean }>(() => ({ draft: null, signing: false }));

Component({
  behaviors: [careMode],
  data: {
    invalid: '',
    payee: PAYEE_NAME,
    service: '',
    rule: '',
    limits: '',
    notice: '',
    agreementTitle: AGREEMENT_TITLE,
    points: AGREEMENT_POINTS,
    showTerms: false,
    signing: false,
    error: '',
  },

  methods: {
    onLoad(query: Record<string, string | undefined>) {
      const draft = draftFromQuery(decodeQuery(query));
      if (!draft.ok) {
        this.setData({ invalid: `自动充值设置有误：${draft.message}。请返回修改。` });
        return;
      }
      stateOf(this).draft = draft.value;
      this.setData({
        service: contractName(draft.value.phone),
        rule: draft.value.description,
        limits: contractLimits(draft.value),
        notice: draft.value.notice ?? '',
      });
    },

    onToggleTerms() {
      this.setData({ showTerms: !this.data.showTerms });
    },

    async onSign() {
      const state = stateOf(this);
      if (!state.draft || state.signing) return;
      state.signing = true;
      this.setData({ signing: true, error: '' });
      const { storage, clock, random, papay, device, navigator } = services();
      const opened = await openRule({ storage, clock, random, papay }, state.draft);
      state.signing = false;
      if (!opened.ok) {
        this.setData({ signing: false, error: opened.message });
        return;
      }
      this.setData({ signing: false });
      const rule = opened.value;
      const when = rule.trigger.kind === 'monthly' ? `，每月 ${rule.trigger.day} 日自动充值` : '';
      device.toast(`已开通自动充值${when}`, 'success');
      // The rule page runs the rule as it shows again: due at once, it tops up then.
      navigator.back();
    },

    onDecline() {
      services().navigator.back();
    },
  },
});
