import type { AuditEntry } from '../../policy/audit.ts';
import { describeTarget } from '../../policy/mutation.ts';
import type { Db } from './database.ts';

interface AuditRow {
  at: string;
  outcome: string;
  dry_run: number;
  mutation: string;
  reason: string | null;
}

/** The policy gate's durable audit log: every decision and outcome, one row each. */
export function audit(db: Db) {
  const q = {
    insert: db.prepare(
      `INSERT INTO audit_log (at, outcome, dry_run, verb, target, mutation, reason)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ),
    list: db.prepare('SELECT at, outcome, dry_run, mutation, reason FROM audit_log ORDER BY id DESC LIMIT ?'),
  };
  return {
    record(e: AuditEntry): void {
      q.insert.run(
        e.at,
        e.outcome,
        e.dryRun ? 1 : 0,
        e.mutation.verb,
        describeTarget(e.mutation.target),
        JSON.stringify(e.mutation),
        e.reason ?? null,
      );
    },
    listAudit(limit = 100): AuditEntry[] {
      return (q.list.all(Math.min(Math.max(limit, 1), 10_000)) as AuditRow[]).map((r) => ({
        at: r.at,
        mutation: JSON.parse(r.mutation),
        outcome: r.outcome as AuditEntry['outcome'],
        dryRun: r.dry_run === 1,
        ...(r.reason === null ? {} : { reason: r.reason }),
      }));
    },
  };
}
