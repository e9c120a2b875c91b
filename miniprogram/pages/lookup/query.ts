/**
 * The rule of the lookup page: the card on screen is the card of what is in the field
 * now. A card is kept together with the query it answered; the field's text is read as a
 * query the same way 查询 reads it, and when the two differ the card is no longer shown.
 * Pure: the page keeps the state and calls these.
 */
import type { CardProfile } from '../../core/types';
import { parseCardQuery } from '../../core/card-query';
import type { CardQuery } from '../../services/contracts';

/** A card on screen, the query it answered and when it was fetched. */
export interface ShownCard {
  query: CardQuery;
  card: CardProfile;
  fetchedAt: number;
}

/** The query the field's text stands for, or null while it is not a valid number or ICCID. */
export function queryOf(input: string): CardQuery | null {
  const parsed = parseCardQuery(input);
  if (!parsed.ok) return null;
  return parsed.value.kind === 'phone' ? { phone: parsed.value.phone.national } : { iccid: parsed.value.iccid.value };
}

/** The same card asked for: the same national number, or the same ICCID. */
export function sameQuery(a: CardQuery | null, b: CardQuery | null): boolean {
  if (!a || !b) return false;
  if ('phone' in a && 'phone' in b) return a.phone === b.phone;
  if ('iccid' in a && 'iccid' in b) return a.iccid === b.iccid;
  return false;
}

/** The shown card if it still belongs to what the field says; null once the field names another card. */
export function cardForInput(input: string, shown: ShownCard | null): ShownCard | null {
  return shown && sameQuery(queryOf(input), shown.query) ? shown : null;
}
