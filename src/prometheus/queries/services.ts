import type { CannedQuery } from './canned.ts';
import { equals, type MetricNames, nameOrRegex, selector } from './names.ts';

export interface ServiceScope {
  /** A service name or a regex over names; omit for every service. */
  service?: string;
  namespace?: string;
  /** Rate window, e.g. "5m". */
  window?: string;
}

const scoped = (n: MetricNames, s: ServiceScope) => [
  equals(n.labels.namespace, s.namespace),
  nameOrRegex(n.labels.service, s.service),
];

const by = (n: MetricNames) => [n.labels.namespace, n.labels.service];

const percentile = (q: number) => `p${Number((q * 100).toFixed(3))}`;

/** The `quantile` latency from the duration histogram: histogram_quantile over summed bucket rates. */
export function serviceLatency(n: MetricNames, s: ServiceScope & { quantile: number }): CannedQuery {
  const window = s.window ?? '5m';
  const buckets = selector(n.httpDurationBucket, scoped(n, s));
  return {
    what: `${percentile(s.quantile)} latency over ${window}`,
    column: percentile(s.quantile),
    promql: `histogram_quantile(${s.quantile}, sum by (${[...by(n), 'le'].join(', ')}) (rate(${buckets}[${window}])))`,
    unit: 'seconds',
    by: by(n),
  };
}

/** Requests per second over `window`. */
export function serviceRequestRate(n: MetricNames, s: ServiceScope): CannedQuery {
  const window = s.window ?? '5m';
  return {
    what: `requests per second over ${window}`,
    column: 'req/s',
    promql: `sum by (${by(n).join(', ')}) (rate(${selector(n.httpRequests, scoped(n, s))}[${window}]))`,
    unit: 'requests/s',
    by: by(n),
  };
}

/**
 * Share of requests answered with an error code. `or … * 0` keeps services that had no errors at
 * all (no error series) in the answer, as 0 rather than missing.
 */
export function serviceErrorRate(n: MetricNames, s: ServiceScope): CannedQuery {
  const window = s.window ?? '5m';
  const group = `sum by (${by(n).join(', ')})`;
  const all = `${group} (rate(${selector(n.httpRequests, scoped(n, s))}[${window}]))`;
  const errors = `${group} (rate(${selector(n.httpRequests, [[n.labels.statusCode, '=~', n.errorCodes], ...scoped(n, s)])}[${window}]))`;
  return {
    column: 'errors',
    what: `error ratio (${n.labels.statusCode}=~"${n.errorCodes}" / all) over ${window}`,
    promql: `(${errors} or ${all} * 0) / ${all}`,
    unit: 'ratio',
    by: by(n),
  };
}
