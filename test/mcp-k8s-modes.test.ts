import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import * as k8s from '@kubernetes/client-node';
import { httpServer, httpSession, type McpSession, stdioSession, withoutAutoscaler } from './helpers/mcp.ts';
import { until } from './helpers/poll.ts';
import { CLI, inProcessSandbox, tempDir } from './helpers/sandbox.ts';

const SNAPSHOT = new URL('./snapshots/mcp-k8s-tools.txt', import.meta.url).pathname;

/** Name, hints and argument names of every tool: a rename or a lost annotation fails here. */
async function toolShape(session: McpSession) {
  const { tools } = await session.client.listTools();
  return tools.map((t) => ({
    name: t.name,
    readOnly: t.annotations?.readOnlyHint,
    destructive: t.annotations?.destructiveHint,
    idempotent: t.annotations?.idempotentHint,
    args: Object.keys((t.inputSchema.properties as object) ?? {}).sort(),
    required: [...((t.inputSchema.required as string[]) ?? [])].sort(),
    described:
      Boolean(t.description && t.description.length > 40) &&
      Object.values((t.inputSchema.properties as object) ?? {}).every((p: any) => p.description),
  }));
}

/** `pods_delete  write destructive  args=context,dryRun,… required=name`: one line per tool, diff-friendly. */
const snapshotLine = (t: Awaited<ReturnType<typeof toolShape>>[number]) =>
  `${t.name}  ${t.readOnly ? 'read' : 'write'}${t.destructive ? ' destructive' : ''}${t.idempotent ? ' idempotent' : ''}  args=${t.args.join(',')} required=${t.required.join(',')}`;

