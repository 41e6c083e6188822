import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { rt } from '../core/resources.ts';
import { deployment, namespace, read, seed, startTestApi, type TestApi } from './test-fixtures.ts';

const SCALE = '/apis/apps/v1/namespaces/shop/deployments/cart/scale';

describe('scale subresource', () => {
  let api: TestApi;
  before(async () => {
    api = await startTestApi();
    seed(api.cluster, namespace('shop'));
    seed(api.cluster, {
      ...deployment('shop', 'cart', 2),
      spec: {
        ...deployment('shop', 'cart', 2).spec,
        selector: {
          matchLabels: { app: 'cart' },
          matchExpressions: [{ key: 'tier', operator: 'In', values: ['web', 'api'] }],
        },
        template: {
          metadata: { labels: { app: 'cart', tier: 'web' } },
          spec: { containers: [{ name: 'c', image: 'x:1' }] },
        },
      },
    });
    api.cluster.store.mutate(rt('Deployment'), 'shop', 'cart', (d) => {
      d.status = { replicas: 2 };
    });
  });
  after(() => api.close());

  it('reads an autoscaling/v1 Scale with the selector as a string', async () => {
    const scale = await api.json('GET', SCALE);
    assert.equal(scale.kind, 'Scale');
    assert.equal(scale.apiVersion, 'autoscaling/v1');
    assert.deepEqual(scale.spec, { replicas: 2 });
    assert.deepEqual(scale.status, { replicas: 2, selector: 'app=cart,tier in (api,web)' });
  });

  it('patches replicas as kubectl scale does', async () => {
    const res = await api.call('PATCH', SCALE, '{"spec":{"replicas":5}}', {
      'content-type': 'application/merge-patch+json',
    });
    assert.equal(res.status, 200);
    assert.equal((await read(res)).spec.replicas, 5);
    assert.equal(api.cluster.store.get(rt('Deployment'), 'shop', 'cart')?.spec.replicas, 5);
  });

  it('takes a PUT without Content-Type and checks its resourceVersion', async () => {
    const current = await api.json('GET', SCALE);
    const body = JSON.stringify({ ...current, spec: { replicas: 3 } });
    const res = await fetch(`${api.url}${SCALE}`, { method: 'PUT', body });
    assert.equal(res.status, 200);
    assert.equal((await read(res)).spec.replicas, 3);
    const stale = await fetch(`${api.url}${SCALE}`, { method: 'PUT', body });
    assert.equal(stale.status, 409);
  });

  it('refuses negative replicas with 422 and unknown targets with 404', async () => {
    const res = await api.call('PATCH', SCALE, '{"spec":{"replicas":-1}}', {
      'content-type': 'application/merge-patch+json',
    });
    assert.equal(res.status, 422);
    assert.match(
      (await read(res)).message,
      /^Scale.autoscaling "cart" is invalid: spec.replicas: Invalid value: -1/,
    );
    assert.equal((await api.call('GET', '/apis/apps/v1/namespaces/shop/deployments/nope/scale')).status, 404);
    assert.equal((await api.call('GET', '/apis/apps/v1/namespaces/shop/daemonsets/x/scale')).status, 404);
  });
});
