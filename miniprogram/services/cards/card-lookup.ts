/**
 * Looking a card up, the one way every page does it: the gateway's answer, or a typed
 * failure with the Chinese words to show and whether trying again can help. A gateway
 * that throws counts as a lost connection. LatestLookup drops an answer that arrives
 * after a newer lookup started (the user typed another number, pulled to refresh).
 */
import type { BoundCard, CardProfile } from '../../core/types';
import type { CardQuery, CarrierGateway, GatewayError } from '../contracts';
import { LOOKUP_MESSAGES } from '../messages';

export { LOOKUP_MESSAGES };

/** Network trouble can be retried; the rest needs different input. */
const RETRYABLE: readonly GatewayError[] = ['network', 'timeout'];

export function isRetryable(error: GatewayError): boolean {
  return RETRYABLE.includes(error);
}

export type LookupAnswer =
  | { ok: true; card: CardProfile }
  | { ok: false; error: GatewayError; message: string; retryable: boolean };

export async function lookupCard(gateway: CarrierGateway, query: CardQuery): Promise<LookupAnswer> {
  let answer: Awaited<ReturnType<CarrierGateway['lookup']>> | null | undefined;
  try {
    answer = await gateway.lookup(query);
  } catch {
    answer = null;
  }
  // A broken answer (none at all, not an object) is treated like one that never arrived.
  if (answer === null || typeof answer !== 'object') return failed('network', '');
  if (answer.ok) return { ok: true, card: answer.value };
  const error: GatewayError = Object.prototype.hasOwnProperty.call(LOOKUP_MESSAGES, answer.error) ? answer.error : 'network';
  return failed(error, answer.message);
}

function failed(error: GatewayError, message: unknown): LookupAnswer {
  return { ok: false, error, message: typeof message === 'string' && message ? message : LOOKUP_MESSAGES[error], retryable: isRetryable(error) };
}

/** What a bound card remembers of a lookup, so every view of it shows the last answer. */
export function lastKnownOf(card: CardProfile, at: number): NonNullable<BoundCard['lastKnown']> {
  return { balance: card.balance, dataLeftMb: card.dataLeftMb, expiry: card.expiry, suspended: card.suspended, at };
}

/** One page's lookups, where only the newest one's answer counts. */
export class LatestLookup {
  private token = 0;

  /** The answer, or null when a newer lookup (or drop()) overtook this one. */
  async run(gateway: CarrierGateway, query: CardQuery): Promise<LookupAnswer | null> {
    this.token += 1;
    const mine = this.token;
    const answer = await lookupCard(gateway, query);
    return mine === this.token ? answer : null;
  }

  /** Forgets the lookup in flight: its answer will be dropped. */
  drop(): void {
    this.token += 1;
  }
}
