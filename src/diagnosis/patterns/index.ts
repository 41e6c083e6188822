import type { Pattern } from '../types.ts';
import { badRelease } from './bad-release.ts';
import { certExpired } from './cert-expired.ts';
import { cpuThrottling } from './cpu-throttling.ts';
import { crashLoop } from './crash-loop.ts';
import { dbConnectionExhaustion } from './db-connection-exhaustion.ts';
import { dependencyUnreachable } from './dependency-unreachable.ts';
import { dnsFailure } from './dns-failure.ts';
import { evictedPods } from './evicted-pods.ts';
import { highErrorRate } from './high-error-rate.ts';
import { highLatency } from './high-latency.ts';
import { hpaMisconfigured } from './hpa-misconfigured.ts';
import { imagePullError } from './image-pull-error.ts';
import { ingressMisconfigured } from './ingress-misconfigured.ts';
import { jobFailed } from './job-failed.ts';
import { livenessProbeFailure } from './liveness-probe-failure.ts';
import { missingConfig } from './missing-config.ts';
import { networkPolicyBlocking } from './network-policy-blocking.ts';
import { nodeNotReady } from './node-not-ready.ts';
import { nodePressure } from './node-pressure.ts';
import { oomKilled } from './oom-killed.ts';
import { pvcPending } from './pvc-pending.ts';
import { quotaExceeded } from './quota-exceeded.ts';
import { rbacForbidden } from './rbac-forbidden.ts';
import { readinessProbeFailure } from './readiness-probe-failure.ts';
import { rolloutStuck } from './rollout-stuck.ts';
import { serviceNoEndpoints } from './service-no-endpoints.ts';
import { unschedulableConstraints } from './unschedulable-constraints.ts';
import { unschedulableResources } from './unschedulable-resources.ts';
import { volumeFull } from './volume-full.ts';

function registry(patterns: Pattern[]): readonly Pattern[] {
  const seen = new Set<string>();
  for (const p of patterns) {
    if (seen.has(p.id)) throw new Error(`duplicate pattern ${p.id}`);
    seen.add(p.id);
  }
  return patterns;
}

/** Every failure pattern the diagnosis knows (docs/patterns.md describes each). */
export const PATTERNS = registry([
  crashLoop,
  oomKilled,
  imagePullError,
  missingConfig,
  unschedulableResources,
  unschedulableConstraints,
  pvcPending,
  volumeFull,
  readinessProbeFailure,
  livenessProbeFailure,
  serviceNoEndpoints,
  ingressMisconfigured,
  nodeNotReady,
  nodePressure,
  rolloutStuck,
  badRelease,
  quotaExceeded,
  rbacForbidden,
  dnsFailure,
  dependencyUnreachable,
  dbConnectionExhaustion,
  certExpired,
  hpaMisconfigured,
  jobFailed,
  evictedPods,
  networkPolicyBlocking,
  cpuThrottling,
  highLatency,
  highErrorRate,
]);
