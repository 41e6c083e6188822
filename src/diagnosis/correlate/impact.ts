import { type Evidence, refKey } from '../evidence/evidence.ts';
import { isActive, isPodReady } from '../signals/pods.ts';
import { endpointCounts, servicesSelecting } from '../signals/services.ts';
import { replicaCounts } from '../signals/workloads.ts';
import type { Finding, ObjectRef } from '../types.ts';

export interface WorkloadImpact extends ObjectRef {
  desired?: number;
  available?: number;
}

export interface ServiceImpact {
  namespace: string;
  name: string;
  readyEndpoints: number;
  errorRatio?: number;
  requestRate?: number;
}

/** What the findings touch: workloads with their replicas, the Services in front of them, namespaces, nodes. */
export interface Impact {
  namespaces: string[];
  nodes: string[];
  workloads: WorkloadImpact[];
  services: ServiceImpact[];
  /** Active pods of the affected workloads that are not ready. */
  unreadyPods: number;
  /** Requests per second the affected Services receive, and how many of them fail, when metrics say. */
  requestRate?: number;
  failingRequestRate?: number;
}

const metricFor = (ev: Evidence, signal: string, ns: string, service: string) =>
  ev.metrics(signal).find((s) => s.labels.namespace === ns && s.labels.service === service)?.value;

export function assessImpact(ev: Evidence, findings: Finding[]): Impact {
  const workloads = new Map<string, ObjectRef>();
  const nodes = new Set<string>();
  const namespaces = new Set<string>();
  for (const f of findings) {
    if (f.workload) workloads.set(refKey(f.workload), f.workload);
    if (f.resource.kind === 'Node') nodes.add(f.resource.name);
    for (const ref of [f.resource, f.workload]) if (ref?.namespace) namespaces.add(ref.namespace);
  }
  const services = new Map<string, ServiceImpact>();
  let unreadyPods = 0;
  const workloadImpacts: WorkloadImpact[] = [];
  for (const w of workloads.values()) {
    const counts = replicaCounts(ev, w);
    workloadImpacts.push({
      ...w,
      ...(counts ? { desired: counts.desired, available: counts.available } : {}),
    });
    const pods = ev.podsOf(w).filter(isActive);
    unreadyPods += pods.filter((p) => !isPodReady(p)).length;
    const pod = pods[0];
    if (!pod) continue;
    for (const svc of servicesSelecting(ev, pod)) {
      const ns = svc.metadata.namespace ?? 'default';
      const entry: ServiceImpact = {
        namespace: ns,
        name: svc.metadata.name,
        readyEndpoints: endpointCounts(ev, svc).ready,
      };
      const errorRatio = metricFor(ev, 'error_ratio', ns, svc.metadata.name);
      const requestRate = metricFor(ev, 'request_rate', ns, svc.metadata.name);
      if (errorRatio !== undefined) entry.errorRatio = errorRatio;
      if (requestRate !== undefined) entry.requestRate = requestRate;
      services.set(`${ns}/${svc.metadata.name}`, entry);
    }
  }
  const impact: Impact = {
    namespaces: [...namespaces].sort(),
    nodes: [...nodes].sort(),
    workloads: workloadImpacts,
    services: [...services.values()],
    unreadyPods,
  };
  const rated = impact.services.filter((s) => s.requestRate !== undefined);
  if (rated.length) {
    impact.requestRate = rated.reduce((n, s) => n + (s.requestRate ?? 0), 0);
    impact.failingRequestRate = rated.reduce((n, s) => n + (s.requestRate ?? 0) * (s.errorRatio ?? 0), 0);
  }
  return impact;
}
