/**
 * What injected faults have changed about the world, keyed by the thing a real remediation replaces:
 * pod uids (instances a restart throws away), image references (a rollback moves off them), workloads
 * (a new limit or more replicas absorbs them), nodes and volumes. The runtime reads these tables on
 * every answer; fault types write them on injection and take them back on removal.
 */

/** Why a process dies at start; the application profile words the log for it. */
export type CrashKind = 'corrupt-state' | 'bad-release';

export interface MemoryLeak {
  bytesPerSecond: number;
  since: number;
}

export interface BadConfig {
  /** The environment variable (and value) whose presence makes requests fail. */
  env: string;
  value: string;
  errorRatio: number;
  detail: string;
}

export interface ConnectionLeak {
  /** The leaking pod, so a leak of a deleted instance stops counting. */
  namespace: string;
  pod: string;
  /** `namespace/service` of the database the pod leaks connections to. */
  database: string;
  perMinute: number;
  since: number;
}

export class Effects {
  /** Normalized image references the registry does not have. */
  readonly missingImages = new Set<string>();
  /** Normalized image references whose process exits at start. */
  readonly crashingImages = new Map<string, CrashKind>();
  /** Pod uids whose containers exit at start (state local to the pod instance). */
  readonly crashingPods = new Map<string, CrashKind>();
  /** Workload key → bytes the process needs once warmed up. */
  readonly memoryDemand = new Map<string, number>();
  /** Pod uid → a leak that grows while that instance lives. */
  readonly memoryLeaks = new Map<string, MemoryLeak>();
  /** Workload key → extra CPU demand (cores) shared by its ready replicas. */
  readonly cpuDemand = new Map<string, number>();
  /** `namespace/service` → factor on the offered request rate. */
  readonly loadMultiplier = new Map<string, number>();
  /** Workload key → a configuration whose pods fail a share of requests. */
  readonly badConfig = new Map<string, BadConfig>();
  readonly kubeletDown = new Set<string>();
  readonly diskPressure = new Set<string>();
  /** `namespace/pvc` → bytes used on the volume. */
  readonly volumeUsage = new Map<string, number>();
  /** Pod uid → connections that instance opens and never returns. */
  readonly connectionLeaks = new Map<string, ConnectionLeak>();
  /** Pod uids whose server stopped answering (readiness fails, liveness still passes). */
  readonly unresponsivePods = new Set<string>();
}

export const workloadKey = (namespace: string, kind: string, name: string) =>
  `${namespace}/${kind.toLowerCase()}/${name}`;
