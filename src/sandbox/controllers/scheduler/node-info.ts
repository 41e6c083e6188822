import { parseQuantity } from '../../../kube/quantity.ts';
import type { StoreEvent } from '../../core/store.ts';
import type { KubeObject } from '../../core/types.ts';
import { controllerOf } from '../object-utils.ts';
import { isTerminal, podRequests } from '../pod-utils.ts';

/** What the scheduler's scoring assumes for a container with no requests (as kube-scheduler does). */
const DEFAULT_CPU = 0.1;
const DEFAULT_MEMORY = 200 * 1024 * 1024;

export interface Amounts {
  cpu: number;
  memory: number;
  pods: number;
}

/** What the pods bound to one node take. */
export interface Usage {
  requested: Amounts;
  /** Requests with the scoring defaults for pods that request nothing. */
  nonZero: { cpu: number; memory: number };
  podsByOwner: Map<string, number>;
  hostPorts: Map<string, number>;
}

/** A node as one scheduling attempt sees it: its allocatable and its live usage. */
export interface NodeInfo {
  node: KubeObject;
  name: string;
  allocatable: Amounts;
  usage: Usage;
}

interface Contribution {
  node: string;
  cpu: number;
  memory: number;
  nonZeroCpu: number;
  nonZeroMemory: number;
  owner?: string;
  ports: string[];
}

const hostPortsOf = (pod: KubeObject): string[] =>
  (pod.spec?.containers ?? []).flatMap((c: any) =>
    (c.ports ?? []).filter((p: any) => p.hostPort).map((p: any) => `${p.protocol ?? 'TCP'}/${p.hostPort}`),
  );

function contributionOf(pod: KubeObject): Contribution | undefined {
  const node: string | undefined = pod.spec?.nodeName;
  if (!node || isTerminal(pod)) return undefined;
  const r = podRequests(pod.spec);
  return {
    node,
    cpu: r.cpu,
    memory: r.memory,
    nonZeroCpu: r.cpu || DEFAULT_CPU,
    nonZeroMemory: r.memory || DEFAULT_MEMORY,
    owner: controllerOf(pod)?.uid,
    ports: hostPortsOf(pod),
  };
}

/**
 * The scheduler cache: per-node usage kept current from pod events (a pod counts from binding
 * until it finishes or goes), so a scheduling attempt costs O(nodes), not O(pods).
 */
export class NodeUsageCache {
  private readonly byNode = new Map<string, Usage>();
  private readonly contributions = new Map<string, Contribution>();

  observe({ type, object }: StoreEvent): void {
    const key = `${object.metadata.namespace}/${object.metadata.name}`;
    const previous = this.contributions.get(key);
    const next = type === 'DELETED' ? undefined : contributionOf(object);
    if (previous) this.apply(previous, -1);
    if (next) this.apply(next, 1);
    if (next) this.contributions.set(key, next);
    else this.contributions.delete(key);
  }

  usage(node: string): Usage {
    let usage = this.byNode.get(node);
    if (!usage) {
      usage = {
        requested: { cpu: 0, memory: 0, pods: 0 },
        nonZero: { cpu: 0, memory: 0 },
        podsByOwner: new Map(),
        hostPorts: new Map(),
      };
      this.byNode.set(node, usage);
    }
    return usage;
  }

  private apply(c: Contribution, sign: 1 | -1): void {
    const u = this.usage(c.node);
    u.requested.cpu += sign * c.cpu;
    u.requested.memory += sign * c.memory;
    u.requested.pods += sign;
    u.nonZero.cpu += sign * c.nonZeroCpu;
    u.nonZero.memory += sign * c.nonZeroMemory;
    if (c.owner) bump(u.podsByOwner, c.owner, sign);
    for (const port of c.ports) bump(u.hostPorts, port, sign);
  }
}

function bump(map: Map<string, number>, key: string, by: number): void {
  const n = (map.get(key) ?? 0) + by;
  if (n > 0) map.set(key, n);
  else map.delete(key);
}

export function nodeInfo(node: KubeObject, cache: NodeUsageCache): NodeInfo {
  const source = node.status?.allocatable ?? node.status?.capacity ?? {};
  return {
    node,
    name: node.metadata.name,
    allocatable: {
      cpu: parseQuantity(source.cpu) ?? 0,
      memory: parseQuantity(source.memory) ?? 0,
      pods: parseQuantity(source.pods) ?? 110,
    },
    usage: cache.usage(node.metadata.name),
  };
}

export const portsConflict = (info: NodeInfo, pod: KubeObject) =>
  hostPortsOf(pod).some((p) => info.usage.hostPorts.has(p));

/**
 * LeastAllocated plus the default topology spreading: prefer emptier nodes, and nodes holding
 * fewer pods of the same owner, so replicas spread across nodes.
 */
export function score(info: NodeInfo, pod: KubeObject, maxSameOwner: number): number {
  const r = podRequests(pod.spec);
  const free = (alloc: number, used: number) => (alloc > 0 ? Math.max(0, (alloc - used) / alloc) : 0);
  const least =
    (free(info.allocatable.cpu, info.usage.nonZero.cpu + (r.cpu || DEFAULT_CPU)) +
      free(info.allocatable.memory, info.usage.nonZero.memory + (r.memory || DEFAULT_MEMORY))) *
    50;
  const owner = controllerOf(pod)?.uid;
  const same = owner ? (info.usage.podsByOwner.get(owner) ?? 0) : 0;
  const spread = maxSameOwner === 0 ? 100 : (100 * (maxSameOwner - same)) / maxSameOwner;
  return least + 2 * spread;
}
