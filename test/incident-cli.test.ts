// `sre-nanobot incident` as users and scripts run it, over a database written the way the gateway
// writes it: webhook deliveries through the store's intake with the Monitor's router, processed by the
// Monitor, then the incident agent's diagnosis, approval, action, verification and resolution.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, test } from 'node:test';
import type { Finding } from '../src/diagnosis/types.ts';
import type { WebhookAlert } from '../src/incidents/types.ts';
import { monitorOptions } from '../src/monitor/options.ts';
import { processEvents } from '../src/monitor/process.ts';
import { createRouter } from '../src/monitor/router.ts';
import { databasePath, type IncidentStore, openIncidentStore } from '../src/store/index.ts';
import { CLI, tempDir } from './helpers/sandbox.ts';

const dataDir = tempDir('sre-nanobot-incidents-');
const HOSTILE = '<script>alert(document.cookie)</script>';
const ids = { resolved: '', open: '' };

/** Runs the CLI with a home of its own, so no config file or data directory of the machine is read. */
function run(args: string[], env: NodeJS.ProcessEnv = {}) {
  const home = tempDir('sre-nanobot-home-');
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !k.startsWith('SRE_NANOBOT_')),
  );
  return spawnSync(process.execPath, [CLI, 'incident', ...args], {
    encoding: 'utf8',
    env: { ...clean, HOME: home, ...env },
  });
}
const withData = (...args: string[]) => run([...args, '--data-dir', dataDir]);

const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

function alert(name: string, labels: Record<string, string>, over: Partial<WebhookAlert> = {}): WebhookAlert {
  return {
    status: 'firing',
    labels: { alertname: name, ...labels },
    annotations: {},
    startsAt: ago(6),
    endsAt: '0001-01-01T00:00:00Z',
    generatorURL: 'http://prometheus.local/graph',
    fingerprint: `${name}-${labels.pod ?? labels.namespace}`,
    ...over,
  };
}

let deliveries = 0;
async function deliver(store: IncidentStore, alerts: WebhookAlert[], receivedAt: string) {
  const options = monitorOptions();
  const body = { version: '4', receiver: 'sre-nanobot', status: alerts[0].status, alerts };
  const result = await store.ingest(
    {
      id: `delivery-${++deliveries}`,
      receivedAt,
      receiver: 'sre-nanobot',
      groupKey: '{}:{alertname="x"}',
      rawBody: JSON.stringify(body),
      alerts,
    },
    createRouter(options),
  );
  while (await store.processPending(100, (events, state) => processEvents(events, state, options)));
  return result.incidents;
}

const crash = alert(
  'KubePodCrashLooping',
  { severity: 'critical', namespace: 'production', pod: 'api-service-5d8c9f7b6-x2x7k', container: 'api' },
  { annotations: { summary: `api-service restarts ${HOSTILE}` } },
);
const latency = alert(
  'HighLatency',
  { severity: 'warning', namespace: 'staging', service: 'web-frontend' },
  { startsAt: ago(2) },
);

const finding: Finding = {
  pattern: 'bad_release',
  severity: 'critical',
  resource: { kind: 'Deployment', namespace: 'production', name: 'api-service' },
  workload: { kind: 'Deployment', namespace: 'production', name: 'api-service' },
  summary: 'revision 7 of api-service crashes on start',
  rootCause:
    'Revision 7 ships image api:2.4.0, which exits with "missing DATABASE_URL"; revision 6 ran fine.',
  evidence: ['pod production/api-service-5d8c9f7b6-x2x7k: CrashLoopBackOff, 6 restarts'],
  whys: [
    'Why is api-service down? Its pods crash on start.',
    'Why do they crash? api:2.4.0 requires DATABASE_URL.',
    'Why is it missing? The release did not add it to the Deployment.',
    'Why was that not caught? Staging sets it globally.',
    'Why does staging differ? Its config is not generated from the same source.',
  ],
  runbook: 'rollback_bad_release',
  confidence: 0.92,
};

