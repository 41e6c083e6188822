import { PrometheusError } from './errors.ts';
import { type HttpClientOptions, HttpJsonClient, type Query } from './http.ts';

export type Labels = Record<string, string>;
/** `[unix seconds, "value"]` as Prometheus sends samples. */
export type SamplePair = [number, string];

export type QueryResult =
  | { resultType: 'vector'; result: { metric: Labels; value: SamplePair }[] }
  | { resultType: 'matrix'; result: { metric: Labels; values: SamplePair[] }[] }
  | { resultType: 'scalar'; result: SamplePair }
  | { resultType: 'string'; result: SamplePair };

export interface Answer<T> {
  data: T;
  /** Prometheus's warnings (e.g. "PromQL info: metric might not be a counter"), passed on to the reader. */
  warnings: string[];
}

export interface Target {
  discoveredLabels: Labels;
  labels: Labels;
  scrapePool: string;
  scrapeUrl: string;
  globalUrl: string;
  lastError: string;
  lastScrape: string;
  lastScrapeDuration: number;
  health: 'up' | 'down' | 'unknown';
}

export interface PromAlert {
  labels: Labels;
  annotations: Labels;
  state: 'firing' | 'pending' | 'inactive';
  activeAt?: string;
  value: string;
}

export interface Rule {
  type: 'alerting' | 'recording';
  name: string;
  query: string;
  health: string;
  lastError?: string;
  labels?: Labels;
  annotations?: Labels;
  duration?: number;
  state?: 'firing' | 'pending' | 'inactive';
  alerts?: PromAlert[];
  lastEvaluation?: string;
  evaluationTime?: number;
}

export interface RuleGroup {
  name: string;
  file: string;
  interval: number;
  rules: Rule[];
}

export interface MetricMetadata {
  type: string;
  help: string;
  unit: string;
}

/** A time as Prometheus takes it: unix seconds or RFC 3339. */
export type Time = number | string;

interface Envelope<T> {
  status: 'success' | 'error';
  data: T;
  warnings?: string[];
  errorType?: string;
  error?: string;
}

/**
 * The Prometheus HTTP API (`/api/v1/…`). Every method answers Prometheus's data and warnings, or
 * throws a PrometheusError that names the URL and Prometheus's own error text.
 */
export class PrometheusClient {
  readonly http: HttpJsonClient;

  constructor(options: HttpClientOptions) {
    this.http = new HttpJsonClient('Prometheus', options);
  }

  get url(): string {
    return this.http.baseUrl;
  }

  /** `postable`: the endpoint also takes a form POST, used when the parameters are too long for a URL. */
  private async call<T>(path: string, params: Query = {}, postable = false): Promise<Answer<T>> {
    const envelope = postable
      ? await this.http.getOrPost<Envelope<T>>(path, params)
      : await this.http.get<Envelope<T>>(path, params);
    if (envelope?.status !== 'success') {
      const url = `${this.url}${path}`;
      throw new PrometheusError(
        `Prometheus at ${url} answered ${envelope?.errorType ?? 'an error'}: ${envelope?.error ?? JSON.stringify(envelope).slice(0, 300)}`,
        url,
        undefined,
        envelope?.errorType,
      );
    }
    return { data: envelope.data, warnings: envelope.warnings ?? [] };
  }

  query(query: string, options: { time?: Time; timeout?: string } = {}): Promise<Answer<QueryResult>> {
    return this.call('/api/v1/query', { query, ...options }, true);
  }

  queryRange(
    query: string,
    range: { start: Time; end: Time; step: number | string; timeout?: string },
  ): Promise<Answer<QueryResult>> {
    return this.call('/api/v1/query_range', { query, ...range }, true);
  }

  series(
    match: string[],
    range: { start?: Time; end?: Time; limit?: number } = {},
  ): Promise<Answer<Labels[]>> {
    return this.call('/api/v1/series', { 'match[]': match, ...range }, true);
  }

  labels(options: { match?: string[]; start?: Time; end?: Time } = {}): Promise<Answer<string[]>> {
    const { match, ...range } = options;
    return this.call('/api/v1/labels', { 'match[]': match, ...range }, true);
  }

  labelValues(
    label: string,
    options: { match?: string[]; start?: Time; end?: Time } = {},
  ): Promise<Answer<string[]>> {
    const { match, ...range } = options;
    return this.call(`/api/v1/label/${encodeURIComponent(label)}/values`, { 'match[]': match, ...range });
  }

  metadata(
    options: { metric?: string; limit?: number } = {},
  ): Promise<Answer<Record<string, MetricMetadata[]>>> {
    return this.call('/api/v1/metadata', options);
  }

  targets(
    state: 'active' | 'dropped' | 'any' = 'active',
  ): Promise<Answer<{ activeTargets: Target[]; droppedTargets: { discoveredLabels: Labels }[] }>> {
    return this.call('/api/v1/targets', { state });
  }

  rules(type?: 'alert' | 'record'): Promise<Answer<{ groups: RuleGroup[] }>> {
    return this.call('/api/v1/rules', { type });
  }

  alerts(): Promise<Answer<{ alerts: PromAlert[] }>> {
    return this.call('/api/v1/alerts');
  }

  buildInfo(): Promise<Answer<Record<string, string>>> {
    return this.call('/api/v1/status/buildinfo');
  }

  runtimeInfo(): Promise<Answer<Record<string, string | number | boolean>>> {
    return this.call('/api/v1/status/runtimeinfo');
  }

  tsdbStatus(): Promise<
    Answer<{
      headStats?: { numSeries: number; chunkCount: number; minTime: number; maxTime: number };
      seriesCountByMetricName?: { name: string; value: number }[];
    }>
  > {
    return this.call('/api/v1/status/tsdb');
  }

  close(): void {
    this.http.close();
  }
}
