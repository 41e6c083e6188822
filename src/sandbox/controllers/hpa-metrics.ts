import { formatBytes, formatMillicores, parseQuantity } from '../../kube/quantity.ts';
import { parseTime } from '../core/clock.ts';
import type { Runtime } from '../core/runtime.ts';
import type { KubeObject } from '../core/types.ts';

/** Within 10% of target the HPA leaves the replica count alone. */
const TOLERANCE = 0.1;

export interface MetricOutcome {
  replicas: number;
  /** The currentMetrics entry. */
  status: any;
  /** How the metric reads in conditions and events: `cpu resource utilization (percentage of request)`. */
  description: string;
}

/** The metrics an HPA targets: spec.metrics (v2), or v1's targetCPUUtilizationPercentage (default 80%). */
export function metricSpecs(hpa: KubeObject): any[] {
  if (hpa.spec?.metrics?.length) return hpa.spec.metrics;
  const pct = hpa.spec?.targetCPUUtilizationPercentage ?? 80;
  return [
    { type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: pct } } },
  ];
}

const format = (resource: string, value: number) =>
  resource === 'cpu' ? formatMillicores(value) : formatBytes(Math.round(value / 1024) * 1024);

/**
 * A Resource metric over the target's running pods, from `runtime.usage`: utilization of
 * requests (or average value) and the replica count that would bring it to target. Throws the
 * metrics pipeline's error text, e.g. `failed to get cpu utilization: missing request for cpu in
 * container app of Pod api-x`.
 */
export function resourceMetric(
  runtime: Runtime,
  metric: any,
  pods: KubeObject[],
  currentReplicas: number,
  now: number,
): MetricOutcome {
  const name: string = metric.resource?.name ?? 'cpu';
  const target = metric.resource?.target ?? {};
  const utilization = target.type !== 'AverageValue' && target.type !== 'Value';
  const running = pods.filter((p) => p.status?.phase === 'Running' && !p.metadata.deletionTimestamp);
  if (!running.length)
    throw new Error(
      `failed to get ${name} utilization: did not receive metrics for targeted pods (pods might be unready)`,
    );
  let usage = 0;
  let requests = 0;
  for (const pod of running) {
    for (const c of pod.spec?.containers ?? []) {
      const request = parseQuantity(c.resources?.requests?.[name]);
      if (utilization && request === undefined) {
        throw new Error(
          `failed to get ${name} utilization: missing request for ${name} in container ${c.name} of Pod ${pod.metadata.name}`,
        );
      }
      const status = (pod.status?.containerStatuses ?? []).find((s: any) => s.name === c.name);
      const startedAt = parseTime(status?.state?.running?.startedAt) ?? now;
      const u = runtime.usage(pod, c, startedAt, now);
      usage += name === 'cpu' ? u.cpuCores : u.memoryBytes;
      requests += request ?? 0;
    }
  }
  const average = usage / running.length;
  if (utilization) {
    const percent = Math.round((usage / requests) * 100);
    const ratio = percent / (target.averageUtilization ?? 80);
    return {
      replicas: Math.abs(ratio - 1) <= TOLERANCE ? currentReplicas : Math.ceil(ratio * running.length),
      status: {
        type: 'Resource',
        resource: { name, current: { averageUtilization: percent, averageValue: format(name, average) } },
      },
      description: `${name} resource utilization (percentage of request)`,
    };
  }
  const targetValue = parseQuantity(target.averageValue ?? target.value) ?? 1;
  const ratio = average / targetValue;
  return {
    replicas: Math.abs(ratio - 1) <= TOLERANCE ? currentReplicas : Math.ceil(usage / targetValue),
    status: { type: 'Resource', resource: { name, current: { averageValue: format(name, average) } } },
    description: `${name} resource`,
  };
}
