import { pick } from '../noise.ts';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `2024-05-01T12:00:00.123Z` (zap, most Go and Node services). */
export const isoMillis = (ms: number) => new Date(ms).toISOString();

/** `2024-05-01T12:00:00Z`, as Go prints a time.Time in x509 errors. */
export const isoSeconds = (ms: number) => `${new Date(ms).toISOString().slice(0, 19)}Z`;

/** `2024-05-01 12:00:00.123 UTC` (PostgreSQL's log_line_prefix `%m`). */
export const pgTime = (ms: number) => `${new Date(ms).toISOString().replace('T', ' ').slice(0, 23)} UTC`;

/** `01 May 2024 12:00:00.123` (Redis). */
export function redisTime(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${d.toISOString().slice(11, 23)}`;
}

/** `2024/05/01 12:00:00` (nginx error log, Go's standard logger). */
export const slashTime = (ms: number) =>
  new Date(ms).toISOString().slice(0, 19).replace(/-/g, '/').replace('T', ' ');

/** `01/May/2024:12:00:00 +0000` (nginx access log). */
export function clfTime(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${d.toISOString().slice(11, 19)} +0000`;
}

/** `I0501 12:00:00.123456       1 ` (klog header). */
export function klog(level: 'I' | 'W' | 'E', ms: number): string {
  const d = new Date(ms);
  return `${level}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())} ${d.toISOString().slice(11, 23)}000       1`;
}

/** A plausible ephemeral client port, stable for a seed. */
export const ephemeralPort = (seed: string) => 32768 + pick(seed, 28000);

/** A pod IP on the default pod network, stable for a seed (for clients we do not model). */
export const clientIP = (seed: string) => `10.244.${pick(`${seed}/n`, 3)}.${2 + pick(`${seed}/h`, 250)}`;

/** A process id after the container's init, stable for a seed. */
export const pid = (seed: string, low = 20, span = 4000) => low + pick(seed, span);
