import type { CannedQuery } from './canned.ts';
import { equals, type Matcher, type MetricNames, nameOrRegex, selector, workloadPods } from './names.ts';

export interface PodScope {
  namespace?: string;
  /** A pod name, or a regex over pod names. */
  pod?: string;
  /** A Deployment/StatefulSet/DaemonSet/Job name: its pods. */
  workload?: string;
}

/** Real containers only: cAdvisor also reports the pod cgroup (container="") and the pause container. */
const containerMatchers = (n: MetricNames, scope: PodScope): (Matcher | undefined)[] => [
  [n.labels.container, '!=', ''],
  [n.labels.container, '!=', 'POD'],
  ...scopeMatchers(n, scope),
];

const scopeMatchers = (n: MetricNames, scope: PodScope): (Matcher | undefined)[] => [
  equals(n.labels.namespace, scope.namespace),
  nameOrRegex(n.labels.pod, scope.pod),
  workloadPods(n.labels.pod, scope.workload),
];

const limitQuery = (n: MetricNames, scope: PodScope, resource: 'cpu' | 'memory', by: string): string =>
  `sum by (${by}) (${selector(n.containerLimits, [['resource', '=', resource], ...scopeMatchers(n, scope)])})`;

/** CPU cores each pod uses (rate over `window`), and the sum of its containers' CPU limits. */
export function podCpu(
  n: MetricNames,
  scope: PodScope,
  window = '5m',
): { usage: CannedQuery; limit: CannedQuery } {
  const by = `${n.labels.namespace}, ${n.labels.pod}`;
  const cpu = selector(n.containerCpu, containerMatchers(n, scope));
  return {
    usage: {
      what: `CPU used (cores, rate over ${window})`,
      column: 'cpu',
      promql: `sum by (${by}) (rate(${cpu}[${window}]))`,
      unit: 'cores',
      by: [n.labels.namespace, n.labels.pod],
    },
    limit: {
      what: 'CPU limit (cores)',
      column: 'cpu limit',
      promql: limitQuery(n, scope, 'cpu', by),
      unit: 'cores',
      by: [n.labels.namespace, n.labels.pod],
    },
  };
}

/** Working-set memory of each pod, and the sum of its containers' memory limits. */
export function podMemory(n: MetricNames, scope: PodScope): { usage: CannedQuery; limit: CannedQuery } {
  const by = `${n.labels.namespace}, ${n.labels.pod}`;
  return {
    usage: {
      what: 'memory working set',
      column: 'memory',
      promql: `sum by (${by}) (${selector(n.containerMemory, containerMatchers(n, scope))})`,
      unit: 'bytes',
      by: [n.labels.namespace, n.labels.pod],
    },
    limit: {
      what: 'memory limit',
      column: 'memory limit',
      promql: limitQuery(n, scope, 'memory', by),
      unit: 'bytes',
      by: [n.labels.namespace, n.labels.pod],
    },
  };
}
