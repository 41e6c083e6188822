import type { CannedQuery } from './canned.ts';
import { equals, type MetricNames, selector } from './names.ts';

/** CPU, memory and root-filesystem use of each node (or one), as ratios of capacity. */
export function nodeUsage(n: MetricNames, name?: string, window = '5m'): CannedQuery[] {
  const node = n.labels.node;
  const only = equals(node, name);
  const idle = selector(n.nodeCpu, [['mode', '=', 'idle'], only]);
  const anyMode = selector(n.nodeCpu, [only]);
  const root = (metric: string) => selector(metric, [['mountpoint', '=', '/'], only]);
  return [
    {
      what: `CPU busy (1 - idle share of CPU time, rate over ${window})`,
      column: 'cpu',
      // A share of all modes rather than idle seconds per second: right however many CPUs, and however fast the clock.
      promql: `1 - sum by (${node}) (rate(${idle}[${window}])) / sum by (${node}) (rate(${anyMode}[${window}]))`,
      unit: 'ratio',
      by: [node],
    },
    {
      what: 'memory used (1 - available / total)',
      column: 'memory',
      promql: `1 - sum by (${node}) (${selector(n.nodeMemoryAvailable, [only])}) / sum by (${node}) (${selector(n.nodeMemoryTotal, [only])})`,
      unit: 'ratio',
      by: [node],
    },
    {
      what: 'root filesystem used (1 - available / size)',
      column: 'disk',
      promql: `1 - max by (${node}) (${root(n.nodeFilesystemAvailable)}) / max by (${node}) (${root(n.nodeFilesystemSize)})`,
      unit: 'ratio',
      by: [node],
    },
  ];
}
