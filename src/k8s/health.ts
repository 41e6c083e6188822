import type { Kube } from './kube.ts';
import { summarizeNode } from './nodes.ts';
import { podStatus } from './pod-status.ts';
import { TYPES } from './resource-types.ts';
import type { Deployment, KubeEvent, KubeNode, Pod } from './wire.ts';
import { summarizeWorkload } from './workloads.ts';

export interface ClusterHealth {
  context: string;
  nodes: { total: number; ready: number; notReady: string[]; unschedulable: string[]; pressure: string[] };
  pods: {
    total: number;
    running: number;
    succeeded: number;
    notRunningByReason: Record<string, number>;
    examples: string[];
  };
  deployments: { total: number; notAvailable: string[] };
  warningEvents: { total: number; byReason: Record<string, number> };
}

const HEALTHY_POD = new Set(['Running', 'Completed']);
const EXAMPLES = 10;

/** One-screen health of a cluster from four LIST calls made at once. */
export async function clusterHealth(kube: Kube, namespace?: string): Promise<ClusterHealth> {
  const scope = namespace ? { namespace } : { allNamespaces: true };
  const [nodes, pods, deployments, events] = await Promise.all([
    kube.list<KubeNode>(TYPES.node),
    kube.list<Pod>(TYPES.pod, scope),
    kube.list<Deployment>(TYPES.deployment, scope),
    kube.list<KubeEvent>(TYPES.event, { ...scope, fieldSelector: 'type=Warning' }),
  ]);
  const nodeSummaries = nodes.items.map(summarizeNode);
  const health: ClusterHealth = {
    context: kube.context,
    nodes: {
      total: nodeSummaries.length,
      ready: nodeSummaries.filter((n) => n.ready === 'Ready').length,
      notReady: nodeSummaries.filter((n) => n.ready !== 'Ready').map((n) => `${n.name} (${n.ready})`),
      unschedulable: nodeSummaries.filter((n) => !n.schedulable).map((n) => n.name),
      pressure: nodeSummaries
        .filter((n) => n.problems.length)
        .map((n) => `${n.name}: ${n.problems.join(', ')}`),
    },
    pods: { total: pods.items.length, running: 0, succeeded: 0, notRunningByReason: {}, examples: [] },
    deployments: { total: deployments.items.length, notAvailable: [] },
    warningEvents: { total: 0, byReason: {} },
  };
  for (const pod of pods.items) {
    const status = podStatus(pod);
    const ready = pod.status?.containerStatuses?.every((c) => c.ready) ?? false;
    if (status === 'Completed') health.pods.succeeded++;
    else if (HEALTHY_POD.has(status) && ready) health.pods.running++;
    else {
      const reason = status === 'Running' ? 'NotReady' : status;
      health.pods.notRunningByReason[reason] = (health.pods.notRunningByReason[reason] ?? 0) + 1;
      if (health.pods.examples.length < EXAMPLES)
        health.pods.examples.push(`${pod.metadata?.namespace}/${pod.metadata?.name} ${reason}`);
    }
  }
  for (const d of deployments.items) {
    const s = summarizeWorkload('Deployment', d);
    if (s.available < s.desired)
      health.deployments.notAvailable.push(`${s.namespace}/${s.name} ${s.available}/${s.desired} available`);
  }
  for (const e of events.items) {
    const count = e.series?.count ?? e.count ?? 1;
    health.warningEvents.total += count;
    const reason = e.reason ?? 'Unknown';
    health.warningEvents.byReason[reason] = (health.warningEvents.byReason[reason] ?? 0) + count;
  }
  return health;
}
