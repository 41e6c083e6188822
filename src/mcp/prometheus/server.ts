import { createMcpServer } from '../server.ts';
import {
  createPrometheusToolContext,
  explainPrometheusError,
  type PrometheusToolContextOptions,
} from './context.ts';
import { PROMETHEUS_TOOLS } from './index.ts';

export interface PrometheusServerOptions extends PrometheusToolContextOptions {
  readOnly: boolean;
  version: string;
}

const INSTRUCTIONS = `Tools to read Prometheus metrics and manage Alertmanager alerts and silences.
For a service start with service_error_rate, service_latency (quantile 0.99) and service_request_rate; for pods pod_cpu_usage / pod_memory_usage (namespace, workload); for capacity top_consumers and node_usage; compare_time_ranges tells what changed (offset 1h or 1d).
Canned tools show the PromQL they ran: reuse it with prometheus_query / prometheus_query_range. prometheus_metrics_list and prometheus_label_values find names.
alertmanager_alerts shows what notifies; a silence (alertmanager_silence_create, with a comment) passes a policy gate and can be undone with alertmanager_silence_delete.`;

/** The Prometheus MCP server's parts: one pair of clients and one gate shared by every session. */
export function prometheusServer(options: PrometheusServerOptions) {
  const context = createPrometheusToolContext({
    ...options,
    policy: { ...options.policy, ...(options.readOnly ? { readOnly: true } : {}) },
  });
  const spec = {
    name: 'sre-nanobot-prometheus',
    version: options.version,
    instructions: INSTRUCTIONS,
    tools: PROMETHEUS_TOOLS,
    context,
    readOnly: options.readOnly,
    explain: explainPrometheusError,
  };
  return {
    context,
    server: createMcpServer(spec),
    close: () => context.close(),
  };
}
