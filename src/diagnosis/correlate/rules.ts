/**
 * How findings explain each other. A cause explains a symptom when the cause is about something the
 * symptom needs (its node, claim, Secret, the Service it calls), or when both are about the same
 * object and the table below says the first kind of trouble produces the second.
 */

/** How fundamental a pattern is: infrastructure 0, configuration 1, pods 2, workloads and services 3, traffic 4. */
export const RANK: Record<string, number> = {
  node_not_ready: 0,
  node_pressure: 0,
  volume_full: 1,
  pvc_pending: 1,
  missing_config: 1,
  image_pull_error: 1,
  bad_release: 1,
  quota_exceeded: 1,
  rbac_forbidden: 1,
  cert_expired: 1,
  network_policy_blocking: 1,
  db_connection_exhaustion: 1,
  dns_failure: 1,
  unschedulable_resources: 1,
  unschedulable_constraints: 1,
  hpa_misconfigured: 1,
  oom_killed: 2,
  liveness_probe_failure: 2,
  crash_loop: 2,
  readiness_probe_failure: 2,
  evicted_pods: 2,
  job_failed: 2,
  cpu_throttling: 2,
  rollout_stuck: 3,
  service_no_endpoints: 3,
  ingress_misconfigured: 3,
  dependency_unreachable: 4,
  high_latency: 4,
  high_error_rate: 4,
};

export const rankOf = (pattern: string) => RANK[pattern] ?? 2;

const POD_SYMPTOMS = [
  'crash_loop',
  'readiness_probe_failure',
  'liveness_probe_failure',
  'rollout_stuck',
  'service_no_endpoints',
];
const TRAFFIC = ['dependency_unreachable', 'high_error_rate', 'high_latency'];

/** Same object, cause → the troubles it produces there. The table has no cycle (its test checks). */
export const EXPLAINS: Record<string, string[]> = {
  node_not_ready: [
    ...POD_SYMPTOMS,
    ...TRAFFIC,
    'oom_killed',
    'evicted_pods',
    'dns_failure',
    'db_connection_exhaustion',
    'volume_full',
    'cpu_throttling',
    'job_failed',
  ],
  node_pressure: [...POD_SYMPTOMS, ...TRAFFIC, 'oom_killed', 'evicted_pods', 'volume_full', 'job_failed'],
  network_policy_blocking: [...POD_SYMPTOMS, ...TRAFFIC, 'dns_failure'],
  dns_failure: [...POD_SYMPTOMS, ...TRAFFIC],
  volume_full: [...POD_SYMPTOMS, ...TRAFFIC, 'db_connection_exhaustion'],
  missing_config: [...POD_SYMPTOMS, 'bad_release'],
  image_pull_error: ['rollout_stuck', 'service_no_endpoints'],
  bad_release: [...POD_SYMPTOMS, ...TRAFFIC],
  pvc_pending: [...POD_SYMPTOMS, 'unschedulable_resources', 'unschedulable_constraints'],
  quota_exceeded: ['rollout_stuck', 'service_no_endpoints'],
  rbac_forbidden: [...POD_SYMPTOMS, ...TRAFFIC],
  cert_expired: [...POD_SYMPTOMS, ...TRAFFIC],
  db_connection_exhaustion: [...POD_SYMPTOMS, ...TRAFFIC],
  unschedulable_resources: ['rollout_stuck', 'service_no_endpoints'],
  unschedulable_constraints: ['rollout_stuck', 'service_no_endpoints'],
  hpa_misconfigured: ['high_latency', 'high_error_rate', 'cpu_throttling'],
  oom_killed: [...POD_SYMPTOMS, ...TRAFFIC],
  liveness_probe_failure: [
    'crash_loop',
    'readiness_probe_failure',
    'rollout_stuck',
    'service_no_endpoints',
    ...TRAFFIC,
  ],
  crash_loop: [
    'readiness_probe_failure',
    'rollout_stuck',
    'service_no_endpoints',
    'high_error_rate',
    'high_latency',
  ],
  readiness_probe_failure: ['rollout_stuck', 'service_no_endpoints', 'high_error_rate', 'high_latency'],
  cpu_throttling: ['high_latency', 'high_error_rate', 'readiness_probe_failure', 'liveness_probe_failure'],
  rollout_stuck: ['service_no_endpoints'],
  high_latency: ['high_error_rate'],
  dependency_unreachable: ['high_error_rate', 'high_latency'],
};

export const explainsSameObject = (cause: string, effect: string) =>
  EXPLAINS[cause]?.includes(effect) ?? false;
