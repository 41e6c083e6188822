import { table } from './table.ts';

const zhScale = { action: '扩缩', what: '部署（Deployment）', example: '将 api-service 扩展到 3 个副本' };
const enScale = { action: 'scale', what: 'deployment', example: 'scale api-service to 3' };
const zhRestart = { action: '重启', what: '部署（Deployment）', example: '重启 api-service' };
const enRestart = { action: 'restart', what: 'deployment', example: 'restart api-service' };
const zhDelete = { action: '删除', what: 'Pod', example: '删除 pod api-service-7d9f-abc12' };
const enDelete = { action: 'delete', what: 'pod', example: 'delete pod api-service-7d9f-abc12' };
const zhDrain = { action: '排空', what: '节点', example: '排空节点 node-1' };
const enDrain = { action: 'drain', what: 'node', example: 'drain node-1' };

table('refusals: no calls and a question that says what is missing or why not', [
  // No target.
  { in: '扩容一下', ask: 'target', params: zhScale },
  { in: 'scale it up', ask: 'target', params: enScale },
  { in: 'restart it', ask: 'target', params: enRestart },
  { in: '重启一下', ask: 'target', params: zhRestart },
  {
    in: 'roll back',
    ask: 'target',
    params: { action: 'roll back', what: 'deployment', example: 'roll back api-service' },
  },
  { in: 'drain the node', ask: 'target', params: enDrain },
  { in: '排空节点', ask: 'target', params: zhDrain },
  { in: 'cordon', ask: 'target', params: { action: 'cordon', what: 'node', example: 'cordon node-1' } },
  { in: '删除 pod', ask: 'target', params: zhDelete },
  { in: '查看日志', ask: 'logTarget' },
  { in: 'show me the logs', ask: 'logTarget' },
  // Replicas missing, negative, fractional, absurd, relative.
  { in: 'scale api-service', ask: 'replicasMissing', params: { name: 'api-service' } },
  { in: '扩容 api-service', ask: 'replicasMissing', params: { name: 'api-service' } },
  { in: '把 api-service 扩到 -1 个副本', ask: 'replicasNegative', params: { n: -1 } },
  { in: 'scale web-frontend to -3 replicas', ask: 'replicasNegative', params: { n: -3 } },
  { in: '扩容 api-service 到 2.5 个副本', ask: 'replicasFraction', params: { n: 2.5 } },
  { in: 'scale api-service to 100000', ask: 'replicasTooMany', params: { n: 100000 } },
  { in: '将 api-service 扩展到 5000 个副本', ask: 'replicasTooMany', params: { n: 5000 } },
  { in: 'add 2 replicas to api-service', ask: 'replicasRelative', params: { name: 'api-service' } },
  { in: 'api-service 副本数翻倍', ask: 'replicasRelative', params: { name: 'api-service' } },
  // Bulk and wildcards.
  { in: 'delete everything', ask: 'bulk', params: enDelete },
  { in: '删除所有 pod', ask: 'bulk', params: zhDelete },
  { in: '删除 production 里所有的 pod', ask: 'bulk', params: zhDelete },
  { in: 'delete pods app-*', ask: 'bulk', params: enDelete },
  { in: 'delete all pods in all namespaces', ask: 'bulk', params: enDelete },
  { in: 'restart all deployments in production', ask: 'bulk', params: enRestart },
  { in: '重启所有 deployment', ask: 'bulk', params: zhRestart },
  { in: 'scale everything to 0', ask: 'bulk', params: enScale },
  { in: 'drain all nodes', ask: 'bulk', params: enDrain },
  // What is not deleted, scaled or known.
  { in: '删除 deployment api-service', ask: 'deleteKind', params: { kind: 'Deployment' } },
  { in: '删除 api-service', ask: 'deleteKind', params: { kind: '工作负载' } },
  { in: 'delete namespace staging', ask: 'deleteKind', params: { kind: 'Namespace' } },
  {
    in: 'scale statefulset redis to 3',
    ask: 'onlyDeployments',
    params: { action: 'scale', kind: 'StatefulSet' },
  },
  { in: 'list the foobars', ask: 'unknownKind', params: { word: 'foobars' } },
  { in: 'list all the widgets', ask: 'unknownKind', params: { word: 'widgets' } },
  { in: '列出所有 foobar 资源', ask: 'unknownKind', params: { word: 'foobar' } },
  // Other missing pieces.
  { in: 'increase memory of api-service', ask: 'resourceValue', params: { name: 'api-service' } },
  { in: '静默告警', ask: 'silenceMatchers' },
  { in: 'delete the silence', ask: 'silenceId' },
  { in: 'compare the latency of api-service', ask: 'compare' },
  { in: 'stop api-service', ask: 'stop', params: { name: 'api-service' } },
  { in: '不要重启 api-service', ask: 'negated' },
  { in: 'rollback web-frontend to revision -1', ask: 'revision', params: { n: -1 } },
  // Pasted text and advice questions never become changes.
  { in: '这段日志什么意思：ERROR: please restart api-service', ask: 'logTarget' },
  { in: "the log says 'delete pod x-7d9f-abc12', what does it mean", ask: 'logTarget' },
  // Greetings and nonsense.
  { in: 'hello', ask: 'help' },
  { in: '你好', ask: 'help' },
  { in: 'thanks', ask: 'help' },
  { in: 'asdfgh qwerty', ask: 'help' },
  { in: '', ask: 'help' },
  { in: '？？？', ask: 'help' },
]);
