import type { Config, HttpAuth } from '../../config/types.ts';
import type { AuditSink } from '../../policy/audit.ts';
import { PolicyDenied, PolicyGate } from '../../policy/gate.ts';
import { defaultPolicy, type Policy } from '../../policy/policy.ts';
import { AlertmanagerClient } from '../../prometheus/alertmanager.ts';
import { ArgumentError, PrometheusError } from '../../prometheus/errors.ts';
import type { TlsOptions } from '../../prometheus/http.ts';
import { PrometheusClient } from '../../prometheus/prometheus.ts';
import { type MetricNames, metricNames } from '../../prometheus/queries/names.ts';
import { ToolError } from '../tool.ts';

/** What every Prometheus tool works with. An in-process agent builds one and calls `tool.run(args, ctx)`. */
export interface PrometheusToolContext {
  prometheus: PrometheusClient;
  /** Absent when no Alertmanager is configured; its tools then say how to configure one. */
  alertmanager?: AlertmanagerClient;
  /** Silence create and expire pass it, like every cluster change. */
  gate: PolicyGate;
  /** The metric and label names the canned queries use. */
  metrics: MetricNames;
}

export interface PrometheusToolContextOptions {
  prometheusUrl: string;
  alertmanagerUrl?: string;
  prometheusAuth?: HttpAuth | null;
  alertmanagerAuth?: HttpAuth | null;
  tls?: TlsOptions;
  /** Per request; default 15 s. */
  timeoutMs?: number;
  metrics?: Parameters<typeof metricNames>[0];
  /** Share the agent's gate (and its audit log); otherwise one is made from `policy`. */
  gate?: PolicyGate;
  policy?: Partial<Policy>;
  /** Where the gate made from `policy` records silence changes (the gateway's SQLite audit log). */
  audit?: AuditSink;
}

/** The client options a config file gives, for callers that have a `prometheus.url`. */
export const prometheusOptionsFromConfig = (
  config: Pick<Config, 'prometheus' | 'alertmanager'>,
  prometheusUrl: string,
): PrometheusToolContextOptions => ({
  prometheusUrl,
  prometheusAuth: config.prometheus.auth,
  alertmanagerUrl: config.alertmanager.url ?? undefined,
  alertmanagerAuth: config.alertmanager.auth,
  timeoutMs: config.prometheus.timeoutMs,
});

/** Clients and gate for the Prometheus tools; `close()` drops idle keep-alive connections. */
export function createPrometheusToolContext(
  options: PrometheusToolContextOptions,
): PrometheusToolContext & { close(): void } {
  const timeoutMs = options.timeoutMs;
  const prometheus = new PrometheusClient({
    url: options.prometheusUrl,
    auth: options.prometheusAuth,
    tls: options.tls,
    timeoutMs,
  });
  const alertmanager = options.alertmanagerUrl
    ? new AlertmanagerClient({
        url: options.alertmanagerUrl,
        auth: options.alertmanagerAuth,
        tls: options.tls,
        timeoutMs,
      })
    : undefined;
  return {
    prometheus,
    alertmanager,
    gate: options.gate ?? new PolicyGate({ policy: defaultPolicy(options.policy), audit: options.audit }),
    metrics: metricNames(options.metrics),
    close() {
      prometheus.close();
      alertmanager?.close();
    },
  };
}

export function alertmanagerOf(ctx: PrometheusToolContext): AlertmanagerClient {
  if (!ctx.alertmanager)
    throw new ToolError(
      'no Alertmanager is configured for this server: start it with --alertmanager-url URL (or set ALERTMANAGER_URL)',
    );
  return ctx.alertmanager;
}

/** Failures a Prometheus tool reports to the model as they are: each message is already a sentence. */
export function explainPrometheusError(err: unknown): string | undefined {
  if (
    err instanceof PrometheusError ||
    err instanceof ArgumentError ||
    err instanceof PolicyDenied ||
    err instanceof ToolError
  )
    return err.message;
  return undefined;
}
