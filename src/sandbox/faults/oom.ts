import { formatBytes, parseQuantity } from '../../kube/quantity.ts';
import { memoryParam } from './params.ts';
import { describeTarget } from './targets.ts';
import { badRequest, type FaultType } from './types.ts';
import { current, keyOf, limitOf, mainContainerOf, podsOf, workloadHealthy } from './workloads.ts';

/**
 * The workload's working set grew (a larger dataset in its cache): the process needs `memory` bytes,
 * more than its limit, and the kernel kills it every time it gets there. Only a limit above the need
 * (a new revision) stops it; restarts just start the climb again.
 */
export const oom: FaultType = {
  name: 'oom',
  description:
    "The workload's process needs more memory than its limit: containers are OOMKilled shortly after each start.",
  targets: ['deployment', 'statefulset'],
  params: [
    {
      name: 'memory',
      type: 'string',
      description: 'Memory the process needs once warmed up (quantity, e.g. 768Mi)',
      default: '1.5 × the current memory limit',
    },
  ],
  inject(ctx, target, params) {
    const { store } = ctx.cluster;
    const limit = parseQuantity(limitOf(target.object, 'memory'));
    if (!limit) {
      throw badRequest(
        `${describeTarget(target)} has no memory limit, so nothing would OOM-kill it; set one first`,
      );
    }
    const needed = memoryParam(params, 'memory') ?? Math.ceil((limit * 1.5) / 2 ** 20) * 2 ** 20;
    if (needed <= limit)
      throw badRequest(`memory ${formatBytes(needed)} fits in the current limit ${formatBytes(limit)}`);
    const key = keyOf(target);
    ctx.runtime.effects.memoryDemand.set(key, needed);
    const container = mainContainerOf(target.object)?.name;
    return {
      params: { memory: formatBytes(needed) },
      symptoms: `Containers of ${describeTarget(target)} are OOMKilled (exit code 137, last state OOMKilled) as memory climbs to ${formatBytes(needed)} against a ${formatBytes(limit)} limit; CrashLoopBackOff, rising restarts, container_memory_working_set_bytes at the limit.`,
      fix: `Raise the memory limit above ${formatBytes(needed)}: kubectl set resources ${describeTarget(target)} -n ${target.namespace} -c ${container} --limits=memory=${formatBytes(Math.ceil((needed * 1.3) / 2 ** 28) * 2 ** 28)}. Restarting or scaling does not help.`,
      isCleared: () => {
        const obj = current(store, target);
        const pods = podsOf(store, target);
        const fits = (limitText: unknown) => (parseQuantity(limitText) ?? 0) > needed;
        return (
          !!obj &&
          fits(limitOf(obj, 'memory')) &&
          pods.every((p) => fits(mainContainerOf(p)?.resources?.limits?.memory)) &&
          workloadHealthy(store, target)
        );
      },
      remove: () => ctx.runtime.effects.memoryDemand.delete(key),
    };
  },
};
