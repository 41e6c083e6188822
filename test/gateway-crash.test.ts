import assert from 'node:assert/strict';
import { once } from 'node:events';
import { describe, it } from 'node:test';
import Database from 'better-sqlite3';
import type { WebhookAlert } from '../src/incidents/types.ts';
import { alert, at, payload } from '../src/monitor/testkit.ts';
import { cliGateway, readJson } from './helpers/gateway.ts';
import { tempDir } from './helpers/sandbox.ts';

/**
 * Crash safety: a gateway is SIGKILLed right after answering 202s, with its Monitor still working
 * through the backlog and more deliveries in flight. A new gateway on the same data directory
 * must process every alert it accepted exactly once, and the deliveries that got no answer —
 * which Alertmanager retries — must then be stored once, not twice.
 */
const NAMESPACES = 3;
const DELIVERIES = 24;
const PER_DELIVERY = 100;
/** The kill comes when this many deliveries have been answered; the others are in flight. */
const KILL_AFTER = 6;

/** Pods of twelve workloads in three namespaces: grouped by alertname and namespace, three incidents. */
function deliveries(): WebhookAlert[][] {
  return Array.from({ length: DELIVERIES }, (_, d) =>
    Array.from({ length: PER_DELIVERY }, (_, i) => {
      const n = d * PER_DELIVERY + i;
      return alert(
        { alertname: 'KubePodNotReady', namespace: `ns${n % NAMESPACES}`, pod: `app${n % 12}-${n}` },
        { startsAt: at(d) },
      );
    }),
  );
}

const post = (url: string, alerts: WebhookAlert[]) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(payload(alerts)),
  });

interface Check {
  events: number;
  pending: number;
  alerts: number;
  eventCountSum: number;
  miscounted: number;
  incidents: number;
  created: number;
}

function check(database: string): Check {
  const db = new Database(database);
  try {
    const one = (sql: string) => Object.values(db.prepare(sql).get() as Record<string, number>)[0] ?? 0;
    return {
      events: one('SELECT COUNT(*) FROM alert_events'),
      pending: one('SELECT COUNT(*) FROM alert_events WHERE seq > (SELECT last_seq FROM processing_cursor)'),
      alerts: one('SELECT COUNT(*) FROM alerts'),
      eventCountSum: one('SELECT COALESCE(SUM(event_count), 0) FROM alerts'),
      // An alert whose processed count differs from its stored events was processed twice or not at all.
      miscounted: one(`SELECT COUNT(*) FROM alerts a LEFT JOIN (
        SELECT incident_id, fingerprint, COUNT(*) AS n FROM alert_events GROUP BY incident_id, fingerprint
      ) e USING (incident_id, fingerprint) WHERE e.n IS NULL OR a.event_count != e.n`),
      incidents: one('SELECT COUNT(*) FROM incidents'),
      created: one("SELECT COUNT(*) FROM timeline WHERE kind = 'created'"),
    };
  } finally {
    db.close();
  }
}

describe('gateway crash safety', () => {
  it('processes every accepted alert exactly once after a SIGKILL right after the 202s', async (t) => {
    const dir = tempDir('sre-nanobot-crash-');
    const batches = deliveries();
    const first = await cliGateway(['--data-dir', dir]);
    const exited = once(first.child, 'exit');
    let answered = 0;
    let killed = false;
    await Promise.all(
      batches.map(async (alerts) => {
        try {
          const res = await post(first.ready.webhook, alerts);
          assert.equal(res.status, 202);
          if (++answered === KILL_AFTER) killed = first.child.kill('SIGKILL');
        } catch (err) {
          assert.ok(killed, `only the kill may break a request: ${(err as Error).message}`);
        }
      }),
    );
    await exited;
    const atKill = check(first.ready.database);
    t.diagnostic(
      `at the kill: ${answered} deliveries answered 202, ${atKill.events} events stored, ${atKill.pending} not yet processed`,
    );
    assert.ok(atKill.events >= answered * PER_DELIVERY, 'every answered delivery was on disk');

    const second = await cliGateway(['--data-dir', dir]);
    try {
      const afterRestart = check(second.ready.database);
      assert.equal(afterRestart.pending, 0, 'the backlog is processed before the gateway reports ready');
      assert.equal(afterRestart.miscounted, 0);
      assert.equal(afterRestart.eventCountSum, afterRestart.events);
      // Alertmanager retries what got no answer; everything is sent again here, as a retry storm would.
      for (const alerts of batches) {
        const res = await post(second.ready.webhook, alerts);
        assert.equal(res.status, 202);
      }
      const final = await (async () => {
        for (;;) {
          const c = check(second.ready.database);
          if (c.pending === 0) return c;
          await new Promise((r) => setTimeout(r, 20));
        }
      })();
      assert.deepEqual(final, {
        events: DELIVERIES * PER_DELIVERY,
        pending: 0,
        alerts: DELIVERIES * PER_DELIVERY,
        eventCountSum: DELIVERIES * PER_DELIVERY,
        miscounted: 0,
        incidents: NAMESPACES,
        created: NAMESPACES,
      });
      const { incidents } = await readJson(fetch(`${second.ready.url}/api/v1/incidents?limit=1000`));
      assert.equal(incidents.length, NAMESPACES, 'one incident per group, none twice');
      assert.equal(
        incidents.reduce((n: number, i: { alertCount: number }) => n + i.alertCount, 0),
        DELIVERIES * PER_DELIVERY,
      );
    } finally {
      second.child.kill('SIGTERM');
      const [code] = await once(second.child, 'exit');
      assert.equal(code, 0, `clean stop: ${second.stderr()}`);
    }
  });
});
