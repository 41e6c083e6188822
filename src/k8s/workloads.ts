import { isNotFound, KubeError } from './errors.ts';
import type { Kube, ListOptions, ListResult } from './kube.ts';
import { apiVersionOf, type ResourceType, TYPES } from './resource-types.ts';
import type { DaemonSet, Deployment, Pod, ReplicaSet, StatefulSet } from './wire.ts';

export const WORKLOAD_KINDS = ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet'] as const;
export type WorkloadKind = (typeof WORKLOAD_KINDS)[number];
export type Workload = Deployment | StatefulSet | DaemonSet | ReplicaSet;

const TYPE_OF: Record<WorkloadKind, ResourceType> = {
  Deployment: TYPES.deployment,
  StatefulSet: TYPES.statefulSet,
  DaemonSet: TYPES.daemonSet,
  ReplicaSet: TYPES.replicaSet,
};

export const workloadType = (kind: WorkloadKind): ResourceType => TYPE_OF[kind];

export interface WorkloadRef {
  kind: WorkloadKind;
  namespace?: string;
  name: string;
}

/** A workload the way `kubectl get deploy/sts/ds` shows it, plus what is wrong with it. */
export interface WorkloadSummary {
  kind: WorkloadKind;
  namespace: string;
  name: string;
  desired: number;
  ready: number;
  upToDate: number;
  available: number;
  images: string[];
  createdAt?: string;
  /** The Deployment's current revision. */
  revision?: number;
  paused?: boolean;
  /** Conditions that are not as they should be: `Progressing=False ProgressDeadlineExceeded`. */
  problems: string[];
}

export function summarizeWorkload(kind: WorkloadKind, obj: Workload): WorkloadSummary {
  const status = (obj.status ?? {}) as Record<string, any>;
  const spec = (obj.spec ?? {}) as Record<string, any>;
  const daemon = kind === 'DaemonSet';
  const desired = daemon ? (status.desiredNumberScheduled ?? 0) : (spec.replicas ?? 1);
  const revision = obj.metadata?.annotations?.['deployment.kubernetes.io/revision'];
  const problems: string[] = [];
  for (const c of (status.conditions ?? []) as { type: string; status: string; reason?: string }[]) {
    const healthy = c.type === 'ReplicaFailure' ? c.status !== 'True' : c.status === 'True';
    if (!healthy) problems.push(`${c.type}=${c.status}${c.reason ? ` ${c.reason}` : ''}`);
  }
  return {
    kind,
    namespace: obj.metadata?.namespace ?? '',
    name: obj.metadata?.name ?? '',
    desired,
    ready: (daemon ? status.numberReady : status.readyReplicas) ?? 0,
    upToDate: (daemon ? status.updatedNumberScheduled : status.updatedReplicas) ?? 0,
    available: (daemon ? status.numberAvailable : status.availableReplicas) ?? 0,
    images: (spec.template?.spec?.containers ?? []).map((c: { image?: string }) => c.image ?? ''),
    createdAt: obj.metadata?.creationTimestamp,
    revision: revision ? Number(revision) : undefined,
    paused: kind === 'Deployment' ? Boolean(spec.paused) : undefined,
    problems,
  };
}

export const listWorkloads = <T extends Workload>(
  kube: Kube,
  kind: WorkloadKind,
  options: ListOptions,
): Promise<ListResult<T>> => kube.list<T>(TYPE_OF[kind], options);

export const getWorkload = <T extends Workload>(kube: Kube, ref: WorkloadRef): Promise<T> =>
  kube.get<T>(TYPE_OF[ref.kind], ref.namespace, ref.name);

/** The Mutation target of a workload just read: its labels decide label-based policy rules. */
export const workloadTarget = (kube: Kube, kind: WorkloadKind, obj: Workload) => ({
  context: kube.context,
  apiVersion: apiVersionOf(TYPE_OF[kind]),
  kind,
  namespace: obj.metadata?.namespace,
  name: obj.metadata?.name ?? '',
  labels: obj.metadata?.labels ?? {},
});

export function assertScalable(kind: WorkloadKind): void {
  if (kind === 'DaemonSet')
    throw new KubeError(
      'Invalid',
      'a DaemonSet runs one pod per node and cannot be scaled; cordon nodes or change its node selector instead',
    );
}

/** A workload's `matchLabels` as a label-selector string; undefined when it has none. */
export const matchLabelsSelector = (obj: Workload): string | undefined =>
  Object.entries(obj.spec?.selector?.matchLabels ?? {})
    .map(([k, v]) => `${k}=${v}`)
    .join(',') || undefined;

const LOGGABLE_KINDS = ['Deployment', 'StatefulSet', 'DaemonSet'] as const;

/**
 * The pod `kubectl logs deployment/NAME` would read when a log is asked of a workload by name:
 * a running, ready pod first, then the newest. Undefined when no workload of that name has a pod.
 */
export async function podOfWorkload(
  kube: Kube,
  namespace: string | undefined,
  name: string,
): Promise<{ kind: WorkloadKind; pod: Pod } | undefined> {
  for (const kind of LOGGABLE_KINDS) {
    const workload = await getWorkload(kube, { kind, namespace, name }).catch((err) => {
      if (isNotFound(err)) return undefined;
      throw err;
    });
    if (!workload) continue;
    const { items } = await kube.list<Pod>(TYPES.pod, {
      namespace: workload.metadata?.namespace,
      labelSelector: matchLabelsSelector(workload),
    });
    const rank = (p: Pod) =>
      (p.status?.phase === 'Running' ? 2 : 0) +
      (p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ? 1 : 0);
    const [pod] = items.sort(
      (a, b) =>
        rank(b) - rank(a) ||
        (b.metadata?.creationTimestamp ?? '').localeCompare(a.metadata?.creationTimestamp ?? ''),
    );
    return pod ? { kind, pod } : undefined;
  }
  return undefined;
}
