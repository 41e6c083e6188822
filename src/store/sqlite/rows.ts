import type {
  ActionRecord,
  ApprovalRecord,
  Incident,
  IncidentStatus,
  Priority,
  TimelineEntry,
  TimelineKind,
  VerificationRecord,
  WebhookAlert,
} from '../../incidents/types.ts';
import type { AlertEvent, AlertState } from '../repository.ts';
import { alertKey } from './hash.ts';

/** Rows as SQLite returns them, and their mapping to the shared model. JSON columns hold objects. */

export interface IncidentRow {
  id: string;
  title: string;
  status: string;
  priority: string;
  group_key: string;
  labels: string;
  created_at: string;
  updated_at: string;
  acknowledged_at: string | null;
  resolved_at: string | null;
  alert_count: number;
  firing_count: number;
  last_alert_at: string;
  runbook: string | null;
}

export const toIncident = (r: IncidentRow): Incident => ({
  id: r.id,
  title: r.title,
  status: r.status as IncidentStatus,
  priority: r.priority as Priority,
  groupKey: r.group_key,
  labels: JSON.parse(r.labels),
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  acknowledgedAt: r.acknowledged_at,
  resolvedAt: r.resolved_at,
  alertCount: r.alert_count,
  firingCount: r.firing_count,
});

export interface AlertRow {
  incident_id: string;
  fingerprint: string;
  status: string;
  labels: string;
  annotations: string;
  starts_at: string;
  ends_at: string;
  generator_url: string;
  first_received_at: string;
  last_received_at: string;
  received_count: number;
  flap_count: number;
  event_count: number;
  last_change_at: string;
  suppressed_by: string | null;
}

export const toAlertState = (r: AlertRow): AlertState => ({
  incidentId: r.incident_id,
  fingerprint: r.fingerprint,
  status: r.status as AlertState['status'],
  labels: JSON.parse(r.labels),
  annotations: JSON.parse(r.annotations),
  startsAt: r.starts_at,
  endsAt: r.ends_at,
  generatorURL: r.generator_url,
  firstReceivedAt: r.first_received_at,
  lastReceivedAt: r.last_received_at,
  receivedCount: r.received_count,
  flapCount: r.flap_count,
  eventCount: r.event_count,
  lastChangeAt: r.last_change_at,
  ...(r.suppressed_by ? { suppressedBy: JSON.parse(r.suppressed_by) as string[] } : {}),
});

export const alertParams = (a: AlertState) => ({
  incident_id: a.incidentId,
  fingerprint: a.fingerprint,
  status: a.status,
  labels: JSON.stringify(a.labels),
  annotations: JSON.stringify(a.annotations),
  starts_at: a.startsAt,
  ends_at: a.endsAt,
  generator_url: a.generatorURL,
  first_received_at: a.firstReceivedAt,
  last_received_at: a.lastReceivedAt,
  received_count: a.receivedCount,
  flap_count: a.flapCount,
  event_count: a.eventCount,
  last_change_at: a.lastChangeAt,
  key_hash: alertKey(a.incidentId, a.fingerprint),
});

export interface EventRow {
  seq: number;
  delivery_id: string;
  incident_id: string;
  alert: string;
  received_at: string;
  seen_count: number;
  last_seen_at: string;
}

export const toEvent = (r: EventRow): AlertEvent => ({
  seq: r.seq,
  deliveryId: r.delivery_id,
  incidentId: r.incident_id,
  alert: JSON.parse(r.alert) as WebhookAlert,
  receivedAt: r.received_at,
  seenCount: r.seen_count,
  lastSeenAt: r.last_seen_at,
});

export interface TimelineRow {
  at: string;
  kind: string;
  message: string;
  actor: string;
}

export const toTimeline = (r: TimelineRow): TimelineEntry => ({
  at: r.at,
  kind: r.kind as TimelineKind,
  message: r.message,
  actor: r.actor,
});

export interface ActionRow {
  id: string;
  at: string;
  action: string;
  target: string;
  params: string;
  outcome: string;
  detail: string;
  inverse: string | null;
}

export const toAction = (r: ActionRow): ActionRecord => ({
  id: r.id,
  at: r.at,
  action: r.action,
  target: r.target,
  params: JSON.parse(r.params),
  outcome: r.outcome as ActionRecord['outcome'],
  detail: r.detail,
  inverse: r.inverse,
});

export interface ApprovalRow {
  id: string;
  incident_id: string;
  status: string;
  summary: string;
  risk: string;
  requested_at: string;
  decided_at: string | null;
  decided_by: string | null;
  reason: string | null;
}

export const toApproval = (r: ApprovalRow): ApprovalRecord => ({
  id: r.id,
  incidentId: r.incident_id,
  status: r.status as ApprovalRecord['status'],
  summary: r.summary,
  risk: r.risk as ApprovalRecord['risk'],
  requestedAt: r.requested_at,
  decidedAt: r.decided_at,
  decidedBy: r.decided_by,
  reason: r.reason,
});

export interface VerificationRow {
  at: string;
  query: string;
  expectation: string;
  passed: number;
  observed: string;
}

export const toVerification = (r: VerificationRow): VerificationRecord => ({
  at: r.at,
  query: r.query,
  expectation: r.expectation,
  passed: r.passed === 1,
  observed: r.observed,
});
