import { z } from 'zod';
import { podCpu, podMemory } from '../../prometheus/queries/pods.ts';
import { READ_ONLY } from '../tool.ts';
import { runCanned, scopeText } from './canned.ts';
import { definePrometheusTool } from './define.ts';
import { full, namespace, window } from './params.ts';

const pod = z
  .string()
  .min(1)
  .optional()
  .describe('Pod name, or a regex over pod names such as "api-service-.*".');
const workload = z
  .string()
  .min(1)
  .optional()
  .describe('Deployment, StatefulSet, DaemonSet or Job name: its pods.');

const scope = (args: { namespace?: string; pod?: string; workload?: string }) =>
  scopeText(args.namespace, args.workload ?? args.pod);

export const podCpuUsage = definePrometheusTool({
  name: 'pod_cpu_usage',
  title: 'Pod CPU usage',
  description:
    'CPU cores each pod uses (cAdvisor container_cpu_usage_seconds_total, rate over window) beside its CPU limit and the share of the limit — near or above 100% means throttling. Scope with namespace, pod (name or regex) or workload. The answer shows the PromQL.',
  input: { namespace, pod, workload, window, full },
  hints: READ_ONLY,
  run: (args, ctx) => {
    const q = podCpu(ctx.metrics, args, args.window);
    return runCanned(ctx, [q.usage, q.limit], {
      title: `pod_cpu_usage ${scope(args)}`,
      share: '% of limit',
      full: args.full,
      emptyHint: `no container CPU series match; check the namespace and pod names, and that cAdvisor metrics (${ctx.metrics.containerCpu}) are scraped`,
    });
  },
});

export const podMemoryUsage = definePrometheusTool({
  name: 'pod_memory_usage',
  title: 'Pod memory usage',
  description:
    'Working-set memory of each pod (what the OOM killer compares with the limit) beside its memory limit and the share of the limit. Scope with namespace, pod (name or regex) or workload. The answer shows the PromQL.',
  input: { namespace, pod, workload, full },
  hints: READ_ONLY,
  run: (args, ctx) => {
    const q = podMemory(ctx.metrics, args);
    return runCanned(ctx, [q.usage, q.limit], {
      title: `pod_memory_usage ${scope(args)}`,
      share: '% of limit',
      full: args.full,
      emptyHint: `no container memory series match; check the namespace and pod names, and that cAdvisor metrics (${ctx.metrics.containerMemory}) are scraped`,
    });
  },
});
