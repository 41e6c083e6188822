/** Every resource type the sandbox serves. Discovery, routing, snapshots and tables all read this one list. */
export interface ResourceType {
  group: string; // '' for core
  version: string;
  kind: string;
  plural: string;
  singular: string;
  namespaced: boolean;
  shortNames?: string[];
  categories?: string[];
  /** Subresources served under `plural/<sub>`; `scale` answers an autoscaling/v1 Scale. */
  subresources?: string[];
  /** Computed on read (metrics.k8s.io); never stored. */
  virtual?: boolean;
  verbs?: string[];
}

const ALL_VERBS = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];

const r = (
  group: string,
  version: string,
  kind: string,
  plural: string,
  namespaced: boolean,
  extra: Partial<ResourceType> = {},
): ResourceType => ({
  group,
  version,
  kind,
  plural,
  singular: kind.toLowerCase(),
  namespaced,
  verbs: ALL_VERBS,
  ...extra,
});

const ALL = ['all'];

export const RESOURCE_TYPES: readonly ResourceType[] = [
  r('', 'v1', 'Namespace', 'namespaces', false, { shortNames: ['ns'], subresources: ['status'] }),
  r('', 'v1', 'Node', 'nodes', false, { shortNames: ['no'], subresources: ['status'] }),
  r('', 'v1', 'Pod', 'pods', true, {
    shortNames: ['po'],
    categories: ALL,
    subresources: ['status', 'log', 'eviction', 'binding'],
  }),
  r('', 'v1', 'Service', 'services', true, {
    shortNames: ['svc'],
    categories: ALL,
    subresources: ['status'],
  }),
  r('', 'v1', 'Endpoints', 'endpoints', true, { shortNames: ['ep'], singular: 'endpoints' }),
  r('', 'v1', 'Event', 'events', true, { shortNames: ['ev'] }),
  r('', 'v1', 'ConfigMap', 'configmaps', true, { shortNames: ['cm'] }),
  r('', 'v1', 'Secret', 'secrets', true),
  r('', 'v1', 'PersistentVolumeClaim', 'persistentvolumeclaims', true, {
    shortNames: ['pvc'],
    subresources: ['status'],
  }),
  r('', 'v1', 'PersistentVolume', 'persistentvolumes', false, {
    shortNames: ['pv'],
    subresources: ['status'],
  }),
  r('', 'v1', 'ServiceAccount', 'serviceaccounts', true, { shortNames: ['sa'] }),
  r('', 'v1', 'ResourceQuota', 'resourcequotas', true, { shortNames: ['quota'], subresources: ['status'] }),
  r('', 'v1', 'LimitRange', 'limitranges', true, { shortNames: ['limits'] }),
  r('apps', 'v1', 'Deployment', 'deployments', true, {
    shortNames: ['deploy'],
    categories: ALL,
    subresources: ['status', 'scale'],
  }),
  r('apps', 'v1', 'ReplicaSet', 'replicasets', true, {
    shortNames: ['rs'],
    categories: ALL,
    subresources: ['status', 'scale'],
  }),
  r('apps', 'v1', 'StatefulSet', 'statefulsets', true, {
    shortNames: ['sts'],
    categories: ALL,
    subresources: ['status', 'scale'],
  }),
  r('apps', 'v1', 'DaemonSet', 'daemonsets', true, {
    shortNames: ['ds'],
    categories: ALL,
    subresources: ['status'],
  }),
  r('apps', 'v1', 'ControllerRevision', 'controllerrevisions', true),
  r('batch', 'v1', 'Job', 'jobs', true, { categories: ALL, subresources: ['status'] }),
  r('batch', 'v1', 'CronJob', 'cronjobs', true, {
    shortNames: ['cj'],
    categories: ALL,
    subresources: ['status'],
  }),
  r('networking.k8s.io', 'v1', 'Ingress', 'ingresses', true, {
    shortNames: ['ing'],
    subresources: ['status'],
  }),
  r('networking.k8s.io', 'v1', 'IngressClass', 'ingressclasses', false),
  r('networking.k8s.io', 'v1', 'NetworkPolicy', 'networkpolicies', true, { shortNames: ['netpol'] }),
  r('autoscaling', 'v2', 'HorizontalPodAutoscaler', 'horizontalpodautoscalers', true, {
    shortNames: ['hpa'],
    categories: ALL,
    subresources: ['status'],
  }),
  r('autoscaling', 'v1', 'HorizontalPodAutoscaler', 'horizontalpodautoscalers', true, {
    shortNames: ['hpa'],
    categories: ALL,
    subresources: ['status'],
  }),
  r('storage.k8s.io', 'v1', 'StorageClass', 'storageclasses', false, { shortNames: ['sc'] }),
  r('rbac.authorization.k8s.io', 'v1', 'Role', 'roles', true),
  r('rbac.authorization.k8s.io', 'v1', 'RoleBinding', 'rolebindings', true),
  r('rbac.authorization.k8s.io', 'v1', 'ClusterRole', 'clusterroles', false),
  r('rbac.authorization.k8s.io', 'v1', 'ClusterRoleBinding', 'clusterrolebindings', false),
  r('policy', 'v1', 'PodDisruptionBudget', 'poddisruptionbudgets', true, {
    shortNames: ['pdb'],
    subresources: ['status'],
  }),
  r('coordination.k8s.io', 'v1', 'Lease', 'leases', true),
  r('discovery.k8s.io', 'v1', 'EndpointSlice', 'endpointslices', true),
  r('metrics.k8s.io', 'v1beta1', 'PodMetrics', 'pods', true, { virtual: true, verbs: ['get', 'list'] }),
  r('metrics.k8s.io', 'v1beta1', 'NodeMetrics', 'nodes', false, { virtual: true, verbs: ['get', 'list'] }),
];

export const apiVersionOf = (rt: ResourceType) => (rt.group ? `${rt.group}/${rt.version}` : rt.version);

/** Objects of one kind share storage across versions (autoscaling v1/v2 HPAs): keyed by group and plural. */
export const storageKey = (rt: ResourceType) => `${rt.group}/${rt.plural}`;

export function findByPath(group: string, version: string, plural: string): ResourceType | undefined {
  return RESOURCE_TYPES.find((t) => t.group === group && t.version === version && t.plural === plural);
}

export function findByKind(apiVersion: string, kind: string): ResourceType | undefined {
  return RESOURCE_TYPES.find((t) => apiVersionOf(t) === apiVersion && t.kind === kind && !t.virtual);
}

/** The stored (preferred) type for a kind in any version of its group, for snapshot loading. */
export function findStoredKind(kind: string, group?: string): ResourceType | undefined {
  return RESOURCE_TYPES.find(
    (t) => t.kind === kind && !t.virtual && (group === undefined || t.group === group),
  );
}

/** Well-known types by kind, for controllers. */
export function rt(kind: string): ResourceType {
  const found = findStoredKind(kind);
  if (!found) throw new Error(`unknown kind ${kind}`);
  return found;
}

export const groupVersions = (): { group: string; versions: string[] }[] => {
  const out = new Map<string, string[]>();
  for (const t of RESOURCE_TYPES) {
    const versions = out.get(t.group) ?? [];
    if (!versions.includes(t.version)) versions.push(t.version);
    out.set(t.group, versions);
  }
  return [...out].map(([group, versions]) => ({ group, versions }));
};
