import { age } from '../../k8s/age.ts';
import { getPod, listPods, summarizePod } from '../../k8s/pods.ts';
import { bounded } from '../format/bound.ts';
import { render } from '../format/render.ts';
import { table } from '../format/table.ts';
import { READ_ONLY } from '../tool.ts';
import { defineK8sTool } from './define.ts';
import { describePod } from './describe.ts';
import { listOptions, listOutput } from './list-output.ts';
import { context, listArgs, name, namespace, output } from './params.ts';

export const podsList = defineK8sTool({
  name: 'pods_list',
  title: 'List pods',
  description:
    'List pods with kubectl-style READY, STATUS (e.g. Running, CrashLoopBackOff, OOMKilled, Pending, ImagePullBackOff), RESTARTS, AGE and NODE. Use it first to find failing pods; filter with labelSelector (e.g. "app=api-service") or fieldSelector (e.g. "status.phase!=Running").',
  input: listArgs,
  hints: READ_ONLY,
  async run(args, ctx) {
    const kube = await ctx.clusters.kube(args.context);
    const result = await listPods(kube, listOptions(args));
    const all = Boolean(args.allNamespaces);
    return listOutput(args, result, (pods) =>
      table(
        [...(all ? ['namespace'] : []), 'name', 'ready', 'status', 'restarts', 'age', 'node'],
        pods.map((p) => {
          const s = summarizePod(p);
          const restarts = s.lastRestartAt ? `${s.restarts} (${age(s.lastRestartAt)} ago)` : s.restarts;
          return [
            ...(all ? [s.namespace] : []),
            s.name,
            `${s.ready}/${s.containers}`,
            s.status,
            restarts,
            age(s.createdAt),
            s.node,
          ];
        }),
      ),
    );
  },
});

export const podsGet = defineK8sTool({
  name: 'pods_get',
  title: 'Get one pod',
  description:
    'Show one pod: status, node, owner, each container\'s image, state, last termination reason (e.g. OOMKilled, exit code), restarts, requests/limits and probes, conditions and volumes. output "yaml"/"json" gives the full object. For its events use events_list with involvedObject; for its log use pods_log.',
  input: { context, namespace, name: name('pod'), output },
  hints: READ_ONLY,
  async run(args, ctx) {
    const kube = await ctx.clusters.kube(args.context);
    const pod = await getPod(kube, args.namespace, args.name);
    if (args.output === 'yaml' || args.output === 'json')
      return bounded(await render(pod, args.output), 'Use the summary output instead.');
    return describePod(pod, summarizePod(pod));
  },
});
