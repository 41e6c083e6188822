import { table } from '../format/table.ts';
import { READ_ONLY } from '../tool.ts';
import { defineK8sTool } from './define.ts';

export const contextsList = defineK8sTool({
  name: 'contexts_list',
  title: 'List kubeconfig contexts',
  description:
    'List the clusters this server can reach: each kubeconfig context with its cluster, API server URL and default namespace (never credentials). Pass a name as `context` to any other tool to act on that cluster; `*` marks the default.',
  input: {},
  hints: READ_ONLY,
  async run(_args, ctx) {
    const contexts = await ctx.clusters.contexts();
    return table(
      ['current', 'name', 'cluster', 'server', 'namespace'],
      contexts.map((c) => [c.isDefault ? '*' : '', c.name, c.cluster, c.server, c.namespace]),
    );
  },
});
