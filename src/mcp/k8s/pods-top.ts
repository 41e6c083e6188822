import { z } from 'zod';
import { podUsage } from '../../k8s/metrics.ts';
import { formatBytes, formatMillicores } from '../../kube/quantity.ts';
import { table } from '../format/table.ts';
import { READ_ONLY } from '../tool.ts';
import { defineK8sTool } from './define.ts';
import { listOutput } from './list-output.ts';
import { allNamespaces, context, labelSelector, namespace } from './params.ts';

export const podsTop = defineK8sTool({
  name: 'pods_top',
  title: 'Pod CPU and memory usage',
  description:
    'Current CPU and memory use of pods (like `kubectl top pods`, from metrics-server), heaviest first. Use it to find the pod eating a node or a namespace; compare with limits from pods_get.',
  input: {
    context,
    namespace,
    allNamespaces,
    labelSelector,
    sortBy: z.enum(['cpu', 'memory']).optional().describe('Order by cpu (default) or memory.'),
    limit: z.number().int().min(1).max(1000).optional().describe('Show the top N pods (default 20).'),
    containers: z.boolean().optional().describe('Show each container on its own line.'),
  },
  hints: READ_ONLY,
  async run(args, ctx) {
    const kube = await ctx.clusters.kube(args.context);
    const usage = await podUsage(kube, {
      namespace: args.namespace,
      allNamespaces: args.allNamespaces,
      labelSelector: args.labelSelector,
    });
    const key = args.sortBy === 'memory' ? 'memoryBytes' : 'cpuCores';
    usage.sort((a, b) => b[key] - a[key]);
    const limit = args.limit ?? 20;
    const shown = usage.slice(0, limit);
    const all = Boolean(args.allNamespaces);
    return listOutput(
      { ...args, output: 'summary' },
      { items: shown, more: usage.length > limit, remaining: usage.length - limit },
      (items) =>
        table(
          [...(all ? ['namespace'] : []), 'name', ...(args.containers ? ['container'] : []), 'cpu', 'memory'],
          items.flatMap((p) =>
            args.containers
              ? p.containers.map((c) => [
                  ...(all ? [p.namespace] : []),
                  p.name,
                  c.name,
                  formatMillicores(c.cpuCores),
                  formatBytes(c.memoryBytes),
                ])
              : [
                  [
                    ...(all ? [p.namespace] : []),
                    p.name,
                    formatMillicores(p.cpuCores),
                    formatBytes(p.memoryBytes),
                  ],
                ],
          ),
        ),
    );
  },
});
