import { describeTarget } from './targets.ts';
import type { FaultType } from './types.ts';
import { instancesGone, instancesOf, workloadHealthy } from './workloads.ts';

/**
 * The running pods' local state (their emptyDir cache) is corrupt: each instance's process exits at
 * start. The state dies with the pod, so replacing the pods clears it; more replicas do not.
 */
export const crashLoop: FaultType = {
  name: 'crash_loop',
  description:
    'The existing pod instances crash at start (exit 1, fatal error in the log) because of state local to each pod; new pods start fine.',
  targets: ['deployment', 'statefulset'],
  params: [],
  inject(ctx, target) {
    const { store } = ctx.cluster;
    const { crashingPods } = ctx.runtime.effects;
    const instances = instancesOf(store, target);
    for (const uid of instances.keys()) crashingPods.set(uid, 'corrupt-state');
    const names = [...instances.values()].join(', ');
    return {
      params: {},
      symptoms: `Pods ${names} of ${describeTarget(target)} go into CrashLoopBackOff (exit code 1; "failed to load cache snapshot … unexpected EOF" in the previous log); restarts climb and the workload loses available replicas.`,
      fix: `Replace the broken instances: kubectl rollout restart ${describeTarget(target)} -n ${target.namespace} (or delete the pods). Scaling out does not help: the old pods keep crashing.`,
      isCleared: () => instancesGone(store, target.namespace, instances) && workloadHealthy(store, target),
      remove: () => {
        for (const uid of instances.keys()) crashingPods.delete(uid);
      },
    };
  },
};
