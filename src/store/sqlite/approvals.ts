import { randomBytes } from 'node:crypto';
import { isSettled } from '../../incidents/lifecycle.ts';
import type { ApprovalRecord, Incident } from '../../incidents/types.ts';
import { ApprovalAlreadyDecided, type ApprovalFilter, StoreNotFound } from '../repository.ts';
import type { Db } from './database.ts';
import { type ApprovalRow, toApproval } from './rows.ts';

export type ApprovalRequest = Omit<ApprovalRecord, 'id' | 'status' | 'decidedAt' | 'decidedBy' | 'reason'>;

/**
 * Expires an incident's pending approvals once it is resolved or closed, in the caller's transaction:
 * nobody should approve, at 3 a.m., a fix for a problem that is already gone.
 */
export function approvalExpiry(db: Db): (incident: Incident, at: string) => void {
  const expire = db.prepare(
    `UPDATE approvals SET status = 'expired', decided_at = ?, decided_by = 'sre-nanobot', reason = ?
     WHERE incident_id = ? AND status = 'pending' RETURNING id`,
  );
  const timeline = db.prepare(
    'INSERT INTO timeline (incident_id, at, kind, message, actor) VALUES (?, ?, ?, ?, ?)',
  );
  return (incident, at) => {
    if (!isSettled(incident.status)) return;
    const reason = `the incident was ${incident.status} before a decision`;
    for (const { id } of expire.all(at, reason, incident.id) as { id: string }[])
      timeline.run(incident.id, at, 'approval_expired', `approval ${id} expired: ${reason}`, 'sre-nanobot');
  };
}

/** Approvals: a pending request per proposed fix, decided once by a human (or --auto-approve). */
export function approvals(db: Db) {
  const q = {
    incident: db.prepare('SELECT 1 FROM incidents WHERE id = ?'),
    insert: db.prepare(
      `INSERT INTO approvals (id, incident_id, status, summary, risk, requested_at)
       VALUES (?, ?, 'pending', ?, ?, ?)`,
    ),
    get: db.prepare('SELECT * FROM approvals WHERE id = ?'),
    decide: db.prepare(
      `UPDATE approvals SET status = ?, decided_at = ?, decided_by = ?, reason = ?
       WHERE id = ? AND status = 'pending'`,
    ),
    timeline: db.prepare(
      'INSERT INTO timeline (incident_id, at, kind, message, actor) VALUES (?, ?, ?, ?, ?)',
    ),
  };

  const get = (id: string): ApprovalRecord | null => {
    const row = q.get.get(id) as ApprovalRow | undefined;
    return row ? toApproval(row) : null;
  };

  return {
    requestApproval: db.transaction((input: ApprovalRequest): ApprovalRecord => {
      if (!q.incident.get(input.incidentId))
        throw new StoreNotFound(`no incident ${input.incidentId} to ask an approval for`);
      const id = `APR-${randomBytes(5).toString('hex').toUpperCase()}`;
      q.insert.run(id, input.incidentId, input.summary, input.risk, input.requestedAt);
      q.timeline.run(
        input.incidentId,
        input.requestedAt,
        'approval_requested',
        `approval ${id} requested (${input.risk} risk): ${input.summary}`,
        'autofix',
      );
      return get(id)!;
    }),

    listApprovals(filter: ApprovalFilter = {}): ApprovalRecord[] {
      const where: string[] = [];
      const params: string[] = [];
      if (filter.status?.length) {
        where.push(`status IN (${filter.status.map(() => '?').join(', ')})`);
        params.push(...filter.status);
      }
      if (filter.incidentId) {
        where.push('incident_id = ?');
        params.push(filter.incidentId);
      }
      const sql = `SELECT * FROM approvals ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY requested_at DESC, id LIMIT 1000`;
      return (db.prepare(sql).all(...params) as ApprovalRow[]).map(toApproval);
    },

    decideApproval: db.transaction(
      (
        id: string,
        d: { approved: boolean; by: string; reason: string | null; at: string },
      ): ApprovalRecord => {
        const before = get(id);
        if (!before) throw new StoreNotFound(`no approval ${id}; list them with GET /api/v1/approvals`);
        if (before.status !== 'pending')
          throw new ApprovalAlreadyDecided(
            `approval ${id} is already ${before.status}${before.decidedBy ? ` by ${before.decidedBy}` : ''}; a decision cannot be changed`,
          );
        const status = d.approved ? 'approved' : 'rejected';
        q.decide.run(status, d.at, d.by, d.reason, id);
        q.timeline.run(
          before.incidentId,
          d.at,
          'approval_decided',
          `approval ${id} ${status}${d.reason ? `: ${d.reason}` : ''}`,
          d.by,
        );
        return get(id)!;
      },
    ),
  };
}
