import type { KubeObject } from '../../core/types.ts';
import { DEPLOYMENTS } from '../kinds.ts';
import { type Condition, findCondition, writeStatus } from '../object-utils.ts';
import {
  allReplicaSets,
  desiredReplicas,
  maxUnavailable,
  newReplicaSet,
  type Rollout,
  sumSpecReplicas,
  sumStatus,
} from './rollout-context.ts';

const NO_DEADLINE = 2147483647;

/** SetDeploymentCondition: same status and reason changes nothing; same status keeps lastTransitionTime; the changed condition moves last. */
function setCondition(conditions: Condition[], next: Condition): Condition[] {
  const current = findCondition(conditions, next.type);
  if (current && current.status === next.status && current.reason === next.reason) return conditions;
  const merged = { ...next };
  if (current && current.status === next.status) merged.lastTransitionTime = current.lastTransitionTime;
  return [...conditions.filter((c) => c.type !== next.type), merged];
}

function calculateStatus(r: Rollout, now: string): any {
  const d = r.deployment;
  const all = allReplicaSets(r);
  const newRS = newReplicaSet(r);
  const available = sumStatus(all, 'availableReplicas');
  const unavailable = Math.max(0, sumSpecReplicas(all) - available);
  const status: any = {
    observedGeneration: d.metadata.generation ?? 1,
    replicas: sumStatus(all, 'replicas'),
    updatedReplicas: newRS ? ((newRS.status?.replicas as number) ?? 0) : 0,
    readyReplicas: sumStatus(all, 'readyReplicas'),
    availableReplicas: available,
    unavailableReplicas: unavailable,
    conditions: [...(d.status?.conditions ?? [])],
  };
  for (const k of [
    'replicas',
    'updatedReplicas',
    'readyReplicas',
    'availableReplicas',
    'unavailableReplicas',
  ]) {
    if (status[k] === 0) delete status[k];
  }
  if (d.status?.collisionCount) status.collisionCount = d.status.collisionCount;
  const minimum = available >= desiredReplicas(d) - maxUnavailable(d);
  status.conditions = setCondition(
    status.conditions,
    minimum
      ? condition(
          'Available',
          'True',
          'MinimumReplicasAvailable',
          'Deployment has minimum availability.',
          now,
        )
      : condition(
          'Available',
          'False',
          'MinimumReplicasUnavailable',
          'Deployment does not have minimum availability.',
          now,
        ),
  );
  return status;
}

const condition = (
  type: string,
  status: string,
  reason: string,
  message: string,
  now: string,
): Condition => ({
  type,
  status,
  lastUpdateTime: now,
  lastTransitionTime: now,
  reason,
  message,
});

const num = (status: any, k: string): number => status?.[k] ?? 0;

/** Status only, for paused deployments and scaling events (no progress accounting). */
export function syncStatusOnly(r: Rollout): void {
  const now = r.clock.iso();
  const status = calculateStatus(r, now);
  applyPausedCondition(r.deployment, status, now);
  applyProgressFromSync(r, status, now);
  r.deployment = writeStatus(r.store, DEPLOYMENTS, r.deployment, status);
}

/** checkPausedConditions: Progressing Unknown DeploymentPaused / DeploymentResumed, never over a timeout. */
function applyPausedCondition(d: KubeObject, status: any, now: string): void {
  if (d.spec?.progressDeadlineSeconds === NO_DEADLINE) return;
  const cond = findCondition(status.conditions, 'Progressing');
  if (cond?.reason === 'ProgressDeadlineExceeded') return;
  const pausedShown = cond?.reason === 'DeploymentPaused';
  if (d.spec?.paused && !pausedShown) {
    status.conditions = setCondition(
      status.conditions,
      condition('Progressing', 'Unknown', 'DeploymentPaused', 'Deployment is paused', now),
    );
  } else if (!d.spec?.paused && pausedShown) {
    status.conditions = setCondition(
      status.conditions,
      condition('Progressing', 'Unknown', 'DeploymentResumed', 'Deployment is resumed', now),
    );
  }
}

function applyProgressFromSync(r: Rollout, status: any, now: string): void {
  if (!r.progress || r.deployment.spec?.progressDeadlineSeconds === NO_DEADLINE) return;
  if (r.progress.onlyIfMissing && findCondition(status.conditions, 'Progressing')) return;
  status.conditions = setCondition(
    status.conditions,
    condition('Progressing', 'True', r.progress.reason, r.progress.message, now),
  );
}

