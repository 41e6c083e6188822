/**
 * When the Monitor may run a processing batch while webhooks keep arriving. Every 202 waits on the
 * same thread as processing, so during a storm processing gives way — but not forever: at least
 * one batch per `deferMs`, and once the backlog is `maxLagMs` old, batches take up to `duty` of
 * the thread, so a sustained stream of alerts is processed with a bounded lag.
 */
export interface Pacing {
  deferMs: number;
  maxLagMs: number;
  /** The share of the thread processing may take once lagging (0–1). */
  duty: number;
}

export const DEFAULT_PACING: Pacing = { deferMs: 1000, maxLagMs: 2000, duty: 0.25 };

export interface PaceState {
  /** performance.now() when the last batch started, and how long it took. */
  lastStart: number;
  lastDuration: number;
  /** Since when events have waited (null: nothing waits). */
  backlogSince: number | null;
}

export function mayProcess(now: number, intakeBusy: boolean, s: PaceState, p: Pacing): boolean {
  if (!intakeBusy) return true;
  if (now - s.lastStart >= p.deferMs) return true;
  const lagging = s.backlogSince !== null && now - s.backlogSince >= p.maxLagMs;
  const rested = now - (s.lastStart + s.lastDuration) >= s.lastDuration * (1 / p.duty - 1);
  return lagging && rested;
}
