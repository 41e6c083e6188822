import { INCIDENT_STATUSES, type IncidentStatus } from '../../incidents/types.ts';
import type { Purged, StoreStats } from '../repository.ts';
import type { Db } from './database.ts';

/** Retention and counts. Deleting an incident cascades to its alerts, events, timeline and the rest. */
export function maintenance(db: Db, pendingCount: () => number) {
  const q = {
    purgeIncidents: db.prepare(
      "DELETE FROM incidents WHERE status IN ('resolved', 'closed') AND updated_at < ?",
    ),
    // A delivery goes once it is old and none of its events still waits to be processed.
    purgeDeliveries: db.prepare(
      `DELETE FROM deliveries WHERE received_at < ?
         AND (last_seq IS NULL OR last_seq <= (SELECT last_seq FROM processing_cursor WHERE id = 1))`,
    ),
    purgeAudit: db.prepare('DELETE FROM audit_log WHERE at < ?'),
    byStatus: db.prepare('SELECT status, COUNT(*) AS n FROM incidents GROUP BY status'),
    events: db.prepare('SELECT COUNT(*) FROM alert_events').pluck(),
    deliveries: db.prepare('SELECT COUNT(*) AS n FROM deliveries'),
  };
  const incidentCounts = (): Record<IncidentStatus, number> => {
    const counts = Object.fromEntries(INCIDENT_STATUSES.map((s) => [s, 0])) as Record<IncidentStatus, number>;
    for (const r of q.byStatus.all() as { status: IncidentStatus; n: number }[]) counts[r.status] = r.n;
    return counts;
  };
  return {
    purgeBefore: db.transaction(
      (cutoff: string): Purged => ({
        incidents: q.purgeIncidents.run(cutoff).changes,
        deliveries: q.purgeDeliveries.run(cutoff).changes,
        auditEntries: q.purgeAudit.run(cutoff).changes,
      }),
    ),
    incidentCounts,
    stats(): StoreStats {
      return {
        incidentsByStatus: incidentCounts(),
        alertEvents: q.events.get() as number,
        pendingEvents: pendingCount(),
        deliveries: (q.deliveries.get() as { n: number }).n,
      };
    },
  };
}
