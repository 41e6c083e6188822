import type { Cluster } from '../core/cluster.ts';
import {
  type ContainerSpec,
  type ContainerStart,
  type ContainerUsage,
  HEALTHY_NODE,
  type NodeHealth,
  type ProbeResult,
  type Runtime,
} from '../core/runtime.ts';
import type { KubeObject } from '../core/types.ts';
import { DatabaseModel } from './databases.ts';
import { DependencyModel } from './dependencies.ts';
import { Effects } from './effects.ts';
import { imageTag, normalizeImage, notFoundPullError } from './images.ts';
import { writtenLines } from './logs.ts';
import { hash01, smoothNoise } from './noise.ts';
import { probeFailureMessage } from './probes.ts';
import type { AppContext } from './profiles/index.ts';
import { Topology } from './topology.ts';
import { TrafficModel } from './traffic.ts';
import { VolumeModel } from './volumes.ts';
import { factsOf, numberAnnotation, type World } from './world.ts';

export const RUN_SECONDS_ANNOTATION = 'sandbox.sre-nanobot.dev/run-seconds';
/** A process whose data volume is this full cannot write (a database its WAL): it fails at start. */
const VOLUME_FULL_RATIO = 0.98;

export interface ContainerDemand {
  cpuDemandCores: number;
  cpuCores: number;
  cpuLimitCores?: number;
  memoryBytes: number;
  memoryLimitBytes?: number;
}

/**
 * What the simulated applications do: processes chosen by image, traffic per service, connections
 * to databases, volume usage, certificates, and the effects injected faults put on all of them.
 */
export class SimRuntime implements Runtime, World {
  readonly store;
  readonly clock;
  readonly effects = new Effects();
  readonly topology;
  readonly traffic: TrafficModel = new TrafficModel(this);
  readonly dependencies: DependencyModel = new DependencyModel(this);
  readonly databases: DatabaseModel = new DatabaseModel(this);
  readonly volumes: VolumeModel = new VolumeModel(this);

  constructor(readonly cluster: Cluster) {
    this.store = cluster.store;
    this.clock = cluster.clock;
    this.topology = new Topology(cluster.store);
  }

  close(): void {
    this.topology.close();
  }

  appContext(pod: KubeObject, container: ContainerSpec): AppContext {
    const namespace = pod.metadata.namespace ?? 'default';
    const workload = this.topology.workloadOf(pod);
    const image = String(container?.image ?? '');
    return {
      namespace,
      pod: pod.metadata.name,
      container: container?.name ?? 'main',
      node: pod.spec?.nodeName ?? '',
      image,
      version: imageTag(image),
      app: workload?.name ?? pod.metadata.labels?.app ?? container?.name ?? pod.metadata.name,
      podIP: pod.status?.podIP ?? '10.244.0.2',
      port: Number(container?.ports?.[0]?.containerPort ?? 8080),
      seed: `${namespace}/${pod.metadata.name}/${container?.name}`,
    };
  }

  /** Why this container's process cannot run right now, if it cannot. */
  private failure(pod: KubeObject, container: ContainerSpec) {
    const { crashingPods, crashingImages } = this.effects;
    const { main } = factsOf(pod, container);
    const kind =
      (main ? crashingPods.get(pod.metadata.uid ?? '') : undefined) ??
      crashingImages.get(normalizeImage(String(container?.image ?? '')));
    if (kind) return kind;
    // Whatever keeps its data on a claim cannot start once the volume is full.
    if (main && this.volumes.fullestRatio(pod) >= VOLUME_FULL_RATIO) return 'disk-full' as const;
    return undefined;
  }

  pullImage(image: string): string | undefined {
    return this.effects.missingImages.has(normalizeImage(image)) ? notFoundPullError(image) : undefined;
  }

  start(pod: KubeObject, container: ContainerSpec, _restartCount: number): ContainerStart {
    const { profile } = factsOf(pod, container);
    const app = this.appContext(pod, container);
    const now = this.clock.now();
    const why = this.failure(pod, container);
    if (why) {
      const crash = profile.crash(app, now, why);
      return {
        outcome: 'crash',
        exitCode: crash.exitCode,
        runSeconds: crash.runSeconds,
        logLines: crash.lines,
      };
    }
    const policy = pod.spec?.restartPolicy ?? 'Always';
    if (policy !== 'Always') {
      // Batch containers do their work and exit; `exit N` in the command picks the exit code.
      const command = [...(container?.command ?? []), ...(container?.args ?? [])].join(' ');
      const exitCode = Number(/\bexit\s+(\d+)/.exec(command)?.[1] ?? 0);
      const runSeconds =
        numberAnnotation(pod, RUN_SECONDS_ANNOTATION) ?? 5 + Math.round(hash01(app.seed) * 10);
      return { outcome: 'crash', exitCode, runSeconds, logLines: profile.startLines(app, now) };
    }
    return { outcome: 'run', logLines: profile.startLines(app, now) };
  }

