import { describeTarget } from './targets.ts';
import type { FaultType } from './types.ts';
import { instancesGone, instancesOf, workloadHealthy } from './workloads.ts';

/**
 * CoreDNS instances wedge (their API watch hung, the kubernetes plugin never becomes ready): they
 * stop answering and fail readiness, kube-dns has no endpoints, and every lookup in the cluster times
 * out. Restarting CoreDNS brings fresh instances; restarting the applications that fail does not.
 */
export const dnsFailure: FaultType = {
  name: 'dns_failure',
  description:
    'CoreDNS pods stop answering: kube-dns has no ready endpoints; applications fail name lookups (i/o timeout).',
  targets: ['deployment'],
  defaultTarget: { namespace: 'kube-system', target: 'deployment/coredns' },
  params: [],
  inject(ctx, target) {
    const { store } = ctx.cluster;
    const { unresponsivePods } = ctx.runtime.effects;
    const instances = instancesOf(store, target);
    for (const uid of instances.keys()) unresponsivePods.add(uid);
    return {
      params: {},
      symptoms: `Pods ${[...instances.values()].join(', ')} (${describeTarget(target)}) fail readiness and kube-dns loses its endpoints; applications log "dial tcp: lookup postgres.production.svc.cluster.local on 10.96.0.10:53: read udp …: i/o timeout" and their requests fail with 504s after the resolver timeout.`,
      fix: `Restart CoreDNS: kubectl rollout restart ${describeTarget(target)} -n ${target.namespace}. Restarting the applications that log lookup errors does not help.`,
      isCleared: () =>
        instancesGone(store, target.namespace, instances) &&
        ctx.runtime.dependencies.dnsHealthy() &&
        workloadHealthy(store, target),
      remove: () => {
        for (const uid of instances.keys()) unresponsivePods.delete(uid);
      },
    };
  },
};
