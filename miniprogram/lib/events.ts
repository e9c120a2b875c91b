/**
 * Reading a value out of an event: Vant's fields and radio groups send the new value as
 * the detail itself, our own components as detail.value.
 */
export interface ValueEvent {
  detail: unknown;
}

/** Text of a plain value; anything else (an object, a symbol) reads as empty, never as [object Object]. */
function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  return typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint' ? String(value) : '';
}

export function eventValue(event: ValueEvent): string {
  const detail = event?.detail;
  if (detail !== null && typeof detail === 'object') return textOf((detail as { value?: unknown }).value);
  return textOf(detail);
}
