import { parseQuantity } from '../../kube/quantity.ts';
import { rt } from '../core/resources.ts';
import { containerStartedAt } from '../runtime/world.ts';
import { describeTarget } from './targets.ts';
import type { FaultType } from './types.ts';
import { instancesGone, instancesOf, mainContainerOf, workloadHealthy } from './workloads.ts';

const POD = rt('Pod');

/**
 * The running instances leak memory (a cache that never evicts) at a steady rate until the kernel
 * kills them at their limit. A restart gives each pod a fresh heap: replacing the instances clears it.
 */
export const memoryLeak: FaultType = {
  name: 'memory_leak',
  description:
    "The current pods' memory grows linearly until they are OOMKilled; new pod instances do not leak.",
  targets: ['deployment', 'statefulset'],
  params: [
    {
      name: 'minutesToOom',
      type: 'number',
      description: 'Simulated minutes until a leaking pod reaches its memory limit',
      default: 10,
      min: 0.5,
      max: 1440,
    },
  ],
  inject(ctx, target, params) {
    const { store } = ctx.cluster;
    const { memoryLeaks } = ctx.runtime.effects;
    const minutes = Number(params.minutesToOom ?? 10);
    const instances = instancesOf(store, target);
    const now = ctx.now();
    for (const [uid, name] of instances) {
      const pod = store.get(POD, target.namespace, name)!;
      const main = mainContainerOf(pod);
      const limit = parseQuantity(main?.resources?.limits?.memory) ?? 2 ** 30;
      const started = containerStartedAt(pod, main?.name) ?? now;
      const used = ctx.runtime.demand(pod, main, started, now).memoryBytes;
      memoryLeaks.set(uid, { bytesPerSecond: Math.max(1, limit - used) / (minutes * 60), since: now });
    }
    return {
      params: { minutesToOom: minutes },
      symptoms: `Memory of pods ${[...instances.values()].join(', ')} (${describeTarget(target)}) grows steadily (container_memory_working_set_bytes rising linearly, "heap usage high" warnings) and reaches the limit in ~${minutes} min, when they are OOMKilled.`,
      fix: `Restart the leaking instances (kubectl rollout restart ${describeTarget(target)} -n ${target.namespace}) to reset their memory, then fix the leak. Scaling out does not help: the leaking instances keep growing.`,
      isCleared: () => instancesGone(store, target.namespace, instances) && workloadHealthy(store, target),
      remove: () => {
        for (const uid of instances.keys()) memoryLeaks.delete(uid);
      },
    };
  },
};
