import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createCluster } from '../core/cluster.ts';
import { rt } from '../core/resources.ts';
import { namespace, pod, read, seed, startTestApi, type TestApi } from './test-fixtures.ts';

const LOG = '/api/v1/namespaces/app/pods';

describe('pod logs', () => {
  let api: TestApi;
  let now: number;
  before(async () => {
    // Real-time clock: the since* windows below are measured in simulated seconds.
    api = await startTestApi(createCluster({ speed: 1 }));
    now = api.cluster.clock.now();
    seed(api.cluster, namespace('app'));
    seed(api.cluster, pod('app', 'single', { nodeName: 'n1' }));
    seed(api.cluster, pod('app', 'pair', { nodeName: 'n1', containers: ['a', 'b'] }));
    const lines = [0, 1, 2, 3].map((i) => ({ time: now - (600 - i * 120) * 1000, text: `line ${i}` }));
    api.cluster.logs.set('app', 'single', 'app', lines, [
      { time: now - 900_000, text: 'panic: out of memory' },
    ]);
    api.cluster.logs.set('app', 'pair', 'b', [{ time: now, text: 'from b' }]);
  });
  after(() => api.close());

  const text = async (path: string) => {
    const res = await api.call('GET', path);
    return { status: res.status, body: res.status === 200 ? await res.text() : (await read(res)).message };
  };

  it('serves the current log as text/plain', async () => {
    const res = await api.call('GET', `${LOG}/single/log`);
    assert.equal(res.headers.get('content-type'), 'text/plain; charset=utf-8');
    assert.equal(await res.text(), 'line 0\nline 1\nline 2\nline 3\n');
  });

  it('applies tailLines, sinceSeconds, sinceTime, timestamps and limitBytes', async () => {
    assert.equal((await text(`${LOG}/single/log?tailLines=2`)).body, 'line 2\nline 3\n');
    assert.equal((await text(`${LOG}/single/log?sinceSeconds=300`)).body, 'line 3\n');
    const since = new Date(now - 400_000).toISOString();
    assert.equal((await text(`${LOG}/single/log?sinceTime=${since}`)).body, 'line 2\nline 3\n');
    const stamped = (await text(`${LOG}/single/log?tailLines=1&timestamps=true`)).body;
    assert.match(stamped, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z line 3\n$/);
    assert.equal((await text(`${LOG}/single/log?limitBytes=8`)).body, 'line 0\nl');
    assert.equal((await text(`${LOG}/single/log?tailLines=-1`)).status, 422);
  });

  it('serves --previous, or says there is no previous instance', async () => {
    assert.equal((await text(`${LOG}/single/log?previous=true`)).body, 'panic: out of memory\n');
    assert.deepEqual(await text(`${LOG}/pair/log?container=b&previous=true`), {
      status: 400,
      body: 'previous terminated container "b" in pod "pair" not found',
    });
  });

  it('needs a container name when the pod has several', async () => {
    assert.deepEqual(await text(`${LOG}/pair/log`), {
      status: 400,
      body: 'a container name must be specified for pod pair, choose one of: [a b]',
    });
    assert.equal((await text(`${LOG}/pair/log?container=b`)).body, 'from b\n');
    assert.deepEqual(await text(`${LOG}/pair/log?container=zzz`), {
      status: 400,
      body: 'container zzz is not valid for pod pair',
    });
  });

  it('says a waiting container has no log yet', async () => {
    seed(api.cluster, pod('app', 'starting', { nodeName: 'n1' }));
    api.cluster.store.mutate(rt('Pod'), 'app', 'starting', (p) => {
      p.status.containerStatuses[0].state = { waiting: { reason: 'ContainerCreating' } };
    });
    assert.deepEqual(await text(`${LOG}/starting/log`), {
      status: 400,
      body: 'container "app" in pod "starting" is waiting to start: ContainerCreating',
    });
    assert.equal((await text(`${LOG}/missing/log`)).status, 404);
  });

  it('follows new lines until the client closes', async () => {
    const controller = new AbortController();
    const res = await fetch(`${api.url}${LOG}/single/log?follow=true&tailLines=1`, {
      signal: controller.signal,
    });
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let received = decoder.decode((await reader.read()).value);
    api.cluster.logs.append('app', 'single', 'app', [{ time: api.cluster.clock.now(), text: 'fresh line' }]);
    const deadline = Date.now() + 3000;
    while (!received.includes('fresh line') && Date.now() < deadline) {
      received += decoder.decode((await reader.read()).value);
    }
    controller.abort();
    assert.equal(received, 'line 3\nfresh line\n');
  });
});
