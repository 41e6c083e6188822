import type { CrashKind } from '../effects.ts';

/** What a container's process speaks on the network, which decides the metrics it gets. */
export type Protocol = 'http' | 'postgres' | 'redis' | 'dns' | 'none';

/** Who is writing a log line: enough to make it look like it came from that pod. */
export interface AppContext {
  namespace: string;
  pod: string;
  container: string;
  node: string;
  image: string;
  /** The image tag, which applications print as their version. */
  version: string;
  /** The workload (or container) name applications call themselves. */
  app: string;
  podIP: string;
  /** The port the process listens on (the container's first port). */
  port: number;
  /** Per-instance seed for deterministic variation. */
  seed: string;
}

/** A network peer as the application sees it. */
export interface Peer {
  host: string;
  ip: string;
  port: number;
  protocol: Protocol;
  tls: boolean;
}

/** Something going wrong that the application writes about. */
export type Problem =
  | { kind: 'refused'; peer: Peer }
  | { kind: 'dns-timeout'; peer: Peer; dnsIP: string }
  | { kind: 'no-such-host'; peer: Peer; dnsIP: string }
  | { kind: 'too-many-clients'; peer: Peer }
  | { kind: 'cert-expired'; peer: Peer; now: number; notAfter: number }
  | { kind: 'upstream-error'; peer: Peer; status: number }
  | { kind: 'bad-config'; env: string; value: string; detail: string }
  | { kind: 'tls-rejected'; clientIP: string }
  | { kind: 'overloaded'; inflight: number }
  | { kind: 'pool-exhausted'; peer: Peer; open: number }
  | { kind: 'memory-pressure'; heapBytes: number }
  | { kind: 'server-too-many-clients' }
  | { kind: 'api-unreachable' };

export interface Crash {
  exitCode: number;
  /** How long the process lives before exiting. */
  runSeconds: number;
  lines: string[];
}

/** Why a database refuses to start: its data volume is full. */
export type StartFailure = CrashKind | 'disk-full';

/**
 * How one kind of application behaves: its footprint, its capacity and what it writes. Chosen from
 * the image (or the `sandbox.sre-nanobot.dev/profile` annotation); wording follows the real software.
 */
export interface AppProfile {
  name: string;
  protocol: Protocol;
  matches(image: string): boolean;
  /** Seconds from start until the process answers its readiness probe. */
  warmupSeconds: number;
  idleCpuCores: number;
  baseMemoryBytes: number;
  /** CPU seconds spent per request served. */
  cpuPerRequest: number;
  /** Requests per second one replica serves before it queues. */
  capacityRps: number;
  /** Response time of an idle replica, seconds. */
  latencySeconds: number;
  /** Seconds between routine log lines; 0 for none. */
  logPeriodSeconds: number;
  startLines(app: AppContext, at: number): string[];
  crash(app: AppContext, at: number, why: StartFailure): Crash;
  routineLines(app: AppContext, at: number, seq: number): string[];
  /** undefined when this application does not write about that problem. */
  problemLine(app: AppContext, at: number, seq: number, problem: Problem): string | undefined;
}
