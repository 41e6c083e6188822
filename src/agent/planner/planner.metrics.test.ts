import {
  DEFAULT_METRIC_NAMES as names,
  serviceErrorRate,
  serviceRequestRate,
} from '../../prometheus/queries/index.ts';
import { c, table } from './table.ts';

const errorRate = (service: string) => serviceErrorRate(names, { service }).promql;

table('metrics, alerts and silences', [
  // Latency, with the design's example; quantiles in every form.
  {
    in: '查看 api-service 的 P99 延迟',
    calls: [c('service_latency', { service: 'api-service', quantile: 0.99 })],
  },
  { in: 'api-service 99分位延迟', calls: [c('service_latency', { service: 'api-service', quantile: 0.99 })] },
  {
    in: 'api-service 百分之九十九的延迟',
    calls: [c('service_latency', { service: 'api-service', quantile: 0.99 })],
  },
  {
    in: 'median latency for web-frontend',
    calls: [c('service_latency', { service: 'web-frontend', quantile: 0.5 })],
  },
  {
    in: 'p99.9 latency of checkout',
    calls: [c('service_latency', { service: 'checkout', quantile: 0.999 })],
  },
  {
    in: 'what is the 95th percentile response time of checkout',
    calls: [c('service_latency', { service: 'checkout', quantile: 0.95 })],
  },
  {
    in: 'show the p95 latency of checkout in production over the last 10 minutes',
    calls: [
      c('service_latency', { service: 'checkout', namespace: 'production', window: '10m', quantile: 0.95 }),
    ],
  },
  {
    in: '最近 1 小时 checkout 的 p95 延迟',
    calls: [c('service_latency', { service: 'checkout', window: '1h', quantile: 0.95 })],
  },
  {
    in: 'api-service 在过去两小时的 99 分位延迟',
    calls: [c('service_latency', { service: 'api-service', window: '2h', quantile: 0.99 })],
  },
  {
    in: 'P99 latency api-service 2h',
    calls: [c('service_latency', { service: 'api-service', window: '2h', quantile: 0.99 })],
  },
  {
    in: 'api-service 的延迟 30分钟',
    calls: [c('service_latency', { service: 'api-service', window: '30m' })],
  },
  { in: 'api-service 的 TP99', calls: [c('service_latency', { service: 'api-service', quantile: 0.99 })] },
  {
    in: 'api-service 的 p99 延迟',
    defaultNamespace: 'team-a',
    calls: [c('service_latency', { service: 'api-service', namespace: 'team-a', quantile: 0.99 })],
  },
  // Error and request rates.
  { in: '查看 api-service 的错误率', calls: [c('service_error_rate', { service: 'api-service' })] },
  {
    in: 'what is the error rate of checkout in the last 2h',
    calls: [c('service_error_rate', { service: 'checkout', window: '2h' })],
  },
  {
    in: 'web-frontend 5xx 错误率 最近两小时',
    calls: [c('service_error_rate', { service: 'web-frontend', window: '2h' })],
  },
  { in: 'production 的错误率', calls: [c('service_error_rate', { namespace: 'production' })] },
  {
    in: 'api-service 最近30分钟的请求量',
    calls: [c('service_request_rate', { service: 'api-service', window: '30m' })],
  },
  {
    in: 'QPS of web-frontend in the past hour',
    calls: [c('service_request_rate', { service: 'web-frontend', window: '1h' })],
  },
  { in: 'checkout 的 QPS', calls: [c('service_request_rate', { service: 'checkout' })] },
  // Comparisons with earlier.
  {
    in: 'api-service 的错误率和昨天比',
    calls: [c('compare_time_ranges', { query: errorRate('api-service'), offset: '1d' })],
  },
  {
    in: 'compare the qps of api-service with last week',
    calls: [
      c('compare_time_ranges', {
        query: serviceRequestRate(names, { service: 'api-service' }).promql,
        offset: '1w',
      }),
    ],
  },
  {
    in: 'compare sum(rate(http_requests_total[5m])) with 1h ago',
    calls: [c('compare_time_ranges', { query: 'sum(rate(http_requests_total[5m]))', offset: '1h' })],
  },
  // CPU and memory.
  {
    in: '查看 production 命名空间的 Pod CPU 使用率',
    calls: [c('pod_cpu_usage', { namespace: 'production' })],
  },
  { in: 'api-service 的内存使用', calls: [c('pod_memory_usage', { workload: 'api-service' })] },
  {
    in: 'memory usage of the api-service pods in production',
    calls: [c('pod_memory_usage', { namespace: 'production', workload: 'api-service' })],
  },
  {
    in: 'cpu usage of pod api-service-7d9f-abc12 over 15m',
    calls: [c('pod_cpu_usage', { pod: 'api-service-7d9f-abc12', window: '15m' })],
  },
  { in: 'kubectl top pods -n production', calls: [c('pods_top', { namespace: 'production' })] },
  { in: 'pod 资源使用', calls: [c('pods_top')] },
  { in: '哪些 pod 最耗 CPU', calls: [c('top_consumers', { resource: 'cpu', by: 'pod' })] },
  { in: '哪些 pod 最吃内存', calls: [c('top_consumers', { resource: 'memory', by: 'pod' })] },
  {
    in: 'top 10 pods by memory in production',
    calls: [c('top_consumers', { resource: 'memory', by: 'pod', limit: 10, namespace: 'production' })],
  },
  {
    in: 'which namespace uses the most memory',
    calls: [c('top_consumers', { resource: 'memory', by: 'namespace' })],
  },
  { in: '哪个节点的 CPU 用得最多', calls: [c('top_consumers', { resource: 'cpu', by: 'node' })] },
  { in: '节点资源使用情况', calls: [c('node_usage')] },
  { in: 'node-1 的 CPU 使用率', calls: [c('node_usage', { name: 'node-1' })] },
  { in: 'show node usage', calls: [c('node_usage')] },
  // PromQL as given.
  {
    in: 'rate(http_requests_total{service="api-service"}[5m])',
    calls: [c('prometheus_query', { query: 'rate(http_requests_total{service="api-service"}[5m])' })],
  },
  {
    in: '查询 sum(rate(http_requests_total[5m])) by (namespace) 的结果',
    calls: [c('prometheus_query', { query: 'sum(rate(http_requests_total[5m])) by (namespace)' })],
  },
  {
    in: 'run sum(rate(http_requests_total[5m])) by (service) please',
    calls: [c('prometheus_query', { query: 'sum(rate(http_requests_total[5m])) by (service)' })],
  },
  { in: 'promql: up == 0', calls: [c('prometheus_query', { query: 'up == 0' })] },
  {
    in: '执行 "sum by (pod) (container_memory_working_set_bytes)"',
    calls: [c('prometheus_query', { query: 'sum by (pod) (container_memory_working_set_bytes)' })],
  },
  // Alerts, rules, targets, silences.
  { in: '查看告警', calls: [c('alertmanager_alerts')] },
  {
    in: 'list firing alerts in production',
    calls: [c('alertmanager_alerts', { filter: ['namespace="production"'], active: true })],
  },
  { in: 'show critical alerts', calls: [c('alertmanager_alerts', { filter: ['severity="critical"'] })] },
  { in: '有哪些被静默的告警', calls: [c('alertmanager_alerts', { silenced: true })] },
  { in: 'prometheus 的告警', calls: [c('prometheus_alerts')] },
  { in: 'prometheus 告警规则', calls: [c('prometheus_rules')] },
  { in: '查看 prometheus 的抓取目标', calls: [c('prometheus_targets')] },
  { in: '有哪些指标', calls: [c('prometheus_metrics_list')] },
  { in: 'prometheus status', calls: [c('prometheus_status')] },
  { in: 'what labels does prometheus have', calls: [c('prometheus_labels')] },
  { in: 'values of the namespace label', calls: [c('prometheus_label_values', { label: 'namespace' })] },
  { in: 'service 标签的值', calls: [c('prometheus_label_values', { label: 'service' })] },
  { in: 'list silences', calls: [c('alertmanager_silences_list')] },
  { in: '列出所有静默', calls: [c('alertmanager_silences_list')] },
  {
    in: '静默 HighLatency 告警 2 小时',
    calls: [
      c('alertmanager_silence_create', {
        matchers: { alertname: 'HighLatency' },
        duration: '2h',
        comment: 'sre-nanobot agent: 静默 HighLatency 告警 2 小时',
      }),
    ],
  },
  {
    in: 'silence alertname=PodCrashLooping namespace=production for 30m because deploying a fix',
    calls: [
      c('alertmanager_silence_create', {
        matchers: { alertname: 'PodCrashLooping', namespace: 'production' },
        duration: '30m',
        comment: 'deploying a fix',
      }),
    ],
  },
  {
    in: 'mute HighErrorRate for one hour "planned maintenance"',
    calls: [
      c('alertmanager_silence_create', {
        matchers: { alertname: 'HighErrorRate' },
        duration: '1h',
        comment: 'planned maintenance',
      }),
    ],
  },
  {
    in: '删除静默 3f1c2a4b-1234-4cde-9abc-0123456789ab',
    calls: [c('alertmanager_silence_delete', { id: '3f1c2a4b-1234-4cde-9abc-0123456789ab' })],
  },
  {
    in: 'expire silence 3f1c2a4b-1234-4cde-9abc-0123456789ab',
    calls: [c('alertmanager_silence_delete', { id: '3f1c2a4b-1234-4cde-9abc-0123456789ab' })],
  },
  // Cluster-wide overviews.
  { in: '集群健康状况', calls: [c('cluster_health')] },
  { in: 'how is the cluster doing', calls: [c('cluster_health')] },
  { in: 'production 命名空间的健康状况', calls: [c('cluster_health', { namespace: 'production' })] },
  { in: 'cluster status', defaultNamespace: 'team-a', calls: [c('cluster_health')] },
  { in: 'list contexts', calls: [c('contexts_list')] },
  { in: '有哪些集群', calls: [c('contexts_list')] },
]);
