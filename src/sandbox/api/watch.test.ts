import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import * as k8s from '@kubernetes/client-node';
import { rt } from '../core/resources.ts';
import { namespace, pod, seed, startTestApi, type TestApi } from './test-fixtures.ts';

interface WatchEvent {
  type: string;
  object: any;
}

/** Reads watch events from a streaming response until `count` arrived (or the stream ended). */
async function readEvents(res: Response, count: number, timeoutMs = 3000): Promise<WatchEvent[]> {
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  const events: WatchEvent[] = [];
  let buffered = '';
  const deadline = Date.now() + timeoutMs;
  while (events.length < count && Date.now() < deadline) {
    const chunk = await Promise.race([
      reader.read(),
      new Promise<{ done: true; value: undefined }>((resolve) =>
        setTimeout(() => resolve({ done: true, value: undefined }), deadline - Date.now()),
      ),
    ]);
    if (chunk.done) break;
    buffered += decoder.decode(chunk.value, { stream: true });
    let newline = buffered.indexOf('\n');
    while (newline >= 0) {
      events.push(JSON.parse(buffered.slice(0, newline)));
      buffered = buffered.slice(newline + 1);
      newline = buffered.indexOf('\n');
    }
  }
  await reader.cancel().catch(() => {});
  return events;
}

const relabel = (api: TestApi, name: string, labels: Record<string, string>) =>
  api.cluster.store.mutate(rt('Pod'), 'w', name, (p) => {
    p.metadata.labels = labels;
  });

describe('watch', () => {
  let api: TestApi;
  before(async () => {
    api = await startTestApi();
    seed(api.cluster, namespace('w'));
    seed(api.cluster, pod('w', 'one'));
    seed(api.cluster, pod('w', 'two', { labels: { app: 'db' } }));
  });
  after(() => api.close());

  it('starts with ADDED for every object, then streams changes', async () => {
    const res = await api.call('GET', '/api/v1/namespaces/w/pods?watch=true');
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'application/json');
    const pending = readEvents(res, 4);
    await new Promise((r) => setTimeout(r, 20));
    relabel(api, 'one', { app: 'web', v: '2' });
    api.cluster.store.delete(rt('Pod'), 'w', 'two');
    const events = await pending;
    assert.deepEqual(
      events.map((e) => `${e.type} ${e.object.metadata.name}`),
      ['ADDED one', 'ADDED two', 'MODIFIED one', 'DELETED two'],
    );
    seed(api.cluster, pod('w', 'two', { labels: { app: 'db' } }));
  });

  it('resumes after a resourceVersion; 0 starts from the current state', async () => {
    const rv = api.cluster.store.resourceVersion;
    relabel(api, 'one', { app: 'web', v: '3' });
    const res = await api.call('GET', `/api/v1/namespaces/w/pods?watch=1&resourceVersion=${rv}`);
    const [event] = await readEvents(res, 1);
    assert.equal(event.type, 'MODIFIED');
    assert.equal(event.object.metadata.labels.v, '3');

    const old = await api.call(
      'GET',
      '/api/v1/namespaces/w/pods?watch=1&resourceVersion=0&sendInitialEvents=false',
    );
    assert.equal((await readEvents(old, 2)).length, 2);
  });

  it('sends an ERROR event with a 410 Status when the history no longer reaches back', async () => {
    // Enough writes that the oldest kept change is past resourceVersion 2.
    const store = api.cluster.store;
    seed(api.cluster, {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'churn', namespace: 'w' },
      data: {},
    });
    for (let i = 0; store.oldestWatchableVersion <= 2; i++) {
      store.mutate(rt('ConfigMap'), 'w', 'churn', (c) => {
        c.data = { i: String(i) };
      });
    }
    const res = await api.call('GET', '/api/v1/namespaces/w/pods?watch=1&resourceVersion=2');
    const [event] = await readEvents(res, 1);
    assert.equal(event.type, 'ERROR');
    assert.equal(event.object.code, 410);
    assert.equal(event.object.reason, 'Expired');
  });

  it('turns objects leaving or entering a label selection into DELETED and ADDED', async () => {
    const res = await api.call('GET', '/api/v1/namespaces/w/pods?watch=1&labelSelector=app%3Dweb');
    const pending = readEvents(res, 3);
    await new Promise((r) => setTimeout(r, 20));
    relabel(api, 'one', { app: 'gone' });
    relabel(api, 'two', { app: 'web' });
    const events = await pending;
    assert.deepEqual(
      events.map((e) => `${e.type} ${e.object.metadata.name}`),
      ['ADDED one', 'DELETED one', 'ADDED two'],
    );
    relabel(api, 'one', { app: 'web' });
    relabel(api, 'two', { app: 'db' });
  });

  it('watches a single object by name and ends at timeoutSeconds', async () => {
    const started = Date.now();
    const res = await api.call(
      'GET',
      '/api/v1/namespaces/w/pods?watch=1&fieldSelector=metadata.name%3Done&timeoutSeconds=1',
    );
    const events = await readEvents(res, 10, 4000);
    assert.deepEqual(
      events.map((e) => e.object.metadata.name),
      ['one'],
    );
    assert.ok(Date.now() - started >= 900);
  });

  it('sends Table rows with column definitions only in the first event', async () => {
    const res = await api.call('GET', '/api/v1/namespaces/w/pods?watch=1', undefined, {
      accept: 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json',
    });
    const events = await readEvents(res, 2);
    assert.equal(events[0].object.kind, 'Table');
    assert.ok(events[0].object.columnDefinitions.length > 0);
    assert.equal(events[1].object.columnDefinitions.length, 0);
    assert.equal(events[1].object.rows.length, 1);
  });

  it('drops its subscription when the client goes away', async () => {
    const store = api.cluster.store;
    const listeners = (store as unknown as { listeners: Set<unknown> }).listeners;
    const before = listeners.size;
    const controller = new AbortController();
    const res = await fetch(`${api.url}/api/v1/namespaces/w/pods?watch=1`, { signal: controller.signal });
    await readEvents(res, 2);
    controller.abort();
    const deadline = Date.now() + 2000;
    while (listeners.size > before && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    assert.equal(listeners.size, before);
  });

  it('feeds @kubernetes/client-node informers', async () => {
    const kc = new k8s.KubeConfig();
    kc.loadFromOptions({
      clusters: [{ name: 'c', server: api.url, skipTLSVerify: true }],
      users: [{ name: 'u' }],
      contexts: [{ name: 'x', cluster: 'c', user: 'u' }],
      currentContext: 'x',
    });
    const client = kc.makeApiClient(k8s.CoreV1Api);
    const informer = k8s.makeInformer(kc, '/api/v1/namespaces/w/pods', () =>
      client.listNamespacedPod({ namespace: 'w' }),
    );
    const seen: string[] = [];
    informer.on('add', (p) => seen.push(`add ${p.metadata?.name}`));
    informer.on('update', (p) => seen.push(`update ${p.metadata?.name}`));
    informer.on('delete', (p) => seen.push(`delete ${p.metadata?.name}`));
    await informer.start();
    relabel(api, 'one', { app: 'web', informer: 'yes' });
    api.cluster.store.delete(rt('Pod'), 'w', 'two');
    const deadline = Date.now() + 3000;
    while (seen.length < 4 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    await informer.stop();
    assert.deepEqual(seen, ['add one', 'add two', 'update one', 'delete two']);
  });
});
