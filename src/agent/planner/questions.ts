import type { Lang } from './segment.ts';

/**
 * What the planner says instead of guessing: each question names exactly what is missing or why the
 * request will not be carried out, with an example to copy. Chinese in, Chinese out.
 */
type Say = (p: Record<string, string | number>) => string;
const Q = (zh: Say, en: Say) => ({ zh, en });

export const REPLICA_CEILING = 1000;

const QUESTIONS = {
  help: Q(
    () =>
      '我可以查看和操作 Kubernetes 集群及其监控。请告诉我要做什么，例如：“查看 production 命名空间的 Pod”、“将 api-service 扩展到 10 个副本”、“查看 api-service 的 P99 延迟”、“分析 payment-service 为什么一直重启”。',
    () =>
      'I can read and operate the Kubernetes cluster and its monitoring. Tell me what to do, for example: "list pods in production", "scale api-service to 10 replicas", "show the P99 latency of api-service", "why does payment-service keep restarting?".',
  ),
  target: Q(
    (p) => `要${p.action}哪个${p.what}？请给出名称，例如：“${p.example}”。`,
    (p) => `Which ${p.what} should I ${p.action}? Please name it, e.g. "${p.example}".`,
  ),
  logTarget: Q(
    () => '要看哪个 Pod 的日志？请给出 Pod 名称，例如：“查看 api-service-7d9f-abc12 的最后 100 行日志”。',
    () =>
      'Whose log should I read? Please name the pod, e.g. "show the last 100 log lines of api-service-7d9f-abc12".',
  ),
  replicasMissing: Q(
    (p) => `要把 ${p.name} 扩缩到多少个副本？请给出目标副本数，例如：“将 ${p.name} 扩展到 3 个副本”。`,
    (p) =>
      `How many replicas should ${p.name} have? Please give the target count, e.g. "scale ${p.name} to 3".`,
  ),
  replicasNegative: Q(
    (p) => `副本数不能是负数（${p.n}）。请给出 0 到 ${REPLICA_CEILING} 之间的整数。`,
    (p) =>
      `A replica count cannot be negative (${p.n}). Please give a whole number from 0 to ${REPLICA_CEILING}.`,
  ),
  replicasFraction: Q(
    (p) => `副本数必须是整数（${p.n}）。请给出 0 到 ${REPLICA_CEILING} 之间的整数。`,
    (p) => `A replica count must be a whole number (${p.n}). Please give one from 0 to ${REPLICA_CEILING}.`,
  ),
  replicasTooMany: Q(
    (p) =>
      `${p.n} 个副本超过了单次扩容的安全上限 ${REPLICA_CEILING}（多半是笔误，且可能耗尽集群资源）。请确认数字，或分步扩容。`,
    (p) =>
      `${p.n} replicas is above the safety ceiling of ${REPLICA_CEILING} per step (most likely a typo, and it could exhaust the cluster). Please check the number or scale in steps.`,
  ),
  replicasRelative: Q(
    (p) =>
      `我看不到 ${p.name} 当前的副本数，无法按增量或倍数扩缩。请给出目标副本数，例如：“将 ${p.name} 扩展到 5 个副本”。`,
    (p) =>
      `I cannot see how many replicas ${p.name} has now, so I cannot scale by a difference or a factor. Please give the target count, e.g. "scale ${p.name} to 5".`,
  ),
  bulk: Q(
    (p) =>
      `我不会一次性${p.action}一批对象（“所有/全部”、通配符或所有命名空间）。请逐个给出名称，例如：“${p.example}”。`,
    (p) =>
      `I will not ${p.action} many objects at once ("all", "everything", wildcards or all namespaces). Please name one, e.g. "${p.example}".`,
  ),
  revision: Q(
    (p) =>
      `版本号必须是正整数（${p.n}）。请给出要回滚到的版本，例如“回滚 api-service 到版本 3”，或说“上一个版本”。`,
    (p) =>
      `A revision is a positive whole number (${p.n}). Please give the revision to go back to, e.g. "roll back api-service to revision 3", or say "the previous version".`,
  ),
  deleteKind: Q(
    (p) =>
      `我只删除单个 Pod（它的控制器会重建它）。删除 ${p.kind} 这样的对象请走 kubectl 或经过评审的变更流程。`,
    (p) =>
      `I only delete single pods (their controller recreates them). Deleting a ${p.kind} has to go through kubectl or a reviewed change.`,
  ),
  onlyDeployments: Q(
    (p) => `我只能${p.action} Deployment；${p.kind} 请用 kubectl 操作。`,
    (p) => `I can only ${p.action} Deployments; for a ${p.kind} please use kubectl.`,
  ),
  unknownKind: Q(
    (p) =>
      `我不认识资源类型“${p.word}”。我认识：pod、deployment、service、node、namespace、pvc、event、statefulset、daemonset、job、cronjob、configmap、secret、ingress、hpa 等；自定义资源请写 kind=类型名（例如 kind=Certificate）。`,
    (p) =>
      `I do not know the resource kind "${p.word}". I know pods, deployments, services, nodes, namespaces, pvcs, events, statefulsets, daemonsets, jobs, cronjobs, configmaps, secrets, ingresses, hpas and more; for a custom resource write kind=<Kind> (e.g. kind=Certificate).`,
  ),
  resourceValue: Q(
    (p) => `要把 ${p.name} 的 CPU/内存调整成多少？请给出数值，例如：“把 ${p.name} 的内存限制调到 1Gi”。`,
    (p) =>
      `What should the CPU/memory of ${p.name} be? Please give a value, e.g. "set the memory limit of ${p.name} to 1Gi".`,
  ),
  silenceMatchers: Q(
    () => '要静默哪些告警？请给出匹配条件（和时长），例如：“静默 alertname=HighLatency 2 小时”。',
    () =>
      'Which alerts should I silence? Please give a matcher (and a duration), e.g. "silence alertname=HighLatency for 2h".',
  ),
  silenceId: Q(
    () => '要删除哪个静默？请给出静默 ID（可先说“列出所有静默”查看）。',
    () => 'Which silence should I delete? Please give its id ("list silences" shows them).',
  ),
  compare: Q(
    () => '要对比哪个指标、和什么时候比？例如：“api-service 的错误率和昨天比”。',
    () =>
      'Which metric should I compare, and with when? e.g. "compare the error rate of api-service with yesterday".',
  ),
  stop: Q(
    (p) => `“停止”不是单独的操作。如果要停掉 ${p.name}，请明确说：“将 ${p.name} 缩容到 0 个副本”。`,
    (p) =>
      `"Stop" is not an operation of its own. To stop ${p.name}, please say so explicitly: "scale ${p.name} to 0".`,
  ),
  negated: Q(
    () => '好的，不执行该操作。还需要我做什么吗？',
    () => 'OK, I will not do that. What else can I do for you?',
  ),
  handover: Q(
    () =>
      '我先做只读诊断。告警的修复不会由聊天消息直接触发：告警经网关（POST /api/v1/alerts/alertmanager）进入事件流程，匹配预案并经审批后执行。需要我根据诊断结果建议下一步吗？',
    () =>
      'I will run a read-only diagnosis first. Remediation is never triggered from a chat message: alerts go through the gateway (POST /api/v1/alerts/alertmanager), which matches a runbook and runs it after approval. Shall I suggest next steps from the diagnosis?',
  ),
};

export type QuestionKey = keyof typeof QUESTIONS;

export const ask = (lang: Lang, key: QuestionKey, params: Record<string, string | number> = {}): string =>
  QUESTIONS[key][lang](params);
