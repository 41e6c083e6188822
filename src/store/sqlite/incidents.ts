import { randomBytes } from 'node:crypto';
import type { Finding } from '../../diagnosis/types.ts';
import { transition } from '../../incidents/lifecycle.ts';
import type {
  ActionRecord,
  Incident,
  IncidentStatus,
  IncidentView,
  RelatedIncident,
  TimelineEntry,
  VerificationRecord,
} from '../../incidents/types.ts';
import { type AlertState, type IncidentFilter, StoreNotFound } from '../repository.ts';
import { approvalExpiry } from './approvals.ts';
import type { Db } from './database.ts';
import {
  type ActionRow,
  type AlertRow,
  type ApprovalRow,
  type IncidentRow,
  type TimelineRow,
  toAction,
  toAlertState,
  toApproval,
  toIncident,
  toTimeline,
  toVerification,
  type VerificationRow,
} from './rows.ts';

const MAX_LIMIT = 1000;

/** Reading incidents and the incident agent's writes. */
export function incidents(db: Db) {
  const q = {
    incident: db.prepare('SELECT * FROM incidents WHERE id = ?'),
    alerts: db.prepare('SELECT * FROM alerts WHERE incident_id = ? ORDER BY id'),
    findings: db.prepare('SELECT finding FROM findings WHERE incident_id = ? ORDER BY position'),
    actions: db.prepare('SELECT * FROM actions WHERE incident_id = ? ORDER BY at, id'),
    approvals: db.prepare('SELECT * FROM approvals WHERE incident_id = ? ORDER BY requested_at, id'),
    verifications: db.prepare('SELECT * FROM verifications WHERE incident_id = ? ORDER BY id'),
    timeline: db.prepare('SELECT at, kind, message, actor FROM timeline WHERE incident_id = ? ORDER BY id'),
    related: db.prepare(
      `SELECT i.id, i.title, i.status, 'cause' AS role, l.key FROM incident_links l JOIN incidents i ON i.id = l.cause_id
       WHERE l.incident_id = @id
       UNION ALL
       SELECT i.id, i.title, i.status, 'effect' AS role, l.key FROM incident_links l JOIN incidents i ON i.id = l.incident_id
       WHERE l.cause_id = @id
       ORDER BY 1`,
    ),
    update: db.prepare(
      `UPDATE incidents SET status = @status, updated_at = @updatedAt, acknowledged_at = @acknowledgedAt,
         resolved_at = @resolvedAt WHERE id = @id`,
    ),
    insertTimeline: db.prepare(
      'INSERT INTO timeline (incident_id, at, kind, message, actor) VALUES (?, ?, ?, ?, ?)',
    ),
    deleteFindings: db.prepare('DELETE FROM findings WHERE incident_id = ?'),
    insertFinding: db.prepare('INSERT INTO findings (incident_id, position, finding) VALUES (?, ?, ?)'),
    setRunbook: db.prepare('UPDATE incidents SET runbook = ?, updated_at = ? WHERE id = ?'),
    insertAction: db.prepare(
      `INSERT INTO actions (id, incident_id, at, action, target, params, outcome, detail, inverse)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    insertVerification: db.prepare(
      `INSERT INTO verifications (incident_id, at, query, expectation, passed, observed)
       VALUES (?, ?, ?, ?, ?, ?)`,
    ),
  };

  const get = (id: string): Incident => {
    const row = q.incident.get(id) as IncidentRow | undefined;
    if (!row) throw new StoreNotFound(`no incident ${id}; list them with GET /api/v1/incidents`);
    return toIncident(row);
  };

  const inStatuses = (statuses: IncidentStatus[], limit: number): Incident[] => {
    if (!statuses.length) return [];
    const sql = `SELECT * FROM incidents WHERE status IN (${statuses.map(() => '?').join(', ')})
      ORDER BY updated_at LIMIT ?`;
    return (db.prepare(sql).all(...statuses, limit) as IncidentRow[]).map(toIncident);
  };

  const timelineEntry = (id: string, e: TimelineEntry) =>
    q.insertTimeline.run(id, e.at, e.kind, e.message, e.actor);
  const expireApprovals = approvalExpiry(db);
  /** One status change: the lifecycle's check, the row, the timeline and what a settled incident ends. */
  const move = (before: Incident, to: IncidentStatus, message: string, actor: string): Incident => {
    const at = new Date().toISOString();
    const after = transition(before, to, at);
    q.update.run(after);
    timelineEntry(before.id, {
      at,
      kind: 'status_changed',
      message: `${before.status} → ${to}${message}`,
      actor,
    });
    expireApprovals(after, at);
    return after;
  };

  return {
    listIncidents(filter: IncidentFilter = {}): Incident[] {
      const where: string[] = [];
      const params: unknown[] = [];
      if (filter.status?.length) {
        where.push(`status IN (${filter.status.map(() => '?').join(', ')})`);
        params.push(...filter.status);
      }
      if (filter.priority?.length) {
        where.push(`priority IN (${filter.priority.map(() => '?').join(', ')})`);
        params.push(...filter.priority);
      }
      if (filter.since) {
        where.push('created_at >= ?');
        params.push(filter.since);
      }
      const limit = Math.min(Math.max(filter.limit ?? 100, 1), MAX_LIMIT);
      const sql = `SELECT * FROM incidents ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?`;
      return (db.prepare(sql).all(...params, limit, Math.max(filter.offset ?? 0, 0)) as IncidentRow[]).map(
        toIncident,
      );
    },

    incidentView: db.transaction((id: string): IncidentView | null => {
      const row = q.incident.get(id) as IncidentRow | undefined;
      if (!row) return null;
      return {
        incident: toIncident(row),
        alerts: (q.alerts.all(id) as AlertRow[]).map((r) => {
          const { eventCount: _count, lastChangeAt: _changed, ...stored } = toAlertState(r);
          return stored;
        }),
        findings: (q.findings.all(id) as { finding: string }[]).map((r) => JSON.parse(r.finding) as Finding),
        runbook: row.runbook,
        actions: (q.actions.all(id) as ActionRow[]).map(toAction),
        approvals: (q.approvals.all(id) as ApprovalRow[]).map(toApproval),
        verifications: (q.verifications.all(id) as VerificationRow[]).map(toVerification),
        timeline: (q.timeline.all(id) as TimelineRow[]).map(toTimeline),
        related: q.related.all({ id }) as RelatedIncident[],
      };
    }),

    transition: db.transaction(
      (id: string, to: IncidentStatus, by: { actor: string; message?: string }): Incident =>
        move(get(id), to, by.message ? `: ${by.message}` : '', by.actor),
    ),

    reconcile: db.transaction(
      (
        which: { statuses: IncidentStatus[]; ids?: string[] },
        decide: (incident: Incident) => { to: IncidentStatus; message: string } | null,
        actor: string,
      ): Incident[] => {
        const moved: Incident[] = [];
        const candidates = which.ids
          ? which.ids
              .map((id) => q.incident.get(id) as IncidentRow | undefined)
              .filter(
                (r): r is IncidentRow =>
                  r !== undefined && which.statuses.includes(r.status as IncidentStatus),
              )
              .map(toIncident)
          : inStatuses(which.statuses, Number.MAX_SAFE_INTEGER);
        for (const before of candidates) {
          const decided = decide(before);
          if (decided) moved.push(move(before, decided.to, `: ${decided.message}`, actor));
        }
        return moved;
      },
    ),

    addTimeline(id: string, entry: TimelineEntry): void {
      get(id);
      timelineEntry(id, entry);
    },

    setFindings: db.transaction((id: string, findings: Finding[], runbook: string | null, actor: string) => {
      get(id);
      const at = new Date().toISOString();
      q.deleteFindings.run(id);
      for (const [i, f] of findings.entries()) q.insertFinding.run(id, i, JSON.stringify(f));
      q.setRunbook.run(runbook, at, id);
      const cause = findings[0];
      timelineEntry(id, {
        at,
        kind: 'diagnosed',
        message: cause
          ? `${findings.length} finding(s); root cause: ${cause.summary}`
          : 'no finding: the cluster shows nothing wrong for these alerts',
        actor,
      });
    }),

    recordAction(incidentId: string, a: ActionRecord): void {
      get(incidentId);
      q.insertAction.run(
        a.id || `ACT-${randomBytes(5).toString('hex').toUpperCase()}`,
        incidentId,
        a.at,
        a.action,
        a.target,
        JSON.stringify(a.params),
        a.outcome,
        a.detail,
        a.inverse,
      );
    },

    recordVerification(incidentId: string, v: VerificationRecord): void {
      get(incidentId);
      q.insertVerification.run(incidentId, v.at, v.query, v.expectation, v.passed ? 1 : 0, v.observed);
    },

    alertsOf(incidentId: string): AlertState[] {
      return (q.alerts.all(incidentId) as AlertRow[]).map(toAlertState);
    },
  };
}
