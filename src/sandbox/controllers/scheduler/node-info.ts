import type { KubeObject } from '../../core/types.ts';
import type { ClusterIndex } from '../cluster-index.ts';
import { controllerOf } from '../object-utils.ts';
import { isTerminal, podRequests } from '../pod-utils.ts';
import { parseQuantity } from '../quantity.ts';

/** What the scheduler's scoring assumes for a container with no requests (as kube-scheduler does). */
const DEFAULT_CPU = 0.1;
const DEFAULT_MEMORY = 200 * 1024 * 1024;

export interface Amounts {
  cpu: number;
  memory: number;
  pods: number;
}

/** A node and what its bound pods already take, built once per scheduling pass and updated as pods bind. */
export interface NodeInfo {
  node: KubeObject;
  name: string;
  allocatable: Amounts;
  requested: Amounts;
  /** Requests with the scoring defaults for pods that request nothing. */
  nonZero: { cpu: number; memory: number };
  podsByOwner: Map<string, number>;
  hostPorts: Set<string>;
}

export function nonZeroRequests(pod: KubeObject): { cpu: number; memory: number } {
  const r = podRequests(pod.spec);
  return { cpu: r.cpu || DEFAULT_CPU, memory: r.memory || DEFAULT_MEMORY };
}

const hostPortsOf = (pod: KubeObject): string[] =>
  (pod.spec?.containers ?? []).flatMap((c: any) =>
    (c.ports ?? []).filter((p: any) => p.hostPort).map((p: any) => `${p.protocol ?? 'TCP'}/${p.hostPort}`),
  );

export function buildNodeInfo(node: KubeObject, index: ClusterIndex): NodeInfo {
  const source = node.status?.allocatable ?? node.status?.capacity ?? {};
  const info: NodeInfo = {
    node,
    name: node.metadata.name,
    allocatable: {
      cpu: parseQuantity(source.cpu) ?? 0,
      memory: parseQuantity(source.memory) ?? 0,
      pods: parseQuantity(source.pods) ?? 110,
    },
    requested: { cpu: 0, memory: 0, pods: 0 },
    nonZero: { cpu: 0, memory: 0 },
    podsByOwner: new Map(),
    hostPorts: new Set(),
  };
  for (const pod of index.podsOnNode(node.metadata.name)) if (!isTerminal(pod)) addPod(info, pod);
  return info;
}

export function addPod(info: NodeInfo, pod: KubeObject): void {
  const r = podRequests(pod.spec);
  const nz = nonZeroRequests(pod);
  info.requested.cpu += r.cpu;
  info.requested.memory += r.memory;
  info.requested.pods += 1;
  info.nonZero.cpu += nz.cpu;
  info.nonZero.memory += nz.memory;
  const owner = controllerOf(pod)?.uid;
  if (owner) info.podsByOwner.set(owner, (info.podsByOwner.get(owner) ?? 0) + 1);
  for (const port of hostPortsOf(pod)) info.hostPorts.add(port);
}

export const portsConflict = (info: NodeInfo, pod: KubeObject) =>
  hostPortsOf(pod).some((p) => info.hostPorts.has(p));

/**
 * LeastAllocated plus the default topology spreading: prefer emptier nodes, and nodes holding
 * fewer pods of the same owner, so replicas spread across nodes.
 */
export function score(info: NodeInfo, pod: KubeObject, maxSameOwner: number): number {
  const nz = nonZeroRequests(pod);
  const free = (alloc: number, used: number) => (alloc > 0 ? Math.max(0, (alloc - used) / alloc) : 0);
  const least =
    (free(info.allocatable.cpu, info.nonZero.cpu + nz.cpu) +
      free(info.allocatable.memory, info.nonZero.memory + nz.memory)) *
    50;
  const owner = controllerOf(pod)?.uid;
  const same = owner ? (info.podsByOwner.get(owner) ?? 0) : 0;
  const spread = maxSameOwner === 0 ? 100 : (100 * (maxSameOwner - same)) / maxSameOwner;
  return least + 2 * spread;
}
