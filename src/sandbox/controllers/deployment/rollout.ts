import type { KubeObject } from '../../core/types.ts';
import type { ClusterIndex } from '../cluster-index.ts';
import { isTerminal } from '../pod-utils.ts';
import { newReplicaSetReplicas, syncRevision } from './revisions.ts';
import {
  activeReplicaSets,
  allReplicaSets,
  byCreation,
  DESIRED_REPLICAS,
  desiredReplicas,
  fenceposts,
  isRollingUpdate,
  MAX_REPLICAS,
  maxUnavailable,
  newReplicaSet,
  oldReplicaSets,
  type Rollout,
  scaleReplicaSet,
  specReplicas,
  sumSpecReplicas,
  sumStatus,
} from './rollout-context.ts';

/** A rolling update step: surge the new ReplicaSet, then retire old pods as availability allows. */
export function rolloutRolling(r: Rollout): void {
  syncRevision(r, true);
  if (reconcileNewReplicaSet(r)) return;
  reconcileOldReplicaSets(r);
}

function reconcileNewReplicaSet(r: Rollout): boolean {
  const newRS = newReplicaSet(r);
  if (!newRS) return false;
  const desired = desiredReplicas(r.deployment);
  if (specReplicas(newRS) === desired) return false;
  if (specReplicas(newRS) > desired) return scaleReplicaSet(r, newRS, desired);
  return scaleReplicaSet(r, newRS, newReplicaSetReplicas(r, newRS, oldReplicaSets(r)));
}

function reconcileOldReplicaSets(r: Rollout): boolean {
  const old = activeReplicaSets(oldReplicaSets(r)).sort(byCreation);
  if (sumSpecReplicas(old) === 0) return false;
  const newRS = newReplicaSet(r);
  const minAvailable = desiredReplicas(r.deployment) - maxUnavailable(r.deployment);
  const newUnavailable = specReplicas(newRS) - ((newRS?.status?.availableReplicas as number) ?? 0);
  const maxScaledDown = sumSpecReplicas(allReplicaSets(r)) - minAvailable - newUnavailable;
  if (maxScaledDown <= 0) return false;

  // First retire old pods that are not available anyway: that costs no availability.
  let cleaned = 0;
  for (const rs of old) {
    if (cleaned >= maxScaledDown) break;
    const unhealthy = specReplicas(rs) - ((rs.status?.availableReplicas as number) ?? 0);
    if (specReplicas(rs) === 0 || unhealthy <= 0) continue;
    const count = Math.min(maxScaledDown - cleaned, unhealthy);
    scaleReplicaSet(r, rs, specReplicas(rs) - count);
    cleaned += count;
  }

  const available = sumStatus(allReplicaSets(r), 'availableReplicas');
  let scaledDown = 0;
  if (available > minAvailable) {
    const total = available - minAvailable;
    for (const rs of activeReplicaSets(oldReplicaSets(r)).sort(byCreation)) {
      if (scaledDown >= total) break;
      const count = Math.min(specReplicas(rs), total - scaledDown);
      scaleReplicaSet(r, rs, specReplicas(rs) - count);
      scaledDown += count;
    }
  }
  return cleaned + scaledDown > 0;
}

/** Recreate: every old pod gone (not just scaled down) before the new ReplicaSet scales up. */
export function rolloutRecreate(r: Rollout, index: ClusterIndex): void {
  syncRevision(r, false);
  let scaledDown = false;
  for (const rs of activeReplicaSets(oldReplicaSets(r))) scaledDown = scaleReplicaSet(r, rs, 0) || scaledDown;
  if (scaledDown || oldPodsRunning(r, index)) return;
  if (!newReplicaSet(r)) syncRevision(r, true);
  const newRS = newReplicaSet(r);
  if (newRS) scaleReplicaSet(r, newRS, desiredReplicas(r.deployment));
}

function oldPodsRunning(r: Rollout, index: ClusterIndex): boolean {
  const old = oldReplicaSets(r);
  if (sumStatus(old, 'replicas') > 0) return true;
  return old.some((rs) => index.podsOwnedBy(rs.metadata.uid).some((pod) => !isTerminal(pod)));
}

/** A replicas change not yet seen by the active ReplicaSets (their desired-replicas annotation disagrees). */
export function isScalingEvent(r: Rollout): boolean {
  const desired = String(desiredReplicas(r.deployment));
  return activeReplicaSets(allReplicaSets(r)).some((rs) => {
    const annotated = rs.metadata.annotations?.[DESIRED_REPLICAS];
    return annotated !== undefined && annotated !== desired;
  });
}

/**
 * Scaling a deployment mid-rollout, as the real controller does: one active ReplicaSet takes the
 * whole change; otherwise the change is spread proportionally to each ReplicaSet's size.
 */
export function scaleDeployment(r: Rollout): void {
  syncRevision(r, false);
  const d = r.deployment;
  const desired = desiredReplicas(d);
  const newRS = newReplicaSet(r);
  const active = activeReplicaSets(allReplicaSets(r));
  if (active.length <= 1) {
    const target = active[0] ?? newRS ?? [...oldReplicaSets(r)].sort(byCreation).at(-1);
    if (target) scaleReplicaSet(r, target, desired);
    return;
  }
  if (newRS && isSaturated(d, newRS)) {
    for (const rs of activeReplicaSets(oldReplicaSets(r))) scaleReplicaSet(r, rs, 0);
    return;
  }
  if (!isRollingUpdate(d)) return;
  const allowed = desired === 0 ? 0 : desired + fenceposts(d).surge;
  const toAdd = allowed - sumSpecReplicas(active);
  const sorted = [...active].sort((a, b) =>
    toAdd > 0
      ? specReplicas(b) - specReplicas(a) || byCreation(b, a)
      : specReplicas(b) - specReplicas(a) || byCreation(a, b),
  );
  const sizes = new Map<KubeObject, number>();
  let added = 0;
  for (const rs of sorted) {
    const proportion = toAdd === 0 ? 0 : proportionFor(rs, d, toAdd, added);
    sizes.set(rs, specReplicas(rs) + proportion);
    added += proportion;
  }
  if (toAdd !== 0 && sorted.length) sizes.set(sorted[0], Math.max(0, sizes.get(sorted[0])! + toAdd - added));
  for (const [rs, size] of sizes) scaleReplicaSet(r, rs, size);
}

function isSaturated(d: KubeObject, rs: KubeObject): boolean {
  const desired = desiredReplicas(d);
  return (
    specReplicas(rs) === desired &&
    rs.metadata.annotations?.[DESIRED_REPLICAS] === String(desired) &&
    (rs.status?.availableReplicas ?? 0) === desired
  );
}

function proportionFor(rs: KubeObject, d: KubeObject, toAdd: number, added: number): number {
  if (specReplicas(rs) === 0 || toAdd === added) return 0;
  const desired = desiredReplicas(d);
  let fraction: number;
  if (desired === 0) fraction = -specReplicas(rs);
  else {
    const annotated = Number.parseInt(rs.metadata.annotations?.[MAX_REPLICAS] ?? '', 10);
    const base =
      Number.isNaN(annotated) || annotated === 0 ? (d.status?.replicas ?? specReplicas(rs)) || 1 : annotated;
    fraction = Math.round((specReplicas(rs) * (desired + fenceposts(d).surge)) / base) - specReplicas(rs);
  }
  const allowed = toAdd - added;
  return toAdd > 0 ? Math.min(fraction, allowed) : Math.max(fraction, allowed);
}
