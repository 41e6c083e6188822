import { KubeError } from '../../k8s/errors.ts';
import { table } from '../format/table.ts';
import { READ_ONLY } from '../tool.ts';
import { defineK8sTool } from './define.ts';
import { context } from './params.ts';

export const contextsList = defineK8sTool({
  name: 'contexts_list',
  title: 'List kubeconfig contexts',
  description:
    'List the clusters this server can reach: each kubeconfig context with its cluster, API server URL and default namespace (never credentials). Pass a name as `context` to any other tool to act on that cluster; `*` marks the default.',
  input: { context: context.describe('Show only this context; omit for all.') },
  hints: READ_ONLY,
  async run(args, ctx) {
    const all = await ctx.clusters.contexts();
    const contexts = args.context ? all.filter((c) => c.name === args.context) : all;
    if (!contexts.length) {
      throw new KubeError(
        'Config',
        `context '${args.context}' is not in the kubeconfig; known contexts: ${all.map((c) => c.name).join(', ')}`,
      );
    }
    return table(
      ['current', 'name', 'cluster', 'server', 'namespace'],
      contexts.map((c) => [c.isDefault ? '*' : '', c.name, c.cluster, c.server, c.namespace]),
    );
  },
});
