/**
 * Reading a value out of an event: Vant's fields and radio groups send the new value as
 * the detail itself, our own components as detail.value.
 */
export interface ValueEvent {
  detail: unknown;
}

export function eventValue(event: ValueEvent): string {
  const detail = event?.detail;
  if (detail !== null && typeof detail === 'object') return String((detail as { value?: unknown }).value ?? '');
  return String(detail ?? '');
}
