import { type Evidence, refKey, refOf } from './evidence/evidence.ts';
import { workloadOfObject } from './evidence/owners.ts';
import type { K8sObject, KubeEvent, Pod } from './evidence/shapes.ts';
import { formatDuration } from './signals/format.ts';
import type { Detected, ObjectRef, Severity } from './types.ts';

const MAX_EVIDENCE = 8;
const MAX_WHYS = 6;

export interface FindingInput {
  pattern: string;
  severity: Severity;
  resource: K8sObject | ObjectRef;
  /** Defaults to the resource's owner chain top (itself for workloads). */
  workload?: ObjectRef | null;
  summary: string;
  rootCause: string;
  evidence: (string | undefined | false)[];
  whys: string[];
  runbook: string | null;
  confidence: number;
  /** More objects this finding is about, beyond the resource and its workload. */
  subjects?: ObjectRef[];
  /** Objects whose failure would explain this finding. */
  needs?: ObjectRef[];
}

const isObject = (r: K8sObject | ObjectRef): r is K8sObject => 'metadata' in r;

/** Builds a finding: fills in the workload, bounds evidence and whys, records the links. */
export function finding(ev: Evidence, input: FindingInput): Detected {
  const resource = isObject(input.resource) ? refOf(input.resource) : input.resource;
  const workload =
    input.workload !== undefined
      ? input.workload
      : isObject(input.resource)
        ? workloadOfObject(input.resource, (k, ns, n) => ev.get(k, ns, n))
        : null;
  const subjects = [resource, ...(workload ? [workload] : []), ...(input.subjects ?? [])];
  return {
    pattern: input.pattern,
    severity: input.severity,
    resource,
    workload,
    summary: input.summary,
    rootCause: input.rootCause,
    evidence: input.evidence
      .filter((e): e is string => typeof e === 'string' && e !== '')
      .slice(0, MAX_EVIDENCE),
    whys: input.whys.slice(0, MAX_WHYS),
    runbook: input.runbook,
    confidence: Math.round(Math.min(1, Math.max(0, input.confidence)) * 100) / 100,
    links: {
      subjects: [...new Set(subjects.map(refKey))],
      needs: [...new Set((input.needs ?? []).map(refKey))],
    },
  };
}

/** `event Warning BackOff ×12 (last 30s ago): Back-off restarting failed container` */
export function eventLine(ev: Evidence, e: KubeEvent): string {
  const count = (e.count ?? 1) > 1 ? ` ×${e.count}` : '';
  const at = e.lastTimestamp ?? e.eventTime ?? e.firstTimestamp;
  const ago = at ? ` (${formatDuration(ev.now - Date.parse(at))} ago)` : '';
  return `event ${e.type ?? 'Normal'} ${e.reason ?? ''}${count}${ago}: ${(e.message ?? e.note ?? '').trim()}`;
}

/** The newest event about an object whose reason is one of `reasons` (or any Warning when omitted). */
export function latestEvent(ev: Evidence, ref: ObjectRef, reasons?: string[]): KubeEvent | undefined {
  const events = ev.eventsFor(ref);
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i];
    if (reasons ? reasons.includes(e.reason ?? '') : e.type === 'Warning') return e;
  }
  return undefined;
}

/** What a pod depends on: its node, its volumes' claims, the Secrets and ConfigMaps it references. */
export function podNeeds(pod: Pod): ObjectRef[] {
  const ns = pod.metadata.namespace;
  const needs: ObjectRef[] = [];
  if (pod.spec?.nodeName) needs.push({ kind: 'Node', name: pod.spec.nodeName });
  for (const v of pod.spec?.volumes ?? []) {
    if (v.persistentVolumeClaim)
      needs.push({ kind: 'PersistentVolumeClaim', namespace: ns, name: v.persistentVolumeClaim.claimName });
    if (v.secret?.secretName) needs.push({ kind: 'Secret', namespace: ns, name: v.secret.secretName });
    if (v.configMap?.name) needs.push({ kind: 'ConfigMap', namespace: ns, name: v.configMap.name });
  }
  for (const c of [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])]) {
    for (const e of c.env ?? []) {
      const s = e.valueFrom?.secretKeyRef?.name;
      const m = e.valueFrom?.configMapKeyRef?.name;
      if (s) needs.push({ kind: 'Secret', namespace: ns, name: s });
      if (m) needs.push({ kind: 'ConfigMap', namespace: ns, name: m });
    }
    for (const f of c.envFrom ?? []) {
      if (f.secretRef?.name) needs.push({ kind: 'Secret', namespace: ns, name: f.secretRef.name });
      if (f.configMapRef?.name) needs.push({ kind: 'ConfigMap', namespace: ns, name: f.configMapRef.name });
    }
  }
  return needs;
}

export const podRef = (pod: Pod): ObjectRef => refOf(pod);

/** `Deployment shop/cart`, `Node worker-2`: an object named for people. */
export const describe = (ref: ObjectRef | null | undefined): string =>
  ref ? `${ref.kind} ${ref.namespace ? `${ref.namespace}/` : ''}${ref.name}` : 'no workload';
