import { KubeError } from './errors.ts';
import type { Kube, ListOptions, ListResult } from './kube.ts';
import { apiVersionOf, type ResourceType, TYPES } from './resource-types.ts';
import type { DaemonSet, Deployment, ReplicaSet, StatefulSet } from './wire.ts';

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
