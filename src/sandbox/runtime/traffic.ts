import { rt } from '../core/resources.ts';
import type { KubeObject } from '../core/types.ts';
import type { DependencyHealth } from './dependencies.ts';
import type { BadConfig } from './effects.ts';
import type { LatencyModel } from './latency.ts';
import { smoothNoise } from './noise.ts';
import type { Protocol } from './profiles/index.ts';
import { isPodReady, serviceKey } from './topology.ts';
import { factsOf, mainContainer, numberAnnotation, profileOf, readyReplicas, type World } from './world.ts';

export const RPS_ANNOTATION = 'sandbox.sre-nanobot.dev/rps';

export interface ServiceTraffic {
  namespace: string;
  name: string;
  protocol: Protocol;
  offeredRps: number;
  readyEndpoints: number;
  /** Requests per second the ready replicas can serve. */
  capacityRps: number;
  utilization: number;
  errorRatio: number;
  /** Share of all requests answered with each 5xx code. */
  errorsByCode: Record<number, number>;
  latency: LatencyModel;
  dependencies: DependencyHealth[];
}

export interface PodLoad {
  offeredRps: number;
  servedRps: number;
  cpuDemandCores: number;
  cpuLimitCores?: number;
}

const TICK_MS = 1_000;
const DNS_TIMEOUT_SECONDS = 5;
const SERVICE = rt('Service');

/**
 * Requests per Service and what becomes of them: offered load (annotation or default, times any
 * injected surge), capacity of the ready replicas (CPU throttling shrinks it), queueing latency,
 * and errors from overload, bad configuration and failing dependencies, propagated upstream.
 * Values are computed once per simulated second and shared by every caller in that second.
 */
export class TrafficModel {
  private tick = -1;
  private readonly services = new Map<string, ServiceTraffic | undefined>();
  private readonly computing = new Set<string>();

  constructor(private readonly world: World) {}

  private refresh(): void {
    const tick = Math.floor(this.world.clock.now() / TICK_MS);
    if (tick === this.tick) return;
    this.tick = tick;
    this.services.clear();
  }

  /** Whether the service is being worked out right now (a dependency cycle leads back to it). */
  isComputing(key: string): boolean {
    return this.computing.has(key);
  }

  service(namespace: string, name: string): ServiceTraffic | undefined {
    this.refresh();
    const key = serviceKey(namespace, name);
    if (!this.services.has(key)) {
      this.computing.add(key);
      try {
        this.services.set(key, this.compute(namespace, name));
      } finally {
        this.computing.delete(key);
      }
    }
    return this.services.get(key);
  }

  /** The load on one pod's main container and the CPU it needs for it. */
  podLoad(pod: KubeObject): PodLoad {
    let offered = 0;
    if (isPodReady(pod)) {
      for (const s of this.world.topology.servicesOf(pod)) {
        const t = this.service(s.namespace, s.name);
        if (t && t.readyEndpoints > 0) offered = Math.max(offered, t.offeredRps / t.readyEndpoints);
      }
    }
    const capacity = this.podCapacity(pod, offered);
    return {
      offeredRps: offered,
      servedRps: Math.min(offered, capacity.effectiveRps * 0.98),
      cpuDemandCores: capacity.demand,
      cpuLimitCores: capacity.limit,
    };
  }

  private podCapacity(pod: KubeObject, offeredRps: number) {
    const { profile, cpuLimit: limit, capacityRps: capacity } = factsOf(pod, mainContainer(pod));
    const workload = this.world.topology.workloadOf(pod);
    const extra = workload ? this.world.effects.cpuDemand.get(workload.key) : undefined;
    const demand =
      profile.idleCpuCores +
      Math.min(offeredRps, capacity) * profile.cpuPerRequest +
      (extra ? extra / Math.max(1, readyReplicas(this.world.store, workload)) : 0);
    const factor = limit ? Math.max(1, demand / limit) : 1;
    return { effectiveRps: capacity / factor, demand, limit };
  }

