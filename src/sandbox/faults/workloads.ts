import { rt } from '../core/resources.ts';
import type { ContainerSpec } from '../core/runtime.ts';
import type { ObjectStore } from '../core/store.ts';
import type { KubeObject } from '../core/types.ts';
import { workloadKey } from '../runtime/effects.ts';
import { isPodReady } from '../runtime/topology.ts';
import { kindOf } from './targets.ts';
import { badRequest, type Target } from './types.ts';

/** Shared observations and edits on the workloads faults aim at. */

const POD = rt('Pod');

export const keyOf = (t: Target) => workloadKey(t.namespace ?? '', kindOf(t.kind), t.name);

/** The workload as it is now (targets are resolved once; the store moves on). */
export const current = (store: ObjectStore, t: Target): KubeObject | undefined =>
  store.get(rt(kindOf(t.kind)), t.namespace, t.name);

function selects(selector: any, labels: Record<string, string> = {}): boolean {
  if (!selector) return false;
  for (const [k, v] of Object.entries(selector.matchLabels ?? {})) if (labels[k] !== v) return false;
  for (const e of selector.matchExpressions ?? []) {
    const has = e.key in labels;
    if (e.operator === 'In' && !(has && e.values.includes(labels[e.key]))) return false;
    if (e.operator === 'NotIn' && has && e.values.includes(labels[e.key])) return false;
    if (e.operator === 'Exists' && !has) return false;
    if (e.operator === 'DoesNotExist' && has) return false;
  }
  return true;
}

/** Pods the workload's selector picks that are not terminating. */
export function podsOf(store: ObjectStore, t: Target): KubeObject[] {
  const selector = current(store, t)?.spec?.selector;
  return store
    .list(POD, t.namespace)
    .filter((p) => !p.metadata.deletionTimestamp && selects(selector, p.metadata.labels));
}

/** The desired number of pods and every one of them there and Ready, on the latest spec. */
export function workloadHealthy(store: ObjectStore, t: Target): boolean {
  const obj = current(store, t);
  if (!obj) return false;
  const desired =
    t.kind === 'daemonset' ? (obj.status?.desiredNumberScheduled ?? 0) : (obj.spec?.replicas ?? 1);
  if ((obj.status?.observedGeneration ?? 0) < (obj.metadata.generation ?? 0)) return false;
  const pods = podsOf(store, t);
  return pods.length === desired && pods.every(isPodReady);
}

export const mainContainerOf = (podOrWorkload: KubeObject): ContainerSpec =>
  podOrWorkload.spec?.template?.spec?.containers?.[0] ?? podOrWorkload.spec?.containers?.[0];

/** Pod instances (uid → name) that exist now, refusing a workload with none. */
export function instancesOf(store: ObjectStore, t: Target): Map<string, string> {
  const pods = podsOf(store, t);
  if (pods.length === 0) throw badRequest(`${t.kind}/${t.name} has no pods to affect; scale it up first`);
  return new Map(pods.map((p) => [p.metadata.uid ?? '', p.metadata.name]));
}

/** Whether every one of the given pod instances is gone (deleted, or replaced under the same name). */
export function instancesGone(
  store: ObjectStore,
  namespace: string | undefined,
  instances: Map<string, string>,
): boolean {
  for (const [uid, name] of instances) {
    const pod = store.get(POD, namespace, name);
    if (pod && pod.metadata.uid === uid && !pod.metadata.deletionTimestamp) return false;
  }
  return true;
}

/**
 * Edits the pod template's main container like `kubectl set image|env` would, recording the command
 * as the change cause so `kubectl rollout history` shows what was released.
 */
export function rewriteMainContainer(
  store: ObjectStore,
  t: Target,
  changeCause: string,
  change: (container: ContainerSpec) => void,
): void {
  store.mutate(rt(kindOf(t.kind)), t.namespace, t.name, (draft) => {
    change(draft.spec.template.spec.containers[0]);
    draft.metadata.annotations = {
      ...(draft.metadata.annotations ?? {}),
      'kubernetes.io/change-cause': changeCause,
    };
  });
}

/** Limit of the main container of a workload's template, as a number, or undefined. */
export const limitOf = (workload: KubeObject, resource: 'cpu' | 'memory'): string | undefined =>
  mainContainerOf(workload)?.resources?.limits?.[resource];
