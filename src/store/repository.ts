import type { Finding } from '../diagnosis/types.ts';
import type {
  ActionRecord,
  ApprovalRecord,
  Incident,
  IncidentStatus,
  IncidentView,
  Priority,
  TimelineEntry,
  VerificationRecord,
} from '../incidents/types.ts';
import type { AuditEntry, AuditSink } from '../policy/audit.ts';
import type {
  AlertState,
  Delivery,
  IngestResult,
  MutedChange,
  ProcessingOutcome,
  Processor,
  Router,
} from './pipeline.ts';

export type * from './pipeline.ts';

/**
 * The incident store's interfaces. Every method is asynchronous so a PostgreSQL implementation for
 * multi-instance deployments can follow the embedded SQLite one without touching callers; the
 * pure decisions (routing, processing) are passed in as functions over plain data, so an
 * implementation only loads state, calls them inside one transaction and writes what they return.
 */

// ── Reading incidents (REST API, reports, `sre-nanobot incident`) ────────────────────────────────

export interface IncidentFilter {
  /** Any of these statuses (default: all). */
  status?: IncidentStatus[];
  priority?: Priority[];
  /** Created at or after this RFC 3339 time. */
  since?: string;
  /** Newest first; default 100, at most 1000. */
  limit?: number;
  offset?: number;
}

export interface IncidentReader {
  /** Newest first. */
  listIncidents(filter?: IncidentFilter): Promise<Incident[]>;
  /** Everything about one incident, or null when there is no such id. */
  incidentView(id: string): Promise<IncidentView | null>;
}

// ── Intake: the webhook's one transaction before its 202 ─────────────────────────────────────────

export interface IntakeRepository {
  /**
   * In one transaction: stores the delivery and each alert not stored before (idempotency key
   * fingerprint + startsAt + status), routes the new ones and opens the incidents routing asks
   * for. Either all of it is stored or nothing is.
   */
  ingest(delivery: Delivery, router: Router): Promise<IngestResult>;
}

// ── Processing: the Monitor's work after the 202, exactly once per event ─────────────────────────

export interface ProcessingRepository {
  /**
   * Records which alerts of unsettled incidents Alertmanager mutes now (fingerprint → silences or
   * inhibiting alerts); alerts not listed are no longer muted. Notes the change on each incident's
   * timeline and returns the incidents whose muted alerts changed.
   */
  setSuppressed(muted: ReadonlyMap<string, string[]>, at: string): Promise<MutedChange[]>;
  /**
   * In one transaction: takes up to `limit` unprocessed events (oldest first) and the state they
   * touch, writes what `process` returns and marks the events processed. Null when none wait.
   */
  processPending<T extends ProcessingOutcome>(limit: number, process: Processor<T>): Promise<T | null>;
  pendingCount(): Promise<number>;
}

// ── The incident agent, runbooks and approvals ───────────────────────────────────────────────────

export interface IncidentWriter {
  /**
   * Moves an incident through the lifecycle (src/incidents/lifecycle.ts) and writes a timeline
   * entry. Throws IllegalTransition when the move is not allowed, StoreNotFound for an unknown id.
   */
  transition(id: string, to: IncidentStatus, by: { actor: string; message?: string }): Promise<Incident>;
  addTimeline(id: string, entry: TimelineEntry): Promise<void>;
  /** Replaces the incident's findings (a new diagnosis supersedes the last) and sets its runbook. */
  setFindings(id: string, findings: Finding[], runbook: string | null, actor: string): Promise<void>;
  recordAction(incidentId: string, action: ActionRecord): Promise<void>;
  recordVerification(incidentId: string, verification: VerificationRecord): Promise<void>;
  /**
   * In one transaction: each incident in `statuses` (and among `ids`, when given) for which
   * `decide` names a move goes through the lifecycle with a timeline entry — a move that depends on
   * the incident's current state (damping sweeps, diagnosis, start-up reconciliation). Returns those moved.
   */
  reconcile(
    which: { statuses: IncidentStatus[]; ids?: string[] },
    decide: (incident: Incident) => { to: IncidentStatus; message: string } | null,
    actor: string,
  ): Promise<Incident[]>;
  /** Firing alerts of an incident, for diagnosis. */
  alertsOf(incidentId: string): Promise<AlertState[]>;
}

export interface ApprovalFilter {
  status?: ApprovalRecord['status'][];
  incidentId?: string;
}

export interface ApprovalRepository {
  requestApproval(
    input: Omit<ApprovalRecord, 'id' | 'status' | 'decidedAt' | 'decidedBy' | 'reason'>,
  ): Promise<ApprovalRecord>;
  listApprovals(filter?: ApprovalFilter): Promise<ApprovalRecord[]>;
  /** Throws StoreNotFound for an unknown id and ApprovalAlreadyDecided when it is not pending. */
  decideApproval(
    id: string,
    decision: { approved: boolean; by: string; reason: string | null; at: string },
  ): Promise<ApprovalRecord>;
}

// ── Audit log, retention, counts ─────────────────────────────────────────────────────────────────

export interface AuditRepository extends AuditSink {
  record(entry: AuditEntry): Promise<void>;
  /** Newest first. */
  listAudit(limit?: number): Promise<AuditEntry[]>;
}

export interface Purged {
  incidents: number;
  deliveries: number;
  auditEntries: number;
}

export interface StoreStats {
  incidentsByStatus: Record<IncidentStatus, number>;
  alertEvents: number;
  pendingEvents: number;
  deliveries: number;
}

export interface MaintenanceRepository {
  /**
   * Deletes settled incidents (resolved, closed) last updated before `cutoff` with all they own,
   * deliveries whose events are all processed and older than `cutoff`, and older audit entries.
   */
  purgeBefore(cutoff: string): Promise<Purged>;
  /** Counts by status: cheap, for every scrape of /metrics. */
  incidentCounts(): Promise<Record<IncidentStatus, number>>;
  /** Everything counted, tables scanned: for tests and tools, not for every scrape. */
  stats(): Promise<StoreStats>;
}

/** The whole store. `openIncidentStore` (src/store/index.ts) returns the embedded SQLite one. */
export interface IncidentStore
  extends IncidentReader,
    IntakeRepository,
    ProcessingRepository,
    IncidentWriter,
    ApprovalRepository,
    AuditRepository,
    MaintenanceRepository {
  /** Where it lives, for ready lines and errors: a file path or a connection string without secrets. */
  readonly location: string;
  /** Finishes background work (the checkpoint thread) and closes the database. */
  close(): Promise<void>;
}

/** Errors the store throws on purpose; the REST API maps them to 404/409. */
export class StoreNotFound extends Error {
  override readonly name = 'StoreNotFound';
}

export class ApprovalAlreadyDecided extends Error {
  override readonly name = 'ApprovalAlreadyDecided';
}

/** The database cannot be opened or is from a newer version; the message says how to fix it. */
export class StoreUnavailable extends Error {
  override readonly name = 'StoreUnavailable';
}
