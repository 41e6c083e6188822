import { assertUniqueNames } from '../../registry.ts';
import type { Cluster } from '../core/cluster.ts';
import { ClusterIndex } from './cluster-index.ts';
import type { Controller } from './controller.ts';
import { cronJobController } from './cronjob.ts';
import { daemonSetController } from './daemonset.ts';
import { deploymentController } from './deployment/controller.ts';
import { endpointsController } from './endpoints.ts';
import { eventTtlController } from './event-ttl.ts';
import { garbageCollector } from './garbage-collector.ts';
import { hpaController } from './hpa.ts';
import { jobController } from './job.ts';
import { kubelet } from './kubelet/kubelet.ts';
import { namespaceController } from './namespace.ts';
import { nodeLifecycleController } from './node-lifecycle.ts';
import { nodeStatusController } from './node-status.ts';
import { persistentVolumeController } from './persistent-volumes.ts';
import { podGarbageCollector } from './pod-gc.ts';
import { replicaSetController } from './replicaset.ts';
import { scheduler } from './scheduler/scheduler.ts';
import { statefulSetController } from './statefulset.ts';

export type { Controller, ControllerContext } from './controller.ts';

/** Every control loop the simulated cluster runs, in start order (node status first, so nodes are Ready before pods bind). */
export const CONTROLLERS: readonly Controller[] = [
  nodeStatusController,
  nodeLifecycleController,
  deploymentController,
  replicaSetController,
  statefulSetController,
  daemonSetController,
  jobController,
  cronJobController,
  persistentVolumeController,
  scheduler,
  kubelet,
  endpointsController,
  hpaController,
  garbageCollector,
  podGarbageCollector,
  namespaceController,
  eventTtlController,
];

/** Starts every controller against the cluster; the returned function stops them all (subscriptions and timers). */
export function startControllers(
  cluster: Cluster,
  controllers: readonly Controller[] = CONTROLLERS,
): () => void {
  assertUniqueNames(controllers, 'controller');
  const index = new ClusterIndex(cluster.store);
  const stops = [index.start()];
  for (const controller of controllers) stops.push(controller.start({ cluster, index }));
  return () => {
    for (const stop of stops.reverse()) stop();
  };
}
