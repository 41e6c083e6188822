import { type Evidence, refOf } from '../evidence/evidence.ts';
import type { K8sObject, KubeEvent, Pod } from '../evidence/shapes.ts';
import { latestEvent } from '../finding.ts';
import { containersOf, isActive, isPodReady, lastTermination } from './pods.ts';
import { latestRelease, type Release, replicaSetsOf } from './workloads.ts';

/** Pods a ReplicaSet owns. */
const podsOfReplicaSet = (ev: Evidence, rs: K8sObject): Pod[] =>
  ev
    .list('Pod', rs.metadata.namespace)
    .filter((p) =>
      (p.metadata.ownerReferences ?? []).some((o) => o.kind === 'ReplicaSet' && o.name === rs.metadata.name),
    );

export type PodTrouble = 'crash' | 'unready' | 'oom' | 'image' | 'config' | 'pending' | undefined;

/** What keeps a pod from serving, coarse: how it fails decides which pattern owns the cause. */
export function podTrouble(pod: Pod): PodTrouble {
  if (!isActive(pod)) return undefined;
  for (const { status } of containersOf(pod)) {
    const waiting = status?.state?.waiting?.reason ?? '';
    if (/ImagePull|ErrImage|InvalidImageName/.test(waiting)) return 'image';
    if (/CreateContainerConfigError|CreateContainerError/.test(waiting)) return 'config';
    if (lastTermination(status)?.reason === 'OOMKilled') return 'oom';
    if (
      /CrashLoopBackOff|RunContainerError|StartError|ContainerCannotRun/.test(waiting) ||
      (status?.state?.terminated?.exitCode ?? 0) !== 0
    )
      return 'crash';
  }
  if (pod.status?.phase === 'Pending') return 'pending';
  return isPodReady(pod) ? undefined : 'unready';
}

export interface RolloutState {
  /** Undefined when the ReplicaSets were not read: then the Deployment's own status speaks. */
  release?: Release;
  revision: number;
  newPods: Pod[];
  troubled: Pod[];
  /** The deployment controller gave up (Progressing=False, ProgressDeadlineExceeded). */
  deadlineExceeded?: string;
  updated: number;
  desired: number;
  available: number;
  /** Replicas older ReplicaSets still hold: non-zero while a rollout is under way. */
  oldReplicas: number;
  /** The newest ReplicaSet cannot create pods (quota, admission, missing service account). */
  failedCreate?: KubeEvent;
}

/** A Deployment whose latest revision is not (yet) serving, or undefined when the rollout is complete and healthy. */
export function rolloutState(ev: Evidence, deployment: K8sObject): RolloutState | undefined {
  if (deployment.spec?.replicas === 0) return undefined;
  const release = latestRelease(ev, deployment);
  const newPods = (
    release
      ? podsOfReplicaSet(ev, release.current)
      : ev.podsOf({
          kind: 'Deployment',
          namespace: deployment.metadata.namespace,
          name: deployment.metadata.name,
        })
  ).filter(isActive);
  const troubled = newPods.filter((p) => podTrouble(p) !== undefined);
  const progressing = (
    (deployment.status?.conditions ?? []) as {
      type: string;
      status: string;
      reason?: string;
      message?: string;
    }[]
  ).find((c) => c.type === 'Progressing');
  const deadline =
    progressing?.status === 'False' && progressing.reason === 'ProgressDeadlineExceeded'
      ? (progressing.message ?? 'ProgressDeadlineExceeded')
      : undefined;
  const failedCreate = release ? latestEvent(ev, refOf(release.current), ['FailedCreate']) : undefined;
  if (!deadline && !troubled.length && !failedCreate) return undefined;
  const oldReplicas = release
    ? replicaSetsOf(ev, deployment)
        .filter((rs) => rs !== release.current)
        .reduce((n, rs) => n + (rs.spec?.replicas ?? 0), 0)
    : 0;
  return {
    release,
    revision:
      release?.revision ??
      Number(deployment.metadata.annotations?.['deployment.kubernetes.io/revision'] ?? 0),
    newPods,
    troubled,
    deadlineExceeded: deadline,
    updated: deployment.status?.updatedReplicas ?? newPods.length,
    desired: deployment.spec?.replicas ?? 1,
    available: deployment.status?.availableReplicas ?? 0,
    oldReplicas,
    failedCreate,
  };
}
