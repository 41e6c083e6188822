import type { KubeObject } from '../../core/types.ts';
import type { Controller, ControllerContext } from '../controller.ts';
import { DEPLOYMENTS, REPLICA_SETS } from '../kinds.ts';
import { controllerOf } from '../object-utils.ts';
import { objectKey, splitKey, WorkQueue } from '../work-queue.ts';
import { cleanupHistory } from './revisions.ts';
import { isScalingEvent, rolloutRecreate, rolloutRolling, scaleDeployment } from './rollout.ts';
import type { Rollout } from './rollout-context.ts';
import { isComplete, syncRolloutStatus, syncStatusOnly } from './status.ts';

const hasSelector = (d: KubeObject) => {
  const s = d.spec?.selector;
  return Boolean(s && (Object.keys(s.matchLabels ?? {}).length || (s.matchExpressions ?? []).length));
};

/** Rolls Deployments out through ReplicaSets: revisions, rolling update / recreate, scaling, status. */
export const deploymentController: Controller = {
  name: 'deployment',
  start({ cluster, index }: ControllerContext) {
    const { store, clock } = cluster;
    const queue = new WorkQueue('deployment', clock, sync);

    function sync(key: string): void {
      const { namespace, name } = splitKey(key);
      const d = store.get(DEPLOYMENTS, namespace, name);
      if (!d || store.isFrozen(d) || d.metadata.deletionTimestamp || !hasSelector(d)) return;
      const owned = index
        .dependents(d.metadata.uid, 'ReplicaSet')
        .filter((rs) => controllerOf(rs)?.uid === d.metadata.uid);
      const r: Rollout = {
        store,
        clock,
        deployment: d,
        replicaSets: new Map(owned.map((rs) => [rs.metadata.uid!, rs])),
      };
      if (d.spec?.paused || isScalingEvent(r)) {
        scaleDeployment(r);
        syncStatusOnly(r);
        return;
      }
      if (d.spec?.strategy?.type === 'Recreate') rolloutRecreate(r, index);
      else rolloutRolling(r);
      if (isComplete(r.deployment)) cleanupHistory(r);
      const recheck = syncRolloutStatus(r);
      if (recheck !== undefined) queue.addAfter(key, recheck);
    }

    const enqueueOwner = (obj: KubeObject) => {
      const owner = controllerOf(obj);
      if (owner?.kind === 'Deployment') queue.add(objectKey(obj.metadata.namespace, owner.name));
    };
    const unsubscribe = store.subscribe(({ type, rt, object }) => {
      if (rt.kind === 'Deployment') queue.add(objectKey(object.metadata.namespace, object.metadata.name));
      else if (rt.kind === 'ReplicaSet') enqueueOwner(object);
      else if (rt.kind === 'Pod' && type === 'DELETED') {
        // Recreate waits for old pods to be gone, which no ReplicaSet status change announces.
        const owner = controllerOf(object);
        const rs =
          owner?.kind === 'ReplicaSet'
            ? store.get(REPLICA_SETS, object.metadata.namespace, owner.name)
            : undefined;
        if (rs) enqueueOwner(rs);
      }
    });
    for (const d of store.list(DEPLOYMENTS)) queue.add(objectKey(d.metadata.namespace, d.metadata.name));
    return () => {
      unsubscribe();
      queue.stop();
    };
  },
};
