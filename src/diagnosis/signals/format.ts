/** Numbers as a diagnosis writes them: shares and elapsed times. */

export const percent = (ratio: number): string => `${Math.round(ratio * 100)}%`;

/** `3m12s`, `2h5m`, `4d3h`: how long ago something happened, coarse on purpose. */
export function formatDuration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m${s % 60 ? `${s % 60}s` : ''}`;
  const h = Math.floor(m / 60);
  if (h < 48) return `${h}h${m % 60 ? `${m % 60}m` : ''}`;
  return `${Math.floor(h / 24)}d${h % 24 ? `${h % 24}h` : ''}`;
}
