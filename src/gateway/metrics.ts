/**
 * The gateway's own metrics in the Prometheus text format (0.0.4), written by hand: a handful of
 * counters, gauges and histograms do not need a client library.
 */

type LabelValues = Record<string, string>;

const escapeValue = (v: string) => v.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');
const labelText = (l: LabelValues) => {
  const entries = Object.entries(l);
  return entries.length ? `{${entries.map(([k, v]) => `${k}="${escapeValue(v)}"`).join(',')}}` : '';
};
const num = (v: number) => (Number.isFinite(v) ? String(v) : v > 0 ? '+Inf' : v < 0 ? '-Inf' : 'NaN');

interface Metric {
  name: string;
  help: string;
  render(): string[];
}

export class Counter implements Metric {
  private readonly values = new Map<string, { labels: LabelValues; value: number }>();
  constructor(
    readonly name: string,
    readonly help: string,
  ) {}

  inc(by = 1, labels: LabelValues = {}): void {
    const key = labelText(labels);
    const v = this.values.get(key) ?? { labels, value: 0 };
    v.value += by;
    this.values.set(key, v);
  }

  get(labels: LabelValues = {}): number {
    return this.values.get(labelText(labels))?.value ?? 0;
  }

  render(): string[] {
    if (!this.values.size) return [`${this.name} 0`];
    return [...this.values.values()].map((v) => `${this.name}${labelText(v.labels)} ${num(v.value)}`);
  }
}

/** A gauge read at scrape time. */
export class Gauge implements Metric {
  constructor(
    readonly name: string,
    readonly help: string,
    private readonly read: () => { labels: LabelValues; value: number }[],
  ) {}

  render(): string[] {
    return this.read().map((v) => `${this.name}${labelText(v.labels)} ${num(v.value)}`);
  }
}

export class Histogram implements Metric {
  private readonly counts: number[];
  private sum = 0;
  private count = 0;

  constructor(
    readonly name: string,
    readonly help: string,
    private readonly buckets: readonly number[],
  ) {
    this.counts = buckets.map(() => 0);
  }

  observe(value: number): void {
    this.sum += value;
    this.count++;
    const i = this.buckets.findIndex((b) => value <= b);
    if (i >= 0) this.counts[i]++;
  }

  render(): string[] {
    let cumulative = 0;
    const lines = this.buckets.map((b, i) => {
      cumulative += this.counts[i];
      return `${this.name}_bucket{le="${b}"} ${cumulative}`;
    });
    return [
      ...lines,
      `${this.name}_bucket{le="+Inf"} ${this.count}`,
      `${this.name}_sum ${num(this.sum)}`,
      `${this.name}_count ${this.count}`,
    ];
  }
}

const TYPE = (m: Metric) =>
  m instanceof Counter ? 'counter' : m instanceof Histogram ? 'histogram' : 'gauge';

/** Seconds: from half a millisecond (an intake transaction) to a minute (a backlog after a restart). */
const LATENCY_BUCKETS = [
  0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60,
];

/** Values read from the store at scrape time. */
export interface StoreSnapshot {
  incidentsByStatus: Record<string, number>;
  pendingEvents: number;
}

export function gatewayMetrics(snapshot: () => Promise<StoreSnapshot>) {
  const m = {
    webhookRequests: new Counter(
      'sre_nanobot_webhook_requests_total',
      'Alertmanager webhook requests by response code.',
    ),
    alertsReceived: new Counter(
      'sre_nanobot_alerts_received_total',
      'Alerts in accepted webhook deliveries.',
    ),
    alertsDeduplicated: new Counter(
      'sre_nanobot_alerts_deduplicated_total',
      'Alerts already stored under the same fingerprint, startsAt and status (retries, repeat notifications).',
    ),
    alertsProcessed: new Counter('sre_nanobot_alerts_processed_total', 'Alert events the Monitor processed.'),
    incidentsOpened: new Counter('sre_nanobot_incidents_opened_total', 'Incidents opened.'),
    webhookDuration: new Histogram(
      'sre_nanobot_webhook_duration_seconds',
      'Time from request to 202, including the durable write.',
      LATENCY_BUCKETS,
    ),
    processingLatency: new Histogram(
      'sre_nanobot_alert_processing_latency_seconds',
      'Time from receipt of an alert to its processing into an incident.',
      LATENCY_BUCKETS,
    ),
  };
  let last: StoreSnapshot = { incidentsByStatus: {}, pendingEvents: 0 };
  const gauges = [
    new Gauge('sre_nanobot_incidents', 'Incidents by status.', () =>
      Object.entries(last.incidentsByStatus).map(([status, value]) => ({ labels: { status }, value })),
    ),
    new Gauge('sre_nanobot_alert_events_pending', 'Stored alert events not yet processed.', () => [
      { labels: {}, value: last.pendingEvents },
    ]),
    new Gauge('process_resident_memory_bytes', 'Resident memory size in bytes.', () => [
      { labels: {}, value: process.memoryUsage.rss() },
    ]),
  ];
  const all: Metric[] = [...Object.values(m), ...gauges];
  return {
    ...m,
    async render(): Promise<string> {
      last = await snapshot();
      const lines = all.flatMap((x) => [
        `# HELP ${x.name} ${x.help}`,
        `# TYPE ${x.name} ${TYPE(x)}`,
        ...x.render(),
      ]);
      return `${lines.join('\n')}\n`;
    },
  };
}

export type GatewayMetrics = ReturnType<typeof gatewayMetrics>;
