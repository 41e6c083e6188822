import { applyDefaults } from '../api/defaults.ts';
import type { Cluster } from '../core/cluster.ts';
import { findByKind, findStoredKind, type ResourceType } from '../core/resources.ts';
import type { ObjectStore } from '../core/store.ts';
import type { KubeObject } from '../core/types.ts';
import { loadPodLogs } from './logs.ts';

/** Owners before what they own, so ownerReferences and events can name the uid the store gave them. */
const CREATION_ORDER = [
  'Namespace',
  'StorageClass',
  'PersistentVolume',
  'Node',
  'IngressClass',
  'ClusterRole',
  'ClusterRoleBinding',
  'ConfigMap',
  'Secret',
  'ServiceAccount',
  'Role',
  'RoleBinding',
  'ResourceQuota',
  'LimitRange',
  'Deployment',
  'StatefulSet',
  'DaemonSet',
  'CronJob',
  'ReplicaSet',
  'Job',
  'ControllerRevision',
  'Pod',
  'Service',
  'Endpoints',
  'EndpointSlice',
  'PersistentVolumeClaim',
];

const rank = (kind: string): number => {
  if (kind === 'Event') return Number.POSITIVE_INFINITY;
  const i = CREATION_ORDER.indexOf(kind);
  return i >= 0 ? i : CREATION_ORDER.length;
};

/**
 * Creates snapshot (or estate) objects in the cluster: namespaces first, including any that
 * objects use without declaring, then owners before dependents, events last. Objects keep the
 * status they came with. `frozen` (the default) marks each object so controllers leave it as given
 * until a write touches it; unfrozen objects get the API server's defaults first, as if created
 * through the API.
 */
export function applySnapshot(
  cluster: Cluster,
  objects: KubeObject[],
  options: { frozen?: boolean } = {},
): void {
  const frozen = options.frozen ?? true;
  const create = (type: ResourceType, input: KubeObject) => {
    const obj = structuredClone(input);
    if (type.namespaced) obj.metadata.namespace ??= 'default';
    resolveOwnerReferences(cluster.store, obj);
    if (obj.kind === 'Event') resolveInvolvedObject(cluster.store, obj);
    if (!frozen) applyDefaults(cluster, type, obj);
    const created = cluster.store.create(type, obj);
    if (frozen) cluster.store.freeze(created);
    if (created.kind === 'Pod') loadPodLogs(cluster, created);
  };

  const typed = objects.map((obj, i) => ({ obj, i, type: typeOf(obj) }));
  for (const name of undeclaredNamespaces(cluster.store, typed))
    create(findStoredKind('Namespace')!, namespace(name));
  typed.sort((a, b) => rank(a.obj.kind) - rank(b.obj.kind) || a.i - b.i);
  for (const { obj, type } of typed) create(type, obj);
}

function typeOf(obj: KubeObject): ResourceType {
  const type = findByKind(obj.apiVersion, obj.kind);
  if (!type)
    throw new Error(
      `snapshot object ${obj.kind} "${obj.metadata?.name}" has no served type ${obj.apiVersion}`,
    );
  return type;
}

/** `default` always exists on a real cluster; any other namespace an object names must too. */
function undeclaredNamespaces(
  store: ObjectStore,
  typed: { obj: KubeObject; type: ResourceType }[],
): string[] {
  const wanted = new Set(['default']);
  const declared = new Set<string>();
  for (const { obj, type } of typed) {
    if (type.kind === 'Namespace') declared.add(obj.metadata.name);
    else if (type.namespaced) wanted.add(obj.metadata.namespace ?? 'default');
  }
  const namespaces = findStoredKind('Namespace')!;
  return [...wanted].filter((name) => !declared.has(name) && !store.get(namespaces, undefined, name));
}

const namespace = (name: string): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Namespace',
  metadata: { name, labels: { 'kubernetes.io/metadata.name': name } },
  spec: { finalizers: ['kubernetes'] },
  status: { phase: 'Active' },
});

/** Looks an object up by the kind and name a reference gives, in `namespace` when its kind is namespaced. */
function referenced(
  store: ObjectStore,
  ref: { apiVersion?: string; kind?: string; name?: string },
  namespace?: string,
) {
  if (!ref.kind || !ref.name) return undefined;
  const type = (ref.apiVersion && findByKind(ref.apiVersion, ref.kind)) || findStoredKind(ref.kind);
  return type && store.get(type, type.namespaced ? namespace : undefined, ref.name);
}

/** A snapshot names owners; the store invents their uids, so references are completed here. */
function resolveOwnerReferences(store: ObjectStore, obj: KubeObject): void {
  for (const ref of obj.metadata.ownerReferences ?? []) {
    if (ref.uid) continue;
    const owner = referenced(store, ref, obj.metadata.namespace);
    if (!owner) continue;
    ref.uid = owner.metadata.uid ?? '';
    ref.apiVersion ||= owner.apiVersion;
  }
}

function resolveInvolvedObject(store: ObjectStore, event: KubeObject): void {
  const involved = event.involvedObject as {
    apiVersion?: string;
    kind?: string;
    name?: string;
    namespace?: string;
    uid?: string;
  };
  if (!involved || involved.uid) return;
  const target = referenced(store, involved, involved.namespace ?? event.metadata.namespace);
  if (!target) return;
  involved.uid = target.metadata.uid;
  involved.apiVersion ??= target.apiVersion;
  if (target.metadata.namespace) involved.namespace ??= target.metadata.namespace;
}
