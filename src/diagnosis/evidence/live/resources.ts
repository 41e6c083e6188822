/** What a live collection lists: one line per kind. `cluster` kinds are listed once, whatever the scope. */
export interface ResourceList {
  kind: string;
  /** API path prefix: `/api/v1`, `/apis/apps/v1`. */
  api: string;
  plural: string;
  cluster?: boolean;
  /** Queries to list with (each one request), e.g. a field selector and a page limit; default one plain list. */
  queries?: string[];
  /** Optional kinds (metrics.k8s.io) are skipped without a gap when the API does not serve them. */
  optional?: boolean;
}

export const RESOURCES: readonly ResourceList[] = [
  { kind: 'Namespace', api: '/api/v1', plural: 'namespaces', cluster: true },
  { kind: 'Node', api: '/api/v1', plural: 'nodes', cluster: true },
  { kind: 'PersistentVolume', api: '/api/v1', plural: 'persistentvolumes', cluster: true },
  { kind: 'StorageClass', api: '/apis/storage.k8s.io/v1', plural: 'storageclasses', cluster: true },
  { kind: 'IngressClass', api: '/apis/networking.k8s.io/v1', plural: 'ingressclasses', cluster: true },
  { kind: 'Pod', api: '/api/v1', plural: 'pods' },
  // Warnings carry the trouble; of the Normal events only the kubelet's probe kills matter. Leaving
  // out Scheduled/Pulled/Created/Started keeps the largest list of a busy cluster small.
  {
    kind: 'Event',
    api: '/api/v1',
    plural: 'events',
    queries: ['fieldSelector=type%3DWarning&limit=5000', 'fieldSelector=reason%3DKilling&limit=1000'],
  },
  { kind: 'Service', api: '/api/v1', plural: 'services' },
  { kind: 'Endpoints', api: '/api/v1', plural: 'endpoints' },
  { kind: 'PersistentVolumeClaim', api: '/api/v1', plural: 'persistentvolumeclaims' },
  { kind: 'ConfigMap', api: '/api/v1', plural: 'configmaps' },
  { kind: 'Secret', api: '/api/v1', plural: 'secrets' },
  { kind: 'ResourceQuota', api: '/api/v1', plural: 'resourcequotas' },
  { kind: 'ServiceAccount', api: '/api/v1', plural: 'serviceaccounts' },
  { kind: 'Deployment', api: '/apis/apps/v1', plural: 'deployments' },
  { kind: 'ReplicaSet', api: '/apis/apps/v1', plural: 'replicasets' },
  { kind: 'StatefulSet', api: '/apis/apps/v1', plural: 'statefulsets' },
  { kind: 'DaemonSet', api: '/apis/apps/v1', plural: 'daemonsets' },
  { kind: 'Job', api: '/apis/batch/v1', plural: 'jobs' },
  { kind: 'CronJob', api: '/apis/batch/v1', plural: 'cronjobs' },
  { kind: 'HorizontalPodAutoscaler', api: '/apis/autoscaling/v2', plural: 'horizontalpodautoscalers' },
  { kind: 'NetworkPolicy', api: '/apis/networking.k8s.io/v1', plural: 'networkpolicies' },
  { kind: 'Ingress', api: '/apis/networking.k8s.io/v1', plural: 'ingresses' },
  { kind: 'Role', api: '/apis/rbac.authorization.k8s.io/v1', plural: 'roles' },
  { kind: 'RoleBinding', api: '/apis/rbac.authorization.k8s.io/v1', plural: 'rolebindings' },
  { kind: 'PodMetrics', api: '/apis/metrics.k8s.io/v1beta1', plural: 'pods', optional: true },
];

/** Objects a namespaced collection needs from kube-system anyway: the cluster DNS, by its label. */
export const CLUSTER_DNS_LISTS: readonly { kind: string; path: string }[] = [
  { kind: 'Pod', path: '/api/v1/namespaces/kube-system/pods?labelSelector=k8s-app%3Dkube-dns' },
  { kind: 'Service', path: '/api/v1/namespaces/kube-system/services?labelSelector=k8s-app%3Dkube-dns' },
  { kind: 'Endpoints', path: '/api/v1/namespaces/kube-system/endpoints?labelSelector=k8s-app%3Dkube-dns' },
  {
    kind: 'Deployment',
    path: '/apis/apps/v1/namespaces/kube-system/deployments?labelSelector=k8s-app%3Dkube-dns',
  },
];
