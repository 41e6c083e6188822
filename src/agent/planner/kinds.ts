/**
 * The resource kinds the planner understands, as data: what users call them (English words and
 * kubectl short names, Chinese words), their apiVersion, and the dedicated tools when there are
 * some. A kind without a list tool is listed with resources_list / fetched with resources_get.
 */
export interface KindSpec {
  kind: string;
  apiVersion: string;
  namespaced: boolean;
  /** Lower-case English words and short names; the first is the canonical name used in questions. */
  en: readonly string[];
  zh: readonly string[];
  listTool?: string;
  getTool?: string;
}

export const KINDS: readonly KindSpec[] = [
  {
    kind: 'Pod',
    apiVersion: 'v1',
    namespaced: true,
    en: ['pod', 'pods', 'po'],
    zh: ['容器组'],
    listTool: 'pods_list',
    getTool: 'pods_get',
  },
  {
    kind: 'Deployment',
    apiVersion: 'apps/v1',
    namespaced: true,
    en: ['deployment', 'deployments', 'deploy', 'deploys', 'workload', 'workloads'],
    zh: ['部署', '应用', '工作负载'],
    listTool: 'deployments_list',
    getTool: 'deployments_get',
  },
  {
    kind: 'Service',
    apiVersion: 'v1',
    namespaced: true,
    en: ['service', 'services', 'svc', 'svcs'],
    zh: ['服务'],
    listTool: 'services_list',
  },
  {
    kind: 'Namespace',
    apiVersion: 'v1',
    namespaced: false,
    en: ['namespace', 'namespaces', 'ns'],
    zh: ['命名空间', '名称空间', '名字空间'],
    listTool: 'namespaces_list',
  },
  {
    kind: 'Node',
    apiVersion: 'v1',
    namespaced: false,
    en: ['node', 'nodes', 'machine', 'machines', 'host', 'hosts'],
    zh: ['节点', '机器', '主机'],
    listTool: 'nodes_list',
    getTool: 'nodes_get',
  },
  {
    kind: 'PersistentVolumeClaim',
    apiVersion: 'v1',
    namespaced: true,
    en: ['pvc', 'pvcs', 'persistentvolumeclaim', 'persistentvolumeclaims', 'volume claims', 'volumes'],
    zh: ['存储卷声明', '持久卷声明', '存储声明', '存储卷', '数据卷'],
    listTool: 'pvcs_list',
  },
  {
    kind: 'Event',
    apiVersion: 'v1',
    namespaced: true,
    en: ['event', 'events', 'ev'],
    zh: ['事件'],
    listTool: 'events_list',
  },
  {
    kind: 'StatefulSet',
    apiVersion: 'apps/v1',
    namespaced: true,
    en: ['statefulset', 'statefulsets', 'sts'],
    zh: ['有状态应用', '有状态集'],
  },
  {
    kind: 'DaemonSet',
    apiVersion: 'apps/v1',
    namespaced: true,
    en: ['daemonset', 'daemonsets', 'ds'],
    zh: ['守护进程集'],
  },
  {
    kind: 'ReplicaSet',
    apiVersion: 'apps/v1',
    namespaced: true,
    en: ['replicaset', 'replicasets', 'rs'],
    zh: ['副本集'],
  },
  {
    kind: 'HorizontalPodAutoscaler',
    apiVersion: 'autoscaling/v2',
    namespaced: true,
    en: ['hpa', 'hpas', 'horizontalpodautoscaler', 'horizontalpodautoscalers', 'autoscaler', 'autoscalers'],
    zh: ['自动扩缩容', '弹性伸缩', '自动伸缩'],
  },
  {
    kind: 'CronJob',
    apiVersion: 'batch/v1',
    namespaced: true,
    en: ['cronjob', 'cronjobs', 'cj', 'cron jobs'],
    zh: ['定时任务'],
  },
  { kind: 'Job', apiVersion: 'batch/v1', namespaced: true, en: ['job', 'jobs'], zh: ['任务', '作业'] },
  {
    kind: 'ConfigMap',
    apiVersion: 'v1',
    namespaced: true,
    en: ['configmap', 'configmaps', 'cm', 'config maps'],
    zh: ['配置项', '配置映射', '配置字典'],
  },
  { kind: 'Secret', apiVersion: 'v1', namespaced: true, en: ['secret', 'secrets'], zh: ['密钥', '秘钥'] },
  {
    kind: 'Ingress',
    apiVersion: 'networking.k8s.io/v1',
    namespaced: true,
    en: ['ingress', 'ingresses', 'ing'],
    zh: ['入口', '路由规则'],
  },
  {
    kind: 'NetworkPolicy',
    apiVersion: 'networking.k8s.io/v1',
    namespaced: true,
    en: ['networkpolicy', 'networkpolicies', 'netpol', 'network policies'],
    zh: ['网络策略'],
  },
  {
    kind: 'PersistentVolume',
    apiVersion: 'v1',
    namespaced: false,
    en: ['pv', 'pvs', 'persistentvolume', 'persistentvolumes', 'persistent volumes'],
    zh: ['持久卷'],
  },
  {
    kind: 'StorageClass',
    apiVersion: 'storage.k8s.io/v1',
    namespaced: false,
    en: ['storageclass', 'storageclasses', 'storage classes'],
    zh: ['存储类'],
  },
  {
    kind: 'ServiceAccount',
    apiVersion: 'v1',
    namespaced: true,
    en: ['serviceaccount', 'serviceaccounts', 'service accounts'],
    zh: ['服务账号', '服务账户'],
  },
  {
    kind: 'ResourceQuota',
    apiVersion: 'v1',
    namespaced: true,
    en: ['resourcequota', 'resourcequotas', 'quota', 'quotas'],
    zh: ['资源配额', '配额'],
  },
  {
    kind: 'PodDisruptionBudget',
    apiVersion: 'policy/v1',
    namespaced: true,
    en: ['pdb', 'pdbs', 'poddisruptionbudget', 'poddisruptionbudgets'],
    zh: ['中断预算'],
  },
  {
    kind: 'CustomResourceDefinition',
    apiVersion: 'apiextensions.k8s.io/v1',
    namespaced: false,
    en: ['crd', 'crds', 'customresourcedefinition', 'customresourcedefinitions'],
    zh: ['自定义资源定义'],
  },
  {
    kind: 'Role',
    apiVersion: 'rbac.authorization.k8s.io/v1',
    namespaced: true,
    en: ['role', 'roles'],
    zh: ['角色'],
  },
  {
    kind: 'RoleBinding',
    apiVersion: 'rbac.authorization.k8s.io/v1',
    namespaced: true,
    en: ['rolebinding', 'rolebindings'],
    zh: ['角色绑定'],
  },
  {
    kind: 'ClusterRole',
    apiVersion: 'rbac.authorization.k8s.io/v1',
    namespaced: false,
    en: ['clusterrole', 'clusterroles'],
    zh: ['集群角色'],
  },
  {
    kind: 'Endpoints',
    apiVersion: 'v1',
    namespaced: true,
    en: ['endpoints', 'endpoint'],
    zh: ['端点'],
  },
];

export const kindByName = (kind: string): KindSpec => {
  const spec = KINDS.find((k) => k.kind === kind);
  if (!spec) throw new Error(`unknown kind ${kind}`);
  return spec;
};

/** kubectl short names that are also ordinary words; they count only right after a kubectl verb. */
export const VERB_ONLY_ALIASES: Readonly<Record<string, string>> = {
  no: 'Node',
  sa: 'ServiceAccount',
  sc: 'StorageClass',
  ep: 'Endpoints',
};
