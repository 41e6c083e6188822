import { age } from '../../k8s/age.ts';
import { getNode, listNodes, summarizeNode } from '../../k8s/nodes.ts';
import { listPods, summarizePod } from '../../k8s/pods.ts';
import { formatBytes, formatMillicores } from '../../kube/quantity.ts';
import { bounded } from '../format/bound.ts';
import { render } from '../format/render.ts';
import { table } from '../format/table.ts';
import { READ_ONLY } from '../tool.ts';
import { defineK8sTool } from './define.ts';
import { describeNode } from './describe.ts';
import { listOutput } from './list-output.ts';
import { context, labelSelector, limit, name, output } from './params.ts';

export const nodesList = defineK8sTool({
  name: 'nodes_list',
  title: 'List nodes',
  description:
    'List nodes with STATUS (Ready/NotReady, SchedulingDisabled when cordoned), roles, age, kubelet version, IP, allocatable CPU/memory and problems (MemoryPressure, DiskPressure, PIDPressure, taints).',
  input: { context, labelSelector, limit, output },
  hints: READ_ONLY,
  async run(args, ctx) {
    const kube = await ctx.clusters.kube(args.context);
    const result = await listNodes(kube, { labelSelector: args.labelSelector, limit: args.limit });
    return listOutput({ ...args, allNamespaces: true }, result, (items) =>
      table(
        ['name', 'status', 'roles', 'age', 'version', 'internal-ip', 'cpu', 'memory', 'problems'],
        items.map((n) => {
          const s = summarizeNode(n);
          return [
            s.name,
            `${s.ready}${s.schedulable ? '' : ',SchedulingDisabled'}`,
            s.roles.join(','),
            age(s.createdAt),
            s.version,
            s.internalIP,
            formatMillicores(s.cpuCores),
            formatBytes(s.memoryBytes),
            [...s.problems, ...s.taints].join(', '),
          ];
        }),
      ),
    );
  },
});

export const nodesGet = defineK8sTool({
  name: 'nodes_get',
  title: 'Get one node',
  description:
    'Show one node: status, conditions with their messages (Ready, MemoryPressure, DiskPressure, …), taints, capacity and allocatable, and the pods running on it. output "yaml"/"json" gives the full object.',
  input: { context, name: name('node'), output },
  hints: READ_ONLY,
  async run(args, ctx) {
    const kube = await ctx.clusters.kube(args.context);
    const [node, pods] = await Promise.all([
      getNode(kube, args.name),
      listPods(kube, { allNamespaces: true, fieldSelector: `spec.nodeName=${args.name}` }),
    ]);
    if (args.output === 'yaml' || args.output === 'json')
      return bounded(await render(node, args.output), 'Use the summary output instead.');
    return bounded(
      describeNode(node, summarizeNode(node), pods.items.map(summarizePod)),
      'Use output "yaml" for the node alone.',
    );
  },
});
