import type { Cluster } from '../core/cluster.ts';
import type { ObjectStore } from '../core/store.ts';
import type { KubeObject } from '../core/types.ts';
import type { FaultManager } from '../faults/index.ts';
import type { SimRuntime } from '../runtime/index.ts';
import type { Exposition } from './exposition.ts';

/**
 * Counters that only go up: each key holds a vector advanced by rate × elapsed simulated time per
 * render. Keys not seen in a render are dropped (the pod or service is gone, as its series would be).
 */
export class CounterState {
  private last?: number;
  private generation = 0;
  private elapsed = 0;
  private readonly entries = new Map<string, { generation: number; values: number[] }>();
  private readonly memos = new Map<string, { generation: number; version: unknown; value: unknown }>();

  begin(now: number): void {
    this.elapsed = this.last === undefined ? 0 : Math.max(0, (now - this.last) / 1000);
    this.last = now;
    this.generation++;
  }

  /** Seconds of simulated time since the previous render. */
  get elapsedSeconds(): number {
    return this.elapsed;
  }

  /** Advances (or creates with `initial`) the counters at `key` by `rates` per second. */
  advance(key: string, rates: readonly number[], initial?: () => number[]): number[] {
    let entry = this.entries.get(key);
    if (!entry) {
      entry = { generation: this.generation, values: initial ? initial() : rates.map(() => 0) };
      this.entries.set(key, entry);
      return entry.values;
    }
    entry.generation = this.generation;
    for (let i = 0; i < rates.length; i++) entry.values[i] += Math.max(0, rates[i]) * this.elapsed;
    return entry.values;
  }

  /**
   * A value derived from an object, rebuilt only when `version` changes (a resourceVersion): what
   * lets a render of 10,000 unchanged pods reuse their lines. Dropped when not asked for in a render.
   */
  memo<T>(key: string, version: unknown, build: () => T): T {
    let entry = this.memos.get(key);
    if (!entry || entry.version !== version) {
      entry = { generation: this.generation, version, value: build() };
      this.memos.set(key, entry);
    }
    entry.generation = this.generation;
    return entry.value as T;
  }

  sweep(): void {
    for (const [key, entry] of this.entries)
      if (entry.generation !== this.generation) this.entries.delete(key);
    for (const [key, entry] of this.memos) if (entry.generation !== this.generation) this.memos.delete(key);
  }
}

export interface MetricsContext {
  cluster: Cluster;
  store: ObjectStore;
  /** Simulated epoch ms of this render. */
  now: number;
  runtime?: SimRuntime;
  faults?: FaultManager;
  counters: CounterState;
  pods: KubeObject[];
  /** Nodes that cannot be scraped (their kubelet is down): no cAdvisor, kubelet or node-exporter series. */
  unreachable(node: string | undefined): boolean;
}

export interface Collector {
  name: string;
  collect(ctx: MetricsContext, out: Exposition): void;
}

/** Epoch seconds of an RFC 3339 timestamp; undefined when absent. */
export function seconds(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms / 1000;
}

/** kube-state-metrics' `condition="true|false|unknown"` triple for a condition status. */
export const STATUSES = ['true', 'false', 'unknown'] as const;
export const statusValue = (status: unknown, which: (typeof STATUSES)[number]) =>
  String(status ?? 'Unknown').toLowerCase() === which ? 1 : 0;
