import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import * as k8s from '@kubernetes/client-node';
import { until } from './helpers/poll.ts';
import { inProcessSandbox } from './helpers/sandbox.ts';

describe('@kubernetes/client-node against the sandbox', () => {
  let sandbox: Awaited<ReturnType<typeof inProcessSandbox>>;
  let kc: k8s.KubeConfig;
  let core: k8s.CoreV1Api;
  let apps: k8s.AppsV1Api;
  const namespace = 'client-node';

  before(async () => {
    sandbox = await inProcessSandbox({ speed: 20 });
    kc = new k8s.KubeConfig();
    kc.loadFromFile(sandbox.kubeconfig);
    core = kc.makeApiClient(k8s.CoreV1Api);
    apps = kc.makeApiClient(k8s.AppsV1Api);
    await core.createNamespace({ body: { metadata: { name: namespace } } });
  });
  after(() => sandbox?.stop());

  test('list and read', async () => {
    const pods = await core.listPodForAllNamespaces();
    assert.ok(pods.items.length >= 10, `the estate has pods, got ${pods.items.length}`);
    const deploy = await apps.readNamespacedDeployment({ name: 'api-service', namespace: 'production' });
    assert.equal(deploy.metadata?.name, 'api-service');
    assert.equal(deploy.spec?.replicas, 3);
    const nodes = await core.listNode();
    assert.deepEqual(nodes.items.map((n) => n.metadata?.name).sort(), ['node-1', 'node-2', 'node-3']);
  });

  test('a missing object is an ApiException with code 404 and a Status body', async () => {
    await assert.rejects(core.readNamespacedPod({ name: 'nope', namespace }), (err: any) => {
      assert.equal(err.code, 404);
      assert.match(String(err.body), /pods \\?"nope\\?" not found/);
      return true;
    });
  });

  test('create, patch three ways, replace with a stale version, delete', async () => {
    const created = await core.createNamespacedConfigMap({
      namespace,
      body: { metadata: { name: 'settings', labels: { team: 'sre' } }, data: { a: '1' } },
    });
    assert.ok(created.metadata?.uid);
    const merged = await core.patchNamespacedConfigMap(
      { name: 'settings', namespace, body: { data: { b: '2' } } },
      k8s.setHeaderOptions('Content-Type', k8s.PatchStrategy.MergePatch),
    );
    assert.deepEqual(merged.data, { a: '1', b: '2' });
    const jsonPatched = await core.patchNamespacedConfigMap(
      { name: 'settings', namespace, body: [{ op: 'replace', path: '/data/a', value: 'one' }] },
      k8s.setHeaderOptions('Content-Type', k8s.PatchStrategy.JsonPatch),
    );
    assert.equal(jsonPatched.data?.a, 'one');

    await apps.createNamespacedDeployment({
      namespace,
      body: {
        metadata: { name: 'web' },
        spec: {
          replicas: 1,
          selector: { matchLabels: { app: 'web' } },
          template: {
            metadata: { labels: { app: 'web' } },
            spec: {
              containers: [
                { name: 'web', image: 'nginx:1.27', env: [{ name: 'A', value: '1' }] },
                { name: 'sidecar', image: 'busybox:1.36' },
              ],
            },
          },
        },
      },
    });
    const strategic = await apps.patchNamespacedDeployment(
      {
        name: 'web',
        namespace,
        body: {
          spec: { template: { spec: { containers: [{ name: 'web', env: [{ name: 'B', value: '2' }] }] } } },
        },
      },
      k8s.setHeaderOptions('Content-Type', k8s.PatchStrategy.StrategicMergePatch),
    );
    const containers = strategic.spec?.template.spec?.containers ?? [];
    assert.deepEqual(
      containers.map((c) => c.name),
      ['web', 'sidecar'],
      'containers merge by name',
    );
    assert.deepEqual(
      containers[0].env?.map((e) => e.name),
      ['B', 'A'],
      'env merges by name',
    );

    const stale = { ...created, data: { a: 'stale' } }; // still carries the first resourceVersion
    await assert.rejects(
      core.replaceNamespacedConfigMap({ name: 'settings', namespace, body: stale }),
      (err: any) => {
        assert.equal(err.code, 409);
        return true;
      },
    );
    await core.deleteNamespacedConfigMap({ name: 'settings', namespace });
    await assert.rejects(
      core.readNamespacedConfigMap({ name: 'settings', namespace }),
      (err: any) => err.code === 404,
    );
  });

  test('watch sees ADDED, MODIFIED and DELETED', async () => {
    const seen: string[] = [];
    const watch = new k8s.Watch(kc);
    const controller = await watch.watch(
      `/api/v1/namespaces/${namespace}/configmaps`,
      {},
      (phase, obj) => seen.push(`${phase} ${obj.metadata.name}`),
      () => {},
    );
    try {
      await core.createNamespacedConfigMap({
        namespace,
        body: { metadata: { name: 'watched' }, data: { x: '1' } },
      });
      await core.patchNamespacedConfigMap(
        { name: 'watched', namespace, body: { data: { x: '2' } } },
        k8s.setHeaderOptions('Content-Type', k8s.PatchStrategy.MergePatch),
      );
      await core.deleteNamespacedConfigMap({ name: 'watched', namespace });
      await until('three watch events', () => seen.length >= 3 && seen);
      assert.deepEqual(seen.slice(0, 3), ['ADDED watched', 'MODIFIED watched', 'DELETED watched']);
    } finally {
      controller.abort();
    }
  });

  test('an informer lists, then follows pods a deployment creates', async () => {
    const informer = k8s.makeInformer(kc, `/api/v1/namespaces/${namespace}/pods`, () =>
      core.listNamespacedPod({ namespace }),
    );
    await informer.start();
    try {
      await apps.patchNamespacedDeploymentScale(
        { name: 'web', namespace, body: { spec: { replicas: 3 } } },
        k8s.setHeaderOptions('Content-Type', k8s.PatchStrategy.MergePatch),
      );
      await until('3 running web pods in the informer cache', () => {
        const running = informer
          .list(namespace)
          .filter((p) => p.status?.phase === 'Running' && !p.metadata?.deletionTimestamp);
        return running.length === 3;
      });
    } finally {
      await informer.stop();
    }
  });
});
