import { type Evidence, parseTime, refOf } from '../evidence/evidence.ts';
import type { Condition, K8sObject } from '../evidence/shapes.ts';
import { eventLine, finding, latestEvent } from '../finding.ts';
import { formatDuration } from '../signals/format.ts';
import { isActive, isPodReady } from '../signals/pods.ts';
import type { Detected, Pattern } from '../types.ts';

const conditionOf = (node: K8sObject, type: string): Condition | undefined =>
  (node.status?.conditions as Condition[] | undefined)?.find((c) => c.type === type);

function detectNode(ev: Evidence, node: K8sObject): Detected | undefined {
  const ready = conditionOf(node, 'Ready');
  if (!ready || ready.status === 'True') return undefined;
  const name = node.metadata.name;
  const since = parseTime(ready.lastTransitionTime);
  const heartbeat = parseTime(ready.lastHeartbeatTime);
  const pods = ev.podsOn(name).filter(isActive);
  const stranded = pods.filter((p) => !isPodReady(p));
  const event = latestEvent(ev, refOf(node), [
    'NodeNotReady',
    'NodeStatusUnknown',
    'Rebooted',
    'KubeletNotReady',
  ]);
  const cordoned = node.spec?.unschedulable === true;
  const taints = ((node.spec?.taints ?? []) as { key: string; effect: string }[]).map(
    (t) => `${t.key}:${t.effect}`,
  );
  const unknown = ready.status === 'Unknown';
  const why = unknown
    ? `its kubelet stopped reporting (${ready.reason ?? 'NodeStatusUnknown'}: ${ready.message ?? 'Kubelet stopped posting node status.'})${heartbeat ? `; last heartbeat ${formatDuration(ev.now - heartbeat)} ago` : ''}`
    : `its kubelet reports NotReady (${ready.reason ?? 'KubeletNotReady'}: ${ready.message ?? 'no message'})`;
  return finding(ev, {
    pattern: 'node_not_ready',
    severity: 'critical',
    resource: node,
    workload: null,
    summary: `Node ${name} is NotReady (Ready=${ready.status})${stranded.length ? `; ${stranded.length} pod(s) on it are not ready` : ''}`,
    rootCause: `Node ${name} is not ready: ${why}${since ? `, since ${formatDuration(ev.now - since)} ago` : ''}. ${pods.length} pod(s) run there${
      stranded.length ? `, ${stranded.length} of them now unready` : ''
    }.${cordoned ? ' It is already cordoned.' : ''}`,
    evidence: [
      `node ${name}: Ready=${ready.status} reason=${ready.reason ?? ''} message="${ready.message ?? ''}"`,
      since !== undefined && `lastTransitionTime ${ready.lastTransitionTime}`,
      taints.length > 0 && `taints: ${taints.join(', ')}`,
      event && eventLine(ev, event),
      stranded.length > 0 &&
        `unready pods on it: ${stranded
          .slice(0, 5)
          .map((p) => `${p.metadata.namespace}/${p.metadata.name}`)
          .join(', ')}`,
    ],
    whys: [
      ...(stranded.length
        ? [`Why are pods such as ${stranded[0].metadata.name} unready? They run on node ${name}.`]
        : []),
      `Why does that matter? Node ${name} is NotReady, so its pods stop serving and are evicted after the toleration period.`,
      `Why is it NotReady? ${why[0].toUpperCase()}${why.slice(1)}.`,
      unknown
        ? 'Why did the kubelet stop? The node is down, hung or cut off from the API server: check it from the provider console.'
        : 'Why? See the condition message: container runtime, network plugin or kubelet health.',
    ],
    runbook: 'cordon_and_drain_node',
    confidence: 0.95,
    subjects: pods.map(refOf),
  });
}

export const nodeNotReady: Pattern = {
  id: 'node_not_ready',
  detect: (ev) =>
    ev
      .list('Node')
      .map((n) => detectNode(ev, n))
      .filter((f) => f !== undefined),
};