before(async () => {
  const store = await openIncidentStore({ path: databasePath(dataDir) });
  try {
    [ids.resolved] = await deliver(store, [crash], ago(5));
    await store.transition(ids.resolved, 'analyzing', { actor: 'incident-agent' });
    await store.setFindings(ids.resolved, [finding], 'rollback_bad_release', 'incident-agent');
    await store.transition(ids.resolved, 'awaiting_approval', { actor: 'autofix' });
    const approval = await store.requestApproval({
      incidentId: ids.resolved,
      summary: 'Roll back Deployment production/api-service to revision 6',
      risk: 'medium',
      requestedAt: ago(4),
    });
    await store.decideApproval(approval.id, { approved: true, by: 'alice', reason: 'ok', at: ago(3.5) });
    await store.transition(ids.resolved, 'remediating', { actor: 'autofix' });
    await store.recordAction(ids.resolved, {
      id: 'ACT-1',
      at: ago(3),
      action: 'deployments_rollback',
      target: 'Deployment production/api-service',
      params: { namespace: 'production', name: 'api-service', toRevision: 6 },
      outcome: 'succeeded',
      detail: 'rolled back to revision 6; 3/3 ready',
      inverse: 'deployments_rollback production/api-service toRevision=7',
    });
    await store.transition(ids.resolved, 'verifying', { actor: 'autofix' });
    await store.recordVerification(ids.resolved, {
      at: ago(2),
      query: 'sum(kube_pod_container_status_restarts_total{namespace="production"})',
      expectation: 'no restarts for 5m',
      passed: true,
      observed: '0 restarts',
    });
    await store.transition(ids.resolved, 'resolved', { actor: 'autofix', message: 'verified' });
    // Within the grouping window, so the resolution joins the incident instead of opening another.
    assert.deepEqual(await deliver(store, [{ ...crash, status: 'resolved', endsAt: ago(1) }], ago(1)), [
      ids.resolved,
    ]);
    [ids.open] = await deliver(store, [latency], ago(0.5));
  } finally {
    store.close();
  }
  assert.ok(ids.resolved && ids.open && ids.resolved !== ids.open, 'two incidents');
});

test('list: a table of incidents, newest first; --json, --status and --limit', () => {
  const r = withData('list');
  assert.equal(r.status, 0, r.stderr);
  const lines = r.stdout.trim().split('\n');
  assert.match(lines[0], /^ID +STATUS +PRIORITY +TITLE +ALERTS +AGE$/);
  assert.equal(lines.length, 3);
  assert.ok(lines[1].startsWith(`${ids.open} `) && /\bopen\b/.test(lines[1]));
  assert.ok(lines[2].startsWith(`${ids.resolved} `) && /\bresolved\b.*1 \(0 firing\)/.test(lines[2]));

  const json = JSON.parse(withData('list', '--json').stdout);
  assert.deepEqual(
    json.incidents.map((i: { id: string }) => i.id),
    [ids.open, ids.resolved],
  );
  assert.equal(json.incidents[1].status, 'resolved');
  assert.ok(json.incidents[1].acknowledgedAt && json.incidents[1].resolvedAt);

  const resolved = JSON.parse(withData('list', '--json', '--status', 'resolved').stdout);
  assert.deepEqual(
    resolved.incidents.map((i: { id: string }) => i.id),
    [ids.resolved],
  );
  assert.equal(
    JSON.parse(withData('list', '--json', '--status', 'open,resolved', '--limit', '1').stdout).incidents
      .length,
    1,
  );
  const none = withData('list', '--status', 'closed');
  assert.equal(none.status, 0);
  assert.match(none.stdout, /^No incidents in status closed in .*incidents\.db\.\n$/);
});

test('show: a short human summary, or the IncidentView as JSON', () => {
  const r = withData('show', ids.resolved);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /^Status: {5}resolved · P1 · critical$/m);
  assert.match(r.stdout, /^MTTA\/MTTR: {2}\d+[a-z]+( \d+[a-z]+)? \/ \d+[a-z]+( \d+[a-z]+)?$/m);
  assert.match(
    r.stdout,
    /^Root cause: bad_release on Deployment production\/api-service: Revision 7 ships image/m,
  );
  assert.match(r.stdout, /^ {12}5\. Why does staging differ\?/m);
  assert.match(
    r.stdout,
    /^Actions: .* deployments_rollback Deployment production\/api-service: succeeded; undo: /m,
  );

  const view = JSON.parse(withData('show', ids.resolved, '--json').stdout);
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
  assert.equal(view.incident.id, ids.resolved);
  assert.equal(view.findings[0].pattern, 'bad_release');
  assert.equal(view.alerts[0].annotations.summary, `api-service restarts ${HOSTILE}`);
  assert.equal(view.approvals[0].decidedBy, 'alice');

  const fresh = withData('show', ids.open);
  assert.match(fresh.stdout, /^Root cause: No diagnosis yet\.$/m);
});

