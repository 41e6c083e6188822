import type { Collector } from './context.ts';
import { formatValue, labels, type MetricType } from './exposition.ts';
import { runningContainers } from './usage.ts';

const CFS_PERIODS_PER_SECOND = 10;

/** Share of CFS periods in which a container wanting `demand` cores under `limit` gets throttled. */
function throttledShare(demand: number, limit: number | undefined): number {
  if (!limit) return 0;
  const ratio = demand / limit;
  if (ratio > 1) return Math.min(1, 0.5 + (ratio - 1));
  return ratio > 0.85 ? (ratio - 0.85) * 0.2 : 0;
}

const CONTAINER_FAMILIES = [
  ['container_cpu_usage_seconds_total', 'counter', 'Cumulative cpu time consumed in seconds.'],
  ['container_memory_working_set_bytes', 'gauge', 'Current working set in bytes.'],
  [
    'container_memory_usage_bytes',
    'gauge',
    'Current memory usage in bytes, including all memory regardless of when it was accessed',
  ],
  ['container_spec_memory_limit_bytes', 'gauge', 'Memory limit for the container.'],
  ['container_spec_cpu_quota', 'gauge', 'CPU quota of the container.'],
  ['container_cpu_cfs_periods_total', 'counter', 'Number of elapsed enforcement period intervals.'],
  ['container_cpu_cfs_throttled_periods_total', 'counter', 'Number of throttled period intervals.'],
] as const satisfies readonly (readonly [string, MetricType, string])[];

/** cAdvisor (kubelet /metrics/cadvisor) container series; counters restart with the container. */
export const cadvisor: Collector = {
  name: 'cadvisor',
  collect(ctx, out) {
    const [cpu, workingSet, usage, memLimit, quota, periods, throttled] = CONTAINER_FAMILIES.map(
      ([name, type, help]) => out.lines(name, type, help),
    );
    const ooms = out.family(
      'container_oom_events_total',
      'counter',
      'Count of out of memory events observed for the container',
    );

    for (const rc of runningContainers(ctx)) {
      const { pod, container, demand } = rc;
      const uid = pod.metadata.uid ?? '';
      const instance = `${uid}/${container.name}/${rc.restartCount}`;
      // Each family's `name{labels} ` prefix is built once per container instance.
      const [pCpu, pWorkingSet, pUsage, pLimit, pQuota, pPeriods, pThrottled] = ctx.counters.memo(
        `cadvisor/prefix/${instance}`,
        rc.node,
        () => {
          const l = labels({
            namespace: pod.metadata.namespace,
            pod: pod.metadata.name,
            container: container.name,
            image: container.image,
            node: rc.node,
          });
          return CONTAINER_FAMILIES.map(([name]) => `${name}{${l}} `);
        },
      );
      const limit = demand.cpuLimitCores;
      const share = throttledShare(demand.cpuDemandCores, limit);
      const periodRate = limit ? CFS_PERIODS_PER_SECOND : 0;
      const age = Math.max(0, (ctx.now - rc.startedAt) / 1000);
      const rates = [demand.cpuCores, periodRate, periodRate * share];
      const c = ctx.counters.advance(`cadvisor/${instance}`, rates, () => rates.map((r) => r * age));
      cpu.push(pCpu + formatValue(c[0]));
      workingSet.push(pWorkingSet + demand.memoryBytes);
      usage.push(pUsage + Math.round(demand.memoryBytes * 1.12));
      memLimit.push(pLimit + (demand.memoryLimitBytes ?? 0));
      if (limit) {
        quota.push(pQuota + Math.round(limit * 100_000));
        periods.push(pPeriods + Math.floor(c[1]));
        throttled.push(pThrottled + Math.floor(c[2]));
      }
    }

    // OOM kills survive the container (the pod's cgroup saw them): counted per pod and container.
    for (const pod of ctx.pods) {
      const node = pod.spec?.nodeName;
      if (!node || ctx.unreachable(node)) continue;
      for (const s of pod.status?.containerStatuses ?? []) {
        const oomKilled =
          s.lastState?.terminated?.reason === 'OOMKilled' || s.state?.terminated?.reason === 'OOMKilled';
        const restarts = s.restartCount ?? 0;
        const key = `oom/${pod.metadata.uid}/${s.name}`;
        const seen = ctx.counters.advance(key, [0, 0], () => [
          oomKilled ? Math.max(1, restarts) : 0,
          restarts,
        ]);
        if (restarts > seen[1] && oomKilled) seen[0] += restarts - seen[1];
        seen[1] = Math.max(seen[1], restarts);
        ooms(
          labels({ namespace: pod.metadata.namespace, pod: pod.metadata.name, container: s.name, node }),
          seen[0],
        );
      }
    }
  },
};
