import type { WebhookAlert } from '../../incidents/types.ts';
import type {
  Delivery,
  IncidentLink,
  IngestResult,
  Router,
  RoutingCandidate,
  RoutingState,
} from '../repository.ts';
import type { Db } from './database.ts';
import { alertKey, hash53 } from './hash.ts';

interface CandidateRow {
  id: string;
  status: string;
  last_alert_at: string;
}

interface EventKeyRow {
  seq: number;
  incident_id: string;
  starts_at: string;
  status: string;
}

const candidate = (r: CandidateRow): RoutingCandidate => ({
  incidentId: r.id,
  status: r.status as RoutingCandidate['status'],
  lastAlertAt: r.last_alert_at,
});

const idempotencyKey = (a: WebhookAlert) => `${a.fingerprint}\n${a.startsAt}\n${a.status}`;

/**
 * The webhook's writes — new events (each idempotency key once), routing, opened incidents, the
 * delivery — for one transaction (group-commit.ts runs it). Either all of it is stored or nothing.
 */
export function intake(db: Db) {
  const q = {
    insertDelivery: db.prepare(
      `INSERT INTO deliveries (id, received_at, receiver, group_key, alert_count, last_seq, raw_body)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ),
    cursor: db.prepare('SELECT last_seq FROM processing_cursor WHERE id = 1').pluck(),
    // Every stored event of a fingerprint, newest first: the idempotency check and where it went last.
    eventsOf: db.prepare(
      `SELECT seq, incident_id, starts_at, status FROM alert_events WHERE fp_hash = ? AND fingerprint = ?
       ORDER BY seq DESC`,
    ),
    incident: db.prepare('SELECT id, status, last_alert_at FROM incidents WHERE id = ?'),
    bumpEvent: db.prepare(
      'UPDATE alert_events SET seen_count = seen_count + 1, last_seen_at = ? WHERE seq = ?',
    ),
    bumpAlert: db.prepare(
      `UPDATE alerts SET received_count = received_count + 1, last_received_at = ?
       WHERE key_hash = ? AND incident_id = ? AND fingerprint = ?`,
    ),
    byKey: db.prepare(
      `SELECT i.id, i.status, i.last_alert_at FROM incident_keys k JOIN incidents i ON i.id = k.incident_id
       WHERE k.key = ? AND i.status != 'closed' ORDER BY i.last_alert_at DESC LIMIT 4`,
    ),
    insertIncident: db.prepare(
      `INSERT INTO incidents (id, title, status, priority, group_key, labels, created_at, updated_at, last_alert_at)
       VALUES (?, ?, 'open', ?, ?, ?, ?, ?, ?)`,
    ),
    insertTimeline: db.prepare(
      'INSERT INTO timeline (incident_id, at, kind, message, actor) VALUES (?, ?, ?, ?, ?)',
    ),
    insertKey: db.prepare('INSERT OR IGNORE INTO incident_keys (key, incident_id) VALUES (?, ?)'),
    followersOf: db.prepare(
      `SELECT i.id, i.status, i.last_alert_at FROM incident_followers f JOIN incidents i ON i.id = f.incident_id
       WHERE f.key = ? AND i.status NOT IN ('resolved', 'closed') ORDER BY i.last_alert_at DESC LIMIT 100`,
    ),
    insertFollower: db.prepare('INSERT OR IGNORE INTO incident_followers (key, incident_id) VALUES (?, ?)'),
    insertLink: db.prepare(
      'INSERT OR IGNORE INTO incident_links (incident_id, cause_id, key, linked_at) VALUES (?, ?, ?, ?)',
    ),
    title: db.prepare('SELECT title FROM incidents WHERE id = ?').pluck(),
    insertEvent: db.prepare(
      `INSERT INTO alert_events (delivery_id, fingerprint, fp_hash, starts_at, status, incident_id, alert, received_at,
         last_seen_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    touchIncident: db.prepare('UPDATE incidents SET last_alert_at = ? WHERE id = ? AND last_alert_at < ?'),
  };

  return (delivery: Delivery, router: Router): IngestResult => {
    const at = delivery.receivedAt;
    const processedUpTo = q.cursor.get() as number;
    const history = new Map<string, EventKeyRow[]>();
    const eventsOf = (fingerprint: string) => {
      const known = history.get(fingerprint);
      if (known) return known;
      const rows = q.eventsOf.all(hash53(fingerprint), fingerprint) as EventKeyRow[];
      history.set(fingerprint, rows);
      return rows;
    };

    // Per alert of the delivery: the incident it belongs to; new ones are routed together below.
    const incidentOf: (string | undefined)[] = [];
    const fresh: { alert: WebhookAlert; index: number }[] = [];
    const firstInDelivery = new Map<string, number>();
    let duplicates = 0;
    for (const [index, alert] of delivery.alerts.entries()) {
      const key = idempotencyKey(alert);
      if (firstInDelivery.has(key)) {
        duplicates++;
        continue;
      }
      firstInDelivery.set(key, index);
      const stored = eventsOf(alert.fingerprint).find(
        (e) => e.starts_at === alert.startsAt && e.status === alert.status,
      );
      if (!stored) {
        fresh.push({ alert, index });
        continue;
      }
      duplicates++;
      incidentOf[index] = stored.incident_id;
      // Counted where processing will see it: on the event while it waits, on the alert after.
      if (stored.seq > processedUpTo) q.bumpEvent.run(at, stored.seq);
      else
        q.bumpAlert.run(
          at,
          alertKey(stored.incident_id, alert.fingerprint),
          stored.incident_id,
          alert.fingerprint,
        );
    }

    let lastSeq: number | null = null;
    if (fresh.length) {
      const decision = router.route(
        fresh.map((f) => f.alert),
        loadState(fresh.map((f) => f.alert)),
        at,
      );
      for (const o of decision.opened) {
        q.insertIncident.run(
          o.id,
          o.title,
          o.priority,
          o.groupKey,
          JSON.stringify(o.labels),
          o.createdAt,
          o.createdAt,
          at,
        );
        q.insertTimeline.run(o.id, o.createdAt, 'created', `opened: ${o.title}`, 'monitor');
      }
      const indexed = new Set<string>();
      const touched = new Set<string>();
      fresh.forEach(({ alert, index }, j) => {
        const { incidentId, keys, follows } = decision.assignments[j];
        incidentOf[index] = incidentId;
        touched.add(incidentId);
        for (const [indexKeys, insert] of [
          [keys, q.insertKey],
          [follows, q.insertFollower],
        ] as const)
          for (const key of indexKeys) {
            if (indexed.has(`${key}\n${incidentId}`)) continue;
            indexed.add(`${key}\n${incidentId}`);
            insert.run(key, incidentId);
          }
        const { lastInsertRowid } = q.insertEvent.run(
          delivery.id,
          alert.fingerprint,
          hash53(alert.fingerprint),
          alert.startsAt,
          alert.status,
          incidentId,
          JSON.stringify(alert),
          at,
          at,
        );
        lastSeq = Number(lastInsertRowid);
      });
      for (const id of touched) q.touchIncident.run(at, id, at);
      for (const link of decision.links) recordLink(link);
    }
    q.insertDelivery.run(
      delivery.id,
      at,
      delivery.receiver,
      delivery.groupKey,
      delivery.alerts.length,
      lastSeq,
      delivery.rawBody,
    );
    // A repeat of an alert earlier in the same delivery belongs where that one went.
    const incidents = new Set<string>();
    delivery.alerts.forEach((alert, index) => {
      const id = incidentOf[index] ?? incidentOf[firstInDelivery.get(idempotencyKey(alert))!];
      if (id) incidents.add(id);
    });
    return {
      deliveryId: delivery.id,
      accepted: delivery.alerts.length,
      duplicates,
      incidents: [...incidents],
    };

    /** Both incidents say so in their timelines, once. */
    function recordLink({ incidentId, cause, key }: IncidentLink) {
      if (q.insertLink.run(incidentId, cause, key, at).changes === 0) return;
      const what = key.replace(':', ' ');
      q.insertTimeline.run(
        incidentId,
        at,
        'linked',
        `linked to ${cause} (${q.title.get(cause)}): its alerts are on ${what}, which has an incident of its own, the likely cause`,
        'monitor',
      );
      q.insertTimeline.run(
        cause,
        at,
        'linked',
        `linked to ${incidentId} (${q.title.get(incidentId)}), opened earlier for alerts on this ${what.split(' ')[0]}`,
        'monitor',
      );
    }

    function loadState(alerts: readonly WebhookAlert[]): RoutingState {
      const byFingerprint = new Map<string, RoutingCandidate>();
      const byKey = new Map<string, RoutingCandidate[]>();
      const followersByKey = new Map<string, RoutingCandidate[]>();
      for (const alert of alerts) {
        const last = eventsOf(alert.fingerprint)[0];
        if (last && !byFingerprint.has(alert.fingerprint)) {
          const row = q.incident.get(last.incident_id) as CandidateRow | undefined;
          if (row) byFingerprint.set(alert.fingerprint, candidate(row));
        }
        for (const { key, opens } of router.keysOf(alert)) {
          if (!byKey.has(key)) byKey.set(key, (q.byKey.all(key) as CandidateRow[]).map(candidate));
          if (opens && !followersByKey.has(key))
            followersByKey.set(key, (q.followersOf.all(key) as CandidateRow[]).map(candidate));
        }
      }
      return { byFingerprint, byKey, followersByKey };
    }
  };
}
