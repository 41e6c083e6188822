import { randomUUID } from 'node:crypto';
import type { Cluster } from '../core/cluster.ts';
import { alreadyExists, badRequest, conflict } from '../core/errors.ts';
import type { ResourceType } from '../core/resources.ts';
import { randomSuffix, resourceName } from '../core/store.ts';
import type { KubeObject } from '../core/types.ts';
import { admitCreate, admitUpdate } from './admission.ts';
import { applyDefaults } from './defaults.ts';
import { carryOverAllocated } from './update-rules.ts';
import { validateCreate, validateUpdate } from './validate.ts';
import { storedTypeOf, toStorageVersion } from './versions.ts';

const SYSTEM_FIELDS = [
  'uid',
  'creationTimestamp',
  'deletionTimestamp',
  'deletionGracePeriodSeconds',
  'generation',
  'selfLink',
  'managedFields',
] as const;

const hasStatusSubresource = (rt: ResourceType) => rt.subresources?.includes('status') ?? false;

/**
 * The create pipeline shared by POST and server-side apply: namespace admission, status reset,
 * name generation, defaulting, validation, then the store (or nothing, for a dry run).
 */
export function createObject(
  cluster: Cluster,
  rt: ResourceType,
  input: KubeObject,
  dryRun: boolean,
): KubeObject {
  const type = storedTypeOf(rt);
  const obj = toStorageVersion(rt, input);
  const meta = obj.metadata;
  if (meta.resourceVersion) throw badRequest('resourceVersion should not be set on objects to be created');
  for (const field of SYSTEM_FIELDS) delete meta[field];
  if (!type.namespaced) delete meta.namespace;
  admitCreate(cluster, type, obj);
  // Nodes alone may be created with a status; every other kind starts from a fresh one.
  if (hasStatusSubresource(type) && type.kind !== 'Node') delete obj.status;
  if (!meta.name && meta.generateName) meta.name = `${meta.generateName}${randomSuffix()}`;
  applyDefaults(cluster, type, obj);
  validateCreate(cluster, type, obj);
  if (!dryRun) return cluster.store.create(type, obj);
  if (cluster.store.get(type, meta.namespace, meta.name)) throw alreadyExists(resourceName(type), meta.name);
  return {
    ...obj,
    metadata: { ...meta, uid: meta.uid ?? randomUUID(), creationTimestamp: cluster.clock.iso() },
  };
}

export interface UpdateOptions {
  subresource?: string;
  dryRun: boolean;
}

/**
 * The update pipeline shared by PUT and PATCH. The main resource keeps the stored status (for
 * kinds with a status subresource); `/status` changes the status alone.
 */
export function updateObject(
  cluster: Cluster,
  rt: ResourceType,
  stored: KubeObject,
  input: KubeObject,
  options: UpdateOptions,
): KubeObject {
  const type = storedTypeOf(rt);
  const next = toStorageVersion(rt, input);
  let obj: KubeObject;
  if (options.subresource === 'status') {
    obj = structuredClone(stored);
    obj.status = next.status;
    if (obj.status === undefined) delete obj.status;
    obj.metadata.resourceVersion = next.metadata.resourceVersion || stored.metadata.resourceVersion;
  } else {
    obj = next;
    const meta = obj.metadata;
    for (const field of ['deletionTimestamp', 'deletionGracePeriodSeconds'] as const) {
      if (stored.metadata[field] === undefined) delete meta[field];
      else meta[field] = stored.metadata[field] as never;
    }
    if (hasStatusSubresource(type)) {
      if (stored.status === undefined) delete obj.status;
      else obj.status = structuredClone(stored.status);
    }
    carryOverAllocated(type, obj, stored);
    applyDefaults(cluster, type, obj);
    validateUpdate(cluster, type, obj, stored);
    admitUpdate(cluster, type, obj, stored);
  }
  if (options.dryRun) {
    const rv = obj.metadata.resourceVersion;
    if (rv && rv !== stored.metadata.resourceVersion)
      throw conflict(resourceName(type), stored.metadata.name);
    const { uid, creationTimestamp, resourceVersion } = stored.metadata;
    return { ...obj, metadata: { ...obj.metadata, uid, creationTimestamp, resourceVersion } };
  }
  const updated = cluster.store.update(type, obj);
  return finishIfFinalized(cluster, type, stored, updated);
}

/** An object waiting on finalizers goes away when the last one is removed. */
function finishIfFinalized(
  cluster: Cluster,
  rt: ResourceType,
  before: KubeObject,
  after: KubeObject,
): KubeObject {
  if (!after.metadata.deletionTimestamp || after.metadata.finalizers?.length) return after;
  if (!before.metadata.finalizers?.length) return after;
  // A pod still shutting down on its node is removed by the kubelet, not here.
  if (rt.kind === 'Pod' && after.spec?.nodeName && (after.metadata.deletionGracePeriodSeconds ?? 0) > 0)
    return after;
  if (rt.kind === 'Namespace') return after;
  return cluster.store.delete(rt, after.metadata.namespace, after.metadata.name);
}
