/** Where a kind lives in the API: enough to build its REST paths. */
export interface ResourceType {
  group: string;
  version: string;
  plural: string;
  kind: string;
  namespaced: boolean;
}

const t = (
  group: string,
  version: string,
  plural: string,
  kind: string,
  namespaced = true,
): ResourceType => ({
  group,
  version,
  plural,
  kind,
  namespaced,
});

/** The built-in kinds the typed modules use; anything else goes through discovery (discovery.ts). */
export const TYPES = {
  namespace: t('', 'v1', 'namespaces', 'Namespace', false),
  node: t('', 'v1', 'nodes', 'Node', false),
  pod: t('', 'v1', 'pods', 'Pod'),
  event: t('', 'v1', 'events', 'Event'),
  service: t('', 'v1', 'services', 'Service'),
  endpoints: t('', 'v1', 'endpoints', 'Endpoints'),
  pvc: t('', 'v1', 'persistentvolumeclaims', 'PersistentVolumeClaim'),
  pv: t('', 'v1', 'persistentvolumes', 'PersistentVolume', false),
  storageClass: t('storage.k8s.io', 'v1', 'storageclasses', 'StorageClass', false),
  deployment: t('apps', 'v1', 'deployments', 'Deployment'),
  statefulSet: t('apps', 'v1', 'statefulsets', 'StatefulSet'),
  daemonSet: t('apps', 'v1', 'daemonsets', 'DaemonSet'),
  replicaSet: t('apps', 'v1', 'replicasets', 'ReplicaSet'),
  podMetrics: t('metrics.k8s.io', 'v1beta1', 'pods', 'PodMetrics'),
} as const;

export const apiVersionOf = (type: ResourceType): string =>
  type.group ? `${type.group}/${type.version}` : type.version;

/** `/api/v1/namespaces/ns/pods/name/log`; the namespace is ignored for cluster-scoped kinds and omitted for all-namespace lists. */
export function resourcePath(
  type: ResourceType,
  namespace?: string,
  name?: string,
  subresource?: string,
): string {
  let path = type.group ? `/apis/${type.group}/${type.version}` : `/api/${type.version}`;
  if (type.namespaced && namespace) path += `/namespaces/${encodeURIComponent(namespace)}`;
  path += `/${type.plural}`;
  if (name !== undefined) path += `/${encodeURIComponent(name)}`;
  if (subresource) path += `/${subresource}`;
  return path;
}
