import { z } from 'zod';
import { drainOperation } from '../../k8s/drain.ts';
import { cordonOperation } from '../../k8s/nodes.ts';
import { withDryRun } from '../../policy/operation.ts';
import { DISRUPTIVE_CHANGE, IDEMPOTENT_CHANGE } from '../tool.ts';
import { defineK8sTool } from './define.ts';
import { context, dryRun, name } from './params.ts';

const cordonTool = (unschedulable: boolean) =>
  defineK8sTool({
    name: unschedulable ? 'nodes_cordon' : 'nodes_uncordon',
    title: unschedulable ? 'Cordon a node' : 'Uncordon a node',
    description: unschedulable
      ? 'Mark a node unschedulable (like `kubectl cordon`): no new pods land on it; running pods stay. Use nodes_drain to also move them off.'
      : 'Mark a node schedulable again (like `kubectl uncordon`), after maintenance or a drain.',
    input: { context, name: name('node'), dryRun },
    hints: IDEMPOTENT_CHANGE,
    async run(args, ctx) {
      const kube = await ctx.clusters.kube(args.context);
      const op = await cordonOperation(
        kube,
        args.name,
        unschedulable,
        `mcp:nodes_${unschedulable ? 'cordon' : 'uncordon'}`,
      );
      const { result, dryRun: dry } = await ctx.gate.execute(withDryRun(op, args.dryRun));
      const state = unschedulable ? 'cordoned (unschedulable)' : 'uncordoned (schedulable)';
      if (!result.changed) return `node ${args.name} was already ${state}; nothing changed.`;
      return `${dry ? '(dry run, nothing changed) would have ' : ''}${state.split(' ')[0]} node ${args.name}.`;
    },
  });

export const nodesCordon = cordonTool(true);
export const nodesUncordon = cordonTool(false);

export const nodesDrain = defineK8sTool({
  name: 'nodes_drain',
  title: 'Drain a node',
  description:
    'Cordon a node and evict its pods (like `kubectl drain`), respecting PodDisruptionBudgets and grace periods, then wait until they are gone; their controllers recreate them on other nodes. Refuses, changing nothing, when DaemonSet pods, emptyDir data or pods without a controller are on the node and the matching option is not set. Undo with nodes_uncordon.',
  input: {
    context,
    name: name('node'),
    ignoreDaemonSets: z
      .boolean()
      .optional()
      .describe(
        'Leave DaemonSet pods in place (they would be recreated on the node anyway). Usually wanted.',
      ),
    deleteEmptyDirData: z
      .boolean()
      .optional()
      .describe('Also evict pods with emptyDir volumes; their emptyDir data is lost.'),
    force: z.boolean().optional().describe('Also delete pods that no controller will recreate.'),
    gracePeriodSeconds: z
      .number()
      .int()
      .min(0)
      .optional()
      .describe("Seconds each pod gets to shut down (default: the pod's own)."),
    timeoutSeconds: z
      .number()
      .int()
      .min(1)
      .max(3600)
      .optional()
      .describe('How long to wait for evictions and terminations (default 120).'),
    dryRun,
  },
  hints: DISRUPTIVE_CHANGE,
  async run(args, ctx) {
    const kube = await ctx.clusters.kube(args.context);
    const op = await drainOperation(kube, args.name, args, 'mcp:nodes_drain');
    const { result } = await ctx.gate.execute(withDryRun(op, args.dryRun));
    const lines = [
      `${result.dryRun ? '(dry run, nothing changed) would have drained' : 'drained'} node ${result.node}${result.cordoned ? ' (cordoned it)' : ' (it was already cordoned)'}.`,
      `evicted ${result.evicted.length} pod${result.evicted.length === 1 ? '' : 's'}${result.evicted.length ? `: ${result.evicted.join(', ')}` : ''}`,
    ];
    if (result.skipped.length)
      lines.push(`left in place: ${result.skipped.map((s) => `${s.pod} (${s.reason})`).join(', ')}`);
    if (result.stillTerminating.length)
      lines.push(`still terminating after the timeout: ${result.stillTerminating.join(', ')}`);
    lines.push(`undo: nodes_uncordon name=${result.node}`);
    return lines.join('\n');
  },
});
