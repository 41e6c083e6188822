import { type Evidence, refKey } from '../evidence/evidence.ts';
import type { Pod } from '../evidence/shapes.ts';
import type { ObjectRef } from '../types.ts';
import { replicaCounts } from './workloads.ts';

export interface PodCase<T> {
  pod: Pod;
  data: T;
}

export interface WorkloadGroup<T> {
  workload: ObjectRef | null;
  /** The cases, the representative (most restarts, then name) first. */
  cases: PodCase<T>[];
}

const restarts = (pod: Pod) =>
  (pod.status?.containerStatuses ?? []).reduce((n, s) => n + (s.restartCount ?? 0), 0);

/**
 * Cases grouped by workload (and by `subKey`, when one workload fails in different ways), so that a
 * Deployment with ten crashing pods gives one finding naming all ten rather than ten findings.
 */
export function groupByWorkload<T>(
  ev: Evidence,
  cases: PodCase<T>[],
  subKey?: (c: PodCase<T>) => string,
): WorkloadGroup<T>[] {
  const groups = new Map<string, WorkloadGroup<T>>();
  for (const c of cases) {
    const workload = ev.workloadOf(c.pod);
    const base = workload ? refKey(workload) : `Pod/${c.pod.metadata.namespace}/${c.pod.metadata.name}`;
    const key = subKey ? `${base}|${subKey(c)}` : base;
    const group = groups.get(key);
    if (group) group.cases.push(c);
    else groups.set(key, { workload, cases: [c] });
  }
  for (const g of groups.values()) {
    g.cases.sort(
      (a, b) => restarts(b.pod) - restarts(a.pod) || a.pod.metadata.name.localeCompare(b.pod.metadata.name),
    );
  }
  return [...groups.values()];
}

/** `pods api-1, api-2 and 3 more` */
export function podList(cases: { pod: Pod }[], max = 3): string {
  const names = cases.map((c) => c.pod.metadata.name);
  const shown = names.slice(0, max).join(', ');
  return names.length > max ? `${shown} and ${names.length - max} more` : shown;
}

/** `2/3 replicas of Deployment shop/cart are ready` or undefined when unknown. */
export function readiness(ev: Evidence, workload: ObjectRef | null): string | undefined {
  if (!workload) return undefined;
  const counts = replicaCounts(ev, workload);
  if (!counts) return undefined;
  return `${counts.ready}/${counts.desired} replicas of ${workload.kind} ${workload.namespace}/${workload.name} are ready`;
}

/** critical when the workload has no ready replica left (or is a lone pod), warning otherwise. */
export function outageSeverity(ev: Evidence, workload: ObjectRef | null): 'critical' | 'warning' {
  if (!workload) return 'critical';
  const counts = replicaCounts(ev, workload);
  if (!counts) return 'critical';
  return counts.ready === 0 || counts.ready < counts.desired / 2 ? 'critical' : 'warning';
}
