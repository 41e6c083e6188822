import type { ToolCall } from '../plan.ts';

/**
 * Held-out phrasings, written before the planner was built and never tuned on one by one: the hit rate
 * over them estimates how well the rules generalise to what users really type. `refuse` expects no
 * calls and a question; `note` expects these calls plus an explanatory question (alert handover).
 */
export interface HeldOutCase {
  input: string;
  calls?: ToolCall[];
  refuse?: true;
  note?: true;
}

const c = (tool: string, args: Record<string, unknown> = {}): ToolCall => ({ tool, args });

export const HELD_OUT: HeldOutCase[] = [
  {
    input: '帮我看一下 staging 环境里的 deployment',
    calls: [c('deployments_list', { namespace: 'staging' })],
  },
  { input: 'show me the services in kube-system', calls: [c('services_list', { namespace: 'kube-system' })] },
  {
    input: 'get pods -n monitoring -l app=prometheus',
    calls: [c('pods_list', { namespace: 'monitoring', labelSelector: 'app=prometheus' })],
  },
  {
    input: '把 web-frontend 的副本数调成 4，命名空间 production',
    calls: [c('deployments_scale', { namespace: 'production', name: 'web-frontend', replicas: 4 })],
  },
  {
    input: 'please scale deployment/checkout down to zero in shop',
    calls: [c('deployments_scale', { namespace: 'shop', name: 'checkout', replicas: 0 })],
  },
  {
    input: 'payment-service 缩到两个实例',
    calls: [c('deployments_scale', { name: 'payment-service', replicas: 2 })],
  },
  {
    input: 'roll back api-service in production to revision 3',
    calls: [c('deployments_rollback', { namespace: 'production', name: 'api-service', toRevision: 3 })],
  },
  {
    input: '把 order-service 回退到上一个版本',
    calls: [c('deployments_rollback', { name: 'order-service' })],
  },
  {
    input: 'undo the last rollout of web-frontend',
    calls: [c('deployments_rollback', { name: 'web-frontend' })],
  },
  {
    input: 'tail the last 20 lines of logs from pod cart-5d8c9-x2x4z',
    calls: [c('pods_log', { name: 'cart-5d8c9-x2x4z', tailLines: 20 })],
  },
  { input: '看下 redis-0 崩溃之前的日志', calls: [c('pods_log', { name: 'redis-0', previous: true })] },
  {
    input: 'api-service-7d9f-abc12 日志里有没有 timeout',
    calls: [c('pods_log', { name: 'api-service-7d9f-abc12', grep: 'timeout' })],
  },
  {
    input: 'logs for checkout-6c7d8-qwe12 container istio-proxy since 15m',
    calls: [c('pods_log', { name: 'checkout-6c7d8-qwe12', container: 'istio-proxy', sinceSeconds: 900 })],
  },
  {
    input: 'web-frontend 的 p95 延迟是多少',
    calls: [c('service_latency', { service: 'web-frontend', quantile: 0.95 })],
  },
  {
    input: "what's the 99th percentile latency of checkout over the last 30 minutes",
    calls: [c('service_latency', { service: 'checkout', window: '30m', quantile: 0.99 })],
  },
  {
    input: 'api-service 过去一小时的错误率',
    calls: [c('service_error_rate', { service: 'api-service', window: '1h' })],
  },
  {
    input: 'how many requests per second is web-frontend getting',
    calls: [c('service_request_rate', { service: 'web-frontend' })],
  },
  { input: '哪些 pod 最吃内存', calls: [c('top_consumers', { resource: 'memory', by: 'pod' })] },
  {
    input: 'top 5 namespaces by cpu',
    calls: [c('top_consumers', { resource: 'cpu', by: 'namespace', limit: 5 })],
  },
  { input: '节点 node-2 的资源使用情况', calls: [c('node_usage', { name: 'node-2' })] },
  { input: 'cordon worker-3', calls: [c('nodes_cordon', { name: 'worker-3' })] },
  {
    input: '把节点 node-1 排空，忽略 daemonset',
    calls: [c('nodes_drain', { name: 'node-1', ignoreDaemonSets: true })],
  },
  { input: 'uncordon node-1 please', calls: [c('nodes_uncordon', { name: 'node-1' })] },
  { input: '集群现在健康吗', calls: [c('cluster_health')] },
  { input: '有哪些告警正在触发', calls: [c('alertmanager_alerts', { active: true })] },
  {
    input: 'silence alertname=HighErrorRate for 3 hours',
    // comment is required by the tool (learnt after this list was written): the request itself.
    calls: [
      c('alertmanager_silence_create', {
        matchers: { alertname: 'HighErrorRate' },
        duration: '3h',
        comment: 'sre-nanobot agent: silence alertname=HighErrorRate for 3 hours',
      }),
    ],
  },
  { input: '列出所有静默', calls: [c('alertmanager_silences_list')] },
  {
    input: 'run sum(rate(http_requests_total[5m])) by (service)',
    calls: [c('prometheus_query', { query: 'sum(rate(http_requests_total[5m])) by (service)' })],
  },
  { input: '为什么 checkout 的 pod 起不来', calls: [c('diagnose', { name: 'checkout' })] },
  {
    input: 'root cause for web-frontend in staging?',
    calls: [c('diagnose', { namespace: 'staging', name: 'web-frontend' })],
  },
  {
    input: 'production 里最近的警告事件',
    calls: [c('events_list', { namespace: 'production', type: 'Warning' })],
  },
  {
    input: 'show rollout history for deploy api-service',
    calls: [c('deployments_history', { name: 'api-service' })],
  },
  {
    input: 'list ingresses in production',
    calls: [
      c('resources_list', { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', namespace: 'production' }),
    ],
  },
  {
    input: '看看 production 的 configmap',
    calls: [c('resources_list', { apiVersion: 'v1', kind: 'ConfigMap', namespace: 'production' })],
  },
  {
    input: 'set memory limit of api-service to 1gb',
    calls: [
      c('deployments_set_resources', {
        name: 'api-service',
        container: 'api-service',
        limits: { memory: '1Gi' },
      }),
    ],
  },
  {
    input: '重启 payment-service 和 order-service',
    calls: [
      c('deployments_restart', { name: 'payment-service' }),
      c('deployments_restart', { name: 'order-service' }),
    ],
  },
  {
    input: 'show pods in staging then restart web-frontend',
    calls: [
      c('pods_list', { namespace: 'staging' }),
      c('deployments_restart', { namespace: 'staging', name: 'web-frontend' }),
    ],
  },
  {
    input:
      '处理这个告警：KubePodCrashLooping namespace=production pod=payment-service-6b7c9-k2j4h restart it',
    calls: [c('diagnose', { namespace: 'production', name: 'payment-service-6b7c9-k2j4h' })],
    note: true,
  },
  { input: 'scale it up', refuse: true },
  { input: '把 api-service 扩到 -3 个副本', refuse: true },
  { input: '删除 production 里所有的 pod', refuse: true },
  { input: 'list all the widgets', refuse: true },
  { input: '早上好', refuse: true },
  { input: 'drain the node', refuse: true },
];

/** A second held-out list, written after the first scored and before any tuning on it. */
export const HELD_OUT_B: HeldOutCase[] = [
  { input: 'kubectl get deploy -n staging', calls: [c('deployments_list', { namespace: 'staging' })] },
  {
    input: 'ｋｕｂｅｃｔｌ ｇｅｔ ｐｏｄｓ －ｎ ｐｒｏｄｕｃｔｉｏｎ',
    calls: [c('pods_list', { namespace: 'production' })],
  },
  { input: '帮我把 cart 扩容到三个副本', calls: [c('deployments_scale', { name: 'cart', replicas: 3 })] },
  {
    input: 'scale web-frontend replicas=6 in namespace staging',
    calls: [c('deployments_scale', { namespace: 'staging', name: 'web-frontend', replicas: 6 })],
  },
  { input: 'deploymnet api-service 重启一下', calls: [c('deployments_restart', { name: 'api-service' })] },
  { input: 'restrat the checkout deployment', calls: [c('deployments_restart', { name: 'checkout' })] },
  {
    input: 'show me the last 50 lines of the redis-0 logs',
    calls: [c('pods_log', { name: 'redis-0', tailLines: 50 })],
  },
  {
    input: '查一下 payment-service-5f6d7-h8j9k 上一个容器的日志，只要最后 200 行',
    calls: [c('pods_log', { name: 'payment-service-5f6d7-h8j9k', previous: true, tailLines: 200 })],
  },
  {
    input: 'grep OOM in logs of pod worker-7c8d9-abcde',
    calls: [c('pods_log', { name: 'worker-7c8d9-abcde', grep: 'OOM' })],
  },
  {
    input: 'api-service 在 staging 里的 p50 延迟',
    calls: [c('service_latency', { service: 'api-service', namespace: 'staging', quantile: 0.5 })],
  },
  {
    input: 'what is the error rate of checkout in the last 2h',
    calls: [c('service_error_rate', { service: 'checkout', window: '2h' })],
  },
  { input: 'checkout 的 QPS', calls: [c('service_request_rate', { service: 'checkout' })] },
  {
    input: 'compare checkout latency with yesterday',
    calls: [
      c('compare_time_ranges', {
        // The canned tool's own query (the planner reuses src/prometheus/queries since this was written).
        query:
          'histogram_quantile(0.99, sum by (namespace, service, le) (rate(http_request_duration_seconds_bucket{service="checkout"}[5m])))',
        offset: '1d',
      }),
    ],
  },
  { input: '哪个节点的 CPU 用得最多', calls: [c('top_consumers', { resource: 'cpu', by: 'node' })] },
  { input: 'show node usage', calls: [c('node_usage')] },
  {
    input: 'memory usage of the api-service pods in production',
    calls: [c('pod_memory_usage', { namespace: 'production', workload: 'api-service' })],
  },
  { input: 'describe node node-3', calls: [c('nodes_get', { name: 'node-3' })] },
  { input: '把 node-2 设置为不可调度', calls: [c('nodes_cordon', { name: 'node-2' })] },
  {
    input: 'drain node-4 --ignore-daemonsets --delete-emptydir-data',
    calls: [c('nodes_drain', { name: 'node-4', ignoreDaemonSets: true, deleteEmptyDirData: true })],
  },
  {
    input: '列出 production 的 statefulset',
    calls: [c('resources_list', { apiVersion: 'apps/v1', kind: 'StatefulSet', namespace: 'production' })],
  },
  {
    input: 'get hpa -A',
    calls: [
      c('resources_list', {
        apiVersion: 'autoscaling/v2',
        kind: 'HorizontalPodAutoscaler',
        allNamespaces: true,
      }),
    ],
  },
  {
    input: 'show secrets in kube-system',
    calls: [c('resources_list', { apiVersion: 'v1', kind: 'Secret', namespace: 'kube-system' })],
  },
  { input: '查看 staging 下所有 pvc', calls: [c('pvcs_list', { namespace: 'staging' })] },
  {
    input: 'pods with label tier=backend in production',
    calls: [c('pods_list', { namespace: 'production', labelSelector: 'tier=backend' })],
  },
  { input: '有哪些 pending 的 pod', calls: [c('pods_list', { fieldSelector: 'status.phase=Pending' })] },
  { input: 'events for payment-service', calls: [c('events_list', { involvedObject: 'payment-service' })] },
  {
    input: 'rollback checkout to version 5 in shop',
    calls: [c('deployments_rollback', { namespace: 'shop', name: 'checkout', toRevision: 5 })],
  },
  { input: 'api-service 的发布历史', calls: [c('deployments_history', { name: 'api-service' })] },
  {
    input: 'give web-frontend 2Gi memory limit',
    calls: [
      c('deployments_set_resources', {
        name: 'web-frontend',
        container: 'web-frontend',
        limits: { memory: '2Gi' },
      }),
    ],
  },
  {
    input: '把 api-service 的 cpu request 设为 250m',
    calls: [
      c('deployments_set_resources', {
        name: 'api-service',
        container: 'api-service',
        requests: { cpu: '250m' },
      }),
    ],
  },
  { input: 'diagnose production', calls: [c('diagnose', { namespace: 'production' })] },
  { input: 'web-frontend 怎么回事', calls: [c('diagnose', { name: 'web-frontend' })] },
  {
    input: 'expire silence 3f1c2a4b-1234-4cde-9abc-0123456789ab',
    calls: [c('alertmanager_silence_delete', { id: '3f1c2a4b-1234-4cde-9abc-0123456789ab' })],
  },
  { input: 'show critical alerts', calls: [c('alertmanager_alerts', { filter: ['severity="critical"'] })] },
  { input: 'promql: up == 0', calls: [c('prometheus_query', { query: 'up == 0' })] },
  { input: '查看 prometheus 的抓取目标', calls: [c('prometheus_targets')] },
  {
    input: '重启 api-service 然后看看它的日志',
    calls: [c('deployments_restart', { name: 'api-service' }), c('pods_log', { name: 'api-service' })],
  },
  { input: 'fix payment-service', calls: [c('diagnose', { name: 'payment-service' })], note: true },
  { input: 'scale api-service', refuse: true },
  { input: 'delete everything in staging', refuse: true },
  { input: '重启所有 deployment', refuse: true },
  { input: 'cordon', refuse: true },
  { input: '将 api-service 扩展到 5000 个副本', refuse: true },
  { input: '删除 deployment api-service', refuse: true },
];

/** A third list, written once the table tests passed and scored before any change made for it. */
export const HELD_OUT_C: HeldOutCase[] = [
  {
    input: 'Could you please list all the pods that live in the monitoring namespace?',
    calls: [c('pods_list', { namespace: 'monitoring' })],
  },
  {
    input: '嗨，帮我查一下 payments 命名空间里面的 deployment 列表',
    calls: [c('deployments_list', { namespace: 'payments' })],
  },
  {
    input: 'kubectl get pods --all-namespaces -l tier=db',
    calls: [c('pods_list', { allNamespaces: true, labelSelector: 'tier=db' })],
  },
  {
    input: 'show svc named checkout in shop',
    calls: [c('resources_get', { apiVersion: 'v1', kind: 'Service', namespace: 'shop', name: 'checkout' })],
  },
  {
    input: '把 order-service 的实例数扩到 12',
    calls: [c('deployments_scale', { name: 'order-service', replicas: 12 })],
  },
  {
    input: 'Please bump the replica count of search-api to 7 in namespace search',
    calls: [c('deployments_scale', { namespace: 'search', name: 'search-api', replicas: 7 })],
  },
  {
    input: 'scale down cart to 0 replicas in the shop namespace --dry-run',
    calls: [c('deployments_scale', { namespace: 'shop', name: 'cart', replicas: 0, dryRun: true })],
  },
  {
    input: '重新启动 inventory 服务（命名空间 shop）',
    calls: [c('deployments_restart', { namespace: 'shop', name: 'inventory' })],
  },
  { input: 'bounce the auth-service pods', calls: [c('deployments_restart', { name: 'auth-service' })] },
  {
    input: 'roll back search-api to rev 4',
    calls: [c('deployments_rollback', { name: 'search-api', toRevision: 4 })],
  },
  { input: '把 inventory 回滚一下', calls: [c('deployments_rollback', { name: 'inventory' })] },
  {
    input: 'show the last 500 lines from the nginx container of pod ingress-7c9d8-kq2mz',
    calls: [c('pods_log', { name: 'ingress-7c9d8-kq2mz', container: 'nginx', tailLines: 500 })],
  },
  {
    input: '看看 auth-service-6f7d8-plm2n 重启之前的日志里有没有 panic',
    calls: [c('pods_log', { name: 'auth-service-6f7d8-plm2n', previous: true, grep: 'panic' })],
  },
  {
    input: 'logs of search-api-0 in the last 5 minutes',
    calls: [c('pods_log', { name: 'search-api-0', sinceSeconds: 300 })],
  },
  {
    input: 'order-service 的 p999 延迟',
    calls: [c('service_latency', { service: 'order-service', quantile: 0.999 })],
  },
  { input: 'how slow is checkout right now', calls: [c('service_latency', { service: 'checkout' })] },
  {
    input: 'search-api 的 5xx 比例，过去 6 小时',
    calls: [c('service_error_rate', { service: 'search-api', window: '6h' })],
  },
  {
    input: 'throughput of order-service in shop',
    calls: [c('service_request_rate', { service: 'order-service', namespace: 'shop' })],
  },
  {
    input: 'which pods are using the most memory in shop',
    calls: [c('top_consumers', { resource: 'memory', by: 'pod', namespace: 'shop' })],
  },
  {
    input: '内存占用最多的前 3 个命名空间',
    calls: [c('top_consumers', { resource: 'memory', by: 'namespace', limit: 3 })],
  },
  { input: 'worker-1 的内存使用率', calls: [c('node_usage', { name: 'worker-1' })] },
  { input: 'cpu of the inventory pods', calls: [c('pod_cpu_usage', { workload: 'inventory' })] },
  {
    input: 'compare order-service latency with 2 hours ago',
    calls: [
      c('compare_time_ranges', {
        query:
          'histogram_quantile(0.99, sum by (namespace, service, le) (rate(http_request_duration_seconds_bucket{service="order-service"}[5m])))',
        offset: '2h',
      }),
    ],
  },
  { input: 'mark node-5 unschedulable', calls: [c('nodes_cordon', { name: 'node-5' })] },
  { input: 'node-5 恢复调度', calls: [c('nodes_uncordon', { name: 'node-5' })] },
  {
    input: 'evacuate node-6, ignore daemonsets',
    calls: [c('nodes_drain', { name: 'node-6', ignoreDaemonSets: true })],
  },
  {
    input: '查看 shop 命名空间里的 job',
    calls: [c('resources_list', { apiVersion: 'batch/v1', kind: 'Job', namespace: 'shop' })],
  },
  {
    input: 'list network policies in shop',
    calls: [
      c('resources_list', { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', namespace: 'shop' }),
    ],
  },
  {
    input: 'warning events in shop in the last hour',
    calls: [c('events_list', { namespace: 'shop', type: 'Warning' })],
  },
  { input: 'what revisions does search-api have', calls: [c('deployments_history', { name: 'search-api' })] },
  { input: '为什么 inventory 的 pod 一直 pending', calls: [c('diagnose', { name: 'inventory' })] },
  {
    input: 'troubleshoot auth-service in namespace auth',
    calls: [c('diagnose', { namespace: 'auth', name: 'auth-service' })],
  },
  {
    input: 'silence KubeNodeNotReady for 4h',
    calls: [
      c('alertmanager_silence_create', {
        matchers: { alertname: 'KubeNodeNotReady' },
        duration: '4h',
        comment: 'sre-nanobot agent: silence KubeNodeNotReady for 4h',
      }),
    ],
  },
  { input: 'what alerts are firing right now?', calls: [c('alertmanager_alerts', { active: true })] },
  { input: 'run the query: sum(up) by (job)', calls: [c('prometheus_query', { query: 'sum(up) by (job)' })] },
  {
    input: 'restart search-api and then tail its logs',
    calls: [c('deployments_restart', { name: 'search-api' }), c('pods_log', { name: 'search-api' })],
  },
  {
    input: '帮我处理一下这个报警 namespace=shop deployment=cart',
    calls: [c('diagnose', { namespace: 'shop', name: 'cart' })],
    note: true,
  },
  { input: 'scale the thing up', refuse: true },
  { input: 'delete all pods in shop', refuse: true },
  { input: 'reboot', refuse: true },
  { input: 'scale order-service to -2', refuse: true },
  { input: 'list the unicorns', refuse: true },
  { input: '扩容 order-service', refuse: true },
  { input: '早安', refuse: true },
];

/** A fourth list, on durations, selectors, numerals, punctuation and typos; scored before any change. */
export const HELD_OUT_D: HeldOutCase[] = [
  {
    input: 'api-service error rate over the past 24 hours',
    calls: [c('service_error_rate', { service: 'api-service', window: '24h' })],
  },
  {
    input: 'checkout 半小时内的 p90 延迟',
    calls: [c('service_latency', { service: 'checkout', window: '30m', quantile: 0.9 })],
  },
  {
    input: 'kubectl logs cart-5d8c9-x2x4z --since=1h --tail 20',
    calls: [c('pods_log', { name: 'cart-5d8c9-x2x4z', tailLines: 20, sinceSeconds: 3600 })],
  },
  {
    input: "get pods -l 'app in (web,api)' -n shop",
    calls: [c('pods_list', { namespace: 'shop', labelSelector: 'app in (web,api)' })],
  },
  { input: '把 web 扩容到一百个副本', calls: [c('deployments_scale', { name: 'web', replicas: 100 })] },
  { input: '将 web 缩容到十五个副本', calls: [c('deployments_scale', { name: 'web', replicas: 15 })] },
  { input: '查看（staging）命名空间的服务：', calls: [c('services_list', { namespace: 'staging' })] },
  { input: 'list deploymnets in namesapce shop', calls: [c('deployments_list', { namespace: 'shop' })] },
  { input: 'scael cart to 2 replcias', calls: [c('deployments_scale', { name: 'cart', replicas: 2 })] },
  { input: 'restrat deploymnet cart', calls: [c('deployments_restart', { name: 'cart' })] },
  { input: 'show me lgos of redis-0', calls: [c('pods_log', { name: 'redis-0' })] },
  {
    input: '重启ｃａｒｔ，命名空间ｓｈｏｐ',
    calls: [c('deployments_restart', { namespace: 'shop', name: 'cart' })],
  },
  {
    input: 'events of pod cart-5d8c9-x2x4z in shop',
    calls: [c('events_list', { namespace: 'shop', involvedObject: 'cart-5d8c9-x2x4z' })],
  },
  { input: '最近三天 cart 的请求量', calls: [c('service_request_rate', { service: 'cart', window: '3d' })] },
  {
    input: 'top 3 nodes by memory',
    calls: [c('top_consumers', { resource: 'memory', by: 'node', limit: 3 })],
  },
  {
    input: 'pods in shop with label app=cart and tier=backend',
    // Expectation corrected after the first run: both labels were said.
    calls: [c('pods_list', { namespace: 'shop', labelSelector: 'app=cart,tier=backend' })],
  },
  { input: 'rollback cart 到 v3 之前的版本', calls: [c('deployments_rollback', { name: 'cart' })] },
  { input: '回滚 cart 至修订版本 6', calls: [c('deployments_rollback', { name: 'cart', toRevision: 6 })] },
  { input: '给我 cart 的 yaml', calls: [c('deployments_get', { name: 'cart' })] },
  {
    input: 'set limits cpu=1 memory=2Gi for cart',
    calls: [
      c('deployments_set_resources', {
        name: 'cart',
        container: 'cart',
        limits: { memory: '2Gi', cpu: '1' },
      }),
    ],
  },
  {
    input: 'cart 的内存 request 改成 256Mi，limit 改成 512Mi',
    calls: [
      c('deployments_set_resources', {
        name: 'cart',
        container: 'cart',
        limits: { memory: '512Mi' },
        requests: { memory: '256Mi' },
      }),
    ],
  },
  { input: 'is anything broken in shop?', calls: [c('diagnose', { namespace: 'shop' })] },
  { input: 'shop 命名空间有异常吗', calls: [c('diagnose', { namespace: 'shop' })] },
  { input: 'cart 的 pod 为什么 OOMKilled', calls: [c('diagnose', { name: 'cart' })] },
  {
    input: '查看 cart 最近 1 小时的 cpu 使用率',
    calls: [c('pod_cpu_usage', { workload: 'cart', window: '1h' })],
  },
  { input: 'memory usage per node', calls: [c('node_usage')] },
  { input: 'list warning events -A', calls: [c('events_list', { allNamespaces: true, type: 'Warning' })] },
  { input: '有哪些静默规则', calls: [c('alertmanager_silences_list')] },
  {
    input: 'unsilence 3f1c2a4b-1234-4cde-9abc-0123456789ab',
    calls: [c('alertmanager_silence_delete', { id: '3f1c2a4b-1234-4cde-9abc-0123456789ab' })],
  },
  {
    input: 'alerts with severity=critical',
    calls: [c('alertmanager_alerts', { filter: ['severity="critical"'] })],
  },
  { input: 'show recording rules', calls: [c('prometheus_rules')] },
  { input: 'which scrape targets are down', calls: [c('prometheus_targets')] },
  {
    input: 'delete pod cart-5d8c9-x2x4z in shop now',
    calls: [c('pods_delete', { namespace: 'shop', name: 'cart-5d8c9-x2x4z' })],
  },
  {
    input: 'drain worker-3 with a grace period of 60 seconds',
    calls: [c('nodes_drain', { name: 'worker-3', gracePeriodSeconds: 60 })],
  },
  {
    input: '先看 cart 的事件，再看它的日志',
    calls: [c('events_list', { involvedObject: 'cart' }), c('pods_log', { name: 'cart' })],
  },
  { input: 'scale cart to 2 replicas', calls: [c('deployments_scale', { name: 'cart', replicas: 2 })] },
  { input: 'scale cart', refuse: true },
  { input: 'drain', refuse: true },
  { input: '把所有节点都封锁', refuse: true },
  { input: 'remove deployment cart', refuse: true },
  { input: 'scale cart to 99999 replicas', refuse: true },
  { input: 'show me the doohickeys', refuse: true },
  { input: '在吗', refuse: true },
  { input: 'restart cart and all the other services', refuse: true },
];
