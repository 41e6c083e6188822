import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { rt } from '../core/resources.ts';
import { namespace, pod, read, seed, startTestApi, type TestApi } from './test-fixtures.ts';

const evict = (api: TestApi, name: string) =>
  api.call('POST', `/api/v1/namespaces/prod/pods/${name}/eviction`, {
    apiVersion: 'policy/v1',
    kind: 'Eviction',
    metadata: { name, namespace: 'prod' },
  });

describe('eviction and binding', () => {
  let api: TestApi;
  before(async () => {
    api = await startTestApi();
    seed(api.cluster, namespace('prod'));
    for (const name of ['web-1', 'web-2', 'web-3']) seed(api.cluster, pod('prod', name, { nodeName: 'n1' }));
    seed(api.cluster, {
      apiVersion: 'policy/v1',
      kind: 'PodDisruptionBudget',
      metadata: { name: 'web-pdb', namespace: 'prod' },
      spec: { minAvailable: 2, selector: { matchLabels: { app: 'web' } } },
    });
  });
  after(() => api.close());

  it('evicts while the budget allows, then answers 429', async () => {
    const first = await evict(api, 'web-1');
    assert.equal(first.status, 201);
    assert.equal((await read(first)).status, 'Success');
    const evicted = api.cluster.store.get(rt('Pod'), 'prod', 'web-1');
    assert.ok(evicted?.metadata.deletionTimestamp, 'a bound pod is deleted gracefully');
    const second = await evict(api, 'web-2');
    assert.equal(second.status, 429);
    const status = await read(second);
    assert.equal(status.reason, 'TooManyRequests');
    assert.equal(status.message, "Cannot evict pod as it would violate the pod's disruption budget.");
    assert.match(status.details.causes[0].message, /needs 2 healthy pods and has 2 currently/);
  });

  it('evicts pods no budget covers, and refuses a name that does not match the URL', async () => {
    seed(api.cluster, pod('prod', 'lonely', { labels: { app: 'other' } }));
    assert.equal((await evict(api, 'lonely')).status, 201);
    assert.equal(
      api.cluster.store.get(rt('Pod'), 'prod', 'lonely'),
      undefined,
      'an unbound pod goes at once',
    );
    const mismatch = await api.call('POST', '/api/v1/namespaces/prod/pods/web-3/eviction', {
      metadata: { name: 'web-2' },
    });
    assert.equal(mismatch.status, 400);
  });

  it('binds a pod to a node once', async () => {
    seed(api.cluster, pod('prod', 'new', { labels: { app: 'new' } }));
    const binding = {
      apiVersion: 'v1',
      kind: 'Binding',
      metadata: { name: 'new' },
      target: { kind: 'Node', name: 'n2' },
    };
    const res = await api.call('POST', '/api/v1/namespaces/prod/pods/new/binding', binding);
    assert.equal(res.status, 201);
    const bound = api.cluster.store.get(rt('Pod'), 'prod', 'new');
    assert.equal(bound?.spec.nodeName, 'n2');
    assert.ok(bound?.status.conditions.some((c: any) => c.type === 'PodScheduled' && c.status === 'True'));
    assert.equal((await api.call('POST', '/api/v1/namespaces/prod/pods/new/binding', binding)).status, 409);
  });
});
