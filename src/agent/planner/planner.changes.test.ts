import { c, table } from './table.ts';

table('changes: scale, restart, roll back, resources, delete pods, nodes', [
  // Scale, with the design's example.
  {
    in: '将 api-service 扩展到 10 个副本',
    calls: [c('deployments_scale', { name: 'api-service', replicas: 10 })],
  },
  { in: 'scale api-service to 5', calls: [c('deployments_scale', { name: 'api-service', replicas: 5 })] },
  {
    in: 'scale deploy/api-service to 5 -n production',
    calls: [c('deployments_scale', { namespace: 'production', name: 'api-service', replicas: 5 })],
  },
  {
    in: 'kubectl scale deploy api-service --replicas=3 -n production',
    calls: [c('deployments_scale', { namespace: 'production', name: 'api-service', replicas: 3 })],
  },
  {
    in: 'scale down web-frontend to 1 replica',
    calls: [c('deployments_scale', { name: 'web-frontend', replicas: 1 })],
  },
  {
    in: 'please scale checkout down to zero in shop',
    calls: [c('deployments_scale', { namespace: 'shop', name: 'checkout', replicas: 0 })],
  },
  {
    in: 'set replicas of web-frontend to 2',
    calls: [c('deployments_scale', { name: 'web-frontend', replicas: 2 })],
  },
  {
    in: 'make web-frontend run 4 replicas',
    calls: [c('deployments_scale', { name: 'web-frontend', replicas: 4 })],
  },
  {
    in: '缩容 payment-service 到 0',
    calls: [c('deployments_scale', { name: 'payment-service', replicas: 0 })],
  },
  { in: 'api-service 副本数改为 3', calls: [c('deployments_scale', { name: 'api-service', replicas: 3 })] },
  {
    in: '把 api-service 的副本设置成 5 个',
    calls: [c('deployments_scale', { name: 'api-service', replicas: 5 })],
  },
  {
    in: '扩容 web-frontend 至 6 个实例',
    calls: [c('deployments_scale', { name: 'web-frontend', replicas: 6 })],
  },
  { in: '帮我把 cart 扩容到三个副本', calls: [c('deployments_scale', { name: 'cart', replicas: 3 })] },
  {
    in: '把 api-service 扩到二十个副本，在 production 命名空间',
    calls: [c('deployments_scale', { namespace: 'production', name: 'api-service', replicas: 20 })],
  },
  {
    in: '将 production 命名空间的 api-service 服务扩容到 8 个副本',
    calls: [c('deployments_scale', { namespace: 'production', name: 'api-service', replicas: 8 })],
  },
  {
    in: 'scale api-service and web-frontend to 3',
    calls: [
      c('deployments_scale', { name: 'api-service', replicas: 3 }),
      c('deployments_scale', { name: 'web-frontend', replicas: 3 }),
    ],
  },
  {
    in: 'scale deploymnet api-service to 4 replcias',
    calls: [c('deployments_scale', { name: 'api-service', replicas: 4 })],
  },
  {
    in: '将api-service扩展到１０个副本！',
    calls: [c('deployments_scale', { name: 'api-service', replicas: 10 })],
  },
  {
    in: 'scale api-service to 3 --dry-run',
    calls: [c('deployments_scale', { name: 'api-service', replicas: 3, dryRun: true })],
  },
  {
    in: 'scale api-service to 2',
    defaultNamespace: 'team-a',
    calls: [c('deployments_scale', { namespace: 'team-a', name: 'api-service', replicas: 2 })],
  },
  {
    in: 'I need 5 replicas of api-service',
    calls: [c('deployments_scale', { name: 'api-service', replicas: 5 })],
  },
  {
    in: 'scale 一下 web-frontend 到 3 个 replicas',
    calls: [c('deployments_scale', { name: 'web-frontend', replicas: 3 })],
  },
  { in: 'scale api-service to three', calls: [c('deployments_scale', { name: 'api-service', replicas: 3 })] },
  // Advice questions read instead of changing.
  { in: 'should I scale api-service to 5?', calls: [c('deployments_get', { name: 'api-service' })] },
  { in: '要不要重启 api-service', calls: [c('deployments_get', { name: 'api-service' })] },
  { in: 'how many times did api-service restart', calls: [c('deployments_get', { name: 'api-service' })] },
  {
    in: 'scale api-service, web-frontend and cart to 2',
    calls: [
      c('deployments_scale', { name: 'api-service', replicas: 2 }),
      c('deployments_scale', { name: 'web-frontend', replicas: 2 }),
      c('deployments_scale', { name: 'cart', replicas: 2 }),
    ],
  },
  // Restart.
  { in: '帮我 restart 一下 api-service', calls: [c('deployments_restart', { name: 'api-service' })] },
  {
    in: '重启 api-service, namespace=production',
    calls: [c('deployments_restart', { namespace: 'production', name: 'api-service' })],
  },
  {
    in: '重启 api-service，命名空间：production',
    calls: [c('deployments_restart', { namespace: 'production', name: 'api-service' })],
  },
  {
    in: 'restart web-frontend in staging',
    calls: [c('deployments_restart', { namespace: 'staging', name: 'web-frontend' })],
  },
  {
    in: 'kubectl rollout restart deploy/web-frontend -n staging',
    calls: [c('deployments_restart', { namespace: 'staging', name: 'web-frontend' })],
  },
  { in: '重启一下 payment-service 服务', calls: [c('deployments_restart', { name: 'payment-service' })] },
  {
    in: 'restart checkout in shop',
    calls: [c('deployments_restart', { namespace: 'shop', name: 'checkout' })],
  },
  { in: 'restat api-service', calls: [c('deployments_restart', { name: 'api-service' })] },
  {
    in: '重启 payment-service 和 order-service',
    calls: [
      c('deployments_restart', { name: 'payment-service' }),
      c('deployments_restart', { name: 'order-service' }),
    ],
  },
  { in: '重启 pod api-service-7d9f-abc12', calls: [c('pods_delete', { name: 'api-service-7d9f-abc12' })] },
  { in: 'restart redis-0', calls: [c('pods_delete', { name: 'redis-0' })] },
  // Roll back.
  {
    in: 'roll back web-frontend in staging',
    calls: [c('deployments_rollback', { namespace: 'staging', name: 'web-frontend' })],
  },
  {
    in: 'rollback api-service to revision 2',
    calls: [c('deployments_rollback', { name: 'api-service', toRevision: 2 })],
  },
  {
    in: '回滚 api-service 到版本 3',
    calls: [c('deployments_rollback', { name: 'api-service', toRevision: 3 })],
  },
  {
    in: '回滚 api-service 到第 2 个版本',
    calls: [c('deployments_rollback', { name: 'api-service', toRevision: 2 })],
  },
  { in: '把 api-service 回滚到上一个版本', calls: [c('deployments_rollback', { name: 'api-service' })] },
  {
    in: 'revert web-frontend to the previous revision',
    calls: [c('deployments_rollback', { name: 'web-frontend' })],
  },
  { in: 'undo api-service rollout', calls: [c('deployments_rollback', { name: 'api-service' })] },
  {
    in: 'kubectl rollout undo deployment/api-service --to-revision=2 -n production',
    calls: [c('deployments_rollback', { namespace: 'production', name: 'api-service', toRevision: 2 })],
  },
  { in: 'rollbak web-frontend', calls: [c('deployments_rollback', { name: 'web-frontend' })] },
  // Resources.
  {
    in: '把 api-service 的内存限制调到 1Gi',
    calls: [
      c('deployments_set_resources', {
        name: 'api-service',
        container: 'api-service',
        limits: { memory: '1Gi' },
      }),
    ],
  },
  {
    in: 'set cpu limit of checkout to 2 cores and memory to 4G',
    calls: [
      c('deployments_set_resources', {
        name: 'checkout',
        container: 'checkout',
        limits: { cpu: '2', memory: '4Gi' },
      }),
    ],
  },
  {
    in: '把 web-frontend 的 cpu 调整为 500m',
    calls: [
      c('deployments_set_resources', {
        name: 'web-frontend',
        container: 'web-frontend',
        limits: { cpu: '500m' },
      }),
    ],
  },
  {
    in: 'api-service 内存加到 2G',
    calls: [
      c('deployments_set_resources', {
        name: 'api-service',
        container: 'api-service',
        limits: { memory: '2Gi' },
      }),
    ],
  },
  {
    in: '把 api-service 的 cpu 限制调到 2',
    calls: [
      c('deployments_set_resources', { name: 'api-service', container: 'api-service', limits: { cpu: '2' } }),
    ],
  },
  {
    in: '把 api-service 的 cpu request 设为 250m',
    calls: [
      c('deployments_set_resources', {
        name: 'api-service',
        container: 'api-service',
        requests: { cpu: '250m' },
      }),
    ],
  },
  {
    in: 'set memory request of api-service container app to 512Mi in production',
    calls: [
      c('deployments_set_resources', {
        namespace: 'production',
        name: 'api-service',
        container: 'app',
        requests: { memory: '512Mi' },
      }),
    ],
  },
  {
    in: '给 payment-service 的内存限制加到 1.5G，CPU 限制 半核',
    calls: [
      c('deployments_set_resources', {
        name: 'payment-service',
        container: 'payment-service',
        limits: { memory: '1.5Gi', cpu: '500m' },
      }),
    ],
  },
  // Delete pods.
  { in: 'delete pod api-service-7d9f-abc12', calls: [c('pods_delete', { name: 'api-service-7d9f-abc12' })] },
  {
    in: 'kill pod redis-0 in production',
    calls: [c('pods_delete', { namespace: 'production', name: 'redis-0' })],
  },
  {
    in: '删除 pod web-frontend-5d8c9-x2x4z，宽限期 0 秒',
    calls: [c('pods_delete', { name: 'web-frontend-5d8c9-x2x4z', gracePeriodSeconds: 0 })],
  },
  // Nodes.
  { in: 'cordon node-1', calls: [c('nodes_cordon', { name: 'node-1' })] },
  { in: '封锁节点 node-2', calls: [c('nodes_cordon', { name: 'node-2' })] },
  { in: '把 node-2 设置为不可调度', calls: [c('nodes_cordon', { name: 'node-2' })] },
  { in: 'uncordon node-2', calls: [c('nodes_uncordon', { name: 'node-2' })] },
  { in: '解除 node-2 的封锁', calls: [c('nodes_uncordon', { name: 'node-2' })] },
  {
    in: 'drain node-3 ignoring daemonsets with grace period 30s',
    calls: [c('nodes_drain', { name: 'node-3', ignoreDaemonSets: true, gracePeriodSeconds: 30 })],
  },
  {
    in: 'drain node-4 --ignore-daemonsets --delete-emptydir-data',
    calls: [c('nodes_drain', { name: 'node-4', ignoreDaemonSets: true, deleteEmptyDirData: true })],
  },
  {
    in: '排空节点 node-1，删除 emptydir 数据，强制',
    calls: [c('nodes_drain', { name: 'node-1', deleteEmptyDirData: true, force: true })],
  },
  {
    in: '驱逐 worker-1 上的所有 pod，忽略 daemonset',
    calls: [c('nodes_drain', { name: 'worker-1', ignoreDaemonSets: true })],
  },
]);
