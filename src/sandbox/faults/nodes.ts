import { rt } from '../core/resources.ts';
import type { ObjectStore } from '../core/store.ts';
import type { KubeObject } from '../core/types.ts';

const POD = rt('Pod');
const NODE = rt('Node');

const isDaemonSetPod = (pod: KubeObject) =>
  (pod.metadata.ownerReferences ?? []).some((o) => o.kind === 'DaemonSet');
const isTerminal = (pod: KubeObject) => pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';

/** Cordoned, and no pod but DaemonSet pods still bound there (evicted ones count as gone): what `kubectl drain` leaves. */
export function isDrained(store: ObjectStore, nodeName: string): boolean {
  const node = store.get(NODE, undefined, nodeName);
  if (!node?.spec?.unschedulable) return false;
  for (const pod of store.list(POD)) {
    if (pod.spec?.nodeName !== nodeName || pod.metadata.deletionTimestamp) continue;
    if (!isDaemonSetPod(pod) && !isTerminal(pod)) return false;
  }
  return true;
}

export function nodeCondition(store: ObjectStore, nodeName: string, type: string): string | undefined {
  const node = store.get(NODE, undefined, nodeName);
  return (node?.status?.conditions ?? []).find((c: any) => c.type === type)?.status;
}

export const nodeObject = (store: ObjectStore, nodeName: string) => store.get(NODE, undefined, nodeName);
