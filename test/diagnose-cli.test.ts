// `sre-nanobot diagnose` as users and scripts run it: the §4 JSON, the readable report, exit codes,
// snapshot files offline and a live sandbox with a fault injected over its control API.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { until } from './helpers/poll.ts';
import { runProcess } from './helpers/run.ts';
import { CLI, cliSandbox, REPO, tempDir } from './helpers/sandbox.ts';

const run = (args: string[], env: NodeJS.ProcessEnv = process.env) =>
  spawnSync(process.execPath, [CLI, 'diagnose', ...args], { encoding: 'utf8', env });

/** Runs the CLI without blocking the event loop (a sandbox in this process must keep answering). */
const runAsync = (args: string[]) => runProcess(process.execPath, [CLI, 'diagnose', ...args]);

const scenario = (name: string) => join(REPO, 'scenarios', name, 'cluster.yaml');
const FINDING_KEYS = [
  'pattern',
  'severity',
  'resource',
  'workload',
  'summary',
  'rootCause',
  'evidence',
  'whys',
  'runbook',
  'confidence',
];

test('--json prints the contract shape, root cause first', () => {
  const r = run(['--snapshot', scenario('chain-volume-full-postgres-api'), '--json']);
  assert.equal(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  assert.ok(Array.isArray(out.findings) && out.findings.length > 1);
  for (const f of out.findings) {
    for (const k of FINDING_KEYS) assert.ok(k in f, `finding lacks ${k}`);
    assert.match(f.severity, /^(critical|warning|info)$/);
    assert.ok(f.confidence >= 0 && f.confidence <= 1);
    assert.equal(typeof f.resource.kind, 'string');
  }
  assert.equal(out.findings[0].pattern, 'volume_full');
  assert.deepEqual(out.findings[0].resource, {
    kind: 'PersistentVolumeClaim',
    namespace: 'shop',
    name: 'data-postgres-0',
  });
  assert.deepEqual(out.findings[0].workload, { kind: 'StatefulSet', namespace: 'shop', name: 'postgres' });
  assert.equal(out.findings[0].causedBy, undefined);
  assert.ok(
    out.findings.slice(1).every((f: { causedBy?: unknown }) => f.causedBy),
    'symptoms carry causedBy',
  );
  assert.ok(out.impact.workloads.some((w: { name: string }) => w.name === 'api'));
});

test('a healthy scope prints no findings', () => {
  const r = run(['--snapshot', scenario('healthy-distractors'), '--json']);
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout).findings, []);
  const text = run(['--snapshot', scenario('healthy-shop')]);
  assert.match(text.stdout, /^No problems found in 1 snapshot file\(s\) \(\d+ pods on 3 nodes checked\)\./);
});

test('the readable report has no colour off a TTY and puts the root cause first', () => {
  const r = run(['--snapshot', scenario('missing-secret-rollout-stuck')]);
  assert.equal(r.status, 0, r.stderr);
  assert.ok(!r.stdout.includes('\u001b['), 'no ANSI escapes');
  const lines = r.stdout.split('\n');
  assert.match(lines[0], /^WARNING\s+missing_config\s+Pod shop\/api-/);
  assert.match(r.stdout, /Root cause: Secret "payment-gateway" does not exist/);
  assert.match(r.stdout, /↳ explains rollout_stuck Deployment shop\/api/);
});

test('-n narrows the scope to a namespace', () => {
  const r = run(['--snapshot', scenario('rbac-forbidden'), '-n', 'shop', '--json']);
  assert.deepEqual(JSON.parse(r.stdout).findings, []);
  const ops = JSON.parse(run(['--snapshot', scenario('rbac-forbidden'), '-n', 'ops', '--json']).stdout);
  assert.equal(ops.findings[0].pattern, 'rbac_forbidden');
});

