import type { Finding } from '../diagnosis/types.ts';

/**
 * The incident model every part shares: the gateway and Monitor agent write it, the store keeps it,
 * reports and the REST API read it. Statuses are the ones CONTRACTS §6 promises.
 */
export const INCIDENT_STATUSES = [
  'open',
  'analyzing',
  'awaiting_approval',
  'remediating',
  'verifying',
  'resolved',
  'failed',
  'rolled_back',
  'closed',
] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

export const PRIORITIES = ['P1', 'P2', 'P3', 'P4'] as const;
export type Priority = (typeof PRIORITIES)[number];

/** One alert as Alertmanager's webhook (v4) carries it. */
export interface WebhookAlert {
  status: 'firing' | 'resolved';
  labels: Record<string, string>;
  annotations: Record<string, string>;
  startsAt: string;
  endsAt: string;
  generatorURL: string;
  fingerprint: string;
}

/** Alertmanager's webhook body, version 4. */
export interface WebhookPayload {
  version: string;
  groupKey: string;
  truncatedAlerts?: number;
  status: 'firing' | 'resolved';
  receiver: string;
  groupLabels: Record<string, string>;
  commonLabels: Record<string, string>;
  commonAnnotations: Record<string, string>;
  externalURL: string;
  alerts: WebhookAlert[];
}

/** An alert as the bot keeps it: the latest state of one fingerprint, and the incident it joined. */
export interface StoredAlert extends WebhookAlert {
  incidentId: string | null;
  firstReceivedAt: string;
  lastReceivedAt: string;
  /** How many webhook deliveries carried this fingerprint (Alertmanager re-sends every repeat_interval). */
  receivedCount: number;
  /** Times it went firing → resolved → firing; the Monitor damps flapping alerts. */
  flapCount: number;
  /**
   * Silences and inhibiting alerts that mute it in Alertmanager, as last asked (the gateway asks
   * when `alertmanager.url` is configured); absent or empty when nothing mutes it.
   */
  suppressedBy?: string[];
}

export interface Incident {
  id: string;
  title: string;
  status: IncidentStatus;
  priority: Priority;
  /** What grouped the alerts: the values of the grouping keys, or the object a correlation rule chose. */
  groupKey: string;
  /** Labels every alert of the incident shares. */
  labels: Record<string, string>;
  createdAt: string;
  updatedAt: string;
  /** First time a human or the bot acted on it (MTTA). */
  acknowledgedAt: string | null;
  /** When the last alert resolved or the fix was verified (MTTR). */
  resolvedAt: string | null;
  alertCount: number;
  firingCount: number;
}

export type TimelineKind =
  | 'created'
  | 'alert_joined'
  | 'alert_resolved'
  | 'alert_refired'
  | 'status_changed'
  | 'diagnosed'
  | 'runbook_matched'
  | 'approval_requested'
  | 'approval_decided'
  | 'approval_expired'
  | 'linked'
  | 'action_executed'
  | 'verification'
  | 'note';

export interface TimelineEntry {
  at: string;
  kind: TimelineKind;
  message: string;
  /** Who did it: `monitor`, `incident-agent`, `autofix`, a user name. */
  actor: string;
}

export interface ActionRecord {
  id: string;
  at: string;
  /** Tool or runbook step, e.g. `deployments_rollback`. */
  action: string;
  target: string;
  params: Record<string, unknown>;
  outcome: 'succeeded' | 'failed' | 'denied' | 'dry_run' | 'rolled_back';
  detail: string;
  /** How to undo it, as a sentence or a command. */
  inverse: string | null;
}

export interface ApprovalRecord {
  id: string;
  incidentId: string;
  status: 'pending' | 'approved' | 'rejected' | 'expired';
  /** What will be done if approved, in one line. */
  summary: string;
  risk: 'low' | 'medium' | 'high';
  requestedAt: string;
  decidedAt: string | null;
  decidedBy: string | null;
  reason: string | null;
}

export interface VerificationRecord {
  at: string;
  query: string;
  expectation: string;
  passed: boolean;
  observed: string;
}

/** Everything about one incident: what the API's GET /incidents/{id} returns and reports render. */
export interface IncidentView {
  incident: Incident;
  alerts: StoredAlert[];
  findings: Finding[];
  runbook: string | null;
  actions: ActionRecord[];
  approvals: ApprovalRecord[];
  verifications: VerificationRecord[];
  timeline: TimelineEntry[];
  /**
   * Incidents of the same outage: the likely `cause` (a node's incident opened after this one's pod
   * alerts) or an `effect` of this one, linked under a correlation key such as `node:worker-2`.
   */
  related: RelatedIncident[];
}

export interface RelatedIncident {
  id: string;
  title: string;
  status: IncidentStatus;
  role: 'cause' | 'effect';
  key: string;
}
