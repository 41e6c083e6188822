import { formatBytes, formatCpu, parseQuantity } from '../../kube/quantity.ts';
import type { Evidence } from '../evidence/evidence.ts';
import type { K8sObject, Pod } from '../evidence/shapes.ts';
import { latestEvent, podRef } from '../finding.ts';
import { condition, isActive } from './pods.ts';
import { matchesSelector } from './services.ts';

export interface SchedulingFailure {
  message: string;
  /** `{ count: 2, reason: 'Insufficient memory' }` per clause of "0/3 nodes are available: …". */
  clauses: { count: number; reason: string }[];
  total?: number;
}

/** Why the scheduler cannot place a pending pod, from its PodScheduled condition or FailedScheduling event. */
export function schedulingFailure(ev: Evidence, pod: Pod): SchedulingFailure | undefined {
  if (pod.spec?.nodeName || !isActive(pod)) return undefined;
  const cond = condition(pod, 'PodScheduled');
  const event = latestEvent(ev, podRef(pod), ['FailedScheduling']);
  const message =
    cond?.status === 'False' && cond.reason === 'Unschedulable' && cond.message
      ? cond.message
      : event?.message;
  if (!message) return undefined;
  const head = /(\d+)\/(\d+) nodes are available: ([\s\S]*?)(?:\. preemption:|\.$|$)/.exec(message);
  const clauses = (head?.[3] ?? '')
    .split(/,\s*/)
    .map((c) => /^(\d+) (.+)$/.exec(c.trim()))
    .filter((m) => m !== null)
    .map((m) => ({ count: Number(m[1]), reason: m[2].replace(/\.$/, '') }));
  return { message, clauses, total: head ? Number(head[2]) : undefined };
}

const isResourceClause = (reason: string) => /^Insufficient |^Too many pods/.test(reason);
const isVolumeClause = (reason: string) => /PersistentVolumeClaim|persistentvolumeclaim/.test(reason);

/** What a pod asks for: containers summed, the largest init container counted when larger. */
export function podRequests(pod: Pod): Map<string, number> {
  const sum = new Map<string, number>();
  for (const c of pod.spec.containers) {
    for (const [r, q] of Object.entries(c.resources?.requests ?? c.resources?.limits ?? {})) {
      sum.set(r, (sum.get(r) ?? 0) + (parseQuantity(q) ?? 0));
    }
  }
  for (const c of pod.spec.initContainers ?? []) {
    for (const [r, q] of Object.entries(c.resources?.requests ?? {}))
      sum.set(r, Math.max(sum.get(r) ?? 0, parseQuantity(q) ?? 0));
  }
  return sum;
}

export const formatResource = (resource: string, amount: number) =>
  resource === 'cpu'
    ? formatCpu(amount)
    : resource === 'memory' || resource.includes('storage')
      ? formatBytes(amount)
      : `${amount}`;

/** Free allocatable of a resource on each schedulable, ready node, largest first. */
export function freeOnNodes(
  ev: Evidence,
  resource: string,
): { node: string; free: number; allocatable: number }[] {
  return ev
    .list('Node')
    .filter((n) => !n.spec?.unschedulable)
    .map((n) => {
      const allocatable =
        parseQuantity(n.status?.allocatable?.[resource] ?? n.status?.capacity?.[resource]) ?? 0;
      let used = 0;
      for (const p of ev.podsOn(n.metadata.name)) if (isActive(p)) used += podRequests(p).get(resource) ?? 0;
      return { node: n.metadata.name, free: allocatable - used, allocatable };
    })
    .sort((a, b) => b.free - a.free);
}

/** Node labels required by a pod's nodeSelector that no node carries, as `disktype=ssd`. */
export function unmatchedSelector(ev: Evidence, pod: Pod): string[] {
  const nodes = ev.list('Node');
  return Object.entries(pod.spec.nodeSelector ?? {})
    .filter(([k, v]) => !nodes.some((n) => n.metadata.labels?.[k] === v))
    .map(([k, v]) => `${k}=${v}`);
}

