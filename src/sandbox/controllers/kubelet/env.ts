import type { SimClock } from '../../core/clock.ts';
import type { Cluster } from '../../core/cluster.ts';
import { recordEvent } from '../../core/events.ts';
import type { LogStore } from '../../core/logs.ts';
import type { Runtime } from '../../core/runtime.ts';
import type { ObjectStore } from '../../core/store.ts';
import type { KubeObject } from '../../core/types.ts';
import { NodeImages } from './images.ts';
import type { ContainerState } from './state.ts';

/** What the container state machine needs from the kubelet around it. */
export interface KubeletEnv {
  store: ObjectStore;
  clock: SimClock;
  runtime: Runtime;
  logs: LogStore;
  images: NodeImages;
  /** Records a kubelet event on the pod, with the container's fieldPath when given. */
  event(
    pod: KubeObject,
    container: ContainerState | undefined,
    type: 'Normal' | 'Warning',
    reason: string,
    message: string,
  ): void;
}

/** The env over a cluster; `runtime` is read through, since the server installs its runtime after creating the cluster. */
export function createKubeletEnv(cluster: Cluster): KubeletEnv {
  const { store, clock, logs } = cluster;
  return {
    store,
    clock,
    logs,
    images: new NodeImages(),
    get runtime() {
      return cluster.runtime;
    },
    event(pod, container, type, reason, message) {
      recordEvent(store, {
        involved: pod,
        type,
        reason,
        message,
        component: 'kubelet',
        host: pod.spec?.nodeName,
        ...(container
          ? { fieldPath: `spec.${container.init ? 'initContainers' : 'containers'}{${container.name}}` }
          : {}),
      });
    },
  };
}
