import { parseQuantity } from '../../kube/quantity.ts';
import type { Cluster } from '../core/cluster.ts';
import { ApiError, notFound, type StatusCause } from '../core/errors.ts';
import { type ResourceType, rt as typeOf } from '../core/resources.ts';
import { resourceName } from '../core/store.ts';
import type { KubeObject } from '../core/types.ts';

/** The real cluster's built-in admission plugins that clients notice: namespace lifecycle and PVC resize. */
const forbiddenError = (rt: ResourceType, name: string, why: string, causes?: StatusCause[]) =>
  new ApiError(403, 'Forbidden', `${resourceName(rt)} "${name}" is forbidden: ${why}`, {
    name,
    kind: rt.plural,
    ...(causes ? { causes } : {}),
  });

const UNDELETABLE_NAMESPACES = new Set(['default', 'kube-system', 'kube-public']);

export const isUndeletableNamespace = (name: string) => UNDELETABLE_NAMESPACES.has(name);

export const isTerminating = (ns: KubeObject) =>
  Boolean(ns.metadata.deletionTimestamp) || ns.status?.phase === 'Terminating';

/** New content needs a namespace that exists and is not being deleted. */
export function admitCreate(cluster: Cluster, rt: ResourceType, obj: KubeObject): void {
  if (!rt.namespaced) return;
  const namespace = obj.metadata.namespace ?? '';
  const ns = cluster.store.get(typeOf('Namespace'), undefined, namespace);
  if (!ns) throw notFound('namespaces', namespace);
  if (isTerminating(ns)) {
    throw forbiddenError(
      rt,
      obj.metadata.name,
      `unable to create new content in namespace ${namespace} because it is being terminated`,
      [
        {
          reason: 'NamespaceTerminating',
          message: `namespace ${namespace} is being terminated`,
          field: 'metadata.namespace',
        },
      ],
    );
  }
}

export function admitDelete(rt: ResourceType, name: string): void {
  if (rt.kind === 'Namespace' && UNDELETABLE_NAMESPACES.has(name)) {
    throw forbiddenError(rt, name, 'this namespace may not be deleted');
  }
}

/** Growing a claim needs a StorageClass that allows expansion. */
export function admitUpdate(cluster: Cluster, rt: ResourceType, obj: KubeObject, old: KubeObject): void {
  if (rt.kind !== 'PersistentVolumeClaim') return;
  const requested = parseQuantity(obj.spec?.resources?.requests?.storage) ?? 0;
  const before = parseQuantity(old.spec?.resources?.requests?.storage) ?? 0;
  if (requested <= before) return;
  const className = obj.spec?.storageClassName;
  const storageClass =
    typeof className === 'string'
      ? cluster.store.get(typeOf('StorageClass'), undefined, className)
      : undefined;
  if (storageClass?.allowVolumeExpansion !== true) {
    throw forbiddenError(
      rt,
      obj.metadata.name,
      'only dynamically provisioned pvc can be resized and the storageclass that provisions the pvc must support resize',
    );
  }
}
