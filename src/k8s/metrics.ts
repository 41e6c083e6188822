import { parseQuantity } from '../kube/quantity.ts';
import type { Kube, ListOptions } from './kube.ts';
import { TYPES } from './resource-types.ts';

/** CPU (cores) and memory (bytes) a pod uses now, from metrics.k8s.io (metrics-server). */
export interface PodUsage {
  namespace: string;
  name: string;
  cpuCores: number;
  memoryBytes: number;
  containers: { name: string; cpuCores: number; memoryBytes: number }[];
}

interface PodMetrics {
  metadata: { name: string; namespace: string };
  containers: { name: string; usage: { cpu?: string; memory?: string } }[];
}

export async function podUsage(kube: Kube, options: ListOptions): Promise<PodUsage[]> {
  const { items } = await kube.list<PodMetrics>(TYPES.podMetrics, options);
  return items.map((m) => {
    const containers = (m.containers ?? []).map((c) => ({
      name: c.name,
      cpuCores: parseQuantity(c.usage?.cpu) ?? 0,
      memoryBytes: parseQuantity(c.usage?.memory) ?? 0,
    }));
    return {
      namespace: m.metadata.namespace,
      name: m.metadata.name,
      cpuCores: containers.reduce((s, c) => s + c.cpuCores, 0),
      memoryBytes: containers.reduce((s, c) => s + c.memoryBytes, 0),
      containers,
    };
  });
}
