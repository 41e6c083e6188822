import { ArgumentError } from '../errors.ts';

/**
 * The metric and label names canned queries are built from. The defaults are what kube-state-metrics,
 * cAdvisor, node-exporter and the usual RED instrumentation expose (and what the sandbox serves);
 * a setup with other names overrides only those that differ.
 */
export interface MetricNames {
  /** cAdvisor counter of CPU seconds per container. */
  containerCpu: string;
  /** cAdvisor gauge of working-set memory per container (what the OOM killer looks at). */
  containerMemory: string;
  /** kube-state-metrics gauge of container limits, by `resource` ("cpu", "memory"). */
  containerLimits: string;
  /** Counter of HTTP requests, with a status-code label. */
  httpRequests: string;
  /** Histogram of request durations in seconds (the `_bucket` series). */
  httpDurationBucket: string;
  /** node-exporter metrics. */
  nodeCpu: string;
  nodeMemoryTotal: string;
  nodeMemoryAvailable: string;
  nodeFilesystemSize: string;
  nodeFilesystemAvailable: string;
  labels: {
    namespace: string;
    pod: string;
    container: string;
    service: string;
    statusCode: string;
    /** The node name on cAdvisor and node-exporter series (`instance` on many setups). */
    node: string;
  };
  /** Status codes that count as errors, as a regex over the status-code label. */
  errorCodes: string;
}

export const DEFAULT_METRIC_NAMES: MetricNames = {
  containerCpu: 'container_cpu_usage_seconds_total',
  containerMemory: 'container_memory_working_set_bytes',
  containerLimits: 'kube_pod_container_resource_limits',
  httpRequests: 'http_requests_total',
  httpDurationBucket: 'http_request_duration_seconds_bucket',
  nodeCpu: 'node_cpu_seconds_total',
  nodeMemoryTotal: 'node_memory_MemTotal_bytes',
  nodeMemoryAvailable: 'node_memory_MemAvailable_bytes',
  nodeFilesystemSize: 'node_filesystem_size_bytes',
  nodeFilesystemAvailable: 'node_filesystem_avail_bytes',
  labels: {
    namespace: 'namespace',
    pod: 'pod',
    container: 'container',
    service: 'service',
    statusCode: 'code',
    node: 'node',
  },
  errorCodes: '5..',
};

/** Defaults with some names replaced. */
export const metricNames = (
  overrides: Partial<Omit<MetricNames, 'labels'>> & { labels?: Partial<MetricNames['labels']> } = {},
): MetricNames => ({
  ...DEFAULT_METRIC_NAMES,
  ...overrides,
  labels: { ...DEFAULT_METRIC_NAMES.labels, ...overrides.labels },
});

export type MatchOp = '=' | '!=' | '=~' | '!~';
export type Matcher = [label: string, op: MatchOp, value: string];

/** A PromQL string literal: backslashes and quotes escaped (regex backslashes too, as PromQL wants). */
export const quote = (value: string): string =>
  `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;

/** `metric{a="x",b=~"y"}`; matchers with an undefined value are left out. */
export function selector(metric: string, matchers: (Matcher | undefined)[]): string {
  const parts = matchers
    .filter((m): m is Matcher => m !== undefined)
    .map(([l, op, v]) => `${l}${op}${quote(v)}`);
  return parts.length ? `${metric}{${parts.join(',')}}` : metric;
}

const REGEX_CHARS = /[.*+?()[\]{}|^$\\]/;
const escapeRegex = (text: string) => text.replace(/[.*+?()[\]{}|^$\\]/g, '\\$&');

/** `namespace="x"` when given. */
export const equals = (label: string, value: string | undefined): Matcher | undefined =>
  value === undefined ? undefined : [label, '=', value];

/** A name, or a regex when it looks like one ("api-.*"). */
export const nameOrRegex = (label: string, value: string | undefined): Matcher | undefined =>
  value === undefined ? undefined : [label, REGEX_CHARS.test(value) ? '=~' : '=', value];

/**
 * The pods a Deployment, StatefulSet, DaemonSet or Job owns, by name: `<name>-<hash>-<suffix>`,
 * `<name>-<suffix>` or `<name>-<ordinal>`. A label join through kube_pod_owner would need the
 * ReplicaSet hop; names are what people grep by anyway.
 */
export const workloadPods = (label: string, workload: string | undefined): Matcher | undefined =>
  workload === undefined
    ? undefined
    : [label, '=~', `${escapeRegex(workload)}-(([a-z0-9]{6,10}-)?[a-z0-9]{5}|[0-9]+)`];

/** Prometheus durations: `30s`, `5m`, `1h30m`, `2d`. */
export const DURATION = /^(\d+(ms|s|m|h|d|w|y))+$/;

const UNIT_MS: Record<string, number> = {
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
  y: 31_536_000_000,
};

export function durationMs(text: string): number {
  if (!DURATION.test(text))
    throw new ArgumentError(`'${text}' is not a duration; use e.g. 30s, 5m, 1h30m or 2d`);
  let ms = 0;
  for (const [, n, unit] of text.matchAll(/(\d+)(ms|s|m|h|d|w|y)/g)) ms += Number(n) * UNIT_MS[unit];
  return ms;
}
