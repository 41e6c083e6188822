import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { alert, payload, resolvedOf } from '../src/monitor/testkit.ts';
import { openIncidentStore } from '../src/store/index.ts';
import { inProcessGateway, readJson } from './helpers/gateway.ts';
import { until } from './helpers/poll.ts';

type Gateway = Awaited<ReturnType<typeof inProcessGateway>>;

/** Row counts of what intake writes: a rejected request must leave them all unchanged. */
const counts = (database: string) => {
  const db = new Database(database, { readonly: true });
  try {
    const n = (table: string) => (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
    return {
      deliveries: n('deliveries'),
      events: n('alert_events'),
      incidents: n('incidents'),
      keys: n('incident_keys'),
    };
  } finally {
    db.close();
  }
};

const crash = alert({
  alertname: 'KubePodCrashLooping',
  namespace: 'prod',
  pod: 'api-7d4b9c6f8-x2x9q',
  severity: 'critical',
});
const mismatch = alert({ alertname: 'KubeDeploymentReplicasMismatch', namespace: 'prod', deployment: 'api' });
const disk = alert({ alertname: 'NodeFilesystemAlmostFull', node: 'worker-1', severity: 'warning' });

describe('gateway webhook and REST API (no auth)', () => {
  let g: Gateway;
  before(async () => {
    g = await inProcessGateway();
  });
  after(() => g.close());

  it('answers 202 with the count and the incidents, after storing durably', async () => {
    const res = await g.post(payload([crash, mismatch, disk]));
    assert.equal(res.status, 202);
    const body = await readJson(res);
    assert.equal(body.accepted, 3);
    assert.equal(body.duplicates, 0);
    assert.equal(body.incidents.length, 2, 'the api workload and the node');
    assert.deepEqual(counts(g.database), {
      deliveries: 1,
      events: 3,
      incidents: 2,
      keys: counts(g.database).keys,
    });
  });

  it('stores the same alert (fingerprint + startsAt + status) once, however often it comes', async () => {
    const before = counts(g.database);
    const first = await readJson(g.post(payload([crash])));
    const again = await readJson(g.post(payload([crash, crash])));
    assert.deepEqual([first.accepted, first.duplicates], [1, 1]);
    assert.deepEqual([again.accepted, again.duplicates], [2, 2]);
    assert.deepEqual(again.incidents, first.incidents);
    const after = counts(g.database);
    assert.equal(after.events, before.events, 'no new event');
    assert.equal(after.deliveries, before.deliveries + 2, 'deliveries are kept for audit');
    // A resolve is a new event of the same alert.
    const resolved = await readJson(g.post(payload([resolvedOf(crash)])));
    assert.deepEqual([resolved.duplicates, resolved.incidents], [0, first.incidents]);
  });

  it('rejects bad bodies with a 400 that says why, writing nothing', async () => {
    const before = counts(g.database);
    const cases: [string | object, RegExp][] = [
      ['{"alerts": [', /^body is not JSON: /],
      ['[]', /^body: expected a JSON object/],
      [{ ...payload([crash]), version: '3' }, /^version: expected "4"/],
      [{ ...payload([crash]), alerts: [] }, /^alerts: expected at least one alert$/],
      [
        payload([crash, { ...mismatch, startsAt: 'soon' }]),
        /^alerts\[1\]\.startsAt: expected an RFC 3339 time$/,
      ],
      [payload([{ ...crash, fingerprint: undefined } as never]), /^alerts\[0\]\.fingerprint: required$/],
      [
        payload([{ ...crash, labels: { alertname: 42 } } as never]),
        /alerts\[0\]\.labels\.alertname: expected string/,
      ],
    ];
    for (const [body, reason] of cases) {
      const res = await g.post(body);
      assert.equal(res.status, 400, JSON.stringify(body).slice(0, 80));
      assert.match((await readJson(res)).error, reason);
    }
    assert.deepEqual(counts(g.database), before);
  });

  it('refuses a body over the limit with 413', async () => {
    const huge = payload([{ ...crash, annotations: { description: 'x'.repeat(2 * 1024 * 1024) } }]);
    const res = await g.post(huge);
    assert.equal(res.status, 413);
    assert.match((await readJson(res)).error, /^body larger than 1048576 bytes; raise gateway\.maxBodyBytes/);
  });

  it('lists incidents with filters, shows one with its alerts and timeline, and renders reports', async () => {
    await g.idle();
    const list = await readJson(fetch(`${g.url}/api/v1/incidents`));
    assert.equal(list.incidents.length, 2);
    const api = list.incidents.find((i: { title: string }) => i.title.includes('prod/api'));
    assert.equal(api.priority, 'P1');
    const open = await readJson(fetch(`${g.url}/api/v1/incidents?status=open&priority=P3,P4`));
    assert.deepEqual(
      open.incidents.map((i: { title: string }) => i.title),
      ['NodeFilesystemAlmostFull: node worker-1'],
    );
    const bad = await fetch(`${g.url}/api/v1/incidents?status=burning`);
    assert.equal(bad.status, 400);
    assert.match((await readJson(bad)).error, /^status: unknown value 'burning'; use one of open, analyzing/);
    assert.equal((await fetch(`${g.url}/api/v1/incidents?limit=0`)).status, 400);

    const view = await readJson(fetch(`${g.url}/api/v1/incidents/${api.id}`));
    assert.deepEqual(Object.keys(view).sort(), [
      'actions',
      'alerts',
      'approvals',
      'findings',
      'incident',
      'related',
      'runbook',
      'timeline',
      'verifications',
    ]);
    assert.equal(view.alerts.length, 2);
    assert.equal(
      view.alerts.find((a: { labels: { alertname: string } }) => a.labels.alertname === 'KubePodCrashLooping')
        .status,
      'resolved',
    );
    assert.ok(view.timeline.some((t: { kind: string }) => t.kind === 'alert_resolved'));
    const missing = await fetch(`${g.url}/api/v1/incidents/INC-nope`);
    assert.equal(missing.status, 404);
    assert.match(
      (await readJson(missing)).error,
      /^no incident INC-nope; list them with GET \/api\/v1\/incidents$/,
    );

    const md = await fetch(`${g.url}/api/v1/incidents/${api.id}/report`);
    assert.equal(md.status, 200);
    assert.match(md.headers.get('content-type')!, /markdown/);
    assert.match(await md.text(), new RegExp(api.id));
    const html = await fetch(`${g.url}/api/v1/incidents/${api.id}/report?format=html`);
    assert.match(html.headers.get('content-type')!, /text\/html/);
    const json = await fetch(`${g.url}/api/v1/incidents/${api.id}/report?format=json`);
    assert.match(json.headers.get('content-type')!, /json/);
    JSON.parse(await json.text());
    const pdf = await fetch(`${g.url}/api/v1/incidents/${api.id}/report?format=pdf`);
    assert.equal(pdf.status, 400);
    assert.match(
      (await readJson(pdf)).error,
      /^format: unknown report format 'pdf'; use one of md, html, json$/,
    );
  });

  it('lists approvals and records one decision each', async () => {
    const [incident] = (await readJson(fetch(`${g.url}/api/v1/incidents?status=open`))).incidents;
    // The AutoFix agent asks for approvals; here a second connection to the same database stands in for it.
    const side = await openIncidentStore({ path: g.database, durability: 'normal' });
    const approval = await side.requestApproval({
      incidentId: incident.id,
      summary: 'cordon worker-1',
      risk: 'low',
      requestedAt: new Date().toISOString(),
    });
    await side.close();
    const pending = await readJson(fetch(`${g.url}/api/v1/approvals?status=pending`));
    assert.deepEqual(
      pending.approvals.map((a: { id: string }) => a.id),
      [approval.id],
    );
    const approve = (id: string, verb: string, body?: object) =>
      fetch(`${g.url}/api/v1/approvals/${id}/${verb}`, {
        method: 'POST',
        body: body ? JSON.stringify(body) : undefined,
      });
    const ok = await approve(approval.id, 'approve', { by: 'alice', reason: 'looks right' });
    assert.equal(ok.status, 200);
    assert.deepEqual(
      (({ status, decidedBy, reason }) => ({ status, decidedBy, reason }))(await readJson(ok)),
      {
        status: 'approved',
        decidedBy: 'alice',
        reason: 'looks right',
      },
    );
    const twice = await approve(approval.id, 'reject');
    assert.equal(twice.status, 409);
    assert.match((await readJson(twice)).error, /already approved by alice/);
    assert.equal((await approve('APR-NOPE', 'approve')).status, 404);
    const badBody = await approve(approval.id, 'reject', { by: 7 });
    assert.equal(badBody.status, 400);
    assert.match((await readJson(badBody)).error, /^by: /);
  });

  it('serves health, readiness, metrics and a JSON 404', async () => {
    assert.deepEqual(await readJson(fetch(`${g.url}/healthz`)), { status: 'ok' });
    assert.deepEqual(await readJson(fetch(`${g.url}/readyz`)), { status: 'ready' });
    const metrics = await (await fetch(`${g.url}/metrics`)).text();
    assert.match(metrics, /^sre_nanobot_alerts_received_total 7$/m);
    assert.match(metrics, /^sre_nanobot_alerts_deduplicated_total 3$/m);
    assert.match(metrics, /^sre_nanobot_webhook_requests_total\{code="400"\} 7$/m);
    assert.match(metrics, /^sre_nanobot_incidents\{status="open"\} 2$/m);
    assert.match(metrics, /^sre_nanobot_webhook_duration_seconds_count \d+$/m);
    assert.match(metrics, /^sre_nanobot_alert_processing_latency_seconds_bucket\{le="\+Inf"\} 4$/m);
    const nope = await fetch(`${g.url}/api/v2/alerts`);
    assert.equal(nope.status, 404);
    assert.match(
      (await readJson(nope)).error,
      /^no route GET \/api\/v2\/alerts; the gateway serves POST \/api\/v1\/alerts\/alertmanager/,
    );
  });
});

describe('gateway auth', () => {
  it('requires the bearer token on the webhook, the REST API and MCP, not on probes', async () => {
    const g = await inProcessGateway({ gateway: { auth: { type: 'bearer', token: 't0ken' } } });
    try {
      const none = await g.post(payload([crash]));
      assert.equal(none.status, 401);
      assert.equal(none.headers.get('www-authenticate'), 'Bearer realm="sre-nanobot"');
      assert.match(
        (await readJson(none)).error,
        /^missing or wrong credentials; send "Authorization: Bearer <token>"/,
      );
      assert.equal((await g.post(payload([crash]), { authorization: 'Bearer t0ke' })).status, 401);
      assert.equal(counts(g.database).events, 0, 'nothing stored without auth');
      assert.equal((await g.post(payload([crash]), { authorization: 'Bearer t0ken' })).status, 202);
      assert.equal((await fetch(`${g.url}/api/v1/incidents`)).status, 401);
      assert.equal(
        (await fetch(`${g.url}/api/v1/incidents`, { headers: { authorization: 'Bearer t0ken' } })).status,
        200,
      );
      assert.equal((await fetch(`${g.url}/mcp/k8s`, { method: 'POST', body: '{}' })).status, 401);
      assert.equal((await fetch(`${g.url}/healthz`)).status, 200);
      assert.equal((await fetch(`${g.url}/metrics`)).status, 200);
    } finally {
      await g.close();
    }
  });

  it('takes basic auth and records the user as the approver', async () => {
    const g = await inProcessGateway({
      gateway: { auth: { type: 'basic', username: 'oncall', password: 'p:w' } },
    });
    const basic = (u: string, p: string) => ({
      authorization: `Basic ${Buffer.from(`${u}:${p}`).toString('base64')}`,
    });
    try {
      assert.equal((await g.post(payload([crash]), basic('oncall', 'p:x'))).status, 401);
      const res = await g.post(payload([crash]), basic('oncall', 'p:w'));
      assert.equal(res.status, 202);
      const [incidentId] = (await readJson(res)).incidents;
      const side = await openIncidentStore({ path: g.database, durability: 'normal' });
      const approval = await side.requestApproval({
        incidentId,
        summary: 'roll back',
        risk: 'medium',
        requestedAt: new Date().toISOString(),
      });
      await side.close();
      const decided = await fetch(`${g.url}/api/v1/approvals/${approval.id}/reject`, {
        method: 'POST',
        headers: basic('oncall', 'p:w'),
      });
      assert.equal((await readJson(decided)).decidedBy, 'oncall');
    } finally {
      await g.close();
    }
  });
});

describe('gateway processing after the 202', () => {
  it('turns a resolve into a resolved incident and counts it in /metrics', async () => {
    const g = await inProcessGateway();
    try {
      const { incidents } = await readJson(g.post(payload([disk])));
      await g.post(payload([resolvedOf(disk)]));
      const incident = await until('the incident to resolve', async () => {
        const view = await readJson(fetch(`${g.url}/api/v1/incidents/${incidents[0]}`));
        return view.incident.status === 'resolved' && view.incident;
      });
      assert.ok(incident.resolvedAt);
      assert.match(
        await (await fetch(`${g.url}/metrics`)).text(),
        /^sre_nanobot_incidents\{status="resolved"\} 1$/m,
      );
    } finally {
      await g.close();
    }
  });
});
