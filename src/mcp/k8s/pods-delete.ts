import { z } from 'zod';
import { deletePod, getPod } from '../../k8s/pods.ts';
import { apiVersionOf, TYPES } from '../../k8s/resource-types.ts';
import { DISRUPTIVE_CHANGE } from '../tool.ts';
import { defineK8sTool } from './define.ts';
import { context, dryRun, name, namespace } from './params.ts';

export const podsDelete = defineK8sTool({
  name: 'pods_delete',
  title: 'Delete a pod',
  description:
    'Delete a pod. A pod owned by a ReplicaSet, StatefulSet, DaemonSet or Job is recreated by its controller (a "restart" of one pod); a bare pod is gone for good. Prefer deployments_restart to restart a whole workload.',
  input: {
    context,
    namespace,
    name: name('pod'),
    gracePeriodSeconds: z
      .number()
      .int()
      .min(0)
      .optional()
      .describe("Seconds to let the pod shut down (default: the pod's own, usually 30; 0 = immediately)."),
    dryRun,
  },
  hints: DISRUPTIVE_CHANGE,
  async run(args, ctx) {
    const kube = await ctx.clusters.kube(args.context);
    const pod = await getPod(kube, args.namespace, args.name);
    const owner = pod.metadata?.ownerReferences?.find((r) => r.controller);
    const { dryRun: dry } = await ctx.gate.execute({
      mutation: {
        verb: 'delete',
        target: {
          context: kube.context,
          apiVersion: apiVersionOf(TYPES.pod),
          kind: 'Pod',
          namespace: pod.metadata?.namespace,
          name: args.name,
          labels: pod.metadata?.labels ?? {},
        },
        params: { gracePeriodSeconds: args.gracePeriodSeconds },
        dryRun: args.dryRun,
        requestedBy: 'mcp:pods_delete',
      },
      perform: (permit) => deletePod(permit, kube, args.namespace, args.name, args.gracePeriodSeconds),
    });
    const fate = owner
      ? `its ${owner.kind} ${owner.name} will create a replacement`
      : 'it has no controller, so nothing recreates it';
    return `${dry ? '(dry run, nothing changed) would delete' : 'deleted'} pod ${pod.metadata?.namespace}/${args.name}; ${fate}.`;
  },
});
