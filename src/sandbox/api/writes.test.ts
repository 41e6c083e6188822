import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { rt } from '../core/resources.ts';
import { deployment, namespace, read, seed, startTestApi, type TestApi } from './test-fixtures.ts';

const DEPLOYMENTS = '/apis/apps/v1/namespaces/shop/deployments';

describe('update and patch', () => {
  let api: TestApi;
  before(async () => {
    api = await startTestApi();
    seed(api.cluster, namespace('shop'));
    seed(api.cluster, deployment('shop', 'cart'));
  });
  after(() => api.close());

  it('replaces with optimistic concurrency and keeps the status of the main resource', async () => {
    api.cluster.store.mutate(rt('Deployment'), 'shop', 'cart', (d) => {
      d.status = { replicas: 2, readyReplicas: 2 };
    });
    const current = await api.json('GET', `${DEPLOYMENTS}/cart`);
    const next = { ...current, spec: { ...current.spec, replicas: 5 }, status: { replicas: 99 } };
    const res = await api.call('PUT', `${DEPLOYMENTS}/cart`, next);
    assert.equal(res.status, 200);
    const updated = await read(res);
    assert.equal(updated.spec.replicas, 5);
    assert.equal(updated.status.replicas, 2);
    assert.equal(updated.metadata.generation, current.metadata.generation + 1);

    const stale = await api.call('PUT', `${DEPLOYMENTS}/cart`, next);
    assert.equal(stale.status, 409);
    assert.equal((await read(stale)).reason, 'Conflict');

    const renamed = await api.call('PUT', `${DEPLOYMENTS}/cart`, {
      ...updated,
      metadata: { ...updated.metadata, name: 'x' },
    });
    assert.equal(renamed.status, 400);
  });

  it('writes only the status through /status', async () => {
    const current = await api.json('GET', `${DEPLOYMENTS}/cart`);
    const res = await api.call('PUT', `${DEPLOYMENTS}/cart/status`, {
      ...current,
      spec: { ...current.spec, replicas: 1 },
      status: { replicas: 5, readyReplicas: 4 },
    });
    assert.equal(res.status, 200);
    const updated = await read(res);
    assert.equal(updated.spec.replicas, current.spec.replicas);
    assert.equal(updated.status.readyReplicas, 4);
    const patched = await api.json('PATCH', `${DEPLOYMENTS}/cart/status`, '{"status":{"readyReplicas":5}}', {
      'content-type': 'application/merge-patch+json',
    });
    assert.equal(patched.status.readyReplicas, 5);
  });

  it('patches with every patch type and rejects others with 415', async () => {
    const merge = await api.json('PATCH', `${DEPLOYMENTS}/cart`, '{"spec":{"replicas":3}}', {
      'content-type': 'application/merge-patch+json',
    });
    assert.equal(merge.spec.replicas, 3);
    const strategic = await api.json(
      'PATCH',
      `${DEPLOYMENTS}/cart?fieldManager=kubectl-rollout`,
      '{"spec":{"template":{"metadata":{"annotations":{"kubectl.kubernetes.io/restartedAt":"now"}}}}}',
      { 'content-type': 'application/strategic-merge-patch+json' },
    );
    assert.equal(strategic.spec.template.metadata.annotations['kubectl.kubernetes.io/restartedAt'], 'now');
    const json = await api.json(
      'PATCH',
      `${DEPLOYMENTS}/cart`,
      '[{"op":"replace","path":"/spec/replicas","value":4}]',
      {
        'content-type': 'application/json-patch+json',
      },
    );
    assert.equal(json.spec.replicas, 4);
    const unsupported = await api.call('PATCH', `${DEPLOYMENTS}/cart`, '{}', {
      'content-type': 'text/plain',
    });
    assert.equal(unsupported.status, 415);
    const missing = await api.call('PATCH', `${DEPLOYMENTS}/nope`, '{}', {
      'content-type': 'application/merge-patch+json',
    });
    assert.equal(missing.status, 404);
  });

  it('creates through server-side apply when the object does not exist', async () => {
    const manifest = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: applied\ndata:\n  a: b\n';
    const res = await api.call(
      'PATCH',
      '/api/v1/namespaces/shop/configmaps/applied?fieldManager=kubectl',
      manifest,
      {
        'content-type': 'application/apply-patch+yaml',
      },
    );
    assert.equal(res.status, 201);
    assert.equal((await read(res)).data.a, 'b');
  });

  it('guards immutable fields and pod specs', async () => {
    const res = await api.call(
      'PATCH',
      `${DEPLOYMENTS}/cart`,
      '{"spec":{"selector":{"matchLabels":{"app":"x"}}}}',
      {
        'content-type': 'application/merge-patch+json',
      },
    );
    assert.equal(res.status, 422);
    seed(api.cluster, {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p', namespace: 'shop' },
      spec: { containers: [{ name: 'app', image: 'nginx:1.25' }] },
    });
    const image = await api.call(
      'PATCH',
      '/api/v1/namespaces/shop/pods/p',
      '{"spec":{"containers":[{"name":"app","image":"nginx:1.26"}]}}',
      {
        'content-type': 'application/strategic-merge-patch+json',
      },
    );
    assert.equal(image.status, 200);
    const resources = await api.call(
      'PATCH',
      '/api/v1/namespaces/shop/pods/p',
      '{"spec":{"containers":[{"name":"app","resources":{"limits":{"cpu":"1"}}}]}}',
      { 'content-type': 'application/strategic-merge-patch+json' },
    );
    assert.equal(resources.status, 422);
    assert.match((await read(resources)).message, /pod updates may not change fields other than/);
  });

  it('refuses to grow a claim whose storage class cannot expand, and to shrink one', async () => {
    seed(api.cluster, {
      apiVersion: 'storage.k8s.io/v1',
      kind: 'StorageClass',
      metadata: { name: 'fixed' },
      provisioner: 'x',
    });
    seed(api.cluster, {
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: { name: 'data', namespace: 'shop' },
      spec: {
        storageClassName: 'fixed',
        accessModes: ['ReadWriteOnce'],
        resources: { requests: { storage: '10Gi' } },
        volumeName: 'pv-1',
      },
      status: { phase: 'Bound', capacity: { storage: '10Gi' } },
    });
    const path = '/api/v1/namespaces/shop/persistentvolumeclaims/data';
    const grow = await api.call('PATCH', path, '{"spec":{"resources":{"requests":{"storage":"20Gi"}}}}', {
      'content-type': 'application/merge-patch+json',
    });
    assert.equal(grow.status, 403);
    assert.equal(
      (await read(grow)).message,
      'persistentvolumeclaims "data" is forbidden: only dynamically provisioned pvc can be resized and the storageclass that provisions the pvc must support resize',
    );
    const shrink = await api.call('PATCH', path, '{"spec":{"resources":{"requests":{"storage":"5Gi"}}}}', {
      'content-type': 'application/merge-patch+json',
    });
    assert.equal(shrink.status, 422);
    api.cluster.store.mutate(rt('StorageClass'), undefined, 'fixed', (sc) => {
      sc.allowVolumeExpansion = true;
    });
    const allowed = await api.call('PATCH', path, '{"spec":{"resources":{"requests":{"storage":"20Gi"}}}}', {
      'content-type': 'application/merge-patch+json',
    });
    assert.equal(allowed.status, 200);
  });

  it('serves HorizontalPodAutoscalers in autoscaling/v1 and v2 from one stored object', async () => {
    const v1 = {
      apiVersion: 'autoscaling/v1',
      kind: 'HorizontalPodAutoscaler',
      metadata: { name: 'cart' },
      spec: {
        scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'cart' },
        maxReplicas: 5,
        targetCPUUtilizationPercentage: 70,
      },
    };
    const created = await api.call(
      'POST',
      '/apis/autoscaling/v1/namespaces/shop/horizontalpodautoscalers',
      v1,
    );
    assert.equal(created.status, 201);
    assert.equal((await read(created)).spec.targetCPUUtilizationPercentage, 70);
    const v2 = await api.json('GET', '/apis/autoscaling/v2/namespaces/shop/horizontalpodautoscalers/cart');
    assert.equal(v2.apiVersion, 'autoscaling/v2');
    assert.deepEqual(v2.spec.metrics, [
      {
        type: 'Resource',
        resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } },
      },
    ]);
    const list = await api.json('GET', '/apis/autoscaling/v1/namespaces/shop/horizontalpodautoscalers');
    assert.equal(list.items[0].apiVersion, 'autoscaling/v1');
    assert.equal(list.items[0].spec.minReplicas, 1);
  });
});
