import { z } from 'zod';
import { DURATION } from '../../prometheus/queries/names.ts';

/** Argument definitions shared by the Prometheus tools: one name and one description per idea. */
export const query = z
  .string()
  .min(1)
  .describe('PromQL expression, e.g. sum by (namespace) (rate(http_requests_total[5m])).');

const timeText = (what: string, dflt: string) =>
  z
    .union([z.string().min(1), z.number()])
    .optional()
    .describe(`${what}: now, now-1h, -30m, unix seconds or RFC 3339 (default ${dflt}).`);

export const time = timeText('Evaluation time', 'now');
export const start = timeText('Range start', 'now-1h');
export const end = timeText('Range end', 'now');

export const step = z
  .union([z.string().regex(/^(\d+(\.\d+)?|(\d+(ms|s|m|h|d|w|y))+)$/), z.number().positive()])
  .optional()
  .describe('Resolution: a duration like 30s or 5m, or seconds (default: about 60 points across the range).');

export const duration = (what: string) =>
  z.string().regex(DURATION, 'a duration like 30s, 5m, 1h30m or 2d').describe(what);

export const window = duration(
  'Rate window, e.g. 5m (default), 1m for the latest change, 1h to smooth.',
).optional();

export const namespace = z.string().min(1).optional().describe('Kubernetes namespace; omit for all.');

export const full = z
  .boolean()
  .optional()
  .describe(`Show every series (and every point of a range) instead of the largest 20 and statistics.`);

export const match = z
  .union([z.string().min(1), z.array(z.string().min(1)).min(1)])
  .describe(
    'Series selector(s), e.g. up{job="sandbox"} or ["http_requests_total{namespace=\\"production\\"}"].',
  );

export const limit = (dflt: number, max = 10_000) =>
  z.number().int().min(1).max(max).optional().describe(`Show at most this many (default ${dflt}).`);

export const matchers = z
  .union([z.record(z.string(), z.string()), z.array(z.string().min(1)).min(1), z.string().min(1)])
  .describe(
    'Label matchers: {"alertname": "HighErrorRate", "namespace": "production"} (equality), or a list like ["alertname=\\"X\\"", "service=~\\"api-.*\\""].',
  );

export const toList = (value: string | string[] | undefined): string[] | undefined =>
  value === undefined ? undefined : Array.isArray(value) ? value : [value];
