import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { KubeconfigError, loadClusterAccess } from './kubeconfig.ts';

const dir = () => mkdtempSync(join(tmpdir(), 'diag-kubeconfig-'));

const CONFIG = `apiVersion: v1
kind: Config
clusters:
  - name: prod
    cluster: {server: "https://10.0.0.1:6443/", certificate-authority: ca.crt}
  - name: lab
    cluster: {server: "http://127.0.0.1:8080", insecure-skip-tls-verify: true}
contexts:
  - name: prod
    context: {cluster: prod, user: admin, namespace: shop}
  - name: lab
    context: {cluster: lab, user: plugin}
users:
  - name: admin
    user: {tokenFile: token}
  - name: plugin
    user:
      exec:
        apiVersion: client.authentication.k8s.io/v1
        command: sh
        args: ["-c", "echo '{\\"apiVersion\\":\\"client.authentication.k8s.io/v1\\",\\"kind\\":\\"ExecCredential\\",\\"status\\":{\\"token\\":\\"from-plugin\\"}}'"]
current-context: prod
`;

test('reads the current context: server, CA and token files relative to the kubeconfig', () => {
  const d = dir();
  writeFileSync(join(d, 'config'), CONFIG);
  writeFileSync(join(d, 'ca.crt'), 'CA PEM');
  writeFileSync(join(d, 'token'), 'tok-123\n');
  const a = loadClusterAccess({ kubeconfig: join(d, 'config') });
  assert.equal(a.server, 'https://10.0.0.1:6443');
  assert.equal(a.context, 'prod');
  assert.equal(a.namespace, 'shop');
  assert.equal(a.token, 'tok-123');
  assert.equal(a.ca?.toString(), 'CA PEM');
  assert.equal(a.insecure, false);
});

test('runs exec credential plugins and honours --context', () => {
  const d = dir();
  writeFileSync(join(d, 'config'), CONFIG);
  const a = loadClusterAccess({ kubeconfig: join(d, 'config'), context: 'lab' });
  assert.equal(a.server, 'http://127.0.0.1:8080');
  assert.equal(a.token, 'from-plugin');
  assert.equal(a.insecure, true);
});

test('$KUBECONFIG lists several files; the first to name something wins', () => {
  const d = dir();
  writeFileSync(
    join(d, 'a'),
    'apiVersion: v1\nkind: Config\ncurrent-context: x\ncontexts: [{name: x, context: {cluster: one, user: u}}]\nusers: [{name: u, user: {token: t}}]\n',
  );
  writeFileSync(
    join(d, 'b'),
    'apiVersion: v1\nkind: Config\ncurrent-context: y\nclusters: [{name: one, cluster: {server: "https://one:443"}}]\n',
  );
  const saved = process.env.KUBECONFIG;
  process.env.KUBECONFIG = `${join(d, 'a')}:${join(d, 'b')}`;
  try {
    const a = loadClusterAccess({});
    assert.equal(a.context, 'x');
    assert.equal(a.server, 'https://one:443');
  } finally {
    if (saved === undefined) delete process.env.KUBECONFIG;
    else process.env.KUBECONFIG = saved;
  }
});

test('says what is wrong: missing file, unknown context', () => {
  const d = dir();
  writeFileSync(join(d, 'config'), CONFIG);
  assert.throws(
    () => loadClusterAccess({ kubeconfig: join(d, 'nope') }),
    (e: Error) => e instanceof KubeconfigError && /nope not found/.test(e.message),
  );
  assert.throws(
    () => loadClusterAccess({ kubeconfig: join(d, 'config'), context: 'staging' }),
    /context "staging" not found .*\(contexts: prod, lab\)/,
  );
});
