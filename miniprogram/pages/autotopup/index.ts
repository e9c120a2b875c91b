/**
 * 自动充值 on one bound card (query { phone }): the card's rule with its state, cap use,
 * next run and history, and pause / resume / cancel; or, without a live rule, the form
 * (余额不足时 or 每月固定日期, the amount, the monthly cap) that leads to the 委托代扣
 * signing page. The rules themselves are core's (core/auto-topup.ts).
 */
import type { BoundCard, CarrierId } from '../../core/types';
import { chinaToday } from '../../core/dates';
import { services } from '../../services/container';
import { eventValue, type ValueEvent } from '../../lib/events';
import { privateState } from '../../lib/private-state';
import { decodeQuery } from '../../services/wx/navigator';
import { cardTile, type CardTile } from '../../view/card-tile';
import { validateRuleDraft } from './core/auto-topup';
import { AutoTopupStore } from './engine/rule-store';
import { cancelRule, setPaused } from './engine/rule-actions';
import { amountChoices, currencyUnit, dayHint, defaultForm, draftInput, formSummary, ruleView, signingQuery, type RuleForm, type RuleView } from './view';
import { careMode } from '../../services/care/page-behavior';

const stateOf = privateState<{ phone: string; carrier: CarrierId | null; busy: boolean }>(() => ({ phone: '', carrier: null, busy: false }));

function store(): AutoTopupStore {
  const { storage, clock } = services();
  return new AutoTopupStore(storage, clock);
}

Component({
  behaviors: [careMode],
  data: {
    missing: false,
    tile: null as CardTile | null,
    rule: null as RuleView | null,
    form: null as RuleForm | null,
    amounts: [] as { id: string; label: string }[],
    unit: '元',
    summary: '',
    notice: '',
    formError: '',
    message: '',
    messageKind: 'info' as 'info' | 'error',
  },

  methods: {
    onLoad(query: Record<string, string | undefined>) {
      stateOf(this).phone = decodeQuery(query).phone ?? '';
    },

    onShow() {
      this.show();
      // A rule just opened or resumed may be due at once (today is its day, the balance is low).
      if (this.data.rule?.active) void this.runNow();
    },

    async runNow() {
      const report = await services().autoTopup.run({ kind: 'rules_changed' });
      if (report.results.length) this.show();
    },

    card(): BoundCard | undefined {
      return services().cards.get(stateOf(this).phone);
    },

    show() {
      const card = this.card();
      if (!card) {
        this.setData({ missing: true, tile: null, rule: null, form: null });
        return;
      }
      const state = stateOf(this);
      state.carrier = card.carrier;
      const now = services().clock.now();
      const tile = cardTile(card, chinaToday(now));
      const live = store().liveRuleFor(card.phone);
      if (live) {
        this.setData({ missing: false, tile, rule: ruleView(live, store().executions(), now), form: null });
        return;
      }
      const form = this.data.form ?? defaultForm(card.carrier, Number(chinaToday(now).slice(8)));
      this.setData({ missing: false, tile, rule: null, form, amounts: amountChoices(card.carrier), unit: currencyUnit(card.carrier) });
      this.refreshSummary(form);
    },

    say(message: string, kind: 'info' | 'error' = 'info') {
      this.setData({ message, messageKind: kind });
    },

    // ------------------------------------------------------------------- form

    refreshSummary(form: RuleForm) {
      const { phone, carrier } = stateOf(this);
      if (!carrier) return;
      const checked = formSummary(phone, carrier, form);
      this.setData({ summary: checked.summary, notice: checked.notice || (form.kind === 'monthly' ? dayHint(form.day) : ''), formError: '' });
    },

    change(patch: Partial<RuleForm>) {
      if (!this.data.form) return;
      const form = { ...this.data.form, ...patch };
      const sent: Record<string, unknown> = {};
      for (const key of Object.keys(patch)) sent[`form.${key}`] = (form as unknown as Record<string, unknown>)[key];
      this.setData(sent);
      this.refreshSummary(form);
    },

    onKindChange(event: ValueEvent) {
      const kind = eventValue(event) === 'monthly' ? 'monthly' : 'low_balance';
      this.change({ kind });
    },

    onBelowInput(event: ValueEvent) {
      this.change({ below: eventValue(event) });
    },

    onDayInput(event: ValueEvent) {
      this.change({ day: eventValue(event) });
    },

    onAmountChange(event: ValueEvent) {
      this.change({ productId: eventValue(event) });
    },

    onCapInput(event: ValueEvent) {
      this.change({ cap: eventValue(event) });
    },

    onNext() {
      const { phone, carrier } = stateOf(this);
      const form = this.data.form;
      if (!carrier || !form) return;
      const draft = validateRuleDraft(draftInput(phone, carrier, form));
      if (!draft.ok) {
        this.setData({ formError: draft.message });
        return;
      }
      services().navigator.open('autotopup/papay', signingQuery(draft.value));
    },

    // -------------------------------------------------------------- live rule

    onPause() {
      this.toggle(true);
    },

    onResume() {
      this.toggle(false);
    },

    toggle(paused: boolean) {
      const rule = this.data.rule;
      if (!rule) return;
      const changed = setPaused(services(), rule.id, paused);
      if (!changed.ok) {
        this.say(changed.message, 'error');
        return;
      }
      services().device.toast(paused ? '已暂停自动充值' : '已恢复自动充值', 'success');
      this.say(paused ? '已暂停：委托代扣协议保留，恢复后继续按规则充值' : '已恢复：从现在起按规则自动充值');
      this.show();
      if (!paused) void this.runNow();
    },

    async onCancel() {
      const rule = this.data.rule;
      const state = stateOf(this);
      if (!rule || state.busy) return;
      const { device } = services();
      const confirmed = await device.confirm({
        title: '取消自动充值？',
        content: '取消后将解除微信支付委托代扣协议，不会再自动扣款。已完成的充值和记录不受影响。',
        confirmText: '取消自动充值',
        cancelText: '再想想',
      });
      if (!confirmed) return;
      state.busy = true;
      const cancelled = await cancelRule(services(), rule.id);
      state.busy = false;
      if (!cancelled.ok) {
        this.say(cancelled.message, 'error');
        this.show();
        return;
      }
      device.toast('已取消自动充值', 'success');
      this.setData({ form: null });
      this.show();
      this.say('已取消自动充值，委托代扣协议已解除。需要时可以重新设置');
    },

    onBack() {
      services().navigator.back();
    },
  },
});
