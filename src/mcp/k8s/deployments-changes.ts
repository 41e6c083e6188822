import { z } from 'zod';
import { rollbackOperation } from '../../k8s/rollout.ts';
import { restartOperation, scaleOperation, setResourcesOperation } from '../../k8s/workload-changes.ts';
import { withDryRun } from '../../policy/operation.ts';
import { DISRUPTIVE_CHANGE, IDEMPOTENT_CHANGE } from '../tool.ts';
import { defineK8sTool } from './define.ts';
import { context, dryRun, name, namespace } from './params.ts';

const done = (dry: boolean, text: string) => (dry ? `(dry run, nothing changed) would have ${text}` : text);

export const deploymentsScale = defineK8sTool({
  name: 'deployments_scale',
  title: 'Scale a deployment',
  description:
    'Set the number of replicas of a Deployment (0 stops it). The answer says the previous count, to scale back.',
  input: {
    context,
    namespace,
    name: name('deployment'),
    replicas: z.number().int().min(0).max(10_000).describe('The wanted number of pods.'),
    dryRun,
  },
  hints: IDEMPOTENT_CHANGE,
  async run(args, ctx) {
    const kube = await ctx.clusters.kube(args.context);
    const op = await scaleOperation(
      kube,
      { kind: 'Deployment', namespace: args.namespace, name: args.name },
      args.replicas,
      'mcp:deployments_scale',
    );
    const { result, dryRun: dry } = await ctx.gate.execute(withDryRun(op, args.dryRun));
    return done(
      dry,
      `scaled deployment ${args.name} from ${result.from} to ${result.to} replicas (undo: deployments_scale replicas=${result.from}).`,
    );
  },
});

export const deploymentsRestart = defineK8sTool({
  name: 'deployments_restart',
  title: 'Restart a deployment',
  description:
    'Rolling restart of a Deployment (like `kubectl rollout restart`): every pod is replaced, a few at a time. Helps with stuck or leaking processes; does not fix a bad image or config (see deployments_rollback).',
  input: { context, namespace, name: name('deployment'), dryRun },
  hints: DISRUPTIVE_CHANGE,
  async run(args, ctx) {
    const kube = await ctx.clusters.kube(args.context);
    const op = await restartOperation(
      kube,
      { kind: 'Deployment', namespace: args.namespace, name: args.name },
      'mcp:deployments_restart',
    );
    const { result, dryRun: dry } = await ctx.gate.execute(withDryRun(op, args.dryRun));
    return done(
      dry,
      `restarted deployment ${args.name} (restartedAt ${result.restartedAt}); its pods are being replaced.`,
    );
  },
});

export const deploymentsRollback = defineK8sTool({
  name: 'deployments_rollback',
  title: 'Roll back a deployment',
  description:
    "Roll a Deployment back to an earlier revision (like `kubectl rollout undo`): its pod template becomes that revision's again. Omit toRevision for the previous one; deployments_history lists them. The fix for a bad release (new image crashing or failing).",
  input: {
    context,
    namespace,
    name: name('deployment'),
    toRevision: z
      .number()
      .int()
      .min(1)
      .optional()
      .describe('Revision to return to; omit for the one before the current.'),
    dryRun,
  },
  hints: DISRUPTIVE_CHANGE,
  async run(args, ctx) {
    const kube = await ctx.clusters.kube(args.context);
    const op = await rollbackOperation(
      kube,
      args.namespace,
      args.name,
      args.toRevision,
      'mcp:deployments_rollback',
    );
    const { result, dryRun: dry } = await ctx.gate.execute(withDryRun(op, args.dryRun));
    if (result.skipped)
      return `deployment ${args.name} already runs the template of revision ${result.to}; nothing to roll back.`;
    return done(
      dry,
      `rolled back deployment ${args.name} from revision ${result.from} to the template of revision ${result.to} (images ${result.images.join(', ')}); undo: deployments_rollback toRevision=${result.from}.`,
    );
  },
});

const values = z
  .object({
    cpu: z.string().min(1).optional().describe('CPU, e.g. "500m" or "2".'),
    memory: z.string().min(1).optional().describe('Memory, e.g. "512Mi" or "2Gi".'),
  })
  .strict();

export const deploymentsSetResources = defineK8sTool({
  name: 'deployments_set_resources',
  title: 'Set container resources',
  description:
    'Change the CPU/memory limits and/or requests of one container of a Deployment (like `kubectl set resources`); the pods are replaced with the new values. The fix for OOMKilled containers (raise limits.memory) or CPU throttling (raise limits.cpu). Values not given stay as they are.',
  input: {
    context,
    namespace,
    name: name('deployment'),
    container: z.string().min(1).describe('Container name (pods_get or deployments_get lists them).'),
    limits: values.optional().describe('New limits, e.g. {"memory": "1Gi"}.'),
    requests: values.optional().describe('New requests, e.g. {"cpu": "250m"}.'),
    dryRun,
  },
  hints: IDEMPOTENT_CHANGE,
  async run(args, ctx) {
    const kube = await ctx.clusters.kube(args.context);
    const ref = { kind: 'Deployment' as const, namespace: args.namespace, name: args.name };
    const op = await setResourcesOperation(
      kube,
      ref,
      { container: args.container, limits: args.limits, requests: args.requests },
      'mcp:deployments_set_resources',
    );
    const { result, dryRun: dry } = await ctx.gate.execute(withDryRun(op, args.dryRun));
    const show = (v: { limits: object; requests: object }) => JSON.stringify(v);
    return done(
      dry,
      `set resources of container ${args.container} in deployment ${args.name}: ${show(result.after)} (was ${show(result.before)}).`,
    );
  },
});
