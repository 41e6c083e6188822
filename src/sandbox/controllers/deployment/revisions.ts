import { ApiError } from '../../core/errors.ts';
import { recordEvent } from '../../core/events.ts';
import type { KubeObject } from '../../core/types.ts';
import { DEPLOYMENTS, REPLICA_SETS } from '../kinds.ts';
import { controllerOf, controllerRefTo, isControlledBy } from '../object-utils.ts';
import { POD_TEMPLATE_HASH, sameTemplateIgnoringHash, templateHash } from '../template-hash.ts';
import {
  allReplicaSets,
  byCreation,
  COMPONENT,
  DESIRED_REPLICAS,
  desiredReplicas,
  fenceposts,
  isRollingUpdate,
  MAX_REPLICAS,
  REVISION,
  REVISION_HISTORY,
  type Rollout,
  revisionOf,
  specReplicas,
  sumSpecReplicas,
} from './rollout-context.ts';

/** Deployment annotations that are the controller's own and never copied onto a ReplicaSet. */
const NOT_COPIED = new Set([
  'kubectl.kubernetes.io/last-applied-configuration',
  REVISION,
  REVISION_HISTORY,
  DESIRED_REPLICAS,
  MAX_REPLICAS,
  'deprecated.deployment.rollback.to',
]);

/** How many replicas a brand-new (or newly found) ReplicaSet may have right now. */
export function newReplicaSetReplicas(r: Rollout, newRS: KubeObject, others: KubeObject[]): number {
  const d = r.deployment;
  if (!isRollingUpdate(d)) return desiredReplicas(d);
  const current = sumSpecReplicas([...others, newRS]);
  const maxTotal = desiredReplicas(d) + fenceposts(d).surge;
  if (current >= maxTotal) return specReplicas(newRS);
  return specReplicas(newRS) + Math.min(maxTotal - current, desiredReplicas(d) - specReplicas(newRS));
}

/**
 * The annotations the real controller keeps on the new ReplicaSet: the deployment's own (e.g.
 * kubernetes.io/change-cause), the revision — moved to max+1 when an old ReplicaSet becomes new
 * again (rollback), remembering the old number in revision-history.
 */
function newReplicaSetAnnotations(
  d: KubeObject,
  rs: KubeObject,
  newRevision: number,
  fresh: boolean,
): Record<string, string> {
  const annotations: Record<string, string> = { ...(rs.metadata.annotations ?? {}) };
  for (const [k, v] of Object.entries(d.metadata.annotations ?? {}))
    if (!NOT_COPIED.has(k)) annotations[k] = v;
  const oldRevision = annotations[REVISION];
  const old = Number.parseInt(oldRevision ?? '', 10) || 0;
  if (old < newRevision) {
    annotations[REVISION] = String(newRevision);
    if (oldRevision) {
      const history = annotations[REVISION_HISTORY];
      annotations[REVISION_HISTORY] = history ? `${history},${oldRevision}` : oldRevision;
    }
  }
  if (fresh) {
    annotations[DESIRED_REPLICAS] = String(desiredReplicas(d));
    annotations[MAX_REPLICAS] = String(desiredReplicas(d) + fenceposts(d).surge);
  }
  return annotations;
}

/**
 * getAllReplicaSetsAndSyncRevision: finds the ReplicaSet whose template equals the deployment's
 * (ignoring pod-template-hash; the oldest when several do), brings its revision up to date, and
 * creates it when asked and missing. Records the deployment's revision annotation.
 */
export function syncRevision(r: Rollout, createIfMissing: boolean): void {
  const d = r.deployment;
  const matching = allReplicaSets(r)
    .filter((rs) => sameTemplateIgnoringHash(rs.spec?.template, d.spec?.template))
    .sort(byCreation);
  const existing = matching[0];
  const old = allReplicaSets(r).filter((rs) => rs !== existing);
  const newRevision = Math.max(0, ...old.map(revisionOf)) + 1;
  let newRS: KubeObject | undefined;
  if (existing) {
    const annotations = newReplicaSetAnnotations(d, existing, newRevision, false);
    const minReady = d.spec?.minReadySeconds ?? 0;
    newRS = existing;
    if (
      JSON.stringify(annotations) !== JSON.stringify(existing.metadata.annotations ?? {}) ||
      (existing.spec?.minReadySeconds ?? 0) !== minReady
    ) {
      newRS = r.store.mutate(REPLICA_SETS, existing.metadata.namespace, existing.metadata.name, (draft) => {
        draft.metadata.annotations = annotations;
        draft.spec.minReadySeconds = minReady;
      });
    }
    r.progress = {
      reason: 'FoundNewReplicaSet',
      message: `Found new replica set "${newRS.metadata.name}"`,
      onlyIfMissing: true,
    };
  } else if (createIfMissing) {
    newRS = createReplicaSet(r, old, newRevision);
    r.progress = {
      reason: 'NewReplicaSetCreated',
      message: `Created new replica set "${newRS.metadata.name}"`,
      onlyIfMissing: false,
    };
  }
  if (!newRS) return;
  r.replicaSets.set(newRS.metadata.uid!, newRS);
  r.newUid = newRS.metadata.uid;
  const revision = newRS.metadata.annotations?.[REVISION];
  if (revision && d.metadata.annotations?.[REVISION] !== revision) {
    r.deployment = r.store.mutate(DEPLOYMENTS, d.metadata.namespace, d.metadata.name, (draft) => {
      draft.metadata.annotations = { ...draft.metadata.annotations, [REVISION]: revision };
    });
  }
}

