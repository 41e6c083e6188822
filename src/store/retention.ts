import type { MaintenanceRepository, Purged } from './repository.ts';

const DAY_MS = 86_400_000;

/**
 * Deletes settled incidents, processed deliveries and audit entries older than `days`, now and
 * every `intervalMs` (default hourly). Active incidents are never deleted, however old.
 */
export function startRetention(
  store: MaintenanceRepository,
  options: {
    days: number;
    intervalMs?: number;
    onPurged?: (purged: Purged) => void;
    onError?: (err: Error) => void;
    now?: () => number;
  },
): { stop(): void } {
  const now = options.now ?? Date.now;
  const run = () =>
    store
      .purgeBefore(new Date(now() - options.days * DAY_MS).toISOString())
      .then((purged) => {
        if (purged.incidents || purged.deliveries || purged.auditEntries) options.onPurged?.(purged);
      })
      .catch((err: Error) => options.onError?.(err));
  void run();
  const timer = setInterval(run, options.intervalMs ?? 3_600_000);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
