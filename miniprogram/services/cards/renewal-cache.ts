/**
 * The renewal flow's memory of what the gateway answered (contracts.ts RenewalCache).
 * Cards are keyed by their own national number: `card(phone)` can only ever hand back
 * the card of that number, so a page cannot show one number's card under another.
 */
import type { CardProfile } from '../../core/types';
import type { RateQuote } from '../../core/charge';
import { isRateQuote } from '../../core/charge';
import { parsePhone } from '../../core/phone';
import type { FetchedCard, RenewalCache, TopUpReceipt } from '../contracts';

/** Packages and confirm reuse a card fetched this recently (issue 13: one lookup per renewal). */
export const CARD_FRESH_MS = 5 * 60 * 1000;

function keyOf(phone: unknown): string | null {
  const parsed = parsePhone(phone);
  return parsed.ok ? parsed.value.national : null;
}

/** Whether a held card is recent enough to renew from without asking the gateway again. */
export function isFresh(fetched: FetchedCard | undefined, now: number, maxAgeMs = CARD_FRESH_MS): fetched is FetchedCard {
  return fetched !== undefined && fetched.fetchedAt <= now + 1000 && now - fetched.fetchedAt <= maxAgeMs;
}

export class MemoryRenewalCache implements RenewalCache {
  private readonly cards = new Map<string, FetchedCard>();
  private quote: RateQuote | undefined;

  putCard(card: CardProfile, fetchedAt: number): void {
    const key = keyOf(card?.phone);
    if (key === null || !Number.isFinite(fetchedAt)) return;
    const held = this.cards.get(key);
    // An answer that left the gateway before the one held must not replace it.
    if (held && held.fetchedAt > fetchedAt) return;
    this.cards.set(key, { card: { ...card, phone: key, balance: { ...card.balance } }, fetchedAt });
  }

  card(phone: string): FetchedCard | undefined {
    const key = keyOf(phone);
    const held = key === null ? undefined : this.cards.get(key);
    return held ? { card: { ...held.card, balance: { ...held.card.balance } }, fetchedAt: held.fetchedAt } : undefined;
  }

  credited(phone: string, receipt: TopUpReceipt, at: number): void {
    const key = keyOf(phone);
    const held = key === null ? undefined : this.cards.get(key);
    if (!held || !receipt) return;
    const card: CardProfile = {
      ...held.card,
      balance: { ...receipt.balance },
      dataLeftMb: receipt.dataLeftMb,
      expiry: receipt.expiry,
      suspended: held.card.suspended && receipt.balance.amount < 0,
    };
    this.cards.set(held.card.phone, { card, fetchedAt: Math.max(at, held.fetchedAt) });
  }

  putRate(quote: RateQuote): void {
    if (isRateQuote(quote) && (!this.quote || quote.quotedAt >= this.quote.quotedAt)) this.quote = { rate: { ...quote.rate }, quotedAt: quote.quotedAt };
  }

  rate(): RateQuote | undefined {
    return this.quote;
  }
}
