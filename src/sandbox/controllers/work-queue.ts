import type { SimClock } from '../core/clock.ts';
import { ApiError } from '../core/errors.ts';

const MAX_RETRY_MS = 60_000;
const FLUSH_BUDGET_MS = 15;

/**
 * A deduplicating work queue, as client-go's: store listeners only `add` keys; the handler runs
 * later (setImmediate), outside the write that woke it. A key added many times before it runs is
 * handled once. Failed keys are retried with back-off; a vanished object (404) is dropped,
 * since its deletion event wakes whoever still cares.
 */
export class WorkQueue {
  private readonly pending = new Set<string>();
  private readonly delayed = new Map<string, { at: number; cancel: () => void }>();
  private readonly failures = new Map<string, number>();
  private scheduled = false;
  private stopped = false;

  constructor(
    private readonly name: string,
    private readonly clock: SimClock,
    private readonly handle: (key: string) => void,
  ) {}

  add(key: string): void {
    if (this.stopped) return;
    this.pending.add(key);
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => this.flush());
  }

  /** Adds `key` after `simMs` of simulated time; an earlier pending delay for the same key wins. */
  addAfter(key: string, simMs: number): void {
    if (this.stopped) return;
    if (simMs <= 0) {
      this.add(key);
      return;
    }
    const at = this.clock.now() + simMs;
    const existing = this.delayed.get(key);
    if (existing && existing.at <= at) return;
    existing?.cancel();
    const cancel = this.clock.after(simMs, () => {
      this.delayed.delete(key);
      this.add(key);
    });
    this.delayed.set(key, { at, cancel });
  }

  stop(): void {
    this.stopped = true;
    this.pending.clear();
    for (const d of this.delayed.values()) d.cancel();
    this.delayed.clear();
  }

  /** Handles pending keys for up to a few ms, then yields so API requests are not kept waiting. */
  private flush(): void {
    this.scheduled = false;
    const deadline = performance.now() + FLUSH_BUDGET_MS;
    for (const key of this.pending) {
      if (this.stopped) return;
      this.pending.delete(key);
      try {
        this.handle(key);
        this.failures.delete(key);
      } catch (err) {
        this.retry(key, err);
      }
      if (performance.now() > deadline) break;
    }
    if (this.pending.size && !this.scheduled && !this.stopped) {
      this.scheduled = true;
      setImmediate(() => this.flush());
    }
  }

  private retry(key: string, err: unknown): void {
    if (err instanceof ApiError && err.code === 404) return;
    const attempts = (this.failures.get(key) ?? 0) + 1;
    this.failures.set(key, attempts);
    if (!(err instanceof ApiError)) {
      process.stderr.write(`sandbox: ${this.name} failed on ${key}: ${(err as Error)?.stack ?? err}\n`);
    }
    this.addAfter(key, Math.min(500 * 2 ** (attempts - 1), MAX_RETRY_MS));
  }
}

/** `ns/name` for namespaced objects, `name` for cluster-scoped ones. */
export const objectKey = (namespace: string | undefined, name: string) =>
  namespace ? `${namespace}/${name}` : name;

export function splitKey(key: string): { namespace: string | undefined; name: string } {
  const slash = key.indexOf('/');
  return slash < 0
    ? { namespace: undefined, name: key }
    : { namespace: key.slice(0, slash), name: key.slice(slash + 1) };
}
