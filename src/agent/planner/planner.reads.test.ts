import { c, table } from './table.ts';

table('lists and gets: namespaces in every form, kinds, abbreviations, selectors', [
  // The design's own examples.
  { in: '查看 production 命名空间的 Pod', calls: [c('pods_list', { namespace: 'production' })] },
  { in: '查看 Pod 状态', calls: [c('pods_list')] },
  // Namespace forms.
  { in: 'list pods in production', calls: [c('pods_list', { namespace: 'production' })] },
  { in: 'show pods in the staging namespace', calls: [c('pods_list', { namespace: 'staging' })] },
  { in: 'get pods -n kube-system', calls: [c('pods_list', { namespace: 'kube-system' })] },
  { in: 'get pods --namespace=monitoring', calls: [c('pods_list', { namespace: 'monitoring' })] },
  { in: 'list deployments namespace=shop', calls: [c('deployments_list', { namespace: 'shop' })] },
  { in: 'services ns=payments', calls: [c('services_list', { namespace: 'payments' })] },
  { in: 'list pvcs in namespace data', calls: [c('pvcs_list', { namespace: 'data' })] },
  { in: '在 staging 命名空间查看 svc', calls: [c('services_list', { namespace: 'staging' })] },
  { in: '列出 kube-system 名称空间下的 po', calls: [c('pods_list', { namespace: 'kube-system' })] },
  { in: '看看 shop 空间下的部署', calls: [c('deployments_list', { namespace: 'shop' })] },
  { in: '命名空间为 payments 的服务', calls: [c('services_list', { namespace: 'payments' })] },
  { in: '查看 production 的 deployment', calls: [c('deployments_list', { namespace: 'production' })] },
  { in: 'pods in shop', calls: [c('pods_list', { namespace: 'shop' })] },
  { in: 'kube-system 里的 pod', calls: [c('pods_list', { namespace: 'kube-system' })] },
  { in: '帮我看一下 dev 环境的 pod', calls: [c('pods_list', { namespace: 'dev' })] },
  // All namespaces.
  { in: 'show all pods across all namespaces', calls: [c('pods_list', { allNamespaces: true })] },
  { in: 'kubectl get svc -A', calls: [c('services_list', { allNamespaces: true })] },
  { in: '列出所有命名空间的 pod', calls: [c('pods_list', { allNamespaces: true })] },
  { in: '整个集群的 deployment', calls: [c('deployments_list', { allNamespaces: true })] },
  { in: 'get events --all-namespaces', calls: [c('events_list', { allNamespaces: true })] },
  { in: '列出所有命名空间', calls: [c('namespaces_list')] },
  { in: 'list namespaces', calls: [c('namespaces_list')] },
  { in: 'get ns', calls: [c('namespaces_list')] },
  // Kinds and abbreviations.
  { in: 'get po', calls: [c('pods_list')] },
  { in: 'get deploy -n production', calls: [c('deployments_list', { namespace: 'production' })] },
  { in: 'list nodes', calls: [c('nodes_list')] },
  { in: '查看节点', calls: [c('nodes_list')] },
  { in: 'kubectl get no', calls: [c('nodes_list')] },
  { in: '查看 pod 和 service', calls: [c('pods_list'), c('services_list')] },
  {
    in: 'list pods and services in staging',
    calls: [c('pods_list', { namespace: 'staging' }), c('services_list', { namespace: 'staging' })],
  },
  {
    in: 'get configmaps in production',
    calls: [c('resources_list', { apiVersion: 'v1', kind: 'ConfigMap', namespace: 'production' })],
  },
  {
    in: '看看 production 的密钥',
    calls: [c('resources_list', { apiVersion: 'v1', kind: 'Secret', namespace: 'production' })],
  },
  { in: 'list cronjobs', calls: [c('resources_list', { apiVersion: 'batch/v1', kind: 'CronJob' })] },
  { in: '查看所有的定时任务', calls: [c('resources_list', { apiVersion: 'batch/v1', kind: 'CronJob' })] },
  {
    in: 'kubectl get sts -n data',
    calls: [c('resources_list', { apiVersion: 'apps/v1', kind: 'StatefulSet', namespace: 'data' })],
  },
  {
    in: 'list daemonsets in kube-system',
    calls: [c('resources_list', { apiVersion: 'apps/v1', kind: 'DaemonSet', namespace: 'kube-system' })],
  },
  {
    in: 'show hpa in production',
    calls: [
      c('resources_list', {
        apiVersion: 'autoscaling/v2',
        kind: 'HorizontalPodAutoscaler',
        namespace: 'production',
      }),
    ],
  },
  {
    in: 'list ingress -n production',
    calls: [
      c('resources_list', { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', namespace: 'production' }),
    ],
  },
  { in: '查看 production 的存储卷', calls: [c('pvcs_list', { namespace: 'production' })] },
  {
    in: 'list storage classes',
    calls: [c('resources_list', { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass' })],
  },
  {
    in: 'list kind=Certificate in production',
    calls: [c('resources_list', { kind: 'Certificate', namespace: 'production' })],
  },
  // One object.
  {
    in: 'describe pod api-service-7d9f8b6c5d-x2x4z -n production',
    calls: [c('pods_get', { namespace: 'production', name: 'api-service-7d9f8b6c5d-x2x4z' })],
  },
  {
    in: 'describe deployment api-service in production',
    calls: [c('deployments_get', { namespace: 'production', name: 'api-service' })],
  },
  { in: '查看 api-service 的详情', calls: [c('deployments_get', { name: 'api-service' })] },
  { in: 'show me the api-service deployment', calls: [c('deployments_get', { name: 'api-service' })] },
  { in: '查看 api-service-abc123', calls: [c('pods_get', { name: 'api-service-abc123' })] },
  { in: 'describe node node-3', calls: [c('nodes_get', { name: 'node-3' })] },
  { in: '查看节点 worker-2 的详情', calls: [c('nodes_get', { name: 'worker-2' })] },
  {
    in: 'get service api-service -n production',
    calls: [
      c('resources_get', { apiVersion: 'v1', kind: 'Service', namespace: 'production', name: 'api-service' }),
    ],
  },
  {
    in: '查看 configmap app-config',
    calls: [c('resources_get', { apiVersion: 'v1', kind: 'ConfigMap', name: 'app-config' })],
  },
  { in: 'api-service 有几个副本', calls: [c('deployments_get', { name: 'api-service' })] },
  {
    in: '查看 api-service 和 web-frontend',
    calls: [c('deployments_get', { name: 'api-service' }), c('deployments_get', { name: 'web-frontend' })],
  },
  // Selectors and filters.
  { in: 'get pods -l app=web', calls: [c('pods_list', { labelSelector: 'app=web' })] },
  {
    in: 'get pods --selector=app=web,tier=frontend',
    calls: [c('pods_list', { labelSelector: 'app=web,tier=frontend' })],
  },
  { in: '查看标签为 app=web 的 pod', calls: [c('pods_list', { labelSelector: 'app=web' })] },
  {
    in: 'pods labeled app=payment in production',
    calls: [c('pods_list', { namespace: 'production', labelSelector: 'app=payment' })],
  },
  { in: '带 app=web 标签的 deployment', calls: [c('deployments_list', { labelSelector: 'app=web' })] },
  { in: '查看 api-service 的 pod', calls: [c('pods_list', { labelSelector: 'app=api-service' })] },
  { in: 'show pods on node-1', calls: [c('pods_list', { fieldSelector: 'spec.nodeName=node-1' })] },
  { in: 'node-1 上的 pod', calls: [c('pods_list', { fieldSelector: 'spec.nodeName=node-1' })] },
  {
    in: 'show running pods in staging',
    calls: [c('pods_list', { namespace: 'staging', fieldSelector: 'status.phase=Running' })],
  },
  { in: 'list failed pods', calls: [c('pods_list', { fieldSelector: 'status.phase=Failed' })] },
  { in: '有哪些 pending 的 pod', calls: [c('pods_list', { fieldSelector: 'status.phase=Pending' })] },
  {
    in: 'show the first 20 pods in production',
    calls: [c('pods_list', { namespace: 'production', limit: 20 })],
  },
  // Default namespace: used for namespaced objects when none is said.
  { in: 'list pods', defaultNamespace: 'team-a', calls: [c('pods_list', { namespace: 'team-a' })] },
  {
    in: 'list pods in production',
    defaultNamespace: 'team-a',
    calls: [c('pods_list', { namespace: 'production' })],
  },
  { in: 'list nodes', defaultNamespace: 'team-a', calls: [c('nodes_list')] },
  { in: 'list pods -A', defaultNamespace: 'team-a', calls: [c('pods_list', { allNamespaces: true })] },
  // Another cluster: a kubeconfig context on every Kubernetes call.
  { in: 'list pods --context prod-eu', calls: [c('pods_list', { context: 'prod-eu' })] },
  { in: '在 prod-eu 集群查看 pod', calls: [c('pods_list', { context: 'prod-eu' })] },
  {
    in: 'restart api-service in the prod-eu cluster',
    calls: [c('deployments_restart', { name: 'api-service', context: 'prod-eu' })],
  },
  // Owned objects: a workload's pods by label, its HPA by name; pods on a node.
  {
    in: '查看 api-service 的 hpa',
    calls: [
      c('resources_get', {
        apiVersion: 'autoscaling/v2',
        kind: 'HorizontalPodAutoscaler',
        name: 'api-service',
      }),
    ],
  },
  { in: '节点 node-1 上跑了哪些 pod', calls: [c('pods_list', { fieldSelector: 'spec.nodeName=node-1' })] },
  // Full-width input and typos.
  { in: '查看ｐｒｏｄｕｃｔｉｏｎ命名空间的Ｐｏｄ', calls: [c('pods_list', { namespace: 'production' })] },
  {
    in: 'ｋｕｂｅｃｔｌ ｇｅｔ ｐｏｄｓ －ｎ ｓｔａｇｉｎｇ',
    calls: [c('pods_list', { namespace: 'staging' })],
  },
  { in: 'list pods in namepsace staging', calls: [c('pods_list', { namespace: 'staging' })] },
  { in: 'show deploymnets in production', calls: [c('deployments_list', { namespace: 'production' })] },
]);
