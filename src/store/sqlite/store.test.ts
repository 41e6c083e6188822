import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { Bus } from '../../bus/bus.ts';
import { createMonitor } from '../../monitor/monitor.ts';
import { monitorOptions } from '../../monitor/options.ts';
import { processEvents } from '../../monitor/process.ts';
import { createRouter } from '../../monitor/router.ts';
import { alert, at, payload, resolvedOf } from '../../monitor/testkit.ts';
import { openIncidentStore } from '../index.ts';
import { ApprovalAlreadyDecided, type Delivery, StoreNotFound, StoreUnavailable } from '../repository.ts';
import { MIGRATIONS } from './migrations.ts';

const dirs: string[] = [];
after(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
const tempDb = () => {
  const dir = mkdtempSync(join(tmpdir(), 'sre-nanobot-store-'));
  dirs.push(dir);
  return join(dir, 'data', 'incidents.db');
};

let ids = 0;
const options = monitorOptions({ newIncidentId: () => `INC-${++ids}` });
const router = createRouter(options);
const delivery = (alerts: ReturnType<typeof alert>[], receivedAt = at(1)): Delivery => {
  const body = payload(alerts);
  return {
    id: `D-${++ids}`,
    receivedAt,
    receiver: body.receiver,
    groupKey: body.groupKey,
    rawBody: JSON.stringify(body),
    alerts,
  };
};
const processAll = async (store: Awaited<ReturnType<typeof openIncidentStore>>) => {
  while (await store.processPending(100, (events, state) => processEvents(events, state, options)));
};

const crash = alert({
  alertname: 'KubePodCrashLooping',
  namespace: 'prod',
  pod: 'api-5d8c9f7b4d-x2x9q',
  severity: 'critical',
});
const mismatch = alert({
  alertname: 'KubeDeploymentReplicasMismatch',
  namespace: 'prod',
  deployment: 'api',
  severity: 'warning',
});

describe('sqlite incident store', () => {
  it('migrates a new file, records the version and refuses a database from a newer version', async () => {
    const path = tempDb();
    const store = await openIncidentStore({ path });
    await store.close();
    const db = new Database(path);
    assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
    const versions = db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[];
    assert.deepEqual(
      versions.map((v) => v.version),
      MIGRATIONS.map((m) => m.version),
    );
    db.prepare("INSERT INTO schema_migrations VALUES (99, 'future', 'x')").run();
    db.close();
    await assert.rejects(
      openIncidentStore({ path }),
      (err: Error) =>
        err instanceof StoreUnavailable &&
        /schema version 99, newer than this sre-nanobot knows/.test(err.message),
    );
    await assert.rejects(
      openIncidentStore({ path: join(tmpdir(), 'no-such-dir-x', 'i.db'), readonly: true }),
      /no incident database at/,
    );
  });

  it('stores a delivery, routes it, and processes it into one incident with a view', async () => {
    const store = await openIncidentStore({ path: tempDb() });
    const result = await store.ingest(delivery([crash, mismatch]), router);
    assert.equal(result.accepted, 2);
    assert.equal(result.duplicates, 0);
    assert.equal(result.incidents.length, 1, 'one workload, one incident');
    assert.equal(await store.pendingCount(), 2);
    await processAll(store);
    assert.equal(await store.pendingCount(), 0);
    const [incident] = await store.listIncidents();
    assert.equal(incident.id, result.incidents[0]);
    assert.equal(incident.status, 'open');
    assert.equal(incident.priority, 'P1');
    assert.equal(incident.alertCount, 2);
    assert.equal(incident.firingCount, 2);
    assert.deepEqual(incident.labels, { namespace: 'prod' });
    const view = (await store.incidentView(incident.id))!;
    assert.deepEqual(
      view.alerts.map((a) => a.labels.alertname),
      ['KubePodCrashLooping', 'KubeDeploymentReplicasMismatch'],
    );
    assert.deepEqual(
      view.timeline.map((t) => t.kind),
      ['created', 'alert_joined'],
    );
    assert.equal(
      view.timeline[1].message,
      '2 alerts joined: KubePodCrashLooping prod/api-5d8c9f7b4d-x2x9q (firing), KubeDeploymentReplicasMismatch prod/api (firing)',
    );
    assert.equal(await store.incidentView('INC-nope'), null);
    await store.close();
  });

  it('stores an alert once per fingerprint + startsAt + status, and counts the repeats', async () => {
    const store = await openIncidentStore({ path: tempDb() });
    const first = await store.ingest(delivery([crash, crash]), router);
    assert.deepEqual([first.accepted, first.duplicates], [2, 1]);
    const again = await store.ingest(delivery([crash], at(30)), router);
    assert.deepEqual([again.accepted, again.duplicates, again.incidents], [1, 1, first.incidents]);
    await processAll(store);
    const later = await store.ingest(delivery([crash], at(60)), router);
    assert.equal(later.duplicates, 1);
    const view = (await store.incidentView(first.incidents[0]))!;
    assert.equal(view.alerts.length, 1);
    assert.equal(view.alerts[0].receivedCount, 3, 'every delivery that carried it');
    assert.equal(view.alerts[0].lastReceivedAt, at(60));
    const stats = await store.stats();
    assert.equal(stats.alertEvents, 1);
    assert.equal(stats.deliveries, 3);
    await store.close();
  });

  it('resolves the incident when its alerts resolve and reopens it when one fires again', async () => {
    const store = await openIncidentStore({ path: tempDb() });
    const { incidents } = await store.ingest(delivery([crash]), router);
    await store.ingest(delivery([resolvedOf(crash)], at(120)), router);
    await processAll(store);
    let [incident] = await store.listIncidents();
    assert.equal(incident.status, 'resolved');
    assert.equal(incident.resolvedAt, at(120));
    const refire = { ...crash, startsAt: at(200) };
    const again = await store.ingest(delivery([refire], at(200)), router);
    assert.deepEqual(again.incidents, incidents, 'within the window it reopens the same incident');
    await processAll(store);
    [incident] = await store.listIncidents();
    assert.equal(incident.status, 'open');
    assert.equal(incident.resolvedAt, null);
    const view = (await store.incidentView(incident.id))!;
    assert.equal(view.alerts[0].flapCount, 1);
    assert.deepEqual(
      view.timeline.map((t) => t.kind),
      ['created', 'alert_joined', 'alert_resolved', 'status_changed', 'alert_refired', 'status_changed'],
    );
    await store.close();
  });

  it('runs the lifecycle, findings, actions, verifications and approvals through the view', async () => {
    const store = await openIncidentStore({ path: tempDb() });
    const { incidents } = await store.ingest(delivery([crash]), router);
    await processAll(store);
    const id = incidents[0];
    await store.transition(id, 'analyzing', { actor: 'incident-agent' });
    await assert.rejects(
      store.transition(id, 'verifying', { actor: 'x' }),
      /cannot go from analyzing to verifying/,
    );
    await assert.rejects(store.transition('INC-none', 'open', { actor: 'x' }), StoreNotFound);
    await store.setFindings(id, [], 'crash-loop', 'incident-agent');
    await store.recordAction(id, {
      id: 'ACT-1',
      at: at(5),
      action: 'deployments_rollback',
      target: 'deployment prod/api',
      params: { toRevision: 2 },
      outcome: 'succeeded',
      detail: 'rolled back',
      inverse: 'roll back to revision 3',
    });
    await store.recordVerification(id, {
      at: at(6),
      query: 'up',
      expectation: '== 1',
      passed: true,
      observed: '1',
    });
    const approval = await store.requestApproval({
      incidentId: id,
      summary: 'roll back api',
      risk: 'medium',
      requestedAt: at(4),
    });
    assert.equal(approval.status, 'pending');
    assert.deepEqual(
      (await store.listApprovals({ status: ['pending'] })).map((a) => a.id),
      [approval.id],
    );
    const decided = await store.decideApproval(approval.id, {
      approved: true,
      by: 'alice',
      reason: null,
      at: at(5),
    });
    assert.equal(decided.status, 'approved');
    await assert.rejects(
      store.decideApproval(approval.id, { approved: false, by: 'bob', reason: null, at: at(6) }),
      (err: Error) => err instanceof ApprovalAlreadyDecided && /already approved by alice/.test(err.message),
    );
    const view = (await store.incidentView(id))!;
    assert.equal(view.incident.status, 'analyzing');
    assert.ok(view.incident.acknowledgedAt);
    assert.equal(view.runbook, 'crash-loop');
    assert.equal(view.actions[0].params.toRevision, 2);
    assert.equal(view.verifications[0].passed, true);
    assert.equal(view.approvals[0].decidedBy, 'alice');
    assert.deepEqual(
      view.timeline.slice(2).map((t) => t.kind),
      ['status_changed', 'diagnosed', 'approval_requested', 'approval_decided'],
    );
    await store.close();
  });

  it('expires pending approvals when the incident resolves by itself or is resolved by hand', async () => {
    const store = await openIncidentStore({ path: tempDb() });
    const other = alert({
      alertname: 'KubeJobFailed',
      namespace: 'batch',
      job_name: 'nightly',
      severity: 'warning',
    });
    const incidentOf = async (a: ReturnType<typeof alert>) => {
      const before = new Set((await store.listIncidents({})).map((i) => i.id));
      await store.ingest(delivery([a]), router);
      await processAll(store);
      return (await store.listIncidents({})).find((i) => !before.has(i.id))!.id;
    };
    const byHand = await incidentOf(crash);
    const byItself = await incidentOf(other);
    const ask = (incidentId: string) =>
      store.requestApproval({ incidentId, summary: 'restart api', risk: 'low', requestedAt: at(2) });
    const [first, second, decided] = [await ask(byHand), await ask(byItself), await ask(byItself)];
    await store.decideApproval(decided.id, { approved: true, by: 'alice', reason: null, at: at(3) });

    await store.ingest(delivery([resolvedOf(other)], at(60)), router);
    await processAll(store);
    await store.transition(byHand, 'resolved', { actor: 'bob', message: 'fixed by hand' });

    const status = async (id: string) => (await store.listApprovals({})).find((a) => a.id === id)?.status;
    assert.equal(await status(first.id), 'expired');
    assert.equal(await status(second.id), 'expired');
    assert.equal(await status(decided.id), 'approved', 'a decision stays');
    const view = (await store.incidentView(byItself))!;
    assert.equal(view.incident.status, 'resolved');
    assert.match(
      view.timeline.find((t) => t.kind === 'approval_expired')?.message ?? '',
      new RegExp(`^approval ${second.id} expired: the incident was resolved before a decision$`),
    );
    await assert.rejects(
      store.decideApproval(first.id, { approved: true, by: 'carol', reason: null, at: at(70) }),
      (err: Error) =>
        err instanceof ApprovalAlreadyDecided && /already expired by sre-nanobot/.test(err.message),
    );
    await store.close();
  });

  it('links a node incident to the incidents its pods opened before it, once, in both views', async () => {
    const store = await openIncidentStore({ path: tempDb() });
    const podOn = (namespace: string, pod: string, node: string) =>
      alert({ alertname: 'KubePodNotReady', namespace, pod, node, severity: 'warning' });
    const opened = async (alerts: ReturnType<typeof alert>[]) => {
      const before = new Set((await store.listIncidents({})).map((i) => i.id));
      await store.ingest(delivery(alerts), router);
      await processAll(store);
      return (await store.listIncidents({})).filter((i) => !before.has(i.id)).map((i) => i.id);
    };
    const [onNode] = await opened([podOn('prod', 'api-7d4b9c6f8-x2x9q', 'worker-2')]);
    const [elsewhere] = await opened([podOn('staging', 'web-5f6d7c8b9-k2k9p', 'worker-1')]);
    const notReady = alert({ alertname: 'KubeNodeNotReady', node: 'worker-2', severity: 'critical' });
    const [node] = await opened([notReady]);
    assert.ok(node && onNode && elsewhere);
    await store.ingest(delivery([{ ...notReady, startsAt: at(30) }]), router);
    await processAll(store);

    const nodeView = (await store.incidentView(node))!;
    const podView = (await store.incidentView(onNode))!;
    assert.deepEqual(nodeView.related, [
      { id: onNode, title: podView.incident.title, status: 'open', role: 'effect', key: 'node:worker-2' },
    ]);
    assert.deepEqual(podView.related, [
      {
        id: node,
        title: 'KubeNodeNotReady: node worker-2',
        status: 'open',
        role: 'cause',
        key: 'node:worker-2',
      },
    ]);
    assert.deepEqual((await store.incidentView(elsewhere))!.related, []);
    assert.equal(podView.alerts.length, 1, 'each keeps its own alerts');
    const linked = (v: typeof podView) => v.timeline.filter((t) => t.kind === 'linked').map((t) => t.message);
    assert.deepEqual(linked(podView), [
      `linked to ${node} (KubeNodeNotReady: node worker-2): its alerts are on node worker-2, which has an incident of its own, the likely cause`,
    ]);
    assert.deepEqual(linked(nodeView), [
      `linked to ${onNode} (${podView.incident.title}), opened earlier for alerts on this node`,
    ]);

    // A new pod alert on the failing node now joins the node's incident rather than opening one.
    assert.deepEqual(await opened([podOn('staging', 'api-7d4b9c6f8-q8q2z', 'worker-2')]), []);
    assert.equal((await store.incidentView(node))!.alerts.length, 2);
    await store.close();
  });

  it('keeps the audit log and purges settled incidents with everything they own', async () => {
    const store = await openIncidentStore({ path: tempDb() });
    await store.record({
      at: at(0),
      mutation: {
        verb: 'restart',
        target: { context: '', apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'prod', name: 'api' },
        params: {},
        requestedBy: 'test',
      },
      outcome: 'denied',
      dryRun: false,
      reason: 'protected',
    });
    assert.equal((await store.listAudit())[0].reason, 'protected');
    await store.ingest(delivery([crash]), router);
    await store.ingest(delivery([resolvedOf(crash)], at(10)), router);
    await store.ingest(
      delivery([mismatch.labels.alertname ? alert({ alertname: 'Other', namespace: 'dev' }) : crash], at(10)),
      router,
    );
    await processAll(store);
    const purged = await store.purgeBefore(new Date(Date.now() + 60_000).toISOString());
    assert.deepEqual(purged, { incidents: 1, deliveries: 3, auditEntries: 1 });
    const left = await store.listIncidents();
    assert.deepEqual(
      left.map((i) => i.status),
      ['open'],
      'the open incident stays',
    );
    assert.equal((await store.stats()).alertEvents, 1);
    await store.close();
  });

  it('lets the Monitor drain a backlog and publish what changed', async () => {
    const store = await openIncidentStore({ path: tempDb() });
    await store.ingest(delivery([crash, mismatch]), router);
    const bus = new Bus((err) => assert.fail(err));
    const seen: string[] = [];
    bus.subscribe('IncidentOpened', (m) => void seen.push(m.incident.id));
    const monitor = createMonitor({ store, bus, monitor: options });
    await monitor.start();
    await bus.drain();
    assert.equal(seen.length, 1);
    assert.equal(await store.pendingCount(), 0);
    await monitor.stop();
    await store.close();
  });
});
