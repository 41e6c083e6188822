import { z } from 'zod';
import { nodeUsage } from '../../prometheus/queries/nodes.ts';
import { topConsumers } from '../../prometheus/queries/top.ts';
import { READ_ONLY } from '../tool.ts';
import { runCanned, scopeText } from './canned.ts';
import { definePrometheusTool } from './define.ts';
import { full, namespace, window } from './params.ts';

export const nodeUsageTool = definePrometheusTool({
  name: 'node_usage',
  title: 'Node usage',
  description:
    'CPU busy, memory used and root filesystem used of each node (or one), as percentages of capacity, from node-exporter. The answer shows the PromQL.',
  input: { name: z.string().min(1).optional().describe('Node name; omit for all nodes.'), window, full },
  hints: READ_ONLY,
  run: (args, ctx) =>
    runCanned(ctx, nodeUsage(ctx.metrics, args.name, args.window), {
      title: `node_usage ${args.name ?? 'all nodes'}`,
      full: args.full,
      emptyHint: `no node-exporter series match${args.name ? ` node ${args.name}` : ''}; check that ${ctx.metrics.nodeCpu} is scraped and carries the ${ctx.metrics.labels.node} label`,
    }),
});

export const topConsumersTool = definePrometheusTool({
  name: 'top_consumers',
  title: 'Top CPU or memory consumers',
  description:
    'The pods, namespaces or nodes using the most CPU (cores) or memory (working set), largest first. The answer shows the PromQL.',
  input: {
    resource: z.enum(['cpu', 'memory']).optional().describe('cpu (default) or memory.'),
    by: z
      .enum(['pod', 'namespace', 'node'])
      .optional()
      .describe('Group by pod (default), namespace or node.'),
    limit: z.number().int().min(1).max(100).optional().describe('How many (default 10).'),
    namespace,
    window,
  },
  hints: READ_ONLY,
  run: (args, ctx) => {
    const q = topConsumers(ctx.metrics, {
      resource: args.resource ?? 'cpu',
      by: args.by ?? 'pod',
      limit: args.limit ?? 10,
      namespace: args.namespace,
      window: args.window,
    });
    return runCanned(ctx, [q], {
      title: `top_consumers ${scopeText(args.namespace, undefined)}`,
      keepOrder: true,
      full: true,
      emptyHint: 'no container series match; check the namespace and that cAdvisor metrics are scraped',
    });
  },
});
