import { uniquelyNamed } from '../../registry.ts';
import type { Cluster } from '../core/cluster.ts';
import { badRelease } from './bad-release.ts';
import { certExpired } from './cert-expired.ts';
import { cpuSaturation } from './cpu-saturation.ts';
import { crashLoop } from './crash-loop.ts';
import { dbConnectionsExhausted } from './db-connections.ts';
import { diskPressure } from './disk-pressure.ts';
import { dnsFailure } from './dns-failure.ts';
import { highErrorRate } from './high-error-rate.ts';
import { highLatency } from './high-latency.ts';
import { imagePull } from './image-pull.ts';
import { FaultManager as Manager } from './manager.ts';
import { memoryLeak } from './memory-leak.ts';
import { nodeNotReady } from './node-not-ready.ts';
import { oom } from './oom.ts';
import { pvcFull } from './pvc-full.ts';
import type { FaultType } from './types.ts';

export type { FaultSpec, FaultView } from './manager.ts';
export { FaultError, type FaultType } from './types.ts';

/** Every fault type the sandbox can inject. */
export const FAULT_TYPES = uniquelyNamed(
  [
    crashLoop,
    oom,
    imagePull,
    badRelease,
    highLatency,
    highErrorRate,
    memoryLeak,
    cpuSaturation,
    nodeNotReady,
    diskPressure,
    pvcFull,
    dbConnectionsExhausted,
    dnsFailure,
    certExpired,
  ],
  'fault type',
);

/** The fault manager over the full registry. */
export class FaultManager extends Manager {
  constructor(cluster: Cluster, types: readonly FaultType[] = FAULT_TYPES) {
    super(cluster, types);
  }
}
