import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { rt } from '../core/resources.ts';
import { deployment, namespace, read, seed, startTestApi, type TestApi } from './test-fixtures.ts';

const DEPLOYMENTS = '/apis/apps/v1/namespaces/shop/deployments';

describe('create and read', () => {
  let api: TestApi;
  before(async () => {
    api = await startTestApi();
    seed(api.cluster, namespace('shop'));
  });
  after(() => api.close());

  it('creates with defaults and answers 201 with the stored object', async () => {
    const res = await api.call('POST', DEPLOYMENTS, deployment('shop', 'cart'));
    assert.equal(res.status, 201);
    const created = await read(res);
    assert.equal(
      created.metadata.resourceVersion,
      api.cluster.store.get(rt('Deployment'), 'shop', 'cart')?.metadata.resourceVersion,
    );
    assert.ok(created.metadata.uid);
    assert.deepEqual(created.spec.strategy, {
      type: 'RollingUpdate',
      rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' },
    });
    assert.equal(created.spec.revisionHistoryLimit, 10);
    assert.equal(created.spec.template.spec.containers[0].imagePullPolicy, 'IfNotPresent');
    assert.equal(created.spec.template.spec.restartPolicy, 'Always');
  });

  it('reads one object and says which is missing', async () => {
    const got = await api.json('GET', `${DEPLOYMENTS}/cart`);
    assert.equal(got.metadata.name, 'cart');
    const res = await api.call('GET', `${DEPLOYMENTS}/nope`);
    assert.equal(res.status, 404);
    const status = await read(res);
    assert.equal(status.message, 'deployments.apps "nope" not found');
    assert.deepEqual(status.details, { name: 'nope', group: 'apps', kind: 'deployments' });
  });

  it('refuses duplicates, bad names, wrong kinds, foreign namespaces and malformed bodies', async () => {
    const duplicate = await api.call('POST', DEPLOYMENTS, deployment('shop', 'cart'));
    assert.equal(duplicate.status, 409);
    assert.equal((await read(duplicate)).reason, 'AlreadyExists');

    const badName = await api.call('POST', DEPLOYMENTS, deployment('shop', 'Bad_Name'));
    assert.equal(badName.status, 422);
    const invalid = await read(badName);
    assert.equal(invalid.reason, 'Invalid');
    assert.equal(invalid.details.causes[0].field, 'metadata.name');
    assert.match(
      invalid.message,
      /^Deployment.apps "Bad_Name" is invalid: metadata.name: Invalid value: "Bad_Name": a lowercase RFC 1123 subdomain/,
    );
    assert.deepEqual([invalid.details.kind, invalid.details.group], ['Deployment', 'apps']);

    const noName = await api.call('POST', DEPLOYMENTS, { ...deployment('shop', 'x'), metadata: {} });
    assert.equal(noName.status, 422);
    assert.match(
      (await read(noName)).message,
      /metadata.name: Required value: name or generateName is required/,
    );

    const wrongKind = await api.call('POST', DEPLOYMENTS, {
      ...deployment('shop', 'x'),
      kind: 'Service',
      apiVersion: 'v1',
    });
    assert.equal(wrongKind.status, 400);

    const otherNamespace = await api.call('POST', DEPLOYMENTS, deployment('elsewhere', 'x'));
    assert.equal(otherNamespace.status, 400);
    assert.equal(
      (await read(otherNamespace)).message,
      'the namespace of the provided object does not match the namespace sent on the request',
    );

    const malformed = await api.call('POST', DEPLOYMENTS, '{"kind": ', {
      'content-type': 'application/json',
    });
    assert.equal(malformed.status, 400);
    assert.match((await read(malformed)).message, /json parse error/);

    const wrongType = await api.call('POST', DEPLOYMENTS, {
      ...deployment('shop', 'y'),
      spec: { replicas: '3' },
    });
    assert.equal(wrongType.status, 400);
    assert.match(
      (await read(wrongType)).message,
      /cannot unmarshal string into Go struct field Deployment.spec.replicas/,
    );

    const mismatch = await api.call('POST', DEPLOYMENTS, {
      ...deployment('shop', 'z'),
      spec: { ...deployment('shop', 'z').spec, selector: { matchLabels: { app: 'other' } } },
    });
    assert.equal(mismatch.status, 422);
    assert.match((await read(mismatch)).message, /`selector` does not match template `labels`/);
  });

  it('checks the namespace: missing is 404, terminating is 403', async () => {
    const missing = await api.call('POST', '/api/v1/namespaces/ghost/configmaps', {
      metadata: { name: 'c' },
      data: { a: 'b' },
    });
    assert.equal(missing.status, 404);
    assert.equal((await read(missing)).message, 'namespaces "ghost" not found');
    seed(api.cluster, namespace('closing'));
    api.cluster.store.mutate(rt('Namespace'), undefined, 'closing', (ns) => {
      ns.status = { phase: 'Terminating' };
    });
    const terminating = await api.call('POST', '/api/v1/namespaces/closing/configmaps', {
      metadata: { name: 'c' },
    });
    assert.equal(terminating.status, 403);
    assert.equal(
      (await read(terminating)).message,
      'configmaps "c" is forbidden: unable to create new content in namespace closing because it is being terminated',
    );
  });

  it('accepts YAML bodies, generateName and dry runs', async () => {
    const yaml =
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  generateName: settings-\ndata:\n  level: debug\n';
    const res = await api.call('POST', '/api/v1/namespaces/shop/configmaps', yaml, {
      'content-type': 'application/yaml',
    });
    assert.equal(res.status, 201);
    const created = await read(res);
    assert.match(created.metadata.name, /^settings-[a-z0-9]{5}$/);
    const dry = await api.call('POST', '/api/v1/namespaces/shop/configmaps?dryRun=All', {
      metadata: { name: 'dry' },
      data: {},
    });
    assert.equal(dry.status, 201);
    assert.equal(api.cluster.store.get(rt('ConfigMap'), 'shop', 'dry'), undefined);
  });

  it('decodes protobuf bodies from client-go typed clients (kubectl create deployment)', async () => {
    // Captured from `kubectl create deployment capdep -n capns --image=nginx:1.25 --port=8080 --replicas=0`.
    const body = Buffer.from(
      'azhzAAoVCgdhcHBzL3YxEgpEZXBsb3ltZW50Es8BCioKBmNhcGRlcBIAGgVjYXBucyIAKgAyADgAQgBaDQoDYXBwEgZjYXBkZXASkgEIABIPCg0KA2FwcBIGY2FwZGVwGnUKHwoAEgAaACIAKgAyADgAQgBaDQoDYXBwEgZjYXBkZXASUhI0CgVuZ2lueBIKbmdpbng6MS4yNSoAMgsKABAAGJA/IgAqAEIAagByAIABAIgBAJABAKIBABoAMgBCAEoAUgBYAGAAaACCAQCKAQCaAQDCAQAiAgoAKAA4ABoMCAAQABgAIAAoADgAGgAiAA==',
      'base64',
    );
    seed(api.cluster, namespace('capns'));
    const res = await fetch(
      `${api.url}/apis/apps/v1/namespaces/capns/deployments?fieldManager=kubectl-create`,
      {
        method: 'POST',
        headers: {
          'content-type': 'application/vnd.kubernetes.protobuf',
          accept: 'application/vnd.kubernetes.protobuf,application/json',
        },
        body,
      },
    );
    assert.equal(res.status, 201);
    const created = await read(res);
    assert.equal(created.spec.replicas, 0);
    assert.deepEqual(created.spec.selector, { matchLabels: { app: 'capdep' } });
    assert.deepEqual(created.spec.template.spec.containers[0].ports, [
      { containerPort: 8080, protocol: 'TCP' },
    ]);
    assert.equal(created.spec.template.spec.containers[0].image, 'nginx:1.25');
    assert.equal(created.metadata.creationTimestamp !== undefined, true);
  });

  it('refuses bodies over 3 MiB with 413', async () => {
    const big = JSON.stringify({ metadata: { name: 'big' }, data: { x: 'y'.repeat(3 * 1024 * 1024) } });
    const res = await api.call('POST', '/api/v1/namespaces/shop/configmaps', big, {
      'content-type': 'application/json',
    });
    assert.equal(res.status, 413);
    assert.equal((await read(res)).reason, 'RequestEntityTooLarge');
  });
});
