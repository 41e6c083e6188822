import type { MutedChange } from '../repository.ts';
import type { Db } from './database.ts';

interface MutedRow {
  id: number;
  incident_id: string;
  fingerprint: string;
  suppressed_by: string | null;
}

/** Alertmanager's muting (silences, inhibitions) recorded on the alerts of unsettled incidents. */
export function suppression(db: Db) {
  const q = {
    // Alerts muted before, and alerts Alertmanager mutes now, of incidents not settled.
    candidates: db.prepare(
      `SELECT a.id, a.incident_id, a.fingerprint, a.suppressed_by FROM alerts a JOIN incidents i ON i.id = a.incident_id
       WHERE i.status NOT IN ('resolved', 'closed')
         AND (a.suppressed_by IS NOT NULL OR a.fingerprint IN (SELECT value FROM json_each(?)))`,
    ),
    set: db.prepare('UPDATE alerts SET suppressed_by = ? WHERE id = ?'),
    counts: db.prepare(
      `SELECT COUNT(*) FILTER (WHERE status = 'firing' AND suppressed_by IS NOT NULL) AS muted,
              COUNT(*) FILTER (WHERE status = 'firing') AS firing
       FROM alerts WHERE incident_id = ?`,
    ),
    mutedBy: db
      .prepare(
        `SELECT DISTINCT j.value FROM alerts a, json_each(a.suppressed_by) j
         WHERE a.incident_id = ? AND a.status = 'firing' ORDER BY j.value`,
      )
      .pluck(),
    timeline: db.prepare(
      "INSERT INTO timeline (incident_id, at, kind, message, actor) VALUES (?, ?, 'note', ?, 'monitor')",
    ),
  };

  const message = (muted: number, firing: number, by: string[]) => {
    if (muted === 0) return 'no firing alert is muted in Alertmanager any more';
    const what = muted === firing ? `all ${firing} firing alert(s)` : `${muted} of ${firing} firing alerts`;
    return `${what} muted in Alertmanager (${by.join(', ')}): the bot leaves them to the silence`;
  };

  return db.transaction((muted: ReadonlyMap<string, string[]>, at: string): MutedChange[] => {
    const changed = new Set<string>();
    for (const row of q.candidates.all(JSON.stringify([...muted.keys()])) as MutedRow[]) {
      const by = muted.get(row.fingerprint);
      const value = by?.length ? JSON.stringify([...by].sort()) : null;
      if (value === row.suppressed_by) continue;
      q.set.run(value, row.id);
      changed.add(row.incident_id);
    }
    return [...changed].map((incidentId) => {
      const c = q.counts.get(incidentId) as { muted: number; firing: number };
      q.timeline.run(incidentId, at, message(c.muted, c.firing, q.mutedBy.all(incidentId) as string[]));
      return { incidentId, muted: c.muted, firing: c.firing };
    });
  });
}
