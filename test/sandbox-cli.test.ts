import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { CLI, cliSandbox, tempDir } from './helpers/sandbox.ts';

const CONTRACT_COMMANDS = [
  'sandbox',
  'mcp',
  'diagnose',
  'agent',
  'gateway',
  'runbook',
  'incident',
  'config',
  'demo',
];

const run = (args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });

test('--help lists every contract subcommand', () => {
  const r = run(['--help']);
  assert.equal(r.status, 0);
  for (const name of CONTRACT_COMMANDS) {
    assert.match(r.stdout, new RegExp(`^  ${name} `, 'm'), `--help should list ${name}`);
  }
});

test('every subcommand has --help; unbuilt ones exit 2 with a one-line reason', () => {
  for (const name of CONTRACT_COMMANDS) {
    const help = run([name, '--help']);
    assert.equal(help.status, 0, `${name} --help`);
    assert.match(help.stdout, /^Usage: sre-nanobot /);
  }
  const r = run(['runbook', 'list']);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /^sre-nanobot runbook: 'runbook' is not yet available/);
  assert.equal(r.stderr.trim().split('\n').length, 1);
});

test('unknown command and bad flags exit 2 without a stack trace', () => {
  const unknown = run(['frobnicate']);
  assert.equal(unknown.status, 2);
  assert.match(unknown.stderr, /unknown command 'frobnicate'/);
  const badFlag = run(['sandbox', '--no-such-flag']);
  assert.equal(badFlag.status, 2);
  assert.match(badFlag.stderr, /--no-such-flag/);
  assert.doesNotMatch(badFlag.stderr, /\n\s+at /);
  const badPort = run(['sandbox', '--port', 'http']);
  assert.equal(badPort.status, 2);
  assert.match(badPort.stderr, /--port must be a whole number/);
});

test('a broken snapshot exits 2 naming the file, the document and the field', () => {
  const dir = tempDir();
  const file = join(dir, 'broken.yaml');
  writeFileSync(
    file,
    [
      'apiVersion: v1\nkind: Namespace\nmetadata: {name: shop}',
      'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: cart, namespace: shop}\nspec:\n  selector: {matchLabels: {app: cart}}\n  template:\n    metadata: {labels: {app: cart}}\n    spec: {containers: []}',
    ].join('\n---\n'),
  );
  const r = run(['sandbox', '--snapshot', file]);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /broken\.yaml/);
  assert.match(r.stderr, /document 2/);
  assert.match(r.stderr, /spec\.template\.spec\.containers/);
  assert.doesNotMatch(r.stderr, /\n\s+at /);
  const missing = run(['sandbox', '--snapshot', join(dir, 'nope.yaml')]);
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /nope\.yaml/);
});

test('the ready line has the contract shape, the API answers and SIGTERM stops it cleanly', async () => {
  const dir = tempDir();
  const { ready, child } = await cliSandbox(['--kubeconfig-out', join(dir, 'kc'), '--metrics-port', '0']);
  assert.equal(ready.ready, true);
  assert.match(ready.server, /^http:\/\/127\.0\.0\.1:\d+$/);
  assert.equal(ready.kubeconfig, join(dir, 'kc'));
  assert.match(ready.metrics, /^http:\/\/127\.0\.0\.1:\d+\/metrics$/);
  assert.notEqual(new URL(ready.metrics).port, new URL(ready.server).port);
  const version = (await (await fetch(`${ready.server}/version`)).json()) as { gitVersion: string };
  assert.match(version.gitVersion, /^v1\.\d+/);
  const metrics = await (await fetch(ready.metrics)).text();
  assert.match(metrics, /^# TYPE kube_pod_status_phase gauge$/m);
  const exit = new Promise<number | null>((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  assert.equal(await exit, 0);
});
