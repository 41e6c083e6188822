import { ApiError } from '../core/errors.ts';
import { recordEvent } from '../core/events.ts';
import { randomSuffix } from '../core/store.ts';
import type { KubeObject } from '../core/types.ts';
import type { Controller, ControllerContext } from './controller.ts';
import { PODS, REPLICA_SETS } from './kinds.ts';
import { controllerOf, isNamespaceTerminating, writeStatus } from './object-utils.ts';
import { podFromTemplate } from './pod-template.ts';
import { availableSince, deletePodGracefully, isActivePod, isPodAvailable, isPodReady } from './pod-utils.ts';
import { matchesLabels } from './selectors.ts';
import { objectKey, splitKey, WorkQueue } from './work-queue.ts';

const COMPONENT = 'replicaset-controller';
/** As the real controller's burstReplicas: at most this many creations or deletions per sync. */
const BURST = 500;

const PHASE_RANK: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };

/** Scale-down order of the real controller: unscheduled, pending, not ready, ready for less time, restarting, newest. */
function deletionOrder(a: KubeObject, b: KubeObject): number {
  const assigned = (p: KubeObject) => (p.spec?.nodeName ? 1 : 0);
  if (assigned(a) !== assigned(b)) return assigned(a) - assigned(b);
  const phase = (p: KubeObject) => PHASE_RANK[p.status?.phase ?? 'Pending'] ?? 0;
  if (phase(a) !== phase(b)) return phase(a) - phase(b);
  const ready = (p: KubeObject) => (isPodReady(p) ? 1 : 0);
  if (ready(a) !== ready(b)) return ready(a) - ready(b);
  if (ready(a)) {
    const since = (p: KubeObject) => availableSince(p, 0) ?? 0;
    if (since(a) !== since(b)) return since(b) - since(a);
  }
  const restarts = (p: KubeObject) =>
    (p.status?.containerStatuses ?? []).reduce((n: number, c: any) => Math.max(n, c.restartCount ?? 0), 0);
  if (restarts(a) !== restarts(b)) return restarts(b) - restarts(a);
  const created = (p: KubeObject) => Date.parse(p.metadata.creationTimestamp ?? '') || 0;
  return created(b) - created(a);
}

/** Keeps `spec.replicas` pods of each ReplicaSet alive, and its status counts current. */
export const replicaSetController: Controller = {
  name: 'replicaset',
  start({ cluster, index }: ControllerContext) {
    const { store, clock } = cluster;
    const queue = new WorkQueue('replicaset', clock, sync);

    function sync(key: string): void {
      const { namespace, name } = splitKey(key);
      const rs = store.get(REPLICA_SETS, namespace, name);
      if (!rs || store.isFrozen(rs) || rs.metadata.deletionTimestamp) return;
      const uid = rs.metadata.uid;
      const owned = index.podsOwnedBy(uid).filter((p) => controllerOf(p)?.uid === uid);
      const active = owned.filter(isActivePod);
      const wanted = rs.spec?.replicas ?? 1;
      if (active.length < wanted && !isNamespaceTerminating(store, namespace)) {
        for (let i = 0; i < Math.min(wanted - active.length, BURST); i++) active.push(createPod(rs));
      } else if (active.length > wanted) {
        const doomed = [...active].sort(deletionOrder).slice(0, Math.min(active.length - wanted, BURST));
        for (const pod of doomed) {
          deletePodGracefully(store, pod);
          recordEvent(store, {
            involved: rs,
            type: 'Normal',
            reason: 'SuccessfulDelete',
            message: `Deleted pod: ${pod.metadata.name}`,
            component: COMPONENT,
          });
        }
        active.splice(0, active.length, ...active.filter((p) => !doomed.includes(p)));
      }
      updateStatus(rs, active, key);
    }

    function createPod(rs: KubeObject): KubeObject {
      for (let attempt = 0; ; attempt++) {
        try {
          const pod = store.create(
            PODS,
            podFromTemplate(rs, rs.spec?.template, `${rs.metadata.name}-${randomSuffix()}`),
          );
          recordEvent(store, {
            involved: rs,
            type: 'Normal',
            reason: 'SuccessfulCreate',
            message: `Created pod: ${pod.metadata.name}`,
            component: COMPONENT,
          });
          return pod;
        } catch (err) {
          if (!(err instanceof ApiError && err.reason === 'AlreadyExists') || attempt > 3) throw err;
        }
      }
    }

    function updateStatus(rs: KubeObject, active: KubeObject[], key: string): void {
      const now = clock.now();
      const minReady = rs.spec?.minReadySeconds ?? 0;
      const templateLabels = rs.spec?.template?.metadata?.labels ?? {};
      let ready = 0;
      let available = 0;
      let fullyLabeled = 0;
      let nextAvailable = Number.POSITIVE_INFINITY;
      for (const pod of active) {
        if (matchesLabels(templateLabels, pod.metadata.labels)) fullyLabeled++;
        if (!isPodReady(pod)) continue;
        ready++;
        if (isPodAvailable(pod, minReady, now)) available++;
        else nextAvailable = Math.min(nextAvailable, availableSince(pod, minReady) ?? nextAvailable);
      }
      if (Number.isFinite(nextAvailable)) queue.addAfter(key, nextAvailable - now + 1);
      const conditions = (rs.status?.conditions ?? []).filter((c: any) => c.type !== 'ReplicaFailure');
      writeStatus(store, REPLICA_SETS, rs, {
        replicas: active.length,
        ...(fullyLabeled ? { fullyLabeledReplicas: fullyLabeled } : {}),
        ...(ready ? { readyReplicas: ready } : {}),
        ...(available ? { availableReplicas: available } : {}),
        observedGeneration: rs.metadata.generation ?? 1,
        ...(conditions.length ? { conditions } : {}),
      });
    }

    const unsubscribe = store.subscribe(({ rt, object }) => {
      if (rt.kind === 'ReplicaSet') queue.add(objectKey(object.metadata.namespace, object.metadata.name));
      else if (rt.kind === 'Pod') {
        const owner = controllerOf(object);
        if (owner?.kind === 'ReplicaSet') queue.add(objectKey(object.metadata.namespace, owner.name));
      }
    });
    for (const rs of store.list(REPLICA_SETS)) queue.add(objectKey(rs.metadata.namespace, rs.metadata.name));
    return () => {
      unsubscribe();
      queue.stop();
    };
  },
};