  probe(pod: KubeObject, container: ContainerSpec, startedAt: number, now: number): ProbeResult {
    const { profile, main } = factsOf(pod, container);
    const podIP = pod.status?.podIP ?? '10.244.0.2';
    if (this.failure(pod, container)) {
      return {
        ready: false,
        live: false,
        message: probeFailureMessage(container, 'liveness', podIP, 'refused'),
      };
    }
    if (main && this.effects.unresponsivePods.has(pod.metadata.uid ?? '')) {
      return {
        ready: false,
        live: true,
        message: probeFailureMessage(container, 'readiness', podIP, 'unavailable'),
      };
    }
    if (now - startedAt < profile.warmupSeconds * 1000) {
      return {
        ready: false,
        live: true,
        message: probeFailureMessage(container, 'readiness', podIP, 'refused'),
      };
    }
    return { ready: true, live: true };
  }

  /** CPU wanted and used, and memory, of a running container (what cAdvisor would measure). */
  demand(pod: KubeObject, container: ContainerSpec, startedAt: number, now: number): ContainerDemand {
    const { profile, main, cpuLimit, memoryLimit } = factsOf(pod, container);
    const seed = `${pod.metadata.namespace}/${pod.metadata.name}/${container?.name}`;
    const uid = pod.metadata.uid ?? '';
    const load = main ? this.traffic.podLoad(pod) : undefined;
    let cpuDemand =
      (load?.cpuDemandCores ?? profile.idleCpuCores) * (1 + 0.08 * smoothNoise(`${seed}/cpu`, now));
    let base = profile.baseMemoryBytes * (1 + 0.15 * (hash01(seed) - 0.5));
    if (memoryLimit) base = Math.min(base, 0.55 * memoryLimit);
    const age = Math.max(0, now - startedAt);
    let memory =
      base * (0.6 + 0.4 * Math.min(1, age / 20_000)) * (1 + 0.02 * smoothNoise(`${seed}/mem`, now));
    if (main && profile.protocol === 'postgres') {
      const connections = this.postgresConnections(pod);
      cpuDemand += 0.004 * connections;
      memory += connections * 2 * 2 ** 20;
    }
    const workload = main ? this.topology.workloadOf(pod) : undefined;
    const needed = workload && this.effects.memoryDemand.get(workload.key);
    if (needed && needed > memory) memory += (needed - memory) * Math.min(1, age / 15_000);
    const leak = main ? this.effects.memoryLeaks.get(uid) : undefined;
    if (leak) memory += (leak.bytesPerSecond * Math.max(0, now - Math.max(leak.since, startedAt))) / 1000;
    return {
      cpuDemandCores: cpuDemand,
      cpuCores: cpuLimit ? Math.min(cpuDemand, cpuLimit) : cpuDemand,
      cpuLimitCores: cpuLimit,
      memoryBytes: Math.round(memory),
      memoryLimitBytes: memoryLimit,
    };
  }

  private postgresConnections(pod: KubeObject): number {
    for (const s of this.topology.servicesOf(pod)) {
      const state = this.databases.postgres(s.namespace, s.name);
      if (state.up) return state.total;
    }
    return 0;
  }

  usage(pod: KubeObject, container: ContainerSpec, startedAt: number, now: number): ContainerUsage {
    const d = this.demand(pod, container, startedAt, now);
    return { cpuCores: d.cpuCores, memoryBytes: d.memoryBytes };
  }

  logLines(pod: KubeObject, container: ContainerSpec, from: number, to: number): string[] {
    return writtenLines(this, pod, container, from, to);
  }

  nodeHealth(nodeName: string): NodeHealth {
    const { kubeletDown, diskPressure } = this.effects;
    if (!kubeletDown.has(nodeName) && !diskPressure.has(nodeName)) return HEALTHY_NODE;
    return {
      ...HEALTHY_NODE,
      kubeletUp: !kubeletDown.has(nodeName),
      diskPressure: diskPressure.has(nodeName),
    };
  }
}

export function createSimRuntime(cluster: Cluster): SimRuntime {
  return new SimRuntime(cluster);
}

/** The simulated runtime a cluster runs on; faults and metrics need its models, not just the interface. */
export function simRuntimeOf(cluster: Cluster): SimRuntime {
  if (!(cluster.runtime instanceof SimRuntime)) {
    throw new Error('this cluster does not run on the simulated runtime (createSimRuntime)');
  }
  return cluster.runtime;
}