function createReplicaSet(r: Rollout, old: KubeObject[], revision: number): KubeObject {
  const d = r.deployment;
  const hash = templateHash(d.spec?.template, d.status?.collisionCount ?? 0);
  const template = structuredClone(d.spec?.template ?? {});
  template.metadata = {
    ...template.metadata,
    labels: { ...template.metadata?.labels, [POD_TEMPLATE_HASH]: hash },
  };
  const selector = structuredClone(d.spec?.selector ?? {});
  selector.matchLabels = { ...selector.matchLabels, [POD_TEMPLATE_HASH]: hash };
  const rs: KubeObject = {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name: `${d.metadata.name}-${hash}`,
      namespace: d.metadata.namespace,
      labels: { ...template.metadata.labels },
      ownerReferences: [controllerRefTo(d)],
    },
    spec: { replicas: 0, minReadySeconds: d.spec?.minReadySeconds ?? 0, selector, template },
  };
  rs.spec.replicas = newReplicaSetReplicas(r, rs, old);
  rs.metadata.annotations = newReplicaSetAnnotations(d, rs, revision, true);
  let created: KubeObject;
  try {
    created = r.store.create(REPLICA_SETS, rs);
  } catch (err) {
    if (!(err instanceof ApiError && err.reason === 'AlreadyExists')) throw err;
    return claimExisting(r, rs.metadata.name);
  }
  if (rs.spec.replicas > 0) {
    recordEvent(r.store, {
      involved: d,
      type: 'Normal',
      reason: 'ScalingReplicaSet',
      message: `Scaled up replica set ${created.metadata.name} from 0 to ${rs.spec.replicas}`,
      component: COMPONENT,
    });
  }
  return created;
}

/**
 * A ReplicaSet of the new name already exists: ours (or an orphan) with the same template is the
 * new one; anything else is a hash collision, which bumps status.collisionCount for a new name.
 */
function claimExisting(r: Rollout, name: string): KubeObject {
  const d = r.deployment;
  const existing = r.store.mustGet(REPLICA_SETS, d.metadata.namespace, name);
  const sameTemplate = sameTemplateIgnoringHash(existing.spec?.template, d.spec?.template);
  if (sameTemplate && isControlledBy(existing, d)) return existing;
  if (sameTemplate && !controllerOf(existing)) {
    return r.store.mutate(REPLICA_SETS, d.metadata.namespace, name, (draft) => {
      draft.metadata.ownerReferences = [...(draft.metadata.ownerReferences ?? []), controllerRefTo(d)];
    });
  }
  r.store.mutate(DEPLOYMENTS, d.metadata.namespace, d.metadata.name, (draft) => {
    draft.status = { ...draft.status, collisionCount: (draft.status?.collisionCount ?? 0) + 1 };
  });
  throw new ApiError(409, 'AlreadyExists', `replicasets.apps "${name}" already exists (hash collision)`);
}

/** Deletes the oldest fully scaled-down ReplicaSets beyond revisionHistoryLimit. */
export function cleanupHistory(r: Rollout): void {
  const limit = r.deployment.spec?.revisionHistoryLimit ?? 10;
  const cleanable = allReplicaSets(r)
    .filter((rs) => rs.metadata.uid !== r.newUid && !rs.metadata.deletionTimestamp)
    .filter((rs) => specReplicas(rs) === 0 && (rs.status?.replicas ?? 0) === 0)
    .filter((rs) => (rs.status?.observedGeneration ?? 0) >= (rs.metadata.generation ?? 1))
    .sort((a, b) => revisionOf(a) - revisionOf(b) || byCreation(a, b));
  for (const rs of cleanable.slice(0, Math.max(0, cleanable.length - limit))) {
    r.store.delete(REPLICA_SETS, rs.metadata.namespace, rs.metadata.name);
    r.replicaSets.delete(rs.metadata.uid!);
  }
}
