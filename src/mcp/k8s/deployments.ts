import { age } from '../../k8s/age.ts';
import { rolloutHistory } from '../../k8s/rollout.ts';
import { getWorkload, listWorkloads, summarizeWorkload, type Workload } from '../../k8s/workloads.ts';
import { bounded } from '../format/bound.ts';
import { render } from '../format/render.ts';
import { table } from '../format/table.ts';
import { READ_ONLY } from '../tool.ts';
import { defineK8sTool } from './define.ts';
import { describeWorkload } from './describe.ts';
import { listOptions, listOutput } from './list-output.ts';
import { context, listArgs, name, namespace, output } from './params.ts';

export const deploymentsList = defineK8sTool({
  name: 'deployments_list',
  title: 'List deployments',
  description:
    'List Deployments with READY (ready/desired), UP-TO-DATE, AVAILABLE, AGE, images and any unhealthy condition (e.g. Progressing=False ProgressDeadlineExceeded, a stuck rollout).',
  input: listArgs,
  hints: READ_ONLY,
  async run(args, ctx) {
    const kube = await ctx.clusters.kube(args.context);
    const result = await listWorkloads<Workload>(kube, 'Deployment', listOptions(args));
    const all = Boolean(args.allNamespaces);
    return listOutput(args, result, (items) =>
      table(
        [
          ...(all ? ['namespace'] : []),
          'name',
          'ready',
          'up-to-date',
          'available',
          'age',
          'images',
          'problems',
        ],
        items.map((d) => {
          const s = summarizeWorkload('Deployment', d);
          return [
            ...(all ? [s.namespace] : []),
            s.name,
            `${s.ready}/${s.desired}`,
            s.upToDate,
            s.available,
            age(s.createdAt),
            s.images.join(','),
            s.problems.join('; '),
          ];
        }),
      ),
    );
  },
});

export const deploymentsGet = defineK8sTool({
  name: 'deployments_get',
  title: 'Get one deployment',
  description:
    'Show one Deployment: replicas (desired/ready/up to date/available), current revision, strategy, selector, containers with images and requests/limits, and conditions. output "yaml"/"json" gives the full object.',
  input: { context, namespace, name: name('deployment'), output },
  hints: READ_ONLY,
  async run(args, ctx) {
    const kube = await ctx.clusters.kube(args.context);
    const d = await getWorkload<Workload>(kube, {
      kind: 'Deployment',
      namespace: args.namespace,
      name: args.name,
    });
    if (args.output === 'yaml' || args.output === 'json')
      return bounded(await render(d, args.output), 'Use the summary output instead.');
    return describeWorkload(d, summarizeWorkload('Deployment', d));
  },
});

export const deploymentsHistory = defineK8sTool({
  name: 'deployments_history',
  title: 'Rollout history of a deployment',
  description:
    'The revisions of a Deployment (like `kubectl rollout history`): revision number, ReplicaSet, images, change cause, age; `*` marks the current one. Use it before deployments_rollback to pick toRevision.',
  input: { context, namespace, name: name('deployment') },
  hints: READ_ONLY,
  async run(args, ctx) {
    const kube = await ctx.clusters.kube(args.context);
    const revisions = await rolloutHistory(kube, args.namespace, args.name);
    if (!revisions.length) return `deployment ${args.name} has no ReplicaSets yet, so no revisions.`;
    return table(
      ['revision', 'replicaset', 'images', 'pods', 'age', 'change-cause'],
      revisions.map((r) => [
        `${r.revision}${r.current ? ' *' : ''}`,
        r.replicaSet,
        r.images.join(','),
        r.replicas,
        age(r.createdAt),
        r.changeCause,
      ]),
    );
  },
});
