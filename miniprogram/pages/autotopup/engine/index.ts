/**
 * The engine's entry, loaded with require.async by the offline backend's runner (see
 * services/container.ts) so its code downloads with this subpackage, only when needed.
 */
export { createAutoTopupEngine } from './executor';
