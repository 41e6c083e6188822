import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { test } from 'node:test';
import { PATTERNS } from './index.ts';

/** CONTRACTS §4: the pattern ids that must exist. */
const CONTRACT_IDS = [
  'crash_loop',
  'oom_killed',
  'image_pull_error',
  'missing_config',
  'unschedulable_resources',
  'unschedulable_constraints',
  'pvc_pending',
  'volume_full',
  'readiness_probe_failure',
  'liveness_probe_failure',
  'service_no_endpoints',
  'ingress_misconfigured',
  'node_not_ready',
  'node_pressure',
  'rollout_stuck',
  'bad_release',
  'quota_exceeded',
  'rbac_forbidden',
  'dns_failure',
  'dependency_unreachable',
  'db_connection_exhaustion',
  'cert_expired',
  'hpa_misconfigured',
  'job_failed',
  'evicted_pods',
  'network_policy_blocking',
  'cpu_throttling',
  'high_latency',
  'high_error_rate',
];

test('the registry holds every contract pattern id', () => {
  assert.deepEqual(
    CONTRACT_IDS.filter((id) => !PATTERNS.some((p) => p.id === id)),
    [],
  );
});

test('one pattern per file: every file in the folder is registered', () => {
  const files = readdirSync(new URL('.', import.meta.url)).filter(
    (f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && f !== 'index.ts',
  );
  const ids = new Set(PATTERNS.map((p) => p.id.replace(/_/g, '-')));
  assert.deepEqual(
    files.map((f) => f.slice(0, -3)).filter((f) => !ids.has(f)),
    [],
  );
  assert.equal(files.length, PATTERNS.length);
});