  /** The bad configuration a pod runs with, if its main container has it. */
  badConfig(pod: KubeObject): BadConfig | undefined {
    const workload = this.world.topology.workloadOf(pod);
    const bad = workload && this.world.effects.badConfig.get(workload.key);
    if (!bad) return undefined;
    const env = mainContainer(pod)?.env ?? [];
    return env.some((e: any) => e.name === bad.env && e.value === bad.value) ? bad : undefined;
  }

  private compute(namespace: string, name: string): ServiceTraffic | undefined {
    const { store, topology, effects, clock } = this.world;
    const svc = store.get(SERVICE, namespace, name);
    if (!svc) return undefined;
    const key = serviceKey(namespace, name);
    const backend = topology.backendOf(namespace, name);
    const { count, pods } = topology.readyEndpoints(namespace, name);
    const template = backend?.template ?? pods[0];
    const profile = profileOf(template, mainContainer(template));
    // A service with no pods behind it (the API server's, an external one) carries no modelled traffic.
    const protocol: Protocol = template ? profile.protocol : 'none';
    const base = numberAnnotation(svc, RPS_ANNOTATION) ?? (protocol === 'http' ? 5 : 0);
    const offered =
      base * (1 + 0.06 * smoothNoise(key, clock.now(), 60_000)) * (effects.loadMultiplier.get(key) ?? 1);
    const dependencies = this.world.dependencies.of(template, namespace);
    const idle: LatencyModel = {
      fixedSeconds: profile.latencySeconds,
      waitRate: Math.max(0.2, profile.capacityRps),
      slowShare: 0,
      slowSeconds: DNS_TIMEOUT_SECONDS,
    };
    if (count === 0) {
      return {
        namespace,
        name,
        protocol,
        offeredRps: offered,
        readyEndpoints: 0,
        capacityRps: 0,
        utilization: offered > 0 ? Number.POSITIVE_INFINITY : 0,
        errorRatio: offered > 0 ? 1 : 0,
        errorsByCode: offered > 0 ? { 503: 1 } : {},
        latency: idle,
        dependencies,
      };
    }
    const perPod = offered / count;
    let capacity = 0;
    let bad = 0;
    for (const pod of pods) {
      capacity += this.podCapacity(pod, perPod).effectiveRps;
      bad += this.badConfig(pod)?.errorRatio ?? 0;
    }
    const unresolved = count - pods.length;
    if (unresolved > 0) capacity += unresolved * (pods.length ? capacity / pods.length : profile.capacityRps);
    const served = Math.min(offered, capacity * 0.98);
    const shed = offered > 0 ? 1 - served / offered : 0;
    const perPodCapacity = capacity / count;
    const waitRate = Math.max(perPodCapacity - served / count, perPodCapacity * 0.02, 0.2);

    const causes: { share: number; status: number }[] = [
      { share: shed, status: 503 },
      { share: pods.length ? bad / pods.length : 0, status: 500 },
      ...dependencies.map((d) => ({ share: d.weight * d.failureRatio, status: d.status })),
    ].filter((c) => c.share > 0);
    const success = causes.reduce((p, c) => p * (1 - Math.min(1, c.share)), 1);
    const errorRatio = 1 - success;
    const total = causes.reduce((s, c) => s + c.share, 0);
    const errorsByCode: Record<number, number> = {};
    for (const c of causes)
      errorsByCode[c.status] = (errorsByCode[c.status] ?? 0) + (errorRatio * c.share) / total;
    const slowShare = Math.min(
      1,
      dependencies.filter((d) => d.state === 'dns-timeout').reduce((s, d) => s + d.weight, 0),
    );
    return {
      namespace,
      name,
      protocol,
      offeredRps: offered,
      readyEndpoints: count,
      capacityRps: capacity,
      utilization: offered / capacity,
      errorRatio,
      errorsByCode,
      latency: {
        fixedSeconds: profile.latencySeconds,
        waitRate,
        slowShare,
        slowSeconds: DNS_TIMEOUT_SECONDS,
      },
      dependencies,
    };
  }
}
