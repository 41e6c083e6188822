import { age } from '../../k8s/age.ts';
import { listNamespaces } from '../../k8s/namespaces.ts';
import { table } from '../format/table.ts';
import { READ_ONLY } from '../tool.ts';
import { defineK8sTool } from './define.ts';
import { listOutput } from './list-output.ts';
import { context, labelSelector, limit } from './params.ts';

export const namespacesList = defineK8sTool({
  name: 'namespaces_list',
  title: 'List namespaces',
  description: 'List the namespaces of a cluster with their status (Active/Terminating) and age.',
  input: { context, labelSelector, limit },
  hints: READ_ONLY,
  async run(args, ctx) {
    const kube = await ctx.clusters.kube(args.context);
    const result = await listNamespaces(kube, { labelSelector: args.labelSelector, limit: args.limit });
    return listOutput({ allNamespaces: true }, result, (items) =>
      table(
        ['name', 'status', 'age'],
        items.map((n) => [n.name, n.status, age(n.createdAt)]),
      ),
    );
  },
});
