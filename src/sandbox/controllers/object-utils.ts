import type { ResourceType } from '../core/resources.ts';
import type { ObjectStore } from '../core/store.ts';
import type { KubeObject, OwnerReference } from '../core/types.ts';
import { NAMESPACES } from './kinds.ts';

export interface Condition {
  type: string;
  status: string;
  reason?: string;
  message?: string;
  lastTransitionTime?: string;
  lastUpdateTime?: string;
  lastProbeTime?: string | null;
  lastHeartbeatTime?: string;
}

export const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Writes `status` when it differs from the stored one; returns the current object either way. */
export function writeStatus(
  store: ObjectStore,
  rt: ResourceType,
  obj: KubeObject,
  status: unknown,
): KubeObject {
  if (sameJson(obj.status, status)) return obj;
  return store.mutate(rt, obj.metadata.namespace, obj.metadata.name, (draft) => {
    draft.status = status;
  });
}

/**
 * Replaces the condition of `next.type`, keeping its lastTransitionTime when the status did not
 * change (as every Kubernetes controller does); appends it when missing.
 */
export function setCondition(
  conditions: Condition[] | undefined,
  next: Condition,
  nowIso: string,
): Condition[] {
  const list = [...(conditions ?? [])];
  const i = list.findIndex((c) => c.type === next.type);
  const previous = i >= 0 ? list[i] : undefined;
  const merged: Condition = {
    ...next,
    lastTransitionTime:
      previous && previous.status === next.status && previous.lastTransitionTime
        ? previous.lastTransitionTime
        : nowIso,
  };
  if (i >= 0) list[i] = merged;
  else list.push(merged);
  return list;
}

export const findCondition = (conditions: Condition[] | undefined, type: string) =>
  conditions?.find((c) => c.type === type);

export const controllerOf = (obj: KubeObject): OwnerReference | undefined =>
  obj.metadata.ownerReferences?.find((o) => o.controller);

export const isControlledBy = (obj: KubeObject, owner: KubeObject) =>
  controllerOf(obj)?.uid === owner.metadata.uid && owner.metadata.uid !== undefined;

/** The ownerReference a controller puts on what it creates. */
export const controllerRefTo = (owner: KubeObject): OwnerReference => ({
  apiVersion: owner.apiVersion,
  kind: owner.kind,
  name: owner.metadata.name,
  uid: owner.metadata.uid ?? '',
  controller: true,
  blockOwnerDeletion: true,
});

/** An IntOrString such as maxSurge: an int, or a percentage of `total` rounded up or down. */
export function intOrPercent(value: unknown, total: number, roundUp: boolean, fallback: number): number {
  if (value === undefined || value === null) return fallback;
  if (typeof value === 'number') return value;
  const s = String(value);
  if (s.endsWith('%')) {
    const pct = Number.parseInt(s.slice(0, -1), 10);
    if (Number.isNaN(pct)) return fallback;
    const exact = (pct * total) / 100;
    return roundUp ? Math.ceil(exact) : Math.floor(exact);
  }
  const n = Number.parseInt(s, 10);
  return Number.isNaN(n) ? fallback : n;
}

/** A namespace being deleted takes no new objects (the API server refuses them). */
export function isNamespaceTerminating(store: ObjectStore, namespace: string | undefined): boolean {
  const ns = namespace ? store.get(NAMESPACES, undefined, namespace) : undefined;
  return Boolean(ns && (ns.metadata.deletionTimestamp || ns.status?.phase === 'Terminating'));
}
