import { formatCpu, parseQuantity } from '../../kube/quantity.ts';
import { cpuParam } from './params.ts';
import { describeTarget } from './targets.ts';
import { badRequest, type FaultType } from './types.ts';
import { keyOf, limitOf, podsOf, workloadHealthy } from './workloads.ts';

/**
 * Extra CPU work lands on the workload (a heavier code path), shared by its ready replicas: each pod
 * wants more CPU than its limit, CFS throttles it and requests slow down. More CPU per pod (a higher
 * limit) or more pods to share the work clears it.
 */
export const cpuSaturation: FaultType = {
  name: 'cpu_saturation',
  description:
    'CPU demand above the CPU limit: CFS throttling (container_cpu_cfs_throttled_periods_total climbs) and slower responses.',
  targets: ['deployment', 'statefulset'],
  params: [
    {
      name: 'cores',
      type: 'string',
      description: 'Extra CPU demand shared by the ready replicas (quantity, e.g. 3 or 2500m)',
      default: 'enough for each replica to want 1.6 × its CPU limit',
    },
  ],
  inject(ctx, target, params) {
    const { store } = ctx.cluster;
    const { runtime } = ctx;
    const limit = parseQuantity(limitOf(target.object, 'cpu'));
    if (!limit)
      throw badRequest(`${describeTarget(target)} has no CPU limit, so nothing throttles it; set one first`);
    const pods = podsOf(store, target);
    if (pods.length === 0)
      throw badRequest(`${describeTarget(target)} has no pods to load; scale it up first`);
    const demandNow = Math.max(...pods.map((p) => runtime.traffic.podLoad(p).cpuDemandCores));
    const extra = cpuParam(params, 'cores') ?? Math.max(0.1, (1.6 * limit - demandNow) * pods.length);
    const key = keyOf(target);
    runtime.effects.cpuDemand.set(key, extra);
    const headroom = 0.9 * limit - demandNow;
    const scaleHint =
      headroom > 0
        ? ` or scale out to ${Math.max(pods.length + 1, Math.ceil(extra / headroom))}+ replicas`
        : '';
    return {
      params: { cores: formatCpu(extra) },
      symptoms: `Pods of ${describeTarget(target)} want more than their ${formatCpu(limit)} CPU limit: usage pinned at the limit, container_cpu_cfs_throttled_periods_total rising fast, latency of their service up.`,
      fix: `Give it more CPU: raise the CPU limit (kubectl set resources ${describeTarget(target)} -n ${target.namespace} --limits=cpu=${formatCpu(Math.ceil(((demandNow + extra / pods.length) * 1.3) / 0.25) * 0.25)})${scaleHint}. A restart does not change the demand.`,
      isCleared: () => {
        if (!workloadHealthy(store, target)) return false;
        return podsOf(store, target).every((p) => {
          const load = runtime.traffic.podLoad(p);
          return load.cpuLimitCores === undefined || load.cpuDemandCores <= load.cpuLimitCores;
        });
      },
      remove: () => runtime.effects.cpuDemand.delete(key),
    };
  },
};