/**
 * syncRolloutStatus: status plus the Progressing condition — NewReplicaSetAvailable when complete,
 * ReplicaSetUpdated whenever a count moved forward (refreshing lastUpdateTime), and
 * ProgressDeadlineExceeded once progressDeadlineSeconds pass without progress. Returns how long
 * until the deadline should be checked again (sim ms), if it should.
 */
export function syncRolloutStatus(r: Rollout): number | undefined {
  const d = r.deployment;
  const nowMs = r.clock.now();
  const now = r.clock.iso(nowMs);
  const status = calculateStatus(r, now);
  applyPausedCondition(d, status, now);
  applyProgressFromSync(r, status, now);
  const deadline = d.spec?.progressDeadlineSeconds ?? 600;
  const newRS = newReplicaSet(r);
  let recheck: number | undefined;
  if (deadline === NO_DEADLINE) {
    status.conditions = status.conditions.filter((c: Condition) => c.type !== 'Progressing');
  } else if (newRS) {
    const current = findCondition(status.conditions, 'Progressing');
    const desired = desiredReplicas(d);
    const complete =
      num(status, 'updatedReplicas') === desired &&
      num(status, 'replicas') === desired &&
      num(status, 'availableReplicas') === desired;
    const alreadyComplete =
      num(status, 'replicas') === num(status, 'updatedReplicas') &&
      current?.reason === 'NewReplicaSetAvailable';
    const old = d.status ?? {};
    const progressed =
      num(status, 'updatedReplicas') > num(old, 'updatedReplicas') ||
      num(status, 'replicas') - num(status, 'updatedReplicas') <
        num(old, 'replicas') - num(old, 'updatedReplicas') ||
      num(status, 'readyReplicas') > num(old, 'readyReplicas') ||
      num(status, 'availableReplicas') > num(old, 'availableReplicas');
    const name = newRS.metadata.name;
    if (!alreadyComplete) {
      if (complete) {
        status.conditions = setCondition(
          status.conditions,
          condition(
            'Progressing',
            'True',
            'NewReplicaSetAvailable',
            `ReplicaSet "${name}" has successfully progressed.`,
            now,
          ),
        );
      } else if (progressed) {
        const next = condition(
          'Progressing',
          'True',
          'ReplicaSetUpdated',
          `ReplicaSet "${name}" is progressing.`,
          now,
        );
        if (current?.status === 'True' && current.lastTransitionTime)
          next.lastTransitionTime = current.lastTransitionTime;
        status.conditions = [...status.conditions.filter((c: Condition) => c.type !== 'Progressing'), next];
      } else if (current && current.reason !== 'ProgressDeadlineExceeded') {
        const since = Date.parse(current.lastUpdateTime ?? current.lastTransitionTime ?? '') || nowMs;
        if (since + deadline * 1000 < nowMs) {
          status.conditions = setCondition(
            status.conditions,
            condition(
              'Progressing',
              'False',
              'ProgressDeadlineExceeded',
              `ReplicaSet "${name}" has timed out progressing.`,
              now,
            ),
          );
        } else {
          recheck = since + deadline * 1000 - nowMs + 1000;
        }
      }
      const after = findCondition(status.conditions, 'Progressing');
      if (
        recheck === undefined &&
        after &&
        after.reason !== 'NewReplicaSetAvailable' &&
        after.reason !== 'ProgressDeadlineExceeded'
      ) {
        const since = Date.parse(after.lastUpdateTime ?? '') || nowMs;
        recheck = Math.max(1000, since + deadline * 1000 - nowMs + 1000);
      }
    }
  }
  r.deployment = writeStatus(r.store, DEPLOYMENTS, d, status);
  return recheck;
}

export function isComplete(d: KubeObject): boolean {
  const desired = desiredReplicas(d);
  const s = d.status ?? {};
  return (
    num(s, 'updatedReplicas') === desired &&
    num(s, 'replicas') === desired &&
    num(s, 'availableReplicas') === desired &&
    (s.observedGeneration ?? 0) >= (d.metadata.generation ?? 1)
  );
}
