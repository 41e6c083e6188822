import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import * as k8s from '@kubernetes/client-node';
import { deployment, namespace, pod, seed, startTestApi, type TestApi } from './test-fixtures.ts';

describe('@kubernetes/client-node against the API', () => {
  let api: TestApi;
  let core: k8s.CoreV1Api;
  let apps: k8s.AppsV1Api;
  before(async () => {
    api = await startTestApi();
    seed(api.cluster, namespace('shop'));
    seed(api.cluster, pod('shop', 'web-1', { nodeName: 'n1' }));
    seed(api.cluster, deployment('shop', 'cart'));
    api.cluster.logs.set('shop', 'web-1', 'app', [{ time: api.cluster.clock.now(), text: 'hello' }]);
    const kc = new k8s.KubeConfig();
    kc.loadFromOptions({
      clusters: [{ name: 'c', server: api.url, skipTLSVerify: true }],
      users: [{ name: 'u' }],
      contexts: [{ name: 'x', cluster: 'c', user: 'u', namespace: 'shop' }],
      currentContext: 'x',
    });
    core = kc.makeApiClient(k8s.CoreV1Api);
    apps = kc.makeApiClient(k8s.AppsV1Api);
  });
  after(() => api.close());

  it('lists, reads logs and gets 404s as ApiException', async () => {
    const pods = await core.listNamespacedPod({ namespace: 'shop', labelSelector: 'app=web' });
    assert.deepEqual(
      pods.items.map((p) => p.metadata?.name),
      ['web-1'],
    );
    assert.equal(await core.readNamespacedPodLog({ name: 'web-1', namespace: 'shop' }), 'hello\n');
    await assert.rejects(
      core.readNamespacedPod({ name: 'nope', namespace: 'shop' }),
      (err: unknown) => err instanceof k8s.ApiException && err.code === 404,
    );
  });

  it('patches, scales and deletes', async () => {
    const patched = await apps.patchNamespacedDeployment(
      {
        name: 'cart',
        namespace: 'shop',
        body: { spec: { template: { metadata: { annotations: { a: 'b' } } } } },
      },
      k8s.setHeaderOptions('Content-Type', k8s.PatchStrategy.MergePatch),
    );
    assert.equal(patched.spec?.template.metadata?.annotations?.a, 'b');
    const scale = await apps.replaceNamespacedDeploymentScale({
      name: 'cart',
      namespace: 'shop',
      body: { metadata: { name: 'cart', namespace: 'shop' }, spec: { replicas: 4 } },
    });
    assert.equal(scale.spec?.replicas, 4);
    const status = await apps.deleteNamespacedDeployment({ name: 'cart', namespace: 'shop' });
    assert.equal(status.status, 'Success');
    const deleted = await core.deleteNamespacedPod({ name: 'web-1', namespace: 'shop' });
    assert.ok(deleted.metadata?.deletionTimestamp);
  });

  it('evicts through the policy/v1 subresource', async () => {
    seed(api.cluster, pod('shop', 'web-2'));
    await core.createNamespacedPodEviction({
      name: 'web-2',
      namespace: 'shop',
      body: { apiVersion: 'policy/v1', kind: 'Eviction', metadata: { name: 'web-2', namespace: 'shop' } },
    });
    await assert.rejects(core.readNamespacedPod({ name: 'web-2', namespace: 'shop' }), k8s.ApiException);
  });
});
