import type { CannedQuery } from './canned.ts';
import { equals, type MetricNames, selector } from './names.ts';

export interface TopScope {
  resource: 'cpu' | 'memory';
  by: 'pod' | 'namespace' | 'node';
  limit: number;
  namespace?: string;
  window?: string;
}

/** The heaviest pods, namespaces or nodes by container CPU or memory, largest first. */
export function topConsumers(n: MetricNames, s: TopScope): CannedQuery {
  const window = s.window ?? '5m';
  const group =
    s.by === 'pod'
      ? [n.labels.namespace, n.labels.pod]
      : s.by === 'namespace'
        ? [n.labels.namespace]
        : [n.labels.node];
  const containers = (metric: string) =>
    selector(metric, [
      [n.labels.container, '!=', ''],
      [n.labels.container, '!=', 'POD'],
      equals(n.labels.namespace, s.namespace),
    ]);
  const inner =
    s.resource === 'cpu' ? `rate(${containers(n.containerCpu)}[${window}])` : containers(n.containerMemory);
  return {
    what:
      s.resource === 'cpu'
        ? `top ${s.limit} ${s.by}s by CPU (cores, rate over ${window})`
        : `top ${s.limit} ${s.by}s by memory working set`,
    column: s.resource,
    promql: `sort_desc(topk(${s.limit}, sum by (${group.join(', ')}) (${inner})))`,
    unit: s.resource === 'cpu' ? 'cores' : 'bytes',
    by: group,
  };
}
