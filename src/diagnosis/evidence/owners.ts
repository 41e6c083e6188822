import type { ObjectRef } from '../types.ts';
import type { K8sObject, OwnerRef, Pod } from './shapes.ts';

type Lookup = (kind: string, namespace: string | undefined, name: string) => K8sObject | undefined;

const controllerOf = (obj: K8sObject): OwnerRef | undefined => {
  const owners = obj.metadata.ownerReferences ?? [];
  return owners.find((o) => o.controller) ?? owners[0];
};

/**
 * The workload a pod belongs to, following controller owner references up (Pod → ReplicaSet →
 * Deployment, Pod → Job → CronJob). When an owner was not read, its name still tells: a ReplicaSet
 * named `<deployment>-<pod-template-hash>` belongs to that Deployment, a Job `<cronjob>-<minutes>` to
 * its CronJob if the Job says so in its own owner references.
 */
export function workloadOfPod(pod: Pod, lookup: Lookup): ObjectRef | null {
  const namespace = pod.metadata.namespace;
  let ref: OwnerRef | undefined = controllerOf(pod);
  if (!ref) return null;
  let top: ObjectRef = { kind: ref.kind, namespace, name: ref.name };
  for (let depth = 0; depth < 4; depth++) {
    const owner = lookup(top.kind, namespace, top.name);
    if (!owner) {
      if (top.kind === 'ReplicaSet') return inferDeployment(top, pod) ?? top;
      return top;
    }
    ref = controllerOf(owner);
    if (!ref) return top;
    top = { kind: ref.kind, namespace, name: ref.name };
  }
  return top;
}

function inferDeployment(rs: ObjectRef, pod: Pod): ObjectRef | undefined {
  const hash = pod.metadata.labels?.['pod-template-hash'];
  if (!hash || !rs.name.endsWith(`-${hash}`)) return undefined;
  return { kind: 'Deployment', namespace: rs.namespace, name: rs.name.slice(0, -hash.length - 1) };
}

/** The workload of any object: itself for workloads, the owner chain's top for pods and ReplicaSets. */
export function workloadOfObject(obj: K8sObject, lookup: Lookup): ObjectRef | null {
  if (obj.kind === 'Pod') return workloadOfPod(obj as Pod, lookup);
  if (['Deployment', 'StatefulSet', 'DaemonSet', 'CronJob'].includes(obj.kind)) {
    return { kind: obj.kind, namespace: obj.metadata.namespace, name: obj.metadata.name };
  }
  const owner = controllerOf(obj);
  if (!owner)
    return obj.kind === 'Job'
      ? { kind: 'Job', namespace: obj.metadata.namespace, name: obj.metadata.name }
      : null;
  const parent = lookup(owner.kind, obj.metadata.namespace, owner.name);
  return parent
    ? workloadOfObject(parent, lookup)
    : { kind: owner.kind, namespace: obj.metadata.namespace, name: owner.name };
}
