import { formatCpu, parseQuantity } from '../../kube/quantity.ts';
import { type Evidence, refOf } from '../evidence/evidence.ts';
import type { Pod } from '../evidence/shapes.ts';
import { describe, finding } from '../finding.ts';
import { percent } from '../signals/format.ts';
import { groupByWorkload, type PodCase, podList } from '../signals/group.ts';
import type { Pattern } from '../types.ts';

const THROTTLED = 0.25;
const AT_LIMIT = 0.9;

interface Throttle {
  container: string;
  limit?: number;
  ratio?: number;
  usage?: number;
}

const podKey = (ns: string | undefined, name: string | undefined) => `${ns}/${name}`;

function cases(ev: Evidence): PodCase<Throttle>[] {
  const pods = new Map(ev.list('Pod').map((p) => [podKey(p.metadata.namespace, p.metadata.name), p]));
  const found = new Map<string, PodCase<Throttle>>();
  const entry = (pod: Pod, container: string) => {
    const key = `${podKey(pod.metadata.namespace, pod.metadata.name)}/${container}`;
    const limit = parseQuantity(
      pod.spec.containers.find((c) => c.name === container)?.resources?.limits?.cpu,
    );
    const c = found.get(key) ?? { pod, data: { container, limit } };
    found.set(key, c);
    return c;
  };
  for (const s of ev.metrics('cpu_throttled_ratio')) {
    const pod = pods.get(podKey(s.labels.namespace, s.labels.pod));
    if (pod && s.value >= THROTTLED)
      entry(pod, s.labels.container ?? pod.spec.containers[0]?.name).data.ratio = s.value;
  }
  for (const s of ev.metrics('cpu_usage_cores')) {
    const pod = pods.get(podKey(s.labels.namespace, s.labels.pod));
    const container = s.labels.container ?? pod?.spec.containers[0]?.name;
    const limit = parseQuantity(
      pod?.spec.containers.find((c) => c.name === container)?.resources?.limits?.cpu,
    );
    if (!pod || !container || !limit || s.value < AT_LIMIT * limit) continue;
    entry(pod, container).data.usage = s.value;
  }
  return [...found.values()];
}

export const cpuThrottling: Pattern = {
  id: 'cpu_throttling',
  detect(ev) {
    return groupByWorkload(ev, cases(ev), (c) => c.data.container).map(({ workload, cases: group }) => {
      const { pod, data } = group[0];
      const limit = data.limit !== undefined ? formatCpu(data.limit) : 'its';
      const measured = [
        data.ratio !== undefined && `throttled in ${percent(data.ratio)} of CFS periods`,
        data.usage !== undefined &&
          `using ${formatCpu(data.usage)}${data.limit ? ` of its ${formatCpu(data.limit)} limit (${percent(data.usage / data.limit)})` : ''}`,
      ].filter((x): x is string => typeof x === 'string');
      const others = group.length > 1 ? ` (also ${podList(group.slice(1))})` : '';
      return finding(ev, {
        pattern: 'cpu_throttling',
        severity: (data.ratio ?? 0) >= 0.5 || group.length > 1 ? 'warning' : 'info',
        resource: pod,
        workload,
        summary: `Container ${data.container} of pod ${pod.metadata.name}${others} is CPU-throttled at its ${limit} limit`,
        rootCause: `Container ${data.container} of ${describe(workload ?? refOf(pod))} wants more CPU than its ${limit} limit: ${measured.join(', ')}; the kernel throttles it, so requests slow down.`,
        evidence: [
          ...measured.map((m) => `${pod.metadata.name}/${data.container}: ${m}`),
          group.length > 1 && `${group.length} pods affected: ${podList(group, 6)}`,
        ],
        whys: [
          `Why is ${describe(workload ?? refOf(pod))} slow? Its containers wait for CPU.`,
          `Why? CFS throttles them at the ${limit} CPU limit.`,
          'Why? The work per pod needs more CPU than the limit allows: raise the limit or spread the load over more replicas.',
        ],
        runbook: 'raise_cpu_limit',
        confidence: data.ratio !== undefined ? 0.85 : 0.6,
        subjects: group.map((c) => refOf(c.pod)),
      });
    });
  },
};
