import { RESOURCE_TYPES, type ResourceType, storageKey } from '../core/resources.ts';
import { resourceName } from '../core/store.ts';
import type { Controller, ControllerContext } from './controller.ts';
import { NAMESPACES } from './kinds.ts';
import { type Condition, setCondition } from './object-utils.ts';
import { deletePodGracefully } from './pod-utils.ts';
import { WorkQueue } from './work-queue.ts';

const RECHECK_MS = 1_000;
/** Workload controllers go first, so nothing recreates what is being deleted. */
const FIRST = [
  'Deployment',
  'StatefulSet',
  'DaemonSet',
  'CronJob',
  'Job',
  'ReplicaSet',
  'HorizontalPodAutoscaler',
];

const NAMESPACED: ResourceType[] = RESOURCE_TYPES.filter(
  (t, i) =>
    t.namespaced && !t.virtual && RESOURCE_TYPES.findIndex((u) => storageKey(u) === storageKey(t)) === i,
).sort((a, b) => {
  const rank = (t: ResourceType) =>
    FIRST.includes(t.kind) ? FIRST.indexOf(t.kind) : FIRST.length + (t.kind === 'Event' ? 1 : 0);
  return rank(a) - rank(b);
});

const isTerminating = (ns: any) =>
  Boolean(ns?.metadata.deletionTimestamp) || ns?.status?.phase === 'Terminating';

/**
 * The namespace controller: a Terminating namespace is emptied of every namespaced kind (pods
 * deleted gracefully, so the kubelets stop them), with the real deletion conditions on the way,
 * and is removed once nothing is left.
 */
export const namespaceController: Controller = {
  name: 'namespace',
  start({ cluster }: ControllerContext) {
    const { store, clock } = cluster;
    const queue = new WorkQueue('namespace', clock, sync);

    function sync(name: string): void {
      const ns = store.get(NAMESPACES, undefined, name);
      if (!ns || store.isFrozen(ns) || !isTerminating(ns)) return;
      const remaining: string[] = [];
      for (const rt of NAMESPACED) {
        const items = store.list(rt, name);
        if (!items.length) continue;
        for (const obj of items) {
          if (rt.kind === 'Pod') deletePodGracefully(store, obj);
          else if (store.get(rt, name, obj.metadata.name)) store.delete(rt, name, obj.metadata.name);
        }
        const left = store.list(rt, name).length;
        if (left)
          remaining.push(
            `${resourceName(rt).includes('.') ? resourceName(rt) : `${resourceName(rt)}.`} has ${left} resource instances`,
          );
      }
      if (!remaining.length) {
        store.delete(NAMESPACES, undefined, name);
        return;
      }
      const now = clock.iso();
      let conditions: Condition[] = ns.status?.conditions ?? [];
      const set = (type: string, status: string, reason: string, message: string) => {
        conditions = setCondition(conditions, { type, status, reason, message }, now);
      };
      set(
        'NamespaceDeletionDiscoveryFailure',
        'False',
        'ResourcesDiscovered',
        'All resources successfully discovered',
      );
      set(
        'NamespaceDeletionGroupVersionParsingFailure',
        'False',
        'ParsedGroupVersions',
        'All legacy kube types successfully parsed',
      );
      set(
        'NamespaceDeletionContentFailure',
        'False',
        'ContentDeleted',
        'All content successfully deleted, may be waiting on finalization',
      );
      set(
        'NamespaceContentRemaining',
        'True',
        'SomeResourcesRemain',
        `Some resources are remaining: ${remaining.join(', ')}`,
      );
      set(
        'NamespaceFinalizersRemaining',
        'False',
        'ContentHasNoFinalizers',
        'All content-preserving finalizers finished',
      );
      const status = { ...ns.status, phase: 'Terminating', conditions };
      if (JSON.stringify(status) !== JSON.stringify(ns.status)) {
        store.mutate(NAMESPACES, undefined, name, (draft) => {
          draft.status = status;
        });
      }
      queue.addAfter(name, RECHECK_MS);
    }

    const unsubscribe = store.subscribe(({ type, rt, object }) => {
      if (rt.kind === 'Namespace' && type !== 'DELETED' && isTerminating(object))
        queue.add(object.metadata.name);
      else if (
        type === 'DELETED' &&
        object.metadata.namespace &&
        isTerminating(store.get(NAMESPACES, undefined, object.metadata.namespace))
      ) {
        queue.add(object.metadata.namespace);
      }
    });
    for (const ns of store.list(NAMESPACES)) if (isTerminating(ns)) queue.add(ns.metadata.name);
    return () => {
      unsubscribe();
      queue.stop();
    };
  },
};
