import type {
  Incident,
  IncidentStatus,
  Priority,
  StoredAlert,
  TimelineEntry,
  WebhookAlert,
} from '../incidents/types.ts';

/**
 * The data intake and processing exchange with the store: what a webhook delivers, what routing
 * reads and decides, what processing reads and writes. Plain values, so a decision is a pure
 * function a store calls inside its transaction (repository.ts).
 */

/** One webhook delivery as received: the raw body is kept for replay and audit. */
export interface Delivery {
  id: string;
  receivedAt: string;
  receiver: string;
  groupKey: string;
  rawBody: string;
  alerts: WebhookAlert[];
}

/** What routing needs to know about an incident an alert could join. */
export interface RoutingCandidate {
  incidentId: string;
  status: IncidentStatus;
  /** When routing last sent an alert event to it. */
  lastAlertAt: string;
}

/** The slice of stored state routing reads: only what the delivery's fingerprints and keys touch. */
export interface RoutingState {
  /** The incident each fingerprint last joined. */
  byFingerprint: ReadonlyMap<string, RoutingCandidate>;
  /** Incidents indexed under each correlation key, most recently active first. */
  byKey: ReadonlyMap<string, readonly RoutingCandidate[]>;
  /**
   * Under each opening key of the delivery's alerts: incidents with alerts that follow the key
   * without opening it (pods of that node), not yet settled. An incident opening under the key is
   * linked to them.
   */
  followersByKey: ReadonlyMap<string, readonly RoutingCandidate[]>;
}

/** A correlation key of an alert; only an opening key can start an incident of its own. */
export interface RoutingKey {
  key: string;
  opens: boolean;
}

/** Two incidents of one outage: `cause` opened under `key` after `incidentId` had alerts following it. */
export interface IncidentLink {
  incidentId: string;
  cause: string;
  key: string;
}

export interface OpenedIncident {
  id: string;
  title: string;
  groupKey: string;
  labels: Record<string, string>;
  priority: Priority;
  createdAt: string;
}

export interface RoutingDecision {
  /**
   * Parallel to the routed alerts: the incident each joins, the keys to index that incident under,
   * and the keys it follows without opening (for linking it later).
   */
  assignments: { incidentId: string; keys: string[]; follows: string[] }[];
  opened: OpenedIncident[];
  links: IncidentLink[];
}

/** Decides, purely, which incident each new alert joins. The store calls it inside the intake transaction. */
export interface Router {
  /** Every correlation key routing may look up for this alert. */
  keysOf(alert: WebhookAlert): readonly RoutingKey[];
  route(alerts: readonly WebhookAlert[], state: RoutingState, at: string): RoutingDecision;
}

export interface IngestResult {
  deliveryId: string;
  /** Alerts in the delivery: new ones plus ones already stored. */
  accepted: number;
  /** Alerts already stored under the same fingerprint + startsAt + status (retries, repeat notifications). */
  duplicates: number;
  /** Every incident the delivery's alerts belong to, in order of first appearance. */
  incidents: string[];
}

/** A stored alert event waiting to be processed, in arrival order. */
export interface AlertEvent {
  seq: number;
  deliveryId: string;
  receivedAt: string;
  incidentId: string;
  alert: WebhookAlert;
  /** Deliveries that carried this very event (1 + duplicates that arrived before it was processed). */
  seenCount: number;
  lastSeenAt: string;
}

/** An alert of an incident as processing keeps it. */
export interface AlertState extends StoredAlert {
  incidentId: string;
  /** Events processed into this alert: exactly one per stored event, which the crash test checks. */
  eventCount: number;
  /** When it last went firing → resolved or back. */
  lastChangeAt: string;
}

export interface ProcessingState {
  /** Keyed by `${incidentId}/${fingerprint}`. */
  alerts: ReadonlyMap<string, AlertState>;
  incidents: ReadonlyMap<string, Incident>;
}

export interface ProcessingOutcome {
  alerts: AlertState[];
  incidents: Incident[];
  timeline: { incidentId: string; entry: TimelineEntry }[];
}

export type Processor<T extends ProcessingOutcome> = (
  events: readonly AlertEvent[],
  state: ProcessingState,
) => T;

/** What muting changed for one incident (Alertmanager silences and inhibitions). */
export interface MutedChange {
  incidentId: string;
  /** Its firing alerts that are muted now, and all its firing alerts. */
  muted: number;
  firing: number;
}
