/** Card profiles for the renewal pages' tests: a mainland card and a Smart one, patchable. */
import type { CardProfile } from '../../miniprogram/core/types';
import { money } from '../../miniprogram/core/money';

export function cardProfile(patch: Partial<CardProfile> = {}): CardProfile {
  return {
    phone: '13800138000',
    region: 'CN',
    iccid: '89860012345678901234',
    carrier: 'cmcc',
    cardType: 'phone',
    planName: '动感地带 18 元套餐',
    balance: money(1250, 'CNY'),
    dataLeftMb: 2048,
    expiry: '2026-12-20',
    suspended: false,
    ...patch,
  };
}

export function smartProfile(patch: Partial<CardProfile> = {}): CardProfile {
  return cardProfile({
    phone: '09171234567',
    region: 'PH',
    iccid: '8963012345678901234',
    carrier: 'smart',
    planName: 'Smart Prepaid',
    balance: money(5000, 'PHP'),
    ...patch,
  });
}
