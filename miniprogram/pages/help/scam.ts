/**
 * The scam warning: what the carriers and the police warn prepaid users about, and what
 * to do once it has happened. The words are view/scam-words.ts's (confirm says the short
 * version of the same); the hotlines come from core/carriers.
 */
import { CARRIERS, carriersOf } from '../../core/carriers';
import { COMPLAINT_STEP, POLICE_STEP, SCAM_LEAD, SCAM_TITLE, SLOW_TOPUP_SIGN, SPOOF_SIGN, STRANGER_SIGN } from '../../view/scam-words';
import type { HotlineButton } from './content';

export interface ScamWarning {
  title: string;
  lead: string;
  signs: string[];
  /** What to do if it happened, in order. */
  steps: string[];
  buttons: HotlineButton[];
}

const MAINLAND_HOTLINES = carriersOf('CN')
  .map((info) => `${info.shortName} ${info.hotline}`)
  .join('、');

export const SCAM_WARNING: ScamWarning = {
  title: SCAM_TITLE,
  lead: SCAM_LEAD,
  signs: [SLOW_TOPUP_SIGN, STRANGER_SIGN, SPOOF_SIGN],
  steps: [`先打运营商客服说明情况、冻结或核实号码：${MAINLAND_HOTLINES}；菲律宾 Smart 拨 ${CARRIERS.smart.hotline}。`, COMPLAINT_STEP, POLICE_STEP],
  buttons: [
    { label: '拨打 110 报警', dial: '110' },
    { label: '拨打 12300 投诉', dial: '12300' },
  ],
};
