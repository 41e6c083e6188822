import { latencyQuantile } from '../runtime/latency.ts';
import { httpServiceOf } from './services.ts';
import { describeTarget } from './targets.ts';
import { badRequest, type FaultType } from './types.ts';

const SLO_P99_SECONDS = 0.5;
const HEALTHY_UTILIZATION = 0.8;

/**
 * Offered load on the service rises past what its ready replicas serve: requests queue, p99 climbs
 * and the excess is shed with 503s. More replicas (capacity) fix it; restarting the same number does not.
 */
export const highLatency: FaultType = {
  name: 'high_latency',
  description:
    'Traffic to the service surges beyond the capacity of its ready replicas: queueing pushes p99 latency up.',
  targets: ['deployment', 'service'],
  params: [
    {
      name: 'multiplier',
      type: 'number',
      description: 'Factor on the offered request rate',
      default: 'enough for 130% of current capacity',
      min: 1.01,
      max: 1000,
    },
  ],
  inject(ctx, target, params) {
    const { traffic, effects } = ctx.runtime;
    const service = httpServiceOf(ctx, target);
    const before = traffic.service(service.namespace, service.name);
    if (!before || before.readyEndpoints === 0 || before.offeredRps === 0) {
      throw badRequest(`service ${service.name} has no ready endpoints or no traffic to surge`);
    }
    const multiplier = Number(
      params.multiplier ?? Math.ceil((13 * before.capacityRps) / before.offeredRps) / 10,
    );
    effects.loadMultiplier.set(service.key, multiplier);
    const perReplica = before.capacityRps / before.readyEndpoints;
    const needed = Math.ceil((before.offeredRps * multiplier) / (HEALTHY_UTILIZATION * perReplica));
    return {
      params: { multiplier },
      symptoms: `Requests to service ${service.name} rise ${multiplier}× to ~${Math.round(before.offeredRps * multiplier)}/s against ~${Math.round(before.capacityRps)}/s of capacity: p99 of http_request_duration_seconds climbs past ${SLO_P99_SECONDS}s, some requests get 503, pods run hot.`,
      fix: `Scale out ${describeTarget(target)} to at least ${needed} ready replicas (kubectl scale --replicas=${needed}) or raise the HPA's maxReplicas. A restart keeps the same capacity and does not help.`,
      isCleared: () => {
        const t = traffic.service(service.namespace, service.name);
        return (
          !!t &&
          t.readyEndpoints > 0 &&
          t.utilization <= HEALTHY_UTILIZATION &&
          latencyQuantile(t.latency, 0.99) < SLO_P99_SECONDS
        );
      },
      remove: () => effects.loadMultiplier.delete(service.key),
    };
  },
};
