import type { Focus } from './correlate/index.ts';

interface Alert {
  status?: string;
  labels?: Record<string, string>;
}

/** Alert labels that name an object, and the kind they name (kube-state-metrics and common rule conventions). */
const LABEL_KINDS: [string, string, boolean][] = [
  ['pod', 'Pod', true],
  ['deployment', 'Deployment', true],
  ['statefulset', 'StatefulSet', true],
  ['daemonset', 'DaemonSet', true],
  ['job_name', 'Job', true],
  ['cronjob', 'CronJob', true],
  ['persistentvolumeclaim', 'PersistentVolumeClaim', true],
  ['service', 'Service', true],
  ['horizontalpodautoscaler', 'HorizontalPodAutoscaler', true],
  ['ingress', 'Ingress', true],
  ['secret', 'Secret', true],
  ['resourcequota', 'ResourceQuota', true],
  ['node', 'Node', false],
];

/** What an alert's name suggests, first match wins; the findings that match rank first among equals. */
const NAME_HINTS: [RegExp, string[]][] = [
  [
    /crashloop|restart/i,
    ['crash_loop', 'oom_killed', 'liveness_probe_failure', 'missing_config', 'bad_release'],
  ],
  [/oom|memory/i, ['oom_killed']],
  [/image|containerwaiting/i, ['image_pull_error', 'missing_config']],
  [/node.*(notready|unreachable|down)|kubeletdown/i, ['node_not_ready']],
  [/pressure/i, ['node_pressure', 'evicted_pods']],
  [/disk|filesystem|volume|pvc|persistentvolume/i, ['volume_full', 'pvc_pending', 'node_pressure']],
  [/cert|tls|ssl/i, ['cert_expired']],
  [/dns/i, ['dns_failure']],
  [/connection|postgres|mysql|database|\bdb/i, ['db_connection_exhaustion', 'dependency_unreachable']],
  [/quota/i, ['quota_exceeded']],
  [/hpa|autoscal/i, ['hpa_misconfigured']],
  [/job/i, ['job_failed']],
  [/throttl|cpu/i, ['cpu_throttling']],
  [/latency|slow|duration/i, ['high_latency', 'cpu_throttling']],
  [/error|5xx|fail/i, ['high_error_rate']],
  [/rollout|replica|mismatch|unavailable|generation/i, ['rollout_stuck', 'bad_release']],
  [/notready|pod.*ready/i, ['readiness_probe_failure', 'crash_loop']],
  [/endpoint/i, ['service_no_endpoints']],
  [/evict/i, ['evicted_pods', 'node_pressure']],
];

export interface AlertFocus extends Focus {
  /** Namespaces the alerts name; empty for cluster-level alerts (a node). */
  namespaces: string[];
  /** Nodes the alerts name. */
  nodes: string[];
  alertnames: string[];
}

/**
 * Reads an Alertmanager webhook body (version 4), or a bare alert or list of alerts, and returns what
 * it points at. Firing alerts count; resolved ones only when nothing fires. Throws on anything else.
 */
export function parseAlert(body: unknown): AlertFocus {
  const alerts = alertsOf(body);
  if (!alerts) throw new Error('not an Alertmanager webhook body: expected {"alerts":[{"labels":{…}}…]}');
  const firing = alerts.filter((a) => a.status !== 'resolved');
  const chosen = firing.length ? firing : alerts;
  const keys = new Set<string>();
  const namespaces = new Set<string>();
  const alertnames = new Set<string>();
  const common = (body as { commonLabels?: Record<string, string> }).commonLabels ?? {};
  for (const alert of chosen) {
    const labels = { ...common, ...(alert.labels ?? {}) };
    const ns = labels.namespace ?? labels.exported_namespace;
    if (ns) namespaces.add(ns);
    if (labels.alertname) alertnames.add(labels.alertname);
    for (const [label, kind, namespaced] of LABEL_KINDS) {
      const value = labels[label];
      if (value) keys.add(`${kind}/${namespaced ? (ns ?? '') : ''}/${value}`);
    }
  }
  const patterns = [...alertnames].flatMap((name) => NAME_HINTS.find(([re]) => re.test(name))?.[1] ?? []);
  const nodes = [...keys].filter((k) => k.startsWith('Node//')).map((k) => k.slice('Node//'.length));
  return { keys, patterns, namespaces: [...namespaces], nodes, alertnames: [...alertnames] };
}

function alertsOf(body: unknown): Alert[] | undefined {
  const isAlert = (a: unknown): a is Alert =>
    typeof a === 'object' && a !== null && typeof (a as Alert).labels === 'object';
  if (Array.isArray(body)) return body.every(isAlert) ? body : undefined;
  if (typeof body !== 'object' || body === null) return undefined;
  const alerts = (body as { alerts?: unknown }).alerts;
  if (Array.isArray(alerts)) return alerts.every(isAlert) && alerts.length ? alerts : undefined;
  return isAlert(body) ? [body] : undefined;
}
