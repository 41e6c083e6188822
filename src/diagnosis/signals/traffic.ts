import { type Evidence, refOf } from '../evidence/evidence.ts';
import type { K8sObject, Pod } from '../evidence/shapes.ts';
import type { ObjectRef } from '../types.ts';
import { OVERLOAD } from './log-patterns.ts';
import { type HttpStats, httpStats, type LogLine, matchLines, podLogLines } from './logs.ts';
import { isActive } from './pods.ts';
import { servicesSelecting } from './services.ts';

/** A unit that serves traffic: a workload and the Service in front of it, as metrics and logs see it. */
export interface Served {
  workload: ObjectRef | null;
  service?: K8sObject;
  pods: Pod[];
}

const unitsCache = new WeakMap<Evidence, Served[]>();

/** Workloads with pods, each with its Service (the first that selects them); computed once per evidence. */
export function servedUnits(ev: Evidence): Served[] {
  const cached = unitsCache.get(ev);
  if (cached) return cached;
  const byWorkload = new Map<string, Served>();
  for (const pod of ev.list('Pod')) {
    if (!isActive(pod)) continue;
    const w = ev.workloadOf(pod);
    const key = w
      ? `${w.kind}/${w.namespace}/${w.name}`
      : `Pod/${pod.metadata.namespace}/${pod.metadata.name}`;
    const unit = byWorkload.get(key) ?? { workload: w, pods: [] };
    unit.pods.push(pod);
    byWorkload.set(key, unit);
  }
  for (const unit of byWorkload.values()) unit.service = servicesSelecting(ev, unit.pods[0])[0];
  const units = [...byWorkload.values()];
  unitsCache.set(ev, units);
  return units;
}

/** Request outcomes across a unit's pods' logs (current instances only). */
export function unitHttpStats(ev: Evidence, unit: Served): HttpStats & { lines: LogLine[] } {
  const lines = unit.pods.flatMap((p) => podLogLines(ev, p, 'current'));
  return { ...httpStats(lines), lines };
}

/** Lines of a unit's logs that say it sheds or stalls requests under load. */
export const overloadLines = (lines: LogLine[]) => matchLines(lines, OVERLOAD);

/** A metric sample for a unit, matched by service label or by pod. */
export function unitMetric(ev: Evidence, unit: Served, signal: string): number | undefined {
  const ns = unit.service?.metadata.namespace ?? unit.pods[0]?.metadata.namespace;
  const svc = unit.service?.metadata.name;
  const hit = ev
    .metrics(signal)
    .find(
      (s) =>
        s.labels.namespace === ns && svc !== undefined && (s.labels.service === svc || s.labels.job === svc),
    );
  return hit?.value;
}

export const unitRef = (unit: Served): ObjectRef =>
  unit.service ? refOf(unit.service) : (unit.workload ?? refOf(unit.pods[0]));
