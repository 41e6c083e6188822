import type { Controller, ControllerContext } from './controller.ts';
import { NODES, PODS } from './kinds.ts';
import { WorkQueue } from './work-queue.ts';

/** podgc's quarantine before pods of a vanished node are removed. */
const ORPHAN_GRACE_MS = 40_000;

/** The pod garbage collector: pods bound to a Node that no longer exists are removed (no kubelet will). */
export const podGarbageCollector: Controller = {
  name: 'pod-gc',
  start({ cluster, index }: ControllerContext) {
    const { store, clock } = cluster;
    const queue = new WorkQueue('pod-gc', clock, (node) => {
      if (store.get(NODES, undefined, node)) return;
      for (const pod of index.podsOnNode(node)) store.delete(PODS, pod.metadata.namespace, pod.metadata.name);
    });
    const unsubscribe = store.subscribe(({ type, rt, object }) => {
      if (rt.kind === 'Node' && type === 'DELETED') queue.addAfter(object.metadata.name, ORPHAN_GRACE_MS);
    });
    return () => {
      unsubscribe();
      queue.stop();
    };
  },
};
