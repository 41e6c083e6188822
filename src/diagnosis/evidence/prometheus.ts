import type { Gap, Sample } from './evidence.ts';

/**
 * The series the patterns read, as PromQL over the usual exporters (kube-state-metrics, cAdvisor,
 * kubelet, postgres_exporter, cert-manager, RED metrics of the services). `{ns}` becomes a namespace
 * matcher for scoped runs.
 */
export const SIGNALS: readonly { signal: string; query: string }[] = [
  { signal: 'request_rate', query: 'sum by (namespace, service) (rate(http_requests_total{ns}[5m]))' },
  {
    signal: 'error_ratio',
    query:
      'sum by (namespace, service) (rate(http_requests_total{code=~"5..",ns}[5m])) / sum by (namespace, service) (rate(http_requests_total{ns}[5m]))',
  },
  {
    signal: 'p99_latency_seconds',
    query:
      'histogram_quantile(0.99, sum by (namespace, service, le) (rate(http_request_duration_seconds_bucket{ns}[5m])))',
  },
  {
    signal: 'cpu_throttled_ratio',
    query:
      'sum by (namespace, pod, container) (rate(container_cpu_cfs_throttled_periods_total{container!="",ns}[5m])) / sum by (namespace, pod, container) (rate(container_cpu_cfs_periods_total{container!="",ns}[5m]))',
  },
  {
    signal: 'memory_working_set_bytes',
    query: 'max by (namespace, pod, container) (container_memory_working_set_bytes{container!="",ns})',
  },
  {
    signal: 'volume_used_ratio',
    query:
      'max by (namespace, persistentvolumeclaim) (kubelet_volume_stats_used_bytes{ns} / kubelet_volume_stats_capacity_bytes{ns})',
  },
  {
    signal: 'db_connections_ratio',
    query:
      'sum by (namespace, service) (pg_stat_activity_count{ns}) / max by (namespace, service) (pg_settings_max_connections{ns})',
  },
  {
    signal: 'cert_expiry_seconds',
    query: 'min by (namespace, name) (certmanager_certificate_expiration_timestamp_seconds{ns}) - time()',
  },
];

const QUERY_MS = 3000;

const scoped = (query: string, namespaces: readonly string[] | 'all') => {
  const matcher =
    namespaces === 'all'
      ? ''
      : `namespace=~"${namespaces.map((n) => n.replace(/[.*+?^${}()|[\]\\"]/g, '\\$&')).join('|')}"`;
  return query
    .replace(/\{ns\}/g, matcher ? `{${matcher}}` : '')
    .replace(/,ns\}/g, matcher ? `,${matcher}}` : '}');
};

interface VectorResponse {
  status?: string;
  data?: { resultType?: string; result?: { metric: Record<string, string>; value: [number, string] }[] };
  error?: string;
}

/**
 * Instant queries for every signal, in parallel, each bounded in time. A Prometheus that cannot be
 * reached or answers badly becomes a gap; the diagnosis goes on without metrics.
 */
export async function queryPrometheus(
  url: string,
  namespaces: readonly string[] | 'all',
): Promise<{ samples: Sample[]; gaps: Gap[] }> {
  const base = url.replace(/\/$/, '');
  const samples: Sample[] = [];
  const failures: string[] = [];
  await Promise.all(
    SIGNALS.map(async ({ signal, query }) => {
      try {
        const res = await fetch(
          `${base}/api/v1/query?query=${encodeURIComponent(scoped(query, namespaces))}`,
          { signal: AbortSignal.timeout(QUERY_MS) },
        );
        const body = (await res.json()) as VectorResponse;
        if (body.status !== 'success') throw new Error(body.error ?? `HTTP ${res.status}`);
        for (const r of body.data?.result ?? []) {
          const value = Number(r.value[1]);
          if (Number.isFinite(value)) samples.push({ signal, labels: r.metric, value });
        }
      } catch (err) {
        failures.push(reason(err));
      }
    }),
  );
  const distinct = [...new Set(failures)].join(', ');
  const gaps: Gap[] = !failures.length
    ? []
    : failures.length === SIGNALS.length
      ? [{ source: 'prometheus', reason: `cannot query ${base} (${distinct})` }]
      : [
          {
            source: 'prometheus',
            reason: `${failures.length} of ${SIGNALS.length} queries failed at ${base} (${distinct})`,
          },
        ];
  return { samples, gaps };
}

/** `ECONNREFUSED`, `timed out`, or Prometheus's own error text: what went wrong, in a word where possible. */
function reason(err: unknown): string {
  const e = err as Error & { cause?: { code?: string; message?: string; errors?: { code?: string }[] } };
  if (e.name === 'TimeoutError') return 'timed out';
  return e.cause?.code ?? e.cause?.errors?.[0]?.code ?? e.cause?.message ?? e.message;
}
