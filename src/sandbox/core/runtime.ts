import type { KubeObject } from './types.ts';

/**
 * The boundary between the kubelet (controllers/) and what the simulated applications do
 * (runtime/ and faults/). The kubelet owns Kubernetes mechanics — states, restarts, back-off,
 * probes' thresholds, OOM kills against limits, events; the runtime answers what a process
 * would do. Faults change runtime answers, so a fault is cleared by the same cluster change
 * that would clear it on a real cluster (a rollback replaces the crashing image, a higher limit
 * stops the OOM kills), never by a flag.
 */

export type ContainerSpec = any;

export interface ContainerStart {
  /** `run`: the process stays up; `crash`: it exits with `exitCode` after `runSeconds`. */
  outcome: 'run' | 'crash';
  runSeconds?: number;
  exitCode?: number;
  /** Lines the process writes when it starts (for `crash`, its last words). */
  logLines: string[];
}

export interface ProbeResult {
  ready: boolean;
  live: boolean;
  /** Why a probe failed, as the kubelet words it: `Readiness probe failed: HTTP probe failed with statuscode: 503`. */
  message?: string;
}

export interface ContainerUsage {
  cpuCores: number;
  memoryBytes: number;
}

export interface NodeHealth {
  /** false: the kubelet stopped posting status (Ready=Unknown, pods go NotReady). */
  kubeletUp: boolean;
  memoryPressure: boolean;
  diskPressure: boolean;
  pidPressure: boolean;
  networkUnavailable: boolean;
}

export interface Runtime {
  /** undefined when the image can be pulled; otherwise the registry's error text. */
  pullImage(image: string): string | undefined;
  start(pod: KubeObject, container: ContainerSpec, restartCount: number): ContainerStart;
  /** Steady-state probe results for a running container started at `startedAt` (sim ms). */
  probe(pod: KubeObject, container: ContainerSpec, startedAt: number, now: number): ProbeResult;
  /** Resource use of a running container; memory above its limit gets it OOMKilled by the kubelet. */
  usage(pod: KubeObject, container: ContainerSpec, startedAt: number, now: number): ContainerUsage;
  /** Log lines a running container writes in (from, to] sim ms; may be empty. */
  logLines(pod: KubeObject, container: ContainerSpec, from: number, to: number): string[];
  nodeHealth(nodeName: string): NodeHealth;
}

export const HEALTHY_NODE: NodeHealth = {
  kubeletUp: true,
  memoryPressure: false,
  diskPressure: false,
  pidPressure: false,
  networkUnavailable: false,
};

/** A runtime where every image pulls and every process runs happily: the baseline for controller tests. */
export const healthyRuntime: Runtime = {
  pullImage: () => undefined,
  start: (_pod, container) => ({ outcome: 'run', logLines: [`${container.name} started`] }),
  probe: () => ({ ready: true, live: true }),
  usage: () => ({ cpuCores: 0.05, memoryBytes: 64 * 1024 * 1024 }),
  logLines: () => [],
  nodeHealth: () => HEALTHY_NODE,
};
