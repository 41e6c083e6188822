import { formatBytes, parseQuantity } from '../../../kube/quantity.ts';
import { recordEvent } from '../../core/events.ts';
import type { NodeHealth } from '../../core/runtime.ts';
import type { KubeObject } from '../../core/types.ts';
import { controllerOf } from '../object-utils.ts';
import { isActivePod, qosClass } from '../pod-utils.ts';
import type { KubeletEnv } from './env.ts';

const QOS_RANK: Record<string, number> = { BestEffort: 0, Burstable: 1 };

export interface Eviction {
  pod: KubeObject;
  message: string;
}

/**
 * The eviction manager's pick under node pressure: one pod per pass, BestEffort before Burstable
 * (Guaranteed and DaemonSet pods are left alone), the biggest memory user first, with the
 * kubelet's message `The node was low on resource: memory. …`.
 */
function chooseEviction(
  env: KubeletEnv,
  health: NodeHealth,
  pods: KubeObject[],
  now: number,
): Eviction | undefined {
  const resource = health.memoryPressure ? 'memory' : health.diskPressure ? 'ephemeral-storage' : undefined;
  if (!resource) return undefined;
  const usage = (pod: KubeObject) =>
    (pod.spec?.containers ?? []).map((c: any) => ({
      name: c.name as string,
      bytes: env.runtime.usage(pod, c, now, now).memoryBytes,
      request: parseQuantity(c.resources?.requests?.[resource]) ?? 0,
    }));
  const candidates = pods
    .filter((p) => isActivePod(p) && !env.store.isFrozen(p) && controllerOf(p)?.kind !== 'DaemonSet')
    .filter((p) => (p.spec?.priority ?? 0) < 2_000_000_000)
    .map((pod) => ({ pod, qos: qosClass(pod.spec), usage: usage(pod) }))
    .filter((c) => c.qos in QOS_RANK)
    .map((c) => ({ ...c, total: c.usage.reduce((n: number, u: { bytes: number }) => n + u.bytes, 0) }))
    .sort((a, b) => QOS_RANK[a.qos] - QOS_RANK[b.qos] || b.total - a.total);
  const victim = candidates[0];
  if (!victim) return undefined;
  const threshold = resource === 'memory' ? '100Mi' : '10%';
  const available = resource === 'memory' ? '72Mi' : '1524Mi';
  const top = [...victim.usage].sort((a, b) => b.bytes - a.bytes)[0];
  const detail = top
    ? `Container ${top.name} was using ${formatBytes(Math.ceil(top.bytes / 1024) * 1024)}, request is ${top.request ? formatBytes(top.request) : '0'}, has larger consumption of ${resource}. `
    : '';
  return {
    pod: victim.pod,
    message: `The node was low on resource: ${resource}. Threshold quantity: ${threshold}, available: ${available}. ${detail}`,
  };
}

/**
 * The eviction manager of each node, run every monitoring period: under memory or disk pressure
 * it evicts one pod per pass, announcing the episode once with EvictionThresholdMet on the node.
 */
export class EvictionManager {
  private readonly noted = new Set<string>();

  constructor(
    private readonly env: KubeletEnv,
    private readonly evict: (pod: KubeObject, message: string, now: number) => void,
  ) {}

  /** `podsOnNode` is only asked for under pressure: listing every node's pods each period would be waste. */
  run(node: KubeObject, health: NodeHealth, podsOnNode: () => KubeObject[], now: number): void {
    const name = node.metadata.name;
    const eviction =
      health.memoryPressure || health.diskPressure
        ? chooseEviction(this.env, health, podsOnNode(), now)
        : undefined;
    if (!eviction) {
      this.noted.delete(name);
      return;
    }
    if (!this.noted.has(name)) {
      this.noted.add(name);
      recordEvent(this.env.store, {
        involved: node,
        type: 'Warning',
        reason: 'EvictionThresholdMet',
        message: `Attempting to reclaim ${health.memoryPressure ? 'memory' : 'ephemeral-storage'}`,
        component: 'kubelet',
        host: name,
      });
    }
    this.evict(eviction.pod, eviction.message, now);
  }
}
