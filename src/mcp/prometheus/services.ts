import { z } from 'zod';
import { serviceErrorRate, serviceLatency, serviceRequestRate } from '../../prometheus/queries/services.ts';
import { READ_ONLY } from '../tool.ts';
import { runCanned, scopeText } from './canned.ts';
import { definePrometheusTool } from './define.ts';
import { full, namespace, window } from './params.ts';

const service = z
  .string()
  .min(1)
  .optional()
  .describe('Service name (the `service` label of the HTTP metrics), or a regex; omit for every service.');

const hint = (metric: string) =>
  `no ${metric} series match; check the service and namespace (prometheus_label_values label=service lists them)`;

export const serviceLatencyTool = definePrometheusTool({
  name: 'service_latency',
  title: 'Service latency quantile',
  description:
    'Latency quantile of HTTP services from the request-duration histogram: histogram_quantile(quantile, …rate(http_request_duration_seconds_bucket[window])). quantile 0.5, 0.9, 0.95 or 0.99 (default 0.99). NaN means no requests in the window. The answer shows the PromQL.',
  input: {
    service,
    namespace,
    window,
    quantile: z
      .number()
      .gt(0)
      .lt(1)
      .optional()
      .describe('Quantile between 0 and 1, e.g. 0.5, 0.9, 0.95, 0.99 (default 0.99).'),
    full,
  },
  hints: READ_ONLY,
  run: (args, ctx) =>
    runCanned(ctx, [serviceLatency(ctx.metrics, { ...args, quantile: args.quantile ?? 0.99 })], {
      title: `service_latency ${scopeText(args.namespace, args.service)}`,
      full: args.full,
      emptyHint: hint(ctx.metrics.httpDurationBucket),
    }),
});

export const serviceErrorRateTool = definePrometheusTool({
  name: 'service_error_rate',
  title: 'Service error rate',
  description:
    'Share of HTTP requests answered with a 5xx code per service (errors / all, rate over window), beside the request rate. The answer shows the PromQL.',
  input: { service, namespace, window, full },
  hints: READ_ONLY,
  run: (args, ctx) =>
    runCanned(ctx, [serviceErrorRate(ctx.metrics, args), serviceRequestRate(ctx.metrics, args)], {
      title: `service_error_rate ${scopeText(args.namespace, args.service)}`,
      full: args.full,
      emptyHint: hint(ctx.metrics.httpRequests),
    }),
});

export const serviceRequestRateTool = definePrometheusTool({
  name: 'service_request_rate',
  title: 'Service request rate',
  description:
    'HTTP requests per second per service (rate over window). A drop to 0 means no traffic reaches it. The answer shows the PromQL.',
  input: { service, namespace, window, full },
  hints: READ_ONLY,
  run: (args, ctx) =>
    runCanned(ctx, [serviceRequestRate(ctx.metrics, args)], {
      title: `service_request_rate ${scopeText(args.namespace, args.service)}`,
      full: args.full,
      emptyHint: hint(ctx.metrics.httpRequests),
    }),
});
