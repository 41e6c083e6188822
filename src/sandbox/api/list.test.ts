import assert from 'node:assert/strict';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { rt } from '../core/resources.ts';
import { handleList } from './list.ts';
import { namespace, pod, read, seed, startTestApi, type TestApi } from './test-fixtures.ts';

const TABLE =
  'application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json';

describe('list', () => {
  let api: TestApi;
  before(async () => {
    api = await startTestApi();
    for (const ns of ['a', 'b']) seed(api.cluster, namespace(ns));
    seed(api.cluster, pod('a', 'web-1', { labels: { app: 'web', tier: 'front' }, nodeName: 'n1' }));
    seed(
      api.cluster,
      pod('a', 'web-2', { labels: { app: 'web', tier: 'back' }, nodeName: 'n2', phase: 'Pending' }),
    );
    seed(api.cluster, pod('a', 'db-1', { labels: { app: 'db' }, nodeName: 'n1' }));
    seed(api.cluster, pod('b', 'web-1', { labels: { app: 'web', canary: 'true' } }));
  });
  after(() => api.close());

  const names = (list: any) => list.items.map((i: any) => `${i.metadata.namespace}/${i.metadata.name}`);

  it('lists one namespace or all, as a typed List with the store resourceVersion', async () => {
    const list = await api.json('GET', '/api/v1/namespaces/a/pods');
    assert.equal(list.kind, 'PodList');
    assert.equal(list.apiVersion, 'v1');
    assert.equal(list.metadata.resourceVersion, String(api.cluster.store.resourceVersion));
    assert.deepEqual(names(list), ['a/db-1', 'a/web-1', 'a/web-2']);
    assert.equal((await api.json('GET', '/api/v1/pods')).items.length, 4);
    assert.deepEqual((await api.json('GET', '/api/v1/namespaces/none/pods')).items, []);
    const namespaces = await api.json('GET', '/api/v1/namespaces');
    assert.equal(namespaces.kind, 'NamespaceList');
  });

  it('filters by label selector', async () => {
    const select = async (selector: string) =>
      names(await api.json('GET', `/api/v1/pods?labelSelector=${encodeURIComponent(selector)}`));
    assert.deepEqual(await select('app=web'), ['a/web-1', 'a/web-2', 'b/web-1']);
    assert.deepEqual(await select('app==web,tier!=back'), ['a/web-1', 'b/web-1']);
    assert.deepEqual(await select('tier in (front,back)'), ['a/web-1', 'a/web-2']);
    assert.deepEqual(await select('app notin (web)'), ['a/db-1']);
    assert.deepEqual(await select('canary'), ['b/web-1']);
    assert.deepEqual(await select('!tier,app=web'), ['b/web-1']);
    const bad = await api.call('GET', `/api/v1/pods?labelSelector=${encodeURIComponent('a=(')}`);
    assert.equal(bad.status, 400);
  });

  it('filters by field selector and rejects unsupported fields', async () => {
    const select = async (selector: string, path = '/api/v1/pods') =>
      names(await api.json('GET', `${path}?fieldSelector=${encodeURIComponent(selector)}`));
    assert.deepEqual(await select('spec.nodeName=n1'), ['a/db-1', 'a/web-1']);
    assert.deepEqual(await select('status.phase!=Running'), ['a/web-2']);
    assert.deepEqual(await select('metadata.name=web-1,metadata.namespace=b'), ['b/web-1']);
    assert.deepEqual(await select('spec.nodeName='), ['b/web-1']);
    const bad = await api.call('GET', '/api/v1/pods?fieldSelector=spec.foo%3Dx');
    assert.equal(bad.status, 400);
    assert.equal((await read(bad)).message, 'field label not supported: spec.foo');
    const nodes = await api.call('GET', '/api/v1/nodes?fieldSelector=spec.unschedulable%3Dfalse');
    assert.equal(nodes.status, 200);
  });

  it('pages with limit and an opaque continue token', async () => {
    const first = await api.json('GET', '/api/v1/pods?limit=3');
    assert.equal(first.items.length, 3);
    assert.equal(first.metadata.remainingItemCount, 1);
    assert.ok(first.metadata.continue);
    const second = await api.json('GET', `/api/v1/pods?limit=3&continue=${first.metadata.continue}`);
    assert.deepEqual(names(second), ['b/web-1']);
    assert.equal(second.metadata.continue, undefined);
    const selected = await api.json('GET', '/api/v1/pods?limit=1&labelSelector=app%3Dweb');
    assert.equal(selected.items.length, 1);
    assert.equal(selected.metadata.remainingItemCount, undefined);
    const garbled = await api.call('GET', '/api/v1/pods?limit=1&continue=not-a-token');
    assert.equal(garbled.status, 400);
  });

  it('expires continue tokens older than the kept history with 410', async () => {
    const token = Buffer.from(JSON.stringify({ v: 'meta.k8s.io/v1', rv: -5, start: 'a/' })).toString(
      'base64url',
    );
    const res = await api.call('GET', `/api/v1/pods?limit=1&continue=${token}`);
    assert.equal(res.status, 410);
    assert.equal((await read(res)).reason, 'Expired');
  });

  it('answers Table output when asked, as kubectl get does', async () => {
    const table = await api.json('GET', '/api/v1/namespaces/a/pods?limit=500', undefined, { accept: TABLE });
    assert.equal(table.kind, 'Table');
    assert.equal(table.apiVersion, 'meta.k8s.io/v1');
    assert.ok(table.columnDefinitions.some((c: any) => c.name === 'Name'));
    assert.equal(table.rows.length, 3);
    assert.equal(table.rows[0].object.kind, 'PartialObjectMetadata');
    assert.equal(table.metadata.resourceVersion, String(api.cluster.store.resourceVersion));
    const none = await api.json('GET', '/api/v1/namespaces/a/pods?includeObject=None', undefined, {
      accept: TABLE,
    });
    assert.equal(none.rows[0].object, undefined);
    const one = await api.json('GET', '/api/v1/namespaces/a/pods/web-1', undefined, { accept: TABLE });
    assert.equal(one.rows.length, 1);
  });

  it('streams a list of 1,000 pods as one valid document', async () => {
    seed(api.cluster, namespace('big'));
    for (let i = 0; i < 1000; i++)
      seed(api.cluster, pod('big', `p-${String(i).padStart(4, '0')}`, { nodeName: 'n1' }));
    assert.equal((await api.json('GET', '/api/v1/namespaces/big/pods')).items.length, 1000);
    // The streamed fast path must produce one valid document (speed is bench/sandbox.ts's job).
    let sent = '';
    const res = {
      writeHead: () => res,
      once: () => res,
      write: (chunk: string) => {
        sent += chunk;
        return true;
      },
      end: (chunk: string) => {
        sent += chunk;
      },
    } as unknown as ServerResponse;
    const ctx = {
      cluster: api.cluster,
      req: { headers: {} } as IncomingMessage,
      res,
      method: 'GET',
      query: new URLSearchParams(),
    };
    handleList(ctx, rt('Pod'), 'big');
    assert.equal(JSON.parse(sent).items.length, 1000);
  });
});
