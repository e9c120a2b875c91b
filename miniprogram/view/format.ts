/** Small display formats shared by pages and components. */

const MB_PER_GB = 1024;

/** 512MB, 1.5GB, 20GB: one decimal at most, whole figures without one. */
export function formatDataMb(mb: number | null): string {
  if (mb === null || typeof mb !== 'number' || !Number.isFinite(mb)) return '不含流量';
  const whole = Math.max(0, Math.floor(mb));
  if (whole < MB_PER_GB) return `${whole}MB`;
  const tenths = Math.floor((whole * 10) / MB_PER_GB);
  return tenths % 10 === 0 ? `${tenths / 10}GB` : `${Math.floor(tenths / 10)}.${tenths % 10}GB`;
}
