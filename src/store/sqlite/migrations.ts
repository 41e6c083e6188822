/**
 * Schema versions in order. A migration is applied once, in its own transaction, and recorded in
 * `schema_migrations`; never edit one that has shipped — add the next.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'incidents, alerts, deliveries, timeline, findings, actions, approvals, verifications, audit log',
    sql: `
      CREATE TABLE deliveries (
        id TEXT PRIMARY KEY,
        received_at TEXT NOT NULL,
        receiver TEXT NOT NULL,
        group_key TEXT NOT NULL,
        alert_count INTEGER NOT NULL,
        -- The last event it brought (null when every alert was a duplicate): retention keeps it until processed.
        last_seq INTEGER,
        raw_body TEXT NOT NULL
      );
      CREATE INDEX deliveries_received_at ON deliveries (received_at);

      CREATE TABLE incidents (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        status TEXT NOT NULL,
        priority TEXT NOT NULL,
        group_key TEXT NOT NULL,
        labels TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        acknowledged_at TEXT,
        resolved_at TEXT,
        alert_count INTEGER NOT NULL DEFAULT 0,
        firing_count INTEGER NOT NULL DEFAULT 0,
        last_alert_at TEXT NOT NULL,
        runbook TEXT
      );
      CREATE INDEX incidents_created_at ON incidents (created_at);
      CREATE INDEX incidents_status ON incidents (status, updated_at);

      -- Correlation keys an incident answers to (node:…, workload:…, group:…): routing looks alerts up here.
      CREATE TABLE incident_keys (
        key TEXT NOT NULL,
        incident_id TEXT NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
        PRIMARY KEY (key, incident_id)
      ) WITHOUT ROWID;
      CREATE INDEX incident_keys_incident ON incident_keys (incident_id);

      -- One row per distinct alert event (idempotency key: fingerprint, starts_at, status — checked by
      -- intake inside its write transaction), appended and never rewritten. Events up to
      -- processing_cursor.last_seq are processed (exactly once: the cursor moves in the transaction
      -- that writes their effects). fp_hash indexes the fingerprint compactly (hash.ts).
      CREATE TABLE alert_events (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        delivery_id TEXT NOT NULL,
        fingerprint TEXT NOT NULL,
        fp_hash INTEGER NOT NULL,
        starts_at TEXT NOT NULL,
        status TEXT NOT NULL,
        incident_id TEXT NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
        alert TEXT NOT NULL,
        received_at TEXT NOT NULL,
        seen_count INTEGER NOT NULL DEFAULT 1,
        last_seen_at TEXT NOT NULL
      );
      CREATE INDEX alert_events_fingerprint ON alert_events (fp_hash);
      CREATE INDEX alert_events_incident ON alert_events (incident_id);

      CREATE TABLE processing_cursor (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        last_seq INTEGER NOT NULL
      );
      INSERT INTO processing_cursor (id, last_seq) VALUES (1, 0);

      -- The latest state of each alert (fingerprint) of an incident; rows in the order alerts joined.
      CREATE TABLE alerts (
        id INTEGER PRIMARY KEY,
        incident_id TEXT NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
        fingerprint TEXT NOT NULL,
        -- hash.ts alertKey(incident_id, fingerprint): one row per pair, which processing keeps so.
        key_hash INTEGER NOT NULL,
        status TEXT NOT NULL,
        labels TEXT NOT NULL,
        annotations TEXT NOT NULL,
        starts_at TEXT NOT NULL,
        ends_at TEXT NOT NULL,
        generator_url TEXT NOT NULL,
        first_received_at TEXT NOT NULL,
        last_received_at TEXT NOT NULL,
        received_count INTEGER NOT NULL,
        flap_count INTEGER NOT NULL,
        event_count INTEGER NOT NULL,
        last_change_at TEXT NOT NULL,
        -- JSON list of the silences and inhibiting alerts muting it in Alertmanager; null when none.
        suppressed_by TEXT
      );
      CREATE INDEX alerts_key ON alerts (key_hash);
      CREATE INDEX alerts_incident ON alerts (incident_id);

      CREATE TABLE timeline (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        incident_id TEXT NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
        at TEXT NOT NULL,
        kind TEXT NOT NULL,
        message TEXT NOT NULL,
        actor TEXT NOT NULL
      );
      CREATE INDEX timeline_incident ON timeline (incident_id, id);

      CREATE TABLE findings (
        incident_id TEXT NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        finding TEXT NOT NULL,
        PRIMARY KEY (incident_id, position)
      ) WITHOUT ROWID;

      CREATE TABLE actions (
        id TEXT PRIMARY KEY,
        incident_id TEXT NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
        at TEXT NOT NULL,
        action TEXT NOT NULL,
        target TEXT NOT NULL,
        params TEXT NOT NULL,
        outcome TEXT NOT NULL,
        detail TEXT NOT NULL,
        inverse TEXT
      );
      CREATE INDEX actions_incident ON actions (incident_id, at);

      CREATE TABLE approvals (
        id TEXT PRIMARY KEY,
        incident_id TEXT NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
        status TEXT NOT NULL,
        summary TEXT NOT NULL,
        risk TEXT NOT NULL,
        requested_at TEXT NOT NULL,
        decided_at TEXT,
        decided_by TEXT,
        reason TEXT
      );
      CREATE INDEX approvals_status ON approvals (status, requested_at);
      CREATE INDEX approvals_incident ON approvals (incident_id);

      CREATE TABLE verifications (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        incident_id TEXT NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
        at TEXT NOT NULL,
        query TEXT NOT NULL,
        expectation TEXT NOT NULL,
        passed INTEGER NOT NULL,
        observed TEXT NOT NULL
      );
      CREATE INDEX verifications_incident ON verifications (incident_id, id);

      CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        outcome TEXT NOT NULL,
        dry_run INTEGER NOT NULL,
        verb TEXT NOT NULL,
        target TEXT NOT NULL,
        mutation TEXT NOT NULL,
        reason TEXT
      );
      CREATE INDEX audit_log_at ON audit_log (at);
    `,
  },
  {
    version: 2,
    name: 'incident links: an incident opened under a key its predecessors only followed',
    sql: `
      -- Keys an incident's alerts follow without opening (the node a pod runs on).
      CREATE TABLE incident_followers (
        key TEXT NOT NULL,
        incident_id TEXT NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
        PRIMARY KEY (key, incident_id)
      ) WITHOUT ROWID;
      CREATE INDEX incident_followers_incident ON incident_followers (incident_id);

      -- incident_id's alerts followed key; cause_id opened under it later: one outage, two incidents.
      CREATE TABLE incident_links (
        incident_id TEXT NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
        cause_id TEXT NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
        key TEXT NOT NULL,
        linked_at TEXT NOT NULL,
        PRIMARY KEY (incident_id, cause_id)
      ) WITHOUT ROWID;
      CREATE INDEX incident_links_cause ON incident_links (cause_id);
    `,
  },
];
