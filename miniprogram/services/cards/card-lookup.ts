/**
 * Looking a card up, the one way every page does it: the gateway's answer, or a typed
 * failure with the Chinese words to show and whether trying again can help. A gateway
 * that throws counts as a lost connection. Every answer goes into the renewal cache with
 * the time it was fetched, so the next page of the same renewal need not ask again
 * (`cardFor` reuses a fresh one). LatestLookup drops an answer that arrives after a newer
 * lookup started (the user typed another number, pulled to refresh).
 */
import type { BoundCard, CardProfile, Result } from '../../core/types';
import { isRateUsable, type RateQuote } from '../../core/charge';
import type { CardQuery, CarrierGateway, Clock, GatewayError, RenewalCache } from '../contracts';
import { LOOKUP_MESSAGES } from '../messages';
import { isFresh } from './renewal-cache';

export { LOOKUP_MESSAGES };

/** Network trouble can be retried; the rest needs different input. */
const RETRYABLE: readonly GatewayError[] = ['network', 'timeout'];

export function isRetryable(error: GatewayError): boolean {
  return RETRYABLE.includes(error);
}

export type LookupAnswer =
  | { ok: true; card: CardProfile; fetchedAt: number }
  | { ok: false; error: GatewayError; message: string; retryable: boolean };

/**
 * What a lookup needs: the gateway to ask, the clock to date the answer, and the renewal
 * cache to keep it in (a background lookup, such as auto top-up's, may go without).
 */
export interface LookupDeps {
  gateway: CarrierGateway;
  clock: Clock;
  renewalCache?: RenewalCache;
}

/** The deps of a renewal page: the cache is not optional there. */
export type RenewalLookupDeps = LookupDeps & { renewalCache: RenewalCache };

export async function lookupCard(deps: LookupDeps, query: CardQuery): Promise<LookupAnswer> {
  let answer: Awaited<ReturnType<CarrierGateway['lookup']>> | null | undefined;
  try {
    answer = await deps.gateway.lookup(query);
  } catch {
    answer = null;
  }
  // A broken answer (none at all, not an object) is treated like one that never arrived.
  if (answer === null || typeof answer !== 'object') return failed('network', '');
  if (answer.ok) {
    const fetchedAt = deps.clock.now();
    deps.renewalCache?.putCard(answer.value, fetchedAt);
    return { ok: true, card: answer.value, fetchedAt };
  }
  const error: GatewayError = Object.prototype.hasOwnProperty.call(LOOKUP_MESSAGES, answer.error) ? answer.error : 'network';
  return failed(error, answer.message);
}

function failed(error: GatewayError, message: unknown): LookupAnswer {
  return { ok: false, error, message: typeof message === 'string' && message ? message : LOOKUP_MESSAGES[error], retryable: isRetryable(error) };
}

/** The card of this number: the one the renewal already holds while fresh, else the gateway's. */
export async function cardFor(deps: RenewalLookupDeps, phone: string, options: { refresh?: boolean } = {}): Promise<LookupAnswer> {
  const held = deps.renewalCache.card(phone);
  if (!options.refresh && isFresh(held, deps.clock.now())) return { ok: true, card: held.card, fetchedAt: held.fetchedAt };
  return lookupCard(deps, { phone });
}

/**
 * A peso-to-yuan quote the renewal may charge at: the one held while usable, else the
 * gateway's (kept for the next page). A gateway that throws counts as a lost connection.
 */
export async function rateFor(deps: RenewalLookupDeps, options: { refresh?: boolean } = {}): Promise<Result<RateQuote, GatewayError>> {
  const held = deps.renewalCache.rate();
  if (!options.refresh && isRateUsable(held, deps.clock.now())) return { ok: true, value: held };
  try {
    const quoted = await deps.gateway.exchangeRate();
    if (quoted.ok) deps.renewalCache.putRate(quoted.value);
    return quoted.ok ? quoted : { ok: false, error: quoted.error, message: quoted.message || LOOKUP_MESSAGES[quoted.error] || LOOKUP_MESSAGES.network };
  } catch {
    return { ok: false, error: 'network', message: LOOKUP_MESSAGES.network };
  }
}

/** What a bound card remembers of a lookup, so every view of it shows the last answer. */
export function lastKnownOf(card: CardProfile, at: number): NonNullable<BoundCard['lastKnown']> {
  const known: NonNullable<BoundCard['lastKnown']> = { balance: card.balance, dataLeftMb: card.dataLeftMb, expiry: card.expiry, suspended: card.suspended, at };
  // Only a gateway that answers 归属地 sets it, so an older answer never erases a known one.
  if (card.location !== undefined) known.location = card.location;
  return known;
}

/** One page's lookups, where only the newest one's answer counts. */
export class LatestLookup {
  private token = 0;

  /** The answer, or null when a newer lookup (or drop()) overtook this one. */
  async run(ask: () => Promise<LookupAnswer>): Promise<LookupAnswer | null> {
    this.token += 1;
    const mine = this.token;
    const answer = await ask();
    return mine === this.token ? answer : null;
  }

  /** Forgets the lookup in flight: its answer will be dropped. */
  drop(): void {
    this.token += 1;
  }
}