interface NodeSelectorTerm {
  matchExpressions?: { key: string; operator: string; values?: string[] }[];
}

/** Whether any node satisfies the pod's required node affinity. */
export function affinityMatchesNoNode(ev: Evidence, pod: Pod): string | undefined {
  const terms: NodeSelectorTerm[] =
    (
      pod.spec.affinity as {
        nodeAffinity?: {
          requiredDuringSchedulingIgnoredDuringExecution?: { nodeSelectorTerms?: NodeSelectorTerm[] };
        };
      }
    )?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? [];
  if (!terms.length) return undefined;
  const matches = (n: K8sObject) =>
    terms.some((t) => matchesSelector({ matchExpressions: t.matchExpressions ?? [] }, n.metadata.labels));
  if (ev.list('Node').some(matches)) return undefined;
  return terms
    .flatMap((t) => t.matchExpressions ?? [])
    .map((e) => `${e.key} ${e.operator} ${(e.values ?? []).join(',')}`.trim())
    .join('; ');
}

/** Taints on nodes the pod does not tolerate, as `dedicated=gpu:NoSchedule on gpu-1`. */
export function untoleratedTaints(ev: Evidence, pod: Pod): string[] {
  const tolerations = pod.spec.tolerations ?? [];
  const tolerated = (t: { key?: string; value?: string; effect?: string }) =>
    tolerations.some(
      (tol) =>
        (!tol.effect || tol.effect === t.effect) &&
        ((tol.operator === 'Exists' && (!tol.key || tol.key === t.key)) ||
          (tol.key === t.key && (tol.value ?? '') === (t.value ?? ''))),
    );
  const out: string[] = [];
  for (const n of ev.list('Node')) {
    for (const t of (n.spec?.taints ?? []) as { key: string; value?: string; effect: string }[]) {
      if (t.effect === 'PreferNoSchedule' || tolerated(t)) continue;
      out.push(`${t.key}${t.value ? `=${t.value}` : ''}:${t.effect} on ${n.metadata.name}`);
    }
  }
  return out;
}

/** Which kind of reason keeps the pod pending: the one covering most nodes; volume problems are pvc_pending's. */
export function schedulingKind(f: SchedulingFailure): 'resources' | 'constraints' | 'volumes' {
  if (f.clauses.some((c) => isVolumeClause(c.reason)) || /persistentvolumeclaim/i.test(f.message))
    return 'volumes';
  let resources = 0;
  let constraints = 0;
  for (const c of f.clauses) {
    if (isResourceClause(c.reason)) resources += c.count;
    else constraints += c.count;
  }
  if (!f.clauses.length) return /Insufficient|Too many pods/.test(f.message) ? 'resources' : 'constraints';
  return resources >= constraints ? 'resources' : 'constraints';
}

/** Nodes a pod's volumes are pinned to (a PersistentVolume's required node affinity on the hostname). */
export function volumeNodes(ev: Evidence, pod: Pod): string[] {
  const nodes: string[] = [];
  for (const v of pod.spec.volumes ?? []) {
    const claimName = v.persistentVolumeClaim?.claimName;
    const claim = claimName ? ev.get('PersistentVolumeClaim', pod.metadata.namespace, claimName) : undefined;
    const pv = claim?.spec?.volumeName
      ? ev.get('PersistentVolume', undefined, claim.spec.volumeName)
      : undefined;
    const terms: NodeSelectorTerm[] = pv?.spec?.nodeAffinity?.required?.nodeSelectorTerms ?? [];
    for (const e of terms.flatMap((t) => t.matchExpressions ?? [])) {
      if (e.key === 'kubernetes.io/hostname' && e.operator === 'In') nodes.push(...(e.values ?? []));
    }
  }
  return nodes;
}
