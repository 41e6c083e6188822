import type { SimClock } from '../../core/clock.ts';
import type { LogStore } from '../../core/logs.ts';
import type { Runtime } from '../../core/runtime.ts';
import type { ObjectStore } from '../../core/store.ts';
import type { KubeObject } from '../../core/types.ts';
import type { NodeImages } from './images.ts';
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
