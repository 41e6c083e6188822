import { age } from '../../k8s/age.ts';
import { TYPES } from '../../k8s/resource-types.ts';
import { summarizePvc } from '../../k8s/storage.ts';
import type { PersistentVolumeClaim } from '../../k8s/wire.ts';
import { table } from '../format/table.ts';
import { READ_ONLY } from '../tool.ts';
import { defineK8sTool } from './define.ts';
import { listOptions, listOutput } from './list-output.ts';
import { listArgs } from './params.ts';

export const pvcsList = defineK8sTool({
  name: 'pvcs_list',
  title: 'List persistent volume claims',
  description:
    'List PersistentVolumeClaims with status (Bound/Pending/Lost), volume, capacity, access modes and storage class. A Pending claim keeps its pods Pending: check the storage class (resources_list kind=StorageClass).',
  input: listArgs,
  hints: READ_ONLY,
  async run(args, ctx) {
    const kube = await ctx.clusters.kube(args.context);
    const result = await kube.list<PersistentVolumeClaim>(TYPES.pvc, listOptions(args));
    const all = Boolean(args.allNamespaces);
    return listOutput(args, result, (items) =>
      table(
        [
          ...(all ? ['namespace'] : []),
          'name',
          'status',
          'volume',
          'capacity',
          'access modes',
          'storageclass',
          'age',
        ],
        items.map((pvc) => {
          const s = summarizePvc(pvc);
          return [
            ...(all ? [s.namespace] : []),
            s.name,
            s.status,
            s.volume,
            s.capacity ?? (s.requested ? `(asks ${s.requested})` : ''),
            s.accessModes.join(','),
            s.storageClass,
            age(s.createdAt),
          ];
        }),
      ),
    );
  },
});
