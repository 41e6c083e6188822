import { c, table } from './table.ts';

table('mixed Chinese and English in one message', [
  { in: '看下 prod 的 pods', calls: [c('pods_list', { namespace: 'prod' })] },
  { in: 'list 一下 staging 的 deployment', calls: [c('deployments_list', { namespace: 'staging' })] },
  { in: 'get 所有 namespace 的 pods', calls: [c('pods_list', { allNamespaces: true })] },
  { in: 'describe 一下 node-1', calls: [c('nodes_get', { name: 'node-1' })] },
  { in: '在 prod namespace 重启 web', calls: [c('deployments_restart', { namespace: 'prod', name: 'web' })] },
  {
    in: 'rollback api-service 到 revision 3',
    calls: [c('deployments_rollback', { name: 'api-service', toRevision: 3 })],
  },
  {
    in: '把 payment-service 的 replicas 改成 4',
    calls: [c('deployments_scale', { name: 'payment-service', replicas: 4 })],
  },
  {
    in: 'api-service 的 memory limit 调到 2Gi',
    calls: [
      c('deployments_set_resources', {
        name: 'api-service',
        container: 'api-service',
        limits: { memory: '2Gi' },
      }),
    ],
  },
  { in: 'drain 节点 node-3 忽略 ds', calls: [c('nodes_drain', { name: 'node-3', ignoreDaemonSets: true })] },
  { in: 'cordon 节点 node-2', calls: [c('nodes_cordon', { name: 'node-2' })] },
  {
    in: 'check api-service 的日志 tail 100',
    calls: [c('pods_log', { name: 'api-service', tailLines: 100 })],
  },
  {
    in: 'show me 最近 10 分钟 api-service 的错误日志',
    calls: [c('pods_log', { name: 'api-service', sinceSeconds: 600, grep: 'error' })],
  },
  { in: '查看 api-service 的 events', calls: [c('events_list', { involvedObject: 'api-service' })] },
  {
    in: 'api-service 的 latency P99 是多少',
    calls: [c('service_latency', { service: 'api-service', quantile: 0.99 })],
  },
  { in: 'api-service 的 error rate', calls: [c('service_error_rate', { service: 'api-service' })] },
  {
    in: 'web-frontend 的 QPS in the last hour',
    calls: [c('service_request_rate', { service: 'web-frontend', window: '1h' })],
  },
  {
    in: '给我看看 top 5 的 pod by memory',
    calls: [c('top_consumers', { resource: 'memory', by: 'pod', limit: 5 })],
  },
  { in: '为啥 api-service 老是 OOM', calls: [c('diagnose', { name: 'api-service' })] },
  {
    in: 'silence 告警 HighLatency 1 小时',
    calls: [
      c('alertmanager_silence_create', {
        matchers: { alertname: 'HighLatency' },
        duration: '1h',
        comment: 'sre-nanobot agent: silence 告警 HighLatency 1 小时',
      }),
    ],
  },
  { in: 'list 所有告警', calls: [c('alertmanager_alerts')] },
  {
    in: 'delete 所有 pods',
    ask: 'bulk',
    params: { action: '删除', what: 'Pod', example: '删除 pod api-service-7d9f-abc12' },
  },
]);
