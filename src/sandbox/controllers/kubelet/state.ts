import { parseTime } from '../../core/clock.ts';
import type { ContainerSpec } from '../../core/runtime.ts';
import type { KubeObject } from '../../core/types.ts';

export interface ProbeState {
  nextAt: number;
  successes: number;
  failures: number;
}

export interface Termination {
  exitCode: number;
  reason: string;
  message?: string;
  startedAt?: number;
  finishedAt: number;
  containerID?: string;
}

/** One container as the kubelet tracks it between syncs (the runtime holds no state of its own). */
export interface ContainerState {
  name: string;
  spec: ContainerSpec;
  init: boolean;
  state: 'waiting' | 'running' | 'terminated';
  reason?: string;
  message?: string;
  startedAt?: number;
  containerID?: string;
  terminated?: Termination;
  lastTerminated?: Termination;
  restartCount: number;
  hasRun: boolean;
  ready: boolean;
  started: boolean;
  imageReady: boolean;
  imageID?: string;
  pullingSince?: number;
  pullingUntil?: number;
  pullBackoffSec: number;
  pullRetryAt?: number;
  /** The crash-loop back-off now in force (0: the next restart is immediate). */
  crashBackoffSec: number;
  crashAt?: number;
  crashExitCode?: number;
  /** The final log line of a process that will crash, written when it does. */
  lastWords?: string;
  readiness?: ProbeState;
  liveness?: ProbeState;
  startup?: ProbeState;
  lastLogAt: number;
  nextCheckAt: number;
}

export interface PodState {
  uid: string;
  namespace: string;
  name: string;
  node: string;
  sandboxAt?: number;
  /** Since when the pod's volumes could not be set up. */
  mountWaitSince?: number;
  sandboxReady: boolean;
  podIP?: string;
  /** The pod IP went back to the node's pool (the pod finished); status still shows it. */
  ipReleased?: boolean;
  startTime?: number;
  containers: ContainerState[];
  initContainers: ContainerState[];
  terminatingSince?: number;
  removeAt?: number;
  evicted?: string;
  /** The pod's resourceVersion whose status matches this state (our own write, or one we checked). */
  syncedVersion?: string;
  /** Last time a throttled event (FailedMount…) was recorded, per reason. */
  lastEventAt: Map<string, number>;
}

function newContainer(spec: ContainerSpec, init: boolean, now: number): ContainerState {
  return {
    name: spec.name,
    spec,
    init,
    state: 'waiting',
    reason: 'ContainerCreating',
    restartCount: 0,
    hasRun: false,
    ready: false,
    started: false,
    imageReady: false,
    pullBackoffSec: 0,
    crashBackoffSec: 0,
    lastLogAt: now,
    nextCheckAt: now,
  };
}

function termination(t: any): Termination | undefined {
  if (!t) return undefined;
  return {
    exitCode: t.exitCode ?? 0,
    reason: t.reason ?? (t.exitCode ? 'Error' : 'Completed'),
    message: t.message,
    startedAt: parseTime(t.startedAt),
    finishedAt: parseTime(t.finishedAt) ?? 0,
    containerID: t.containerID,
  };
}

/** Picks up a container a previous kubelet (or the estate) left running, waiting or terminated. */
function adoptContainer(spec: ContainerSpec, init: boolean, status: any, now: number): ContainerState {
  const c = newContainer(spec, init, now);
  if (!status) return c;
  c.restartCount = status.restartCount ?? 0;
  c.lastTerminated = termination(status.lastState?.terminated);
  c.containerID = status.containerID;
  c.imageID = status.imageID || undefined;
  c.hasRun = Boolean(
    status.containerID || c.lastTerminated || status.state?.running || status.state?.terminated,
  );
  // The back-off a container with this many restarts would be in: 10s doubling, capped at 5 min.
  c.crashBackoffSec = c.restartCount > 0 ? Math.min(300, 10 * 2 ** Math.max(0, c.restartCount - 1)) : 0;
  const { running, terminated, waiting } = status.state ?? {};
  if (running) {
    c.state = 'running';
    c.reason = undefined;
    c.startedAt = parseTime(running.startedAt) ?? now;
    c.ready = status.ready ?? true;
    c.started = status.started ?? true;
    c.imageReady = true;
  } else if (terminated) {
    c.state = 'terminated';
    c.reason = undefined;
    c.terminated = termination(terminated);
  } else if (waiting?.reason === 'CrashLoopBackOff') {
    c.reason = waiting.reason;
    c.message = waiting.message;
  }
  return c;
}

export function newPodState(pod: KubeObject, now: number): PodState {
  const status = pod.status ?? {};
  const byName = (list: any[] | undefined) => new Map((list ?? []).map((s: any) => [s.name, s]));
  const main = byName(status.containerStatuses);
  const init = byName(status.initContainerStatuses);
  const containers = (pod.spec?.containers ?? []).map((spec: any) =>
    adoptContainer(spec, false, main.get(spec.name), now),
  );
  const initContainers = (pod.spec?.initContainers ?? []).map((spec: any) =>
    adoptContainer(spec, true, init.get(spec.name), now),
  );
  const started = [...containers, ...initContainers].some((c) => c.hasRun);
  return {
    uid: pod.metadata.uid ?? '',
    namespace: pod.metadata.namespace ?? 'default',
    name: pod.metadata.name,
    node: pod.spec?.nodeName,
    sandboxReady: started && Boolean(status.podIP),
    podIP: started ? status.podIP : undefined,
    startTime: parseTime(status.startTime),
    containers,
    initContainers,
    lastEventAt: new Map(),
  };
}

export const isCompleted = (c: ContainerState) => c.state === 'terminated' && c.terminated?.exitCode === 0;

export const allContainers = (ps: PodState) => [...ps.initContainers, ...ps.containers];

/** Go's time.Duration formatting for whole seconds: `10s`, `1m20s`, `5m0s`. */
export function goDuration(seconds: number): string {
  if (seconds < 60) return `${seconds}s`;
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  if (m < 60) return `${m}m${s}s`;
  return `${Math.floor(m / 60)}h${m % 60}m${s}s`;
}

/** Everything a posted status is derived from: equal signatures, equal status. */
export function stateSignature(ps: PodState): string {
  let sig = `${ps.sandboxReady}|${ps.podIP}|${ps.evicted ?? ''}`;
  for (const c of allContainers(ps)) {
    sig += `|${c.state}:${c.reason}:${c.message}:${c.ready}:${c.started}:${c.restartCount}:${c.containerID}:${c.imageID}`;
  }
  return sig;
}
