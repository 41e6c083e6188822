import { z } from 'zod';
import { applyOperations } from '../../k8s/apply.ts';
import { withDryRun } from '../../policy/operation.ts';
import { DISRUPTIVE_CHANGE, ToolError } from '../tool.ts';
import { defineK8sTool } from './define.ts';
import { context, dryRun, namespace } from './params.ts';

export const resourcesApply = defineK8sTool({
  name: 'resources_apply',
  title: 'Apply a manifest',
  description:
    'Create or update objects from a YAML manifest (one or more documents separated by ---): objects that do not exist are created, existing ones are patched with the given fields (JSON merge patch). Every object passes the policy first; if any is refused, nothing is applied. Try dryRun=true first.',
  input: {
    context,
    namespace: namespace.describe("Namespace for objects whose manifest names none; default: the context's."),
    manifest: z
      .string()
      .min(1)
      .max(1_000_000)
      .describe('The YAML (or JSON) of the objects, with apiVersion, kind and metadata.name each.'),
    dryRun,
  },
  hints: DISRUPTIVE_CHANGE,
  async run(args, ctx) {
    const kube = await ctx.clusters.kube(args.context);
    const ops = (await applyOperations(kube, args.manifest, args.namespace, 'mcp:resources_apply')).map(
      (op) => withDryRun(op, args.dryRun),
    );
    const refusals: string[] = [];
    for (const op of ops) {
      const verdict = await ctx.gate.evaluate(op.mutation);
      if (!verdict.allowed)
        refusals.push(`${op.mutation.target.kind} ${op.mutation.target.name}: ${verdict.reason}`);
    }
    if (refusals.length)
      throw new ToolError(`policy refused the manifest, nothing was applied: ${refusals.join('; ')}`);
    const lines: string[] = [];
    for (const op of ops) {
      try {
        const { result, dryRun: dry } = await ctx.gate.execute(op);
        const where = result.namespace ? ` in ${result.namespace}` : '';
        lines.push(
          `${result.kind.toLowerCase()}/${result.name}${where} ${result.action}${dry ? ' (dry run)' : ''}`,
        );
      } catch (err) {
        if (!lines.length) throw err;
        throw new ToolError(`${(err as Error).message}; applied before this failure: ${lines.join(', ')}`);
      }
    }
    return lines.join('\n');
  },
});
