import type { OpenStoreOptions } from '../index.ts';
import type { IncidentStore } from '../repository.ts';
import { approvals } from './approvals.ts';
import { audit } from './audit.ts';
import { startCheckpointer } from './checkpointer.ts';
import { openDatabase } from './database.ts';
import { groupCommit } from './group-commit.ts';
import { incidents } from './incidents.ts';
import { intake } from './intake.ts';
import { maintenance } from './maintenance.ts';
import { processing } from './processing.ts';
import { suppression } from './suppression.ts';
import { walSyncer } from './wal-sync.ts';

/**
 * The embedded store: one better-sqlite3 connection with prepared statements and one transaction
 * per call — webhooks of one event-loop turn share one (group-commit.ts) — acknowledged writes
 * synced off the event loop (wal-sync.ts), checkpoints in a worker (checkpointer.ts). Calls are
 * synchronous underneath (SQLite in-process is faster than any hand-off) and return promises to
 * keep the interface open for a networked database.
 */
export function openSqliteStore(options: OpenStoreOptions): IncidentStore {
  const db = openDatabase(options);
  const checkpointer = options.readonly ? undefined : startCheckpointer(db, { path: options.path });
  const wal = !options.readonly && options.durability !== 'normal' ? walSyncer(options.path) : undefined;
  const sync = async () => wal?.sync();
  const ingest = groupCommit(db, intake(db), sync);
  const proc = processing(db);
  const inc = incidents(db);
  const appr = approvals(db);
  const log = audit(db);
  const maint = maintenance(db, proc.pendingCount);
  const async =
    <A extends unknown[], R>(fn: (...args: A) => R) =>
    async (...args: A): Promise<R> =>
      fn(...args);
  // What a caller is told happened must survive a power loss; derived state (processing,
  // reconciliation) is recomputed after one, so it does not wait for the sync.
  const durable =
    <A extends unknown[], R>(fn: (...args: A) => R) =>
    async (...args: A): Promise<R> => {
      const result = fn(...args);
      await sync();
      return result;
    };
  return {
    location: options.path,
    ingest,
    processPending: async (limit, process) => proc.processPending(limit, process),
    pendingCount: async(proc.pendingCount),
    setSuppressed: async(suppression(db)),
    listIncidents: async(inc.listIncidents),
    incidentView: async(inc.incidentView),
    transition: durable(inc.transition),
    reconcile: async(inc.reconcile),
    addTimeline: durable(inc.addTimeline),
    setFindings: durable(inc.setFindings),
    recordAction: durable(inc.recordAction),
    recordVerification: durable(inc.recordVerification),
    alertsOf: async(inc.alertsOf),
    requestApproval: durable(appr.requestApproval),
    listApprovals: async(appr.listApprovals),
    decideApproval: durable(appr.decideApproval),
    record: durable(log.record),
    listAudit: async(log.listAudit),
    purgeBefore: async(maint.purgeBefore),
    incidentCounts: async(maint.incidentCounts),
    stats: async(maint.stats),
    async close() {
      await wal?.close();
      await checkpointer?.stop();
      db.close();
    },
  };
}
