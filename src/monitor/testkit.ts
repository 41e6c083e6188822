import { createHash } from 'node:crypto';
import type { WebhookAlert, WebhookPayload } from '../incidents/types.ts';

/** Alerts and webhook bodies for tests and the alert-storm benchmark, shaped as Alertmanager sends them. */

export const T0 = Date.parse('2025-03-01T10:00:00.000Z');
export const at = (seconds: number) => new Date(T0 + seconds * 1000).toISOString();

/** Alertmanager's fingerprint is a hash of the label set; any stable hash will do here. */
export const fingerprintOf = (labels: Record<string, string>) =>
  createHash('sha256')
    .update(JSON.stringify(Object.entries(labels).sort()))
    .digest('hex')
    .slice(0, 16);

export function alert(
  labels: Record<string, string>,
  options: { status?: 'firing' | 'resolved'; startsAt?: string; endsAt?: string } = {},
): WebhookAlert {
  const status = options.status ?? 'firing';
  const startsAt = options.startsAt ?? at(0);
  return {
    status,
    labels,
    annotations: { summary: `${labels.alertname ?? 'alert'} is ${status}` },
    startsAt,
    endsAt: options.endsAt ?? (status === 'resolved' ? at(600) : '0001-01-01T00:00:00Z'),
    generatorURL: 'http://prometheus.example:9090/graph?g0.expr=up',
    fingerprint: fingerprintOf(labels),
  };
}

export const resolvedOf = (a: WebhookAlert, endsAt = at(600)): WebhookAlert => ({
  ...a,
  status: 'resolved',
  endsAt,
});

export function payload(alerts: WebhookAlert[], receiver = 'sre-nanobot'): WebhookPayload {
  const first = alerts[0]?.labels ?? {};
  return {
    version: '4',
    groupKey: `{}:{alertname="${first.alertname ?? ''}"}`,
    truncatedAlerts: 0,
    status: alerts.some((a) => a.status === 'firing') ? 'firing' : 'resolved',
    receiver,
    groupLabels: first.alertname ? { alertname: first.alertname } : {},
    commonLabels: {},
    commonAnnotations: {},
    externalURL: 'http://alertmanager.example:9093',
    alerts,
  };
}
