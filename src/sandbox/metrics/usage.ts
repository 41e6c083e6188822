import { parseQuantity } from '../../kube/quantity.ts';
import type { ContainerSpec } from '../core/runtime.ts';
import type { KubeObject } from '../core/types.ts';
import type { ContainerDemand } from '../runtime/index.ts';
import type { MetricsContext } from './context.ts';

export interface RunningContainer {
  pod: KubeObject;
  container: ContainerSpec;
  node: string;
  startedAt: number;
  restartCount: number;
  demand: ContainerDemand;
}

const cache = new WeakMap<MetricsContext, RunningContainer[]>();

/** Every running container on a reachable node with what it uses, measured once per render. */
export function runningContainers(ctx: MetricsContext): RunningContainer[] {
  const cached = cache.get(ctx);
  if (cached) return cached;
  const out: RunningContainer[] = [];
  for (const pod of ctx.pods) {
    const node = pod.spec?.nodeName;
    if (!node || ctx.unreachable(node)) continue;
    const statuses = pod.status?.containerStatuses ?? [];
    for (const container of pod.spec?.containers ?? []) {
      const status = statuses.find((s: any) => s.name === container.name);
      const started = status?.state?.running?.startedAt;
      if (!started) continue;
      const startedAt = Date.parse(started);
      const demand: ContainerDemand = ctx.runtime
        ? ctx.runtime.demand(pod, container, startedAt, ctx.now)
        : (() => {
            const u = ctx.cluster.runtime.usage(pod, container, startedAt, ctx.now);
            return {
              cpuDemandCores: u.cpuCores,
              cpuCores: u.cpuCores,
              cpuLimitCores: parseQuantity(container.resources?.limits?.cpu),
              memoryBytes: u.memoryBytes,
              memoryLimitBytes: parseQuantity(container.resources?.limits?.memory),
            };
          })();
      out.push({ pod, container, node, startedAt, restartCount: status.restartCount ?? 0, demand });
    }
  }
  cache.set(ctx, out);
  return out;
}
