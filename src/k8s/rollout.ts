import { isDeepStrictEqual } from 'node:util';
import type { Operation } from '../policy/operation.ts';
import { KubeError } from './errors.ts';
import type { Kube } from './kube.ts';
import { TYPES } from './resource-types.ts';
import type { Deployment, PodTemplate, ReplicaSet } from './wire.ts';
import { matchLabelsSelector, workloadTarget } from './workloads.ts';

const REVISION = 'deployment.kubernetes.io/revision';
const CHANGE_CAUSE = 'kubernetes.io/change-cause';
const HASH_LABEL = 'pod-template-hash';
/** Annotations that describe the Deployment itself, not a revision: kubectl keeps them across an undo. */
const KEPT_ON_UNDO = new Set([
  'kubectl.kubernetes.io/last-applied-configuration',
  REVISION,
  'deployment.kubernetes.io/revision-history',
  'deployment.kubernetes.io/desired-replicas',
  'deployment.kubernetes.io/max-replicas',
  'deprecated.deployment.rollback.to',
]);

export interface Revision {
  revision: number;
  replicaSet: string;
  images: string[];
  changeCause?: string;
  createdAt?: string;
  replicas: number;
  current: boolean;
}

const revisionOf = (obj: { metadata?: { annotations?: Record<string, string> } }): number =>
  Number(obj.metadata?.annotations?.[REVISION] ?? 0);

/** The ReplicaSets a Deployment controls (by owner UID, as kubectl does), oldest revision first. */
async function replicaSetsOf(kube: Kube, deployment: Deployment): Promise<ReplicaSet[]> {
  const { items } = await kube.list<ReplicaSet>(TYPES.replicaSet, {
    namespace: deployment.metadata?.namespace,
    labelSelector: matchLabelsSelector(deployment),
  });
  return items
    .filter((rs) =>
      rs.metadata?.ownerReferences?.some((r) => r.controller && r.uid === deployment.metadata?.uid),
    )
    .sort((a, b) => revisionOf(a) - revisionOf(b));
}

/** `kubectl rollout history`: one entry per revision still kept. */
export async function rolloutHistory(
  kube: Kube,
  namespace: string | undefined,
  name: string,
): Promise<Revision[]> {
  const deployment = await kube.get<Deployment>(TYPES.deployment, namespace, name);
  const current = revisionOf(deployment);
  return (await replicaSetsOf(kube, deployment)).map((rs) => ({
    revision: revisionOf(rs),
    replicaSet: rs.metadata?.name ?? '',
    images: (rs.spec?.template?.spec?.containers ?? []).map((c) => c.image ?? ''),
    changeCause: rs.metadata?.annotations?.[CHANGE_CAUSE],
    createdAt: rs.metadata?.creationTimestamp,
    replicas: rs.status?.replicas ?? 0,
    current: revisionOf(rs) === current,
  }));
}

const withoutHash = (template: PodTemplate | undefined): PodTemplate => {
  const labels = { ...template?.metadata?.labels };
  delete labels[HASH_LABEL];
  return { ...template, metadata: { ...template?.metadata, labels } };
};

export interface RollbackResult {
  from: number;
  to: number;
  images: string[];
  /** The current template already was that revision's: nothing was sent. */
  skipped: boolean;
}

/**
 * `kubectl rollout undo`: the Deployment gets the pod template of the ReplicaSet with the wanted
 * revision (default: the one before the current) by JSON patch of /spec/template and the annotations.
 */
export async function rollbackOperation(
  kube: Kube,
  namespace: string | undefined,
  name: string,
  toRevision: number | undefined,
  requestedBy: string,
): Promise<Operation<RollbackResult>> {
  const deployment = await kube.get<Deployment>(TYPES.deployment, namespace, name);
  if (deployment.spec?.paused)
    throw new KubeError('Invalid', `deployment ${name} is paused; resume it before rolling back`);
  const current = revisionOf(deployment);
  const sets = await replicaSetsOf(kube, deployment);
  const wanted = toRevision ?? Math.max(0, ...sets.map(revisionOf).filter((r) => r < current));
  const rs = wanted > 0 ? sets.find((s) => revisionOf(s) === wanted) : undefined;
  if (!rs) {
    const known = sets.map(revisionOf).join(', ') || 'none';
    throw new KubeError(
      'NotFound',
      toRevision === undefined
        ? `deployment ${name} has no revision before ${current} to roll back to (revisions kept: ${known})`
        : `deployment ${name} has no revision ${toRevision} (revisions kept: ${known})`,
    );
  }
  const template = withoutHash(rs.spec?.template);
  const images = (template.spec?.containers ?? []).map((c) => c.image ?? '');
  const target = workloadTarget(kube, 'Deployment', deployment);
  return {
    mutation: {
      verb: 'rollback',
      target,
      params: { toRevision: wanted, fromRevision: current },
      inverse: {
        verb: 'rollback',
        target,
        params: { toRevision: current, fromRevision: wanted },
        requestedBy,
      },
      requestedBy,
    },
    async perform(permit) {
      if (isDeepStrictEqual(withoutHash(deployment.spec?.template), template))
        return { from: current, to: wanted, images, skipped: true };
      const annotations: Record<string, string> = {};
      for (const [k, v] of Object.entries(deployment.metadata?.annotations ?? {}))
        if (KEPT_ON_UNDO.has(k)) annotations[k] = v;
      for (const [k, v] of Object.entries(rs.metadata?.annotations ?? {}))
        if (!KEPT_ON_UNDO.has(k)) annotations[k] = v;
      const patch = [
        { op: 'replace', path: '/spec/template', value: template },
        { op: 'replace', path: '/metadata/annotations', value: annotations },
      ];
      await kube.patch(permit, TYPES.deployment, namespace, name, patch, 'json');
      return { from: current, to: wanted, images, skipped: false };
    },
  };
}
