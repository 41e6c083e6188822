import type { Incident } from '../../incidents/types.ts';
import type { AlertState, ProcessingOutcome, Processor } from '../repository.ts';
import { approvalExpiry } from './approvals.ts';
import type { Db } from './database.ts';
import { alertKey } from './hash.ts';
import {
  type AlertRow,
  alertParams,
  type EventRow,
  type IncidentRow,
  toAlertState,
  toEvent,
  toIncident,
} from './rows.ts';

/** The Monitor's batches: pending events in, their effects and the processed marks out, in one transaction. */
export function processing(db: Db) {
  const q = {
    pending: db.prepare(
      `SELECT seq, delivery_id, incident_id, alert, received_at, seen_count, last_seen_at FROM alert_events
       WHERE seq > (SELECT last_seq FROM processing_cursor WHERE id = 1) ORDER BY seq LIMIT ?`,
    ),
    pendingCount: db.prepare(
      'SELECT COUNT(*) AS n FROM alert_events WHERE seq > (SELECT last_seq FROM processing_cursor WHERE id = 1)',
    ),
    alert: db.prepare('SELECT * FROM alerts WHERE key_hash = ? AND incident_id = ? AND fingerprint = ?'),
    incident: db.prepare('SELECT * FROM incidents WHERE id = ?'),
    insertAlert: db.prepare(
      `INSERT INTO alerts (incident_id, fingerprint, key_hash, status, labels, annotations, starts_at, ends_at,
         generator_url, first_received_at, last_received_at, received_count, flap_count, event_count, last_change_at)
       VALUES (@incident_id, @fingerprint, @key_hash, @status, @labels, @annotations, @starts_at, @ends_at, @generator_url,
         @first_received_at, @last_received_at, @received_count, @flap_count, @event_count, @last_change_at)`,
    ),
    // Labels make the fingerprint, so they never change; everything else may.
    updateAlert: db.prepare(
      `UPDATE alerts SET status = @status, annotations = @annotations, starts_at = @starts_at, ends_at = @ends_at,
         generator_url = @generator_url, last_received_at = @last_received_at, received_count = @received_count,
         flap_count = @flap_count, event_count = @event_count, last_change_at = @last_change_at
       WHERE key_hash = @key_hash AND incident_id = @incident_id AND fingerprint = @fingerprint`,
    ),
    updateIncident: db.prepare(
      `UPDATE incidents SET title = @title, status = @status, priority = @priority, labels = @labels,
         updated_at = @updatedAt, acknowledged_at = @acknowledgedAt, resolved_at = @resolvedAt,
         alert_count = @alertCount, firing_count = @firingCount
       WHERE id = @id`,
    ),
    insertTimeline: db.prepare(
      'INSERT INTO timeline (incident_id, at, kind, message, actor) VALUES (?, ?, ?, ?, ?)',
    ),
    markProcessed: db.prepare('UPDATE processing_cursor SET last_seq = ? WHERE id = 1'),
  };

  const expireApprovals = approvalExpiry(db);

  const run = <T extends ProcessingOutcome>(limit: number, process: Processor<T>): T | null => {
    const events = (q.pending.all(limit) as EventRow[]).map(toEvent);
    if (!events.length) return null;
    const alerts = new Map<string, AlertState>();
    const incidents = new Map<string, Incident>();
    for (const e of events) {
      const key = `${e.incidentId}/${e.alert.fingerprint}`;
      if (!alerts.has(key)) {
        const row = q.alert.get(
          alertKey(e.incidentId, e.alert.fingerprint),
          e.incidentId,
          e.alert.fingerprint,
        ) as AlertRow | undefined;
        if (row) alerts.set(key, toAlertState(row));
      }
      if (!incidents.has(e.incidentId))
        incidents.set(e.incidentId, toIncident(q.incident.get(e.incidentId) as IncidentRow));
    }
    const outcome = process(events, { alerts, incidents });
    for (const a of outcome.alerts)
      (alerts.has(`${a.incidentId}/${a.fingerprint}`) ? q.updateAlert : q.insertAlert).run(alertParams(a));
    for (const i of outcome.incidents) {
      q.updateIncident.run({ ...i, labels: JSON.stringify(i.labels) });
      expireApprovals(i, i.updatedAt);
    }
    for (const { incidentId, entry } of outcome.timeline)
      q.insertTimeline.run(incidentId, entry.at, entry.kind, entry.message, entry.actor);
    q.markProcessed.run(events.at(-1)!.seq);
    return outcome;
  };
  const transaction = db.transaction(run);
  return {
    processPending: <T extends ProcessingOutcome>(limit: number, process: Processor<T>): T | null =>
      transaction.immediate(limit, process) as T | null,
    pendingCount: (): number => (q.pendingCount.get() as { n: number }).n,
  };
}
