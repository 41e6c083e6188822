import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { rt } from '../core/resources.ts';
import { deployment, namespace, pod, read, seed, startTestApi, type TestApi } from './test-fixtures.ts';

describe('delete', () => {
  let api: TestApi;
  before(async () => {
    api = await startTestApi();
    seed(api.cluster, namespace('d'));
  });
  after(() => api.close());

  it('deletes bound pods gracefully and unbound or forced ones at once', async () => {
    seed(api.cluster, pod('d', 'bound', { nodeName: 'n1' }));
    seed(api.cluster, pod('d', 'unbound'));
    const res = await api.call('DELETE', '/api/v1/namespaces/d/pods/bound', {
      propagationPolicy: 'Background',
    });
    assert.equal(res.status, 200);
    const terminating = await read(res);
    assert.equal(terminating.kind, 'Pod');
    assert.equal(terminating.metadata.deletionGracePeriodSeconds, 30);
    assert.ok(
      Date.parse(terminating.metadata.deletionTimestamp) > Date.parse(terminating.metadata.creationTimestamp),
    );
    assert.ok(api.cluster.store.get(rt('Pod'), 'd', 'bound'));

    const forced = await api.call('DELETE', '/api/v1/namespaces/d/pods/bound', { gracePeriodSeconds: 0 });
    assert.equal(forced.status, 200);
    assert.equal(api.cluster.store.get(rt('Pod'), 'd', 'bound'), undefined);

    await api.call('DELETE', '/api/v1/namespaces/d/pods/unbound');
    assert.equal(api.cluster.store.get(rt('Pod'), 'd', 'unbound'), undefined);
    assert.equal((await api.call('DELETE', '/api/v1/namespaces/d/pods/unbound')).status, 404);
  });

  it('answers a Success Status for kinds that do not return the deleted object', async () => {
    seed(api.cluster, deployment('d', 'gone'));
    const status = await api.json('DELETE', '/apis/apps/v1/namespaces/d/deployments/gone');
    assert.equal(status.kind, 'Status');
    assert.equal(status.status, 'Success');
    assert.deepEqual(
      { ...status.details, uid: undefined },
      { name: 'gone', group: 'apps', kind: 'deployments', uid: undefined },
    );
  });

  it('orphans dependents when asked, leaving them without the owner reference', async () => {
    const owner = seed(api.cluster, deployment('d', 'owner'));
    const ref = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      name: 'owner',
      uid: owner.metadata.uid!,
      controller: true,
    };
    const other = { apiVersion: 'v1', kind: 'ConfigMap', name: 'x', uid: 'other-uid' };
    seed(api.cluster, pod('d', 'child', { ownerReferences: [ref, other] }));
    seed(api.cluster, pod('d', 'only-child', { ownerReferences: [ref] }));
    const res = await api.call(
      'DELETE',
      '/apis/apps/v1/namespaces/d/deployments/owner?propagationPolicy=Orphan',
    );
    assert.equal(res.status, 200);
    assert.equal(api.cluster.store.get(rt('Deployment'), 'd', 'owner'), undefined);
    assert.deepEqual(api.cluster.store.get(rt('Pod'), 'd', 'child')?.metadata.ownerReferences, [other]);
    assert.equal(api.cluster.store.get(rt('Pod'), 'd', 'only-child')?.metadata.ownerReferences, undefined);
  });

  it('checks preconditions and propagation policies', async () => {
    seed(api.cluster, pod('d', 'guarded'));
    const wrongUid = await api.call('DELETE', '/api/v1/namespaces/d/pods/guarded', {
      preconditions: { uid: 'nope' },
    });
    assert.equal(wrongUid.status, 409);
    const badPolicy = await api.call('DELETE', '/api/v1/namespaces/d/pods/guarded', {
      propagationPolicy: 'Sideways',
    });
    assert.equal(badPolicy.status, 422);
    const dryRun = await api.call('DELETE', '/api/v1/namespaces/d/pods/guarded?dryRun=All');
    assert.equal(dryRun.status, 200);
    assert.ok(api.cluster.store.get(rt('Pod'), 'd', 'guarded'));
  });

  it('marks namespaces Terminating and protects the built-in ones', async () => {
    seed(api.cluster, namespace('doomed'));
    const res = await api.call('DELETE', '/api/v1/namespaces/doomed');
    assert.equal(res.status, 200);
    const ns = await read(res);
    assert.equal(ns.status.phase, 'Terminating');
    assert.ok(ns.metadata.deletionTimestamp);
    seed(api.cluster, namespace('default'));
    const protectedNs = await api.call('DELETE', '/api/v1/namespaces/default');
    assert.equal(protectedNs.status, 403);
    assert.equal(
      (await read(protectedNs)).message,
      'namespaces "default" is forbidden: this namespace may not be deleted',
    );
  });

  it('waits for finalizers, and finishes when the last one is removed', async () => {
    seed(api.cluster, {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'held', namespace: 'd', finalizers: ['x/hold'] },
    });
    const held = await api.json('DELETE', '/api/v1/namespaces/d/configmaps/held');
    assert.ok(held.metadata.deletionTimestamp);
    assert.ok(api.cluster.store.get(rt('ConfigMap'), 'd', 'held'));
    const res = await api.call(
      'PATCH',
      '/api/v1/namespaces/d/configmaps/held',
      '{"metadata":{"finalizers":null}}',
      {
        'content-type': 'application/merge-patch+json',
      },
    );
    assert.equal(res.status, 200);
    assert.equal(api.cluster.store.get(rt('ConfigMap'), 'd', 'held'), undefined);
  });

  it('deletes a selected collection', async () => {
    for (const name of ['c1', 'c2', 'c3']) {
      seed(api.cluster, {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name, namespace: 'd', labels: { batch: name === 'c3' ? 'b' : 'a' } },
      });
    }
    const list = await api.json('DELETE', '/api/v1/namespaces/d/configmaps?labelSelector=batch%3Da');
    assert.equal(list.kind, 'ConfigMapList');
    assert.deepEqual(
      list.items.map((i: any) => i.metadata.name),
      ['c1', 'c2'],
    );
    assert.ok(api.cluster.store.get(rt('ConfigMap'), 'd', 'c3'));
  });
});
