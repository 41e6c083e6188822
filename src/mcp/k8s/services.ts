import { age } from '../../k8s/age.ts';
import { listServices } from '../../k8s/services.ts';
import { table } from '../format/table.ts';
import { READ_ONLY } from '../tool.ts';
import { defineK8sTool } from './define.ts';
import { listOptions, listOutput } from './list-output.ts';
import { listArgs } from './params.ts';

export const servicesList = defineK8sTool({
  name: 'services_list',
  title: 'List services',
  description:
    'List Services with type, cluster IP, external IP, ports, selector and ENDPOINTS (ready/not ready pod addresses behind it). A Service with 0 ready endpoints sends traffic nowhere: check its selector against pod labels and pod readiness.',
  input: listArgs,
  hints: READ_ONLY,
  async run(args, ctx) {
    const kube = await ctx.clusters.kube(args.context);
    const result = await listServices(kube, listOptions(args));
    const all = Boolean(args.allNamespaces);
    return listOutput(
      args,
      result,
      (items) =>
        table(
          [
            ...(all ? ['namespace'] : []),
            'name',
            'type',
            'cluster-ip',
            'external-ip',
            'ports',
            'endpoints',
            'selector',
            'age',
          ],
          items.map((s) => [
            ...(all ? [s.namespace] : []),
            s.name,
            s.type,
            s.clusterIP,
            s.externalIP,
            s.ports.join(','),
            s.readyEndpoints === undefined
              ? 'none'
              : `${s.readyEndpoints} ready${s.notReadyEndpoints ? `, ${s.notReadyEndpoints} not ready` : ''}`,
            s.selector,
            age(s.createdAt),
          ]),
        ),
      result.services,
    );
  },
});