describe('sre-nanobot mcp k8s: modes, transports and clusters', () => {
  let east: Awaited<ReturnType<typeof inProcessSandbox>>;
  let west: Awaited<ReturnType<typeof inProcessSandbox>>;
  let both: string;
  let eastApps: k8s.AppsV1Api;
  let westApps: k8s.AppsV1Api;

  const appsFor = (kubeconfig: string) => {
    const kc = new k8s.KubeConfig();
    kc.loadFromFile(kubeconfig);
    return kc.makeApiClient(k8s.AppsV1Api);
  };

  before(async () => {
    [east, west] = await Promise.all([inProcessSandbox({ speed: 20 }), inProcessSandbox({ speed: 20 })]);
    await Promise.all([withoutAutoscaler(east.kubeconfig), withoutAutoscaler(west.kubeconfig)]);
    eastApps = appsFor(east.kubeconfig);
    westApps = appsFor(west.kubeconfig);
    both = join(tempDir(), 'two-clusters');
    writeFileSync(
      both,
      `apiVersion: v1
kind: Config
clusters:
- {name: east, cluster: {server: "${east.server}", insecure-skip-tls-verify: true}}
- {name: west, cluster: {server: "${west.server}", insecure-skip-tls-verify: true}}
contexts:
- {name: east, context: {cluster: east, namespace: production, user: east-admin}}
- {name: west, context: {cluster: west, namespace: staging, user: west-admin}}
users:
- {name: east-admin, user: {token: east-token-not-for-output}}
- {name: west-admin, user: {token: west-token-not-for-output}}
current-context: east
`,
    );
  });
  after(async () => {
    await Promise.all([east?.stop(), west?.stop()]);
  });

  test('the full tool list and the read-only tool list match their snapshot', async () => {
    const full = await stdioSession(['--kubeconfig', east.kubeconfig]);
    const readOnly = await stdioSession(['--kubeconfig', east.kubeconfig, '--read-only']);
    try {
      const shapes = { full: await toolShape(full), readOnly: await toolShape(readOnly) };
      const text = `# full\n${shapes.full.map(snapshotLine).join('\n')}\n# --read-only\n${shapes.readOnly.map(snapshotLine).join('\n')}\n`;
      if (process.env.UPDATE_SNAPSHOTS === '1') writeFileSync(SNAPSHOT, text);
      assert.equal(
        text,
        readFileSync(SNAPSHOT, 'utf8'),
        'tool list changed: if on purpose, rerun with UPDATE_SNAPSHOTS=1',
      );
      assert.ok(
        shapes.full.every((t) => t.described),
        'every tool and argument has a description',
      );
      assert.ok(
        shapes.full.every((t) => t.args.includes('context')),
        'every tool takes context',
      );
      assert.deepEqual(
        shapes.readOnly,
        shapes.full.filter((t) => t.readOnly),
      );
      assert.ok(shapes.readOnly.length >= 18 && shapes.readOnly.length < shapes.full.length);
      const mutating = shapes.full.filter((t) => !t.readOnly).map((t) => t.name);
      for (const name of [
        'pods_delete',
        'nodes_drain',
        'resources_apply',
        'deployments_scale',
        'deployments_rollback',
      ])
        assert.ok(mutating.includes(name), name);
      const hidden = await readOnly.call('deployments_scale', {
        namespace: 'production',
        name: 'api-service',
        replicas: 1,
      });
      assert.ok(hidden.isError);
      assert.match(hidden.text, /deployments_scale not found/);
      assert.equal(
        (await eastApps.readNamespacedDeployment({ name: 'api-service', namespace: 'production' })).spec
          ?.replicas,
        3,
      );
    } finally {
      await Promise.all([full.close(), readOnly.close()]);
    }
  });

  test('several contexts at once: each tool acts on the cluster its context names', async () => {
    const mcp = await stdioSession(['--kubeconfig', both]);
    try {
      const contexts = await mcp.ok('contexts_list');
      assert.match(contexts, new RegExp(`^\\*\\s+east\\s+east\\s+${east.server}\\s+production$`, 'm'));
      assert.match(contexts, new RegExp(`^\\s+west\\s+west\\s+${west.server}\\s+staging$`, 'm'));
      assert.doesNotMatch(contexts, /token|admin/, 'no user or credential');
      assert.equal((await mcp.ok('contexts_list', { context: 'west' })).split('\n').length, 2);
      await mcp.ok('deployments_scale', { context: 'west', name: 'checkout', replicas: 3 });
      await mcp.ok('deployments_scale', { name: 'checkout', replicas: 4 });
      assert.equal(
        (await westApps.readNamespacedDeployment({ name: 'checkout', namespace: 'staging' })).spec?.replicas,
        3,
      );
      assert.equal(
        (await eastApps.readNamespacedDeployment({ name: 'checkout', namespace: 'production' })).spec
          ?.replicas,
        4,
      );
      assert.equal(
        (await eastApps.readNamespacedDeployment({ name: 'checkout', namespace: 'staging' })).spec?.replicas,
        1,
      );
      assert.match(
        await mcp.ok('deployments_get', { context: 'west', name: 'checkout' }),
        /Deployment: staging\/checkout\nReplicas: 3 desired/,
      );
      assert.match(await mcp.ok('cluster_health', { context: 'west' }), /^Cluster west:/);
    } finally {
      await mcp.close();
    }
  });

  test('policy flags: denied namespace, protected workload, dry run', async () => {
    const mcp = await stdioSession([
      '--kubeconfig',
      east.kubeconfig,
      '--deny-namespace',
      'kube-system',
      '--protect',
      'production/payment-service',
    ]);
    const dry = await stdioSession(['--kubeconfig', east.kubeconfig, '--dry-run']);
    try {
      const denied = await mcp.call('deployments_restart', { namespace: 'kube-system', name: 'coredns' });
      assert.deepEqual(denied, {
        isError: true,
        text: "policy refused to restart deployment kube-system/coredns (context sandbox): namespace kube-system is on the policy's deny list",
      });
      const protectedOne = await mcp.call('deployments_scale', {
        namespace: 'production',
        name: 'payment-service',
        replicas: 0,
      });
      assert.match(
        protectedOne.text,
        /policy refused to scale deployment production\/payment-service .*protected by the rule 'production\/payment-service'/,
      );
      assert.equal(
        (await eastApps.readNamespacedDeployment({ name: 'payment-service', namespace: 'production' })).spec
          ?.replicas,
        2,
      );
      assert.match(
        await dry.ok('deployments_scale', { namespace: 'production', name: 'api-service', replicas: 7 }),
        /^\(dry run, nothing changed\)/,
      );
      assert.equal(
        (await eastApps.readNamespacedDeployment({ name: 'api-service', namespace: 'production' })).spec
          ?.replicas,
        3,
      );
    } finally {
      await Promise.all([mcp.close(), dry.close()]);
    }
  });

  test('Streamable HTTP: ready line, two sessions at once, the same tools', async () => {
    const server = await httpServer(['--kubeconfig', east.kubeconfig]);
    try {
      assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+\/mcp$/);
      const [a, b] = await Promise.all([httpSession(server.url), httpSession(server.url)]);
      assert.equal((await a.client.listTools()).tools.length, (await b.client.listTools()).tools.length);
      assert.match(
        await a.ok('pods_list', { namespace: 'production', labelSelector: 'app=api-service' }),
        /api-service-\S+\s+1\/1\s+Running/,
      );
      await b.ok('deployments_scale', { namespace: 'staging', name: 'web-frontend', replicas: 2 });
      await until(
        'the scale to land',
        async () =>
          (await eastApps.readNamespacedDeployment({ name: 'web-frontend', namespace: 'staging' })).spec
            ?.replicas === 2,
      );
      assert.match((await a.call('pods_get', { name: 'nope' })).text, /pods "nope" not found/);
      await Promise.all([a.close(), b.close()]);
      const other = await fetch(server.url.replace('/mcp', '/elsewhere'));
      assert.equal(other.status, 404);
      const rebinding = await new Promise<number>((resolve, reject) =>
        request(
          server.url,
          { method: 'POST', headers: { host: 'evil.example', 'content-type': 'application/json' } },
          (res) => {
            res.resume();
            resolve(res.statusCode ?? 0);
          },
        )
          .on('error', reject)
          .end('{}'),
      );
      assert.equal(
        rebinding,
        403,
        'a page on another host name cannot reach a loopback server (DNS rebinding)',
      );
    } finally {
      await server.stop();
    }
  });

  test('CLI: usage errors exit 2 with one line; an unreachable cluster is a clear tool error naming the URL', async () => {
    const prometheus = spawnSync(process.execPath, [CLI, 'mcp', 'k8s', '--prometheus-url', 'http://x:9090'], {
      encoding: 'utf8',
    });
    assert.equal(prometheus.status, 2);
    assert.match(
      prometheus.stderr,
      /^sre-nanobot mcp: --prometheus-url belongs to 'mcp prometheus'; 'mcp k8s' reads the kubeconfig\n$/,
    );
    const missing = spawnSync(process.execPath, [CLI, 'mcp', 'k8s', '--kubeconfig', '/no/such/file'], {
      encoding: 'utf8',
    });
    assert.equal(missing.status, 2);
    assert.equal(
      missing.stderr,
      'sre-nanobot mcp: kubeconfig /no/such/file does not exist; pass an existing file to --kubeconfig\n',
    );
    const badTransport = spawnSync(process.execPath, [CLI, 'mcp', 'k8s', '--transport', 'carrier-pigeon'], {
      encoding: 'utf8',
    });
    assert.equal(badTransport.status, 2);
    assert.match(badTransport.stderr, /--transport must be stdio or http/);

    const dead = join(tempDir(), 'dead-cluster');
    writeFileSync(dead, readFileSync(east.kubeconfig, 'utf8').replace(/127\.0\.0\.1:\d+/, '127.0.0.1:9'));
    const mcp = await stdioSession(['--kubeconfig', dead]);
    try {
      const r = await mcp.call('pods_list', { namespace: 'production' });
      assert.deepEqual(r, {
        isError: true,
        text: 'cannot reach the Kubernetes API at http://127.0.0.1:9 (context sandbox): connection refused; check that the cluster is up and the kubeconfig points at it',
      });
    } finally {
      await mcp.close();
    }
  });
});
