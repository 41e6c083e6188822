import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import * as k8s from '@kubernetes/client-node';
import { type McpSession, stdioSession } from './helpers/mcp.ts';
import { until } from './helpers/poll.ts';
import { inProcessSandbox, tempDir } from './helpers/sandbox.ts';

const secretValue = () => `s3cr3t-${randomBytes(12).toString('hex')}`;
const b64 = (s: string) => Buffer.from(s).toString('base64');

/** Every tool is called against objects holding known random secret values; none may appear in any output. */
describe('no secret value or credential in any tool output', () => {
  let sandbox: Awaited<ReturnType<typeof inProcessSandbox>>;
  let mcp: McpSession;
  const values = {
    password: secretValue(),
    apiKey: secretValue(),
    applied: secretValue(),
    literalEnv: secretValue(),
    patched: secretValue(),
  };
  const token = `kube-token-${randomBytes(16).toString('hex')}`;
  const ns = 'vault';

  before(async () => {
    sandbox = await inProcessSandbox({ speed: 20 });
    const kubeconfig = join(tempDir(), 'with-token');
    writeFileSync(
      kubeconfig,
      readFileSync(sandbox.kubeconfig, 'utf8').replace('user: {}', `user: {token: ${token}}`),
    );
    const kc = new k8s.KubeConfig();
    kc.loadFromFile(sandbox.kubeconfig);
    const core = kc.makeApiClient(k8s.CoreV1Api);
    const apps = kc.makeApiClient(k8s.AppsV1Api);
    await core.createNamespace({ body: { metadata: { name: ns } } });
    await core.createNamespacedSecret({
      namespace: ns,
      body: {
        metadata: {
          name: 'db',
          annotations: {
            'kubectl.kubernetes.io/last-applied-configuration': JSON.stringify({
              stringData: { password: values.applied },
            }),
          },
        },
        data: { password: b64(values.password) },
        stringData: { 'api-key': values.apiKey },
      },
    });
    await apps.createNamespacedDeployment({
      namespace: ns,
      body: {
        metadata: { name: 'app', labels: { app: 'app' } },
        spec: {
          replicas: 1,
          selector: { matchLabels: { app: 'app' } },
          template: {
            metadata: { labels: { app: 'app' } },
            spec: {
              containers: [
                {
                  name: 'app',
                  image: 'ghcr.io/acme/api-service:1.8.2',
                  env: [
                    { name: 'DB_PASSWORD', valueFrom: { secretKeyRef: { name: 'db', key: 'password' } } },
                    { name: 'LEGACY_API_TOKEN', value: values.literalEnv },
                  ],
                },
              ],
            },
          },
        },
      },
    });
    await until('the app pod', async () =>
      (await core.listNamespacedPod({ namespace: ns })).items.some((p) => p.status?.phase === 'Running'),
    );
    mcp = await stdioSession(['--kubeconfig', kubeconfig]);
  });
  after(async () => {
    await mcp?.close();
    await sandbox?.stop();
  });

  test('every tool, in every output format', async () => {
    const pod = (await mcp.ok('pods_list', { namespace: ns, output: 'json' })).match(
      /"name": "(app-[^"]+)"/,
    )?.[1];
    assert.ok(pod);
    const secretManifest = (v: string) =>
      `apiVersion: v1\nkind: Secret\nmetadata: {name: applied, namespace: ${ns}}\nstringData: {token: ${v}}\n`;
    const calls: [string, Record<string, unknown>][] = [
      ['cluster_health', {}],
      ['contexts_list', {}],
      ['namespaces_list', {}],
      ...(['summary', 'yaml', 'json'] as const).flatMap((output): [string, Record<string, unknown>][] => [
        ['pods_list', { namespace: ns, output }],
        ['pods_get', { namespace: ns, name: pod, output }],
        ['deployments_list', { namespace: ns, output }],
        ['deployments_get', { namespace: ns, name: 'app', output }],
        ['nodes_list', { output }],
        ['nodes_get', { name: 'node-1', output }],
        ['services_list', { allNamespaces: true, output }],
        ['pvcs_list', { allNamespaces: true, output }],
        ['resources_list', { kind: 'Secret', namespace: ns, output }],
        ['resources_list', { kind: 'Secret', allNamespaces: true, output }],
      ]),
      ['resources_get', { kind: 'Secret', namespace: ns, name: 'db' }],
      ['resources_get', { kind: 'Secret', namespace: ns, name: 'db', output: 'json' }],
      ['resources_get', { kind: 'ReplicaSet', namespace: ns, name: 'x' }],
      ['pods_log', { namespace: ns, name: pod }],
      ['pods_log', { namespace: ns, name: pod, grep: 's3cr3t' }],
      ['pods_top', { namespace: ns }],
      ['events_list', { namespace: ns }],
      ['diagnose', { namespace: ns }],
      ['diagnose', { allNamespaces: true }],
      ['deployments_history', { namespace: ns, name: 'app' }],
      ['resources_apply', { manifest: secretManifest(values.patched), dryRun: true }],
      ['resources_apply', { manifest: secretManifest(values.patched) }],
      ['resources_apply', { manifest: secretManifest(`${values.patched}-2`) }],
      ['resources_get', { kind: 'Secret', namespace: ns, name: 'applied', output: 'yaml' }],
      ['deployments_scale', { namespace: ns, name: 'app', replicas: 2 }],
      [
        'deployments_set_resources',
        { namespace: ns, name: 'app', container: 'app', limits: { memory: '300Mi' } },
      ],
      ['deployments_restart', { namespace: ns, name: 'app' }],
      ['deployments_rollback', { namespace: ns, name: 'app' }],
      ['deployments_get', { namespace: ns, name: 'app', output: 'yaml' }],
      ['pods_delete', { namespace: ns, name: pod, dryRun: true }],
      ['nodes_cordon', { name: 'node-2' }],
      ['nodes_uncordon', { name: 'node-2' }],
      [
        'nodes_drain',
        { name: 'node-3', dryRun: true, ignoreDaemonSets: true, deleteEmptyDirData: true, force: true },
      ],
      ['pods_get', { namespace: ns, name: 'does-not-exist' }],
    ];
    for (const [tool, args] of calls) await mcp.call(tool, args);
    const { tools } = await mcp.client.listTools();
    assert.deepEqual(
      new Set(mcp.outputs.map((o) => o.tool)),
      new Set(tools.map((t) => t.name)),
      'every tool was called',
    );
    assert.match(
      mcp.outputs.find((o) => o.tool === 'resources_get')?.text ?? '',
      /password: "<redacted: \d+ bytes>"/,
      'keys stay, values go',
    );

    const forbidden = [...Object.values(values), ...Object.values(values).map(b64), token];
    for (const { tool, args, text } of mcp.outputs) {
      for (const secret of forbidden)
        assert.ok(!text.includes(secret), `${tool} ${JSON.stringify(args)} leaked a secret value:\n${text}`);
    }
  });
});
