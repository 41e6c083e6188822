/**
 * Which shipped alert each sandbox fault type raises (docs/alerts.md has the same table for people).
 * `expected` alerts fire for the fault and resolve after its right fix, naming the object by the
 * given label; `related` ones may fire too, on the object or on what depends on it.
 */

/** The alert label that names the object an alert is about. */
export type ObjectLabel =
  | 'pod'
  | 'deployment'
  | 'statefulset'
  | 'service'
  | 'node'
  | 'persistentvolumeclaim'
  | 'secret';

export interface FaultAlerts {
  expected: { alert: string; object: ObjectLabel }[];
  related: string[];
  /** The diagnosis pattern (docs/patterns.md) that explains the fault. */
  pattern: string;
  /** The runbook id that fixes it. */
  runbook: string;
}

export const FAULT_ALERTS: Readonly<Record<string, FaultAlerts>> = {
  crash_loop: {
    expected: [{ alert: 'KubePodCrashLooping', object: 'pod' }],
    related: ['KubeDeploymentReplicasMismatch', 'BlackboxProbeFailed'],
    pattern: 'crash_loop',
    runbook: 'pod_restart',
  },
  oom: {
    expected: [{ alert: 'KubeContainerOOMKilled', object: 'pod' }],
    related: ['KubeContainerMemoryNearLimit', 'KubePodCrashLooping', 'KubeDeploymentReplicasMismatch'],
    pattern: 'oom_killed',
    runbook: 'oom_increase_memory',
  },
  image_pull: {
    expected: [{ alert: 'KubeContainerWaiting', object: 'pod' }],
    related: ['KubePodNotReady', 'KubeDeploymentRolloutStuck'],
    pattern: 'image_pull_error',
    runbook: 'rollback_deployment',
  },
  bad_release: {
    expected: [{ alert: 'KubeDeploymentRolloutStuck', object: 'deployment' }],
    related: ['KubePodCrashLooping'],
    pattern: 'bad_release',
    runbook: 'rollback_deployment',
  },
  high_latency: {
    expected: [{ alert: 'HighLatencyP99', object: 'service' }],
    related: ['HighErrorRate'],
    pattern: 'high_latency',
    runbook: 'scale_out',
  },
  high_error_rate: {
    expected: [{ alert: 'HighErrorRate', object: 'service' }],
    related: [],
    pattern: 'high_error_rate',
    runbook: 'rollback_deployment',
  },
  memory_leak: {
    expected: [{ alert: 'KubeContainerOOMKilled', object: 'pod' }],
    related: ['KubeContainerMemoryNearLimit', 'KubePodCrashLooping', 'KubeDeploymentReplicasMismatch'],
    pattern: 'oom_killed',
    runbook: 'pod_restart',
  },
  cpu_saturation: {
    expected: [{ alert: 'CPUThrottlingHigh', object: 'pod' }],
    related: ['HighLatencyP99'],
    pattern: 'cpu_throttling',
    runbook: 'raise_cpu_limit',
  },
  node_not_ready: {
    expected: [{ alert: 'KubeNodeNotReady', object: 'node' }],
    related: ['KubeNodeUnreachable', 'KubePodNotReady', 'KubeDeploymentReplicasMismatch'],
    pattern: 'node_not_ready',
    runbook: 'cordon_and_drain_node',
  },
  disk_pressure: {
    expected: [{ alert: 'KubeNodePressure', object: 'node' }],
    related: ['KubePodNotReady'],
    pattern: 'node_pressure',
    runbook: 'cordon_and_drain_node',
  },
  pvc_full: {
    expected: [{ alert: 'KubePersistentVolumeFillingUp', object: 'persistentvolumeclaim' }],
    related: ['PostgresqlDown', 'KubePodCrashLooping', 'KubeStatefulSetReplicasMismatch', 'HighErrorRate'],
    pattern: 'volume_full',
    runbook: 'expand_pvc',
  },
  db_connections_exhausted: {
    expected: [{ alert: 'DatabaseConnectionsExhausted', object: 'service' }],
    related: ['DatabaseConnectionsHigh', 'HighErrorRate'],
    pattern: 'db_connection_exhaustion',
    runbook: 'restart_leaking_client',
  },
  dns_failure: {
    expected: [{ alert: 'CoreDNSDown', object: 'service' }],
    related: ['KubeDeploymentReplicasMismatch', 'KubePodNotReady', 'HighErrorRate'],
    pattern: 'dns_failure',
    runbook: 'restart_coredns',
  },
  cert_expired: {
    expected: [
      { alert: 'CertificateExpired', object: 'secret' },
      { alert: 'CertificateExpiringSoon', object: 'secret' },
    ],
    related: ['CertificateNotReady', 'BlackboxProbeFailed', 'HighErrorRate'],
    pattern: 'cert_expired',
    runbook: 'renew_certificate',
  },
};
