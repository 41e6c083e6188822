import type { ApprovalRecord, Incident } from '../incidents/types.ts';

/**
 * What the agents tell each other. Monitor → Incident agent → AutoFix → Kubernetes: each agent
 * subscribes to the messages it acts on and publishes what it did, so a new agent plugs in by
 * subscribing, without touching intake.
 */
export type BusMessage =
  /** The gateway stored a delivery (published after its transaction committed). */
  | { type: 'AlertsReceived'; deliveryId: string; accepted: number; duplicates: number; incidents: string[] }
  /** The Monitor processed an incident's first alert. */
  | { type: 'IncidentOpened'; incident: Incident }
  /** The Monitor changed an incident: alerts joined or resolved, it resolved or reopened. */
  | { type: 'IncidentUpdated'; incident: Incident; change: 'alerts' | 'resolved' | 'reopened' }
  /** Someone wants the incident diagnosed against the cluster (the incident agent does it). */
  | { type: 'DiagnosisRequested'; incidentId: string; reason: string }
  /** Findings are stored; `runbook` is the root cause's runbook, the AutoFix agent's cue. */
  | { type: 'IncidentDiagnosed'; incidentId: string; findings: number; runbook: string | null }
  /** A fix waits for a human; published by whoever requested the approval. */
  | { type: 'ApprovalRequested'; approval: ApprovalRecord }
  /** A human approved or rejected a fix (REST API, chat); the AutoFix agent proceeds or stands down. */
  | { type: 'ApprovalDecided'; approval: ApprovalRecord };

export type MessageType = BusMessage['type'];
export type MessageOf<T extends MessageType> = Extract<BusMessage, { type: T }>;
