import type { SimClock } from '../../core/clock.ts';
import { recordEvent } from '../../core/events.ts';
import type { ObjectStore } from '../../core/store.ts';
import type { KubeObject } from '../../core/types.ts';
import { REPLICA_SETS } from '../kinds.ts';
import { intOrPercent } from '../object-utils.ts';

export const REVISION = 'deployment.kubernetes.io/revision';
export const REVISION_HISTORY = 'deployment.kubernetes.io/revision-history';
export const DESIRED_REPLICAS = 'deployment.kubernetes.io/desired-replicas';
export const MAX_REPLICAS = 'deployment.kubernetes.io/max-replicas';
export const COMPONENT = 'deployment-controller';

/** One sync of one Deployment: the deployment and its ReplicaSets as they are after this sync's writes. */
export interface Rollout {
  store: ObjectStore;
  clock: SimClock;
  deployment: KubeObject;
  replicaSets: Map<string, KubeObject>;
  newUid?: string;
  /** Progressing condition this sync decided on when it created or found the new ReplicaSet. */
  progress?: { reason: string; message: string; onlyIfMissing: boolean };
}

export const desiredReplicas = (d: KubeObject): number => d.spec?.replicas ?? 1;
export const specReplicas = (rs: KubeObject | undefined): number => rs?.spec?.replicas ?? 0;
export const revisionOf = (rs: KubeObject): number =>
  Number.parseInt(rs.metadata.annotations?.[REVISION] ?? '', 10) || 0;
export const isRollingUpdate = (d: KubeObject) =>
  (d.spec?.strategy?.type ?? 'RollingUpdate') === 'RollingUpdate';

export const newReplicaSet = (r: Rollout) => (r.newUid ? r.replicaSets.get(r.newUid) : undefined);
export const oldReplicaSets = (r: Rollout) =>
  [...r.replicaSets.values()].filter((rs) => rs.metadata.uid !== r.newUid);
export const allReplicaSets = (r: Rollout) => [...r.replicaSets.values()];
export const activeReplicaSets = (list: KubeObject[]) => list.filter((rs) => specReplicas(rs) > 0);
export const sumSpecReplicas = (list: KubeObject[]) => list.reduce((n, rs) => n + specReplicas(rs), 0);
export const sumStatus = (list: KubeObject[], field: string) =>
  list.reduce((n, rs) => n + ((rs.status?.[field] as number) ?? 0), 0);
export const byCreation = (a: KubeObject, b: KubeObject) =>
  (Date.parse(a.metadata.creationTimestamp ?? '') || 0) -
    (Date.parse(b.metadata.creationTimestamp ?? '') || 0) || a.metadata.name.localeCompare(b.metadata.name);

/** maxSurge rounds up, maxUnavailable down; both zero would deadlock, so unavailable becomes 1. */
export function fenceposts(d: KubeObject): { surge: number; unavailable: number } {
  if (!isRollingUpdate(d)) return { surge: 0, unavailable: 0 };
  const desired = desiredReplicas(d);
  const params = d.spec?.strategy?.rollingUpdate ?? {};
  const surge = intOrPercent(params.maxSurge ?? '25%', desired, true, 0);
  let unavailable = intOrPercent(params.maxUnavailable ?? '25%', desired, false, 0);
  if (surge === 0 && unavailable === 0) unavailable = 1;
  return { surge, unavailable };
}

export const maxUnavailable = (d: KubeObject) => Math.min(fenceposts(d).unavailable, desiredReplicas(d));

/**
 * Scales a ReplicaSet and stamps the desired/max replica annotations, recording the
 * `Scaled up replica set x from 1 to 3` event the real controller records on the Deployment.
 */
export function scaleReplicaSet(r: Rollout, rs: KubeObject, replicas: number): boolean {
  const d = r.deployment;
  const desired = String(desiredReplicas(d));
  const max = String(desiredReplicas(d) + fenceposts(d).surge);
  const from = specReplicas(rs);
  const annotations = rs.metadata.annotations ?? {};
  if (from === replicas && annotations[DESIRED_REPLICAS] === desired && annotations[MAX_REPLICAS] === max)
    return false;
  const updated = r.store.mutate(REPLICA_SETS, rs.metadata.namespace, rs.metadata.name, (draft) => {
    draft.spec.replicas = replicas;
    draft.metadata.annotations = {
      ...draft.metadata.annotations,
      [DESIRED_REPLICAS]: desired,
      [MAX_REPLICAS]: max,
    };
  });
  r.replicaSets.set(updated.metadata.uid!, updated);
  if (from === replicas) return false;
  recordEvent(r.store, {
    involved: d,
    type: 'Normal',
    reason: 'ScalingReplicaSet',
    message: `Scaled ${replicas > from ? 'up' : 'down'} replica set ${rs.metadata.name} from ${from} to ${replicas}`,
    component: COMPONENT,
  });
  return true;
}
