import { clusterHealth } from '../../k8s/health.ts';
import { READ_ONLY } from '../tool.ts';
import { defineK8sTool } from './define.ts';
import { context, namespace } from './params.ts';

const counts = (byKey: Record<string, number>) =>
  Object.entries(byKey)
    .sort((a, b) => b[1] - a[1])
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');

export const clusterHealthTool = defineK8sTool({
  name: 'cluster_health',
  title: 'Cluster health summary',
  description:
    'A short health summary of a cluster (or one namespace): nodes ready/not ready/cordoned/under pressure, pods not running grouped by reason (CrashLoopBackOff, Pending, OOMKilled…), deployments without all replicas available, and warning events by reason. Start here when asked "what is wrong".',
  input: {
    context,
    namespace: namespace.describe('Only this namespace (nodes are always all); omit for the whole cluster.'),
  },
  hints: READ_ONLY,
  async run(args, ctx) {
    const kube = await ctx.clusters.kube(args.context);
    const h = await clusterHealth(kube, args.namespace);
    const notRunning = Object.values(h.pods.notRunningByReason).reduce((a, b) => a + b, 0);
    const lines = [
      `Cluster ${h.context}${args.namespace ? `, namespace ${args.namespace}` : ''}:`,
      `Nodes: ${h.nodes.ready}/${h.nodes.total} ready${h.nodes.notReady.length ? `; not ready: ${h.nodes.notReady.join(', ')}` : ''}${h.nodes.unschedulable.length ? `; cordoned: ${h.nodes.unschedulable.join(', ')}` : ''}${h.nodes.pressure.length ? `; pressure: ${h.nodes.pressure.join('; ')}` : ''}`,
      `Pods: ${h.pods.total} total, ${h.pods.running} running and ready, ${h.pods.succeeded} completed, ${notRunning} not running or not ready${notRunning ? ` (${counts(h.pods.notRunningByReason)})` : ''}`,
      ...h.pods.examples.map((e) => `  - ${e}`),
      `Deployments: ${h.deployments.total - h.deployments.notAvailable.length}/${h.deployments.total} fully available${h.deployments.notAvailable.length ? `; not: ${h.deployments.notAvailable.join(', ')}` : ''}`,
      `Warning events: ${h.warningEvents.total}${h.warningEvents.total ? ` (${counts(h.warningEvents.byReason)})` : ''}`,
    ];
    return lines.join('\n');
  },
});
