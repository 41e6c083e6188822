/**
 * Simulated time. The cluster's clock runs `speed` times faster than the wall clock so tests can
 * watch back-offs, probes and rollouts happen in milliseconds. Every timestamp the sandbox writes
 * comes from here, never from Date.now().
 */
export class SimClock {
  private readonly realStart = performance.now();
  private readonly timers = new Set<NodeJS.Timeout>();
  private stopped = false;

  constructor(
    readonly speed = 1,
    private readonly simStart = Date.now(),
  ) {
    if (!(speed > 0)) throw new Error(`speed must be > 0, got ${speed}`);
  }

  /** Simulated epoch milliseconds. */
  now(): number {
    return this.simStart + (performance.now() - this.realStart) * this.speed;
  }

  /** RFC 3339 with second precision, as Kubernetes writes metadata timestamps. */
  iso(ms = this.now()): string {
    return `${new Date(ms).toISOString().slice(0, 19)}Z`;
  }

  /** RFC 3339 with microseconds, as Kubernetes writes `MicroTime` fields (event eventTime, lease renewTime). */
  microIso(ms = this.now()): string {
    return `${new Date(ms).toISOString().slice(0, 23)}000Z`;
  }

  /** Runs `fn` after `simMs` of simulated time. */
  after(simMs: number, fn: () => void): () => void {
    if (this.stopped) return () => {};
    const timer = setTimeout(
      () => {
        this.timers.delete(timer);
        fn();
      },
      Math.max(0, simMs / this.speed),
    );
    timer.unref();
    this.timers.add(timer);
    return () => {
      clearTimeout(timer);
      this.timers.delete(timer);
    };
  }

  /** Runs `fn` every `simMs` of simulated time (at most every 5 real ms). */
  every(simMs: number, fn: () => void): () => void {
    if (this.stopped) return () => {};
    const timer = setInterval(fn, Math.max(5, simMs / this.speed));
    timer.unref();
    this.timers.add(timer);
    return () => {
      clearInterval(timer);
      this.timers.delete(timer);
    };
  }

  stop(): void {
    this.stopped = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }
}

/** Parses `2024-01-02T03:04:05Z` into epoch ms; undefined for missing or malformed input. */
export const parseTime = (value: unknown): number | undefined => {
  if (typeof value !== 'string') return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
};