test('report: Markdown by default, HTML with every alert string escaped, JSON with the summary', () => {
  const md = withData('report', ids.resolved);
  assert.equal(md.status, 0, md.stderr);
  for (const h of [
    'Summary',
    'Impact',
    'Root cause',
    'Timeline',
    'Alerts',
    'Actions',
    'Verification',
    'Approvals',
    'Metrics',
  ])
    assert.ok(md.stdout.includes(`\n## ${h}\n`), `markdown has ${h}`);
  assert.match(md.stdout, new RegExp(`^# ${ids.resolved}: .* — resolved · P1\\n`));
  assert.match(md.stdout, /\n1\. Why is api-service down\? Its pods crash on start\.\n2\. /);
  assert.match(
    md.stdout,
    /\| `deployments_rollback` .* \| Deployment production\/api-service \| succeeded \|/,
  );
  assert.ok(md.stdout.includes('\\<script\\>'), 'markup in an annotation is escaped in Markdown');

  const html = withData('report', ids.resolved, '--format', 'html');
  assert.equal(html.status, 0, html.stderr);
  assert.match(html.stdout, /^<!doctype html>/);
  assert.ok(!html.stdout.includes('<script'), 'no script element from the annotation');
  assert.ok(html.stdout.includes('api-service restarts &lt;script&gt;alert(document.cookie)&lt;/script&gt;'));

  const json = JSON.parse(withData('report', ids.resolved, '--format', 'json').stdout);
  assert.equal(json.format, 'sre-nanobot.incident-report/v1');
  assert.equal(json.incident.id, ids.resolved);
  assert.equal(typeof json.summary.mtta.ms, 'number');
  assert.equal(typeof json.summary.mttr.ms, 'number');
  assert.ok(json.summary.mttr.ms >= json.summary.mtta.ms);
  assert.deepEqual(json.summary.impact.workloads, ['Deployment production/api-service']);
  assert.equal(json.summary.verification, 'passed');

  const open = withData('report', ids.open);
  assert.match(open.stdout, /## Root cause\n\n\*No diagnosis yet\.\*\n/);
  assert.match(open.stdout, /\*No actions taken\.\*/);
});

test('report --output writes a file, its format following the extension', () => {
  const out = join(tempDir(), 'postmortem.html');
  const r = withData('report', ids.resolved, '--output', out);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout, `Wrote the html report of ${ids.resolved} to ${out}\n`);
  assert.match(readFileSync(out, 'utf8'), /^<!doctype html>/);
  const md = join(tempDir(), 'report.txt');
  assert.equal(withData('report', ids.resolved, '--output', md, '--format', 'md').status, 0);
  assert.match(readFileSync(md, 'utf8'), /^# /);
});

test('the data directory comes from SRE_NANOBOT_DATA_DIR when --data-dir is not given', () => {
  const r = run(['list', '--json'], { SRE_NANOBOT_DATA_DIR: dataDir });
  assert.equal(r.status, 0, r.stderr);
  assert.equal(JSON.parse(r.stdout).incidents.length, 2);
});

test('errors: unknown id and bad usage exit 2, a missing database exits 1 saying where it looked', () => {
  const unknown = withData('show', 'INC-NOPE');
  assert.equal(unknown.status, 2);
  assert.equal(
    unknown.stderr,
    "sre-nanobot incident: no incident 'INC-NOPE'; list them with sre-nanobot incident list\n",
  );
  assert.equal(withData('report', 'INC-NOPE').status, 2);

  const empty = tempDir();
  const missing = run(['list', '--data-dir', empty]);
  assert.equal(missing.status, 1);
  assert.ok(missing.stderr.includes(join(empty, 'incidents.db')), missing.stderr);
  assert.match(missing.stderr, /gateway creates it/);
  assert.ok(!existsSync(join(empty, 'incidents.db')), 'reading never creates the database');

  const home = tempDir();
  mkdirSync(join(home, '.sre-nanobot'));
  const byDefault = run(['list'], { HOME: home });
  assert.equal(byDefault.status, 1);
  assert.ok(byDefault.stderr.includes(join(home, '.sre-nanobot', 'incidents.db')), byDefault.stderr);

  for (const [args, pattern] of [
    [['list', '--status', 'bogus'], /unknown status 'bogus'; use one of open, analyzing/],
    [['list', '--limit', '0'], /--limit must be a whole number/],
    [['report', ids.resolved, '--format', 'pdf'], /unknown --format 'pdf'; use one of md, html, json/],
    [['show'], /say which incident/],
    [['show', 'a', 'b'], /unexpected argument 'b'/],
    [['frobnicate'], /unknown subcommand 'frobnicate'/],
    [['show', ids.resolved, '--format', 'md'], /'incident show' takes no --format/],
    [['list', '--bogus'], /Unknown option '--bogus'/],
  ] as [string[], RegExp][]) {
    const r = withData(...args);
    assert.equal(r.status, 2, `${args.join(' ')}: ${r.stderr}`);
    assert.match(r.stderr, pattern);
    assert.equal(r.stderr.trim().split('\n').length, 1, 'one line');
  }
  const help = run(['--help']);
  assert.equal(help.status, 0);
  assert.match(help.stdout, /^Usage: sre-nanobot incident list/);
});
