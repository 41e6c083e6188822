import { ArgumentError } from './errors.ts';
import { durationMs } from './queries/names.ts';

/**
 * A time argument as people write it — `now`, `now-1h`, `-30m`, unix seconds or RFC 3339 — as unix
 * seconds. Prometheus itself only takes the last two.
 */
export function resolveTime(text: string | number | undefined, nowMs = Date.now()): number | undefined {
  if (text === undefined) return undefined;
  if (typeof text === 'number') return text;
  const t = text.trim();
  if (t === 'now') return nowMs / 1000;
  const relative = /^(?:now)?\s*-\s*(\S+)$/.exec(t);
  if (relative) return (nowMs - durationMs(relative[1])) / 1000;
  if (/^\d+(\.\d+)?$/.test(t)) return Number(t);
  const parsed = Date.parse(t);
  if (Number.isNaN(parsed))
    throw new ArgumentError(
      `'${text}' is not a time; use now, now-1h, -30m, unix seconds or RFC 3339 (2024-05-01T12:00:00Z)`,
    );
  return parsed / 1000;
}

/** A step of about `points` points across the range, in whole seconds (at least 1). */
export const defaultStep = (startS: number, endS: number, points = 60): number =>
  Math.max(1, Math.ceil((endS - startS) / points));

/** `30s`, `5m` or seconds as a number, in seconds. */
export function stepSeconds(step: string | number): number {
  if (typeof step === 'number') return step;
  if (/^\d+(\.\d+)?$/.test(step)) return Number(step);
  return durationMs(step) / 1000;
}
