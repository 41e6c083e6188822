import { parseQuantity } from '../../kube/quantity.ts';
import type { ObjectStore } from '../core/store.ts';
import type { KubeObject } from '../core/types.ts';
import { PODS } from './kinds.ts';
import { findCondition } from './object-utils.ts';

export const isTerminal = (pod: KubeObject) =>
  pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';

export const isTerminating = (pod: KubeObject) => Boolean(pod.metadata.deletionTimestamp);

/** A pod a workload controller counts: not being deleted and not finished. */
export const isActivePod = (pod: KubeObject) => !isTerminal(pod) && !isTerminating(pod);

export const isPodReady = (pod: KubeObject) =>
  findCondition(pod.status?.conditions, 'Ready')?.status === 'True';

/** When the pod counts as available: ready for `minReadySeconds`; undefined while not ready. */
export function availableSince(pod: KubeObject, minReadySeconds: number): number | undefined {
  const ready = findCondition(pod.status?.conditions, 'Ready');
  if (ready?.status !== 'True') return undefined;
  const since = Date.parse(ready.lastTransitionTime ?? '');
  return (Number.isNaN(since) ? 0 : since) + minReadySeconds * 1000;
}

export function isPodAvailable(pod: KubeObject, minReadySeconds: number, now: number): boolean {
  const at = availableSince(pod, minReadySeconds);
  return at !== undefined && (minReadySeconds === 0 || at <= now);
}

/** `name_namespace(uid)`, as the kubelet names a pod in messages. */
export const podFullName = (pod: KubeObject) =>
  `${pod.metadata.name}_${pod.metadata.namespace}(${pod.metadata.uid})`;

/**
 * Deletes a pod the way the API server does for a graceful DELETE: an unbound pod goes at once,
 * a bound one gets deletionTimestamp (now + grace) and the kubelet removes it.
 */
export function deletePodGracefully(store: ObjectStore, pod: KubeObject, graceSeconds?: number): void {
  const { namespace, name } = pod.metadata;
  if (pod.metadata.deletionTimestamp) return;
  const grace = graceSeconds ?? pod.spec?.terminationGracePeriodSeconds ?? 30;
  if (!pod.spec?.nodeName || grace === 0 || isTerminal(pod)) {
    store.delete(PODS, namespace, name);
    return;
  }
  store.mutate(PODS, namespace, name, (draft) => {
    draft.metadata.deletionTimestamp = store.clock.iso(store.clock.now() + grace * 1000);
    draft.metadata.deletionGracePeriodSeconds = grace;
  });
}

export interface Resources {
  cpu: number;
  memory: number;
}

const containerRequest = (c: any, resource: 'cpu' | 'memory') =>
  parseQuantity(c?.resources?.requests?.[resource]) ?? parseQuantity(c?.resources?.limits?.[resource]) ?? 0;

/** Effective requests: the larger of the containers' sum and the largest init container, plus overhead. */
export function podRequests(spec: any): Resources {
  const total: Resources = { cpu: 0, memory: 0 };
  for (const c of spec?.containers ?? []) {
    total.cpu += containerRequest(c, 'cpu');
    total.memory += containerRequest(c, 'memory');
  }
  for (const c of spec?.initContainers ?? []) {
    total.cpu = Math.max(total.cpu, containerRequest(c, 'cpu'));
    total.memory = Math.max(total.memory, containerRequest(c, 'memory'));
  }
  total.cpu += parseQuantity(spec?.overhead?.cpu) ?? 0;
  total.memory += parseQuantity(spec?.overhead?.memory) ?? 0;
  return total;
}

export type QosClass = 'Guaranteed' | 'Burstable' | 'BestEffort';

export function qosClass(spec: any): QosClass {
  const containers = [...(spec?.containers ?? []), ...(spec?.initContainers ?? [])];
  let any = false;
  let guaranteed = true;
  for (const c of containers) {
    const requests = c?.resources?.requests ?? {};
    const limits = c?.resources?.limits ?? {};
    if (Object.keys(requests).length || Object.keys(limits).length) any = true;
    for (const r of ['cpu', 'memory']) {
      const limit = parseQuantity(limits[r]);
      const request = parseQuantity(requests[r]) ?? limit;
      if (limit === undefined || request !== limit) guaranteed = false;
    }
  }
  if (!any) return 'BestEffort';
  return guaranteed ? 'Guaranteed' : 'Burstable';
}
