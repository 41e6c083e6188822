/** Bounds that keep the evidence small whatever the cluster's size. */
export const LIMITS = {
  /** Log lines kept per container instance (the tail). */
  logLines: 120,
  /** Characters kept per log line. */
  logLineChars: 2000,
  /** Bytes asked for per log request. */
  logBytes: 64 * 1024,
  /** Pods whose logs a live collection reads. */
  logPods: 120,
  /** Requests in flight at once against the API server. */
  concurrency: 16,
  /** Deadline of a live collection: log reads not started by then are skipped and reported as a gap. */
  collectMs: 8000,
  /** Deadline for one API request. */
  requestMs: 5000,
};

/** The last `LIMITS.logLines` lines of a log, each cut to `LIMITS.logLineChars`. */
export function tail(text: string): string[] {
  const lines = text.split(/\r?\n/);
  if (lines[lines.length - 1] === '') lines.pop();
  return lines
    .slice(-LIMITS.logLines)
    .map((l) => (l.length > LIMITS.logLineChars ? `${l.slice(0, LIMITS.logLineChars)}…` : l));
}
