import { parseQuantity } from '../../../kube/quantity.ts';
import type { Sample } from '../evidence.ts';
import type { K8sObject } from '../shapes.ts';

/** metrics.k8s.io PodMetrics (what `kubectl top` shows) as samples: CPU cores and working-set bytes per container. */
export function podMetricSamples(pm: K8sObject): Sample[] {
  const out: Sample[] = [];
  for (const c of (pm.containers ?? []) as { name: string; usage?: { cpu?: string; memory?: string } }[]) {
    const labels = {
      namespace: pm.metadata.namespace ?? 'default',
      pod: pm.metadata.name,
      container: c.name,
    };
    const cpu = parseQuantity(c.usage?.cpu);
    const memory = parseQuantity(c.usage?.memory);
    if (cpu !== undefined) out.push({ signal: 'cpu_usage_cores', labels, value: cpu });
    if (memory !== undefined) out.push({ signal: 'memory_working_set_bytes', labels, value: memory });
  }
  return out;
}
