import { z } from 'zod';
import { isNotFound } from '../../k8s/errors.ts';
import { grepLines, podLog } from '../../k8s/pods.ts';
import { podOfWorkload } from '../../k8s/workloads.ts';
import { bounded } from '../format/bound.ts';
import { READ_ONLY } from '../tool.ts';
import { defineK8sTool } from './define.ts';
import { context, name, namespace } from './params.ts';

const DEFAULT_TAIL = 200;
const GREP_WINDOW = 10_000;

export const podsLog = defineK8sTool({
  name: 'pods_log',
  title: 'Read a pod log',
  description:
    "Read the log of a pod's container (a Deployment, StatefulSet or DaemonSet name reads one of its pods, as `kubectl logs deployment/NAME`): the last tailLines lines (default 200), optionally only the last sinceSeconds, only lines matching grep (searching the last 10,000 lines unless tailLines is given), or the previous (crashed) instance with previous=true — the place to find why a CrashLoopBackOff container died.",
  input: {
    context,
    namespace,
    name: name('pod'),
    container: z
      .string()
      .min(1)
      .optional()
      .describe('Container name; omit for the default (or only) container.'),
    previous: z
      .boolean()
      .optional()
      .describe('Read the previous, terminated instance of the container (after a crash or OOM kill).'),
    tailLines: z
      .number()
      .int()
      .min(1)
      .max(100_000)
      .optional()
      .describe(`Only the last N lines (default ${DEFAULT_TAIL}).`),
    sinceSeconds: z.number().int().min(1).optional().describe('Only lines written in the last N seconds.'),
    grep: z
      .string()
      .min(1)
      .optional()
      .describe('Only lines matching this regular expression (case-insensitive), e.g. "error|timeout".'),
  },
  hints: READ_ONLY,
  async run(args, ctx) {
    const kube = await ctx.clusters.kube(args.context);
    // grep searches a wider window than it shows: the matches are rarely in the last 200 lines.
    const read = (pod: string) =>
      podLog(kube, args.namespace, pod, {
        container: args.container,
        previous: args.previous,
        tailLines: args.tailLines ?? (args.grep ? GREP_WINDOW : DEFAULT_TAIL),
        sinceSeconds: args.sinceSeconds,
      });
    let podName = args.name;
    let chosen = '';
    const { container, text } = await read(args.name).catch(async (err) => {
      // Like `kubectl logs deployment/NAME`: a workload's name reads one of its pods.
      const found = isNotFound(err) ? await podOfWorkload(kube, args.namespace, args.name) : undefined;
      if (!found) throw err;
      podName = found.pod.metadata?.name ?? args.name;
      chosen = ` (pod of ${found.kind.toLowerCase()} ${args.name})`;
      return read(podName);
    });
    const body = text.replace(/\n$/, '');
    const lines = args.grep ? grepLines(body, args.grep).slice(-DEFAULT_TAIL) : body ? body.split('\n') : [];
    const what = `${args.namespace ? `${args.namespace}/` : ''}${podName}${chosen}${container ? ` container ${container}` : ''}${args.previous ? ' (previous instance)' : ''}`;
    const header = `# ${what}: ${lines.length} line${lines.length === 1 ? '' : 's'}${args.grep ? ` matching /${args.grep}/` : ''}`;
    if (!lines.length) return `${header}\n(no log lines${args.grep ? ' match' : ''})`;
    return bounded(
      `${header}\n${lines.join('\n')}`,
      'Use a smaller tailLines, sinceSeconds or a grep pattern.',
    );
  },
});