test('--alert puts the finding that explains the alert first', () => {
  const dir = tempDir();
  const alert = join(dir, 'alert.json');
  writeFileSync(
    alert,
    JSON.stringify({
      receiver: 'webhook',
      status: 'firing',
      version: '4',
      alerts: [
        {
          status: 'firing',
          labels: { alertname: 'KubeJobFailed', namespace: 'shop', job_name: 'sitemap-builder-29163480' },
        },
      ],
    }),
  );
  const plain = JSON.parse(run(['--snapshot', scenario('multi-fault'), '--json']).stdout);
  assert.equal(plain.findings[0].pattern, 'node_not_ready');
  const focused = JSON.parse(run(['--snapshot', scenario('multi-fault'), '--alert', alert, '--json']).stdout);
  assert.equal(focused.findings[0].pattern, 'job_failed');
  assert.equal(focused.findings[0].resource.name, 'sitemap-builder-29163480');
});

test('bad usage and bad files exit 2 with one line', () => {
  const dir = tempDir();
  const notAlert = join(dir, 'x.json');
  writeFileSync(notAlert, '{"hello": "world"}');
  for (const [args, message] of [
    [['-n', 'shop', '-A'], /-n and -A exclude each other/],
    [['--snapshot', join(dir, 'missing.yaml')], /missing\.yaml.*file not found/],
    [['--alert', notAlert, '--snapshot', scenario('healthy-shop')], /not an Alertmanager webhook body/],
    [['--alert', join(dir, 'none.json')], /cannot read --alert/],
    [
      ['--prometheus-url', 'localhost:9090', '--snapshot', scenario('healthy-shop')],
      /must be an http\(s\) URL/,
    ],
    [['--kubeconfig', join(dir, 'nope')], /kubeconfig .*nope not found/],
    [['--bogus'], /--bogus/],
  ] as const) {
    const r = run([...args]);
    assert.equal(r.status, 2, `${args.join(' ')}: ${r.stderr}`);
    assert.match(r.stderr, message);
    assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
  }
});

test('an unreachable cluster exits 1 naming its URL', () => {
  const dir = tempDir();
  const kubeconfig = join(dir, 'kubeconfig');
  writeFileSync(
    kubeconfig,
    'apiVersion: v1\nkind: Config\nclusters: [{name: c, cluster: {server: "http://127.0.0.1:9"}}]\ncontexts: [{name: c, context: {cluster: c, user: u}}]\nusers: [{name: u, user: {}}]\ncurrent-context: c\n',
  );
  const r = run(['--kubeconfig', kubeconfig]);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /^sre-nanobot diagnose: cannot reach the Kubernetes API at http:\/\/127\.0\.0\.1:9/);
  assert.equal(r.stderr.trim().split('\n').length, 1);
});

test('against a live sandbox: a fault posted to the control API is diagnosed', async () => {
  const { ready, child } = await cliSandbox(['--speed', '50']);
  try {
    const healthy = await until('a settled estate', async () => {
      const r = await runAsync(['--kubeconfig', ready.kubeconfig, '-A', '--json']);
      return r.status === 0 && JSON.parse(r.stdout).findings.length === 0 ? r : undefined;
    });
    assert.equal(healthy.status, 0);
    const res = await fetch(`${ready.server}/sandbox/v1/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'image_pull',
        namespace: 'production',
        target: 'deployment/web-frontend',
      }),
    });
    assert.equal(res.status, 201);
    const found = await until('image_pull_error first', async () => {
      const r = await runAsync(['--kubeconfig', ready.kubeconfig, '--json']);
      const first = JSON.parse(r.stdout).findings[0];
      return first?.pattern === 'image_pull_error' ? first : undefined;
    });
    assert.equal(found.workload.name, 'web-frontend');
    assert.match(found.rootCause, /web-frontend:2\.14\.1.*does not exist/);
    const text = await runAsync(['--kubeconfig', ready.kubeconfig, '-n', 'production']);
    assert.match(text.stdout, /^\w+\s+image_pull_error/);
  } finally {
    child.kill('SIGTERM');
  }
});
