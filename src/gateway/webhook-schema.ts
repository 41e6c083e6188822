import { z } from 'zod';
import type { WebhookPayload } from '../incidents/types.ts';

/**
 * Alertmanager's webhook body, version 4, as a schema. Fields Alertmanager always sends but the
 * bot does not need are defaulted, so other senders of the same format (Grafana, scripts) work;
 * what idempotency and routing rely on — status, labels, startsAt, fingerprint — is required.
 */

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/i;
const time = z
  .string()
  .refine((s) => RFC3339.test(s) && !Number.isNaN(Date.parse(s)), 'expected an RFC 3339 time');
const labelSet = z.record(z.string(), z.string());
/** Go's zero time: what Alertmanager sends as endsAt for an alert with no end yet. */
const ZERO_TIME = '0001-01-01T00:00:00Z';

const alertSchema = z.object({
  status: z.enum(['firing', 'resolved']),
  labels: labelSet,
  annotations: labelSet.default({}),
  startsAt: time,
  endsAt: time.default(ZERO_TIME),
  generatorURL: z.string().default(''),
  fingerprint: z
    .string()
    .min(1, 'expected a non-empty fingerprint')
    .max(256, 'expected at most 256 characters'),
});

export const webhookSchema = z.object({
  version: z.literal('4', 'expected "4" (Alertmanager webhook version 4)').default('4'),
  groupKey: z.string().default(''),
  truncatedAlerts: z.number().int().nonnegative().optional(),
  status: z.enum(['firing', 'resolved']).default('firing'),
  receiver: z.string().default(''),
  groupLabels: labelSet.default({}),
  commonLabels: labelSet.default({}),
  commonAnnotations: labelSet.default({}),
  externalURL: z.string().default(''),
  alerts: z.array(alertSchema).min(1, 'expected at least one alert'),
});

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** `alerts[3].labels.severity`, `commonLabels["app.kubernetes.io/name"]`. */
export const formatPath = (path: readonly PropertyKey[]): string =>
  path
    .map((p, i) =>
      typeof p === 'number'
        ? `[${p}]`
        : IDENTIFIER.test(String(p))
          ? `${i ? '.' : ''}${String(p)}`
          : `[${JSON.stringify(String(p))}]`,
    )
    .join('') || 'body';

function describeIssue(issue: z.core.$ZodIssue): string {
  if ((issue.code === 'invalid_type' || issue.code === 'invalid_value') && issue.input === undefined)
    return 'required';
  return issue.message.replace(/^Invalid (input|option): /, '');
}

export type ParsedWebhook = { ok: true; payload: WebhookPayload } | { ok: false; reason: string };

/** Validates a parsed JSON body; the reason names the first problems with their paths. */
export function parseWebhook(body: unknown): ParsedWebhook {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    return { ok: false, reason: 'body: expected a JSON object (an Alertmanager webhook, version 4)' };
  const result = webhookSchema.safeParse(body, { reportInput: true });
  if (result.success) return { ok: true, payload: result.data };
  const issues = result.error.issues;
  const shown = issues.slice(0, 3).map((i) => `${formatPath(i.path)}: ${describeIssue(i)}`);
  const more = issues.length > 3 ? `; and ${issues.length - 3} more problem(s)` : '';
  return { ok: false, reason: `${shown.join('; ')}${more}` };
}
