import { z } from 'zod';
import { age } from '../../k8s/age.ts';
import { listEvents } from '../../k8s/events.ts';
import { table } from '../format/table.ts';
import { READ_ONLY } from '../tool.ts';
import { defineK8sTool } from './define.ts';
import { listOptions, listOutput } from './list-output.ts';
import { listArgs } from './params.ts';

export const eventsList = defineK8sTool({
  name: 'events_list',
  title: 'List events',
  description:
    'List cluster events, newest first: warnings such as BackOff, FailedScheduling, Unhealthy (probe failures), FailedMount, OOMKilling, Evicted. Filter with type="Warning" and involvedObject (the name of a pod, deployment, node…).',
  input: {
    ...listArgs,
    type: z.enum(['Warning', 'Normal']).optional().describe('Only events of this type.'),
    involvedObject: z
      .string()
      .min(1)
      .optional()
      .describe('Only events about the object with this name (a pod, deployment, node…).'),
  },
  hints: READ_ONLY,
  async run(args, ctx) {
    const kube = await ctx.clusters.kube(args.context);
    const result = await listEvents(kube, {
      ...listOptions(args),
      type: args.type,
      involvedObject: args.involvedObject,
    });
    const all = Boolean(args.allNamespaces);
    return listOutput({ ...args, output: 'summary' }, result, (items) =>
      table(
        [...(all ? ['namespace'] : []), 'last seen', 'type', 'reason', 'object', 'count', 'message'],
        items.map((e) => [
          ...(all ? [e.namespace] : []),
          age(e.lastSeen),
          e.type,
          e.reason,
          e.object,
          e.count,
          e.message.replace(/\s+/g, ' '),
        ]),
      ),
    );
  },
});
