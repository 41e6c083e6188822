import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { createCluster } from '../core/cluster.ts';
import { rt } from '../core/resources.ts';
import { defaultEstate } from '../estate/index.ts';
import { createSimRuntime } from '../runtime/index.ts';
import { applySnapshot } from '../snapshot/index.ts';
import { FAULT_TYPES, FaultManager } from './index.ts';

let server: Server;
let base: string;
const cluster = createCluster({ speed: 50 });
cluster.runtime = createSimRuntime(cluster);
const faults = new FaultManager(cluster);

before(async () => {
  applySnapshot(cluster, defaultEstate({ now: cluster.clock.now() }), { frozen: false });
  server = createServer((req, res) => faults.handleRequest(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/sandbox/v1/faults`;
});
after(() => {
  server.close();
  cluster.clock.stop();
});

async function call(method: string, path = '', body?: unknown) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as any };
}

test('types lists every fault type with description and params', async () => {
  const { status, json } = await call('GET', '/types');
  assert.equal(status, 200);
  assert.deepEqual(
    json.items.map((t: any) => t.name),
    FAULT_TYPES.map((t) => t.name),
  );
  for (const t of json.items) {
    assert.ok(t.description.length > 20, t.name);
    assert.ok(Array.isArray(t.params) && Array.isArray(t.targets));
  }
  assert.equal(json.items.length, 14);
});

test('inject, list, get and delete a fault; the cause goes away on delete', async () => {
  const created = await call('POST', '', {
    type: 'image_pull',
    namespace: 'production',
    target: 'deployment/api-service',
  });
  assert.equal(created.status, 201);
  const { id } = created.json;
  assert.match(id, /^image-pull-\d+$/);
  assert.equal(created.json.status, 'active');
  assert.equal(created.json.params.image, 'ghcr.io/acme/api-service:1.8.3');
  assert.match(created.json.symptoms, /ImagePullBackOff/);
  assert.match(created.json.fix, /rollout undo/);
  const deployment = cluster.store.get(rt('Deployment'), 'production', 'api-service')!;
  assert.equal(deployment.spec.template.spec.containers[0].image, 'ghcr.io/acme/api-service:1.8.3');
  assert.match(deployment.metadata.annotations?.['kubernetes.io/change-cause'] ?? '', /kubectl set image/);
  assert.match(cluster.runtime.pullImage('ghcr.io/acme/api-service:1.8.3') ?? '', /code = NotFound/);

  const list = await call('GET');
  assert.equal(list.status, 200);
  const listed = list.json.items.find((f: any) => f.id === id);
  for (const field of ['type', 'target', 'namespace', 'params', 'injectedAt', 'status', 'symptoms', 'fix']) {
    assert.ok(field in listed, field);
  }
  assert.equal((await call('GET', `/${id}`)).json.target, 'deployment/api-service');

  const conflict = await call('POST', '', {
    type: 'image_pull',
    namespace: 'production',
    target: 'deployment/api-service',
    params: { image: 'x:1' },
  });
  assert.equal(conflict.status, 409);

  const removed = await call('DELETE', `/${id}`);
  assert.equal(removed.status, 200);
  assert.equal(cluster.runtime.pullImage('ghcr.io/acme/api-service:1.8.3'), undefined);
  assert.equal((await call('GET', `/${id}`)).status, 404);
  assert.equal((await call('DELETE', `/${id}`)).status, 404);
});

test('errors are JSON with 400 for bad requests and 404 for missing things', async () => {
  const unknown = await call('POST', '', { type: 'meteor_strike', target: 'node/node-1' });
  assert.equal(unknown.status, 400);
  assert.match(unknown.json.error, /unknown fault type "meteor_strike"; known types: crash_loop, oom/);

  const badTarget = await call('POST', '', { type: 'oom', namespace: 'production', target: 'api-service' });
  assert.equal(badTarget.status, 400);
  assert.match(badTarget.json.error, /target must look like "kind\/name"/);

  const wrongKind = await call('POST', '', { type: 'oom', namespace: 'production', target: 'node/node-1' });
  assert.equal(wrongKind.status, 400);
  assert.match(wrongKind.json.error, /oom cannot target a node/);

  const missing = await call('POST', '', { type: 'oom', namespace: 'production', target: 'deployment/nope' });
  assert.equal(missing.status, 404);
  assert.match(missing.json.error, /deployments.apps "nope" not found in namespace "production"/);

  const missingNode = await call('POST', '', { type: 'node_not_ready', target: 'node/node-9' });
  assert.equal(missingNode.status, 404);
  assert.match(missingNode.json.error, /nodes "node-9" not found/);

  const badParam = await call('POST', '', {
    type: 'high_error_rate',
    namespace: 'production',
    target: 'deployment/checkout',
    params: { errorRatio: 'lots' },
  });
  assert.equal(badParam.status, 400);
  assert.match(badParam.json.error, /param "errorRatio" must be a number/);

  const outOfRange = await call('POST', '', {
    type: 'high_error_rate',
    namespace: 'production',
    target: 'deployment/checkout',
    params: { errorRatio: 3 },
  });
  assert.equal(outOfRange.status, 400);

  const unknownParam = await call('POST', '', {
    type: 'oom',
    namespace: 'production',
    target: 'deployment/checkout',
    params: { colour: 'red' },
  });
  assert.equal(unknownParam.status, 400);
  assert.match(unknownParam.json.error, /unknown param "colour" for oom \(known: memory\)/);

  const noTarget = await call('POST', '', { type: 'oom', namespace: 'production' });
  assert.equal(noTarget.status, 400);
  assert.match(noTarget.json.error, /oom needs a target/);

  const notJson = await call('POST', '', '{"type":');
  assert.equal(notJson.status, 400);
  assert.match(notJson.json.error, /not valid JSON/);

  const unknownId = await call('GET', '/nope-1');
  assert.equal(unknownId.status, 404);
  assert.match(unknownId.json.error, /fault "nope-1" not found/);

  assert.equal((await call('PUT')).status, 405);
  assert.deepEqual(faults.list(), []);
});
